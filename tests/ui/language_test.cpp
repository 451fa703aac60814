// The window in Japanese and Russian: its own words, Qt's standard buttons, figures in the status bar, and
// the View → Language choice remembered in the settings.
#include "language_menu.h"
#include "main_window.h"
#include "map_canvas.h"
#include "run_window.h"
#include "status_text.h"
#include "test_world.h"

#include <translations.h>

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct English {
    ~English() { isv::useLanguage(QStringLiteral("en")); }
};

QStringList menuTitles(const isv::MainWindow& w) {
    QStringList out;
    for (QAction* a : w.menuBar()->actions())
        out << a->text();
    return out;
}

TEST(Language, TheWindowSpeaksJapaneseAndRussian) {
    English english;
    const std::pair<const char*, QStringList> cases[] = {
        {"ja", {"ファイル(&F)", "編集(&E)", "表示(&V)", "地名(&N)", "主張(&C)", "ヘルプ(&H)"}},
        {"ru", {"&Файл", "&Правка", "&Вид", "&Названия", "П&ритязания", "&Справка"}},
        {"en", {"&File", "&Edit", "&View", "&Names", "&Claims", "&Help"}}};
    for (const auto& [lang, titles] : cases) {
        ASSERT_TRUE(isv::useLanguage(QString::fromLatin1(lang)));
        isv::MainWindow w(uitest::testScene());
        EXPECT_EQ(menuTitles(w), titles) << lang;
        auto* info = w.findChild<QDockWidget*>(QStringLiteral("infoDock"));
        ASSERT_TRUE(info);
        if (QLatin1String(lang) == QLatin1String("ja")) {
            EXPECT_EQ(info->windowTitle(), QStringLiteral("情報"));
            EXPECT_EQ(w.action(QStringLiteral("claim-japan"))->text(), QStringLiteral("日本の主張"));
        }
        if (QLatin1String(lang) == QLatin1String("ru")) {
            EXPECT_EQ(info->windowTitle(), QStringLiteral("Сведения"));
            EXPECT_EQ(w.action(QStringLiteral("claim-russia"))->text(), QStringLiteral("Притязания России"));
            EXPECT_EQ(isv::formatLonLat({145.85, 43.385}),
                      QStringLiteral("43°23,1′ с. ш. 145°51,0′ в. д. (43,3850; 145,8500)"));
            EXPECT_EQ(isv::formatDistance(12345), QStringLiteral("12,3 км"));
        }
    }
}

TEST(Language, QtsStandardButtonsFollow) {
    English english;
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ja")));
    QDialogButtonBox ja(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    EXPECT_EQ(ja.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("キャンセル"));
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ru")));
    QDialogButtonBox ru(QDialogButtonBox::Cancel);
    EXPECT_EQ(ru.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Отмена"));
}

TEST(Language, TheViewMenuChoiceIsRemembered) {
    English restore;
    QTemporaryDir dir;
    QSettings store(dir.filePath("settings.ini"), QSettings::IniFormat);
    EXPECT_EQ(isv::languageSetting(store), isv::systemLanguage()) << "nothing chosen: the system's";
    isv::MainWindow w(uitest::testScene(), &store);
    auto* menu = w.findChild<QMenu*>(QStringLiteral("languageMenu"));
    ASSERT_TRUE(menu);
    QAction* system = menu->findChild<QAction*>(QStringLiteral("language-system"));
    ASSERT_TRUE(system);
    EXPECT_TRUE(system->isChecked());
    QAction* english = nullptr;
    for (QAction* a : menu->actions())
        if (a->data().toString() == QLatin1String("en")) english = a;
    ASSERT_TRUE(english);
    english->trigger(); // English is already spoken: stored, nothing to say
    EXPECT_EQ(store.value("ui/language").toString(), QStringLiteral("en"));
    EXPECT_EQ(isv::languageSetting(store), QStringLiteral("en"));
    store.setValue("ui/language", "ru");
    EXPECT_EQ(isv::languageSetting(store), QStringLiteral("ru"));
    store.setValue("ui/language", "klingon");
    EXPECT_EQ(isv::languageSetting(store), isv::systemLanguage());
}

} // namespace

TEST(Language, TheWindowTakesLangAndLeavesQtsOptionsToQt) {
    const isv::WindowArgs a = isv::parseWindowArgs(
        {"--lang", "ru", "-stylesheet", "dark.qss", "-platform", "offscreen", "coast.shp"});
    EXPECT_EQ(a.error, QString());
    EXPECT_EQ(a.language, QStringLiteral("ru"));
    EXPECT_EQ(a.files, QStringList{"coast.shp"});
    EXPECT_EQ(isv::parseWindowArgs({"--lang", "fr"}).error, QStringLiteral("--lang must be en, ja, ru"));
    EXPECT_EQ(isv::parseWindowArgs({"--lang"}).error, QStringLiteral("--lang needs a value"));
    EXPECT_TRUE(isv::parseWindowArgs({"--version"}).version);
}

TEST(Language, ChoosingALanguageReopensTheWindowInItWithTheSameMap) {
    English restore;
    QTemporaryDir dir;
    QSettings store(dir.filePath("settings.ini"), QSettings::IniFormat);
    auto* first = new isv::MainWindow(uitest::testScene(), &store);
    first->setAttribute(Qt::WA_DeleteOnClose);
    first->show();
    isv::MapSettings s = first->canvas()->settings();
    s.title = QStringLiteral("Habomai");
    s.notes.push_back({145.6, 43.4, QStringLiteral("Kaigara")});
    s.claims = {QStringLiteral("russia")};
    first->canvas()->setSettings(s);
    const QPointer<isv::MainWindow> old(first);
    QAction* russian = first->findChild<QAction*>(QStringLiteral("language-ru"));
    ASSERT_TRUE(russian);
    russian->trigger();
    QTRY_VERIFY(old.isNull());
    isv::MainWindow* next = nullptr;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* m = qobject_cast<isv::MainWindow*>(w); m && m->isVisible()) next = m;
    ASSERT_TRUE(next);
    EXPECT_EQ(menuTitles(*next).first(), QStringLiteral("&Файл"));
    EXPECT_EQ(store.value("ui/language").toString(), QStringLiteral("ru"));
    const isv::MapSettings& now = next->canvas()->settings();
    EXPECT_EQ(now.title, QStringLiteral("Habomai"));
    EXPECT_EQ(now.claims, QStringList{"russia"});
    ASSERT_EQ(now.notes.size(), 1u);
    EXPECT_EQ(next->noteList()->count(), 1);
    EXPECT_TRUE(next->action(QStringLiteral("claim-russia"))->isChecked());
    next->close();
}
