// The names table: the input as names.csv in a data folder that is otherwise whole, loaded as the program
// loads its data folder (loadMapData).
#include "harness.h"
#include "support.h"

#include <geo/map_data.h>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace isvfuzz {
namespace {

struct Row {
    std::string wkt;
    std::vector<std::string> values;
};

// A small lon/lat triangle near the islands, one per coast feature.
std::string triangle(int i) {
    const std::string x = std::to_string(145 + i), y = std::to_string(43 + i), x1 = std::to_string(145.2 + i),
                      y1 = std::to_string(43.2 + i);
    return "POLYGON ((" + x + " " + y + "," + x1 + " " + y + "," + x1 + " " + y1 + "," + x + " " + y + "))";
}

void writeShapefile(const std::filesystem::path& file, OGRwkbGeometryType type,
                    const std::vector<const char*>& fields, const std::vector<Row>& rows) {
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("ESRI Shapefile");
    GDALDatasetH ds = GDALCreate(driver, file.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    OGRLayerH layer = ds ? GDALDatasetCreateLayer(ds, file.stem().c_str(), srs, type, nullptr) : nullptr;
    OSRRelease(srs);
    if (layer == nullptr) {
        std::fprintf(stderr, "isleview fuzz: cannot write %s\n", file.c_str());
        std::abort();
    }
    for (const char* name : fields) {
        OGRFieldDefnH field = OGR_Fld_Create(name, OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
    }
    for (const Row& row : rows) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (std::size_t i = 0; i < row.values.size(); ++i)
            OGR_F_SetFieldString(f, static_cast<int>(i), row.values[i].c_str());
        OGRGeometryH g = nullptr;
        std::string text = row.wkt;
        char* wkt = text.data();
        OGR_G_CreateFromWkt(&wkt, nullptr, &g);
        OGR_F_SetGeometryDirectly(f, g);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE) std::abort();
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
}

// A data folder with tiny stand-ins for the shipped shapefiles (the shipped coastline takes far longer to
// read than the table) and the shipped names.csvt and names.prj.
const std::filesystem::path& dataDir() {
    static const std::filesystem::path dir = [] {
        const std::filesystem::path d = scratchDir() / "data";
        std::filesystem::create_directories(d);
        writeShapefile(d / "coast.shp", wkbPolygon, {"id", "group", "admin", "level"},
                       {{triangle(0), {"etorofu", "etorofu", "russia", "1"}},
                        {triangle(1), {"kunashiri", "kunashiri", "russia", "1"}},
                        {triangle(2), {"shikotan", "shikotan", "russia", "1"}},
                        {triangle(3), {"yuri", "habomai", "russia", "1"}}});
        writeShapefile(d / "boundaries.shp", wkbLineString,
                       {"claimant", "defacto", "name", "method", "source"},
                       {{"LINESTRING (145 43, 146 44)", {"japan", "0", "a border", "", ""}}});
        writeShapefile(d / "claims.shp", wkbPolygon, {"claimant", "name", "source"},
                       {{"POLYGON ((145 43, 149 43, 149 46, 145 43))", {"japan", "a claim", ""}}});
        for (const char* name : {"names.csvt", "names.prj"})
            std::filesystem::copy_file(std::filesystem::path(ISLEVIEW_SOURCE_DATA_DIR) / name, d / name,
                                       std::filesystem::copy_options::overwrite_existing);
        return d;
    }();
    return dir;
}

// What loadMapData promises of the places it returns.
std::string checkPlaces(const geo::MapData& data) {
    std::set<std::string> ids;
    for (const geo::Place& p : data.places) {
        if (p.id.empty() || !ids.insert(p.id).second) return "an empty or repeated place id '" + p.id + "'";
        if (!std::isfinite(p.lonlat.x) || !std::isfinite(p.lonlat.y)) return "'" + p.id + "' is not finite";
    }
    if (data.places.size() != data.names.size()) return "some rows of names.csv are not places";
    for (const std::string& group : geo::disputedGroups())
        if (data.place(group) == nullptr || data.place(group)->kind != "group")
            return "no group '" + group + "'";
    return {};
}

} // namespace

std::string fuzzNames(std::span<const std::uint8_t> input) {
    const std::filesystem::path& dir = dataDir();
    const std::filesystem::path file = dir / "names.csv";
    if (!writeFile(file, asText(input))) return "cannot write " + file.string();
    auto data = geo::loadMapData(dir.string());
    if (!data) return expectNamed(data.error().message, dir.string());
    note("loaded " + std::to_string(data->places.size()) + " places");
    return checkPlaces(data.value());
}

} // namespace isvfuzz
