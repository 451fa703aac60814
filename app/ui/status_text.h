#pragma once
// Texts for the status bar: coordinates, distances and areas, formatted the same everywhere.
#include "units.h"

#include <geo/geometry.h>

#include <QString>

namespace isv {

/// "43°23.1′N 145°51.0′E (43.3850, 145.8500)" for a lon/lat point in degrees.
QString formatLonLat(geo::Point lonlat);
/// "12.34 km" below 10 km, "123.4 km" above; metres in.
QString formatDistance(double metres);

} // namespace isv
