#include "geo/label_anchor.h"

#include <cmath>
#include <queue>

namespace geo {
namespace {

// Signed distance from p to the polygon outline: positive inside, negative outside.
double signedDistance(Point p, const Polygon& poly) {
    double minSq = std::numeric_limits<double>::infinity();
    for (const Path& ring : poly.rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            minSq = std::min(minSq, squaredSegmentDistance(p, ring[i], ring[j]));
    return (contains(poly, p) ? 1 : -1) * std::sqrt(minSq);
}

struct Cell {
    Cell(Point c, double halfSize, const Polygon& poly)
        : centre(c), h(halfSize), d(signedDistance(c, poly)), max(d + h * std::sqrt(2.0)) {}
    Point centre;
    double h;   // half the cell size
    double d;   // distance from the centre to the polygon
    double max; // upper bound of the distance anywhere in the cell
};

// Centroid of the outer ring: a better first guess than the box centre for most shapes.
Cell centroidCell(const Polygon& poly) {
    const Path& ring = poly.rings.front();
    double area = 0;
    Point c{};
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point a = ring[i];
        const Point b = ring[j];
        const double f = a.x * b.y - b.x * a.y;
        c.x += (a.x + b.x) * f;
        c.y += (a.y + b.y) * f;
        area += f * 3;
    }
    return Cell(area == 0 ? ring.front() : Point{c.x / area, c.y / area}, 0, poly);
}

} // namespace

// The polylabel algorithm (Agafonkin, mapbox/polylabel, ISC): best-first search over square cells,
// pruning cells whose upper bound cannot beat the best point by more than `precision`.
Point poleOfInaccessibility(const Polygon& poly, double precision) {
    if (poly.rings.empty() || poly.rings.front().empty()) return {};
    const Box box = bounds(poly.rings.front());
    const double cellSize = std::min(box.width(), box.height());
    if (cellSize == 0) return {box.minx, box.miny};
    // Guard against precision <= 0, which would never stop refining.
    precision = std::max(precision, cellSize * 1e-9);

    const auto lower = [](const Cell& a, const Cell& b) { return a.max < b.max; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(lower)> queue(lower);
    const double h = cellSize / 2;
    for (double x = box.minx; x < box.maxx; x += cellSize)
        for (double y = box.miny; y < box.maxy; y += cellSize)
            queue.emplace(Point{x + h, y + h}, h, poly);

    Cell best = centroidCell(poly);
    if (const Cell boxCell(box.center(), 0, poly); boxCell.d > best.d) best = boxCell;

    constexpr int kMaxProbes = 1'000'000;
    for (int probes = 0; !queue.empty() && probes < kMaxProbes; ++probes) {
        const Cell cell = queue.top();
        queue.pop();
        if (cell.d > best.d) best = cell;
        if (cell.max - best.d <= precision) continue;
        const double q = cell.h / 2;
        for (const double sx : {-q, q})
            for (const double sy : {-q, q})
                queue.emplace(Point{cell.centre.x + sx, cell.centre.y + sy}, q, poly);
    }
    return best.centre;
}

} // namespace geo
