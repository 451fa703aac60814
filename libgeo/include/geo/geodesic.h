#pragma once
// Geodesic measures on the WGS84 ellipsoid, via PROJ's geodesic routines (Karney's algorithms).
// Inputs are lon/lat degrees. Thread-safe.
#include "geo/geometry.h"

namespace geo {

/// Geodesic distance in metres between two lon/lat points.
double geodesicDistanceM(Point a, Point b);
/// Geodesic length in metres of a lon/lat path (sum of its segments).
double geodesicLengthM(const Path& path);
/// Absolute geodesic area in m² of a lon/lat ring.
double geodesicAreaM2(const Path& ring);
/// Area in m² of a polygon: outer ring minus holes.
double geodesicAreaM2(const Polygon& poly);
/// Sum of the polygon areas of a geometry in m² (0 for points and lines).
double geodesicAreaM2(const Geometry& g);
/// Shortest geodesic distance in metres from a lon/lat point to a lon/lat path (segments densified
/// so the error is below 1 m for segments under 50 km).
double geodesicDistanceToPathM(Point p, const Path& path, bool closed);

} // namespace geo
