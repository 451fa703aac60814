#pragma once
// Immutable in-memory vector layers loaded through GDAL/OGR.
#include "geo/geometry.h"
#include "geo/result.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace geo {

/// One feature: geometry in lon/lat degrees (EPSG:4326, lon first) and attribute values as UTF-8 strings,
/// aligned with Layer::fields. Missing or null values are empty strings.
struct Feature {
    std::int64_t fid = -1;
    Geometry geometry;
    std::vector<std::string> values;
};

/// Features' ids and attribute values without their geometry, compactly: each distinct value is stored
/// once, and a feature holds a 4-byte index per field (a world file's 188,000 features take 3 MB instead
/// of 35 MB as Features). What a layer keeps when its geometry went elsewhere (a GeometrySink).
class Attributes {
  public:
    Attributes() = default;
    explicit Attributes(std::size_t fields) : fields_(fields) {}
    /// Appends a feature; `values` aligned with the fields (missing ones are "").
    void add(std::int64_t fid, const std::vector<std::string>& values);
    /// Appends a feature whose values follow through setValue() (all "" until then).
    void add(std::int64_t fid);
    /// Sets field `field` of the last feature added.
    void setValue(std::size_t field, std::string_view value);
    /// Frees what only adding needs (the look-up of distinct values).
    void finish();

    std::size_t size() const { return fids_.size(); }
    std::size_t fieldCount() const { return fields_; }
    std::int64_t fid(std::size_t i) const { return fids_[i]; }
    const std::string& value(std::size_t i, std::size_t field) const {
        return values_[cells_[i * fields_ + field]];
    }

  private:
    std::uint32_t intern(std::string_view value);

    std::size_t fields_ = 0;
    std::vector<std::int64_t> fids_;
    std::vector<std::uint32_t> cells_; ///< fields_ per feature, into values_
    std::deque<std::string> values_;   ///< distinct values (a deque: the look-up's keys point into it)
    std::unordered_map<std::string_view, std::uint32_t> lookup_;
};

/// What loading left out or could not read faithfully, feature by feature: the load report. Counts only;
/// LoadReport::messages() words them for a user.
struct LoadReport {
    std::size_t badCoordinates =
        0; ///< features with NaN, infinite or out-of-range (beyond ±360°, ±90°) points
    std::size_t degenerate = 0;      ///< features with no usable part (rings under 3 points, empty geometry)
    std::size_t untransformable = 0; ///< features PROJ could not bring to lon/lat
    std::size_t unread = 0;          ///< features the driver counted but did not deliver (a truncated file)
    std::size_t partsDropped = 0;    ///< parts (rings, holes, lines) too short to draw, in features kept
    std::size_t notUtf8 = 0;    ///< attribute values that were not UTF-8 in a file that names no encoding
    std::string notUtf8Example; ///< the first such value, shown as Latin-1
    bool noCrs = false;         ///< no CRS (a Shapefile without .prj): taken as lon/lat
    bool noAttributes = false;  ///< a Shapefile without its .dbf: geometry only

    /// One sentence per kind of problem, each starting with `path` (and the layer name when given).
    std::vector<std::string> messages(const std::string& path, const std::string& layer = {}) const;
};

/// A loaded layer. Immutable after load; safe to share between threads as `shared_ptr<const Layer>`.
/// Loaded whole, its features (geometry and values) are in `features`; loaded through a GeometrySink,
/// `features` is empty and `attributes` holds their ids and values. size(), value() and fid() read either.
struct Layer {
    std::string name;      ///< OGR layer name
    std::string path;      ///< the file or data source it came from, as given
    std::string sourceCrs; ///< "AUTHORITY:CODE" where known, else the CRS name; "" if none
    std::vector<std::string> fields;
    std::vector<Feature> features;
    Attributes attributes;   ///< instead of `features` when the geometry went to a sink
    Box bounds;              ///< lon/lat bounds of all features
    std::size_t skipped = 0; ///< features dropped because their geometry could not be read
    LoadReport report;       ///< why features were skipped, and what else was not read faithfully
    bool table = false;      ///< the layer has no geometry column (an attribute table)

    /// Number of features (in `features` or `attributes`).
    std::size_t size() const { return features.empty() ? attributes.size() : features.size(); }
    /// Index of a field by name (case-sensitive), or -1.
    int fieldIndex(std::string_view field) const;
    /// Value of `field` for feature `i`, or "" if the field does not exist.
    const std::string& value(std::size_t i, std::string_view field) const;
    /// Value of field number `field` (a fieldIndex()) for feature `i`.
    const std::string& value(std::size_t i, std::size_t field) const {
        return features.empty() ? attributes.value(i, field) : features[i].values[field];
    }
    /// The feature id of feature `i`.
    std::int64_t fid(std::size_t i) const { return features.empty() ? attributes.fid(i) : features[i].fid; }
};

/// The GDAL drivers user files are opened with (docs/reliability-loader.md says why these): Shapefile,
/// GeoPackage, GeoJSON (and its sequence form), FlatGeobuf, KML, GPX, GML, CSV, MapInfo, SQLite,
/// OpenFileGDB and DXF. Never VRT (a VRT can point anywhere, the network included).
const std::vector<std::string>& allowedDrivers();

/// Loads one layer of a vector file in one of allowedDrivers(). The geometry is transformed to WGS84
/// lon/lat (traditional GIS axis order) with PROJ through OGR; attributes are decoded to UTF-8 (a
/// Shapefile's .cpg or language driver id says from what; values that are not UTF-8 in a file that says
/// nothing are read as Latin-1 and counted in Layer::report). A feature of several kinds of part (a
/// collection of a point and a line) keeps them all; Geometry::type is then the kind with most parts.
/// Features that cannot be drawn (NaN or infinite coordinates, coordinates beyond ±360° or ±90° once in
/// lon/lat, rings under three points) are skipped and counted in Layer::skipped and Layer::report.
/// `layerName` empty = the first layer. Fails with a message naming `path` when the file is missing,
/// empty, a folder (other than a FileGDB .gdb), a virtual path (/vsi..., a connection string), in no
/// allowed format, has no such layer, or its CRS cannot be transformed. A source without a CRS is taken
/// as lon/lat if most of it fits in [-180,180]x[-90,90], else it fails.
Result<Layer> loadLayer(const std::string& path, const std::string& layerName = {});

/// Receives a feature's index in the layer and its geometry (lon/lat) as loadLayer reads it.
using GeometrySink = std::function<void(std::size_t feature, Geometry&& geometry)>;

/// loadLayer for files too big to hold twice (a projected copy beside the lon/lat one): each feature's
/// geometry goes to `sink` as it is read, on the calling thread, and the layer keeps only the features'
/// ids and values (in Layer::attributes; `features` stays empty) and the bounds. With a non-empty `within`
/// (lon/lat), only the features whose bounds meet it are read (through the driver's spatial filter where the
/// source is lon/lat). Fails like loadLayer, and with "PATH: cancelled" as soon as `cancel` (if given) turns
/// true.
Result<Layer> loadLayer(const std::string& path, const std::string& layerName, const GeometrySink& sink,
                        const Box& within = {}, const std::atomic<bool>* cancel = nullptr);

/// Reads again the geometry of some features of a layer read before by loadLayer: those with ids `fids`,
/// each to `sink` (in lon/lat, as loadLayer gives it) with its position in `fids`. By id where the driver
/// has random access (Shapefile, GeoPackage), else in one sequential read. Returns how many were read;
/// fails naming `path` if the source cannot be opened, a feature is gone or has no usable geometry, or
/// with "PATH: cancelled" once `cancel` turns true.
Result<std::size_t> readGeometries(const std::string& path, const std::string& layerName,
                                   const std::vector<std::int64_t>& fids, const GeometrySink& sink,
                                   const std::atomic<bool>* cancel = nullptr);

/// Names of the layers in an OGR source.
Result<std::vector<std::string>> listLayers(const std::string& path);

} // namespace geo
