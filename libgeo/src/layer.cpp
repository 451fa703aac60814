#include "geo/layer.h"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
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

// Process-wide GDAL settings for reading files from anywhere: no network, whatever a file names (a GML
// schema, a /vsicurl/ path inside some driver's sidecar), and bounded memory for one GeoJSON object.
void registerDrivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // /vsicurl/ and its kin open only names with these endings: none has this one.
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".isleview-no-network");
        CPLSetConfigOption("GML_DOWNLOAD_WFS_SCHEMA", "NO");
        CPLSetConfigOption("GML_SKIP_RESOLVE_ELEMS", "ALL");
        // SQLite and GeoPackage views and triggers may call OGR's SQL functions, which open other files.
        CPLSetConfigOption("ALLOW_OGR_SQL_FUNCTIONS_FROM_TRIGGER_AND_VIEW", "NO");
        CPLSetConfigOption("OGR_SQLITE_LOAD_EXTENSIONS", nullptr);
        // One GeoJSON feature of more than this many MB is refused rather than parsed into memory.
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "200");
    });
}

// "/vsizip/", "/vsicurl/", "PG:dbname=x", "GPKG:file.gpkg:layer", "https://...": anything GDAL would read
// through something other than the plain file named. A colon at index 1 is a Windows drive letter; a file
// whose name has a colon and that exists is a plain file.
bool isVirtualPath(const std::string& path, bool exists) {
    const std::size_t colon = path.find(':');
    return path.starts_with("/vsi") || (!exists && colon != std::string::npos && colon > 1);
}

Result<DatasetPtr> openVector(const std::string& path, const ErrorCapture& capture) {
    registerDrivers();
    std::error_code ec;
    const std::filesystem::path file(path);
    const bool exists = std::filesystem::exists(file, ec);
    if (isVirtualPath(path, exists))
        return Error{path +
                     ": not a plain file (virtual file systems such as /vsizip/ or /vsicurl/, URLs and "
                     "connection strings are not opened)"};
    if (!exists) return Error{path + ": no such file"};
    if (std::filesystem::is_directory(file, ec)) {
        // A FileGDB is a folder; any other folder would be read as a folder of Shapefiles, which the user
        // did not ask for.
        if (file.extension() != ".gdb") return Error{path + ": a folder, not a file"};
    } else if (!std::filesystem::is_regular_file(file, ec)) {
        return Error{path + ": not a regular file"};
    } else if (std::filesystem::file_size(file, ec) == 0) {
        return Error{path + ": empty file"};
    }
    std::vector<const char*> drivers;
    for (const std::string& d : allowedDrivers())
        drivers.push_back(d.c_str());
    drivers.push_back(nullptr);
    // A CSV column named WKT is read as the geometry by GDAL's CSV driver without open options.
    DatasetPtr ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                             drivers.data(), nullptr, nullptr));
    if (ds) return ds;
    // Say so when GDAL could read it with a driver that is not allowed (a VRT above all).
    const GDALDriverH other = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    const auto& allowed = allowedDrivers();
    if (other && std::find(allowed.begin(), allowed.end(), GDALGetDriverShortName(other)) == allowed.end())
        return Error{path + ": " + GDALGetDriverLongName(other) + " (" + GDALGetDriverShortName(other) +
                     ") files are not opened; use Shapefile, GeoPackage, GeoJSON, FlatGeobuf, KML, GPX, GML, "
                     "CSV, MapInfo, SQLite, FileGDB or DXF"};
    // An allowed format that failed (a Shapefile without its .shx) comes with GDAL's reason.
    return Error{path + ": not a vector file in a format Isleview reads" + capture.detail()};
}

// Drivers that cannot tell their encoding (a Shapefile with neither .cpg nor language driver id) hand back
// the bytes as stored. Those that are not UTF-8 are read as Latin-1 (which never fails) and counted, so the
// load report can say the text may be wrong and how to fix it (a .cpg naming the encoding).
std::string toUtf8(const char* s, LoadReport* report = nullptr) {
    if (CPLIsUTF8(s, -1)) return s;
    char* recoded = CPLRecode(s, CPL_ENC_ISO8859_1, CPL_ENC_UTF8);
    std::string out(recoded);
    CPLFree(recoded);
    if (report) {
        if (report->notUtf8++ == 0) report->notUtf8Example = out;
    }
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
// Parts too short to draw (a line of one point, a ring of two) are counted in `dropped`.
void collectParts(OGRGeometryH g, Geometry& out, std::size_t& dropped) {
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (!OGR_G_IsEmpty(g)) out.points.push_back({OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)});
        break;
    case wkbLineString:
    case wkbLinearRing:
        if (Path line = readPath(g); line.size() >= 2)
            out.lines.push_back(std::move(line));
        else
            ++dropped;
        break;
    case wkbPolygon: {
        Polygon poly;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            Path ring = readRing(OGR_G_GetGeometryRef(g, i));
            if (ring.size() >= 3) {
                poly.rings.push_back(std::move(ring));
            } else if (i == 0) {
                ++dropped; // no outer ring, no polygon (its holes go with it)
                return;
            } else {
                ++dropped;
            }
        }
        if (!poly.rings.empty()) out.polygons.push_back(std::move(poly));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
            collectParts(OGR_G_GetGeometryRef(g, i), out, dropped);
        break;
    default:
        ++dropped; // a kind of geometry with no drawing (a TIN, a polyhedral surface)
        break;
    }
}

// Whether every point is a number within one turn of the globe in longitude and within the poles (with a
// margin for rounding); 1e300 or NaN in a file is damage, not a place.
bool allInRange(const Geometry& g) {
    const auto ok = [](const Path& path) {
        return std::all_of(path.begin(), path.end(), [](const Point& p) {
            return std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.x) <= 360 && std::abs(p.y) <= 90.5;
        });
    };
    return ok(g.points) && std::all_of(g.lines.begin(), g.lines.end(), ok) &&
           std::all_of(g.polygons.begin(), g.polygons.end(), [&](const Polygon& poly) {
               return std::all_of(poly.rings.begin(), poly.rings.end(), ok);
           });
}

// Every part of `g`, of whatever kind: a collection of a point and a line keeps both (the scene draws each
// part as what it is). `type` is the kind with the most parts (ties go to the higher dimension); a
// feature with no usable part comes back as None.
Geometry convert(OGRGeometryH g, std::size_t& dropped) {
    GeometryPtr linear;
    if (OGR_G_HasCurveGeometry(g, TRUE)) {
        linear.reset(OGR_G_GetLinearGeometry(g, 0, nullptr));
        g = linear.get();
    }
    Geometry out;
    if (g == nullptr) return out;
    collectParts(g, out, dropped);
    const std::size_t points = out.points.size();
    const std::size_t lines = out.lines.size();
    const std::size_t polygons = out.polygons.size();
    if (polygons > 0 && polygons >= lines && polygons >= points)
        out.type = GeometryType::Polygon;
    else if (lines > 0 && lines >= points)
        out.type = GeometryType::Line;
    else if (points > 0)
        out.type = GeometryType::Point;
    return out;
}

} // namespace

const std::vector<std::string>& allowedDrivers() {
    static const std::vector<std::string> drivers{
        "ESRI Shapefile", "GPKG",   "GeoJSON",     "GeoJSONSeq", "FlatGeobuf", "KML", "GPX", "GML", "CSV",
        "MapInfo File",   "SQLite", "OpenFileGDB", "DXF"};
    return drivers;
}

std::vector<std::string> LoadReport::messages(const std::string& path, const std::string& layer) const {
    const std::string where = layer.empty() ? path : path + " (layer " + layer + ")";
    std::vector<std::string> out;
    const auto say = [&](std::size_t n, const std::string& what) {
        if (n > 0) out.push_back(where + ": " + std::to_string(n) + " " + what);
    };
    say(badCoordinates,
        "feature(s) skipped: coordinates that are not numbers, infinite or beyond ±360°/±90°");
    say(degenerate,
        "feature(s) skipped: no geometry that can be drawn (empty, a line of one point, or rings of fewer "
        "than 3 points)");
    say(untransformable, "feature(s) skipped: could not be transformed to longitude/latitude");
    say(unread, "feature(s) could not be read (the file may be truncated or damaged)");
    say(partsDropped, "part(s) of features left out: lines of one point or rings of fewer than 3 points");
    if (noCrs)
        out.push_back(where +
                      ": no coordinate system (for a Shapefile: no .prj); taken as WGS84 longitude/latitude");
    if (noAttributes) out.push_back(where + ": no attributes (a Shapefile without its .dbf)");
    if (notUtf8 > 0)
        out.push_back(where + ": " + std::to_string(notUtf8) +
                      " attribute value(s) are not UTF-8 and the file does not say its encoding; shown as "
                      "Latin-1 (e.g. \"" +
                      notUtf8Example +
                      "\"), which may be wrong: add a .cpg file naming the encoding (e.g. CP1251, CP932)");
    return out;
}

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

// A feature's geometry in lon/lat; type None if it has none that can be read, and then why in `report`
// (parts too short to draw are counted there too).
Geometry readGeometry(OGRFeatureH f, OGRCoordinateTransformationH toLonLat, LoadReport& report) {
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (g == nullptr || OGR_G_IsEmpty(g)) {
        ++report.degenerate;
        return {};
    }
    if (toLonLat && OGR_G_Transform(g, toLonLat) != OGRERR_NONE) {
        ++report.untransformable;
        return {};
    }
    std::size_t dropped = 0;
    Geometry out = convert(g, dropped);
    if (!allInRange(out)) {
        ++report.badCoordinates;
        return {};
    }
    if (out.type == GeometryType::None) {
        ++report.degenerate;
        return {};
    }
    report.partsDropped += dropped;
    return out;
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
        out.fields.emplace_back(toUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));

    const bool hasGeometry = OGR_L_GetGeomType(layer) != wkbNone;
    out.table = !hasGeometry;
    out.report.noCrs = hasGeometry && opened->srs == nullptr;
    // GDAL reads a .shp without its .dbf, and says nothing.
    if (const std::filesystem::path p(path); std::filesystem::is_regular_file(p) && p.extension() == ".shp") {
        std::filesystem::path dbf = p, DBF = p;
        std::error_code ec;
        out.report.noAttributes = !std::filesystem::exists(dbf.replace_extension(".dbf"), ec) &&
                                  !std::filesystem::exists(DBF.replace_extension(".DBF"), ec);
    }
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
            values[static_cast<std::size_t>(i)] =
                OGR_F_IsFieldSetAndNotNull(f.get(), i)
                    ? toUtf8(OGR_F_GetFieldAsString(f.get(), i), &out.report)
                    : std::string();
        const std::int64_t fid = OGR_F_GetFID(f.get());
        Geometry geometry;
        if (OGR_F_GetGeometryRef(f.get()) != nullptr) {
            geometry = readGeometry(f.get(), toLonLat, out.report);
            if (geometry.type == GeometryType::None) {
                ++out.skipped;
                continue;
            }
        } else if (hasGeometry) {
            ++out.skipped;
            ++out.report.degenerate;
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
    if (const auto read = out.size() + out.skipped; promised > 0 && std::size_t(promised) > read) {
        out.report.unread += std::size_t(promised) - read;
        out.skipped += std::size_t(promised) - read;
    }
    // Without a CRS, coordinates out of lon/lat range are metres or feet of some unknown CRS, unless they
    // are the odd broken feature among many that fit.
    if (opened->srs == nullptr && out.report.badCoordinates > 0 && out.report.badCoordinates >= out.size())
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
    LoadReport ignored; // counted on the first read
    const auto deliver = [&](OGRFeatureH f, std::size_t at) -> bool {
        Geometry g = readGeometry(f, opened->toLonLat.get(), ignored);
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
