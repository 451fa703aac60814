// Scene::withFile: a file read feature by feature, in full or as a coarse first look, and stopped on request.
#include "shipped.h"

#include <QFile>
#include <QLineF>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace {

// A GeoJSON file of `islands` wiggly rings of 2,000 vertices (about 1.5° across) and as many islets of
// 0.01°, around 145-149°E 43-46°N.
QString writeIslands(const QTemporaryDir& dir, int islands) {
    QString features;
    for (int k = 0; k < islands; ++k) {
        const double lon = 145.5 + 1.2 * k, lat = 43.5 + 0.8 * (k % 3);
        QString ring;
        for (int i = 0; i <= 2000; ++i) {
            const double a = 2 * std::numbers::pi * (i % 2000) / 2000;
            const double r = 0.6 + 0.05 * std::sin(40 * a) + 0.01 * std::sin(333 * a);
            ring += QString("%1[%2,%3]")
                        .arg(i ? "," : "")
                        .arg(lon + r * std::cos(a), 0, 'f', 6)
                        .arg(lat + 0.7 * r * std::sin(a), 0, 'f', 6);
        }
        const QString islet = QString("[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]")
                                  .arg(lon + 0.8)
                                  .arg(lat + 0.8)
                                  .arg(lon + 0.81)
                                  .arg(lat + 0.81);
        features += QString(R"(%1{"type":"Feature","properties":{"n":%2},"geometry":{"type":"Polygon",)"
                            R"("coordinates":[[%3]]}},{"type":"Feature","properties":{"n":%4},)"
                            R"("geometry":{"type":"Polygon","coordinates":[[%5]]}})")
                        .arg(k ? "," : "")
                        .arg(2 * k)
                        .arg(ring)
                        .arg(2 * k + 1)
                        .arg(islet);
    }
    const QString path = dir.filePath("islands.geojson");
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QString(R"({"type":"FeatureCollection","features":[%1]})").arg(features).toUtf8());
    return path;
}

std::size_t vertices(const isv::SceneLayer& layer) {
    std::size_t n = 0;
    for (const auto& part : layer.parts)
        n += part.lods[0].count;
    return n;
}

std::map<std::uint32_t, geo::Box> featureBounds(const isv::SceneLayer& layer) {
    std::map<std::uint32_t, geo::Box> out;
    for (const auto& part : layer.parts)
        out[part.feature].expand(part.box);
    return out;
}

TEST(SceneFile, CoarsePassKeepsFewerVerticesAndTheSameShapes) {
    QTemporaryDir dir;
    const QString path = writeIslands(dir, 3);
    const auto base = shippedScene();
    auto full = base->withFile(path.toStdString());
    auto coarse = base->withFile(path.toStdString(), {.coarseDeg = isv::kCoarseDeg});
    ASSERT_TRUE(full.ok()) << full.error().message;
    ASSERT_TRUE(coarse.ok()) << coarse.error().message;
    const isv::SceneLayer& f = *full.value()->layers().back();
    const isv::SceneLayer& c = *coarse.value()->layers().back();
    EXPECT_EQ(c.key, f.key); // from the same scene: the full pass replaces the coarse one under its key
    EXPECT_TRUE(c.added);
    EXPECT_EQ(vertices(f), 3u * 2000 + 3u * 4); // 3 rings (the closing point is not stored) + 3 islets
    EXPECT_LT(vertices(c), vertices(f) / 5);
    EXPECT_GT(vertices(c), 3u * 20);
    const auto fb = featureBounds(f), cb = featureBounds(c);
    EXPECT_EQ(fb.size(), 6u);
    ASSERT_EQ(cb.size(), 3u); // the islets (0.01°) are below the coarse tolerance
    const double tolM = isv::kCoarseDeg * 111'320;
    for (const auto& [feature, box] : cb) {
        EXPECT_EQ(feature % 2, 0u) << "an islet was kept";
        const geo::Box& want = fb.at(feature);
        EXPECT_NEAR(box.minx, want.minx, tolM);
        EXPECT_NEAR(box.maxx, want.maxx, tolM);
        EXPECT_NEAR(box.miny, want.miny, tolM);
        EXPECT_NEAR(box.maxy, want.maxy, tolM);
    }
    // The coarse layer keeps the file's description, not its features.
    ASSERT_TRUE(c.source);
    EXPECT_EQ(c.source->path, path.toStdString());
    EXPECT_EQ(c.source->size(), 0u);
    ASSERT_EQ(f.source->size(), 6u);
    // The full layer keeps every feature's values (compactly, without the geometry), in file order.
    EXPECT_TRUE(f.source->features.empty());
    for (std::size_t i = 0; i < 6; ++i)
        EXPECT_EQ(f.source->value(i, "n"), std::to_string(i));
}

// The coarse scene every point of the file stays within kCoarseDeg of (checked through its projected
// boxes), and the full one equal, part for part, to what a plain read makes.
void expectProgressiveOpen(const QString& path, std::size_t inFlightPoints) {
    const auto base = shippedScene();
    auto plain = base->withFile(path.toStdString());
    ASSERT_TRUE(plain.ok()) << plain.error().message;
    std::vector<std::shared_ptr<const isv::Scene>> coarse;
    isv::FileOptions options{.coarseDeg = isv::kCoarseDeg, .inFlightPoints = inFlightPoints};
    options.onCoarse = [&](std::shared_ptr<const isv::Scene> c) { coarse.push_back(std::move(c)); };
    auto full = base->withFile(path.toStdString(), options);
    ASSERT_TRUE(full.ok()) << full.error().message;
    ASSERT_EQ(coarse.size(), 1u) << "the coarse scene comes once, before the full one";
    const isv::SceneLayer& c = *coarse[0]->layers().back();
    const isv::SceneLayer& f = *full.value()->layers().back();
    const isv::SceneLayer& p = *plain.value()->layers().back();
    EXPECT_EQ(c.key, f.key) << "the full scene replaces the coarse one under its key";
    EXPECT_EQ(f.key, p.key);
    EXPECT_TRUE(c.added && f.added);
    EXPECT_EQ(coarse[0]->layers().size(), base->layers().size() + 1);
    EXPECT_EQ(c.source->size(), 0u) << "a coarse look keeps no attributes";
    EXPECT_EQ(c.source->path, path.toStdString());
    ASSERT_EQ(f.source->size(), 6u);
    EXPECT_EQ(f.source->value(4, "n"), "4");
    EXPECT_LT(vertices(c), vertices(f) / 5);
    const auto cb = featureBounds(c), fb = featureBounds(f);
    ASSERT_EQ(cb.size(), 3u); // the islets are below the coarse tolerance
    for (const auto& [feature, box] : cb) {
        EXPECT_NEAR(box.minx, fb.at(feature).minx, isv::kCoarseDeg * 111'320);
        EXPECT_NEAR(box.maxy, fb.at(feature).maxy, isv::kCoarseDeg * 111'320);
    }
    // The full layer is the plain read's, whichever features were prepared during the first read.
    ASSERT_EQ(f.parts.size(), p.parts.size());
    for (std::size_t i = 0; i < p.parts.size(); ++i) {
        EXPECT_EQ(f.parts[i].feature, p.parts[i].feature);
        for (int level : {0, 3, 6}) {
            const QPolygonF got = f.polygon(f.parts[i], level), want = p.polygon(p.parts[i], level);
            ASSERT_EQ(got.size(), want.size()) << "part " << i << " level " << level;
            for (qsizetype k = 0; k < got.size(); ++k)
                EXPECT_EQ(got[k], want[k]);
        }
    }
}

TEST(SceneFile, OneReadGivesTheCoarseSceneThenTheFullOne) {
    QTemporaryDir dir;
    expectProgressiveOpen(writeIslands(dir, 3), 300'000);
}

TEST(SceneFile, OneReadReadsAgainWhatTheWorkersHadNoRoomFor) {
    // With no room for work during the first read, every feature is prepared from the second (GeoJSON
    // has no random access: one sequential read taking the ids it wants).
    QTemporaryDir dir;
    expectProgressiveOpen(writeIslands(dir, 3), 0);
}

TEST(SceneFile, CancelledOneReadGivesNoScene) {
    QTemporaryDir dir;
    const QString path = writeIslands(dir, 2);
    std::atomic<bool> cancel{true};
    int coarse = 0;
    isv::FileOptions options{.coarseDeg = isv::kCoarseDeg, .cancel = &cancel};
    options.onCoarse = [&](auto) { ++coarse; };
    auto r = shippedScene()->withFile(path.toStdString(), options);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("cancelled"), std::string::npos) << r.error().message;
    EXPECT_EQ(coarse, 0);
}

// The distance from `p` to the closed polygon `ring`'s outline.
double distanceTo(const QPolygonF& ring, QPointF p) {
    double best = INFINITY;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        const QPointF a = ring[i], b = ring[(i + 1) % ring.size()], d = b - a;
        const double len2 = QPointF::dotProduct(d, d);
        const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
        best = std::min(best, QLineF(p, a + t * d).length());
    }
    return best;
}

TEST(SceneFile, AMinimumLevelKeepsOnlyWhatThatLevelDraws) {
    // An export drawing at level 4 (160 m) needs nothing finer: the path is simplified straight to that
    // level's tolerance, and every level from 4 up stays within its own tolerance of the full line.
    QTemporaryDir dir;
    const QString path = writeIslands(dir, 3);
    const auto base = shippedScene();
    auto full = base->withFile(path.toStdString());
    auto lean = base->withFile(path.toStdString(), {.minLevel = 4});
    ASSERT_TRUE(full.ok() && lean.ok());
    const isv::SceneLayer& f = *full.value()->layers().back();
    const isv::SceneLayer& l = *lean.value()->layers().back();
    ASSERT_EQ(l.parts.size(), f.parts.size());
    EXPECT_LT(vertices(l), vertices(f) / 4);
    for (std::size_t i = 0; i < f.parts.size(); ++i) {
        ASSERT_EQ(l.parts[i].feature, f.parts[i].feature);
        const QPolygonF whole = f.polygon(f.parts[i], 0);
        // Finer levels show level 4: nothing finer is stored.
        EXPECT_EQ(l.polygon(l.parts[i], 0), l.polygon(l.parts[i], 4)) << "part " << i;
        for (int level = 4; level < isv::kLevels; ++level) {
            const QPolygonF got = l.polygon(l.parts[i], level);
            ASSERT_GE(got.size(), 3) << "part " << i << " level " << level;
            if (level > 4) {
                EXPECT_LE(got.size(), l.polygon(l.parts[i], level - 1).size());
            }
            // Every point of the full line within the level's tolerance (+ the stored floats' few cm).
            double worst = 0;
            for (const QPointF& p : whole)
                worst = std::max(worst, distanceTo(got, p));
            EXPECT_LE(worst, isv::levelToleranceM(level) + 0.05) << "part " << i << " level " << level;
        }
    }
    // The islands' level 4 is no richer than the full layer's own (simplified level by level).
    std::size_t leanAt4 = 0, fullAt4 = 0;
    for (std::size_t i = 0; i < f.parts.size(); ++i)
        leanAt4 += l.polygon(l.parts[i], 4).size(), fullAt4 += f.polygon(f.parts[i], 4).size();
    EXPECT_LE(leanAt4, fullAt4 + fullAt4 / 5);
}

TEST(SceneFile, BrokenFileFailsNamingIt) {
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.shp");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not a shapefile at all");
    f.close();
    for (const double coarse : {0.0, isv::kCoarseDeg}) {
        auto r = shippedScene()->withFile(path.toStdString(), {.coarseDeg = coarse});
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.error().message.find("broken.shp"), std::string::npos) << r.error().message;
    }
}

TEST(SceneFile, CancelledReadStops) {
    QTemporaryDir dir;
    const QString path = writeIslands(dir, 2);
    std::atomic<bool> cancel{true};
    auto r = shippedScene()->withFile(path.toStdString(), {.cancel = &cancel});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("cancelled"), std::string::npos) << r.error().message;
    cancel = false;
    EXPECT_TRUE(shippedScene()->withFile(path.toStdString(), {.cancel = &cancel}).ok());
}

} // namespace
