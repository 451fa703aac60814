#include "geo/map_data.h"

#include "geo/geodesic.h"

#include <cpl_csv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>

namespace geo {
namespace {

const std::set<std::string, std::less<>> kKinds{"group",      "island", "islet", "strait",
                                                "settlement", "sea",    "cape",  "region"};
// ja_kana (the hiragana reading) is optional: an older table without the column reads as empty readings.
constexpr std::array<const char*, 5> kNameKeys{"ja_latin", "ja_native", "ja_kana", "ru_latin", "ru_native"};

// The shipped layers are all-or-nothing: a half-read coastline would give wrong areas without a word.
// names.csv is checked row by row in readPlaces instead, so its message can name the row.
Result<Layer> loadWithFields(const std::filesystem::path& file, std::initializer_list<const char*> fields,
                             bool rowsCheckedLater = false) {
    auto layer = loadLayer(file.string());
    if (!layer) return layer;
    for (const char* field : fields)
        if (layer->fieldIndex(field) < 0) return Error{file.string() + ": missing field '" + field + "'"};
    if (layer->skipped > 0 && !rowsCheckedLater)
        return Error{file.string() + ": " + std::to_string(layer->skipped) +
                     " feature(s) could not be read (the file is damaged or truncated)"};
    return layer;
}

std::optional<int> parseInt(const std::string& s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return value;
}

// One column of a CSV file as written, a text per data row ("" where a row is short). GDAL reads a column
// that a .csvt types Integer as a number, turning "high" into 0 and "2.5" into 2 with only a warning; the
// table's checks need what the file says. Blank lines are skipped, as GDAL's CSV driver skips them.
std::vector<std::string> csvColumnText(const std::string& path, const char* column) {
    std::vector<std::string> out;
    VSILFILE* fp = VSIFOpenL(path.c_str(), "rb");
    if (fp == nullptr) return out;
    int index = -1;
    for (bool header = true;; header = false) {
        char** tokens = CSVReadParseLine3L(fp, 1 << 20, ",", true, false, false, true);
        if (tokens == nullptr) break;
        const int count = CSLCount(tokens);
        if (header)
            index = CSLFindString(tokens, column);
        else if (count > 0)
            out.emplace_back(index >= 0 && index < count ? tokens[index] : "");
        CSLDestroy(tokens);
    }
    VSIFCloseL(fp);
    return out;
}

// names.csv rows as places. GDAL numbers CSV features from 1 in file order, so a feature id is the row
// number (header excluded), and a gap in the ids is a row whose WKT point could not be read.
Result<std::vector<Place>> readPlaces(const Layer& names) {
    std::vector<Place> places;
    std::set<std::string, std::less<>> ids;
    std::int64_t expectedRow = 1;
    const std::vector<std::string> priorities = csvColumnText(names.path, "priority");
    for (std::size_t i = 0; i < names.features.size(); ++i) {
        const Feature& f = names.features[i];
        if (f.fid != expectedRow) break;
        ++expectedRow;
        const std::string where = names.path + ": row " + std::to_string(f.fid) + ": ";
        Place p;
        p.id = names.value(i, "id");
        p.kind = names.value(i, "kind");
        p.parent = names.value(i, "parent");
        p.admin = names.value(i, "admin");
        p.source = names.value(i, "source");
        for (const char* key : kNameKeys)
            p.names[key] = names.value(i, key);
        if (p.id.empty()) return Error{where + "empty id"};
        if (!ids.insert(p.id).second) return Error{where + "duplicate id '" + p.id + "'"};
        if (!kKinds.contains(p.kind))
            return Error{where + "unknown kind '" + p.kind + "' for '" + p.id + "'"};
        if (f.geometry.type != GeometryType::Point || f.geometry.points.size() != 1)
            return Error{where + "'" + p.id + "' is not a single point"};
        p.lonlat = f.geometry.points.front();
        if (!(std::abs(p.lonlat.x) <= 180 && std::abs(p.lonlat.y) <= 90))
            return Error{where + "'" + p.id + "' is not at a longitude and latitude in degrees (" +
                         std::to_string(p.lonlat.x) + ", " + std::to_string(p.lonlat.y) + ")"};
        const std::size_t row = static_cast<std::size_t>(f.fid - 1);
        if (const std::string& priority =
                row < priorities.size() ? priorities[row] : names.value(i, "priority");
            !priority.empty()) {
            const auto value = parseInt(priority);
            if (!value) return Error{where + "priority '" + priority + "' is not an integer"};
            if (*value < 1 || *value > 99)
                return Error{where + "priority " + priority + " is not from 1 to 99"};
            p.priority = *value;
        }
        std::stringstream uncertain(names.value(i, "uncertain"));
        for (std::string language; std::getline(uncertain, language, ';');) {
            if (language != "ja" && language != "ru")
                return Error{where + "uncertain '" + names.value(i, "uncertain") +
                             "' is not 'ja', 'ru' or 'ja;ru'"};
            p.uncertain.insert(language);
        }
        if (const std::string& at = names.value(i, "label_at"); at == "point")
            p.labelAt = LabelAt::Point;
        else if (!at.empty() && at != "pole")
            return Error{where + "label_at '" + at + "' is neither 'pole' nor 'point'"};
        places.push_back(std::move(p));
    }
    if (names.skipped > 0 || places.size() < names.features.size())
        return Error{names.path + ": row " + std::to_string(expectedRow) + ": no readable POINT in WKT"};
    for (std::size_t i = 0; i < places.size(); ++i)
        if (const std::string& parent = places[i].parent; !parent.empty() && !ids.contains(parent))
            return Error{names.path + ": row " + std::to_string(i + 1) + ": parent '" + parent + "' of '" +
                         places[i].id + "' is not in the table"};
    return places;
}

// Areas and polygon counts of every coast id and every group, from the level-1 (land) outer rings. Lakes
// (level 2) lie inside their island and are counted in it, as official island areas are.
Result<std::map<std::string, IslandFigures>> computeFigures(const Layer& coast,
                                                            const std::vector<Place>& places) {
    std::map<std::string, IslandFigures> byId;
    std::map<std::string, IslandFigures> byGroup;
    for (std::size_t i = 0; i < coast.features.size(); ++i) {
        const std::string& levelText = coast.value(i, "level");
        const auto level = parseInt(levelText);
        if (!level)
            return Error{coast.path + ": feature " + std::to_string(coast.features[i].fid) + ": level '" +
                         levelText + "' is not an integer"};
        if (*level != 1) continue;
        for (const Polygon& poly : coast.features[i].geometry.polygons) {
            const double km2 = geodesicAreaM2(poly.rings.front()) / 1e6;
            const std::string& id = coast.value(i, "id");
            const std::string& group = coast.value(i, "group");
            for (auto* figures : {&byId[id], &byGroup[group]}) {
                figures->areaKm2 += km2;
                ++figures->polygons;
            }
            // Every land polygon of a group but its main island (the one with the group's id) is an islet,
            // named or not.
            if (id != group) ++byGroup[group].isletPolygons;
        }
    }
    byId.erase("");
    byGroup.erase("");
    for (auto& [group, figures] : byGroup) {
        for (const Place& p : places)
            if (p.kind == "islet" && p.parent == group) figures.islets.push_back(p.id);
    }
    // A group and its main island may share an id; the group, the larger whole, wins.
    byGroup.merge(byId);
    for (auto& [id, figures] : byGroup)
        figures.id = id;
    return byGroup;
}

} // namespace

const Place* MapData::place(const std::string& id) const {
    const auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.id == id; });
    return it == places.end() ? nullptr : &*it;
}

Result<MapData> loadMapData(const std::string& dir) {
    std::error_code ec;
    std::filesystem::path root = std::filesystem::absolute(dir, ec).lexically_normal();
    if (!root.has_filename()) root = root.parent_path(); // drop a trailing separator
    if (!std::filesystem::exists(root, ec)) return Error{root.string() + ": no such directory"};
    if (!std::filesystem::is_directory(root, ec)) return Error{root.string() + ": not a directory"};
    // Every file the four layers need, named before GDAL sees them: GDAL reads a shapefile without its
    // .dbf as one without attributes, and opens a folder called coast.shp as a directory of shapefiles,
    // and its messages for either would not say which file is wrong.
    for (const char* name : {"coast.shp", "coast.shx", "coast.dbf", "boundaries.shp", "boundaries.shx",
                             "boundaries.dbf", "claims.shp", "claims.shx", "claims.dbf", "names.csv"}) {
        const std::filesystem::path file = root / name;
        const auto status = std::filesystem::status(file, ec);
        if (!std::filesystem::exists(status))
            return Error{file.string() + ": missing (every data folder needs coast, boundaries and claims "
                                         "shapefiles with their .shx and .dbf, and names.csv)"};
        if (std::filesystem::is_directory(status))
            return Error{file.string() + ": a folder where a file should be"};
        if (!std::filesystem::is_regular_file(status)) return Error{file.string() + ": not a regular file"};
        if (std::filesystem::file_size(file, ec) == 0) return Error{file.string() + ": empty file"};
    }

    MapData data;
    data.dataDir = root.string();
    auto coast = loadWithFields(root / "coast.shp", {"id", "group", "admin", "level"});
    if (!coast) return coast.error();
    auto boundaries = loadWithFields(root / "boundaries.shp", {"claimant", "name"});
    if (!boundaries) return boundaries.error();
    auto claims = loadWithFields(root / "claims.shp", {"claimant", "name"});
    if (!claims) return claims.error();
    auto names =
        loadWithFields(root / "names.csv",
                       {"id", "kind", "parent", "ja_latin", "ja_native", "ru_latin", "ru_native", "priority"},
                       /*rowsCheckedLater=*/true);
    if (!names) return names.error();
    data.coast = std::move(coast).value();
    data.boundaries = std::move(boundaries).value();
    data.claims = std::move(claims).value();
    data.names = std::move(names).value();

    auto places = readPlaces(data.names);
    if (!places) return places.error();
    data.places = std::move(places).value();
    for (const std::string& group : disputedGroups()) {
        const Place* p = data.place(group);
        if (p == nullptr || p->kind != "group")
            return Error{data.names.path + ": missing group '" + group + "'"};
    }

    auto figures = computeFigures(data.coast, data.places);
    if (!figures) return figures.error();
    data.figures = std::move(figures).value();
    return data;
}

} // namespace geo
