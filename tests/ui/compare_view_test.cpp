// The comparison view: two canvases kept in step, each side's own settings, the swipe divider.
#include "compare_view.h"

#include "ui_test_util.h"

#include <QComboBox>
#include <QLabel>

namespace {

using isv::CompareView;

class CompareViewTest : public ::testing::Test {
  protected:
    void SetUp() override {
        view.resize(900, 500);
        view.setScene(uitest::testScene());
        isv::MapSettings base;
        base.viewport = geo::Viewport::fitting(uitest::testScene()->homeBounds(), 900, 500);
        view.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
        view.start(base);
        left = view.canvas(0);
        right = view.canvas(1);
    }
    void expectInStep() const {
        const geo::Viewport& a = left->settings().viewport;
        const geo::Viewport& b = right->settings().viewport;
        EXPECT_NEAR(a.center.x, b.center.x, 1e-6);
        EXPECT_NEAR(a.center.y, b.center.y, 1e-6);
        EXPECT_NEAR(a.metresPerPixel, b.metresPerPixel, 1e-9);
    }
    CompareView view;
    isv::MapCanvas* left = nullptr;
    isv::MapCanvas* right = nullptr;
};

TEST_F(CompareViewTest, EachSideStartsAsItsSideDrawsIt) {
    EXPECT_EQ(left->settings().claims, QStringList{"japan"});
    EXPECT_EQ(right->settings().claims, QStringList{"russia"});
    EXPECT_EQ(left->settings().names.languages, QStringList{"ja"});
    EXPECT_EQ(right->settings().names.languages, QStringList{"ru"});
    EXPECT_EQ(left->settings().names.scripts, QStringList{"latin"});
    EXPECT_TRUE(left->settings().title.contains("Japan"));
    EXPECT_TRUE(right->settings().title.contains("Russia"));
    // Side by side: two canvases next to each other.
    EXPECT_LT(left->geometry().right(), right->geometry().left());
    expectInStep();
}

TEST_F(CompareViewTest, PanAndZoomInEitherCanvasMoveTheOther) {
    QTest::mousePress(left, Qt::LeftButton, {}, QPoint(200, 200));
    QTest::mouseMove(left, QPoint(230, 210));
    QTest::mouseMove(left, QPoint(260, 180));
    QTest::mouseRelease(left, Qt::LeftButton, {}, QPoint(260, 180));
    const geo::Viewport moved = left->settings().viewport;
    EXPECT_NE(moved.center.x, geo::Viewport::fitting(uitest::testScene()->homeBounds(), 900, 500).center.x);
    expectInStep();
    right->zoomIn();
    EXPECT_NEAR(left->settings().viewport.metresPerPixel, moved.metresPerPixel / 2,
                moved.metresPerPixel * 1e-6);
    expectInStep();
    EXPECT_TRUE(uitest::waitForCurrentFrame(left));
    EXPECT_TRUE(uitest::waitForCurrentFrame(right));
}

TEST_F(CompareViewTest, EitherSidesSettingsCanBeChanged) {
    auto* names = view.sideControls(1)->findChild<QComboBox*>("names");
    auto* script = view.sideControls(1)->findChild<QComboBox*>("script");
    ASSERT_TRUE(names && script);
    EXPECT_EQ(names->currentData().toString(), "russian");
    script->setCurrentIndex(script->findData("native"));
    emit script->activated(script->currentIndex());
    EXPECT_EQ(right->settings().names.scripts, QStringList{"native"});
    EXPECT_EQ(left->settings().names.scripts, QStringList{"latin"}); // the other side keeps its own
    view.setSide(0, right->settings().names, {});
    EXPECT_EQ(left->settings().names.languages, QStringList{"ru"});
    EXPECT_TRUE(left->settings().claims.isEmpty());
    EXPECT_EQ(view.sideControls(0)->findChild<QComboBox*>("claims")->currentData().toStringList(),
              QStringList{});
}

TEST_F(CompareViewTest, SwipeStacksTheCanvasesAndTheDividerClamps) {
    view.setMode(CompareView::Mode::Swipe);
    EXPECT_EQ(left->geometry(), right->geometry());
    EXPECT_EQ(left->settings().legendCorner, 0);
    EXPECT_EQ(right->settings().legendCorner, 1);
    EXPECT_TRUE(view.dividerHandle()->isVisible());
    view.setDividerPosition(0.25);
    EXPECT_DOUBLE_EQ(view.dividerPosition(), 0.25);
    EXPECT_EQ(right->mask().boundingRect().left(), static_cast<int>(std::lround(0.25 * right->width())));
    // Each side is named beside the divider, on its own side of it.
    EXPECT_TRUE(view.swipeCaption(0)->isVisible());
    EXPECT_TRUE(view.swipeCaption(0)->text().contains("Japan"));
    EXPECT_TRUE(view.swipeCaption(1)->text().contains("Russia"));
    EXPECT_LE(view.swipeCaption(0)->geometry().right(), view.dividerHandle()->geometry().left());
    EXPECT_GE(view.swipeCaption(1)->geometry().left(), view.dividerHandle()->geometry().right());
    view.setDividerPosition(1.7);
    EXPECT_DOUBLE_EQ(view.dividerPosition(), 1.0);
    view.setDividerPosition(-3);
    EXPECT_DOUBLE_EQ(view.dividerPosition(), 0.0);
    view.setDividerPosition(std::nan(""));
    EXPECT_DOUBLE_EQ(view.dividerPosition(), 0.5);
    // Dragged past the right edge, the divider stops there.
    QWidget* handle = view.dividerHandle();
    QTest::mousePress(handle, Qt::LeftButton, {}, QPoint(4, 100));
    QMouseEvent move(QEvent::MouseMove, QPointF(2000, 100), handle->mapToGlobal(QPointF(2000, 100)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(handle, &move);
    EXPECT_DOUBLE_EQ(view.dividerPosition(), 1.0);
    // A pan in the swipe keeps both maps in step too.
    left->zoomIn();
    expectInStep();
    view.setMode(CompareView::Mode::SideBySide);
    EXPECT_TRUE(right->isVisible());
    EXPECT_FALSE(view.dividerHandle()->isVisible());
    EXPECT_FALSE(view.swipeCaption(0)->isVisible());
}

class CompareWindowTest : public uitest::WindowFixture {};

TEST_F(CompareWindowTest, TheViewMenuSwitchesToTheComparisonAndBack) {
    QAction* compare = window->action("view-compare");
    QAction* swipe = window->action("view-swipe");
    ASSERT_TRUE(compare && swipe);
    compare->trigger();
    EXPECT_TRUE(window->compareView()->isVisible());
    EXPECT_FALSE(canvas->isVisible());
    swipe->trigger();
    EXPECT_FALSE(compare->isChecked());
    EXPECT_EQ(window->compareView()->mode(), CompareView::Mode::Swipe);
    window->compareView()->canvas(0)->zoomIn();
    const double mpp = window->compareView()->canvas(0)->settings().viewport.metresPerPixel;
    swipe->trigger(); // off: back to the one map, at the comparison's view
    EXPECT_FALSE(window->compareView()->isVisible());
    EXPECT_TRUE(canvas->isVisible());
    EXPECT_NEAR(canvas->settings().viewport.metresPerPixel, mpp, mpp * 1e-6);
}

} // namespace
