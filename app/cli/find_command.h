#pragma once
// `isleview find` and `isleview measure`, and the place lookup that `--focus` shares with them.
#include <geo/map_data.h>
#include <geo/result.h>

#include <QString>
#include <QStringList>

namespace isv {

/// The place `text` names (any name, set or script, partial or loosely spelled: geo::findPlaces), its id;
/// else an error that lists the closest places.
geo::Result<std::string> lookUpPlace(const geo::MapData& data, const QString& text);

/// `isleview find TEXT [--json] [--limit N] [--data DIR]`: the matches, best first.
int runFind(const QStringList& args);
/// `isleview measure LON,LAT LON,LAT [...] [--area] [--json] [--data DIR]`, `--preset ID` or `--presets`:
/// geodesic lengths, bearings and areas on WGS84.
int runMeasure(const QStringList& args);

} // namespace isv
