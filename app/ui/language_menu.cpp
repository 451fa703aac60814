#include "language_menu.h"

#include "main_window.h"
#include "map_canvas.h"

#include <translations.h>

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

namespace isv {

namespace {
const QString kKey = QStringLiteral("ui/language");
} // namespace

QString languageSetting(const QSettings& store) {
    const QString chosen = store.value(kKey).toString();
    return interfaceLanguages().contains(chosen) ? chosen : systemLanguage();
}

MainWindow* reopenWindow(MainWindow* old, QSettings* store) {
    const MapSettings settings = old->canvas()->settings();
    auto* next = new MainWindow(old->canvas()->scene(), store);
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->restoreGeometry(old->saveGeometry());
    next->restoreState(old->saveState());
    next->canvas()->setSettings(settings);
    next->setNameSet(settings.names); // relabels the lists and the panel
    next->selectPlace(settings.selected, false);
    next->show(); // before the old one closes: the last window closing would end the program
    old->close();
    return next;
}

QMenu* createLanguageMenu(MainWindow* parent, QSettings* store) {
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
        // Once the menu has closed, the window that owns it is replaced by one in the new language; a window
        // that someone else owns (not deleted on close) keeps its words until the next start.
        if (parent->testAttribute(Qt::WA_DeleteOnClose)) {
            useLanguage(next);
            return QTimer::singleShot(0, parent, [parent, store] { reopenWindow(parent, store); });
        }
        QMessageBox::information(
            parent, QCoreApplication::translate("isv::MainWindow", "Language"),
            QCoreApplication::translate("isv::MainWindow",
                                        "The interface will be shown in %1 the next time Isleview starts.")
                .arg(a->text()));
    });
    return menu;
}

} // namespace isv
