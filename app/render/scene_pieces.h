#pragma once
// Inside app/render: lon/lat geometry made into projected pieces ready to store in a SceneLayer (a coarse
// first look, clipping to a window, cuts where the projection jumps, levels of detail per point).
#include <geo/geometry.h>
#include <geo/projection.h>
#include <geo/result.h>

#include <cstdint>
#include <string>
#include <vector>

namespace isv::detail {

/// This thread's projector for `crs` (PROJ objects are not thread-safe), or null if PROJ does not know it.
const geo::Projector* projectorFor(const std::string& crs);
/// The error for a display CRS that projectorFor() cannot make, naming it.
geo::Error unknownCrs(const std::string& crs);

/// The tolerances (metres) to pass geo::simplifyLevels for levels 1 .. kLevels-1 of a path already
/// simplified to level `minLevel` (0: the full path), all from levelToleranceM.
const std::vector<double>& levelTolerances(int minLevel);

/// One ring or line ready to store: projected (metres), with the highest level of detail keeping each point.
struct Piece {
    geo::Path path;
    bool closed = false;
    std::vector<std::uint8_t> level;
    bool point = false; ///< a point feature's point (one-point path, kept at every level)
};

/// A quick first look at `g` (lon/lat degrees; FileOptions::coarseDeg): rings smaller than `deg` dropped,
/// every point of the rest within `deg` of the result. Copies only what it keeps.
geo::Geometry coarsen(const geo::Geometry& g, double deg);

/// Keeps what of `g` lies in `box` (same units): the points inside, the runs of lines near it, and rings cut
/// to it (running along its sides where they went outside: give the box a margin).
void clipToBox(geo::Geometry& g, const geo::Box& box);

/// Projects `g` (lon/lat) with `proj` and cuts it into pieces ready to store, with their levels of detail.
/// With `coarseDeg` > 0 it is coarsen()ed first; with `minLevel` > 0 points only finer levels keep are
/// dropped (FileOptions). Thread-safe given a projector of the calling thread.
std::vector<Piece> pieces(geo::Geometry&& g, const geo::Projector& proj, double coarseDeg = 0,
                          int minLevel = 0);

} // namespace isv::detail
