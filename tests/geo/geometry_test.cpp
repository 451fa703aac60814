#include "geo/geometry.h"

#include <gtest/gtest.h>

#include <algorithm>

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

TEST(Geometry, SegmentDistanceIsToTheSegmentNotTheLine) {
    const Point a{0, 0}, b{10, 0};
    EXPECT_DOUBLE_EQ(geo::squaredSegmentDistance({5, 3}, a, b), 9.0);    // beside it
    EXPECT_DOUBLE_EQ(geo::squaredSegmentDistance({13, 4}, a, b), 25.0);  // beyond b: from b
    EXPECT_DOUBLE_EQ(geo::squaredSegmentDistance({-3, -4}, a, b), 25.0); // before a: from a
    EXPECT_DOUBLE_EQ(geo::squaredSegmentDistance({3, 4}, a, a), 25.0);   // a segment of one point
    EXPECT_DOUBLE_EQ(geo::squaredSegmentDistance({4, 0}, a, b), 0.0);    // on it
    EXPECT_DOUBLE_EQ(geo::squaredDistance({1, 2}, {4, 6}), 25.0);
}

TEST(Geometry, BoxEdgePointsFollowAllFourSides) {
    const geo::Box box{140, 40, 150, 46};
    const std::vector<Point> points = geo::boxEdgePoints(box, 4);
    ASSERT_EQ(points.size(), 4U * 5U);
    geo::Box covered;
    for (const Point& p : points) {
        EXPECT_TRUE(p.x == box.minx || p.x == box.maxx || p.y == box.miny || p.y == box.maxy)
            << p.x << "," << p.y;
        covered.expand(p);
    }
    EXPECT_EQ(covered.minx, box.minx);
    EXPECT_EQ(covered.maxy, box.maxy);
    for (const Point corner : {Point{140, 40}, Point{150, 40}, Point{140, 46}, Point{150, 46}})
        EXPECT_NE(std::find(points.begin(), points.end(), corner), points.end())
            << corner.x << "," << corner.y;
    // Steps are even: the bottom side's x at 140, 142.5, 145, 147.5, 150.
    EXPECT_EQ(points[4 * 1].x, 142.5);
    EXPECT_EQ(points[4 * 2 + 2].y, 43.0);
}

} // namespace
