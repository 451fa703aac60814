#pragma once
// Georeferenced raster output through GDAL: 8-bit RGB(A) GeoTIFFs written band by band and atomically, and
// the sidecar texts that give a PNG or JPEG with a world file its coordinate system.
#include "geo/result.h"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace geo {

/// GDAL's affine transform from pixel (col, row) to CRS units: x = t[0] + col t[1] + row t[2],
/// y = t[3] + col t[4] + row t[5], where (0, 0) is the upper-left corner of the upper-left pixel.
using GeoTransform = std::array<double, 6>;

/// What a GeoTIFF holds besides its pixels.
struct GeoTiffInfo {
    int width = 0;  ///< pixels
    int height = 0; ///< pixels
    int bands = 4;  ///< 3 (R, G, B) or 4 (R, G, B, alpha)
    GeoTransform transform{};
    std::string crs; ///< anything PROJ accepts ("EPSG:8857", a PROJ string, WKT)
    /// GDAL metadata items the GTiff driver writes as TIFF tags (TIFFTAG_SOFTWARE, TIFFTAG_DATETIME, ...).
    std::vector<std::pair<std::string, std::string>> metadata;
};

/// Writes one deflate-compressed GeoTIFF, rows in any order, into a hidden temporary in the target's folder
/// that commit() renames over the target. The CRS is stored inside the file (GeoTIFF keys, or the EPSG code,
/// or an ESRI PE string holding WKT when the keys cannot express it) and checked by reading it back; GDAL
/// writes no .aux.xml. Until commit() succeeds the target is untouched, and a writer destroyed uncommitted
/// removes its temporary. Not thread-safe: use one writer from one thread.
class GeoTiffWriter {
  public:
    /// Starts writing `path` (a file-system path in the local 8-bit encoding). Fails, naming the path, on an
    /// unknown CRS, a missing folder, or a temporary GDAL cannot create.
    static Result<GeoTiffWriter> create(const std::string& path, const GeoTiffInfo& info);
    GeoTiffWriter(GeoTiffWriter&&) noexcept;
    GeoTiffWriter& operator=(GeoTiffWriter&&) noexcept;
    ~GeoTiffWriter();

    /// Writes `rows` rows from row `y` on: `pixels` points at the first pixel of row `y`, whose bytes are R,
    /// G, B (and alpha) in that order; pixels are `pixelBytes` apart, rows `rowBytes` apart. Fails naming the
    /// path (e.g. a full disk).
    std::optional<Error> write(int y, int rows, const unsigned char* pixels, int pixelBytes,
                               std::ptrdiff_t rowBytes);
    /// Finishes the file, checks that it reads back with the CRS and transform asked for, and renames it
    /// over the target. On failure the temporary is removed and any earlier file at the target is untouched.
    std::optional<Error> commit();

  private:
    struct Impl;
    explicit GeoTiffWriter(std::unique_ptr<Impl>);
    std::unique_ptr<Impl> d_;
};

/// The texts that carry a CRS beside a PNG or JPEG whose world file holds its georeference.
struct CrsSidecars {
    std::string prj;    ///< the .prj: ESRI WKT (WKT2 where ESRI WKT cannot express the CRS)
    std::string auxXml; ///< GDAL's NAME.EXT.aux.xml holding the CRS, which GDAL (and so QGIS) reads
};

/// The sidecar texts for `crs` (anything PROJ accepts). Fails naming the CRS when PROJ does not know it.
Result<CrsSidecars> crsSidecars(const std::string& crs);

} // namespace geo
