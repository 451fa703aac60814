// The layer steps of a frame: which parts of which layer are drawn, in which pen and fill, in what order.
// Attributes are read here, once per frame; the painter never looks at one.
#include "frame_plan.h"

#include "frame_layout.h"
#include "render_map.h"

#include <algorithm>

namespace isv {

namespace {

// By part index: whether the part's feature has `value` in `field`.
std::vector<bool> partsWhere(const SceneLayer& layer, std::string_view field, const std::string& value) {
    std::vector<bool> out(layer.parts.size());
    const int f = layer.source->fieldIndex(field);
    if (f < 0) return out;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = layer.source->value(layer.parts[i].feature, static_cast<std::size_t>(f)) == value;
    return out;
}

// Which parts of the claims layer every shown side claims alike (by index into parts): the first side's
// rings that each other side has too (same box, same points), and those rings of the others.
std::vector<bool> sharedParts(const SceneLayer& layer, const std::vector<std::vector<bool>>& of) {
    const auto indices = [&](const std::vector<bool>& mask) {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < mask.size(); ++i)
            if (mask[i] && layer.parts[i].closed) out.push_back(i);
        return out;
    };
    const auto same = [&](const ScenePart& a, const ScenePart& b) {
        if (a.ring >= 0 || b.ring >= 0 || a.box.minx != b.box.minx || a.box.miny != b.box.miny ||
            a.box.maxx != b.box.maxx || a.box.maxy != b.box.maxy || a.lods[0].count != b.lods[0].count)
            return false;
        for (std::uint32_t j = 0; j < a.lods[0].count; ++j) {
            const PointF &p = layer.point(a.lods[0].first + j), &q = layer.point(b.lods[0].first + j);
            if (p.x != q.x || p.y != q.y) return false;
        }
        return true;
    };
    std::vector<bool> shared(layer.parts.size(), false);
    std::vector<std::vector<std::size_t>> sides;
    for (const auto& mask : of)
        sides.push_back(indices(mask));
    for (const std::size_t i : sides[0]) {
        std::vector<std::size_t> twins;
        for (std::size_t k = 1; k < sides.size(); ++k)
            for (const std::size_t j : sides[k])
                if (same(layer.parts[i], layer.parts[j])) {
                    twins.push_back(j);
                    break;
                }
        if (twins.size() + 1 != sides.size()) continue;
        shared[i] = true;
        for (const std::size_t j : twins)
            shared[j] = true;
    }
    return shared;
}

std::vector<bool> without(std::vector<bool> a, const std::vector<bool>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        a[i] = a[i] && !b[i];
    return a;
}

class StepPlanner {
  public:
    StepPlanner(const Scene& scene, const MapSettings& s, FramePlan& plan)
        : scene_(scene), s_(s), style_(scene.style()), plan_(plan) {}

    const SceneLayer* shown(const QString& key) const {
        return s_.hiddenLayers.contains(key) ? nullptr : scene_.layer(key);
    }

    void base() {
        const SceneLayer* land = shown("land");
        if (!land) return;
        LayerStep step{.layer = land, .pen = QPen(style_.coast, style_.coastWidth), .fill = style_.land};
        step.skipCuts = true;
        if (s_.claims.isEmpty()) { // the de facto view: land tinted by who administers it
            step.partFill.assign(land->parts.size(), style_.land);
            for (const auto& [admin, colour] : style_.worldviews.defacto.adminColours) {
                const std::vector<bool> of = partsWhere(*land, "admin", admin.toStdString());
                for (std::size_t i = 0; i < of.size(); ++i)
                    if (of[i]) step.partFill[i] = colour;
            }
        }
        plan_.steps.push_back(std::move(step));
        if (const SceneLayer* lakes = shown("lakes"))
            plan_.steps.push_back(
                {.layer = lakes, .pen = QPen(style_.coast, style_.lakeShoreWidth), .fill = style_.sea});
    }

    void claims(bool raster) {
        const auto& wv = style_.worldviews;
        std::vector<const ClaimStyle*> sides;
        for (const auto& claimant : s_.claims) {
            if (const ClaimStyle* side = wv.claim(claimant))
                sides.push_back(side);
            else
                plan_.errors << "claims: no style for claimant '" + claimant + "'";
        }
        if (const SceneLayer* claims = shown("claims"); claims && !sides.empty()) {
            std::vector<std::vector<bool>> of;
            for (const ClaimStyle* side : sides)
                of.push_back(partsWhere(*claims, "claimant", side->claimant.toStdString()));
            // Land every shown side claims alike (the disputed islands: the same rings in each claim) is
            // filled once with the sides' tiles composed, the same pixels as one fill over the other.
            const std::vector<bool> shared =
                raster && sides.size() > 1 ? sharedParts(*claims, of) : std::vector<bool>{};
            // No outline: the coastline is already drawn, and wide pens are the costliest thing to stroke.
            for (std::size_t k = 0; k < sides.size(); ++k)
                plan_.steps.push_back({.layer = claims,
                                       .parts = without(of[k], shared),
                                       .hatch = {sides[k]},
                                       .aliasedFill = true});
            if (std::find(shared.begin(), shared.end(), true) != shared.end()) {
                std::vector<bool> first = of[0];
                for (std::size_t i = 0; i < first.size(); ++i)
                    first[i] = first[i] && shared[i];
                plan_.steps.push_back({.layer = claims, .parts = first, .hatch = sides, .aliasedFill = true});
            }
        }
        const SceneLayer* borders = shown("borders");
        if (!borders) return;
        if (s_.claims.isEmpty()) {
            plan_.steps.push_back({.layer = borders,
                                   .parts = partsWhere(*borders, "defacto", "1"),
                                   .pen = QPen(style_.defactoLine, style_.defactoWidth, Qt::DashDotLine)});
            return;
        }
        for (const ClaimStyle* side : sides) {
            const std::vector<bool> of = partsWhere(*borders, "claimant", side->claimant.toStdString());
            plan_.steps.push_back(
                {.layer = borders, .parts = of, .pen = QPen(Qt::white, style_.claimBorderHaloWidth)});
            plan_.steps.push_back({.layer = borders,
                                   .parts = of,
                                   .pen = QPen(side->colour, style_.claimBorderWidth, side->borderStyle)});
        }
    }

    // Highlighted places (a group id highlights every polygon of the group) and the selection outline, over
    // the claim hatching so the selection stays visible.
    void emphasis() {
        const SceneLayer* land = scene_.layer("land");
        if (!land) return;
        const auto matching = [&](const QStringList& ids) {
            std::vector<bool> out(land->parts.size(), false);
            for (const QString& id : ids) {
                const std::string value = id.toStdString();
                for (const char* field : {"id", "group"}) {
                    const std::vector<bool> of = partsWhere(*land, field, value);
                    for (std::size_t i = 0; i < out.size(); ++i)
                        out[i] = out[i] || of[i];
                }
            }
            return out;
        };
        if (!s_.highlight.isEmpty())
            plan_.steps.push_back({.layer = land,
                                   .parts = matching(s_.highlight),
                                   .pen = QPen(style_.selected.darker(), style_.highlightWidth),
                                   .fill = style_.highlight});
        if (!s_.selected.isEmpty())
            plan_.steps.push_back({.layer = land,
                                   .parts = matching({s_.selected}),
                                   .pen = QPen(style_.selected, style_.selectedWidth)});
    }

    void added() {
        for (const auto& layer : scene_.layers()) {
            if (!layer->added || s_.hiddenLayers.contains(layer->key)) continue;
            // One pixel: Qt strokes pens up to 1 px wide directly, wider ones as outlines (4x slower).
            LayerStep step{.layer = layer.get(), .pen = QPen(style_.added, style_.addedWidth)};
            if (layer->type == geo::GeometryType::Polygon) step.fill = style_.addedFill();
            if (layer->type == geo::GeometryType::Point) step.fill = style_.added, step.points = true;
            plan_.steps.push_back(std::move(step));
        }
    }

  private:
    const Scene& scene_;
    const MapSettings& s_;
    const MapStyle& style_;
    FramePlan& plan_;
};

} // namespace

FramePlan planLayers(const Scene& scene, const MapSettings& settings, bool raster) {
    FramePlan plan;
    plan.level = levelOfDetail(settings);
    StepPlanner steps(scene, settings, plan);
    steps.base();
    steps.claims(raster);
    steps.emphasis();
    steps.added();
    return plan;
}

FramePlan planFrame(const Scene& scene, const MapSettings& settings, RenderCache& cache, bool raster) {
    FramePlan plan = planLayers(scene, settings, raster);
    layOut(scene, settings, cache, plan);
    return plan;
}

} // namespace isv
