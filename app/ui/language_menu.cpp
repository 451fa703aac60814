#include "language_menu.h"

#include <translations.h>

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace isv {

namespace {
const QString kKey = QStringLiteral("ui/language");
} // namespace

QString languageSetting(const QSettings& store) {
    const QString chosen = store.value(kKey).toString();
    return interfaceLanguages().contains(chosen) ? chosen : systemLanguage();
}

QMenu* createLanguageMenu(QWidget* parent, QSettings* store) {
    auto* menu = new QMenu(QCoreApplication::translate("isv::MainWindow", "&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    // Each language is named in itself, so that a reader of any of them finds their own.
    const QList<QPair<QString, QString>> choices{
        {QStringLiteral("system"), QCoreApplication::translate("isv::MainWindow", "System Language")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
        {QStringLiteral("ru"), QStringLiteral("Русский")}};
    const QString current =
        store ? store->value(kKey, QStringLiteral("system")).toString() : interfaceLanguage();
    for (const auto& [code, text] : choices) {
        QAction* a = menu->addAction(text);
        a->setObjectName(QStringLiteral("language-") + code);
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(code == current ||
                      (code == QLatin1String("system") && !interfaceLanguages().contains(current)));
        group->addAction(a);
    }
    QObject::connect(group, &QActionGroup::triggered, menu, [parent, store](QAction* a) {
        if (!store) return;
        const QString code = a->data().toString();
        store->setValue(kKey, code);
        const QString next = code == QLatin1String("system") ? systemLanguage() : code;
        if (next == interfaceLanguage()) return;
        // The window's words are made when it opens: the new language applies from the next start.
        QMessageBox::information(
            parent, QCoreApplication::translate("isv::MainWindow", "Language"),
            QCoreApplication::translate("isv::MainWindow",
                                        "The interface will be shown in %1 the next time Isleview starts.")
                .arg(a->text()));
    });
    return menu;
}

} // namespace isv
