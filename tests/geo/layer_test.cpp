#include "geo/layer.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using geotest::Field;
using geotest::Row;
using geotest::TempDir;

namespace {

const std::string kEtorofuJa = "択捉島";
const std::string kEtorofuRu = "Итуруп";

void expectErrorNaming(const geo::Result<geo::Layer>& r, const std::string& path,
                       const std::string& problem) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.rfind(path, 0), 0U) << r.error().message;
    EXPECT_NE(r.error().message.find(problem), std::string::npos) << r.error().message;
}

geo::Result<geo::Layer> loadQuietly(const std::string& path, const std::string& layer = {}) {
    // The library never prints: anything GDAL says must be captured, not written to stderr.
    testing::internal::CaptureStderr();
    auto r = geo::loadLayer(path, layer);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    return r;
}

TEST(LoadLayer, ShapefileUtf8CpgPolygonsInLonLat) {
    const TempDir dir;
    const std::string shp = dir.file("islands.shp");
    geotest::writeLayer(
        shp, "ESRI Shapefile", 4326, wkbPolygon, {{"ja"}, {"ru"}, {"n", OFTInteger}},
        {{"POLYGON ((148 45, 148.5 45, 148.5 45.5, 148 45.5, 148 45))", {kEtorofuJa, kEtorofuRu, "7"}},
         {"POLYGON ((146 43.4, 146.1 43.4, 146.1 43.5, 146 43.4))", {"勇留島", "Юрий", ""}}},
        {"ENCODING=UTF-8"});
    EXPECT_EQ(geotest::readBytes(dir.path() / "islands.cpg").substr(0, 5), "UTF-8");

    const auto r = loadQuietly(shp);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const geo::Layer& layer = r.value();
    EXPECT_EQ(layer.path, shp);
    EXPECT_EQ(layer.sourceCrs, "EPSG:4326");
    EXPECT_EQ(layer.fields, (std::vector<std::string>{"ja", "ru", "n"}));
    ASSERT_EQ(layer.features.size(), 2U);
    EXPECT_EQ(layer.skipped, 0U);
    EXPECT_EQ(layer.value(0, "ja"), kEtorofuJa);
    EXPECT_EQ(layer.value(0, "ru"), kEtorofuRu);
    EXPECT_EQ(layer.value(0, "n"), "7");
    EXPECT_EQ(layer.value(1, "ru"), "Юрий");
    EXPECT_EQ(layer.value(1, "n"), "") << "null field";
    EXPECT_EQ(layer.value(1, "nope"), "");
    EXPECT_EQ(layer.fieldIndex("ru"), 1);
    EXPECT_EQ(layer.fieldIndex("RU"), -1);

    const geo::Geometry& g = layer.features[0].geometry;
    ASSERT_EQ(g.type, geo::GeometryType::Polygon);
    ASSERT_EQ(g.polygons.size(), 1U);
    const geo::Path& ring = g.polygons[0].rings[0];
    EXPECT_EQ(ring.size(), 4U) << "closing point is not repeated";
    EXPECT_NE(std::find(ring.begin(), ring.end(), geo::Point{148.5, 45}), ring.end()) << "lon, lat order";
    EXPECT_EQ(layer.bounds.minx, 146);
    EXPECT_EQ(layer.bounds.maxy, 45.5);
}

TEST(LoadLayer, ThroughASinkKeepsTheSameValuesCompactly) {
    const TempDir dir;
    const std::string shp = dir.file("islands.shp");
    std::vector<Row> rows;
    for (int i = 0; i < 40; ++i) // values repeat (level) or not (n): both come back as written
        rows.push_back({"POINT (" + std::to_string(140 + i * 0.1) + " 44)",
                        {std::to_string(1 + i % 3), i % 5 == 0 ? "" : std::to_string(1000 + i), kEtorofuJa}});
    geotest::writeLayer(shp, "ESRI Shapefile", 4326, wkbPoint, {{"level"}, {"n"}, {"ja"}}, rows,
                        {"ENCODING=UTF-8"});
    const auto whole = loadQuietly(shp);
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    std::vector<geo::Geometry> sunk;
    std::vector<std::size_t> indices;
    const auto lean = geo::loadLayer(shp, {}, [&](std::size_t i, geo::Geometry&& g) {
        indices.push_back(i);
        sunk.push_back(std::move(g));
    });
    ASSERT_TRUE(lean.ok()) << lean.error().message;
    EXPECT_TRUE(lean->features.empty()) << "no Feature (with its empty geometry) per feature";
    ASSERT_EQ(lean->size(), 40U);
    ASSERT_EQ(whole->size(), 40U);
    ASSERT_EQ(sunk.size(), 40U);
    for (std::size_t i = 0; i < 40; ++i) {
        EXPECT_EQ(indices[i], i);
        EXPECT_EQ(lean->fid(i), whole->fid(i));
        EXPECT_EQ(sunk[i].points, whole->features[i].geometry.points);
        for (const char* field : {"level", "n", "ja", "missing"})
            EXPECT_EQ(lean->value(i, field), whole->value(i, field)) << field << " of feature " << i;
    }
    EXPECT_EQ(lean->value(3, "n"), "1003");
    EXPECT_EQ(lean->value(5, "n"), "") << "null field";
    EXPECT_EQ(lean->value(4, "level"), "2");
    EXPECT_EQ(lean->value(7, std::size_t{2}), kEtorofuJa);
    EXPECT_EQ(lean->bounds.minx, whole->bounds.minx);
}

TEST(ReadGeometries, ByIdAgainInTheOrderAsked) {
    const TempDir dir;
    std::vector<Row> rows;
    for (int i = 0; i < 20; ++i)
        rows.push_back({"POINT (" + std::to_string(140 + i) + " 44)", {std::to_string(i)}});
    for (const char* driver : {"ESRI Shapefile", "GeoJSON"}) { // random access, and a sequential read
        const std::string file = dir.file(std::string("p") + (driver[0] == 'E' ? ".shp" : ".geojson"));
        geotest::writeLayer(file, driver, 4326, wkbPoint, {{"n"}}, rows);
        const auto whole = loadQuietly(file);
        ASSERT_TRUE(whole.ok()) << whole.error().message;
        const std::vector<std::int64_t> fids{whole->fid(17), whole->fid(3), whole->fid(9)};
        std::vector<std::pair<std::size_t, geo::Point>> got;
        const auto r = geo::readGeometries(
            file, {}, fids, [&](std::size_t k, geo::Geometry&& g) { got.emplace_back(k, g.points.at(0)); });
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r.value(), 3U);
        ASSERT_EQ(got.size(), 3U);
        std::sort(got.begin(), got.end(), [](auto& a, auto& b) { return a.first < b.first; });
        EXPECT_EQ(got[0].second, (geo::Point{157, 44})) << driver;
        EXPECT_EQ(got[1].second, (geo::Point{143, 44})) << driver;
        EXPECT_EQ(got[2].second, (geo::Point{149, 44})) << driver;
        const auto missing = geo::readGeometries(file, {}, {12345}, [](std::size_t, geo::Geometry&&) {});
        ASSERT_FALSE(missing.ok()) << driver;
        EXPECT_NE(missing.error().message.find(file), std::string::npos) << missing.error().message;
    }
}

TEST(Attributes, DistinctValuesStoredOnceAndReadBack) {
    geo::Attributes a(2);
    a.add(10, {"x", "same"});
    a.add(11);
    a.setValue(1, "same");
    a.add(12, {"y"}); // missing values are ""
    a.finish();
    a.add(13, {"x", "other"}); // adding after finish() still works (a value may then be stored again)
    ASSERT_EQ(a.size(), 4U);
    EXPECT_EQ(a.fieldCount(), 2U);
    EXPECT_EQ(a.fid(2), 12);
    EXPECT_EQ(a.value(0, 0), "x");
    EXPECT_EQ(a.value(1, 0), "");
    EXPECT_EQ(a.value(1, 1), "same");
    EXPECT_EQ(&a.value(0, 1), &a.value(1, 1)) << "one copy of a repeated value";
    EXPECT_EQ(a.value(2, 1), "");
    EXPECT_EQ(a.value(3, 1), "other");
}

TEST(LoadLayer, ShapefileLegacyCodePagesFromCpg) {
    const TempDir dir;
    // Shift_JIS (CP932) holds both scripts; windows-1251 Cyrillic only.
    const std::string sjis = dir.file("sjis.shp");
    geotest::writeLayer(sjis, "ESRI Shapefile", 4326, wkbPoint, {{"name"}},
                        {{"POINT (148 45)", {kEtorofuJa}}, {"POINT (147 44)", {kEtorofuRu}}},
                        {"ENCODING=CP932"});
    const std::string cp1251 = dir.file("cp1251.shp");
    geotest::writeLayer(cp1251, "ESRI Shapefile", 4326, wkbPoint, {{"name"}},
                        {{"POINT (148 45)", {kEtorofuRu}}}, {"ENCODING=CP1251"});
    EXPECT_EQ(geotest::readBytes(dir.path() / "sjis.cpg").substr(0, 5), "CP932");
    const std::string sjisDbf = geotest::readBytes(dir.path() / "sjis.dbf");
    EXPECT_EQ(sjisDbf.find(kEtorofuJa), std::string::npos) << "the .dbf must hold Shift_JIS, not UTF-8";
    // "Итуруп" in windows-1251 is C8 F2 F3 F0 F3 EF.
    EXPECT_NE(geotest::readBytes(dir.path() / "cp1251.dbf").find("\xC8\xF2\xF3\xF0\xF3\xEF"),
              std::string::npos);

    const auto a = loadQuietly(sjis);
    ASSERT_TRUE(a.ok()) << a.error().message;
    ASSERT_EQ(a->features.size(), 2U);
    EXPECT_EQ(a->value(0, "name"), kEtorofuJa);
    EXPECT_EQ(a->value(1, "name"), kEtorofuRu);
    const auto b = loadQuietly(cp1251);
    ASSERT_TRUE(b.ok()) << b.error().message;
    EXPECT_EQ(b->value(0, "name"), kEtorofuRu);
}

TEST(LoadLayer, GeoJsonInWebMercatorComesBackInLonLat) {
    // Spherical (web) Mercator by its closed form: x = R λ, y = R ln tan(π/4 + φ/2), R = 6378137 m.
    const double R = 6378137.0;
    const double deg = std::numbers::pi / 180;
    const auto x = [&](double lon) { return R * lon * deg; };
    const auto y = [&](double lat) { return R * std::log(std::tan(std::numbers::pi / 4 + lat * deg / 2)); };
    const TempDir dir;
    const std::string path = dir.file("merc.geojson");
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  R"({"type":"FeatureCollection",
 "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},
 "features":[{"type":"Feature","properties":{"id":"kunashiri"},
   "geometry":{"type":"LineString","coordinates":[[%.6f,%.6f],[%.6f,%.6f]]}}]})",
                  x(145.5), y(43.8), x(146.25), y(44.4));
    geotest::writeText(path, buf);

    const auto r = loadQuietly(path);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->sourceCrs, "EPSG:3857");
    ASSERT_EQ(r->features.size(), 1U);
    const geo::Geometry& g = r->features[0].geometry;
    ASSERT_EQ(g.type, geo::GeometryType::Line);
    ASSERT_EQ(g.lines[0].size(), 2U);
    EXPECT_NEAR(g.lines[0][0].x, 145.5, 1e-7);
    EXPECT_NEAR(g.lines[0][0].y, 43.8, 1e-7);
    EXPECT_NEAR(g.lines[0][1].x, 146.25, 1e-7);
    EXPECT_NEAR(g.lines[0][1].y, 44.4, 1e-7);
}

TEST(LoadLayer, ShapefileWithUtmPrj) {
    const TempDir dir;
    const std::string shp = dir.file("utm.shp");
    // UTM 55N: (500000, 0) is the central meridian 147°E on the equator, by definition.
    geotest::writeLayer(shp, "ESRI Shapefile", 32655, wkbPoint, {{"id"}}, {{"POINT (500000 0)", {"origin"}}});
    const auto r = loadQuietly(shp);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->sourceCrs, "EPSG:32655");
    ASSERT_EQ(r->features.size(), 1U);
    const geo::Point p = r->features[0].geometry.points.at(0);
    EXPECT_NEAR(p.x, 147, 1e-9);
    EXPECT_NEAR(p.y, 0, 1e-9);
}

TEST(LoadLayer, CsvWktColumnLoadsAsPoints) {
    const TempDir dir;
    const std::string csv = dir.file("names.csv");
    geotest::writeText(csv, "id,ru_native,WKT\n"
                            "yuri,Юрий,\"POINT (146.07 43.43)\"\n"
                            "bad,x,\"POINT (nonsense)\"\n"
                            "etorofu,Итуруп,\"POINT (148.3 45.0)\"\n");
    const auto r = loadQuietly(csv);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->sourceCrs, "");
    ASSERT_EQ(r->features.size(), 2U);
    EXPECT_EQ(r->skipped, 1U);
    EXPECT_EQ(r->value(0, "ru_native"), "Юрий");
    EXPECT_EQ(r->features[0].geometry.type, geo::GeometryType::Point);
    EXPECT_EQ(r->features[0].geometry.points.at(0), (geo::Point{146.07, 43.43}));
    EXPECT_EQ(r->features[1].fid, 3) << "CSV feature ids are row numbers";
}

TEST(LoadLayer, NoCrsMustLookLikeLonLat) {
    const TempDir dir;
    const std::string csv = dir.file("metres.csv");
    geotest::writeText(csv, "id,WKT\na,\"POINT (500000 4900000)\"\n");
    expectErrorNaming(loadQuietly(csv), csv, "no CRS");
}

TEST(LoadLayer, MultiPartZAndCollections) {
    const TempDir dir;
    const std::string path = dir.file("mixed.geojson");
    geotest::writeText(path, R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"k":"mpz"},"geometry":{"type":"MultiPolygon","coordinates":[
   [[[145,43,5],[145.1,43,5],[145.1,43.1,5],[145,43,5]]],
   [[[146,43,1],[146.1,43,1],[146.1,43.1,1],[146,43,1]],[[146.02,43.01,0],[146.05,43.01,0],[146.05,43.03,0],[146.02,43.01,0]]]]}},
 {"type":"Feature","properties":{"k":"mlz"},"geometry":{"type":"MultiLineString","coordinates":[
   [[145,43,2],[145.5,43.5,2]],[[146,44,2],[146.5,44.5,2],[147,44,2]]]}},
 {"type":"Feature","properties":{"k":"mp"},"geometry":{"type":"MultiPoint","coordinates":[[145,43],[146,44]]}},
 {"type":"Feature","properties":{"k":"gc"},"geometry":{"type":"GeometryCollection","geometries":[
   {"type":"Point","coordinates":[145,43]},
   {"type":"Polygon","coordinates":[[[145,43],[145.1,43],[145.1,43.1],[145,43]]]},
   {"type":"Polygon","coordinates":[[[146,43],[146.1,43],[146.1,43.1],[146,43]]]}]}},
 {"type":"Feature","properties":{"k":"null"},"geometry":null}
]})");
    const auto r = loadQuietly(path);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->features.size(), 4U);
    EXPECT_EQ(r->skipped, 1U);
    const auto& mpz = r->features[0].geometry;
    EXPECT_EQ(mpz.type, geo::GeometryType::Polygon);
    ASSERT_EQ(mpz.polygons.size(), 2U);
    EXPECT_EQ(mpz.polygons[1].rings.size(), 2U);
    EXPECT_EQ(mpz.polygons[1].rings[1].size(), 3U);
    const auto& mlz = r->features[1].geometry;
    EXPECT_EQ(mlz.type, geo::GeometryType::Line);
    ASSERT_EQ(mlz.lines.size(), 2U);
    EXPECT_EQ(mlz.lines[1].size(), 3U);
    EXPECT_EQ(r->features[2].geometry.type, geo::GeometryType::Point);
    EXPECT_EQ(r->features[2].geometry.points.size(), 2U);
    const auto& gc = r->features[3].geometry;
    EXPECT_EQ(gc.type, geo::GeometryType::Polygon) << "the dominant kind of a collection";
    EXPECT_EQ(gc.polygons.size(), 2U);
    ASSERT_EQ(gc.points.size(), 1U) << "every kind of part is kept, to be drawn as what it is";
    EXPECT_EQ(gc.points[0], (geo::Point{145, 43}));
}

TEST(LoadLayer, ErrorsNameThePath) {
    const TempDir dir;
    const std::string missing = dir.file("missing.shp");
    expectErrorNaming(loadQuietly(missing), missing, "no such file");

    const std::string empty = dir.file("empty.geojson");
    geotest::writeText(empty, "");
    expectErrorNaming(loadQuietly(empty), empty, "empty file");

    std::mt19937 rng(99);
    std::string garbage(4096, '\0');
    for (char& c : garbage)
        c = static_cast<char>(rng());
    for (const char* name : {"garbage.shp", "garbage.geojson", "garbage.bin", "garbage.gpkg"}) {
        const std::string path = dir.file(name);
        geotest::writeText(path, garbage);
        expectErrorNaming(loadQuietly(path), path, "not a vector file in a format Isleview reads");
    }

    const std::string good = dir.file("good.shp");
    geotest::writeLayer(good, "ESRI Shapefile", 4326, wkbPoint, {{"id"}}, {{"POINT (1 2)", {"a"}}});
    expectErrorNaming(loadQuietly(good, "nope"), good, "layer 'nope' not found");
    EXPECT_TRUE(loadQuietly(good, "good").ok());
}

TEST(LoadLayer, TruncatedShapefileDoesNotCrash) {
    const TempDir dir;
    const std::string shp = dir.file("coast.shp");
    std::vector<Row> rows;
    for (int i = 0; i < 20; ++i) {
        const double x = 145 + i * 0.1;
        char wkt[200];
        std::snprintf(wkt, sizeof wkt, "POLYGON ((%g 43, %g 43, %g 43.05, %g 43))", x, x + 0.05, x + 0.05, x);
        rows.push_back({wkt, {std::to_string(i)}});
    }
    geotest::writeLayer(shp, "ESRI Shapefile", 4326, wkbPolygon, {{"id"}}, rows);
    const auto size = std::filesystem::file_size(shp);
    for (const auto keep : {size / 2, std::uintmax_t{150}, std::uintmax_t{50}}) {
        std::filesystem::resize_file(shp, keep);
        const auto r = loadQuietly(shp);
        if (r.ok()) {
            EXPECT_LT(r->features.size(), rows.size());
            EXPECT_EQ(r->features.size() + r->skipped, rows.size()) << "dropped features are counted";
        } else {
            EXPECT_EQ(r.error().message.rfind(shp, 0), 0U) << r.error().message;
        }
    }
}

TEST(ListLayers, AFolderIsNotAFile) {
    // GDAL would read a folder as its Shapefiles; a user who chose a folder where a file should be is
    // told so instead.
    const TempDir dir;
    geotest::writeLayer(dir.file("a.shp"), "ESRI Shapefile", 4326, wkbPoint, {{"id"}},
                        {{"POINT (1 2)", {"a"}}});
    const auto names = geo::listLayers(dir.path().string());
    ASSERT_FALSE(names.ok());
    EXPECT_NE(names.error().message.find("a folder, not a file"), std::string::npos) << names.error().message;
    EXPECT_FALSE(geo::listLayers(dir.file("nothing.gpkg")).ok());
    const auto one = geo::listLayers(dir.file("a.shp"));
    ASSERT_TRUE(one.ok()) << one.error().message;
    EXPECT_EQ(one.value(), (std::vector<std::string>{"a"}));
}

} // namespace
