#include "geo/label_anchor.h"

#include <gtest/gtest.h>

#include <cmath>

using geo::Point;
using geo::Polygon;

namespace {

double distanceToOutline(const Polygon& poly, Point p) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& ring : poly.rings)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Point a = ring[j];
            const Point b = ring[i];
            const double dx = b.x - a.x;
            const double dy = b.y - a.y;
            const double t =
                std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
            best = std::min(best, std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
        }
    return best;
}

// Best interior clearance found by scanning a fine grid.
double gridBest(const Polygon& poly, double step) {
    const geo::Box b = geo::bounds(poly.rings.front());
    double best = 0;
    for (double x = b.minx; x <= b.maxx; x += step)
        for (double y = b.miny; y <= b.maxy; y += step)
            if (geo::contains(poly, {x, y})) best = std::max(best, distanceToOutline(poly, {x, y}));
    return best;
}

TEST(PoleOfInaccessibility, SquareGivesItsCentre) {
    const Polygon square{{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}}};
    const Point p = geo::poleOfInaccessibility(square, 0.01);
    EXPECT_NEAR(p.x, 50, 0.1);
    EXPECT_NEAR(p.y, 50, 0.1);
}

TEST(PoleOfInaccessibility, LShapeIsInsideAndAsClearAsAGridSearch) {
    // An L whose centroid and box centre both fall outside it.
    const Polygon l{{{{0, 0}, {100, 0}, {100, 20}, {20, 20}, {20, 100}, {0, 100}}}};
    const double precision = 0.1;
    const Point p = geo::poleOfInaccessibility(l, precision);
    EXPECT_TRUE(geo::contains(l, p));
    EXPECT_GE(distanceToOutline(l, p), gridBest(l, 0.5) - precision - 0.5);
}

TEST(PoleOfInaccessibility, AvoidsHoles) {
    const Polygon donut{{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, {{30, 30}, {70, 30}, {70, 70}, {30, 70}}}};
    const Point p = geo::poleOfInaccessibility(donut, 0.1);
    EXPECT_TRUE(geo::contains(donut, p));
    EXPECT_GE(distanceToOutline(donut, p), gridBest(donut, 0.5) - 0.6);
}

TEST(PoleOfInaccessibility, DegenerateInputDoesNotHang) {
    const Polygon flat{{{{0, 0}, {10, 0}, {20, 0}}}};
    const Point p = geo::poleOfInaccessibility(flat, 0);
    EXPECT_EQ(p.y, 0);
    EXPECT_EQ(geo::poleOfInaccessibility(Polygon{}, 1).x, 0);
}

} // namespace
