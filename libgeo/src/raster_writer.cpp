// GeoTIFF output and CRS sidecars through GDAL; libgeotiff stores the CRSs GDAL's GeoTIFF writer cannot.
#include "geo/raster_writer.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <geotiffio.h>
#include <geovalues.h>
#include <xtiffio.h>

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>

namespace geo {

namespace {

Error fail(const std::string& path, const std::string& why) {
    return Error{path + ": " + why};
}

void registerDrivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

// GDAL keeps what a GeoTIFF's keys cannot express (an Equal Earth CRS, with PROJ 9.1) in a NAME.aux.xml
// beside the file, which the temporary's rename leaves behind, hidden, and which the renamed file never
// finds. With PAM off on this thread nothing is written beside it: the CRS goes into the file, or the write
// fails.
class PamOff {
  public:
    PamOff() {
        if (const char* v = CPLGetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr)) old_ = v;
        CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
    }
    ~PamOff() { CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", old_ ? old_->c_str() : nullptr); }
    PamOff(const PamOff&) = delete;
    PamOff& operator=(const PamOff&) = delete;

  private:
    std::optional<std::string> old_;
};

// GDAL's messages are caught, not printed; the last failure is what the error says.
class QuietErrors {
  public:
    QuietErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietErrors() { CPLPopErrorHandler(); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
    bool failed() const { return CPLGetLastErrorType() >= CE_Failure; }
    std::string message(const char* otherwise) const {
        const char* m = CPLGetLastErrorMsg();
        // GDAL's block cache reports a failed allocation as a block it could not get.
        if (CPLGetLastErrorNo() == CPLE_OutOfMemory || (m && std::strstr(m, "cannot allocate")))
            return "not enough memory to write it; choose a smaller size";
        return m && *m ? m : otherwise;
    }
};

std::optional<OGRSpatialReference> parseCrs(const std::string& crs) {
    OGRSpatialReference srs;
    QuietErrors quiet;
    if (crs.empty() || srs.SetFromUserInput(
                           crs.c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS) != OGRERR_NONE)
        return std::nullopt;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER); // x = easting or longitude, as drawn
    return srs;
}

// One line of WKT in `format` ("WKT1_ESRI", "WKT2_2019"), or empty where PROJ cannot express the CRS so.
std::string wkt(const OGRSpatialReference& srs, const char* format) {
    const std::string f = std::string("FORMAT=") + format;
    const char* const options[] = {f.c_str(), "MULTILINE=NO", nullptr};
    char* text = nullptr;
    QuietErrors quiet;
    std::string out;
    if (srs.exportToWkt(&text, options) == OGRERR_NONE && text) out = text;
    CPLFree(text);
    return out;
}

std::string temporaryFor(const std::filesystem::path& target) {
    static std::atomic<int> serial{0};
    // A name of its own per process and call, so that two exports to one file never share a temporary.
    const std::string name = "." + target.filename().string() + "." + std::to_string(getpid()) + "-" +
                             std::to_string(serial.fetch_add(1)) + ".part";
    return (target.parent_path() / name).string();
}

// Whether `file` reads back (internal georeference only) with `srs` and `transform`.
bool readsBack(const std::string& file, const OGRSpatialReference& srs, const GeoTransform& transform) {
    PamOff pam;
    QuietErrors quiet;
    const char* const drivers[] = {"GTiff", nullptr};
    const GDALDatasetUniquePtr ds(
        GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) return false;
    double got[6];
    if (ds->GetGeoTransform(got) != CE_None) return false;
    for (std::size_t i = 0; i < 6; ++i)
        if (std::abs(got[i] - transform[i]) > 1e-9 * std::max(1.0, std::abs(transform[i]))) return false;
    const OGRSpatialReference* read = ds->GetSpatialRef();
    return read && read->IsSame(&srs);
}

// Replaces every CRS key of the GeoTIFF `file` by what `set` writes. libtiff appends the new directory.
bool rewriteKeys(const std::string& file, const std::function<void(GTIF*)>& set) {
    TIFF* tif = XTIFFOpen(file.c_str(), "r+");
    if (!tif) return false;
    GTIF* gt = GTIFNew(tif);
    bool ok = gt != nullptr;
    if (ok) {
        // The GeoTIFF 1.1 key ranges (model, geodetic, projected, vertical, epoch); the raster type stays.
        for (int key = GTModelTypeGeoKey; key <= 5120; ++key) {
            int size = 0;
            tagtype_t type = TYPE_UNKNOWN;
            if (key != GTRasterTypeGeoKey && GTIFKeyInfo(gt, static_cast<geokey_t>(key), &size, &type) > 0)
                GTIFKeySet(gt, static_cast<geokey_t>(key), type, -1);
        }
        GTIFKeySet(gt, GTRasterTypeGeoKey, TYPE_SHORT, 1, RasterPixelIsArea);
        set(gt);
        ok = GTIFWriteKeys(gt) != 0;
        GTIFFree(gt);
    }
    XTIFFClose(tif);
    return ok;
}

// GDAL's writer goes through WKT1, which PROJ 9.1 cannot write for some methods (Equal Earth): such a CRS
// gets no keys at all. Then the file gets, in this order, the first that reads back the same: the CRS's EPSG
// code (standard GeoTIFF 1.1, read by anything that knows the EPSG registry), or an ESRI PE string (the ESRI
// convention GDAL and ArcGIS read) holding ESRI WKT, or holding WKT2 (GDAL reads up to 2400 characters).
bool storeCrs(const std::string& file, const OGRSpatialReference& srs, const GeoTransform& transform) {
    if (readsBack(file, srs, transform)) return true;
    std::vector<std::function<void(GTIF*)>> ways;
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    const int epsg = authority && code && EQUAL(authority, "EPSG") ? std::atoi(code) : 0;
    if (epsg > 0 && epsg < KvUserDefined && (srs.IsProjected() || srs.IsGeographic())) {
        const bool projected = srs.IsProjected();
        ways.emplace_back([=](GTIF* gt) {
            GTIFKeySet(gt, GTModelTypeGeoKey, TYPE_SHORT, 1,
                       projected ? ModelTypeProjected : ModelTypeGeographic);
            GTIFKeySet(gt, projected ? ProjectedCSTypeGeoKey : GeographicTypeGeoKey, TYPE_SHORT, 1, epsg);
        });
    }
    for (const char* format : {"WKT1_ESRI", "WKT2_2019"}) {
        const std::string text = wkt(srs, format);
        if (text.empty() || text.size() > 2300) continue;
        ways.emplace_back([pe = "ESRI PE String = " + text](GTIF* gt) {
            GTIFKeySet(gt, PCSCitationGeoKey, TYPE_ASCII, 0, pe.c_str());
        });
    }
    for (const auto& way : ways)
        if (rewriteKeys(file, way) && readsBack(file, srs, transform)) return true;
    return false;
}

} // namespace

struct GeoTiffWriter::Impl {
    std::string path;
    std::string tmp; // empty once renamed into place
    GeoTiffInfo info;
    OGRSpatialReference srs;
    GDALDataset* ds = nullptr;

    ~Impl() {
        if (ds) {
            PamOff pam;
            QuietErrors quiet;
            GDALClose(ds);
        }
        if (!tmp.empty()) std::remove(tmp.c_str());
    }
};

GeoTiffWriter::GeoTiffWriter(std::unique_ptr<Impl> d) : d_(std::move(d)) {}
GeoTiffWriter::GeoTiffWriter(GeoTiffWriter&&) noexcept = default;
GeoTiffWriter& GeoTiffWriter::operator=(GeoTiffWriter&&) noexcept = default;
GeoTiffWriter::~GeoTiffWriter() = default;

Result<GeoTiffWriter> GeoTiffWriter::create(const std::string& path, const GeoTiffInfo& info) {
    if (info.width < 1 || info.height < 1 || (info.bands != 3 && info.bands != 4))
        return fail(path, "a GeoTIFF needs a positive size and 3 or 4 bands");
    auto srs = parseCrs(info.crs);
    if (!srs) return fail(path, "unknown coordinate system '" + info.crs + "'");
    const std::filesystem::path target(path);
    std::error_code ec;
    if (!std::filesystem::is_directory(target.has_parent_path() ? target.parent_path() : ".", ec))
        return fail(path, "the folder does not exist");
    registerDrivers();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) return fail(path, "GDAL has no GTiff driver");

    auto d = std::make_unique<Impl>();
    d->path = path;
    d->tmp = temporaryFor(target);
    d->info = info;
    d->srs = *srs;
    PamOff pam;
    QuietErrors quiet;
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "COMPRESS", "DEFLATE");
    opts = CSLSetNameValue(opts, "NUM_THREADS", "ALL_CPUS"); // a 20000 x 20000 map compresses for seconds
    opts = CSLSetNameValue(opts, "PHOTOMETRIC", "RGB");
    if (info.bands == 4) opts = CSLSetNameValue(opts, "ALPHA", "YES");
    d->ds = driver->Create(d->tmp.c_str(), info.width, info.height, info.bands, GDT_Byte, opts);
    CSLDestroy(opts);
    if (!d->ds) return fail(path, quiet.message("GDAL could not create the file"));
    GeoTransform transform = info.transform;
    d->ds->SetGeoTransform(transform.data());
    d->ds->SetSpatialRef(&d->srs);
    for (const auto& [key, value] : info.metadata)
        d->ds->SetMetadataItem(key.c_str(), value.c_str());
    if (quiet.failed()) return fail(path, quiet.message("could not start the GeoTIFF"));
    return GeoTiffWriter(std::move(d));
}

std::optional<Error> GeoTiffWriter::write(int y, int rows, const unsigned char* pixels, int pixelBytes,
                                          std::ptrdiff_t rowBytes) {
    Impl& d = *d_;
    if (!d.ds) return fail(d.path, "the GeoTIFF is already finished");
    if (y < 0 || rows < 1 || y + rows > d.info.height || pixelBytes < d.info.bands)
        return fail(d.path, "rows outside the image");
    PamOff pam;
    QuietErrors quiet;
    // GDAL reads the buffer only; its API takes it non-const for both directions.
    auto* data = const_cast<unsigned char*>(pixels);
    const CPLErr rc = d.ds->RasterIO(GF_Write, 0, y, d.info.width, rows, data, d.info.width, rows, GDT_Byte,
                                     d.info.bands, nullptr, pixelBytes, rowBytes, 1, nullptr);
    // Out of GDAL's block cache (5 % of the memory by default) now: a big map then needs its band, not a
    // cache's worth of written strips.
    if (rc == CE_None) d.ds->FlushCache(false);
    if (rc != CE_None || quiet.failed()) return fail(d.path, quiet.message("could not write the GeoTIFF"));
    return std::nullopt;
}

std::optional<Error> GeoTiffWriter::commit() {
    Impl& d = *d_;
    if (!d.ds) return fail(d.path, "the GeoTIFF is already finished");
    {
        PamOff pam;
        QuietErrors quiet;
        GDALClose(d.ds); // flushes the last blocks: a full disk shows up here
        d.ds = nullptr;
        if (quiet.failed()) return fail(d.path, quiet.message("could not write the GeoTIFF"));
    }
    if (!storeCrs(d.tmp, d.srs, d.info.transform))
        return fail(d.path, "could not store the coordinate system " + d.info.crs + " in the GeoTIFF");
    if (std::rename(d.tmp.c_str(), d.path.c_str()) != 0) return fail(d.path, std::strerror(errno));
    d.tmp.clear();
    return std::nullopt;
}

Result<CrsSidecars> crsSidecars(const std::string& crs) {
    const auto srs = parseCrs(crs);
    if (!srs) return Error{"unknown coordinate system '" + crs + "'"};
    CrsSidecars out;
    out.prj = wkt(*srs, "WKT1_ESRI");
    const std::string wkt2 = wkt(*srs, "WKT2_2019");
    if (out.prj.empty()) out.prj = wkt2;
    if (wkt2.empty()) return Error{"the coordinate system " + crs + " cannot be written as WKT"};
    std::string mapping;
    for (const int axis : srs->GetDataAxisToSRSAxisMapping())
        mapping += (mapping.empty() ? "" : ",") + std::to_string(axis);
    char* escaped = CPLEscapeString(wkt2.c_str(), -1, CPLES_XML);
    out.auxXml = "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"" + mapping + "\">" + escaped +
                 "</SRS>\n</PAMDataset>\n";
    CPLFree(escaped);
    return out;
}

} // namespace geo
