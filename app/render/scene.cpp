// Scene's queries (layers, places, projection) and SceneLayer's point access. Building a scene is in
// scene_build.cpp, adding a file in scene_file.cpp.
#include "scene.h"
#include "scene_pieces.h"

#include <algorithm>
#include <cmath>

namespace isv {

using detail::projectorFor;

QPolygonF SceneLayer::polygon(const ScenePart& part, int level) const {
    QPolygonF out;
    appendMapped(part, level, QTransform(), out);
    return out;
}

void SceneLayer::appendMapped(const ScenePart& part, int level, const QTransform& t, QPolygonF& out) const {
    const PartLevel& l = part.lods[static_cast<std::size_t>(level)];
    // Fold the part's origin into the transform, so each point costs one multiply-add per axis.
    const double sx = t.m11(), sy = t.m22();
    const QPointF o = t.map(QPointF(part.origin.x, part.origin.y));
    // Geometric growth: a long ring is appended run by run, and exact reserves would copy it every time.
    if (const qsizetype need = out.size() + qsizetype(l.count); out.capacity() < need)
        out.reserve(std::max(need, 2 * out.capacity()));
    const PointF* p = &point(l.first);
    const bool scale = t.type() <= QTransform::TxScale;
    const auto add = [&](const PointF& q) {
        out.append(scale ? QPointF(o.x() + sx * q.x, o.y() + sy * q.y)
                         : t.map(QPointF(part.origin.x + q.x, part.origin.y + q.y)));
    };
    if (level == 0 || level >= kCopiedLevel) {
        for (std::uint32_t i = 0; i < l.count; ++i)
            add(p[i]);
        return;
    }
    const std::uint8_t* keep = &levelChunks[l.first >> kChunkBits][l.first & ((1u << kChunkBits) - 1)];
    for (std::uint32_t i = 0; i < part.lods[0].count; ++i)
        if (keep[i] >= level) add(p[i]);
}

const SceneLayer* Scene::layer(const QString& key) const {
    for (const auto& l : layers_)
        if (l->key == key) return l.get();
    return nullptr;
}

geo::Box Scene::placeBounds(const QString& id) const {
    geo::Box box;
    const SceneLayer& land = *layers_[0];
    const auto& coast = *land.source;
    const int idField = coast.fieldIndex("id"), groupField = coast.fieldIndex("group");
    const std::string key = id.toStdString();
    for (const auto& part : land.parts) {
        if ((idField >= 0 && coast.value(part.feature, static_cast<std::size_t>(idField)) == key) ||
            (groupField >= 0 && coast.value(part.feature, static_cast<std::size_t>(groupField)) == key))
            box.expand(part.box);
    }
    if (box.empty())
        if (const geo::Place* p = data_->place(key)) {
            const geo::Point c = project(p->lonlat);
            box = geo::Box{c.x - 5000, c.y - 5000, c.x + 5000, c.y + 5000};
        }
    return box;
}

QString Scene::placeAt(geo::Point xy) const {
    const SceneLayer& land = *layers_[0];
    const int idField = land.source->fieldIndex("id");
    QString best;
    double bestArea = INFINITY;
    for (auto i : land.index.query(geo::Box{xy.x, xy.y, xy.x, xy.y})) {
        const ScenePart& part = land.parts[i];
        if (!land.polygon(part, 0).containsPoint(QPointF(xy.x, xy.y), Qt::OddEvenFill)) continue;
        const double area = part.box.width() * part.box.height(); // the innermost ring wins
        if (area < bestArea && idField >= 0) {
            bestArea = area;
            best =
                QString::fromStdString(land.source->value(part.feature, static_cast<std::size_t>(idField)));
        }
    }
    return best;
}

geo::Point Scene::project(geo::Point lonlat) const {
    const geo::Projector* p = projectorFor(crs_);
    return p ? p->forward(lonlat) : geo::Point{NAN, NAN};
}

geo::Box Scene::projectBox(const geo::Box& ll) const {
    geo::Box box;
    for (const geo::Point p : geo::boxEdgePoints(ll, 32)) {
        const geo::Point xy = project(p);
        if (std::isfinite(xy.x) && std::isfinite(xy.y)) box.expand(xy);
    }
    return box;
}

geo::Point Scene::unproject(geo::Point xy) const {
    const geo::Projector* p = projectorFor(crs_);
    return p ? p->inverse(xy) : geo::Point{NAN, NAN};
}

std::shared_ptr<const Scene> Scene::withStyle(std::shared_ptr<const MapStyle> style) const {
    auto scene = std::make_shared<Scene>(*this);
    scene->style_ = std::move(style);
    for (auto& a : scene->anchors_)
        a.style = &scene->style_->label(a.kind);
    return scene;
}

} // namespace isv
