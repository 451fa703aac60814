#include "geo/viewport.h"

#include <gtest/gtest.h>

using geo::Point;
using geo::Viewport;

namespace {

constexpr double kEps = 1e-6;

Viewport sample() {
    return Viewport{{512000, 4820000}, 250, 1024, 768};
}

void expectNear(Point a, Point b, double eps = kEps) {
    EXPECT_NEAR(a.x, b.x, eps);
    EXPECT_NEAR(a.y, b.y, eps);
}

TEST(Viewport, CentreMapsToMiddleAndNorthIsUp) {
    const Viewport v = sample();
    expectNear(v.toScreen(v.center), {512, 384});
    const Point north = v.toScreen({v.center.x, v.center.y + 1000});
    EXPECT_LT(north.y, 384);
    const Point east = v.toScreen({v.center.x + 1000, v.center.y});
    EXPECT_NEAR(east.x, 512 + 1000 / v.metresPerPixel, kEps);
}

TEST(Viewport, ToMapInvertsToScreen) {
    const Viewport v = sample();
    for (double x = -1e5; x <= 1e5; x += 3.7e4)
        for (double y = -2e5; y <= 2e5; y += 5.3e4) {
            const Point p{v.center.x + x, v.center.y + y};
            expectNear(v.toMap(v.toScreen(p)), p);
        }
}

TEST(Viewport, ZoomKeepsAnchorFixed) {
    const Viewport v = sample();
    for (const Point anchor : {Point{0, 0}, Point{100, 700}, Point{1024, 10}}) {
        for (const double factor : {2.0, 0.5, 1.37}) {
            const Viewport z = v.zoomedAbout(anchor, factor);
            expectNear(z.toMap(anchor), v.toMap(anchor));
            EXPECT_NEAR(z.metresPerPixel, v.metresPerPixel / factor, kEps);
        }
    }
}

TEST(Viewport, PanMovesContentWithTheDrag) {
    const Viewport v = sample();
    const Point p{v.center.x + 12345, v.center.y - 6789};
    const Point before = v.toScreen(p);
    const Point after = v.panned(30, -45).toScreen(p);
    expectNear(after, {before.x + 30, before.y - 45});
}

TEST(Viewport, FittingShowsTheWholeBoxWithMargin) {
    const geo::Box box{300000, 4700000, 700000, 5200000};
    const double margin = 20;
    const Viewport v = Viewport::fitting(box, 800, 600, margin);
    const geo::Box shown = v.mapBounds();
    EXPECT_LE(shown.minx, box.minx);
    EXPECT_LE(shown.miny, box.miny);
    EXPECT_GE(shown.maxx, box.maxx);
    EXPECT_GE(shown.maxy, box.maxy);
    expectNear(v.center, box.center());
    // Tight in the limiting direction: the box reaches the margin there.
    const Point top = v.toScreen({box.minx, box.maxy});
    const Point bottom = v.toScreen({box.maxx, box.miny});
    EXPECT_GE(top.x, margin - kEps);
    EXPECT_GE(top.y, margin - kEps);
    EXPECT_LE(bottom.x, 800 - margin + kEps);
    EXPECT_LE(bottom.y, 600 - margin + kEps);
    EXPECT_TRUE(std::abs(top.y - margin) < kEps || std::abs(top.x - margin) < kEps);
}

} // namespace
