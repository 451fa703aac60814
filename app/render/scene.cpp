#include "scene.h"

#include <geo/label_anchor.h>
#include <geo/projection.h>
#include <geo/simplify.h>

#include <QFileInfo>

#include <cmath>
#include <map>
#include <mutex>

namespace isv {

namespace {

// PROJ objects are not thread-safe: every thread keeps its own projector per CRS.
const geo::Projector* projectorFor(const std::string& crs) {
    thread_local std::map<std::string, geo::Projector> cache;
    auto it = cache.find(crs);
    if (it == cache.end()) {
        auto p = geo::Projector::create(crs);
        if (!p) return nullptr;
        it = cache.emplace(crs, std::move(p).value()).first;
    }
    return &it->second;
}

QPolygonF toPolygon(const geo::Path& path) {
    QPolygonF poly;
    poly.reserve(static_cast<qsizetype>(path.size()));
    for (const auto& p : path) poly.append(QPointF(p.x, p.y));
    return poly;
}

void addPart(SceneLayer& layer, const geo::Path& projected, std::uint32_t feature, bool closed) {
    if (projected.size() < (closed ? 3u : 2u)) return;
    ScenePart part;
    part.box = geo::bounds(projected);
    part.feature = feature;
    part.closed = closed;
    part.lods[0] = toPolygon(projected);
    for (int level = 1; level < kLevels; ++level) {
        const double tol = kBaseToleranceM * std::pow(4.0, level - 1);
        part.lods[level] = toPolygon(closed ? geo::simplifyRing(projected, tol) : geo::simplifyPath(projected, tol));
    }
    layer.parts.push_back(std::move(part));
}

// Projects a layer's features; `keep` picks features (e.g. land vs lakes from the same coast layer).
template <class Keep>
std::shared_ptr<const SceneLayer> prepare(const geo::Projector& proj, std::shared_ptr<const geo::Layer> src,
                                          QString key, QString title, bool added, Keep keep) {
    auto layer = std::make_shared<SceneLayer>();
    layer->key = std::move(key);
    layer->title = std::move(title);
    layer->added = added;
    layer->source = src;
    for (std::uint32_t i = 0; i < src->features.size(); ++i) {
        if (!keep(i)) continue;
        const geo::Geometry g = proj.forward(src->features[i].geometry);
        if (layer->type == geo::GeometryType::None) layer->type = g.type;
        for (const auto& poly : g.polygons)
            for (const auto& ring : poly.rings) addPart(*layer, ring, i, true);
        for (const auto& line : g.lines) addPart(*layer, line, i, false);
        for (const auto& pt : g.points) addPart(*layer, geo::Path{pt, pt}, i, false);
    }
    std::vector<geo::Box> boxes;
    boxes.reserve(layer->parts.size());
    for (const auto& p : layer->parts) {
        boxes.push_back(p.box);
        layer->bounds.expand(p.box);
    }
    layer->index = geo::SpatialIndex(boxes);
    return layer;
}

} // namespace

geo::Result<std::shared_ptr<const Scene>> Scene::build(std::shared_ptr<const geo::MapData> data,
                                                       const std::string& crs,
                                                       std::vector<std::shared_ptr<const geo::Layer>> added) {
    const geo::Projector* proj = projectorFor(crs);
    if (!proj) return geo::Error{"display projection '" + crs + "': PROJ does not know this CRS"};
    auto scene = std::shared_ptr<Scene>(new Scene);
    scene->data_ = data;
    scene->crs_ = crs;

    // Aliasing shared_ptrs: layers stay owned by the MapData.
    const std::shared_ptr<const geo::Layer> coast(data, &data->coast);
    const int level = coast->fieldIndex("level");
    const auto isLand = [&](std::uint32_t i) {
        const auto& v = coast->features[i].values;
        return level < 0 || v[level] == "1" || v[level] == "3";
    };
    scene->layers_.push_back(prepare(*proj, coast, "land", "Land", false, isLand));
    scene->layers_.push_back(prepare(*proj, coast, "lakes", "Lakes", false, [&](auto i) { return !isLand(i); }));
    scene->layers_.push_back(prepare(*proj, std::shared_ptr<const geo::Layer>(data, &data->claims), "claims",
                                     "Claims", false, [](auto) { return true; }));
    scene->layers_.push_back(prepare(*proj, std::shared_ptr<const geo::Layer>(data, &data->boundaries), "borders",
                                     "Borders", false, [](auto) { return true; }));
    for (auto& layer : added) {
        auto r = scene->withLayer(layer);
        if (!r) return r.error();
        scene->layers_ = r.value()->layers_;
    }
    scene->home_ = scene->layers_[0]->bounds;

    // Label anchors: islands at their pole of inaccessibility, everything else at its gazetteer point.
    const SceneLayer& land = *scene->layers_[0];
    const int idField = coast->fieldIndex("id");
    for (const auto& place : data->places) {
        LabelAnchor a;
        a.id = QString::fromStdString(place.id);
        a.kind = QString::fromStdString(place.kind);
        a.priority = place.priority;
        const geo::Point gp = proj->forward(place.lonlat);
        a.pos = QPointF(gp.x, gp.y);
        const ScenePart* largest = nullptr;
        double largestArea = 0;
        geo::Box all;
        for (const auto& part : land.parts) {
            if (idField < 0 || coast->features[part.feature].values[idField] != place.id) continue;
            all.expand(part.box);
            const double area = part.box.width() * part.box.height();
            if (area > largestArea) { largestArea = area; largest = &part; }
        }
        if (largest) {
            geo::Polygon poly;
            poly.rings.emplace_back();
            for (const auto& q : largest->lods[0]) poly.rings[0].push_back({q.x(), q.y()});
            const geo::Point pole = geo::poleOfInaccessibility(poly, 50.0);
            a.pos = QPointF(pole.x, pole.y);
            a.sizeM = std::sqrt(all.width() * all.height());
        }
        // A group of several islands (Habomai) keeps its gazetteer point and the size of the whole group.
        if (place.kind == "group") {
            const geo::Box gb = scene->placeBounds(a.id);
            if (!gb.empty()) a.sizeM = std::max(a.sizeM, std::sqrt(gb.width() * gb.height()));
            if (!largest || place.id == "habomai") a.pos = QPointF(gp.x, gp.y);
        }
        scene->anchors_.push_back(a);
    }
    return std::shared_ptr<const Scene>(scene);
}

geo::Result<std::shared_ptr<const Scene>> Scene::withLayer(std::shared_ptr<const geo::Layer> layer) const {
    const geo::Projector* proj = projectorFor(crs_);
    if (!proj) return geo::Error{"display projection '" + crs_ + "': PROJ does not know this CRS"};
    auto scene = std::make_shared<Scene>(*this);
    QString key = QFileInfo(QString::fromStdString(layer->path)).completeBaseName();
    if (key.isEmpty()) key = QString::fromStdString(layer->name);
    const QString base = key;
    for (int n = 2; this->layer(key); ++n) key = base + QString(" (%1)").arg(n);
    scene->layers_.push_back(prepare(*proj, layer, key, key, true, [](auto) { return true; }));
    if (scene->layers_.back()->parts.empty())
        return geo::Error{layer->path + ": no geometry that can be drawn"};
    return std::shared_ptr<const Scene>(scene);
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
        const auto& v = coast.features[part.feature].values;
        if ((idField >= 0 && v[idField] == key) || (groupField >= 0 && v[groupField] == key)) box.expand(part.box);
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
        if (!part.lods[0].containsPoint(QPointF(xy.x, xy.y), Qt::OddEvenFill)) continue;
        const double area = part.box.width() * part.box.height(); // the innermost ring wins
        if (area < bestArea && idField >= 0) {
            bestArea = area;
            best = QString::fromStdString(land.source->features[part.feature].values[idField]);
        }
    }
    return best;
}

geo::Point Scene::project(geo::Point lonlat) const {
    const geo::Projector* p = projectorFor(crs_);
    return p ? p->forward(lonlat) : geo::Point{NAN, NAN};
}

geo::Point Scene::unproject(geo::Point xy) const {
    const geo::Projector* p = projectorFor(crs_);
    return p ? p->inverse(xy) : geo::Point{NAN, NAN};
}

} // namespace isv
