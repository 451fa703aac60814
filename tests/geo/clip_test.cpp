// geo::clipRing: one ring clipper for geo::Path and, through PointAccess, any other point type.
#include "geo/clip.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

using geo::Box;
using geo::Path;
using geo::Point;

namespace {

// A point with accessors instead of members, as QPointF has: clipRing must treat it as geo::Point.
class AccessorPoint {
  public:
    AccessorPoint(double x, double y) : x_(x), y_(y) {}
    double x() const { return x_; }
    double y() const { return y_; }

  private:
    double x_;
    double y_;
};

const Box kBox{0, 0, 10, 10};

// The area of a ring clipped to kBox: what an even-odd fill of the result covers.
double clippedArea(Path ring) {
    geo::clipRing(ring, kBox);
    return std::abs(geo::signedArea(ring));
}

bool inside(const Path& ring, const Box& box) {
    for (const Point& p : ring)
        if (!box.contains(p)) return false;
    return true;
}

TEST(ClipRing, LeavesAContainedRingUntouched) {
    const Path ring{{1, 1}, {9, 1}, {9, 9}, {1, 9}};
    Path clipped = ring;
    geo::clipRing(clipped, kBox);
    EXPECT_EQ(clipped, ring);
    Path touching{{0, 0}, {10, 0}, {10, 10}}; // the box's sides count as inside
    geo::clipRing(touching, kBox);
    EXPECT_EQ(touching, (Path{{0, 0}, {10, 0}, {10, 10}}));
}

TEST(ClipRing, EmptiesADisjointRing) {
    Path ring{{20, 20}, {30, 20}, {30, 30}};
    geo::clipRing(ring, kBox);
    EXPECT_TRUE(ring.empty());
    Path empty;
    geo::clipRing(empty, kBox);
    EXPECT_TRUE(empty.empty());
}

// A 4 x 4 square centred on each side's midpoint: half of it is inside, and the new edge lies on the side.
TEST(ClipRing, CutsARingCrossingEachSide) {
    const std::vector<Point> centres{{0, 5}, {10, 5}, {5, 0}, {5, 10}};
    for (const Point c : centres) {
        Path ring{{c.x - 2, c.y - 2}, {c.x + 2, c.y - 2}, {c.x + 2, c.y + 2}, {c.x - 2, c.y + 2}};
        geo::clipRing(ring, kBox);
        EXPECT_EQ(ring.size(), 4U) << c.x << "," << c.y;
        EXPECT_DOUBLE_EQ(std::abs(geo::signedArea(ring)), 8.0) << c.x << "," << c.y;
        EXPECT_TRUE(inside(ring, kBox)) << c.x << "," << c.y;
        const auto onSide = [&](const Point& p) { return p.x == c.x || p.y == c.y; };
        EXPECT_EQ(std::count_if(ring.begin(), ring.end(), onSide), 2) << c.x << "," << c.y;
    }
}

TEST(ClipRing, CutsARingAroundTheBoxToTheBox) {
    Path ring{{-5, -5}, {15, -5}, {15, 15}, {-5, 15}};
    geo::clipRing(ring, kBox);
    EXPECT_DOUBLE_EQ(std::abs(geo::signedArea(ring)), 100.0);
    EXPECT_TRUE(inside(ring, kBox));
}

// An upside-down U whose bend lies above the box: its two arms come back as one ring joined along the top
// side (a zero-width run there), so an even-odd fill covers just the arms.
TEST(ClipRing, JoinsAConcaveRingsPiecesAlongTheSide) {
    const Path arch{{1, 1}, {3, 1}, {3, 12}, {7, 12}, {7, 1}, {9, 1}, {9, 14}, {1, 14}};
    EXPECT_DOUBLE_EQ(clippedArea(arch), 2 * (2 * 9)); // each arm 2 wide, from y = 1 to 10
    Path clipped = arch;
    geo::clipRing(clipped, kBox);
    EXPECT_EQ(clipped, (Path{{1, 10}, {1, 1}, {3, 1}, {3, 10}, {7, 10}, {7, 1}, {9, 1}, {9, 10}}));
}

TEST(ClipRing, CutsOnlyTheSidesTheRingCrosses) {
    // Crosses only the right side: the points left of it stay as they were, in order.
    Path ring{{2, 2}, {12, 2}, {12, 8}, {2, 8}};
    geo::clipRing(ring, kBox);
    EXPECT_EQ(ring, (Path{{2, 2}, {10, 2}, {10, 8}, {2, 8}}));
}

TEST(ClipRing, GivesTheSameRingForAnyPointType) {
    const Path u{{1, 1}, {9, 1}, {9, 14}, {7, 14}, {7, 3}, {3, 3}, {3, 14}, {1, 14}, {-3, 6}};
    for (const Box& box : {kBox, Box{2.5, -1, 8.5, 5.5}, Box{-10, -10, 20, 20}, Box{20, 20, 30, 30}}) {
        Path a = u;
        std::vector<AccessorPoint> b;
        for (const Point& p : u)
            b.emplace_back(p.x, p.y);
        geo::clipRing(a, box);
        std::vector<AccessorPoint> scratch;
        geo::clipRing(b, box, scratch);
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].x, b[i].x()) << i;
            EXPECT_EQ(a[i].y, b[i].y()) << i;
        }
    }
}

TEST(ClipRing, ReusesTheScratchRing) {
    Path scratch;
    Path first{{-5, -5}, {15, -5}, {15, 15}, {-5, 15}};
    geo::clipRing(first, kBox, scratch);
    Path second{{5, 5}, {15, 5}, {15, 6}};
    geo::clipRing(second, kBox, scratch);
    EXPECT_EQ(second, (Path{{10, 5.5}, {5, 5}, {10, 5}}));
    EXPECT_DOUBLE_EQ(std::abs(geo::signedArea(first)), 100.0);
}

} // namespace
