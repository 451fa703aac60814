#pragma once
// Line and ring simplification (Douglas–Peucker), in whatever planar units the input has.
#include "geo/geometry.h"

namespace geo {

/// Simplifies an open path; keeps both end points. `tolerance` in the path's units.
Path simplifyPath(const Path& path, double tolerance);
/// Simplifies a ring (implicitly closed). Never returns fewer than 3 points unless the input had fewer,
/// so small islands do not vanish; the result is a closed ring of the same orientation.
Path simplifyRing(const Path& ring, double tolerance);

} // namespace geo
