#pragma once
// Immutable in-memory vector layers loaded through GDAL/OGR.
#include "geo/geometry.h"
#include "geo/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

/// One feature: geometry in lon/lat degrees (EPSG:4326, lon first) and attribute values as UTF-8 strings,
/// aligned with Layer::fields. Missing or null values are empty strings.
struct Feature {
    std::int64_t fid = -1;
    Geometry geometry;
    std::vector<std::string> values;
};

/// A loaded layer. Immutable after load; safe to share between threads as `shared_ptr<const Layer>`.
struct Layer {
    std::string name;      ///< OGR layer name
    std::string path;      ///< the file or data source it came from, as given
    std::string sourceCrs; ///< "AUTHORITY:CODE" where known, else the CRS name; "" if none
    std::vector<std::string> fields;
    std::vector<Feature> features;
    Box bounds;              ///< lon/lat bounds of all features
    std::size_t skipped = 0; ///< features dropped because their geometry could not be read

    /// Index of a field by name (case-sensitive), or -1.
    int fieldIndex(std::string_view field) const;
    /// Value of `field` for feature `i`, or "" if the field does not exist.
    const std::string& value(std::size_t i, std::string_view field) const;
};

/// Loads one layer of any OGR-readable source. The geometry is transformed to WGS84 lon/lat
/// (traditional GIS axis order) with PROJ through OGR; attributes are decoded to UTF-8 (.cpg aware).
/// `layerName` empty = the first layer. Fails with a message naming `path` when the file is missing,
/// not a vector source, has no such layer, or its CRS cannot be transformed. A source without a CRS is
/// taken as lon/lat if its bounds fit in [-180,180]x[-90,90], else it fails.
Result<Layer> loadLayer(const std::string& path, const std::string& layerName = {});

/// Receives a feature's index in the layer and its geometry (lon/lat) as loadLayer reads it.
using GeometrySink = std::function<void(std::size_t feature, Geometry&& geometry)>;

/// loadLayer for files too big to hold twice (a projected copy beside the lon/lat one): each feature's
/// geometry goes to `sink` as it is read, on the calling thread, and the layer keeps only its type (with
/// the attributes, fids and bounds). With a non-empty `within` (lon/lat), only the features whose bounds
/// meet it are read (through the driver's spatial filter where the source is lon/lat). Fails like loadLayer,
/// and with "PATH: cancelled" as soon as `cancel` (if given) turns true.
Result<Layer> loadLayer(const std::string& path, const std::string& layerName, const GeometrySink& sink,
                        const Box& within = {}, const std::atomic<bool>* cancel = nullptr);

/// Names of the layers in an OGR source.
Result<std::vector<std::string>> listLayers(const std::string& path);

} // namespace geo
