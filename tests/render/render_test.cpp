// The render library without files: scene preparation, hit-testing, name sets, overlays, label placement.
#include "exporter.h"
#include "render_map.h"
#include "shipped.h"
#include "worldview.h"

#include <geo/geodesic.h>

#include <algorithm>
#include <cmath>

#include <QImage>
#include <QPainter>

namespace {

using isv::MapSettings;
using isv::NameSet;

struct Drawn {
    QImage image;
    isv::RenderReport report;
};

Drawn render(const MapSettings& s, const std::atomic<bool>* cancel = nullptr) {
    Drawn f{QImage(static_cast<int>(s.viewport.widthPx), static_cast<int>(s.viewport.heightPx),
                   QImage::Format_ARGB32_Premultiplied),
            {}};
    QPainter p(&f.image);
    f.report = isv::renderMap(*shippedScene(), s, p, cancel);
    return f;
}

MapSettings homeSettings(double w = 1200, double h = 800) {
    MapSettings s;
    s.viewport = geo::Viewport::fitting(shippedScene()->homeBounds(), w, h);
    return s;
}

MapSettings focusSettings(const QString& id, double w = 1200, double h = 800) {
    MapSettings s;
    geo::Box b = shippedScene()->placeBounds(id);
    s.viewport = geo::Viewport::fitting(b, w, h, 60);
    return s;
}

const geo::Place& place(const char* id) {
    const geo::Place* p = shippedScene()->data().place(id);
    EXPECT_NE(p, nullptr) << id;
    return *p;
}

TEST(Scene, LevelsOfDetailKeepRingsClosedAndShrinkMonotonically) {
    const auto* land = shippedScene()->layer("land");
    ASSERT_NE(land, nullptr);
    ASSERT_GT(land->parts.size(), 50u);
    int longRings = 0;
    for (const auto& part : land->parts) {
        ASSERT_TRUE(part.closed);
        if (part.ring >= 0) { // a long ring (Hokkaido) keeps its points in runs, each with every level
            ++longRings;
            const isv::SceneRing& ring = land->rings[static_cast<std::size_t>(part.ring)];
            for (std::uint32_t k = 0; k < ring.runCount; ++k)
                for (int l = 0; l < isv::kLevels; ++l)
                    EXPECT_GE(land->runs[ring.firstRun + k].lods[l].size(), 2)
                        << "run " << k << " level " << l;
            continue;
        }
        for (int l = 0; l < isv::kLevels; ++l) {
            EXPECT_GE(part.lods[l].size(), 3) << "feature " << part.feature << " level " << l;
            if (l > 0) {
                EXPECT_LE(part.lods[l].size(), part.lods[l - 1].size());
            }
        }
    }
    EXPECT_GE(longRings, 1) << "Hokkaido";
}

TEST(Scene, HitTestFindsEachIslandAndNotTheSea) {
    const auto scene = shippedScene();
    for (const char* id : {"etorofu", "kunashiri", "shikotan", "shibotsu"}) {
        // The label anchor is computed inside the island (pole of inaccessibility).
        const auto& anchors = scene->anchors();
        const auto it =
            std::find_if(anchors.begin(), anchors.end(), [&](const auto& a) { return a.id == id; });
        ASSERT_NE(it, anchors.end()) << id;
        EXPECT_EQ(scene->placeAt({it->pos.x(), it->pos.y()}), id);
    }
    EXPECT_EQ(scene->placeAt(scene->project({147.5, 43.0})), ""); // open Pacific south of Shikotan
}

TEST(Scene, GroupBoundsContainTheirIslets) {
    const auto scene = shippedScene();
    const geo::Box group = scene->placeBounds("habomai");
    for (const char* islet : {"shibotsu", "suisho", "taraku", "yuri"}) {
        const geo::Box b = scene->placeBounds(islet);
        ASSERT_FALSE(b.empty()) << islet;
        EXPECT_TRUE(group.contains({b.minx, b.miny}) && group.contains({b.maxx, b.maxy})) << islet;
    }
    EXPECT_FALSE(group.intersects(scene->placeBounds("yururi"))) << "Yururi belongs to Hokkaido";
}

TEST(NameSetTest, ParsesWordsAndJoinsNames) {
    NameSet n;
    ASSERT_TRUE(NameSet::parse("both", "latin", &n));
    EXPECT_EQ(n.languages, (QStringList{"ja", "ru"}));
    EXPECT_EQ(n.label(place("etorofu")), "Etorofu / Iturup");
    ASSERT_TRUE(NameSet::parse("russian", "native", &n));
    EXPECT_EQ(n.label(place("etorofu")), "Итуруп");
    EXPECT_EQ(n.namesWord(), "russian");
    EXPECT_EQ(n.scriptWord(), "native");
    ASSERT_TRUE(NameSet::parse("japanese", "both", &n));
    EXPECT_EQ(n.label(place("kunashiri")), "Kunashiri / 国後島");
    // Equal names are not repeated: Shikotan is spelt the same in both Latin sets.
    ASSERT_TRUE(NameSet::parse("both", "latin", &n));
    EXPECT_EQ(n.label(place("shikotan")), "Shikotan");
    EXPECT_FALSE(NameSet::parse("english", "latin", &n));
    EXPECT_FALSE(NameSet::parse("both", "cyrillic", &n));
}

TEST(RenderMap, NameSetDecidesEveryLabel) {
    MapSettings s = homeSettings();
    const auto ja = render(s).report.labels;
    ASSERT_TRUE(NameSet::parse("russian", "latin", &s.names));
    const auto ru = render(s).report.labels;
    EXPECT_TRUE(ja.contains("Etorofu"));
    EXPECT_FALSE(ja.contains("Iturup"));
    EXPECT_TRUE(ru.contains("Iturup"));
    EXPECT_FALSE(ru.contains("Etorofu"));
    ASSERT_TRUE(NameSet::parse("russian", "native", &s.names));
    const auto ruNative = render(s).report.labels;
    EXPECT_TRUE(ruNative.contains("Итуруп"));
    for (const auto& label : ruNative)
        EXPECT_FALSE(label.contains("Etorofu")) << label.toStdString();
}

TEST(RenderMap, LabelsNeverOverlapAtAnyZoomOrNameSet) {
    for (const char* names : {"japanese", "russian", "both"})
        for (const char* script : {"latin", "native", "both"})
            for (const char* focus : {"", "habomai", "kunashiri", "shikotan"}) {
                MapSettings s = *focus ? focusSettings(focus) : homeSettings();
                ASSERT_TRUE(NameSet::parse(names, script, &s.names));
                const auto report = render(s).report;
                EXPECT_GE(report.labels.size(), 3) << names << script << focus;
                for (int i = 0; i < report.labelBoxes.size(); ++i)
                    for (int j = i + 1; j < report.labelBoxes.size(); ++j)
                        EXPECT_FALSE(report.labelBoxes[i].intersects(report.labelBoxes[j]))
                            << report.labels[i].toStdString() << " overlaps "
                            << report.labels[j].toStdString();
            }
}

TEST(RenderMap, ZoomingInShowsMoreIsletLabels) {
    const auto far = render(homeSettings()).report.labels;
    const auto near = render(focusSettings("habomai")).report.labels;
    const QString yuri = NameSet{}.label(place("yuri"));
    EXPECT_FALSE(far.contains(yuri));
    EXPECT_TRUE(near.contains(yuri));
}

TEST(RenderMap, LegendNamesTheViewAndEachSidesPosition) {
    const auto& wv = isv::Worldviews::shipped();
    ASSERT_EQ(wv.claims.size(), 2);
    MapSettings s = homeSettings();
    auto legend = render(s).report.legend;
    EXPECT_TRUE(legend.contains(wv.defacto.title));
    s.claims = {"japan"};
    legend = render(s).report.legend;
    EXPECT_FALSE(legend.contains(wv.defacto.title));
    EXPECT_TRUE(legend.contains(wv.claim("japan")->legendClaim));
    EXPECT_TRUE(legend.contains(wv.claim("japan")->legendBorder));
    EXPECT_FALSE(legend.contains(wv.claim("russia")->legendClaim));
    s.claims = {"japan", "russia"};
    legend = render(s).report.legend;
    EXPECT_TRUE(legend.contains(wv.claim("russia")->legendBorder));
    EXPECT_TRUE(
        std::any_of(legend.begin(), legend.end(), [](const QString& e) { return e.contains("disputed"); }));
}

TEST(RenderMap, ClaimOverlaysChangeTheDisputedIslandsOnly) {
    // Pixels at Shikotan's anchor change when either claim is shown; the open sea far from any claim does
    // not.
    MapSettings s = focusSettings("shikotan", 400, 300);
    s.legend = s.scaleBar = s.northArrow = false;
    s.hiddenLayers = {"labels", "graticule"};
    const auto anchor = [&] {
        for (const auto& a : shippedScene()->anchors())
            if (a.id == "shikotan") return a.pos;
        return QPointF();
    }();
    const geo::Point px = s.viewport.toScreen({anchor.x(), anchor.y()});
    const QImage none = render(s).image;
    int changedJapan = 0, changedRussia = 0, differ = 0;
    s.claims = {"japan"};
    const QImage ja = render(s).image;
    s.claims = {"russia"};
    const QImage ru = render(s).image;
    for (int dy = -6; dy <= 6; ++dy)
        for (int dx = -6; dx <= 6; ++dx) {
            const QPoint p(static_cast<int>(px.x) + dx, static_cast<int>(px.y) + dy);
            changedJapan += none.pixel(p) != ja.pixel(p);
            changedRussia += none.pixel(p) != ru.pixel(p);
            differ += ja.pixel(p) != ru.pixel(p);
        }
    EXPECT_GT(changedJapan, 20);
    EXPECT_GT(changedRussia, 20);
    EXPECT_GT(differ, 20) << "each side has its own colour and pattern";
}

// At every zoom, each claim overlay covers each of the four groups: the disputed area must look disputed.
TEST(RenderMap, EachClaimCoversAllFourGroupsAtEveryZoom) {
    for (const QSize size : {QSize(640, 360), QSize(1280, 720), QSize(2560, 1440)}) {
        MapSettings s = homeSettings(size.width(), size.height());
        s.hiddenLayers = {"labels"}; // a label can cover a whole small island at this scale
        const Drawn plain = render(s);
        const QImage& none = plain.image;
        for (const char* claimant : {"japan", "russia"}) {
            s.claims = {claimant};
            const Drawn claimed = render(s);
            const QImage& with = claimed.image;
            // Label text is not what this test is about: pixels under any label are left out.
            const auto underLabel = [&](int x, int y) {
                for (const auto* r : {&plain.report, &claimed.report})
                    for (const QRectF& b : r->labelBoxes)
                        if (b.contains(x, y)) return true;
                return false;
            };
            for (const char* id : {"etorofu", "kunashiri", "shikotan", "shibotsu"}) {
                const geo::Box b = shippedScene()->placeBounds(id);
                // Every pixel of the island's box that is land in both images: some must change.
                const geo::Point lo = s.viewport.toScreen({b.minx, b.maxy}),
                                 hi = s.viewport.toScreen({b.maxx, b.miny});
                int changed = 0;
                for (int y = int(lo.y); y <= int(hi.y); ++y)
                    for (int x = int(lo.x); x <= int(hi.x); ++x)
                        if (none.valid(x, y) && !underLabel(x, y) && none.pixel(x, y) != with.pixel(x, y))
                            ++changed;
                EXPECT_GT(changed, 2)
                    << claimant << " over " << id << " at " << size.width() << "x" << size.height();
            }
        }
        s.claims.clear();
    }
}

TEST(RenderMap, HighlightMarksTheNamedPlaces) {
    MapSettings s = homeSettings(600, 400);
    s.hiddenLayers = {"labels"};
    const QImage plain = render(s).image;
    s.highlight = {"shikotan"};
    const QImage lit = render(s).image;
    const auto pixelAt = [&](const char* id) {
        for (const auto& a : shippedScene()->anchors())
            if (a.id == id) {
                const geo::Point p = s.viewport.toScreen({a.pos.x(), a.pos.y()});
                return QPoint(int(p.x), int(p.y));
            }
        return QPoint();
    };
    EXPECT_NE(plain.pixel(pixelAt("shikotan")), lit.pixel(pixelAt("shikotan")));
    EXPECT_EQ(plain.pixel(pixelAt("etorofu")), lit.pixel(pixelAt("etorofu")));
}

TEST(RenderMap, CancelStopsEarly) {
    std::atomic<bool> cancel{true};
    const auto report = render(homeSettings(), &cancel).report;
    EXPECT_TRUE(report.cancelled);
    EXPECT_TRUE(report.labels.isEmpty());
}

TEST(RenderMap, DraftUsesCoarserOrEqualDetailAndFewerVertices) {
    MapSettings s = homeSettings(1600, 1000);
    const auto full = render(s).report;
    s.draft = true;
    const auto draft = render(s).report;
    EXPECT_GE(draft.level, full.level);
    EXPECT_LE(draft.vertices, full.vertices);
    EXPECT_GT(full.partsDrawn, 50u);
}

TEST(RenderMap, AttributionNamesSourceNameSetClaimsAndDate) {
    MapSettings s = homeSettings();
    s.claims = {"russia"};
    s.attributionDate = "2026-11-29";
    ASSERT_TRUE(NameSet::parse("both", "native", &s.names));
    const QString text = isv::attributionText(*shippedScene(), s);
    EXPECT_TRUE(text.contains("GSHHG"));
    EXPECT_TRUE(text.contains(s.names.describe()));
    EXPECT_TRUE(text.contains(isv::Worldviews::shipped().claim("russia")->legendClaim));
    EXPECT_TRUE(text.contains("2026-11-29"));
}

// An added layer made in memory: one polygon feature per ring given (lon/lat degrees).
std::shared_ptr<const geo::Layer> polygonLayer(const std::vector<geo::Path>& rings) {
    auto layer = std::make_shared<geo::Layer>();
    layer->name = layer->path = "synthetic";
    layer->fields = {"name"};
    for (const auto& ring : rings) {
        geo::Feature f;
        f.geometry.type = geo::GeometryType::Polygon;
        f.geometry.polygons.push_back({{ring}});
        f.values = {"ring"};
        layer->bounds.expand(geo::bounds(ring));
        layer->features.push_back(std::move(f));
    }
    return layer;
}

// Renders only the added layers (or nothing when `hideAdded`) over the sea.
QImage renderAdded(const isv::Scene& scene, const geo::Box& box, bool hideAdded) {
    MapSettings s;
    s.viewport = geo::Viewport::fitting(box, 200, 150);
    s.hiddenLayers = {"land", "lakes", "borders", "claims", "labels", "graticule"};
    for (const auto& layer : scene.layers())
        if (layer->added && hideAdded) s.hiddenLayers << layer->key;
    s.legend = s.scaleBar = s.northArrow = false;
    QImage image(200, 150, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    isv::renderMap(scene, s, p);
    return image;
}

TEST(Scene, LongRingsAreFilledFromWhatIsInView) {
    // A 40,000-vertex ring (a continent's worth) round 147°E 44°N, 1.5° across.
    geo::Path ring;
    for (int i = 0; i < 40'000; ++i) {
        const double a = 2 * M_PI * i / 40'000;
        ring.push_back({147 + 2.0 * std::cos(a), 44 + 1.5 * std::sin(a)});
    }
    const auto scene = shippedScene()->withLayer(polygonLayer({ring})).value();
    const isv::SceneLayer& added = *scene->layers().back();
    ASSERT_EQ(added.rings.size(), 1U);
    EXPECT_GT(added.runs.size(), 30U);
    const auto around = [&](double lon, double lat) {
        const geo::Point c = scene->project({lon, lat});
        return geo::Box{c.x - 5000, c.y - 5000, c.x + 5000, c.y + 5000};
    };
    const auto centre = [](const QImage& i) { return i.pixel(100, 75); };
    // Inside, far from the coast: filled, though no run is in view.
    EXPECT_NE(centre(renderAdded(*scene, around(147, 44), false)),
              centre(renderAdded(*scene, around(147, 44), true)));
    // Outside: sea.
    EXPECT_EQ(centre(renderAdded(*scene, around(151, 46), false)),
              centre(renderAdded(*scene, around(151, 46), true)));
    // Across the coast (the ring's east end): the inside half filled, the outside half not, from a few
    // runs only.
    const geo::Box edge = around(149, 44);
    const QImage on = renderAdded(*scene, edge, false), off = renderAdded(*scene, edge, true);
    EXPECT_NE(on.pixel(30, 75), off.pixel(30, 75));
    EXPECT_EQ(on.pixel(170, 75), off.pixel(170, 75));
    MapSettings s;
    s.viewport = geo::Viewport::fitting(edge, 200, 150);
    QImage image(200, 150, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    const auto withRing = isv::renderMap(*scene, s, p).vertices;
    const auto without = isv::renderMap(*shippedScene(), s, p).vertices;
    EXPECT_LT(withRing - without, 4000U) << "only the runs in view are read";
}

TEST(Scene, TheFarSideNeitherCrashesNorSmears) {
    // A band round the globe at 0-10°N passes 90° from UTM 55N's meridian, where the projection runs to
    // infinity: the ring must break there rather than be filled across the map (the Kurils, at 44°N, stay
    // sea).
    geo::Path band;
    for (double lon = -180; lon < 180; lon += 0.5)
        band.push_back({lon, 0});
    for (double lon = 180; lon > -180; lon -= 0.5)
        band.push_back({lon, 10});
    const auto scene = shippedScene()->withLayer(polygonLayer({band}));
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    const auto& parts = scene.value()->layers().back()->parts;
    EXPECT_TRUE(std::none_of(parts.begin(), parts.end(), [](const auto& part) { return part.closed; }));
    const geo::Box kurils = shippedScene()->homeBounds();
    EXPECT_EQ(renderAdded(*scene.value(), kurils, false), renderAdded(*scene.value(), kurils, true));
}

TEST(RenderMap, BigFramesDrawnInStripesMatchOneThread) {
    // Frames of half a million pixels or more are drawn as stripes on several threads (when the machine has
    // them); a painter with a clip draws on one. The two must agree but for antialiasing rounding where
    // thin lines are cut at a stripe's edge (the graticule: 1-3 levels on some 1.5 % of the pixels).
    MapSettings s = homeSettings(1600, 1000);
    s.claims = {"japan", "russia"};
    const Drawn striped = render(s);
    QImage single(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&single);
    p.setClipRect(QRect(0, 0, 1600, 1000));
    const auto report = isv::renderMap(*shippedScene(), s, p);
    p.end();
    EXPECT_EQ(report.labels, striped.report.labels);
    EXPECT_EQ(report.legend, striped.report.legend);
    EXPECT_EQ(report.partsDrawn, striped.report.partsDrawn) << "each part counted once";
    EXPECT_EQ(report.vertices, striped.report.vertices);
    int differ = 0, far = 0;
    for (int y = 0; y < single.height(); ++y)
        for (int x = 0; x < single.width(); ++x) {
            const QRgb a = single.pixel(x, y), b = striped.image.pixel(x, y);
            const int d = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                    std::abs(qBlue(a) - qBlue(b))});
            differ += d > 0;
            far += d > 4;
        }
    EXPECT_LT(differ, 1600 * 1000 / 20) << "pixels that differ at all";
    EXPECT_LT(far, 50) << "pixels that differ by more than 4 levels";
}

TEST(RenderMap, DraftFramesAreCappedNearFullHd) {
    MapSettings s = homeSettings(3840, 2160);
    const MapSettings d = isv::draftFrame(s);
    EXPECT_TRUE(d.draft);
    EXPECT_EQ(d.viewport, s.viewport) << "the same view, drawn with fewer device pixels";
    EXPECT_NEAR(d.viewport.widthPx * d.devicePixelRatio, 1920, 1);
    s.viewport = geo::Viewport::fitting(shippedScene()->homeBounds(), 800, 600);
    EXPECT_EQ(isv::draftFrame(s).devicePixelRatio, 1.0) << "small frames keep their resolution";
}

TEST(Scene, RingsUnderAPixelStillShow) {
    // 400 islets of about 160 m x 220 m in a box about 40 km across drawn 150 px high (under 300 m a pixel,
    // so each islet is under a pixel): every one must leave a mark rather than vanish.
    std::vector<geo::Path> rings;
    std::vector<geo::Point> centres;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) {
            const double lon = 146 + 0.025 * i, lat = 44 + 0.018 * j, d = 0.001;
            rings.push_back({{lon - d, lat - d},
                             {lon + d, lat - d},
                             {lon + d, lat + d},
                             {lon - d, lat + d},
                             {lon - d, lat - d}});
            centres.push_back({lon, lat});
        }
    const auto scene = shippedScene()->withLayer(polygonLayer(rings)).value();
    geo::Box box;
    for (const auto& c : centres)
        box.expand(scene->project(c));
    box = {box.minx - 2000, box.miny - 2000, box.maxx + 2000, box.maxy + 2000};
    const QImage on = renderAdded(*scene, box, false), off = renderAdded(*scene, box, true);
    MapSettings s;
    s.viewport = geo::Viewport::fitting(box, 200, 150);
    int shown = 0;
    for (const auto& c : centres) {
        const geo::Point px = s.viewport.toScreen(scene->project(c));
        bool marked = false;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const QPoint at(int(px.x) + dx, int(px.y) + dy);
                if (on.rect().contains(at)) marked |= on.pixel(at) != off.pixel(at);
            }
        shown += marked;
    }
    EXPECT_EQ(shown, 400);
}

} // namespace

namespace {

TEST(RenderMap, WhereTheDataCutsTheLandNoCoastIsDrawn) {
    // Sakhalin is two polygons cut at 50°N (docs/data.md), and the data's box cuts the mainland, northern
    // Sakhalin and Kamchatka: those edges are filled but not outlined, while the real coast beside them is.
    const auto scene = shippedScene();
    const auto* land = scene->layer("land");
    ASSERT_NE(land, nullptr);
    const geo::Layer& coast = scene->data().coast;
    std::vector<geo::Point> cut; // the ends of the 50°N cut, from the data
    for (std::size_t i = 0; i < coast.features.size(); ++i)
        if (coast.value(i, "group") == "south_sakhalin" && coast.value(i, "id") == "sakhalin")
            for (const geo::Point& p : coast.features[i].geometry.polygons.front().rings[0])
                if (p.y == 50.0 && std::find(cut.begin(), cut.end(), p) == cut.end()) cut.push_back(p);
    ASSERT_EQ(cut.size(), 2U);
    const geo::Point a = scene->project(cut[0]), b = scene->project(cut[1]);
    const auto same = [](geo::Point p, geo::Point q) {
        return std::abs(p.x - q.x) + std::abs(p.y - q.y) < 1e-6;
    };
    int along50 = 0, alongBox = 0;
    for (const auto& [p, q] : land->notCoast)
        (same(p, a) && same(q, b)) || (same(p, b) && same(q, a)) ? ++along50 : ++alongBox;
    EXPECT_EQ(along50, 1) << "the cut, once (the pair of edges run both ways is one line)";
    EXPECT_GE(alongBox, 3) << "the box edges of the mainland, northern Sakhalin and Kamchatka";

    MapSettings s;
    s.viewport = geo::Viewport::fitting(scene->projectBox({141.8, 49.75, 143.6, 50.25}), 600, 500);
    s.hiddenLayers = {"graticule", "labels"};
    s.legend = s.scaleBar = s.northArrow = false;
    const Drawn f = render(s);
    // The land's own fill just south of the cut (Sakhalin is filled in the colour of its administration).
    const geo::Point inside = s.viewport.toScreen({(a.x + b.x) / 2, (a.y + b.y) / 2 - 3000});
    const QRgb fill = f.image.pixel(int(inside.x), int(inside.y));
    const int lighter = qRed(fill) + qGreen(fill) + qBlue(fill);
    // Along the cut, between its ends, no dark line.
    int darkest = 3 * 255;
    for (double t = 0.2; t <= 0.8; t += 0.05) {
        const geo::Point on = s.viewport.toScreen({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
        for (int y = int(on.y) - 4; y <= int(on.y) + 4; ++y) {
            const QRgb c = f.image.pixel(int(on.x), y);
            darkest = std::min(darkest, qRed(c) + qGreen(c) + qBlue(c));
        }
    }
    EXPECT_GE(darkest, lighter - 12) << "no dark line along the cut";
    // Along the parallel just north of the cut, from west of the island to its middle, the real coast is
    // crossed: there the outline is drawn.
    const geo::Point west = s.viewport.toScreen(scene->project({141.85, 50.1}));
    const geo::Point mid = s.viewport.toScreen({(a.x + b.x) / 2, (a.y + b.y) / 2});
    int coastLine = 3 * 255;
    for (int x = int(west.x); x <= int(mid.x); ++x) {
        const QRgb c = f.image.pixel(x, int(west.y));
        coastLine = std::min(coastLine, qRed(c) + qGreen(c) + qBlue(c));
    }
    EXPECT_LT(coastLine, lighter - 60) << "real coast in the same frame is outlined";
}

} // namespace

namespace {

TEST(RenderMap, GraticuleLabelsUnderTheLegendAreLeftOut) {
    // Zoomed on Shikotan the legend takes the bottom left corner, where the lowest latitude label would be.
    MapSettings s;
    s.fitOutput(isv::focusBox(*shippedScene(), "shikotan"), {1600, 1000}, 96);
    s.claims = {"japan", "russia"};
    const isv::RenderReport with = render(s).report;
    s.legend = false;
    const isv::RenderReport without = render(s).report;
    EXPECT_FALSE(without.gridLabels.isEmpty());
    EXPECT_LT(with.gridLabels.size(), without.gridLabels.size()) << "a label under the legend is not drawn";
    for (const QString& label : with.gridLabels)
        EXPECT_TRUE(without.gridLabels.contains(label)) << label.toStdString();
}

} // namespace

namespace {

// Kaigara is not in GSHHG; the panel says it is marked at its gazetteer point, and it is: a dot and its name
// once zoomed in near Nosappu (not at the scale of the whole Habomai group).
TEST(RenderMap, KaigaraIsMarkedAtItsGazetteerPoint) {
    const auto scene = shippedScene();
    const geo::Place& kaigara = place("kaigara");
    MapSettings s;
    s.viewport = geo::Viewport::fitting(scene->projectBox({145.80, 43.37, 145.93, 43.42}), 900, 600);
    const Drawn near = render(s);
    const int at = near.report.labels.indexOf("Kaigara");
    ASSERT_GE(at, 0) << near.report.labels.join(", ").toStdString();
    const geo::Point dot = s.viewport.toScreen(scene->project(kaigara.lonlat));
    const QRectF box = near.report.labelBoxes[at];
    EXPECT_NEAR(box.left(), dot.x, 12) << "the name to the right of its dot";
    EXPECT_NEAR(box.center().y(), dot.y, 12);
    const QRgb c = near.image.pixel(int(dot.x), int(dot.y));
    EXPECT_LT(qRed(c) + qGreen(c) + qBlue(c), 300) << "a dark dot at the point";
    EXPECT_FALSE(render(homeSettings()).report.labels.contains("Kaigara")) << "only when zoomed in";
}

// A name the data marks uncertain carries a "?" on the map, in that language only.
TEST(NameSet, UncertainNamesCarryAQuestionMark) {
    const geo::Place& seseki = place("goryachiye_klyuchi");
    NameSet both;
    ASSERT_TRUE(NameSet::parse("both", "native", &both));
    EXPECT_EQ(both.label(seseki), QString("瀬石? / Горячие Ключи"));
    NameSet japanese;
    ASSERT_TRUE(NameSet::parse("japanese", "latin", &japanese));
    EXPECT_EQ(japanese.label(place("kurilsk")), QString("Shana"));
}

// The wider map: Sakhalin and Hokkaido are labelled in a view of the whole story (Hokkaido, labelled at a
// point inside the default view, falls back to its pole when that point's label does not fit).
TEST(RenderMap, TheWiderMapIsLabelled) {
    MapSettings s;
    s.viewport = geo::Viewport::fitting(shippedScene()->projectBox({139, 41, 157, 52}), 1400, 1000);
    const Drawn f = render(s);
    for (const char* name : {"Hokkaidō", "Karafuto", "Etorofu", "Kunashiri", "Habomai", "Paramushiru"})
        EXPECT_TRUE(f.report.labels.contains(name))
            << name << ": " << f.report.labels.join(", ").toStdString();
}

// The default view (homeBounds) is the land inside geo::kHomeLonLat: widening the data beyond it does not
// move it. Projected bounds (UTM 55N) of the data as shipped before the map was widened, which ended at
// that box.
TEST(RenderMap, DefaultViewUnchangedByTheWiderMap) {
    const geo::Box home = shippedScene()->homeBounds();
    EXPECT_NEAR(home.minx, 296033.183, 1.0);
    EXPECT_NEAR(home.miny, 4755712.489, 1.0);
    EXPECT_NEAR(home.maxx, 770091.573, 1.0);
    EXPECT_NEAR(home.maxy, 5125690.340, 1.0);
    // The data itself reaches well beyond it.
    const geo::Box all = shippedScene()->layer("land")->bounds;
    EXPECT_LT(all.minx, home.minx - 300'000);
    EXPECT_GT(all.maxy, home.maxy + 500'000);
}

} // namespace
