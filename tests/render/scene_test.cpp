// Scene preparation pieces that other code relies on: the level-of-detail tolerances, where label anchors
// go (names.csv label_at), and the ring clipper on Qt's polygons.
#include "shipped.h"

#include <geo/clip.h>

#include <QPolygonF>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace {

const isv::LabelAnchor& anchor(const isv::Scene& scene, const char* id) {
    const auto& anchors = scene.anchors();
    const auto it = std::find_if(anchors.begin(), anchors.end(), [&](const auto& a) { return a.id == id; });
    EXPECT_NE(it, anchors.end()) << id;
    return *it;
}

QPointF projected(const isv::Scene& scene, const char* id) {
    const geo::Point p = scene.project(scene.data().place(id)->lonlat);
    return {p.x, p.y};
}

TEST(Scene, LevelTolerancesGrowFourfoldFromTheBase) {
    EXPECT_EQ(isv::levelToleranceM(0), 0.0);
    for (int level = 1; level < isv::kLevels; ++level)
        EXPECT_EQ(isv::levelToleranceM(level), isv::kBaseToleranceM * std::pow(4.0, level - 1)) << level;
}

TEST(Scene, LabelAtPointKeepsTheGazetteerPoint) {
    const auto scene = shippedScene();
    ASSERT_TRUE(scene);
    EXPECT_EQ(anchor(*scene, "habomai").pos, projected(*scene, "habomai"));
    EXPECT_NE(anchor(*scene, "shikotan").pos, projected(*scene, "shikotan")) << "at its pole";

    // The same data with Shikotan's label kept at its point: only where it goes changes.
    auto data = std::make_shared<geo::MapData>(scene->data());
    for (auto& p : data->places)
        if (p.id == "shikotan") p.labelAt = geo::LabelAt::Point;
    const auto built = isv::Scene::build(data, scene->crs());
    ASSERT_TRUE(built.ok()) << built.error().message;
    const auto& pinned = built.value();
    EXPECT_EQ(anchor(*pinned, "shikotan").pos, projected(*pinned, "shikotan"));
    EXPECT_EQ(anchor(*pinned, "shikotan").sizeM, anchor(*scene, "shikotan").sizeM);
    EXPECT_EQ(anchor(*pinned, "etorofu").pos, anchor(*scene, "etorofu").pos);
}

// What the renderer passes (QPolygonF, a QRectF turned into a geo::Box) gives what geo::Path gives.
TEST(Scene, ClipRingCutsAQPolygonFAsAGeoPath) {
    const geo::Path ring{{1, 1}, {9, 1}, {9, 14}, {7, 14}, {7, 3}, {3, 3}, {3, 14}, {1, 14}, {-3, 6}};
    const QRectF r(0.5, 0.25, 8, 9.5);
    QPolygonF polygon;
    for (const geo::Point& p : ring)
        polygon << QPointF(p.x, p.y);
    geo::clipRing(polygon, geo::Box{r.left(), r.top(), r.right(), r.bottom()});
    geo::Path path = ring;
    geo::clipRing(path, geo::Box{r.left(), r.top(), r.right(), r.bottom()});
    ASSERT_EQ(polygon.size(), static_cast<qsizetype>(path.size()));
    for (std::size_t i = 0; i < path.size(); ++i)
        EXPECT_EQ(polygon[static_cast<qsizetype>(i)], QPointF(path[i].x, path[i].y)) << i;
    EXPECT_TRUE(r.contains(polygon.boundingRect()));
}

} // namespace
