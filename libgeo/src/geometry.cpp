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

std::vector<Point> boxEdgePoints(const Box& box, int stepsPerSide) {
    std::vector<Point> out;
    out.reserve(4 * static_cast<std::size_t>(stepsPerSide + 1));
    for (int i = 0; i <= stepsPerSide; ++i) {
        const double f = static_cast<double>(i) / stepsPerSide;
        const double x = box.minx + box.width() * f, y = box.miny + box.height() * f;
        out.insert(out.end(), {{x, box.miny}, {x, box.maxy}, {box.minx, y}, {box.maxx, y}});
    }
    return out;
}

double signedArea(const Path& ring) {
    double sum = 0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        sum += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return sum / 2;
}

} // namespace geo
