// The timeline bar in the window: choosing a day redraws the map of that day (tints, legend) and shows the
// islands' status then in the info panel; Today goes back to the de facto view; the events are marks with
// their names as tooltips.
#include "main_window.h"

#include "map_canvas.h"
#include "timeline_bar.h"
#include "ui_test_util.h"

#include <history.h>
#include <translations.h>
#include <worldview.h>

#include <geo/map_data.h>
#include <geo/projection.h>

#include <gtest/gtest.h>

#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>

namespace {

using uitest::waitForCurrentFrame;

// The window over the shipped data, whose timeline lies beside it (the test world has none).
class TimelineTest : public ::testing::Test {
  protected:
    void SetUp() override {
        static const std::shared_ptr<const isv::Scene> shipped = [] {
            auto data = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
            EXPECT_TRUE(data.ok());
            return isv::Scene::build(std::make_shared<const geo::MapData>(std::move(data).value()),
                                     geo::kDisplayCrs)
                .value();
        }();
        window = std::make_unique<isv::MainWindow>(shipped);
        window->resize(1200, 760);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        canvas = window->canvas();
        ASSERT_TRUE(waitForCurrentFrame(canvas));
    }

    std::unique_ptr<isv::MainWindow> window;
    isv::MapCanvas* canvas = nullptr;
    const isv::RenderReport& report() {
        EXPECT_TRUE(waitForCurrentFrame(canvas));
        return canvas->frame().report;
    }
    isv::TimelineBar* bar() const { return window->findChild<isv::TimelineBar*>("timelineBar"); }
};

TEST_F(TimelineTest, DefaultIsTodayAndTheDefactoView) {
    ASSERT_TRUE(bar());
    EXPECT_TRUE(bar()->isEnabled());
    EXPECT_FALSE(bar()->day().isValid());
    EXPECT_FALSE(canvas->settings().dated.has_value());
    EXPECT_TRUE(report().legend.contains(isv::Worldviews::shipped().defacto.title));
    EXPECT_FALSE(window->findChild<QPushButton*>("timelineToday")->isEnabled());
}

TEST_F(TimelineTest, ADayRedrawsTheMapAndFillsThePanel) {
    bar()->setDay(QDate(1880, 12, 31));
    ASSERT_TRUE(canvas->settings().dated.has_value());
    EXPECT_TRUE(report().legend.contains("Administration on 1880-12-31"))
        << report().legend.join(" | ").toStdString();
    EXPECT_TRUE(report().legend.contains("Administered by the Empire of Japan"));
    auto* history = window->findChild<QTextBrowser*>("historyView");
    ASSERT_TRUE(history);
    EXPECT_FALSE(history->isHidden());
    EXPECT_TRUE(history->toPlainText().contains(
        "Urup / Uruppu: administered by Empire of Japan; claimed by Empire of Japan"))
        << history->toPlainText().toStdString();
    EXPECT_TRUE(history->toPlainText().contains("Treaty of Saint Petersburg"));
    EXPECT_EQ(window->findChild<QSpinBox*>("timelineYear")->value(), 1880);

    // The year box: the last day of that year.
    window->findChild<QSpinBox*>("timelineYear")->setValue(1910);
    EXPECT_EQ(bar()->day(), QDate(1910, 12, 31));
    EXPECT_TRUE(report().legend.contains("Border of 1905 (50°N across Sakhalin)"));

    window->findChild<QPushButton*>("timelineToday")->click();
    EXPECT_FALSE(bar()->day().isValid());
    EXPECT_FALSE(canvas->settings().dated.has_value());
    EXPECT_TRUE(history->isHidden());
    EXPECT_TRUE(report().legend.contains(isv::Worldviews::shipped().defacto.title));
}

// The islands' status of a day speaks the interface language: groups, states and events by the timeline's
// own Japanese and Russian names.
TEST(TimelineStatus, NamesFollowTheInterfaceLanguage) {
    struct English {
        ~English() { isv::useLanguage(QStringLiteral("en")); }
    } english;
    const auto history =
        isv::History::load(QStringLiteral(ISLEVIEW_SOURCE_DATA_DIR "/../history/timeline.json"));
    ASSERT_TRUE(history.ok()) << history.error().message;
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ja")));
    const QString ja = isv::TimelineBar::statusHtml(history.value(), QDate(1910, 12, 31));
    EXPECT_TRUE(ja.contains(QStringLiteral("南樺太"))) << ja.toStdString();
    EXPECT_TRUE(ja.contains(QStringLiteral("大日本帝国"))) << ja.toStdString();
    EXPECT_TRUE(ja.contains(QStringLiteral("ポーツマス条約"))) << ja.toStdString();
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ru")));
    const QString ru = isv::TimelineBar::statusHtml(history.value(), QDate(1910, 12, 31));
    EXPECT_TRUE(ru.contains(QStringLiteral("Южный Сахалин"))) << ru.toStdString();
    EXPECT_FALSE(ru.contains(QStringLiteral("Empire of Japan"))) << ru.toStdString();
}

TEST_F(TimelineTest, EventsAreMarksOnTheSlider) {
    auto* slider = window->findChild<isv::EventSlider*>("timelineSlider");
    ASSERT_TRUE(slider);
    const int x1875 = slider->xOf(QDate(1875, 5, 7)), x2022 = slider->xOf(QDate(2022, 3, 21));
    EXPECT_LT(x1875, x2022);
    ASSERT_TRUE(slider->eventAt(x1875));
    EXPECT_EQ(slider->eventAt(x1875)->id, "st_petersburg");
    EXPECT_EQ(slider->eventAt(x2022)->id, "talks_suspended_2022");
    EXPECT_EQ(slider->eventAt(slider->xOf(QDate(1890, 1, 1))), nullptr); // no event for decades
    // Moving the slider chooses a day.
    slider->setValue(static_cast<int>(QDate(1855, 2, 7).daysTo(QDate(1860, 1, 1))));
    EXPECT_EQ(bar()->day(), QDate(1860, 1, 1));
    EXPECT_TRUE(report().legend.contains("Border of 1855 (Vries Strait)"));
}

class TimelineWithoutData : public uitest::WindowFixture {};

TEST_F(TimelineWithoutData, IsDisabledAndSaysWhy) {
    auto* bar = window->findChild<isv::TimelineBar*>("timelineBar");
    ASSERT_TRUE(bar);
    EXPECT_FALSE(bar->isEnabled());
    EXPECT_TRUE(bar->toolTip().contains("timeline.json")) << bar->toolTip().toStdString();
    bar->setDay(QDate(1880, 1, 1));
    EXPECT_FALSE(bar->day().isValid());
    EXPECT_FALSE(canvas->settings().dated.has_value());
}

} // namespace
