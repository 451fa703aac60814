// MapCanvas as pixels: the previous frame moved and scaled while waiting, the distance overlay, and the
// real renderer through the canvas, against small reference images (tests/ui/references).
#include "map_canvas.h"

#include "image_compare.h"
#include "test_world.h"
#include "ui_test_util.h"

#include <worldview.h>

#include <gtest/gtest.h>

#include <QPainter>

namespace {

using uitest::waitForCurrentFrame;

// Draws a few fixed boxes in map coordinates, so any two viewports can be compared.
isv::RenderReport patternRenderer(const isv::MapSettings& s, QPainter& p, const std::atomic<bool>*) {
    const geo::Viewport& vp = s.viewport;
    p.fillRect(QRectF(0, 0, vp.widthPx, vp.heightPx), QColor(200, 225, 240));
    const geo::Point c = {600000, 4900000};
    const double sizes[] = {60000, 30000, 12000};
    const QColor colours[] = {QColor(60, 120, 60), QColor(230, 200, 80), QColor(160, 40, 40)};
    for (int i = 0; i < 3; ++i) {
        const geo::Point a = vp.toScreen({c.x - sizes[i], c.y + sizes[i]});
        const geo::Point b = vp.toScreen({c.x + sizes[i], c.y - sizes[i]});
        p.fillRect(QRectF(QPointF(a.x, a.y), QPointF(b.x, b.y)), colours[i]);
    }
    return {};
}

QString reference(const char* name) {
    return QStringLiteral(ISLEVIEW_UI_REFERENCE_DIR "/%1.png").arg(name);
}

void expectMatchesReference(const QImage& image, const char* name,
                            const isvtest::ImageCompareOptions& o = {}) {
    const auto r =
        isvtest::checkAgainstReference(image, reference(name), QStringLiteral(ISLEVIEW_UI_DIFF_DIR), o);
    EXPECT_TRUE(r.passed) << name << ": " << r.message.toStdString();
}

class CanvasTest : public ::testing::Test {
  protected:
    void SetUp() override {
        canvas.resize(320, 240);
        canvas.setScene(uitest::testScene());
        canvas.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    }
    void usePattern() {
        isv::MapSettings s = canvas.settings();
        s.viewport.center = {600000, 4900000};
        s.viewport.metresPerPixel = 500;
        canvas.scheduler().setRenderer(patternRenderer);
        canvas.setSettings(s);
        ASSERT_TRUE(waitForCurrentFrame(&canvas));
    }
    isv::MapCanvas canvas;
};

TEST_F(CanvasTest, WhileWaitingThePreviousFrameIsShownMovedAndScaled) {
    usePattern();
    canvas.scheduler().setRenderer({}); // from now on no frame arrives
    canvas.navigator().centreLimits = {};
    isv::MapSettings s = canvas.settings();
    s.viewport = canvas.navigator().zoomAbout(s.viewport, {100, 80}, 2.0).panned(15, -10);
    canvas.setSettings(s);
    const QImage shown = canvas.grab().toImage();

    // What a fresh frame for the new view would look like: the same, up to the blur of scaling.
    const isv::Frame fresh = isv::RenderScheduler::renderNow(patternRenderer, s);
    isvtest::ImageCompareOptions o;
    o.channelTolerance = 40;
    o.allowedFraction = 0.03; // box edges scaled ×2 are soft
    const auto r = isvtest::compareImages(shown, fresh.image, o);
    EXPECT_TRUE(r.passed) << r.message.toStdString();
    expectMatchesReference(shown, "canvas_preview");
}

TEST_F(CanvasTest, DistanceLineIsDrawnOverTheMap) {
    usePattern();
    canvas.setMeasureMode(true);
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, QPoint(40, 200));
    QTest::mouseMove(&canvas, QPoint(280, 50));
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, QPoint(280, 50));
    ASSERT_TRUE(canvas.measuredDistanceM());
    isvtest::ImageCompareOptions o;
    o.channelTolerance = 48;
    o.allowedFraction = 0.02; // the distance label's glyphs
    expectMatchesReference(canvas.grab().toImage(), "canvas_measure", o);
}

TEST_F(CanvasTest, WhileWaitingAfterZoomingOutTheSurroundIsFilledWithTheFramesEdgeColour) {
    usePattern();
    canvas.scheduler().setRenderer({});
    canvas.navigator().centreLimits = {};
    isv::MapSettings s = canvas.settings();
    s.viewport = canvas.navigator().zoomAbout(s.viewport, {200, 100}, 0.5);
    canvas.setSettings(s);
    const QImage shown = canvas.grab().toImage();
    EXPECT_EQ(shown.pixelColor(2, 2), QColor(200, 225, 240)); // outside the old frame: its sea colour
    expectMatchesReference(shown, "canvas_preview_zoomed_out");
}

// The real renderer through the canvas. Its pixels are the render tests' business (tests/render); here only
// that a frame comes back whole, for the canvas's settings, with both claims in the legend.
TEST_F(CanvasTest, RealRendererThroughTheCanvas) {
    isv::MapSettings s = canvas.settings();
    ASSERT_TRUE(isv::NameSet::parse("both", "latin", &s.names));
    s.claims = {"japan", "russia"};
    canvas.setSettings(s);
    ASSERT_TRUE(waitForCurrentFrame(&canvas));
    const isv::RenderReport& r = canvas.frame().report;
    EXPECT_TRUE(r.errors.isEmpty()) << r.errors.join("; ").toStdString();
    EXPECT_FALSE(r.cancelled);
    EXPECT_GT(r.partsDrawn, 0u);
    for (const char* claimant : {"japan", "russia"})
        EXPECT_TRUE(r.legend.contains(isv::Worldviews::shipped().claim(claimant)->legendClaim)) << claimant;
    const QImage shown = canvas.grab().toImage();
    EXPECT_EQ(shown.size(), QSize(320, 240));
}

TEST_F(CanvasTest, FramesAreRenderedAtTheDevicePixelRatio) {
    ASSERT_TRUE(waitForCurrentFrame(&canvas));
    const QImage& img = canvas.frame().image;
    EXPECT_DOUBLE_EQ(img.devicePixelRatio(), canvas.devicePixelRatioF());
    EXPECT_EQ(img.width(), qRound(320 * canvas.devicePixelRatioF()));
}

TEST(ImageCompare, ToleranceFractionAndDiff) {
    QImage a(10, 10, QImage::Format_ARGB32);
    a.fill(QColor(100, 100, 100));
    QImage b = a;
    b.setPixelColor(0, 0, QColor(110, 100, 100)); // within tolerance
    b.setPixelColor(1, 0, QColor(200, 100, 100)); // beyond
    isvtest::ImageCompareOptions o;
    o.channelTolerance = 16;
    o.allowedFraction = 0.0;
    auto r = isvtest::compareImages(b, a, o);
    EXPECT_FALSE(r.passed);
    EXPECT_EQ(r.differing, 1);
    EXPECT_EQ(r.maxDelta, 100);
    EXPECT_EQ(r.diff.pixelColor(1, 0), QColor(230, 0, 0));
    o.allowedFraction = 0.01;
    EXPECT_TRUE(isvtest::compareImages(b, a, o).passed);
    QImage mask(10, 10, QImage::Format_Grayscale8);
    mask.fill(255);
    mask.setPixel(1, 0, 0);
    o.allowedFraction = 0;
    o.mask = mask;
    EXPECT_TRUE(isvtest::compareImages(b, a, o).passed);
    EXPECT_FALSE(isvtest::compareImages(b.scaled(5, 5), a).passed);
}

} // namespace
