// Files opened in the window are read on a worker thread; the projection can be switched the same way.
#include "main_window.h"

#include "map_canvas.h"
#include "test_files.h"
#include "ui_test_util.h"

#include <geo/projection.h>

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace {

using uitest::waitForCurrentFrame;

// A polygon around (lon, lat), 0.2° across.
QByteArray square(double lon, double lat) {
    return QString(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":)"
                   R"({"type":"Polygon","coordinates":[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]}}]})")
        .arg(lon - 0.1)
        .arg(lat - 0.1)
        .arg(lon + 0.1)
        .arg(lat + 0.1)
        .toUtf8();
}

bool waitUntilIdle(isv::MainWindow& w, int timeoutMs = 20000) {
    QElapsedTimer t;
    t.start();
    while (w.isLoading() && t.elapsed() < timeoutMs)
        QTest::qWait(10);
    return !w.isLoading();
}

class BackgroundOpenTest : public uitest::WindowFixture {};

TEST_F(BackgroundOpenTest, StatusBarNamesTheFileAndASecondOpenWaitsItsTurn) {
    QTemporaryDir dir;
    const QString a = writeTestFile(dir, "bay.geojson", square(145.6, 43.6));
    const QString b = writeTestFile(dir, "cape.geojson", square(146.4, 43.9));
    QSignalSpy finished(window.get(), &isv::MainWindow::loadFinished);
    const int rows = window->layerList()->model()->rowCount();
    window->openLayer(a);
    EXPECT_TRUE(window->isLoading());
    EXPECT_TRUE(window->loadingText().contains("bay.geojson")) << window->loadingText().toStdString();
    window->openLayer(b);
    EXPECT_TRUE(window->loadingText().contains("1 more waiting")) << window->loadingText().toStdString();
    ASSERT_TRUE(waitUntilIdle(*window));
    ASSERT_EQ(finished.count(), 2);
    EXPECT_EQ(finished.at(0).at(0).toString(), a);
    EXPECT_EQ(finished.at(1).at(0).toString(), b);
    EXPECT_TRUE(canvas->scene()->layer("bay"));
    EXPECT_TRUE(canvas->scene()->layer("cape"));
    EXPECT_EQ(window->layerList()->model()->rowCount(), rows + 2);
    EXPECT_TRUE(window->loadingText().isEmpty());
    EXPECT_TRUE(waitForCurrentFrame(canvas));
}

TEST_F(BackgroundOpenTest, BrokenFileShowsAMessageNamingItAndLeavesTheMap) {
    QTemporaryDir dir;
    const QString path = writeTestFile(dir, "broken.geojson", "{\"type\": \"FeatureCollection\", \"feat");
    const auto before = canvas->scene();
    const int rows = window->layerList()->model()->rowCount();
    QSignalSpy finished(window.get(), &isv::MainWindow::loadFinished);
    QString message;
    uitest::closeNextMessageBox(&message);
    window->openLayer(path);
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    EXPECT_TRUE(message.contains("broken.geojson")) << message.toStdString();
    EXPECT_EQ(canvas->scene(), before);
    EXPECT_EQ(window->layerList()->model()->rowCount(), rows);
}

TEST_F(BackgroundOpenTest, ProjectionSwitchKeepsAddedLayersAndReadouts) {
    QTemporaryDir dir;
    const QString path = writeTestFile(dir, "bay.geojson", square(145.6, 43.6));
    window->openLayer(path);
    ASSERT_TRUE(waitUntilIdle(*window));
    ASSERT_TRUE(canvas->scene()->layer("bay"));
    const int rows = window->layerList()->model()->rowCount();
    EXPECT_TRUE(window->action("projection-local")->isChecked());

    QSignalSpy switched(window.get(), &isv::MainWindow::projectionChanged);
    window->action("projection-world")->trigger();
    ASSERT_TRUE(switched.wait(20000));
    EXPECT_TRUE(switched.at(0).at(1).toBool());
    EXPECT_EQ(canvas->scene()->crs(), geo::kWorldCrs);
    EXPECT_TRUE(window->action("projection-world")->isChecked());
    ASSERT_TRUE(canvas->scene()->layer("bay"));
    EXPECT_EQ(window->layerList()->model()->rowCount(), rows);
    // No world-sized layer: the view starts on the islands.
    const geo::Point centre = canvas->scene()->unproject(canvas->settings().viewport.center);
    EXPECT_NEAR(centre.x, 146.5, 2.0);
    EXPECT_NEAR(centre.y, 44.3, 2.0);
    // The cursor readout and the distance tool use the new projection.
    const geo::Point px = canvas->settings().viewport.toScreen(canvas->scene()->project({146.0, 44.0}));
    QTest::mouseMove(canvas, QPoint(int(px.x), int(px.y)));
    EXPECT_TRUE(window->cursorText().contains("44°")) << window->cursorText().toStdString();
    EXPECT_TRUE(waitForCurrentFrame(canvas));

    // Back to the local projection, centred where the world view was.
    const geo::Point lonlat = {145.8, 43.9};
    isv::MapSettings s = canvas->settings();
    s.viewport.center = canvas->scene()->project(lonlat);
    canvas->setSettings(s);
    window->setProjection(geo::kDisplayCrs);
    ASSERT_TRUE(switched.wait(20000));
    EXPECT_EQ(canvas->scene()->crs(), geo::kDisplayCrs);
    EXPECT_TRUE(canvas->scene()->layer("bay"));
    const geo::Point back = canvas->scene()->unproject(canvas->settings().viewport.center);
    EXPECT_NEAR(back.x, lonlat.x, 0.01);
    EXPECT_NEAR(back.y, lonlat.y, 0.01);
}

TEST_F(BackgroundOpenTest, ClosingWhileAFileLoadsReturnsPromptly) {
    // A line of 300,000 vertices: long enough to be still reading when the window goes.
    QTemporaryDir dir;
    const QString path = writeTestFile(dir, "long.geojson", uitest::longLineGeoJson());
    window->openLayer(path);
    EXPECT_TRUE(window->isLoading());
    QElapsedTimer t;
    t.start();
    window->close();
    window.reset();
    EXPECT_LT(t.elapsed(), 3000);
    QTest::qWait(50); // nothing posted by the worker may reach the destroyed window
}

TEST(BackgroundOpenSettings, RemembersTheProjection) {
    QTemporaryDir dir;
    QSettings store(dir.filePath("isleview.ini"), QSettings::IniFormat);
    {
        isv::MainWindow w(uitest::testScene(), &store);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        QSignalSpy switched(&w, &isv::MainWindow::projectionChanged);
        w.setProjection(geo::kWorldCrs);
        ASSERT_TRUE(switched.wait(20000));
        w.close();
    }
    isv::MainWindow again(uitest::testScene(), &store);
    EXPECT_EQ(again.canvas()->scene()->crs(), geo::kWorldCrs);
    EXPECT_TRUE(again.action("projection-world")->isChecked());
    EXPECT_FALSE(again.action("projection-local")->isChecked());
}

} // namespace
