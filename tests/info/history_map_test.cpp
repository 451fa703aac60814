// The map of a day drawn from the shipped timeline over the shipped data: land is tinted by who
// administered each group that day, and the picture of 1880 differs from today's where it should (Urup)
// and only there.
#include "history.h"

#include "frame_plan.h"
#include "render_map.h"
#include "scene.h"

#include <geo/map_data.h>
#include <geo/projection.h>

#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>

namespace {

// Drawing needs fonts, and fonts a GUI application (offscreen).
void ensureApp() {
    static int argc = 1;
    static char name[] = "info_tests";
    static char* argv[] = {name, nullptr};
    if (QCoreApplication::instance()) return;
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static QApplication* app = new QApplication(argc, argv);
    (void)app;
}

std::shared_ptr<const isv::Scene> scene() {
    ensureApp();
    static const std::shared_ptr<const isv::Scene> s = [] {
        auto data = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
        EXPECT_TRUE(data.ok());
        return isv::Scene::build(std::make_shared<const geo::MapData>(std::move(data).value()),
                                 geo::kDisplayCrs)
            .value();
    }();
    return s;
}

const isv::History& history() {
    static const isv::History h = isv::History::load(ISLEVIEW_SOURCE_HISTORY_DIR "/timeline.json").value();
    return h;
}

isv::MapSettings settingsOn(const char* iso) {
    isv::MapSettings s;
    s.fitOutput(scene()->homeBounds(), QSize(600, 400), 96);
    if (iso) {
        const QDate day = QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
        s.dated = history().mapOn(day, "Administration on " + day.toString(Qt::ISODate));
    }
    return s;
}

// The tint of the land step's parts whose `group` is `group` (all the same, else invalid).
QColor tintOf(const isv::FramePlan& plan, const char* group) {
    const isv::LayerStep& land = plan.steps.front();
    const int f = land.layer->source->fieldIndex("group");
    QColor out;
    for (std::size_t i = 0; i < land.layer->parts.size(); ++i)
        if (land.layer->source->value(land.layer->parts[i].feature, static_cast<std::size_t>(f)) == group) {
            if (out.isValid() && out != land.partFill[i]) return {};
            out = land.partFill[i];
        }
    return out;
}

// The step that draws the borders layer.
const isv::LayerStep& bordersStep(const isv::FramePlan& plan) {
    for (const isv::LayerStep& step : plan.steps)
        if (step.layer == scene()->layer("borders")) return step;
    ADD_FAILURE() << "no borders step";
    return plan.steps.front();
}

QImage draw(const isv::MapSettings& s) {
    QImage img(s.pixelSize(), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    const isv::RenderReport r = isv::renderMap(*scene(), s, p);
    EXPECT_TRUE(r.errors.isEmpty()) << r.errors.join("; ").toStdString();
    return img;
}

TEST(HistoryMap, UrupTintFollowsTheDay) {
    const auto& defacto = scene()->style().worldviews.defacto;
    const isv::FramePlan p1860 = isv::planLayers(*scene(), settingsOn("1860-06-01"), true);
    const isv::FramePlan p1880 = isv::planLayers(*scene(), settingsOn("1880-06-01"), true);
    const isv::FramePlan today = isv::planLayers(*scene(), settingsOn(nullptr), true);
    const isv::DatedMap m = history().mapOn(QDate(1880, 6, 1), "x");
    EXPECT_EQ(tintOf(p1860, "urup"), m.colour("russia", defacto));
    EXPECT_EQ(tintOf(p1880, "urup"), m.colour("japan", defacto));
    EXPECT_EQ(tintOf(today, "urup"), m.colour("russia", defacto));
    EXPECT_EQ(tintOf(p1880, "etorofu"), tintOf(p1860, "etorofu"));
    EXPECT_NE(tintOf(p1880, "etorofu"), tintOf(today, "etorofu"));
    EXPECT_EQ(tintOf(p1880, "hokkaido"), tintOf(today, "hokkaido"));
}

TEST(HistoryMap, TodaysDatedMapTintsLikeTheDefactoView) {
    const isv::FramePlan dated = isv::planLayers(*scene(), settingsOn("2025-01-01"), true);
    const isv::FramePlan today = isv::planLayers(*scene(), settingsOn(nullptr), true);
    EXPECT_EQ(dated.steps.front().partFill, today.steps.front().partFill);
    // The enforced line, drawn from the same borders parts.
    ASSERT_EQ(dated.steps.size(), today.steps.size());
    EXPECT_EQ(bordersStep(dated).parts, bordersStep(today).parts);
}

TEST(HistoryMap, BorderLinesOfTheDay) {
    // 1860: the Shimoda line from the borders layer, not today's enforced line.
    const isv::FramePlan p1860 = isv::planLayers(*scene(), settingsOn("1860-06-01"), true);
    const isv::FramePlan today = isv::planLayers(*scene(), settingsOn(nullptr), true);
    EXPECT_NE(bordersStep(p1860).parts, bordersStep(today).parts);
    EXPECT_NE(std::find(bordersStep(p1860).parts.begin(), bordersStep(p1860).parts.end(), true),
              bordersStep(p1860).parts.end());
    // 1910: the 50°N line is a polyline, outside this view; it projects but lies off the frame.
    isv::MapSettings s1910 = settingsOn("1910-06-01");
    ASSERT_EQ(s1910.dated->lines.size(), 2);
    EXPECT_EQ(s1910.dated->lines[1].lonLat.front().y(), 50.0);
}

TEST(HistoryMap, The1880PictureDiffersFromTodaysInUrupOnly) {
    const QImage a = draw(settingsOn("1880-06-01")), b = draw(settingsOn(nullptr));
    ASSERT_EQ(a.size(), b.size());
    // Urup's box on screen (its label anchor's surroundings) versus Hokkaido's.
    const auto& v = settingsOn(nullptr).viewport;
    const auto screenBox = [&](const char* id) {
        const geo::Box box = scene()->placeBounds(QString::fromLatin1(id));
        const geo::Point p0 = v.toScreen({box.minx, box.maxy}), p1 = v.toScreen({box.maxx, box.miny});
        return QRectF(QPointF(p0.x, p0.y), QPointF(p1.x, p1.y)).normalized().toRect().intersected(a.rect());
    };
    const auto differing = [&](const QRect& r) {
        int n = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                n += a.pixel(x, y) != b.pixel(x, y);
        return n;
    };
    const QRect urup = screenBox("urup");
    ASSERT_FALSE(urup.isEmpty());
    EXPECT_GT(differing(urup), 300) << "Urup's fill should change between 1880 and today";
    const QColor japan = scene()->style().worldviews.defacto.adminColours.front().second;
    int japaneseInUrup = 0;
    for (int y = urup.top(); y <= urup.bottom(); ++y)
        for (int x = urup.left(); x <= urup.right(); ++x)
            japaneseInUrup += QColor(a.pixel(x, y)) == japan;
    EXPECT_GT(japaneseInUrup, 100);
}

} // namespace
