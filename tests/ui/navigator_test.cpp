#include "navigator.h"

#include <gtest/gtest.h>

namespace {

using isv::Navigator;

geo::Viewport view() {
    geo::Viewport vp;
    vp.center = {500000, 4800000};
    vp.metresPerPixel = 100;
    vp.widthPx = 800;
    vp.heightPx = 600;
    return vp;
}

void expectNear(geo::Point a, geo::Point b, double tol = 1e-6) {
    EXPECT_NEAR(a.x, b.x, tol);
    EXPECT_NEAR(a.y, b.y, tol);
}

TEST(Navigator, ZoomKeepsThePointUnderTheCursorFixed) {
    const Navigator nav;
    const geo::Viewport vp = view();
    for (const geo::Point cursor :
         {geo::Point{0, 0}, geo::Point{123, 456}, geo::Point{800, 600}, geo::Point{400, 300}}) {
        const geo::Point before = vp.toMap(cursor);
        for (double factor : {2.0, 0.5, 1.37}) {
            const geo::Viewport z = nav.zoomAbout(vp, cursor, factor);
            EXPECT_NEAR(z.metresPerPixel, vp.metresPerPixel / factor, 1e-9);
            expectNear(z.toMap(cursor), before, 1e-6);
        }
    }
}

TEST(Navigator, WheelNotchesZoomAboutTheCursor) {
    const Navigator nav;
    const geo::Viewport vp = view();
    const geo::Point cursor{200, 100};
    const geo::Viewport in = nav.wheel(vp, cursor, 120);
    EXPECT_NEAR(in.metresPerPixel, 100 / nav.wheelFactorPerNotch, 1e-9);
    expectNear(in.toMap(cursor), vp.toMap(cursor));
    const geo::Viewport back = nav.wheel(in, cursor, -120);
    EXPECT_NEAR(back.metresPerPixel, 100, 1e-9);
    expectNear(back.center, vp.center, 1e-6);
}

TEST(Navigator, ZoomIsClampedToTheLimitsAndKeepsTheAnchor) {
    const Navigator nav;
    const geo::Viewport vp = view();
    const geo::Point cursor{100, 500};
    const geo::Viewport in = nav.zoomAbout(vp, cursor, 1e6);
    EXPECT_DOUBLE_EQ(in.metresPerPixel, nav.minMetresPerPixel);
    expectNear(in.toMap(cursor), vp.toMap(cursor), 1e-6);
    const geo::Viewport out = nav.zoomAbout(vp, cursor, 1e-6);
    EXPECT_DOUBLE_EQ(out.metresPerPixel, nav.maxMetresPerPixel);
    // At the limit, zooming further changes nothing.
    EXPECT_EQ(nav.zoomAbout(in, cursor, 2.0), in);
    EXPECT_EQ(nav.zoomAbout(vp, cursor, 0.0), vp);
}

TEST(Navigator, PanMovesTheContentByThePixelDelta) {
    const Navigator nav;
    const geo::Viewport vp = view();
    const geo::Point mapPoint = vp.toMap({300, 200});
    const geo::Viewport p = nav.pan(vp, 40, -25);
    // The map point that was at (300, 200) is now at (340, 175): it moved with the drag.
    expectNear(p.toScreen(mapPoint), {340, 175}, 1e-6);
    EXPECT_DOUBLE_EQ(p.metresPerPixel, vp.metresPerPixel);
}

TEST(Navigator, ArrowKeysLookTheWayTheyPoint) {
    const Navigator nav;
    const geo::Viewport vp = view();
    EXPECT_GT(nav.panSteps(vp, 1, 0).center.x, vp.center.x);  // right: look east
    EXPECT_LT(nav.panSteps(vp, -1, 0).center.x, vp.center.x); // left: look west
    EXPECT_GT(nav.panSteps(vp, 0, -1).center.y, vp.center.y); // up: look north
    EXPECT_NEAR(nav.panSteps(vp, 1, 0).center.x - vp.center.x, nav.keyPanFraction * 800 * 100, 1e-6);
}

TEST(Navigator, PanKeepsTheCentreInsideTheLimits) {
    Navigator nav;
    nav.centreLimits = geo::Box{400000, 4700000, 600000, 4900000};
    const geo::Viewport p = nav.pan(view(), 1e6, -1e6);
    EXPECT_DOUBLE_EQ(p.center.x, 400000);
    EXPECT_DOUBLE_EQ(p.center.y, 4700000);
}

TEST(Navigator, HomeFitsTheHomeBounds) {
    const Navigator nav;
    const geo::Box home{400000, 4800000, 700000, 5000000};
    const geo::Viewport vp = nav.fit(home, 1000, 500, 20);
    const geo::Box shown = vp.mapBounds();
    EXPECT_LE(shown.minx, home.minx + 1e-6);
    EXPECT_GE(shown.maxx, home.maxx - 1e-6);
    EXPECT_LE(shown.miny, home.miny + 1e-6);
    EXPECT_GE(shown.maxy, home.maxy - 1e-6);
    expectNear(vp.center, home.center(), 1e-6);
    // Fitted, not just contained: the tighter axis (height here) uses the widget less the margins.
    EXPECT_NEAR(vp.metresPerPixel, 200000.0 / (500 - 40), 1e-6);
    EXPECT_DOUBLE_EQ(vp.widthPx, 1000);
}

TEST(Navigator, FitOfATinyPlaceStopsAtTheZoomLimit) {
    const Navigator nav;
    const geo::Viewport vp = nav.fit(geo::Box{0, 0, 10, 10}, 800, 600);
    EXPECT_DOUBLE_EQ(vp.metresPerPixel, nav.minMetresPerPixel);
}

TEST(Navigator, ResizeKeepsCentreAndScale) {
    const Navigator nav;
    const geo::Viewport vp = nav.resized(view(), 1024, 768);
    expectNear(vp.center, view().center);
    EXPECT_DOUBLE_EQ(vp.metresPerPixel, 100);
    EXPECT_DOUBLE_EQ(vp.widthPx, 1024);
    EXPECT_TRUE(Navigator::valid(nav.resized(view(), 0, 0))); // a collapsed widget still has 1 px
}

TEST(Navigator, ValidRejectsBrokenViewports) {
    geo::Viewport vp = view();
    EXPECT_TRUE(Navigator::valid(vp));
    vp.metresPerPixel = 0;
    EXPECT_FALSE(Navigator::valid(vp));
    vp = view();
    vp.center.x = std::numeric_limits<double>::quiet_NaN();
    EXPECT_FALSE(Navigator::valid(vp));
}

TEST(FrameRect, SameViewportIsTheWholeWidget) {
    const QRectF r = isv::frameRectIn(view(), view());
    EXPECT_NEAR(r.left(), 0, 1e-9);
    EXPECT_NEAR(r.top(), 0, 1e-9);
    EXPECT_NEAR(r.width(), 800, 1e-9);
    EXPECT_NEAR(r.height(), 600, 1e-9);
}

TEST(FrameRect, FollowsPanAndZoom) {
    const Navigator nav;
    const geo::Viewport old = view();
    const geo::Viewport panned = nav.pan(old, 30, -10);
    const QRectF p = isv::frameRectIn(old, panned);
    EXPECT_NEAR(p.left(), 30, 1e-6);
    EXPECT_NEAR(p.top(), -10, 1e-6);
    EXPECT_NEAR(p.width(), 800, 1e-6);

    const geo::Point cursor{200, 150};
    const geo::Viewport zoomed = nav.zoomAbout(old, cursor, 2.0);
    const QRectF z = isv::frameRectIn(old, zoomed);
    EXPECT_NEAR(z.width(), 1600, 1e-6);
    EXPECT_NEAR(z.height(), 1200, 1e-6);
    // The cursor's spot in the old image lands under the cursor again.
    EXPECT_NEAR(z.left() + cursor.x * 2, cursor.x, 1e-6);
    EXPECT_NEAR(z.top() + cursor.y * 2, cursor.y, 1e-6);
}

} // namespace
