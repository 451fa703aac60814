#include "geo/layer.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <filesystem>
#include <mutex>
#include <type_traits>

namespace geo {
namespace {

template <class H, auto Release> struct Releaser {
    void operator()(H h) const { Release(h); }
};
template <class H, auto Release>
using Handle = std::unique_ptr<std::remove_pointer_t<H>, Releaser<H, Release>>;
using DatasetPtr = Handle<GDALDatasetH, GDALClose>;
using FeaturePtr = Handle<OGRFeatureH, OGR_F_Destroy>;
using GeometryPtr = Handle<OGRGeometryH, OGR_G_DestroyGeometry>;
using SrsPtr = Handle<OGRSpatialReferenceH, OSRRelease>;
using TransformPtr = Handle<OGRCoordinateTransformationH, OCTDestroyCoordinateTransformation>;

// Routes GDAL's errors and warnings (which it prints to stderr by default) into this object for as long
// as it lives, on this thread. Keeps the last failure message for our own error text.
class ErrorCapture {
  public:
    ErrorCapture() { CPLPushErrorHandlerEx(&handle, this); }
    ~ErrorCapture() { CPLPopErrorHandler(); }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    [[nodiscard]] std::string detail() const { return last_.empty() ? std::string() : " (" + last_ + ")"; }

  private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* msg) {
        if (level >= CE_Failure && msg != nullptr)
            static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData())->last_ = msg;
    }
    std::string last_;
};

void registerDrivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

Result<DatasetPtr> openVector(const std::string& path, const ErrorCapture& capture) {
    registerDrivers();
    // GDAL also opens virtual paths and connection strings ("/vsizip/...", "PG:dbname=x"); only plain
    // paths must exist on disk. A colon at index 1 is a Windows drive letter, not a connection prefix.
    std::error_code ec;
    const std::size_t colon = path.find(':');
    const bool virtualPath = path.starts_with("/vsi") || (colon != std::string::npos && colon > 1);
    if (!std::filesystem::exists(path, ec)) {
        if (!virtualPath) return Error{path + ": no such file"};
    } else if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0) {
        return Error{path + ": empty file"};
    }
    // A CSV column named WKT is read as the geometry by GDAL's CSV driver without open options.
    DatasetPtr ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr,
                             nullptr, nullptr));
    if (!ds) return Error{path + ": not a vector data source GDAL can read" + capture.detail()};
    return ds;
}

// Drivers that cannot tell their encoding may hand back bytes that are not UTF-8; Latin-1 is the usual
// culprit, and recoding from it never fails.
std::string toUtf8(const char* s) {
    if (CPLIsUTF8(s, -1)) return s;
    char* recoded = CPLRecode(s, CPL_ENC_ISO8859_1, CPL_ENC_UTF8);
    std::string out(recoded);
    CPLFree(recoded);
    return out;
}

std::string describeCrs(OGRSpatialReferenceH srs) {
    const auto authorityCode = [](OGRSpatialReferenceH s) -> std::string {
        const char* auth = OSRGetAuthorityName(s, nullptr);
        const char* code = OSRGetAuthorityCode(s, nullptr);
        return auth != nullptr && code != nullptr ? std::string(auth) + ":" + code : std::string();
    };
    std::string id = authorityCode(srs);
    if (id.empty()) {
        // ESRI .prj files carry no authority; accept PROJ's match when it is confident.
        int count = 0;
        int* confidence = nullptr;
        OGRSpatialReferenceH* matches = OSRFindMatches(srs, nullptr, &count, &confidence);
        if (count > 0 && confidence[0] >= 90) id = authorityCode(matches[0]);
        OSRFreeSRSArray(matches);
        CPLFree(confidence);
    }
    if (id.empty() && OSRGetName(srs) != nullptr) id = OSRGetName(srs);
    return id;
}

Path readPath(OGRGeometryH g) {
    Path path(static_cast<std::size_t>(std::max(OGR_G_GetPointCount(g), 0)));
    if (!path.empty()) OGR_G_GetPoints(g, &path[0].x, sizeof(Point), &path[0].y, sizeof(Point), nullptr, 0);
    return path;
}

Path readRing(OGRGeometryH g) {
    Path ring = readPath(g);
    if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
    return ring;
}

// Collects the parts of `g` by kind, whatever nesting of multi-geometries and collections holds them.
void collectParts(OGRGeometryH g, Geometry& out) {
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (!OGR_G_IsEmpty(g)) out.points.push_back({OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)});
        break;
    case wkbLineString:
    case wkbLinearRing:
        if (Path line = readPath(g); line.size() >= 2) out.lines.push_back(std::move(line));
        break;
    case wkbPolygon: {
        Polygon poly;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            Path ring = readRing(OGR_G_GetGeometryRef(g, i));
            if (ring.size() >= 3)
                poly.rings.push_back(std::move(ring));
            else if (i == 0)
                return; // no outer ring, no polygon
        }
        if (!poly.rings.empty()) out.polygons.push_back(std::move(poly));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
            collectParts(OGR_G_GetGeometryRef(g, i), out);
        break;
    default:
        break;
    }
}

bool allFinite(const Geometry& g) {
    const auto finite = [](const Path& path) {
        return std::all_of(path.begin(), path.end(),
                           [](const Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); });
    };
    return finite(g.points) && std::all_of(g.lines.begin(), g.lines.end(), finite) &&
           std::all_of(g.polygons.begin(), g.polygons.end(), [&](const Polygon& poly) {
               return std::all_of(poly.rings.begin(), poly.rings.end(), finite);
           });
}

// One Geometry holds one kind of part. For collections keep the kind with the most parts (ties go to the
// higher dimension); a feature with no usable part comes back as None.
Geometry convert(OGRGeometryH g) {
    GeometryPtr linear;
    if (OGR_G_HasCurveGeometry(g, TRUE)) {
        linear.reset(OGR_G_GetLinearGeometry(g, 0, nullptr));
        g = linear.get();
    }
    Geometry out;
    if (g == nullptr) return out;
    collectParts(g, out);
    const std::size_t points = out.points.size();
    const std::size_t lines = out.lines.size();
    const std::size_t polygons = out.polygons.size();
    if (polygons > 0 && polygons >= lines && polygons >= points) {
        out.type = GeometryType::Polygon;
        out.points.clear();
        out.lines.clear();
    } else if (lines > 0 && lines >= points) {
        out.type = GeometryType::Line;
        out.points.clear();
        out.polygons.clear();
    } else if (points > 0) {
        out.type = GeometryType::Point;
        out.lines.clear();
        out.polygons.clear();
    }
    if (!allFinite(out)) return {};
    return out;
}

bool isLonLat(const Box& b) {
    return b.empty() || (b.minx >= -180 && b.maxx <= 180 && b.miny >= -90 && b.maxy <= 90);
}

} // namespace

int Layer::fieldIndex(std::string_view field) const {
    const auto it = std::find(fields.begin(), fields.end(), field);
    return it == fields.end() ? -1 : static_cast<int>(it - fields.begin());
}

const std::string& Layer::value(std::size_t i, std::string_view field) const {
    static const std::string empty;
    const int index = fieldIndex(field);
    return index < 0 ? empty : value(i, static_cast<std::size_t>(index));
}

std::uint32_t Attributes::intern(std::string_view value) {
    if (const auto it = lookup_.find(value); it != lookup_.end()) return it->second;
    const auto index = static_cast<std::uint32_t>(values_.size());
    values_.emplace_back(value);
    lookup_.emplace(values_.back(), index);
    return index;
}

void Attributes::add(std::int64_t fid) {
    fids_.push_back(fid);
    const std::uint32_t none = intern({});
    cells_.insert(cells_.end(), fields_, none);
}

void Attributes::add(std::int64_t fid, const std::vector<std::string>& values) {
    add(fid);
    for (std::size_t f = 0; f < fields_ && f < values.size(); ++f)
        setValue(f, values[f]);
}

void Attributes::setValue(std::size_t field, std::string_view value) {
    cells_[cells_.size() - fields_ + field] = intern(value);
}

void Attributes::finish() {
    std::unordered_map<std::string_view, std::uint32_t>().swap(lookup_);
    fids_.shrink_to_fit();
    cells_.shrink_to_fit();
}

Result<Layer> loadLayer(const std::string& path, const std::string& layerName) {
    return loadLayer(path, layerName, {});
}

namespace {

// An open layer ready to read in lon/lat.
struct OpenLayer {
    DatasetPtr ds;
    OGRLayerH layer = nullptr;
    OGRSpatialReferenceH srs = nullptr;
    TransformPtr toLonLat; ///< null when the layer is in lon/lat already (or has no CRS)
};

Result<OpenLayer> openLayer(const std::string& path, const std::string& layerName,
                            const ErrorCapture& capture, Layer& out) {
    auto ds = openVector(path, capture);
    if (!ds) return ds.error();
    OpenLayer open;
    open.ds = std::move(ds).value();
    if (layerName.empty()) {
        if (GDALDatasetGetLayerCount(open.ds.get()) == 0) return Error{path + ": no layers"};
        open.layer = GDALDatasetGetLayer(open.ds.get(), 0);
    } else {
        open.layer = GDALDatasetGetLayerByName(open.ds.get(), layerName.c_str());
        if (open.layer == nullptr) return Error{path + ": layer '" + layerName + "' not found"};
    }
    out.name = OGR_L_GetName(open.layer);
    out.path = path;
    open.srs = OGR_L_GetSpatialRef(open.layer);
    if (open.srs != nullptr) {
        out.sourceCrs = describeCrs(open.srs);
        const SrsPtr source(OSRClone(open.srs));
        const SrsPtr wgs84(OSRNewSpatialReference(nullptr));
        OSRImportFromEPSG(wgs84.get(), 4326);
        OSRSetAxisMappingStrategy(source.get(), OAMS_TRADITIONAL_GIS_ORDER);
        OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
        if (!OSRIsSame(source.get(), wgs84.get())) {
            open.toLonLat.reset(OCTNewCoordinateTransformation(source.get(), wgs84.get()));
            if (!open.toLonLat)
                return Error{path + ": cannot transform from " + out.sourceCrs + " to WGS84 lon/lat" +
                             capture.detail()};
        }
    }
    return open;
}

// A feature's geometry in lon/lat; type None if it has none that can be read.
Geometry readGeometry(OGRFeatureH f, OGRCoordinateTransformationH toLonLat) {
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (g == nullptr || (toLonLat && OGR_G_Transform(g, toLonLat) != OGRERR_NONE)) return {};
    return convert(g);
}

} // namespace

Result<Layer> loadLayer(const std::string& path, const std::string& layerName, const GeometrySink& sink,
                        const Box& within, const std::atomic<bool>* cancel) {
    const ErrorCapture capture;
    Layer out;
    auto opened = openLayer(path, layerName, capture, out);
    if (!opened) return opened.error();
    OGRLayerH layer = opened->layer;
    OGRCoordinateTransformationH toLonLat = opened->toLonLat.get();
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fieldCount = OGR_FD_GetFieldCount(defn);
    for (int i = 0; i < fieldCount; ++i)
        out.fields.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));

    const bool hasGeometry = OGR_L_GetGeomType(layer) != wkbNone;
    out.attributes = Attributes(static_cast<std::size_t>(fieldCount));
    // Where the count is cheap (Shapefile, GeoPackage), no growing copy of a big layer's features.
    if (const GIntBig count = OGR_L_GetFeatureCount(layer, FALSE); count > 0 && within.empty() && !sink)
        out.features.reserve(static_cast<std::size_t>(count));
    if (!within.empty() && !toLonLat)
        OGR_L_SetSpatialFilterRect(layer, within.minx, within.miny, within.maxx, within.maxy);
    OGR_L_ResetReading(layer);
    std::vector<std::string> values(static_cast<std::size_t>(fieldCount));
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return Error{path + ": cancelled"};
        for (int i = 0; i < fieldCount; ++i)
            values[static_cast<std::size_t>(i)] = OGR_F_IsFieldSetAndNotNull(f.get(), i)
                                                      ? toUtf8(OGR_F_GetFieldAsString(f.get(), i))
                                                      : std::string();
        const std::int64_t fid = OGR_F_GetFID(f.get());
        Geometry geometry;
        if (OGR_F_GetGeometryRef(f.get()) != nullptr) {
            geometry = readGeometry(f.get(), toLonLat);
            if (geometry.type == GeometryType::None) {
                ++out.skipped;
                continue;
            }
        } else if (hasGeometry) {
            ++out.skipped;
            continue;
        }
        if (!within.empty() && !within.intersects(bounds(geometry))) continue;
        out.bounds.expand(bounds(geometry));
        f.reset(); // GDAL's copy of a continent is as big as ours
        if (sink) {
            out.attributes.add(fid, values);
            sink(out.attributes.size() - 1, std::move(geometry));
        } else {
            out.features.push_back({fid, std::move(geometry), values});
        }
    }
    out.attributes.finish();
    // A broken file can end the read early; count what the driver promised but did not deliver.
    const GIntBig promised = within.empty() ? OGR_L_GetFeatureCount(layer, FALSE) : -1;
    if (const auto read = out.size() + out.skipped; promised > 0 && std::size_t(promised) > read)
        out.skipped += std::size_t(promised) - read;

    if (opened->srs == nullptr && !isLonLat(out.bounds))
        return Error{path + ": no CRS, and the coordinates are not longitude/latitude degrees"};
    return out;
}

Result<std::size_t> readGeometries(const std::string& path, const std::string& layerName,
                                   const std::vector<std::int64_t>& fids, const GeometrySink& sink,
                                   const std::atomic<bool>* cancel) {
    const ErrorCapture capture;
    Layer described;
    auto opened = openLayer(path, layerName, capture, described);
    if (!opened) return opened.error();
    OGRLayerH layer = opened->layer;
    std::size_t read = 0;
    const auto deliver = [&](OGRFeatureH f, std::size_t at) -> bool {
        Geometry g = readGeometry(f, opened->toLonLat.get());
        if (g.type == GeometryType::None) return false;
        sink(at, std::move(g));
        ++read;
        return true;
    };
    if (OGR_L_TestCapability(layer, OLCRandomRead)) {
        for (std::size_t k = 0; k < fids.size(); ++k) {
            if (cancel && cancel->load(std::memory_order_relaxed)) return Error{path + ": cancelled"};
            FeaturePtr f{OGR_L_GetFeature(layer, fids[k])};
            if (!f || !deliver(f.get(), k))
                return Error{path + ": feature " + std::to_string(fids[k]) + " could not be read again" +
                             capture.detail()};
        }
        return read;
    }
    // No random access (GeoJSON, CSV): one sequential read, taking the wanted ids as they come.
    std::unordered_map<std::int64_t, std::size_t> wanted;
    for (std::size_t k = 0; k < fids.size(); ++k)
        wanted.emplace(fids[k], k);
    OGR_L_ResetReading(layer);
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return Error{path + ": cancelled"};
        const auto it = wanted.find(OGR_F_GetFID(f.get()));
        if (it == wanted.end()) continue;
        const std::size_t at = it->second;
        wanted.erase(it);
        if (!deliver(f.get(), at)) break;
    }
    if (read < fids.size()) return Error{path + ": some features could not be read again" + capture.detail()};
    return read;
}

Result<std::vector<std::string>> listLayers(const std::string& path) {
    const ErrorCapture capture;
    auto ds = openVector(path, capture);
    if (!ds) return ds.error();
    std::vector<std::string> names;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds->get()); ++i)
        names.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(ds->get(), i)));
    return names;
}

} // namespace geo
