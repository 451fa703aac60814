#pragma once
// Line and ring simplification (Douglas–Peucker), in whatever planar units the input has.
#include "geo/geometry.h"

#include <cstdint>
#include <vector>

namespace geo {

/// Simplifies an open path; keeps both end points. `tolerance` in the path's units.
Path simplifyPath(const Path& path, double tolerance);
/// Simplifies a ring (implicitly closed). Never returns fewer than 3 points unless the input had fewer,
/// so small islands do not vanish; the result is a closed ring of the same orientation.
Path simplifyRing(const Path& ring, double tolerance);

/// A path within `tolerance` of `path`, made cheaply: points closer than `radius` (0 < radius < tolerance)
/// to the last one kept are dropped first (linear time), then Douglas–Peucker to `tolerance - radius`.
/// Both in the path's units. A line keeps its end points; a ring thinned below a triangle is simplified
/// whole to `tolerance` instead. `path` must not be empty.
Path thinThenSimplify(const Path& path, bool closed, double tolerance, double radius);

/// Nested levels of detail in one pass: level k (1..tolerances.size()) is simplified from level k-1 with the
/// difference of their tolerances (ascending, in the path's units), so every level is a subset of the one
/// before and stays within tolerances[k-1] of the input. Returns, for each point, the highest level that
/// keeps it (0 = only the full path). A ring (closed) keeps at least its three anchors at every level, so it
/// never drops below a triangle; a path keeps its end points.
std::vector<std::uint8_t> simplifyLevels(const Path& path, bool closed,
                                         const std::vector<double>& tolerances);

} // namespace geo
