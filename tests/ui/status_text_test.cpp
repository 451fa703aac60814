#include "status_text.h"
#include "view_state.h"

#include <gtest/gtest.h>

#include <QSettings>
#include <QTemporaryDir>

namespace {

TEST(StatusText, LonLatInDegreesMinutesAndDecimal) {
    EXPECT_EQ(isv::formatLonLat({145.85, 43.385}).toStdString(), "43°23.1′N 145°51.0′E (43.3850, 145.8500)");
    EXPECT_EQ(isv::formatLonLat({-0.5, -10.25}).toStdString(), "10°15.0′S 0°30.0′W (-10.2500, -0.5000)");
    // 59.97′ rounds up into the next degree rather than showing 60.0′.
    EXPECT_EQ(isv::formatLonLat({147.9999, 44.9995}).toStdString(), "45°0.0′N 148°0.0′E (44.9995, 147.9999)");
    EXPECT_TRUE(isv::formatLonLat({std::nan(""), 1}).isEmpty());
}

TEST(StatusText, DistancesAndAreas) {
    EXPECT_EQ(isv::formatDistance(3456).toStdString(), "3.46 km");
    EXPECT_EQ(isv::formatDistance(123456).toStdString(), "123.5 km");
    EXPECT_EQ(isv::formatArea(3139.4).toStdString(), "3,139 km²");
    EXPECT_EQ(isv::formatArea(12.34).toStdString(), "12.3 km²");
    EXPECT_EQ(isv::formatArea(0.456).toStdString(), "0.46 km²");
}

TEST(ViewState, RoundTripsThroughQSettings) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QSettings store(dir.filePath("isleview.ini"), QSettings::IniFormat);
    isv::MapSettings s;
    s.viewport.center = {612345.5, 4876543.25};
    s.viewport.metresPerPixel = 42.5;
    ASSERT_TRUE(isv::NameSet::parse("both", "native", &s.names));
    s.claims = {"russia"};
    s.hiddenLayers = {"graticule", "lakes"};
    s.legend = false;
    isv::saveViewState(store, s);
    store.sync();

    QSettings again(dir.filePath("isleview.ini"), QSettings::IniFormat);
    isv::MapSettings r;
    ASSERT_TRUE(isv::restoreViewState(again, &r));
    EXPECT_DOUBLE_EQ(r.viewport.center.x, 612345.5);
    EXPECT_DOUBLE_EQ(r.viewport.center.y, 4876543.25);
    EXPECT_DOUBLE_EQ(r.viewport.metresPerPixel, 42.5);
    EXPECT_EQ(r.names, s.names);
    EXPECT_EQ(r.claims, s.claims);
    EXPECT_EQ(r.hiddenLayers, s.hiddenLayers);
    EXPECT_FALSE(r.legend);
}

TEST(ViewState, NoClaimsIsRememberedAndJunkIsIgnored) {
    QTemporaryDir dir;
    QSettings store(dir.filePath("isleview.ini"), QSettings::IniFormat);
    isv::MapSettings s;
    s.claims.clear();
    isv::saveViewState(store, s);
    store.setValue("view/metresPerPixel", "garbage");
    store.setValue("names/names", "klingon");
    isv::MapSettings r;
    r.claims = {"japan"};
    EXPECT_FALSE(isv::restoreViewState(store, &r)); // no usable viewport
    EXPECT_TRUE(r.claims.isEmpty());
    EXPECT_EQ(r.names, isv::NameSet{}); // unknown word: left as it was
}

TEST(ViewState, EmptyStoreChangesNothing) {
    QTemporaryDir dir;
    QSettings store(dir.filePath("empty.ini"), QSettings::IniFormat);
    isv::MapSettings r;
    r.claims = {"japan"};
    const isv::MapSettings before = r;
    EXPECT_FALSE(isv::restoreViewState(store, &r));
    EXPECT_EQ(r, before);
}

} // namespace
