// Scene::build (the shipped layers and their label anchors) and Scene::withLayer (a layer in memory).
#include "scene.h"
#include "scene_layer_builder.h"
#include "scene_pieces.h"

#include <geo/clip.h>
#include <geo/cpu.h>
#include <geo/label_anchor.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace isv {

using detail::projectorFor;
using detail::SceneLayerBuilder;

namespace {

// Projects a layer's features; `keep` picks features (e.g. land vs lakes from the same coast layer).
template <class Keep>
std::shared_ptr<SceneLayer> prepare(const geo::Projector& proj, std::shared_ptr<const geo::Layer> src,
                                    QString key, QString title, bool added, Keep keep) {
    auto layer = std::make_shared<SceneLayer>();
    layer->key = std::move(key);
    layer->title = std::move(title);
    layer->added = added;
    layer->source = src;
    SceneLayerBuilder builder(*layer);
    for (std::uint32_t i = 0; i < src->features.size(); ++i)
        if (keep(i)) builder.add(i, src->features[i].geometry, proj);
    builder.finish();
    return layer;
}

// An added layer without its geometry: what the scene keeps of a big file (the attributes).
std::shared_ptr<const geo::Layer> attributesOnly(const geo::Layer& layer) {
    auto out = detail::describedLayer(layer);
    out->attributes = geo::Attributes(layer.fields.size());
    for (const auto& f : layer.features)
        out->attributes.add(f.fid, f.values);
    out->attributes.finish();
    return out;
}

// Ring edges that are not coast (projected metres): those along the data's bounding box (both ends on the
// same side of it), where the box cut the coast; and those along a meridian or parallel that another land
// ring runs the other way, where the data cut one island into two polygons to fill them apart (Sakhalin at
// 50°N, docs/data.md).
template <class IsLand>
std::vector<std::pair<geo::Point, geo::Point>> notCoastEdges(const geo::Layer& coast, IsLand isLand,
                                                             const geo::Projector& proj) {
    std::vector<std::pair<geo::Point, geo::Point>> edges;
    const geo::Box& ext = coast.bounds;
    using Edge = std::array<double, 4>; // x0, y0, x1, y1
    std::vector<Edge> straight;         // along a meridian or a parallel
    for (std::size_t i = 0; i < coast.features.size(); ++i) {
        if (!isLand(static_cast<std::uint32_t>(i))) continue;
        for (const geo::Polygon& poly : coast.features[i].geometry.polygons)
            for (const geo::Path& ring : poly.rings)
                for (std::size_t k = 0; k < ring.size(); ++k) {
                    const geo::Point a = ring[k], b = ring[(k + 1) % ring.size()];
                    if (a.x != b.x && a.y != b.y) continue;
                    const bool along = (a.x == b.x && (a.x == ext.minx || a.x == ext.maxx)) ||
                                       (a.y == b.y && (a.y == ext.miny || a.y == ext.maxy));
                    if (along)
                        edges.emplace_back(proj.forward(a), proj.forward(b));
                    else if (a.x != b.x || a.y != b.y)
                        straight.push_back({a.x, a.y, b.x, b.y});
                }
    }
    std::sort(straight.begin(), straight.end());
    for (const Edge& e : straight)
        if (e < Edge{e[2], e[3], e[0], e[1]} &&
            std::binary_search(straight.begin(), straight.end(), Edge{e[2], e[3], e[0], e[1]}))
            edges.emplace_back(proj.forward({e[0], e[1]}), proj.forward({e[2], e[3]}));
    return edges;
}

// The default view: the projected bounds of the land inside geo::kHomeLonLat (each ring cut to it in
// lon/lat, where the data of the four groups was once cut), so that widening the data does not move it.
template <class IsLand> geo::Box homeOf(const geo::Layer& coast, IsLand isLand, const geo::Projector& proj) {
    geo::Box home;
    geo::Path ring, scratch;
    for (std::size_t i = 0; i < coast.features.size(); ++i) {
        if (!isLand(static_cast<std::uint32_t>(i))) continue;
        for (const geo::Polygon& poly : coast.features[i].geometry.polygons) {
            if (poly.rings.empty()) continue;
            ring = poly.rings.front();
            geo::clipRing(ring, geo::kHomeLonLat, scratch);
            for (const geo::Point& p : ring)
                home.expand(proj.forward(p));
        }
    }
    return home;
}

// The largest (by box) of the land parts with coast id `id`, or null; `all` grows by every one's box.
const ScenePart* largestPart(const SceneLayer& land, const geo::Layer& coast, const std::string& id,
                             geo::Box& all) {
    const int idField = coast.fieldIndex("id");
    const ScenePart* largest = nullptr;
    double largestArea = 0;
    for (const auto& part : land.parts) {
        if (idField < 0 || coast.value(part.feature, static_cast<std::size_t>(idField)) != id) continue;
        all.expand(part.box);
        const double area = part.box.width() * part.box.height();
        if (area > largestArea) {
            largestArea = area;
            largest = &part;
        }
    }
    return largest;
}

// Within 1 % of the island's size (at least 50 m), from an outline simplified to half that: an anchor a
// few hundred metres from the best point on a 200 km island is as good a place for a label.
geo::Point poleOf(const SceneLayer& land, const ScenePart& part) {
    const double precision = std::max(50.0, 0.01 * std::sqrt(part.box.width() * part.box.height()));
    int detail = 0;
    while (detail + 1 < kLevels && levelToleranceM(detail + 1) <= precision / 2)
        ++detail;
    geo::Polygon poly;
    poly.rings.emplace_back();
    QPolygonF outline;
    if (part.ring < 0) {
        outline = land.polygon(part, detail);
    } else { // a long ring keeps its points in runs, each ending where the next begins
        const SceneRing& ring = land.rings[static_cast<std::size_t>(part.ring)];
        for (std::uint32_t k = 0; k < ring.runCount; ++k) {
            if (!outline.isEmpty()) outline.removeLast();
            land.appendMapped(land.runs[ring.firstRun + k], detail, QTransform(), outline);
        }
    }
    for (const auto& q : outline)
        poly.rings[0].push_back({q.x(), q.y()});
    return geo::poleOfInaccessibility(poly, precision);
}

// Where a place's label goes: at the pole of inaccessibility of its largest land polygon, or at its
// gazetteer point if it has none or the names table says so (label_at); sized by all its polygons, and a
// group by the whole group (islets included).
LabelAnchor labelAnchor(const Scene& scene, const geo::Place& place, const geo::Projector& proj) {
    LabelAnchor a;
    a.id = QString::fromStdString(place.id);
    a.kind = QString::fromStdString(place.kind);
    a.style = &scene.style().label(a.kind);
    a.priority = place.priority;
    const geo::Point gp = proj.forward(place.lonlat);
    a.pos = QPointF(gp.x, gp.y);
    const SceneLayer& land = *scene.layers()[0];
    geo::Box all;
    if (const ScenePart* largest = largestPart(land, *land.source, place.id, all)) {
        a.sizeM = std::sqrt(all.width() * all.height());
        const geo::Point pole = poleOf(land, *largest);
        if (place.labelAt == geo::LabelAt::Pole)
            a.pos = QPointF(pole.x, pole.y);
        else
            a.fallback = QPointF(pole.x, pole.y);
    } else if (a.style->area && (place.kind == "islet" || place.kind == "island")) {
        // An island the coastline does not have (Kaigara, a rock GSHHG lacks) would never be big enough on
        // screen for an area label: it is marked with a dot at its gazetteer point instead, when zoomed in.
        a.style = &scene.style().label(QStringLiteral("unoutlined"));
    }
    if (place.kind == "group") {
        const geo::Box gb = scene.placeBounds(a.id);
        if (!gb.empty()) a.sizeM = std::max(a.sizeM, std::sqrt(gb.width() * gb.height()));
    }
    return a;
}

} // namespace

geo::Result<std::shared_ptr<const Scene>> Scene::build(std::shared_ptr<const geo::MapData> data,
                                                       const std::string& crs) {
    geo::clearUpperVectorState();
    const geo::Projector* proj = projectorFor(crs);
    if (!proj) return detail::unknownCrs(crs);
    auto scene = std::shared_ptr<Scene>(new Scene);
    scene->data_ = data;
    scene->crs_ = crs;

    // Aliasing shared_ptrs: layers stay owned by the MapData.
    const std::shared_ptr<const geo::Layer> coast(data, &data->coast);
    const int level = coast->fieldIndex("level");
    const auto isLand = [&](std::uint32_t i) {
        if (level < 0) return true;
        const std::string& v = coast->value(i, static_cast<std::size_t>(level));
        return v == "1" || v == "3";
    };
    auto landLayer = prepare(*proj, coast, "land", "Land", false, isLand);
    landLayer->notCoast = notCoastEdges(*coast, isLand, *proj);
    scene->layers_.push_back(std::move(landLayer));
    scene->layers_.push_back(
        prepare(*proj, coast, "lakes", "Lakes", false, [&](auto i) { return !isLand(i); }));
    scene->layers_.push_back(prepare(*proj, std::shared_ptr<const geo::Layer>(data, &data->claims), "claims",
                                     "Claims", false, [](auto) { return true; }));
    scene->layers_.push_back(prepare(*proj, std::shared_ptr<const geo::Layer>(data, &data->boundaries),
                                     "borders", "Borders", false, [](auto) { return true; }));
    scene->home_ = homeOf(*coast, isLand, *proj);
    if (scene->home_.empty()) scene->home_ = scene->layers_[0]->bounds;
    for (const auto& place : data->places)
        scene->anchors_.push_back(labelAnchor(*scene, place, *proj));
    return std::shared_ptr<const Scene>(scene);
}

geo::Result<std::shared_ptr<const Scene>> Scene::withLayer(std::shared_ptr<const geo::Layer> layer) const {
    const geo::Projector* proj = projectorFor(crs_);
    if (!proj) return detail::unknownCrs(crs_);
    auto scene = std::make_shared<Scene>(*this);
    const QString key = detail::uniqueLayerKey(*this, *layer);
    auto prepared = prepare(*proj, layer, key, key, true, [](auto) { return true; });
    if (prepared->parts.empty()) return geo::Error{layer->path + ": no geometry that can be drawn"};
    for (const std::string& note : layer->report.messages(layer->path))
        prepared->notes << QString::fromStdString(note);
    // The projected copy is all that is drawn: past a million points, the lon/lat one is not worth keeping.
    if (prepared->pointChunks.size() > 1) prepared->source = attributesOnly(*layer);
    scene->layers_.push_back(std::move(prepared));
    return std::shared_ptr<const Scene>(scene);
}

} // namespace isv
