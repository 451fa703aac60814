#pragma once
// The Isleview dataset: the shipped layers of resources/data (or another directory laid out alike),
// loaded through GDAL, with the place-name table and island figures computed from the coastline.
#include "geo/layer.h"
#include "geo/result.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace geo {

/// Where a place's label goes (names.csv `label_at`).
enum class LabelAt {
    Pole,  ///< at the pole of inaccessibility of its largest coast polygon (same id), else at `lonlat`
    Point, ///< always at `lonlat` (a group spread over many islets: its label goes among them)
};

/// One row of names.csv: a place with its names in both sets and both scripts.
struct Place {
    std::string id;     ///< stable id, e.g. "etorofu", "shibotsu", "nemuro_strait"
    std::string kind;   ///< group | island | islet | strait | sea | settlement | cape | region
    std::string parent; ///< the group an island/islet belongs to ("" for none)
    std::string admin;  ///< who administers it today: "japan" | "russia" | ""
    std::map<std::string, std::string>
        names;                       ///< keys "ja_latin", "ja_native", "ja_kana", "ru_latin", "ru_native"
    Point lonlat;                    ///< gazetteer position (degrees) used for ids and point labels
    int priority = 5;                ///< label priority: 1 = most important
    LabelAt labelAt = LabelAt::Pole; ///< `label_at`: "pole" (or empty, or no column) | "point"
    std::string source;              ///< citation for the names
    std::set<std::string> uncertain; ///< `uncertain`: languages ("ja", "ru") whose name here is uncertain

    /// Whether the names in `language` ("ja" or "ru") are marked uncertain in the table.
    bool nameUncertain(const std::string& language) const { return uncertain.contains(language); }
};

/// Figures of one island or group, computed from the loaded coastline.
struct IslandFigures {
    std::string id;
    double areaKm2 = 0;              ///< geodesic area on WGS84 of all its land polygons
    int polygons = 0;                ///< number of coastline polygons that make it up
    std::vector<std::string> islets; ///< ids of the group's named islets (names.csv), outlined or not
    int isletPolygons = 0;           ///< a group's land polygons other than its main island, named or not
};

/// Everything loaded from a data directory. Immutable once built; share as shared_ptr<const MapData>.
struct MapData {
    std::string dataDir; ///< absolute path
    Layer coast;         ///< land polygons; fields id, group, admin, level
    Layer boundaries;    ///< lines; fields claimant, defacto, name, method, source
    Layer claims;        ///< polygons; fields claimant, name, source
    Layer names;         ///< points (names.csv)
    std::vector<Place> places;
    std::map<std::string, IslandFigures> figures; ///< by id, for groups, islands and islets

    const Place* place(const std::string& id) const;
};

/// The four disputed groups, in the order Isleview lists them (north-east to south-west).
inline const std::vector<std::string>& disputedGroups() {
    static const std::vector<std::string> ids{"etorofu", "kunashiri", "shikotan", "habomai"};
    return ids;
}

/// The area Isleview opens on (lon/lat degrees): the four groups and the facing coasts of Hokkaido and
/// Urup. The default view is the land inside it (the whole land where there is none inside it).
inline constexpr Box kHomeLonLat{144.5, 42.9, 150.5, 46.3};

/// Loads coast.shp, boundaries.shp, claims.shp and names.csv from `dir`. Fails naming the first file that
/// is missing or broken, or the table row that is inconsistent.
Result<MapData> loadMapData(const std::string& dir);

} // namespace geo
