#pragma once
// Presets for the distances people quote (resources/facts/measure_presets.json): which two places, how
// they are measured, and the published figure to show beside the computed one.
#include <geo/geodesic.h>
#include <geo/map_data.h>
#include <geo/result.h>

#include <QString>

#include <optional>
#include <set>
#include <vector>

namespace isv {

struct NameSet;

/// One preset as the file gives it.
struct MeasurePreset {
    QString id;           ///< e.g. "nosappu-kaigara"
    QString from, to;     ///< place ids: between their gazetteer points...
    bool closest = false; ///< ...or between the nearest points of their coastlines
    QString strait;       ///< a strait the gap is, named in the title ("" for none)
    std::optional<double> publishedKm;
    QString publishedText; ///< "" when no published figure is known
    QString sources;       ///< fact sheet source ids, e.g. "S4; S29"
};

/// A preset measured on the loaded data.
struct MeasuredPreset {
    MeasurePreset preset;
    geo::Path points; ///< lon/lat, two points
    geo::PathMeasure measure;
};

/// presets.json beside the article's facts: `dataDir`/../facts/measure_presets.json.
QString defaultPresetsPath(const QString& dataDir);

/// Reads the presets; fails naming the file and the preset when one names a place not in `places` or is
/// neither from/to nor closest.
geo::Result<std::vector<MeasurePreset>> loadMeasurePresets(const QString& path,
                                                           const std::set<std::string>& places);

/// The presets beside `data`'s facts (defaultPresetsPath), checked against its places.
geo::Result<std::vector<MeasurePreset>> loadMeasurePresets(const geo::MapData& data);

/// Measures a preset on `data`: the two places' points, or the nearest points of their coastlines.
geo::Result<MeasuredPreset> measurePreset(const MeasurePreset& preset, const geo::MapData& data);

/// "Nosappu-misaki → Kaigara", "Etorofu-suidō: Etorofu ↔ Uruppu (narrowest)", in the given name set.
QString presetTitle(const MeasurePreset& preset, const geo::MapData& data, const NameSet& names);

/// The coastline of a place (its own polygons and, for a group, its members'), lon/lat.
geo::Geometry coastOf(const geo::MapData& data, const std::string& id);

} // namespace isv
