#include "geo/map_data.h"

#include "geo/geodesic.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <optional>
#include <set>

namespace geo {
namespace {

const std::set<std::string, std::less<>> kKinds{"group",      "island", "islet", "strait",
                                                "settlement", "sea",    "cape",  "region"};
constexpr std::array<const char*, 4> kNameKeys{"ja_latin", "ja_native", "ru_latin", "ru_native"};

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

// names.csv rows as places. GDAL numbers CSV features from 1 in file order, so a feature id is the row
// number (header excluded), and a gap in the ids is a row whose WKT point could not be read.
Result<std::vector<Place>> readPlaces(const Layer& names) {
    std::vector<Place> places;
    std::set<std::string, std::less<>> ids;
    std::int64_t expectedRow = 1;
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
        if (const std::string& priority = names.value(i, "priority"); !priority.empty()) {
            const auto value = parseInt(priority);
            if (!value) return Error{where + "priority '" + priority + "' is not an integer"};
            p.priority = *value;
        }
        if (const std::string& at = names.value(i, "label_at"); at == "point")
            p.labelAt = LabelAt::Point;
        else if (!at.empty() && at != "pole")
            return Error{where + "label_at '" + at + "' is neither 'pole' nor 'point'"};
        places.push_back(std::move(p));
    }
    if (names.skipped > 0 || places.size() < names.features.size())
        return Error{names.path + ": row " + std::to_string(expectedRow) + ": no readable POINT in WKT"};
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
            for (auto* figures : {&byId[coast.value(i, "id")], &byGroup[coast.value(i, "group")]}) {
                figures->areaKm2 += km2;
                ++figures->polygons;
            }
        }
    }
    byId.erase("");
    byGroup.erase("");
    for (auto& [group, figures] : byGroup) {
        for (const Place& p : places)
            if (p.kind == "islet" && p.parent == group && byId.contains(p.id)) figures.islets.push_back(p.id);
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
    if (!std::filesystem::is_directory(root, ec)) return Error{root.string() + ": no such directory"};

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
