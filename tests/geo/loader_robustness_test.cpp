// The loader against hostile and broken input: the driver allow-list and virtual file systems, invalid
// geometry, damaged Shapefiles, folders, and attribute text in legacy encodings with and without a .cpg.
#include "geo/layer.h"

#include "test_support.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <tuple>

using geotest::TempDir;

namespace {

geo::Result<geo::Layer> loadQuietly(const std::string& path) {
    testing::internal::CaptureStderr();
    auto r = geo::loadLayer(path);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "") << "the library never prints";
    return r;
}

bool contains(const std::string& text, std::string_view what) {
    return text.find(what) != std::string::npos;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines)
        out += l + "\n";
    return out;
}

// --- the allow-list and virtual file systems ---

TEST(LoaderAllowList, AVrtPointingAtTheNetworkIsRefusedWithAClearMessage) {
    const TempDir dir;
    const std::string vrt = dir.file("remote.vrt");
    // Port 9 on the loopback (discard): nothing is fetched, and the VRT must not even be opened.
    geotest::writeText(vrt, R"(<OGRVRTDataSource>
  <OGRVRTLayer name="remote">
    <SrcDataSource>/vsicurl/http://127.0.0.1:9/islands.geojson</SrcDataSource>
  </OGRVRTLayer>
</OGRVRTDataSource>)");
    const auto r = loadQuietly(vrt);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.rfind(vrt, 0), 0U) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, "VRT")) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, "not opened")) << r.error().message;
    EXPECT_EQ(std::count(geo::allowedDrivers().begin(), geo::allowedDrivers().end(), "OGR_VRT"), 0);
}

TEST(LoaderAllowList, VirtualFileSystemsAndConnectionStringsAreRefused) {
    const TempDir dir;
    const std::string json = dir.file("p.geojson");
    geotest::writeLayer(json, "GeoJSON", 4326, wkbPoint, {{"id"}}, {{"POINT (146 44)", {"a"}}});
    const std::vector<std::string> paths{"/vsicurl/http://127.0.0.1:9/p.geojson",
                                         "/vsizip/" + dir.file("p.zip") + "/p.shp",
                                         "/vsimem/p.geojson",
                                         "/vsigzip/" + json,
                                         "PG:dbname=islands",
                                         "GPKG:" + dir.file("x.gpkg") + ":layer",
                                         "https://127.0.0.1:9/p.geojson"};
    for (const std::string& path : paths) {
        const auto r = loadQuietly(path);
        ASSERT_FALSE(r.ok()) << path;
        EXPECT_EQ(r.error().message.rfind(path, 0), 0U) << r.error().message;
        EXPECT_TRUE(contains(r.error().message, "not a plain file")) << r.error().message;
    }
    // The same file by its plain path opens.
    const auto plain = loadQuietly(json);
    ASSERT_TRUE(plain.ok()) << plain.error().message;
    EXPECT_EQ(plain->size(), 1U);
}

TEST(LoaderAllowList, AllowedFormatsStillOpen) {
    const TempDir dir;
    const std::vector<std::pair<std::string, std::string>> files{
        {"p.geojson", "GeoJSON"}, {"p.gpkg", "GPKG"}, {"p.shp", "ESRI Shapefile"}, {"p.fgb", "FlatGeobuf"},
        {"p.kml", "KML"},         {"p.gml", "GML"},   {"p.tab", "MapInfo File"}};
    for (const auto& [name, driver] : files) {
        EXPECT_EQ(std::count(geo::allowedDrivers().begin(), geo::allowedDrivers().end(), driver), 1)
            << driver;
        const std::string path = dir.file(name);
        // KML is WGS84 by definition (GDAL's writer would take EPSG:4326's axes as latitude first).
        geotest::writeLayer(path, driver, driver == "KML" ? 0 : 4326, wkbPoint, {{"id"}},
                            {{"POINT (146 44)", {"a"}}});
        const auto r = loadQuietly(path);
        ASSERT_TRUE(r.ok()) << name << ": " << r.error().message;
        EXPECT_EQ(r->size(), 1U) << name;
    }
}

// --- invalid geometry ---

using Make = std::function<OGRGeometryH()>;

OGRGeometryH ring(std::initializer_list<geo::Point> points) {
    OGRGeometryH r = OGR_G_CreateGeometry(wkbLinearRing);
    for (const auto& p : points)
        OGR_G_AddPoint_2D(r, p.x, p.y);
    return r;
}

OGRGeometryH polygon(std::initializer_list<OGRGeometryH> rings) {
    OGRGeometryH g = OGR_G_CreateGeometry(wkbPolygon);
    for (OGRGeometryH r : rings)
        OGR_G_AddGeometryDirectly(g, r);
    return g;
}

OGRGeometryH line(std::initializer_list<geo::Point> points) {
    OGRGeometryH g = OGR_G_CreateGeometry(wkbLineString);
    for (const auto& p : points)
        OGR_G_AddPoint_2D(g, p.x, p.y);
    return g;
}

OGRGeometryH point(double x, double y) {
    OGRGeometryH g = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(g, 0, x, y);
    return g;
}

// A GeoPackage (which stores any WKB as given) holding a good point and then `bad`; `epsg` 0: no CRS.
void writeWithOneBad(const std::string& path, const Make& bad, int epsg = 4326) {
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRSpatialReferenceH srs = nullptr;
    if (epsg) {
        srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, epsg);
    }
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "bad", srs, wkbUnknown, nullptr);
    if (srs) OSRRelease(srs);
    ASSERT_NE(layer, nullptr);
    for (OGRGeometryH g : {point(146, 44), bad()}) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetGeometryDirectly(f, g);
        EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct BadGeometry {
    const char* name;
    Make make;
    std::size_t geo::LoadReport::*counter; ///< what counts it; null: the feature is kept and drawn
    std::size_t partsDropped = 0;
};

TEST(LoaderInvalidGeometry, EachKindIsCountedOrKeptNeverSilentlyDrawnAsGarbage) {
    const std::vector<BadGeometry> cases{
        // A GeoPackage stores an empty point as NaN, NaN: read back, it is empty.
        {"nan-point", [] { return point(kNaN, 44); }, &geo::LoadReport::degenerate},
        {"nan-line",
         [] {
             return line({{145, 44}, {kNaN, 44}});
         },
         &geo::LoadReport::badCoordinates},
        {"inf-line",
         [] {
             return line({{145, 44}, {kInf, 44}});
         },
         &geo::LoadReport::badCoordinates},
        {"minus-inf-lat",
         [] {
             return line({{145, 44}, {146, -kInf}});
         },
         &geo::LoadReport::badCoordinates},
        {"1e300-ring",
         [] {
             return polygon({ring({{145, 44}, {1e300, 44}, {146, 45}, {145, 44}})});
         },
         &geo::LoadReport::badCoordinates},
        {"lat-1e300", [] { return point(146, 1e300); }, &geo::LoadReport::badCoordinates},
        {"one-point-ring",
         [] {
             return polygon({ring({{145, 44}})});
         },
         &geo::LoadReport::degenerate},
        {"two-point-ring",
         [] {
             return polygon({ring({{145, 44}, {146, 44}})});
         },
         &geo::LoadReport::degenerate},
        {"one-point-line",
         [] {
             return line({{145, 44}});
         },
         &geo::LoadReport::degenerate},
        {"empty-polygon", [] { return OGR_G_CreateGeometry(wkbPolygon); }, &geo::LoadReport::degenerate},
        {"two-point-hole",
         [] {
             return polygon(
                 {ring({{145, 44}, {146, 44}, {146, 45}, {145, 44}}), ring({{145.5, 44.2}, {145.6, 44.2}})});
         },
         nullptr, 1},
        {"unclosed-ring",
         [] {
             return polygon({ring({{145, 44}, {146, 44}, {146, 45}})});
         },
         nullptr},
        {"self-intersecting",
         [] {
             return polygon({ring({{145, 44}, {146, 45}, {146, 44}, {145, 45}, {145, 44}})});
         },
         nullptr},
    };
    const TempDir dir;
    for (const BadGeometry& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string path = dir.file(std::string(c.name) + ".gpkg");
        writeWithOneBad(path, c.make);
        const auto r = loadQuietly(path);
        ASSERT_TRUE(r.ok()) << r.error().message;
        const std::vector<std::string> messages = r->report.messages(path);
        if (c.counter) {
            EXPECT_EQ(r->size(), 1U) << "the good feature is kept";
            EXPECT_EQ(r->skipped, 1U);
            EXPECT_EQ(r->report.*(c.counter), 1U);
            ASSERT_EQ(messages.size(), 1U) << joined(messages);
            EXPECT_EQ(messages[0].rfind(path, 0), 0U) << messages[0];
        } else {
            EXPECT_EQ(r->size(), 2U);
            EXPECT_EQ(r->skipped, 0U);
            EXPECT_EQ(r->report.partsDropped, c.partsDropped);
            EXPECT_EQ(messages.size(), c.partsDropped ? 1U : 0U) << joined(messages);
        }
        // Whatever was kept is finite and within the globe.
        for (const auto& f : r->features) {
            const geo::Box b = geo::bounds(f.geometry);
            EXPECT_TRUE(std::isfinite(b.minx) && std::isfinite(b.maxy));
            EXPECT_LE(std::abs(b.maxx), 360);
            EXPECT_LE(std::abs(b.maxy), 90.5);
        }
    }
}

TEST(LoaderInvalidGeometry, UnclosedRingIsClosedImplicitly) {
    const TempDir dir;
    const std::string path = dir.file("open.gpkg");
    writeWithOneBad(path, [] { return polygon({ring({{145, 44}, {146, 44}, {146, 45}})}); });
    const auto r = loadQuietly(path);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->features.size(), 2U);
    ASSERT_EQ(r->features[1].geometry.polygons.size(), 1U);
    EXPECT_EQ(r->features[1].geometry.polygons[0].rings[0].size(), 3U);
}

TEST(LoaderInvalidGeometry, WithoutACrsOneHugeFeatureAmongLonLatIsSkippedNotAnError) {
    const TempDir dir;
    const std::string path = dir.file("nocrs.gpkg");
    writeWithOneBad(
        path, [] { return point(1e300, 44); }, 0);
    const auto r = loadQuietly(path);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->size(), 1U);
    EXPECT_EQ(r->report.badCoordinates, 1U);
}

// --- damaged Shapefiles, folders, empty and random files ---

TEST(LoaderDamagedFiles, ShapefileWithoutItsSidecars) {
    const TempDir dir;
    const auto make = [&](const std::string& name) {
        const std::string shp = dir.file(name + ".shp");
        geotest::writeLayer(shp, "ESRI Shapefile", 4326, wkbPoint, {{"id"}},
                            {{"POINT (146 44)", {"a"}}, {"POINT (147 45)", {"b"}}});
        return shp;
    };
    {
        const std::string shp = make("noshx");
        std::filesystem::remove(dir.path() / "noshx.shx");
        const auto r = loadQuietly(shp);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().message.rfind(shp, 0), 0U) << r.error().message;
        EXPECT_TRUE(contains(r.error().message, ".shx")) << r.error().message;
    }
    {
        const std::string shp = make("nodbf");
        std::filesystem::remove(dir.path() / "nodbf.dbf");
        // GDAL reads the geometry alone: drawn, and said.
        const auto r = loadQuietly(shp);
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r->size(), 2U);
        EXPECT_TRUE(r->report.noAttributes);
        const std::string said = joined(r->report.messages(shp));
        EXPECT_TRUE(contains(said, shp + ": no attributes (a Shapefile without its .dbf)")) << said;
    }
    {
        const std::string shp = make("noprj");
        std::filesystem::remove(dir.path() / "noprj.prj");
        const auto r = loadQuietly(shp);
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r->sourceCrs, "") << "taken as lon/lat: its coordinates fit";
        EXPECT_EQ(r->size(), 2U);
        EXPECT_TRUE(r->report.noCrs);
        EXPECT_TRUE(contains(joined(r->report.messages(shp)), "no .prj")) << joined(r->report.messages(shp));
    }
}

TEST(LoaderDamagedFiles, FoldersEmptyAndRandomFilesNameTheFileAndTheProblem) {
    const TempDir dir;
    std::filesystem::create_directory(dir.path() / "folder.shp");
    const std::string folder = dir.file("folder.shp");
    const auto f = loadQuietly(folder);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().message, folder + ": a folder, not a file");

    for (const char* name : {"empty.shp", "empty.gpkg", "empty.geojson"}) {
        const std::string path = dir.file(name);
        geotest::writeText(path, "");
        const auto r = loadQuietly(path);
        ASSERT_FALSE(r.ok()) << name;
        EXPECT_EQ(r.error().message, path + ": empty file");
    }
    // Text and bytes that look almost like a format.
    const std::vector<std::pair<std::string, std::string>> almost{
        {"half.geojson",
         R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Po)"},
        {"header.gpkg", std::string("SQLite format 3\0", 16) + std::string(84, '\x01')},
        {"zeros.shp", std::string(100, '\0')},
        {"text.csv", "\x01\x02\x03\n\xff\xfe"},
        {"notkml.kml", "<kml><Document><Placemark><Point><coordinates>abc</coordinates>"},
    };
    for (const auto& [name, bytes] : almost) {
        const std::string path = dir.file(name);
        geotest::writeText(path, bytes);
        const auto r = loadQuietly(path);
        if (r.ok()) {
            EXPECT_EQ(r->size(), 0U) << name << ": nothing drawable in it";
        } else {
            EXPECT_EQ(r.error().message.rfind(path + ": ", 0), 0U) << r.error().message;
        }
    }
}

// --- attribute text in legacy encodings ---

// A Shapefile of one point whose "name" holds `bytes` as stored, with language driver id `ldid` in the
// .dbf header (0: none) and no .cpg.
std::string shapefileWithRawName(const TempDir& dir, const std::string& base, const std::string& bytes,
                                 unsigned char ldid) {
    const std::string shp = dir.file(base + ".shp");
    const std::string placeholder(16, 'Q');
    geotest::writeLayer(shp, "ESRI Shapefile", 4326, wkbPoint, {{"name"}},
                        {{"POINT (146 44)", {placeholder}}});
    std::filesystem::remove(dir.path() / (base + ".cpg"));
    const auto dbfPath = dir.path() / (base + ".dbf");
    std::string dbf = geotest::readBytes(dbfPath);
    const std::size_t at = dbf.find(placeholder);
    EXPECT_NE(at, std::string::npos);
    EXPECT_LE(bytes.size(), placeholder.size());
    dbf.replace(at, placeholder.size(), bytes + std::string(placeholder.size() - bytes.size(), ' '));
    dbf[29] = static_cast<char>(ldid);
    geotest::writeText(dbfPath, dbf);
    return shp;
}

const std::string kItorupCp1251 = "\xC8\xF2\xF3\xF0\xF3\xEF"; // Итуруп
const std::string kEtorofuCp932 = "\x91\xF0\x91\xA8\x93\x87"; // 択捉島

TEST(LoaderEncoding, Cp1251AndShiftJisDbfsWithALanguageDriverIdAndNoCpgDecode) {
    // The language driver id (byte 29 of the .dbf header): 0xC9 Windows 1251, 0x13 Japanese 932.
    const TempDir dir;
    for (const auto& [base, bytes, ldid, text] :
         {std::tuple{"ru", kItorupCp1251, 0xC9, "Итуруп"}, std::tuple{"ja", kEtorofuCp932, 0x13, "択捉島"}}) {
        const auto r = loadQuietly(shapefileWithRawName(dir, base, bytes, static_cast<unsigned char>(ldid)));
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r->value(0, "name"), text) << base;
        EXPECT_EQ(r->report.notUtf8, 0U) << base;
    }
}

TEST(LoaderEncoding, WithNeitherLanguageDriverIdNorCpgTextThatIsNotUtf8IsReported) {
    const TempDir dir;
    for (const auto& [base, bytes] : {std::pair{"ru", kItorupCp1251}, std::pair{"ja", kEtorofuCp932}}) {
        const std::string shp = shapefileWithRawName(dir, base, bytes, 0);
        const auto r = loadQuietly(shp);
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r->report.notUtf8, 1U) << base;
        const std::vector<std::string> messages = r->report.messages(shp);
        ASSERT_EQ(messages.size(), 1U) << joined(messages);
        EXPECT_EQ(messages[0].rfind(shp, 0), 0U);
        EXPECT_TRUE(contains(messages[0], "not UTF-8")) << messages[0];
        EXPECT_TRUE(contains(messages[0], ".cpg")) << messages[0];
        EXPECT_TRUE(contains(messages[0], r->value(0, "name"))) << "the message shows what is shown";
    }
    // UTF-8 text without either is taken as it is, and nothing is reported.
    const auto utf8 = loadQuietly(shapefileWithRawName(dir, "utf8", "Итуруп", 0));
    ASSERT_TRUE(utf8.ok()) << utf8.error().message;
    EXPECT_EQ(utf8->value(0, "name"), "Итуруп");
    EXPECT_EQ(utf8->report.notUtf8, 0U);
}

} // namespace
