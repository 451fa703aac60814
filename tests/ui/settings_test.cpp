// The window's saved settings as a file anyone may have edited: values of the wrong type or out of range
// are ignored (the defaults stay), each named in a message; nothing crashes or draws a view of nowhere.
#include "export_dialog.h"
#include "ui_test_util.h"
#include "view_state.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>

#include <geo/map_data.h>
#include <geo/projection.h>

#include <random>

#include <unistd.h>

namespace {

struct BadValue {
    const char* key;
    QVariant value;
};

// Every remembered view value, with values of the wrong type and out of range.
const QList<BadValue>& badValues() {
    static const QList<BadValue> values{
        {"view/legend", "maybe"},
        {"view/legend", 2.5},
        {"view/scaleBar", QStringList{"a", "b"}},
        {"view/northArrow", ""},
        {"view/centerX", "east"},
        {"view/centerX", "nan"},
        {"view/centerY", "inf"},
        {"view/centerY", "1e400"},
        {"view/centerX", QStringList{"1", "2"}},
        {"view/metresPerPixel", "-3"},
        {"view/metresPerPixel", "0"},
        {"view/metresPerPixel", "1e30"},
        {"view/metresPerPixel", "0.000001"},
        {"view/centerX", "1e12"}, // finite, but nowhere near the map
        {"names/names", "klingon"},
        {"names/script", "runes"},
        {"names/names", 42},
        {"claims/shown", "martians"},
        {"claims/shown", QVariantMap{{"a", 1}}},
    };
    return values;
}

isv::MapSettings defaults() {
    isv::MapSettings s;
    s.viewport.center = {600000, 4800000};
    s.viewport.metresPerPixel = 100;
    s.viewport.widthPx = 800;
    s.viewport.heightPx = 600;
    return s;
}

TEST(SettingsFile, EachBadValueIsNamedAndTheDefaultKept) {
    isv::Navigator limits;
    limits.centreLimits = geo::Box{0, 4'000'000, 1'200'000, 5'500'000};
    for (const BadValue& bad : badValues()) {
        QTemporaryDir dir;
        QSettings store(dir.filePath("isleview.ini"), QSettings::IniFormat);
        // A good file, then one bad value, read back from the disk as the next run would.
        isv::MapSettings good = defaults();
        good.viewport.center = {650000, 4850000};
        good.viewport.metresPerPixel = 200;
        good.legend = false;
        isv::saveViewState(store, good);
        store.setValue(bad.key, bad.value);
        store.sync();
        QSettings again(dir.filePath("isleview.ini"), QSettings::IniFormat);
        isv::MapSettings s = defaults();
        QStringList problems;
        const bool restored = isv::restoreViewState(again, &s, limits, &problems);
        const std::string what = std::string(bad.key) + " = " + bad.value.toString().toStdString();
        ASSERT_EQ(problems.size(), 1) << what << ": " << problems.join(" | ").toStdString();
        EXPECT_TRUE(problems[0].startsWith(QString(bad.key).section('/', 0, 0))) << problems[0].toStdString();
        const QString key(bad.key);
        if (key.startsWith("view/center") || key.startsWith("view/metres")) {
            EXPECT_FALSE(restored) << what;
            EXPECT_EQ(s.viewport, defaults().viewport) << what;
        } else {
            EXPECT_TRUE(restored) << what;
            EXPECT_EQ(s.viewport.metresPerPixel, 200) << what;
        }
        EXPECT_EQ(s.legend, key == "view/legend" ? defaults().legend : good.legend) << what;
        EXPECT_EQ(s.scaleBar, defaults().scaleBar) << what;
        EXPECT_EQ(s.northArrow, defaults().northArrow) << what;
        EXPECT_EQ(s.names, defaults().names) << what;
        if (key.startsWith("claims")) {
            EXPECT_TRUE(s.claims.isEmpty()) << what;
        }
    }
}

TEST(SettingsFile, GoodValuesInOtherSpellingsStillRead) {
    QTemporaryDir dir;
    const QString path = dir.filePath("isleview.ini");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    // Written by hand: unquoted lists, 0/1 flags, spaces round numbers.
    f.write("[view]\nlegend=0\nscaleBar=true\ncenterX= 650000 \ncenterY=4850000\nmetresPerPixel=200\n"
            "[claims]\nshown=russia,japan,russia\n[names]\nnames=both\nscript=native\n");
    f.close();
    QSettings store(path, QSettings::IniFormat);
    isv::MapSettings s = defaults();
    QStringList problems;
    EXPECT_TRUE(isv::restoreViewState(store, &s, {}, &problems));
    EXPECT_TRUE(problems.isEmpty()) << problems.join(" | ").toStdString();
    EXPECT_FALSE(s.legend);
    EXPECT_EQ(s.claims, (QStringList{"russia", "japan"}));
    EXPECT_EQ(s.names.namesWord(), "both");
    EXPECT_EQ(s.viewport.center, (geo::Point{650000, 4850000}));
}

TEST(SettingsFile, AWindowOverASettingsFileOfJunkOpensAtHomeAndSaysSo) {
    QTemporaryDir dir;
    const QString path = dir.filePath("isleview.ini");
    {
        QSettings store(path, QSettings::IniFormat);
        std::mt19937 gen(5);
        QByteArray junk(4096, '\0');
        for (char& c : junk)
            c = char(gen() & 0xff);
        for (const BadValue& bad : badValues())
            store.setValue(bad.key, bad.value);
        store.setValue("window/geometry", junk);
        store.setValue("window/state", junk.left(100));
        store.setValue("view/crs", "EPSG:999999");
        store.setValue("export/choices", "not a map");
        store.setValue("files/lastDir", 17);
    }
    QSettings store(path, QSettings::IniFormat);
    isv::MainWindow w(uitest::testScene(), &store);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    ASSERT_TRUE(uitest::waitForCurrentFrame(w.canvas()));
    const isv::MapSettings& s = w.canvas()->settings();
    // The view of the islands, in the default look.
    isv::MapCanvas* canvas = w.canvas();
    const geo::Box home = canvas->scene()->homeBounds();
    EXPECT_TRUE(s.viewport.mapBounds().contains(home.center()));
    EXPECT_EQ(s.names, isv::NameSet{});
    EXPECT_TRUE(s.claims.isEmpty());
    EXPECT_EQ(s.legend, isv::MapSettings{}.legend);
    EXPECT_EQ(canvas->scene()->crs(), uitest::testScene()->crs());
    // The window says which file held what it could not use.
    EXPECT_TRUE(w.messageText().contains(path) || w.messageText().contains("EPSG:999999"))
        << w.messageText().toStdString();
    EXPECT_GT(w.width(), 100);
    EXPECT_GT(w.height(), 100);
    EXPECT_FALSE(canvas->frame().image.isNull());
}

TEST(SettingsFile, RememberedExportChoicesOfTheWrongTypeKeepTheDefaults) {
    isv::MapSettings current;
    current.viewport = geo::Viewport::fitting(uitest::testScene()->homeBounds(), 800, 600);
    isv::ExportDialog dialog(uitest::testScene(), current);
    const QVariantMap defaults = dialog.choices();
    const QList<QVariantMap> bad{
        {{"width", "big"}, {"height", -5}, {"dpi", 1e9}},
        {{"width", 0}, {"height", 99999}, {"dpi", "ninety-six"}},
        {{"width", QStringList{"1", "2"}}, {"height", QVariantMap{}}, {"dpi", 23}},
        {{"path", 12}, {"title", QVariantList{1, 2}}, {"extent", 3.5}, {"worldFile", "perhaps"}},
        {{"path", ""}, {"extent", "atlantis"}},
    };
    for (const QVariantMap& c : bad) {
        dialog.setChoices(c);
        EXPECT_EQ(dialog.choices(), defaults) << QStringList(c.keys()).join(',').toStdString();
    }
    dialog.setChoices({{"width", 640}, {"height", "480"}, {"dpi", 150}, {"worldFile", true}});
    EXPECT_EQ(dialog.choices()["width"].toInt(), 640);
    EXPECT_EQ(dialog.choices()["height"].toInt(), 480);
    EXPECT_EQ(dialog.choices()["dpi"].toInt(), 150);
    EXPECT_TRUE(dialog.choices()["worldFile"].toBool());
}

TEST(FactsFile, ABrokenFactsFileIsNamedAboveTheMapAndTheMapWorks) {
    // The shipped data with a facts file beside it that is not JSON.
    QTemporaryDir dir;
    const QDir shipped(ISLEVIEW_SOURCE_DATA_DIR);
    ASSERT_TRUE(QDir().mkpath(dir.filePath("data")) && QDir().mkpath(dir.filePath("facts")));
    for (const QString& f : shipped.entryList(QDir::Files))
        ASSERT_TRUE(QFile::copy(shipped.filePath(f), dir.filePath("data/" + f)));
    QFile facts(dir.filePath("facts/article.json"));
    ASSERT_TRUE(facts.open(QIODevice::WriteOnly));
    facts.write("{\"facts\": [");
    facts.close();
    auto data = geo::loadMapData(dir.filePath("data").toStdString());
    ASSERT_TRUE(data.ok()) << data.error().message;
    auto scene =
        isv::Scene::build(std::make_shared<const geo::MapData>(std::move(data).value()), geo::kDisplayCrs);
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    isv::MainWindow w(scene.value());
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    EXPECT_TRUE(w.messageText().contains(QFileInfo(facts).absoluteFilePath() + ": invalid JSON"))
        << w.messageText().toStdString();
    ASSERT_TRUE(uitest::waitForCurrentFrame(w.canvas()));
    EXPECT_GT(w.canvas()->frame().report.partsDrawn, 0U);
}

TEST(SettingsFile, TheWindowReplacesItsSettingsFileRatherThanRewritingIt) {
    // A second name for the old file sees whether it was replaced (a new file renamed over it: the link
    // keeps the old text) or rewritten in place (the link would see the new text, and a crash part-way
    // would leave half a file). Root-proof, unlike a read-only folder.
    QTemporaryDir dir;
    const QString path = dir.filePath("isleview.ini"), link = dir.filePath("before.ini");
    {
        QSettings first(path, QSettings::IniFormat);
        first.setValue("view/legend", "false");
    }
    ASSERT_EQ(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()), 0);
    QSettings store(path, QSettings::IniFormat);
    store.setAtomicSyncRequired(true); // as runWindow sets it
    {
        isv::MainWindow w(uitest::testScene(), &store);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.close(); // saves the view
    }
    EXPECT_EQ(store.status(), QSettings::NoError);
    QFile before(link), after(path);
    ASSERT_TRUE(before.open(QIODevice::ReadOnly));
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    const QByteArray old = before.readAll(), now = after.readAll();
    EXPECT_EQ(old, "[view]\nlegend=false\n");
    EXPECT_TRUE(now.contains("metresPerPixel=")) << now.toStdString();
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2) << "no temporary left";
}

} // namespace
