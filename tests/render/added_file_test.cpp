// Added files (File → Open, `export --add`) as the window and an export prepare them: every layer of a
// GeoPackage, every kind of part of a mixed file, the load report, and bounded work for pathological rings.
#include "exporter.h"
#include "frame_plan.h"
#include "layer_painter.h"
#include "render_cache.h"
#include "render_map.h"
#include "shipped.h"
#include "test_files.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <cmath>

namespace {

// The open Pacific south-east of the islands: no land, labels or graticule lines near the test points.
const geo::Box kSea{150, 41, 153, 43};

isv::MapSettings seaSettings(const isv::Scene& scene) {
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(scene.projectBox(kSea), 800, 600);
    s.legend = s.scaleBar = s.northArrow = false;
    s.hiddenLayers = {"graticule", "labels"};
    return s;
}

// How a window opens a file, and how `isleview export --add` does (only the view, at the level it draws).
std::shared_ptr<const isv::Scene> openAsWindow(const QString& path) {
    auto r = shippedScene()->withFile(path.toStdString());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r ? r.value() : nullptr;
}

std::shared_ptr<const isv::Scene> openAsExport(const QString& path) {
    const auto base = shippedScene();
    isv::ExportOptions o;
    o.settings = seaSettings(*base);
    auto r =
        base->withFile(path.toStdString(), {.within = {149, 40, 154, 44}, .minLevel = isv::exportLevel(o)});
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r ? r.value() : nullptr;
}

struct Frame {
    QImage image;
    isv::RenderReport report;
};

Frame render(const isv::Scene& scene, const isv::MapSettings& s) {
    Frame f{QImage(800, 600, QImage::Format_ARGB32_Premultiplied), {}};
    QPainter p(&f.image);
    f.report = isv::renderMap(scene, s, p);
    return f;
}

// The pixel of a lon/lat point in the frame.
QPoint pixelOf(const isv::Scene& scene, const isv::MapSettings& s, geo::Point lonLat) {
    const geo::Point xy = scene.project(lonLat);
    return isv::mapToScreen(s.viewport).map(QPointF(xy.x, xy.y)).toPoint();
}

// How far the colour nearest `added` within a pixel of `at` is from it (0: exactly that colour).
int distanceToAdded(const QImage& image, QPoint at, const QColor& added) {
    int best = 1000;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const QColor c = image.pixelColor(at + QPoint(dx, dy));
            best = std::min(best, std::abs(c.red() - added.red()) + std::abs(c.green() - added.green()) +
                                      std::abs(c.blue() - added.blue()));
        }
    return best;
}

const std::vector<geo::Point> kPoints{{150.5, 41.5}, {151.5, 42.5}, {152.5, 41.8}};

TEST(AddedFile, PointsAreDrawnInTheWindowAndInAnExport) {
    QTemporaryDir dir;
    const QString path = writeTestFile(dir, "harbours.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[150.5,41.5]}},
 {"type":"Feature","properties":{"n":2},"geometry":{"type":"Point","coordinates":[151.5,42.5]}},
 {"type":"Feature","properties":{"n":3},"geometry":{"type":"MultiPoint","coordinates":[[152.5,41.8]]}}]})");
    for (const auto& scene : {openAsWindow(path), openAsExport(path)}) {
        ASSERT_TRUE(scene);
        const isv::SceneLayer& layer = *scene->layers().back();
        EXPECT_TRUE(layer.hasPoints);
        ASSERT_EQ(layer.parts.size(), 3U) << "a point survives an export's level of detail";
        const isv::MapSettings s = seaSettings(*scene);
        const Frame f = render(*scene, s);
        EXPECT_TRUE(f.report.errors.isEmpty()) << f.report.errors.join("; ").toStdString();
        for (const geo::Point& p : kPoints)
            EXPECT_LT(distanceToAdded(f.image, pixelOf(*scene, s, p), scene->style().added), 30)
                << p.x << "," << p.y;
    }
}

TEST(AddedFile, AMixedFileDrawsItsPointsAndItsLinesInTheWindowAndInAnExport) {
    // The point comes first: the layer's first feature must not decide how the others are drawn.
    QTemporaryDir dir;
    const QString path = writeTestFile(dir, "mixed.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[150.5,41.5]}},
 {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[151.2,41.3],[152.4,42.6]]}},
 {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
   {"type":"Point","coordinates":[152.5,41.8]},
   {"type":"LineString","coordinates":[[150.3,42.7],[151.0,42.7]]}]}}]})");
    for (const auto& scene : {openAsWindow(path), openAsExport(path)}) {
        ASSERT_TRUE(scene);
        const isv::SceneLayer& layer = *scene->layers().back();
        EXPECT_TRUE(layer.hasPoints);
        EXPECT_TRUE(layer.hasLines);
        EXPECT_FALSE(layer.hasRings);
        const isv::MapSettings s = seaSettings(*scene);
        isv::RenderCache cache;
        const isv::FramePlan plan = isv::planFrame(*scene, s, cache, true);
        int lineSteps = 0, pointSteps = 0;
        for (const auto& step : plan.steps)
            if (step.layer == &layer) (step.points ? pointSteps : lineSteps)++;
        EXPECT_EQ(lineSteps, 1);
        EXPECT_EQ(pointSteps, 1);

        const Frame f = render(*scene, s);
        const QColor added = scene->style().added;
        EXPECT_LT(distanceToAdded(f.image, pixelOf(*scene, s, {150.5, 41.5}), added), 30) << "the point";
        EXPECT_LT(distanceToAdded(f.image, pixelOf(*scene, s, {152.5, 41.8}), added), 30)
            << "the collection's";
        // Midway along each line (projected ends averaged: the line is straight in the map).
        const auto mid = [&](geo::Point a, geo::Point b) {
            const geo::Point pa = scene->project(a), pb = scene->project(b);
            return isv::mapToScreen(s.viewport).map(QPointF((pa.x + pb.x) / 2, (pa.y + pb.y) / 2)).toPoint();
        };
        // A one-pixel line may straddle two rows, each half covered: tinted well towards the colour.
        const int sea = distanceToAdded(f.image, pixelOf(*scene, s, {150.3, 41.2}), added);
        EXPECT_GT(sea, 200) << "nothing of the added colour far from them";
        EXPECT_LT(distanceToAdded(f.image, mid({151.2, 41.3}, {152.4, 42.6}), added), sea * 0.6)
            << "the line";
        EXPECT_LT(distanceToAdded(f.image, mid({150.3, 42.7}, {151.0, 42.7}), added), sea * 0.6)
            << "the collection's";
    }
}

// A GeoPackage of `harbours` (points), `ferries` (lines) and `tariffs` (a table without geometry).
QString writeGeoPackage(const QTemporaryDir& dir) {
    const QString path = dir.filePath("ports.gpkg");
    GDALAllRegister();
    GDALDatasetH ds =
        GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    EXPECT_NE(ds, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    const auto add = [&](const char* name, OGRwkbGeometryType type, std::vector<const char*> wkts) {
        OGRLayerH layer = GDALDatasetCreateLayer(ds, name, type == wkbNone ? nullptr : srs, type, nullptr);
        EXPECT_NE(layer, nullptr) << name;
        OGRFieldDefnH field = OGR_Fld_Create("name", OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
        for (const char* wkt : wkts) {
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            OGR_F_SetFieldString(f, 0, name);
            if (wkt) {
                OGRGeometryH g = nullptr;
                char* text = const_cast<char*>(wkt);
                OGR_G_CreateFromWkt(&text, nullptr, &g);
                OGR_F_SetGeometryDirectly(f, g);
            }
            EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
            OGR_F_Destroy(f);
        }
    };
    add("harbours", wkbPoint, {"POINT (150.5 41.5)", "POINT (151.5 42.5)"});
    add("ferries", wkbLineString, {"LINESTRING (151.2 41.3,152.4 42.6)"});
    add("tariffs", wkbNone, {nullptr});
    OSRRelease(srs);
    GDALClose(ds);
    return path;
}

TEST(AddedFile, EveryLayerOfAGeoPackageIsAddedTitledWithTheFileAndLayer) {
    QTemporaryDir dir;
    const QString path = writeGeoPackage(dir);
    for (const auto& scene : {openAsWindow(path), openAsExport(path)}) {
        ASSERT_TRUE(scene);
        ASSERT_EQ(scene->layers().size(), shippedScene()->layers().size() + 2);
        QStringList titles;
        QStringList notes;
        for (std::size_t i = shippedScene()->layers().size(); i < scene->layers().size(); ++i) {
            const isv::SceneLayer& l = *scene->layers()[i];
            EXPECT_TRUE(l.added);
            EXPECT_EQ(l.key, l.title);
            titles << l.title;
            notes << l.notes;
            ASSERT_TRUE(l.source);
            EXPECT_EQ(l.source->path, path.toStdString());
        }
        titles.sort();
        EXPECT_EQ(titles, (QStringList{"ports: ferries", "ports: harbours"}));
        EXPECT_EQ(scene->layer("ports: harbours")->source->size(), 2U);
        EXPECT_TRUE(scene->layer("ports: harbours")->hasPoints);
        EXPECT_TRUE(scene->layer("ports: ferries")->hasLines);
        // The table without geometry is said to be left out, naming the file and the layer.
        ASSERT_EQ(notes.size(), 1) << notes.join("\n").toStdString();
        EXPECT_TRUE(notes[0].contains("ports.gpkg (layer tariffs)")) << notes[0].toStdString();
        EXPECT_TRUE(notes[0].contains("a table without geometry (layer left out)")) << notes[0].toStdString();
        // Both drawn.
        const isv::MapSettings s = seaSettings(*scene);
        const Frame f = render(*scene, s);
        EXPECT_LT(distanceToAdded(f.image, pixelOf(*scene, s, {151.5, 42.5}), scene->style().added), 30);
    }
    // One layer when asked for one.
    auto one = shippedScene()->withFile(path.toStdString(), {.layer = "ferries"});
    ASSERT_TRUE(one.ok()) << one.error().message;
    ASSERT_EQ(one.value()->layers().size(), shippedScene()->layers().size() + 1);
    EXPECT_EQ(one.value()->layers().back()->source->name, "ferries");
}

TEST(AddedFile, TheLoadReportOfBadRecordsReachesTheLayersNotes) {
    QTemporaryDir dir;
    const QString path = writeTestFile(dir, "damaged.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[150.5,41.5]}},
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e300,41.5]}},
 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[151,42],[151.5,42]]]}}]})");
    const auto scene = openAsWindow(path);
    ASSERT_TRUE(scene);
    const QStringList& notes = scene->layers().back()->notes;
    ASSERT_EQ(notes.size(), 2) << notes.join("\n").toStdString();
    for (const QString& n : notes)
        EXPECT_TRUE(n.startsWith(path)) << n.toStdString();
    EXPECT_TRUE(notes.join("\n").contains("1 feature(s) skipped: coordinates"))
        << notes.join("\n").toStdString();
}

// Rings of `n` long zigzag edges across 125-170°E, 25-65°N, and one small square ring.
QString writeZigzags(const QTemporaryDir& dir, int rings, int n) {
    QString features;
    for (int k = 0; k < rings; ++k) {
        QString ring;
        for (int i = 0; i <= n; ++i) {
            const int j = i % n;
            const double lat = 25 + 40.0 * j / n + 0.01 * k, lon = j % 2 ? 170 - 0.05 * k : 125 + 0.05 * k;
            ring += QString("%1[%2,%3]").arg(i ? "," : "").arg(lon, 0, 'f', 4).arg(lat, 0, 'f', 6);
        }
        features += QString(R"({"type":"Feature","properties":{"k":%1},"geometry":{"type":"Polygon",)"
                            R"("coordinates":[[%2]]}},)")
                        .arg(k)
                        .arg(ring);
    }
    features += R"({"type":"Feature","properties":{"k":-1},"geometry":{"type":"Polygon","coordinates":)"
                R"([[[151,42],[151.4,42],[151.4,42.3],[151,42.3],[151,42]]]}})";
    return writeTestFile(dir, "zigzag.geojson",
                         QString(R"({"type":"FeatureCollection","features":[%1]})").arg(features).toUtf8());
}

TEST(AddedFile, RingsOfLongZigzagEdgesTakeBoundedWorkAndAreSaidToBeLeftOut) {
    // Each ring's outline would cross an 800x600 frame some 20,000 times: drawing it took seconds (and
    // preparing it minutes, in Douglas-Peucker). Left out, with a note naming the layer; the square drawn.
    QTemporaryDir dir;
    const QString path = writeZigzags(dir, 3, 20'000);
    const auto base = shippedScene();
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(base->projectBox({125, 25, 170, 65}), 800, 600);
    auto opened =
        base->withFile(path.toStdString(), {.within = {120, 20, 175, 70}, .minLevel = isv::levelOfDetail(s)});
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    const isv::Scene& scene = *opened.value();
    const isv::SceneLayer& layer = *scene.layers().back();
    std::size_t stored = 0;
    for (const auto& part : layer.parts)
        stored += part.lods[isv::levelOfDetail(s)].count;
    for (const auto& run : layer.runs) // long rings are kept as runs
        stored += run.lods[isv::levelOfDetail(s)].count;
    EXPECT_GT(stored, 3u * 19'000)
        << "every corner of the zigzags is kept (bounded work, not a coarser line)";
    EXPECT_EQ(layer.parts.size(), 4u) << layer.rings.size() << " long rings";

    const Frame f = render(scene, s);
    EXPECT_TRUE(f.report.errors.isEmpty()) << f.report.errors.join("; ").toStdString();
    ASSERT_EQ(f.report.omitted.size(), 1) << f.report.omitted.join("\n").toStdString();
    EXPECT_TRUE(f.report.omitted[0].startsWith("zigzag: 3 part(s) not drawn"))
        << f.report.omitted[0].toStdString();
    EXPECT_LT(f.report.vertices, 20'000u) << "the zigzags' 60,000 vertices are not drawn";
    EXPECT_EQ(isv::drawingNotes(scene, s), f.report.omitted) << "the command line says the same";
    // The square is drawn.
    EXPECT_LT(distanceToAdded(f.image, pixelOf(scene, s, {151.2, 42}), scene.style().added), 90);

    // Zoomed in far enough, the same rings are drawn (what is in view is little).
    isv::MapSettings close;
    close.viewport = geo::Viewport::fitting(base->projectBox({147, 44, 147.05, 44.04}), 800, 600);
    const Frame near = render(scene, close);
    EXPECT_TRUE(near.report.omitted.isEmpty()) << near.report.omitted.join("\n").toStdString();
}

TEST(AddedFile, AnOrdinaryFileLeavesNothingOut) {
    QTemporaryDir dir;
    const QString path = writeZigzags(dir, 0, 2);
    const auto scene = openAsWindow(path);
    ASSERT_TRUE(scene);
    const Frame f = render(*scene, seaSettings(*scene));
    EXPECT_TRUE(f.report.omitted.isEmpty()) << f.report.omitted.join("\n").toStdString();
    EXPECT_TRUE(isv::drawingNotes(*scene, seaSettings(*scene)).isEmpty());
}

} // namespace
