#include "main_window.h"

#include "map_canvas.h"
#include "place_list.h"
#include "status_text.h"
#include "test_world.h"
#include "ui_test_util.h"

#include <worldview.h>

#include <geo/geodesic.h>

#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QListView>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QWheelEvent>

namespace {

using uitest::closeNextMessageBox;
using uitest::waitForCurrentFrame;

class MainWindowTest : public uitest::WindowFixture {
  protected:
    const isv::RenderReport& report() {
        EXPECT_TRUE(waitForCurrentFrame(canvas));
        return canvas->frame().report;
    }
    QPoint screenOf(geo::Point lonlat) const {
        const geo::Point px = canvas->settings().viewport.toScreen(scene->project(lonlat));
        return QPoint(int(std::lround(px.x)), int(std::lround(px.y)));
    }
    void trigger(const char* name) {
        QAction* a = window->action(name);
        ASSERT_TRUE(a) << name;
        a->trigger();
    }
};

TEST_F(MainWindowTest, HasTheStandardFrame) {
    EXPECT_EQ(window->windowTitle(), "Isleview");
    for (const char* name :
         {"file-open", "file-export", "file-quit", "view-zoom-in", "view-zoom-out", "view-home",
          "view-fullscreen", "names-japanese", "names-russian", "names-both", "script-latin", "script-native",
          "script-both", "claim-japan", "claim-russia", "help-about"})
        EXPECT_TRUE(window->action(name)) << name;
    EXPECT_EQ(window->action("file-open")->shortcut(), QKeySequence(QKeySequence::Open));
    EXPECT_EQ(window->action("view-zoom-in")->shortcut(), QKeySequence(QKeySequence::ZoomIn));
    EXPECT_EQ(window->action("file-quit")->shortcut(), QKeySequence(QKeySequence::Quit));
    EXPECT_EQ(window->action("claim-japan")->text(), "Japan's claim");
    EXPECT_EQ(window->action("claim-russia")->text(), "Russia's claim");
}

TEST_F(MainWindowTest, NameSetSwitchRelabelsMapAndIslandList) {
    EXPECT_TRUE(window->action("names-japanese")->isChecked());
    EXPECT_TRUE(report().labels.contains("Etorofu"));
    EXPECT_FALSE(report().labels.contains("Iturup"));
    EXPECT_TRUE(window->placeList()->labels().contains("Etorofu"));

    trigger("names-russian");
    EXPECT_EQ(canvas->settings().names.namesWord(), "russian");
    EXPECT_TRUE(report().labels.contains("Iturup")) << report().labels.join(", ").toStdString();
    EXPECT_FALSE(report().labels.contains("Etorofu"));
    const QStringList list = window->placeList()->labels();
    EXPECT_TRUE(list.contains("Iturup"));
    EXPECT_TRUE(list.contains("Tanfilyeva"));
    EXPECT_FALSE(list.contains("Etorofu"));

    trigger("names-both");
    EXPECT_TRUE(report().labels.contains("Kunashiri / Kunashir")) << report().labels.join(", ").toStdString();
    EXPECT_FALSE(report().labels.contains("Kunashiri"));
    EXPECT_TRUE(window->placeList()->labels().contains("Etorofu / Iturup"));

    trigger("names-japanese");
    trigger("script-native");
    EXPECT_TRUE(report().labels.contains(QString::fromUtf8("択捉島")));
    EXPECT_TRUE(window->placeList()->labels().contains(QString::fromUtf8("択捉島")));
    EXPECT_TRUE(window->action("script-native")->isChecked());
    EXPECT_FALSE(window->action("script-latin")->isChecked());
}

TEST_F(MainWindowTest, ClaimTogglesSetClaimsAndLegend) {
    const auto& wv = isv::Worldviews::shipped();
    const QString japanClaim = wv.claim("japan")->legendClaim, russiaClaim = wv.claim("russia")->legendClaim;
    EXPECT_TRUE(canvas->settings().claims.isEmpty());
    EXPECT_TRUE(report().legend.contains(wv.defacto.title)) << report().legend.join(" | ").toStdString();

    trigger("claim-japan");
    EXPECT_EQ(canvas->settings().claims, QStringList{"japan"});
    EXPECT_TRUE(report().legend.contains(japanClaim)) << report().legend.join(" | ").toStdString();
    EXPECT_FALSE(report().legend.contains(russiaClaim));

    trigger("claim-russia");
    EXPECT_EQ(canvas->settings().claims, (QStringList{"japan", "russia"}));
    EXPECT_TRUE(report().legend.contains(japanClaim));
    EXPECT_TRUE(report().legend.contains(russiaClaim));

    trigger("claim-japan"); // off again
    EXPECT_EQ(canvas->settings().claims, QStringList{"russia"});
    EXPECT_FALSE(window->action("claim-japan")->isChecked());
    EXPECT_FALSE(report().legend.contains(japanClaim));

    trigger("claims-none");
    EXPECT_TRUE(canvas->settings().claims.isEmpty());
    EXPECT_FALSE(window->action("claim-russia")->isChecked());
    EXPECT_TRUE(report().legend.contains(wv.defacto.title));
}

TEST_F(MainWindowTest, ViewTogglesAndLayerListShareTheSettings) {
    trigger("view-graticule");
    EXPECT_TRUE(canvas->settings().hiddenLayers.contains("graticule"));
    QAbstractItemModel* layers = window->layerList()->model();
    QModelIndex graticule;
    QStringList keys;
    for (int i = 0; i < layers->rowCount(); ++i) {
        keys << layers->index(i, 0).data(Qt::UserRole).toString();
        if (keys.back() == "graticule") graticule = layers->index(i, 0);
    }
    EXPECT_EQ(keys, (QStringList{"land", "lakes", "borders", "claims", "labels", "graticule"}));
    ASSERT_TRUE(graticule.isValid());
    EXPECT_EQ(graticule.data(Qt::CheckStateRole), Qt::Unchecked);
    layers->setData(graticule, Qt::Checked, Qt::CheckStateRole);
    EXPECT_FALSE(canvas->settings().hiddenLayers.contains("graticule"));
    EXPECT_TRUE(window->action("view-graticule")->isChecked());
    EXPECT_EQ(graticule.data(Qt::CheckStateRole), Qt::Checked);

    layers->setData(layers->index(int(keys.indexOf("labels")), 0), Qt::Unchecked, Qt::CheckStateRole);
    EXPECT_TRUE(canvas->settings().hiddenLayers.contains("labels"));
    EXPECT_TRUE(report().labels.isEmpty());

    trigger("view-legend");
    EXPECT_FALSE(canvas->settings().legend);
    EXPECT_TRUE(report().legend.isEmpty() ||
                !report().legend.contains(isv::Worldviews::shipped().defacto.title));
    trigger("view-scalebar");
    EXPECT_FALSE(canvas->settings().scaleBar);
    trigger("view-northarrow");
    EXPECT_FALSE(canvas->settings().northArrow);
}

TEST_F(MainWindowTest, ADrawingProblemIsShownAboveTheMap) {
    EXPECT_TRUE(window->messageText().isEmpty());
    isv::MapSettings s = canvas->settings();
    s.claims = {"x"}; // no worldview style for this claimant
    canvas->setSettings(s);
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    EXPECT_TRUE(canvas->frame().report.errors.contains("claims: no style for claimant 'x'"));
    EXPECT_TRUE(window->messageText().contains("no style for claimant 'x'"))
        << window->messageText().toStdString();
    EXPECT_TRUE(window->suggestionText().isEmpty()); // a problem offers no button

    // Gone with the problem.
    s.claims.clear();
    canvas->setSettings(s);
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    EXPECT_TRUE(window->messageText().isEmpty()) << window->messageText().toStdString();
}

TEST_F(MainWindowTest, ClickSelectsAnIslandAndASecondClickZoomsToIt) {
    const QPoint etorofu = screenOf({147.9, 45.0});
    QTest::mouseClick(canvas, Qt::LeftButton, {}, etorofu);
    EXPECT_EQ(canvas->settings().selected, "etorofu");
    const QString text = window->selectionText();
    EXPECT_TRUE(text.startsWith("Etorofu")) << text.toStdString();
    EXPECT_TRUE(text.contains(isv::formatArea(scene->data().figures.at("etorofu").areaKm2)))
        << text.toStdString();

    const double before = canvas->settings().viewport.metresPerPixel;
    QTest::qWait(400); // not a double-click
    QTest::mouseClick(canvas, Qt::LeftButton, {}, screenOf({147.9, 45.0}));
    EXPECT_LT(canvas->settings().viewport.metresPerPixel, before);
    const geo::Box shown = canvas->settings().viewport.mapBounds();
    const geo::Box island = scene->placeBounds("etorofu");
    EXPECT_TRUE(shown.contains({island.minx, island.miny}) && shown.contains({island.maxx, island.maxy}));

    // Switching names relabels the status bar too.
    trigger("names-russian");
    EXPECT_TRUE(window->selectionText().startsWith("Iturup")) << window->selectionText().toStdString();
}

TEST_F(MainWindowTest, ClickOnAnUnnamedIsletSelectsItsGroupAndSeaClears) {
    window->placeList()->placeChosen("habomai");
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, screenOf({146.30, 43.40}));
    EXPECT_EQ(canvas->settings().selected, "habomai");
    QTest::qWait(400);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, screenOf({146.6, 43.3}));
    EXPECT_TRUE(canvas->settings().selected.isEmpty());
    EXPECT_TRUE(window->selectionText().isEmpty());
}

TEST_F(MainWindowTest, ChoosingFromTheListSelectsAndZooms) {
    window->placeList()->placeChosen("shikotan");
    EXPECT_EQ(canvas->settings().selected, "shikotan");
    const geo::Box shown = canvas->settings().viewport.mapBounds();
    const geo::Box island = scene->placeBounds("shikotan");
    EXPECT_TRUE(shown.contains({island.minx, island.miny}) && shown.contains({island.maxx, island.maxy}));
    EXPECT_LT(shown.width(), scene->homeBounds().width());
    EXPECT_TRUE(window->selectionText().startsWith("Shikotan"));
}

TEST_F(MainWindowTest, CursorPositionInTheStatusBar) {
    const QPoint p(200, 150);
    QTest::mouseMove(canvas, p);
    const geo::Point lonlat = scene->unproject(canvas->settings().viewport.toMap({200, 150}));
    EXPECT_EQ(window->cursorText(), isv::formatLonLat(lonlat));
    EXPECT_TRUE(window->cursorText().contains(u'°'));
}

TEST_F(MainWindowTest, MeasureToolShowsTheGeodesicDistance) {
    trigger("tool-measure");
    EXPECT_TRUE(canvas->measureMode());
    const QPoint a = screenOf({145.95, 44.15}), b = screenOf({147.9, 45.0});
    QTest::mouseClick(canvas, Qt::LeftButton, {}, a);
    QTest::mouseMove(canvas, b);
    QTest::qWait(300);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, b);
    ASSERT_TRUE(canvas->measuredDistanceM());
    const auto& vp = canvas->settings().viewport;
    const double expected =
        geo::geodesicDistanceM(scene->unproject(vp.toMap({double(a.x()), double(a.y())})),
                               scene->unproject(vp.toMap({double(b.x()), double(b.y())})));
    EXPECT_NEAR(*canvas->measuredDistanceM(), expected, 1e-6);
    EXPECT_GT(expected, 150000); // the islands are ~180 km apart
    EXPECT_EQ(window->measureText(), "Distance: " + isv::formatDistance(expected));
    trigger("tool-measure");
    EXPECT_FALSE(canvas->measuredDistanceM());
    EXPECT_TRUE(window->measureText().isEmpty());
}

TEST_F(MainWindowTest, ShiftDragMeasuresWithoutTheTool) {
    const geo::Viewport before = canvas->settings().viewport;
    QTest::mousePress(canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(100, 100));
    QTest::mouseMove(canvas, QPoint(200, 100));
    QTest::mouseMove(canvas, QPoint(300, 100));
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(300, 100));
    EXPECT_EQ(canvas->settings().viewport, before); // no pan
    ASSERT_TRUE(canvas->measuredDistanceM());
    EXPECT_NEAR(*canvas->measuredDistanceM(), 200 * before.metresPerPixel,
                0.02 * 200 * before.metresPerPixel);
    EXPECT_TRUE(window->measureText().endsWith("km"));
}

TEST_F(MainWindowTest, DragPansAndDoubleClickZooms) {
    const geo::Viewport before = canvas->settings().viewport;
    const geo::Point grabbed = before.toMap({300, 300});
    QTest::mousePress(canvas, Qt::LeftButton, {}, QPoint(300, 300));
    QTest::mouseMove(canvas, QPoint(320, 310));
    QTest::mouseMove(canvas, QPoint(350, 280));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, QPoint(350, 280));
    const geo::Point now = canvas->settings().viewport.toScreen(grabbed);
    EXPECT_NEAR(now.x, 350, 1e-6);
    EXPECT_NEAR(now.y, 280, 1e-6);
    EXPECT_TRUE(canvas->settings().selected.isEmpty()); // a drag is not a click

    const geo::Viewport vp = canvas->settings().viewport;
    const geo::Point spot = vp.toMap({150, 120});
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, QPoint(150, 120));
    EXPECT_NEAR(canvas->settings().viewport.metresPerPixel, vp.metresPerPixel / 2, 1e-9);
    const geo::Point again = canvas->settings().viewport.toScreen(spot);
    EXPECT_NEAR(again.x, 150, 1e-6);
    EXPECT_NEAR(again.y, 120, 1e-6);
}

TEST_F(MainWindowTest, WheelZoomsAboutTheCursorWithDraftsThenAFullFrame) {
    const geo::Viewport vp = canvas->settings().viewport;
    const QPointF at(250, 200);
    const geo::Point spot = vp.toMap({at.x(), at.y()});
    bool sawDraft = false;
    QObject::connect(canvas, &isv::MapCanvas::frameShown, canvas,
                     [&](const isv::Frame& f) { sawDraft |= f.settings.draft; });
    QWheelEvent wheel(at, canvas->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &wheel);
    EXPECT_LT(canvas->settings().viewport.metresPerPixel, vp.metresPerPixel);
    const geo::Point again = canvas->settings().viewport.toScreen(spot);
    EXPECT_NEAR(again.x, at.x(), 1e-6);
    EXPECT_NEAR(again.y, at.y(), 1e-6);
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    EXPECT_FALSE(canvas->frame().settings.draft);
    EXPECT_TRUE(sawDraft);
}

TEST_F(MainWindowTest, TouchpadPinchZoomsAboutTheFingers) {
    const geo::Viewport vp = canvas->settings().viewport;
    const QPointF at(180, 220);
    const geo::Point spot = vp.toMap({at.x(), at.y()});
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, at, at,
                              canvas->mapToGlobal(at), 0.5, QPointF());
    QApplication::sendEvent(canvas, &pinch);
    EXPECT_NEAR(canvas->settings().viewport.metresPerPixel, vp.metresPerPixel / 1.5, 1e-9);
    const geo::Point again = canvas->settings().viewport.toScreen(spot);
    EXPECT_NEAR(again.x, at.x(), 1e-6);
    EXPECT_NEAR(again.y, at.y(), 1e-6);
}

TEST_F(MainWindowTest, KeysPanZoomAndGoHome) {
    canvas->setFocus();
    const geo::Viewport home = canvas->settings().viewport;
    QTest::keyClick(canvas, Qt::Key_Right);
    EXPECT_GT(canvas->settings().viewport.center.x, home.center.x);
    QTest::keyClick(canvas, Qt::Key_Plus);
    EXPECT_LT(canvas->settings().viewport.metresPerPixel, home.metresPerPixel);
    QTest::keyClick(canvas, Qt::Key_Home);
    EXPECT_EQ(canvas->settings().viewport, home);
    const geo::Box shown = home.mapBounds(), bounds = scene->homeBounds();
    EXPECT_TRUE(shown.contains({bounds.minx, bounds.miny}) && shown.contains({bounds.maxx, bounds.maxy}));
    window->action("view-zoom-out")->trigger();
    EXPECT_GT(canvas->settings().viewport.metresPerPixel, home.metresPerPixel);
}

TEST_F(MainWindowTest, TheInformationPanelsNameOfferSwitchesInOneClick) {
    // The panel's "Show Russian names" link is the user's click: taken at once, with no bar to click again.
    isv::NameSet russian;
    ASSERT_TRUE(isv::NameSet::parse("russian", "latin", &russian));
    window->suggestNameSet(russian);
    EXPECT_FALSE(QApplication::activeModalWidget());
    EXPECT_EQ(canvas->settings().names, russian);
    EXPECT_TRUE(window->action("names-russian")->isChecked());
    EXPECT_TRUE(window->messageText().isEmpty());
    EXPECT_TRUE(window->suggestionText().isEmpty());
    EXPECT_TRUE(report().labels.contains("Iturup"));
}

TEST_F(MainWindowTest, OpenLayerAddsItOrNamesTheFileInAnError) {
    QSignalSpy finished(window.get(), &isv::MainWindow::loadFinished);
    QString message;
    closeNextMessageBox(&message);
    window->openLayer("/nonexistent/roads.geojson");
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    EXPECT_TRUE(message.contains("roads.geojson")) << message.toStdString();

    QTemporaryDir dir;
    const QString path = dir.filePath("harbours.geojson");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[145.9,44.1]}},
      {"type":"Feature","properties":{"name":"B"},"geometry":{"type":"Point","coordinates":[147.8,45.0]}}]})");
    f.close();
    const int before = window->layerList()->model()->rowCount();
    window->openLayer(path);
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.at(1).at(0).toString(), path);
    EXPECT_TRUE(finished.at(1).at(1).toBool());
    EXPECT_EQ(window->layerList()->model()->rowCount(), before + 1);
    QAbstractItemModel* layers = window->layerList()->model();
    const QString key = layers->index(before, 0).data(Qt::UserRole).toString();
    const isv::SceneLayer* layer = canvas->scene()->layer(key);
    ASSERT_TRUE(layer);
    EXPECT_TRUE(layer->added);
    EXPECT_FALSE(canvas->settings().hiddenLayers.contains(key)); // a new layer starts visible
    EXPECT_EQ(layers->index(before, 0).data(Qt::CheckStateRole), Qt::Checked);
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    layers->setData(layers->index(before, 0), Qt::Unchecked, Qt::CheckStateRole);
    EXPECT_TRUE(canvas->settings().hiddenLayers.contains(key));
}

TEST_F(MainWindowTest, AFileOfSeveralLayersOpensThemAllAndSaysWhatWasOpenedAndLeftOut) {
    // A GPX file: its waypoints and its track are layers of their own (its route and track points
    // repeat them, and it has no routes); one waypoint lies beyond the pole.
    QTemporaryDir dir;
    const QString path = dir.filePath("trip.gpx");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"(<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="43.9" lon="145.5"><name>A</name></wpt>
  <wpt lat="44.6" lon="147.2"><name>B</name></wpt>
  <wpt lat="95" lon="147.2"><name>beyond the pole</name></wpt>
  <trk><name>ferry</name><trkseg><trkpt lat="43.3" lon="145.6"/><trkpt lat="44.0" lon="145.9"/></trkseg></trk>
</gpx>)");
    f.close();
    const int before = window->layerList()->model()->rowCount();
    QSignalSpy finished(window.get(), &isv::MainWindow::loadFinished);
    window->openLayer(path);
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_EQ(window->layerList()->model()->rowCount(), before + 2);
    EXPECT_TRUE(canvas->scene()->layer("trip: waypoints"));
    EXPECT_TRUE(canvas->scene()->layer("trip: tracks"));
    const QString status = window->statusBar()->currentMessage();
    EXPECT_TRUE(status.contains("trip.gpx: 2 layer(s)")) << status.toStdString();
    EXPECT_TRUE(status.contains("trip: waypoints")) << status.toStdString();
    EXPECT_TRUE(window->messageText().contains("trip.gpx (layer waypoints): 1 feature(s) skipped"))
        << window->messageText().toStdString();
}

TEST_F(MainWindowTest, DroppedFilesOpenAsLayers) {
    QTemporaryDir dir;
    const QString path = dir.filePath("route.geojson");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
      "geometry":{"type":"LineString","coordinates":[[145.6,43.3],[145.9,44.0]]}}]})");
    f.close();
    const int before = window->layerList()->model()->rowCount();
    QSignalSpy finished(window.get(), &isv::MainWindow::loadFinished);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF at(window->width() / 2.0, window->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &drop);
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_EQ(window->layerList()->model()->rowCount(), before + 1);
    EXPECT_TRUE(canvas->scene()->layer("route"));
}

TEST_F(MainWindowTest, ClickOnTheSeaClearsAHighlight) {
    isv::MapSettings s = canvas->settings();
    s.highlight = {"shikotan", "habomai"};
    canvas->setSettings(s);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, screenOf({146.6, 43.3}));
    EXPECT_TRUE(canvas->settings().highlight.isEmpty());
}

TEST_F(MainWindowTest, InfoPanelIsDockedOnTheRight) {
    auto* dock = window->findChild<QDockWidget*>("infoDock");
    ASSERT_TRUE(dock);
    EXPECT_EQ(window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
}

TEST(MainWindowSettings, RemembersViewNamesAndOverlaysBetweenRuns) {
    QTemporaryDir dir;
    QSettings store(dir.filePath("isleview.ini"), QSettings::IniFormat);
    geo::Viewport remembered;
    {
        isv::MainWindow w(uitest::testScene(), &store);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.action("names-both")->trigger();
        w.action("claim-russia")->trigger();
        w.action("view-graticule")->trigger();
        w.canvas()->zoomIn();
        remembered = w.canvas()->settings().viewport;
        w.close();
    }
    isv::MainWindow again(uitest::testScene(), &store);
    again.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
    const isv::MapSettings& s = again.canvas()->settings();
    EXPECT_EQ(s.names.namesWord(), "both");
    EXPECT_EQ(s.claims, QStringList{"russia"});
    EXPECT_TRUE(s.hiddenLayers.contains("graticule"));
    EXPECT_NEAR(s.viewport.center.x, remembered.center.x, 1e-6);
    EXPECT_NEAR(s.viewport.metresPerPixel, remembered.metresPerPixel, 1e-9);
    EXPECT_TRUE(again.action("names-both")->isChecked());
    EXPECT_TRUE(again.action("claim-russia")->isChecked());
    EXPECT_FALSE(again.action("view-graticule")->isChecked());
    EXPECT_TRUE(again.placeList()->labels().contains("Etorofu / Iturup"));
}

} // namespace
