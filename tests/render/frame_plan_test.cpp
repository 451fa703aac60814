// The frame plan (what is drawn where, without pixels), the style as data, the caller's render cache and
// render errors as values.
#include "exporter.h"
#include "frame_plan.h"
#include "render_cache.h"
#include "render_map.h"
#include "shipped.h"

#include <image_compare.h>

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

namespace {

using isv::MapSettings;

MapSettings home(double w = 1200, double h = 800) {
    MapSettings s;
    s.viewport = geo::Viewport::fitting(shippedScene()->homeBounds(), w, h);
    return s;
}

QImage draw(const isv::Scene& scene, const MapSettings& s, isv::RenderReport* report = nullptr,
            isv::RenderCache* cache = nullptr) {
    QImage image(static_cast<int>(s.viewport.widthPx), static_cast<int>(s.viewport.heightPx),
                 QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    const isv::RenderReport r = isv::renderMap(scene, s, p, nullptr, cache);
    if (report) *report = r;
    return image;
}

QStringList texts(const std::vector<isv::PlacedLabel>& labels) {
    QStringList out;
    for (const auto& l : labels)
        out << l.text.text;
    return out;
}

// The shipped style file with one piece of text replaced.
QByteArray shippedStyleWith(const char* from, const char* to) {
    QFile f(":/isleview/style.json");
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    QByteArray json = f.readAll();
    EXPECT_TRUE(json.contains(from)) << from;
    return json.replace(from, to);
}

// The shipped scene in the shipped style with one piece of text replaced.
std::shared_ptr<const isv::Scene> sceneWithStyle(const char* from, const char* to) {
    auto style = isv::MapStyle::fromJson(shippedStyleWith(from, to), "test.json", isv::Worldviews::shipped());
    EXPECT_TRUE(style.ok()) << (style.ok() ? "" : style.error().message);
    return style.ok()
               ? shippedScene()->withStyle(std::make_shared<const isv::MapStyle>(std::move(style).value()))
               : shippedScene();
}

TEST(FramePlan, PlacesLabelsAndFurnitureWithoutPixelsAndWithoutOverlaps) {
    isv::RenderCache cache;
    const isv::FramePlan plan = isv::planFrame(*shippedScene(), home(), cache, true);
    EXPECT_TRUE(texts(plan.labels).contains("Etorofu"));
    EXPECT_TRUE(texts(plan.labels).contains("Kunashiri"));
    ASSERT_TRUE(plan.legend.has_value());
    ASSERT_TRUE(plan.scaleBar.has_value());
    EXPECT_TRUE(plan.northArrow.has_value());
    EXPECT_FALSE(plan.graticule.empty());
    const QRectF frame(0, 0, 1200, 800);
    EXPECT_TRUE(frame.contains(plan.legend->box));
    for (const auto& l : plan.labels) {
        EXPECT_TRUE(frame.contains(l.text.box)) << l.text.text.toStdString();
        EXPECT_FALSE(l.text.box.intersects(plan.legend->box)) << l.text.text.toStdString();
        EXPECT_FALSE(l.text.box.intersects(plan.scaleBar->box)) << l.text.text.toStdString();
    }
    for (std::size_t i = 0; i < plan.labels.size(); ++i)
        for (std::size_t j = i + 1; j < plan.labels.size(); ++j)
            EXPECT_FALSE(plan.labels[i].text.box.intersects(plan.labels[j].text.box));
    for (const auto& g : plan.gridLabels)
        EXPECT_FALSE(g.box.intersects(plan.legend->box)) << g.text.toStdString();
}

TEST(FramePlan, TheReportOfAStripedFrameIsThePlan) {
    // 2400 x 1600 is drawn in stripes on two or more cores: each paints the one plan, none lays it out again.
    const MapSettings s = home(2400, 1600);
    isv::RenderCache cache;
    const isv::FramePlan plan = isv::planFrame(*shippedScene(), s, cache, true);
    isv::RenderReport report;
    draw(*shippedScene(), s, &report);
    EXPECT_EQ(report.labels, texts(plan.labels));
    ASSERT_EQ(report.labelBoxes.size(), static_cast<qsizetype>(plan.labels.size()));
    for (std::size_t i = 0; i < plan.labels.size(); ++i)
        EXPECT_EQ(report.labelBoxes[static_cast<qsizetype>(i)], plan.labels[i].text.box);
    EXPECT_EQ(report.gridLabels.size(), static_cast<qsizetype>(plan.gridLabels.size()));
    EXPECT_EQ(report.level, plan.level);
}

TEST(FramePlan, LayerStepsFollowTheClaimsShownNotBranchesOnNames) {
    isv::RenderCache cache;
    MapSettings s = home();
    const auto stepsOf = [&](const char* key, const isv::FramePlan& plan) {
        int n = 0;
        for (const auto& step : plan.steps)
            n += step.layer->key == key;
        return n;
    };
    const isv::FramePlan defacto = isv::planFrame(*shippedScene(), s, cache, true);
    EXPECT_EQ(stepsOf("claims", defacto), 0);
    EXPECT_EQ(stepsOf("borders", defacto), 1) << "the line enforced today";
    s.claims = {"japan", "russia"};
    const isv::FramePlan both = isv::planFrame(*shippedScene(), s, cache, true);
    // Each side's own land, then the land both claim, filled once with the two hatchings composed.
    EXPECT_EQ(stepsOf("claims", both), 3);
    EXPECT_EQ(stepsOf("borders", both), 4) << "a halo and a line for each side";
    bool composed = false;
    for (const auto& step : both.steps)
        composed = composed || step.hatch.size() == 2;
    EXPECT_TRUE(composed);
}

TEST(MapStyle, TheShippedStyleLoadsAndNamesEveryKindOfPlace) {
    const auto style = isv::MapStyle::shipped();
    ASSERT_TRUE(style);
    for (const char* kind : {"group", "island", "islet", "sea", "strait", "settlement", "cape"})
        EXPECT_TRUE(style->kinds.contains(kind)) << kind;
    EXPECT_TRUE(style->label("settlement").point);
    EXPECT_TRUE(style->label("island").area);
    EXPECT_FALSE(style->worldviews.claims.isEmpty());
}

TEST(MapStyle, ABadStyleFileIsAnErrorNamingTheFileAndTheKey) {
    const auto wv = isv::Worldviews::shipped();
    auto notJson = isv::MapStyle::fromJson("{ nope", "mine.json", wv);
    ASSERT_FALSE(notJson.ok());
    EXPECT_NE(notJson.error().message.find("mine.json"), std::string::npos);
    auto badColour = isv::MapStyle::fromJson(
        shippedStyleWith("\"sea\": \"#c9dff0\"", "\"sea\": \"sea-blue\""), "mine.json", wv);
    ASSERT_FALSE(badColour.ok());
    EXPECT_NE(badColour.error().message.find("'sea'"), std::string::npos) << badColour.error().message;
}

TEST(MapStyle, TheMapIsDrawnInTheScenesStyle) {
    const auto dark = sceneWithStyle("\"sea\": \"#c9dff0\"", "\"sea\": \"#102030\"");
    MapSettings s = home(400, 300);
    s.legend = s.scaleBar = s.northArrow = false;
    s.hiddenLayers = {"graticule", "labels"};
    // The top left corner of the home view is open sea.
    EXPECT_EQ(draw(*shippedScene(), s).pixelColor(3, 3), QColor("#c9dff0"));
    EXPECT_EQ(draw(*dark, s).pixelColor(3, 3), QColor("#102030"));
}

TEST(RenderCache, FramesDrawnWithTheCallersCacheMatchFramesWithout) {
    MapSettings s = home(1600, 1000);
    s.claims = {"japan", "russia"};
    const QImage fresh = draw(*shippedScene(), s);
    isv::RenderCache cache;
    // The stripe split moves from frame to frame and the sprites are reused; the map does not change. (Qt
    // keeps glyph caches per thread, and a glyph's first drawing on a thread can differ by a few levels.)
    for (int i = 0; i < 3; ++i) {
        const auto diff = isvtest::compareImages(draw(*shippedScene(), s, nullptr, &cache), fresh,
                                                 {.channelTolerance = 4, .allowedFraction = 1e-4});
        EXPECT_TRUE(diff.passed) << "frame " << i << ": " << diff.message.toStdString();
    }
}

TEST(RenderErrors, AClaimantWithNoStyleIsReportedNamingTheLayer) {
    MapSettings s = home(400, 300);
    s.claims = {"atlantis"};
    isv::RenderReport report;
    draw(*shippedScene(), s, &report);
    ASSERT_EQ(report.errors.size(), 1);
    EXPECT_TRUE(report.errors.front().startsWith("claims:")) << report.errors.front().toStdString();
    EXPECT_TRUE(report.errors.front().contains("atlantis"));
}

TEST(RenderErrors, AnExportWithARenderErrorFailsAndWritesNothing) {
    QTemporaryDir dir;
    isv::ExportOptions o;
    o.path = dir.filePath("map.png");
    o.settings = home(400, 300);
    o.settings.claims = {"atlantis"};
    const auto result = isv::exportMap(*shippedScene(), o);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("map.png"), std::string::npos);
    EXPECT_NE(result.error().message.find("atlantis"), std::string::npos);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST(RenderErrors, APainterThatIsNotActiveIsAnErrorNotAnEmptyImage) {
    QImage none; // as when a frame cannot be allocated
    QPainter p(&none);
    const auto report = isv::renderMap(*shippedScene(), home(400, 300), p);
    ASSERT_FALSE(report.errors.isEmpty());
    EXPECT_TRUE(report.labels.isEmpty());
}

TEST(MapStyle, LabelStylesAreResolvedFromTheScenesStyle) {
    const auto big = sceneWithStyle("\"group\": {\"size\": 12.5", "\"group\": {\"size\": 20");
    isv::RenderCache cache;
    const auto sizeOf = [&](const isv::Scene& scene, const QString& text) {
        for (const auto& l : isv::planFrame(scene, home(), cache, true).labels)
            if (l.text.text == text) return l.text.font.pointSizeF();
        return 0.0;
    };
    EXPECT_EQ(sizeOf(*shippedScene(), "Kunashiri"), 12.5);
    EXPECT_EQ(sizeOf(*big, "Kunashiri"), 20.0);
}

} // namespace
