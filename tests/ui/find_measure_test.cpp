// The Find dock, framing a place clear of the furniture, and the Measure dock, in a window over the
// shipped data (the presets sit beside its facts).
#include "main_window.h"
#include "map_canvas.h"
#include "measure_dock.h"
#include "place_framing.h"
#include "place_search_dock.h"
#include "ui_test_util.h"

#include <units.h>

#include <geo/geodesic.h>
#include <geo/projection.h>

#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTreeWidget>

namespace {

using uitest::waitForCurrentFrame;

std::shared_ptr<const isv::Scene> shippedScene() {
    static const std::shared_ptr<const isv::Scene> scene = [] {
        auto data = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
        EXPECT_TRUE(data.ok()) << data.error().message;
        auto built = isv::Scene::build(std::make_shared<const geo::MapData>(std::move(data).value()),
                                       geo::kDisplayCrs);
        EXPECT_TRUE(built.ok()) << built.error().message;
        return built.value();
    }();
    return scene;
}

class FindMeasureTest : public ::testing::Test {
  protected:
    void SetUp() override {
        scene = shippedScene();
        window = std::make_unique<isv::MainWindow>(scene);
        window->resize(1024, 640);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        canvas = window->canvas();
        ASSERT_TRUE(waitForCurrentFrame(canvas));
    }
    QPoint screenOf(geo::Point lonlat) const {
        const geo::Point px = canvas->settings().viewport.toScreen(scene->project(lonlat));
        return QPoint(int(std::lround(px.x)), int(std::lround(px.y)));
    }
    // The place's outline on screen (logical pixels).
    QRectF placeOnScreen(const QString& id) const {
        const geo::Box b = scene->placeBounds(id);
        const geo::Point a = canvas->settings().viewport.toScreen({b.minx, b.maxy});
        const geo::Point c = canvas->settings().viewport.toScreen({b.maxx, b.miny});
        return QRectF(QPointF(a.x, a.y), QPointF(c.x, c.y)).normalized();
    }

    std::shared_ptr<const isv::Scene> scene;
    std::unique_ptr<isv::MainWindow> window;
    isv::MapCanvas* canvas = nullptr;
};

TEST_F(FindMeasureTest, CtrlFSearchesEveryScriptAndChoosingSelectsAndZooms) {
    QAction* find = window->action("edit-find");
    ASSERT_TRUE(find);
    EXPECT_EQ(find->shortcut(), QKeySequence(QKeySequence::Find));
    find->trigger();
    isv::PlaceSearchDock* dock = window->findDock();
    EXPECT_TRUE(dock->isVisible());
    EXPECT_TRUE(dock->searchBox()->hasFocus());
    const geo::Viewport before = canvas->settings().viewport;
    QTest::keyClicks(dock->searchBox(), "Iturp"); // typed, and misspelled
    ASSERT_GT(dock->results()->count(), 0);
    EXPECT_EQ(dock->results()->item(0)->data(Qt::UserRole).toString(), "etorofu");
    dock->searchBox()->setText(QString("Итуруп")); // (QTest types ASCII only)
    ASSERT_GT(dock->results()->count(), 0);
    EXPECT_EQ(dock->results()->item(0)->data(Qt::UserRole).toString(), "etorofu");
    // Japanese names (the default) with the Russian ones beside them.
    EXPECT_EQ(dock->results()->item(0)->text(), QString("Etorofu  —  Iturup"));
    QTest::keyClick(dock->searchBox(), Qt::Key_Return);
    EXPECT_EQ(canvas->settings().selected, "etorofu");
    EXPECT_NE(canvas->settings().viewport, before);
    EXPECT_TRUE(window->selectionText().startsWith("Etorofu")) << window->selectionText().toStdString();
    // In the Russian set the order of the pair turns round.
    window->action("names-russian")->trigger();
    dock->searchBox()->setText("えとろふ");
    ASSERT_GT(dock->results()->count(), 0);
    EXPECT_EQ(dock->results()->item(0)->text(), QString("Iturup  —  Etorofu"));
    dock->searchBox()->setText("Shikotn");
    ASSERT_GT(dock->results()->count(), 0);
    EXPECT_EQ(dock->results()->item(0)->data(Qt::UserRole).toString(), "shikotan");
}

TEST_F(FindMeasureTest, ZoomingToHabomaiLeavesItClearOfTheLegend) {
    for (const char* id : {"habomai", "etorofu", "shikotan", "yuri"}) {
        window->selectPlace(id, true);
        ASSERT_TRUE(waitForCurrentFrame(canvas));
        const QRectF place = placeOnScreen(id);
        const std::vector<QRectF> furniture = isv::furnitureRects(*scene, canvas->settings());
        ASSERT_FALSE(furniture.empty());
        for (const QRectF& f : furniture)
            EXPECT_FALSE(f.intersects(place))
                << id << ": furniture at " << f.x() << "," << f.y() << " " << f.width() << "x" << f.height();
        // Still whole in the view.
        EXPECT_TRUE(QRectF(0, 0, canvas->width(), canvas->height()).contains(place)) << id;
    }
}

TEST(FreeRect, CutsEachPieceFromItsNearestSide) {
    // A legend in the bottom-right corner costs a strip on the right (the smaller loss), not the bottom.
    const QRectF free = isv::freeRect(1000, 600, {QRectF(800, 350, 200, 250)});
    EXPECT_EQ(free, QRectF(0, 0, 800, 600));
    // A title across the top costs the top.
    EXPECT_EQ(isv::freeRect(1000, 600, {QRectF(300, 0, 400, 40)}), QRectF(0, 40, 1000, 560));
    EXPECT_EQ(isv::freeRect(1000, 600, {}), QRectF(0, 0, 1000, 600));
}

TEST_F(FindMeasureTest, MeasuresAPathLegByLegAndItsArea) {
    window->action("tool-measure")->trigger();
    const std::vector<geo::Point> lonlat{{145.6, 43.4}, {146.4, 43.9}, {147.0, 43.5}};
    for (const geo::Point& p : lonlat) {
        QTest::mouseMove(canvas, screenOf(p));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, screenOf(p));
    }
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, screenOf(lonlat.back()));
    const geo::Path points = canvas->measurePoints();
    ASSERT_EQ(points.size(), 3u);
    const geo::PathMeasure expected = geo::measurePath(points, true);
    isv::MeasureDock* dock = window->measureDock();
    ASSERT_EQ(dock->legList()->topLevelItemCount(), 2);
    EXPECT_EQ(dock->legList()->topLevelItem(0)->text(1),
              QString::number(expected.legs[0].metres / 1000, 'f', 3));
    EXPECT_EQ(dock->legList()->topLevelItem(1)->text(3),
              QString("%1°").arg(expected.legs[1].initialBearingDeg, 0, 'f', 1));
    EXPECT_NEAR(*canvas->measuredDistanceM(), expected.totalM, 1e-6);
    dock->areaBox()->setChecked(true);
    EXPECT_TRUE(canvas->measureArea());
    EXPECT_TRUE(window->measureText().contains("area")) << window->measureText().toStdString();
    EXPECT_TRUE(dock->summaryText().contains(isv::formatArea(expected.areaM2 / 1e6)))
        << dock->summaryText().toStdString();
    // Kept as a note at the last point: a note is drawn on the map and exported.
    const int notes = canvas->settings().notes.size();
    EXPECT_TRUE(dock->keepAsNote());
    ASSERT_EQ(canvas->settings().notes.size(), notes + 1);
    EXPECT_EQ(canvas->settings().notes.back().text, dock->summaryText());
    EXPECT_NEAR(canvas->settings().notes.back().lon, points.back().x, 1e-9);
}

TEST_F(FindMeasureTest, PresetShowsItsPointsAndThePublishedFigure) {
    isv::MeasureDock* dock = window->measureDock();
    ASSERT_EQ(dock->presetBox()->count(), 5); // "Presets…" and the four
    ASSERT_TRUE(dock->showPreset("nosappu-kaigara"));
    const geo::Path points = canvas->measurePoints();
    ASSERT_EQ(points.size(), 2u);
    const geo::MapData& data = scene->data();
    EXPECT_NEAR(points[0].x, data.place("nosappu_cape")->lonlat.x, 1e-6);
    EXPECT_NEAR(points[1].y, data.place("kaigara")->lonlat.y, 1e-6);
    EXPECT_TRUE(dock->summaryText().contains("published: 3.7 km")) << dock->summaryText().toStdString();
    EXPECT_FALSE(dock->showPreset("nowhere"));
}

} // namespace
