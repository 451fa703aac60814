#pragma once
#include "geo/geometry.h"

namespace geo {

/// Pole of inaccessibility (polylabel): the interior point farthest from the polygon's edges, to
/// within `precision` (same units as the polygon). Use projected coordinates for sensible results.
Point poleOfInaccessibility(const Polygon& poly, double precision);

} // namespace geo
