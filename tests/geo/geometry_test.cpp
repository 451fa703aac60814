#include "geo/geometry.h"

#include <gtest/gtest.h>

using geo::Point;
using geo::Polygon;

namespace {

Polygon squareWithHole() {
    return Polygon{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}}};
}

TEST(Geometry, ShoelaceAreaIsPositiveCounterClockwise) {
    const geo::Path ccw{{0, 0}, {2, 0}, {2, 3}, {0, 3}};
    EXPECT_DOUBLE_EQ(geo::signedArea(ccw), 6.0);
    const geo::Path cw(ccw.rbegin(), ccw.rend());
    EXPECT_DOUBLE_EQ(geo::signedArea(cw), -6.0);
}

TEST(Geometry, ContainsRespectsHoles) {
    const Polygon poly = squareWithHole();
    EXPECT_TRUE(geo::contains(poly, {1, 1}));
    EXPECT_FALSE(geo::contains(poly, {5, 5}));
    EXPECT_FALSE(geo::contains(poly, {11, 5}));
    geo::Geometry g{geo::GeometryType::Polygon, {}, {}, {poly}};
    EXPECT_TRUE(geo::contains(g, {9, 9}));
    EXPECT_FALSE(geo::contains(g, {-1, 0.5}));
}

TEST(Geometry, BoundsCoverAllParts) {
    geo::Geometry g{geo::GeometryType::Line, {}, {{{1, 2}, {3, -4}}, {{-5, 0}, {0, 7}}}, {}};
    const geo::Box b = geo::bounds(g);
    EXPECT_EQ(b.minx, -5);
    EXPECT_EQ(b.miny, -4);
    EXPECT_EQ(b.maxx, 3);
    EXPECT_EQ(b.maxy, 7);
    EXPECT_TRUE(geo::bounds(geo::Path{}).empty());
}

} // namespace
