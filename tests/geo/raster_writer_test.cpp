// GeoTiffWriter and crsSidecars: every CRS PROJ knows is read back the same by GDAL, nothing is left beside.
#include "../support/srs.h"
#include "test_support.h"

#include <geo/geometry.h>
#include <geo/raster_writer.h>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using geotest::TempDir;

std::vector<std::string> filesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Opens `path` as GDAL would for a user: PAM on, so an .aux.xml beside it would be read too.
GDALDatasetUniquePtr open(const std::string& path) {
    GDALAllRegister();
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
}

// A 40 x 30 RGBA image whose pixel (x, y) is (x, y, x + y, 255).
std::vector<unsigned char> pattern(int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w * h * 4));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &px[static_cast<std::size_t>((y * w + x) * 4)];
            p[0] = static_cast<unsigned char>(x), p[1] = static_cast<unsigned char>(y);
            p[2] = static_cast<unsigned char>(x + y), p[3] = 255;
        }
    return px;
}

// Lon/lat degrees on WGS 84 in `to`'s units.
geo::Point projected(const OGRSpatialReference& to, geo::Point lonlat) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&wgs84, &to));
    EXPECT_TRUE(t);
    if (!t) return {};
    double x = lonlat.x, y = lonlat.y;
    EXPECT_TRUE(t->Transform(1, &x, &y));
    return {x, y};
}

geo::GeoTiffInfo info(const std::string& crs) {
    geo::GeoTiffInfo i;
    i.width = 40;
    i.height = 30;
    i.transform = {-1234567.25, 1000, 0, 7654321.5, 0, -1000};
    i.crs = crs;
    i.metadata = {{"TIFFTAG_SOFTWARE", "writer test"}};
    return i;
}

// Display (UTM 55N), web, world (Equal Earth, whose method GDAL's GeoTIFF keys cannot express), geographic,
// an ESRI world CRS, and CRSs with no code at all: a PROJ string and WKT2.
const char* const kCrss[] = {
    "EPSG:32655",
    "EPSG:3857",
    "EPSG:8857",
    "EPSG:4326",
    "ESRI:54030",
    "+proj=eqearth +lon_0=150 +datum=WGS84 +units=m +no_defs",
    "+proj=ortho +lat_0=44 +lon_0=146 +ellps=WGS84 +units=m +no_defs",
    R"(PROJCRS["Kurils LAEA",BASEGEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563]]],CONVERSION["LAEA",METHOD["Lambert Azimuthal Equal Area",ID["EPSG",9820]],PARAMETER["Latitude of natural origin",44,ANGLEUNIT["degree",0.0174532925199433]],PARAMETER["Longitude of natural origin",147,ANGLEUNIT["degree",0.0174532925199433]],PARAMETER["False easting",0,LENGTHUNIT["metre",1]],PARAMETER["False northing",0,LENGTHUNIT["metre",1]]],CS[Cartesian,2],AXIS["easting",east,LENGTHUNIT["metre",1]],AXIS["northing",north,LENGTHUNIT["metre",1]]])",
};

TEST(GeoTiffWriter, EveryCrsIsInsideTheFileAndNothingIsLeftBeside) {
    for (const std::string crs : kCrss) {
        SCOPED_TRACE(crs);
        TempDir dir;
        const std::string path = dir.file("map.tif");
        auto writer = geo::GeoTiffWriter::create(path, info(crs));
        ASSERT_TRUE(writer.ok()) << writer.error().message;
        const auto px = pattern(40, 30);
        // In two bands, the second first: rows go where they are told.
        ASSERT_FALSE(writer->write(12, 18, &px[12 * 40 * 4], 4, 40 * 4));
        ASSERT_FALSE(writer->write(0, 12, px.data(), 4, 40 * 4));
        EXPECT_FALSE(std::filesystem::exists(path)) << "the target appears only on commit";
        const auto failed = writer->commit();
        ASSERT_FALSE(failed) << failed->message;
        EXPECT_EQ(filesIn(dir.path()), std::vector<std::string>{"map.tif"}) << "no temporary, no .aux.xml";

        const auto ds = open(path);
        ASSERT_TRUE(ds);
        ASSERT_NE(ds->GetSpatialRef(), nullptr);
        const OGRSpatialReference want = srsOf(crs);
        EXPECT_TRUE(ds->GetSpatialRef()->IsSame(&want));
        double gt[6];
        ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
        for (int i = 0; i < 6; ++i)
            EXPECT_DOUBLE_EQ(gt[i], info(crs).transform[static_cast<std::size_t>(i)]);
        ASSERT_EQ(ds->GetRasterCount(), 4);
        EXPECT_EQ(ds->GetRasterBand(4)->GetColorInterpretation(), GCI_AlphaBand);
        unsigned char rgba[4];
        ASSERT_EQ(ds->RasterIO(GF_Read, 17, 23, 1, 1, rgba, 1, 1, GDT_Byte, 4, nullptr, 4, 4, 1, nullptr),
                  CE_None);
        EXPECT_EQ(rgba[0], 17);
        EXPECT_EQ(rgba[1], 23);
        EXPECT_EQ(rgba[2], 40);
        EXPECT_STREQ(ds->GetMetadataItem("TIFFTAG_SOFTWARE"), "writer test");
    }
}

TEST(GeoTiffWriter, UncommittedOrFailedLeavesTheOldFileAndNoTemporary) {
    TempDir dir;
    const std::string path = dir.file("map.tif");
    geotest::writeText(path, "precious");
    {
        auto writer = geo::GeoTiffWriter::create(path, info("EPSG:8857"));
        ASSERT_TRUE(writer.ok());
        const auto px = pattern(40, 30);
        ASSERT_FALSE(writer->write(0, 30, px.data(), 4, 40 * 4));
        EXPECT_EQ(filesIn(dir.path()).size(), 2u) << "the temporary, beside the old file";
        const auto outside = writer->write(20, 20, px.data(), 4, 40 * 4);
        ASSERT_TRUE(outside);
        EXPECT_NE(outside->message.find(path), std::string::npos);
    } // dropped without commit
    EXPECT_EQ(filesIn(dir.path()), std::vector<std::string>{"map.tif"});
    EXPECT_EQ(geotest::readBytes(path), "precious");

    auto unknown = geo::GeoTiffWriter::create(path, info("EPSG:999999"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find(path), std::string::npos);
    EXPECT_NE(unknown.error().message.find("EPSG:999999"), std::string::npos);
    auto nowhere = geo::GeoTiffWriter::create(dir.file("no/such/map.tif"), info("EPSG:3857"));
    ASSERT_FALSE(nowhere.ok());
    EXPECT_NE(nowhere.error().message.find("no/such/map.tif"), std::string::npos);
    EXPECT_EQ(filesIn(dir.path()), std::vector<std::string>{"map.tif"});
    EXPECT_EQ(geotest::readBytes(path), "precious");
}

TEST(CrsSidecars, GdalReadsTheCrsOfAPngFromTheAuxXmlAndThePrjParses) {
    for (const std::string crs : kCrss) {
        SCOPED_TRACE(crs);
        const auto sidecars = geo::crsSidecars(crs);
        ASSERT_TRUE(sidecars.ok()) << sidecars.error().message;
        const OGRSpatialReference want = srsOf(crs);
        // The .prj is ESRI's own dialect (an ellipsoidal orthographic is ESRI's "Local", a geographic CRS has
        // no datum ensemble), so GDAL does not always call it the same CRS: it must place points the same.
        OGRSpatialReference prj;
        ASSERT_EQ(prj.SetFromUserInput(sidecars->prj.c_str()), OGRERR_NONE) << sidecars->prj;
        prj.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        EXPECT_EQ(sidecars->prj.find('\n'), std::string::npos) << "one line";
        const geo::Point a = projected(want, {146.5, 43.9}), b = projected(prj, {146.5, 43.9});
        EXPECT_NEAR(a.x, b.x, 1e-3) << sidecars->prj;
        EXPECT_NEAR(a.y, b.y, 1e-3) << sidecars->prj;

        // A PNG (written by GDAL, no georeference) with the .aux.xml beside it: GDAL reports the CRS.
        TempDir dir;
        const std::string png = dir.file("map.png");
        {
            GDALAllRegister();
            GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
            GDALDriver* pngDriver = GetGDALDriverManager()->GetDriverByName("PNG");
            ASSERT_TRUE(mem && pngDriver);
            const GDALDatasetUniquePtr src(mem->Create("", 8, 8, 3, GDT_Byte, nullptr));
            CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
            const GDALDatasetUniquePtr out(
                pngDriver->CreateCopy(png.c_str(), src.get(), false, nullptr, nullptr, nullptr));
            CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
            ASSERT_TRUE(out);
        }
        ASSERT_EQ(filesIn(dir.path()), std::vector<std::string>{"map.png"});
        geotest::writeText(png + ".aux.xml", sidecars->auxXml);
        const auto ds = open(png);
        ASSERT_TRUE(ds);
        ASSERT_NE(ds->GetSpatialRef(), nullptr);
        EXPECT_TRUE(ds->GetSpatialRef()->IsSame(&want));
    }
    EXPECT_FALSE(geo::crsSidecars("EPSG:999999").ok());
}

} // namespace
