#pragma once
// Geodesic measures on the WGS84 ellipsoid, via PROJ's geodesic routines (Karney's algorithms).
// Inputs are lon/lat degrees. Thread-safe.
#include "geo/geometry.h"

#include <vector>

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

/// One leg of a measured path: its geodesic length and its azimuths (degrees clockwise from north) at
/// the start and the end.
struct GeodesicLeg {
    double metres = 0;
    double initialBearingDeg = 0; ///< 0 to 360
    double finalBearingDeg = 0;   ///< 0 to 360
};

/// The inverse geodesic problem between two lon/lat points.
GeodesicLeg geodesicInverse(Point a, Point b);

/// A path of lon/lat points measured on WGS84: each leg, the total, and, when asked, the area of the
/// polygon the path closes (the last point joined back to the first).
struct PathMeasure {
    std::vector<GeodesicLeg> legs; ///< one per pair of consecutive points (the closing leg not included)
    double totalM = 0;             ///< sum of the legs
    double perimeterM = 0;         ///< with the closing leg (polygons only)
    double areaM2 = 0;             ///< absolute area of the closed polygon (polygons only, else 0)
};

/// Measures `points` as a path, and as a polygon too when `polygon` is set (3 or more points).
PathMeasure measurePath(const Path& points, bool polygon);

/// The nearest pair of points of two geometries' lines or polygon rings (lon/lat), and the geodesic
/// distance between them; metres is infinite when either has no line or ring.
struct ClosestPair {
    Point a;
    Point b;
    double metres = 0;
};
ClosestPair closestApproach(const Geometry& a, const Geometry& b);

} // namespace geo
