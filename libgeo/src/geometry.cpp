#include "geo/geometry.h"

namespace geo {

Box bounds(const Path& path) {
    Box b;
    for (const Point& p : path)
        b.expand(p);
    return b;
}

Box bounds(const Geometry& g) {
    Box b;
    for (const Point& p : g.points)
        b.expand(p);
    for (const Path& line : g.lines)
        b.expand(bounds(line));
    for (const Polygon& poly : g.polygons)
        if (!poly.rings.empty()) b.expand(bounds(poly.rings.front()));
    return b;
}

bool contains(const Polygon& poly, const Point& p) {
    bool inside = false;
    for (const Path& ring : poly.rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Point& a = ring[i];
            const Point& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
                inside = !inside;
        }
    }
    return inside;
}

bool contains(const Geometry& g, const Point& p) {
    return std::any_of(g.polygons.begin(), g.polygons.end(),
                       [&](const Polygon& poly) { return contains(poly, p); });
}

double signedArea(const Path& ring) {
    double sum = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        sum += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return sum / 2;
}

} // namespace geo
