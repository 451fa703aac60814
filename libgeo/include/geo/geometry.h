#pragma once
// Plain geometry value types. Geographic coordinates are degrees on WGS84 in (lon, lat) order;
// projected coordinates are metres in the display CRS. Rings are stored closed-implicitly:
// the first point is NOT repeated at the end.
#include <algorithm>
#include <limits>
#include <vector>

namespace geo {

/// A point: x = longitude (or easting, metres), y = latitude (or northing, metres).
struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

/// An axis-aligned box; empty() when min > max.
struct Box {
    double minx = std::numeric_limits<double>::infinity();
    double miny = std::numeric_limits<double>::infinity();
    double maxx = -std::numeric_limits<double>::infinity();
    double maxy = -std::numeric_limits<double>::infinity();
    friend bool operator==(const Box&, const Box&) = default;
    bool empty() const { return minx > maxx || miny > maxy; }
    void expand(const Point& p) {
        minx = std::min(minx, p.x);
        miny = std::min(miny, p.y);
        maxx = std::max(maxx, p.x);
        maxy = std::max(maxy, p.y);
    }
    void expand(const Box& b) {
        if (b.empty()) return;
        minx = std::min(minx, b.minx);
        miny = std::min(miny, b.miny);
        maxx = std::max(maxx, b.maxx);
        maxy = std::max(maxy, b.maxy);
    }
    bool intersects(const Box& b) const {
        return !(b.minx > maxx || b.maxx < minx || b.miny > maxy || b.maxy < miny);
    }
    bool contains(const Point& p) const { return p.x >= minx && p.x <= maxx && p.y >= miny && p.y <= maxy; }
    double width() const { return maxx - minx; }
    double height() const { return maxy - miny; }
    Point center() const { return {(minx + maxx) / 2, (miny + maxy) / 2}; }
};

using Path = std::vector<Point>; ///< a linestring, or a ring (first point not repeated)

/// A polygon: rings[0] is the outer ring, the rest are holes. Orientation is not relied upon.
struct Polygon {
    std::vector<Path> rings;
};

enum class GeometryType { None, Point, Line, Polygon };

/// A (multi-)geometry of one type: points, lines or polygons are filled according to `type`.
struct Geometry {
    GeometryType type = GeometryType::None;
    std::vector<Point> points;
    std::vector<Path> lines;
    std::vector<Polygon> polygons;
};

Box bounds(const Path& path);
Box bounds(const Geometry& g);

/// Even-odd point-in-polygon test (holes respected). Same units as the polygon.
bool contains(const Polygon& poly, const Point& p);
bool contains(const Geometry& g, const Point& p);

/// Squared distance between two points (squared units of the coordinates).
inline double squaredDistance(Point a, Point b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

/// Where on the segment a-b the point nearest `p` lies: its fraction of the way from a to b, in [0, 1]
/// (0 when a == b). Inline: simplification, label placement and geodesic distances call it in inner loops.
inline double segmentParameter(Point p, Point a, Point b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    return len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
}

/// Squared distance from `p` to the segment a-b (not the infinite line), in squared units of the
/// coordinates.
inline double squaredSegmentDistance(Point p, Point a, Point b) {
    const double t = segmentParameter(p, a, b);
    return squaredDistance(p, {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
}

/// Points along the four sides of `box`, each side cut into `stepsPerSide` equal steps (both ends
/// included, so corners come twice): 4 × (stepsPerSide + 1) points, for following a box's edges through a
/// projection (they curve). Same units as the box.
std::vector<Point> boxEdgePoints(const Box& box, int stepsPerSide);

/// Shoelace area in the units of the coordinates (planar; use geodesic.h for the ellipsoid). Signed: CCW > 0.
double signedArea(const Path& ring);

} // namespace geo
