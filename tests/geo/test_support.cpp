#include "test_support.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

#include <unistd.h>

namespace geotest {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "isleview_geo_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (info != nullptr) name += std::string("_") + info->name();
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void writeText(const std::filesystem::path& file, std::string_view text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeLayer(const std::string& path, const std::string& driver, int epsg, OGRwkbGeometryType type,
                const std::vector<Field>& fields, const std::vector<Row>& rows,
                const std::vector<std::string>& options) {
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName(driver.c_str());
    ASSERT_NE(drv, nullptr) << driver;
    GDALDatasetH ds = GDALCreate(drv, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr) << path;
    OGRSpatialReferenceH srs = nullptr;
    if (epsg != 0) {
        srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, epsg);
    }
    std::vector<const char*> opts;
    for (const auto& o : options)
        opts.push_back(o.c_str());
    opts.push_back(nullptr);
    const std::string layerName = std::filesystem::path(path).stem().string();
    OGRLayerH layer =
        GDALDatasetCreateLayer(ds, layerName.c_str(), srs, type, const_cast<char**>(opts.data()));
    if (srs != nullptr) OSRRelease(srs);
    ASSERT_NE(layer, nullptr) << path;
    for (const Field& f : fields) {
        OGRFieldDefnH defn = OGR_Fld_Create(f.name.c_str(), f.type);
        EXPECT_EQ(OGR_L_CreateField(layer, defn, TRUE), OGRERR_NONE) << f.name;
        OGR_Fld_Destroy(defn);
    }
    for (const Row& row : rows) {
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (std::size_t i = 0; i < row.values.size(); ++i)
            if (!row.values[i].empty())
                OGR_F_SetFieldString(feature, static_cast<int>(i), row.values[i].c_str());
        if (!row.wkt.empty()) {
            OGRGeometryH g = nullptr;
            char* wkt = const_cast<char*>(row.wkt.c_str());
            EXPECT_EQ(OGR_G_CreateFromWkt(&wkt, nullptr, &g), OGRERR_NONE) << row.wkt;
            OGR_F_SetGeometryDirectly(feature, g);
        }
        EXPECT_EQ(OGR_L_CreateFeature(layer, feature), OGRERR_NONE);
        OGR_F_Destroy(feature);
    }
    GDALClose(ds);
}

double zoneAreaM2(double lon1, double lon2, double lat1, double lat2) {
    const double a = 6378137.0;
    const double f = 1 / 298.257223563;
    const double e2 = f * (2 - f);
    const double e = std::sqrt(e2);
    const double deg = std::numbers::pi / 180;
    // Snyder's q(phi); the whole ellipsoid is 2 pi a^2 q(90), a zone a^2 / 2 * dLambda * (q2 - q1).
    const auto q = [&](double lat) {
        const double s = std::sin(lat * deg);
        return (1 - e2) * (s / (1 - e2 * s * s) - std::log((1 - e * s) / (1 + e * s)) / (2 * e));
    };
    return a * a / 2 * (lon2 - lon1) * deg * (q(lat2) - q(lat1));
}

} // namespace geotest
