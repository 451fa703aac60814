#pragma once
// Fixtures for the libgeo tests: scratch directories and small vector files written with GDAL's C API.
#include <ogr_core.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace geotest {

/// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(std::string_view name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

void writeText(const std::filesystem::path& file, std::string_view text);
std::string readBytes(const std::filesystem::path& file);

struct Field {
    std::string name;
    OGRFieldType type = OFTString;
};

struct Row {
    std::string wkt; ///< geometry as WKT, "" for none
    std::vector<std::string> values;
};

/// Writes one layer with GDAL: `driver` e.g. "ESRI Shapefile", `epsg` 0 for no CRS, `options` layer
/// creation options such as "ENCODING=UTF-8"; empty values stay null. Reports failures as GoogleTest
/// failures.
void writeLayer(const std::string& path, const std::string& driver, int epsg, OGRwkbGeometryType type,
                const std::vector<Field>& fields, const std::vector<Row>& rows,
                const std::vector<std::string>& options = {});

/// Area in m² of the WGS84 ellipsoidal zone lon1..lon2 x lat1..lat2 (degrees), closed form through the
/// authalic q function (Snyder, Map Projections: A Working Manual, USGS PP 1395, eq. 3-12). A lon/lat
/// box with geodesic edges differs from it by the bulge of the north and south edges only.
double zoneAreaM2(double lon1, double lon2, double lat1, double lat2);

} // namespace geotest
