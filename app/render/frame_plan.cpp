// The layer steps of a frame: which parts of which layer are drawn, in which pen and fill, in what order.
// Attributes are read here, once per frame; the painter never looks at one.
#include "frame_plan.h"

#include "frame_layout.h"
#include "layer_painter.h"
#include "render_map.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <functional>

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

// Calls add(p) for `part`, or for a long ring's runs that meet `view` (the only ones a frame reads).
template <class Add>
void forEachPiece(const SceneLayer& layer, const ScenePart& part, const geo::Box& view, Add add) {
    if (part.ring < 0) return add(part);
    const SceneRing& ring = layer.rings[static_cast<std::size_t>(part.ring)];
    for (std::uint32_t k = 0; k < ring.runCount; ++k)
        if (const ScenePart& run = layer.runs[ring.firstRun + k]; run.box.intersects(view)) add(run);
}

// Device pixels of line a part (or a long ring's runs in view) draws in the frame at `level`: each edge
// whose box meets the frame counts its longer side, at most the frame's width plus height (what is outside
// is cut away). What rasterising an outline or a fill costs grows with it.
double outlinePx(const SceneLayer& layer, const ScenePart& part, int level, const QTransform& t,
                 const QRectF& frame, const geo::Box& view, double dpr, QPolygonF& scratch) {
    const double most = frame.width() + frame.height();
    double px = 0;
    const auto add = [&](const ScenePart& p) {
        scratch.clear();
        layer.appendMapped(p, level, t, scratch);
        const qsizetype n = scratch.size();
        const qsizetype edges = p.closed ? n : n - 1;
        for (qsizetype i = 0; i < edges; ++i) {
            const QPointF a = scratch[i], b = scratch[(i + 1) % n];
            if (std::max(a.x(), b.x()) < frame.left() || std::min(a.x(), b.x()) > frame.right() ||
                std::max(a.y(), b.y()) < frame.top() || std::min(a.y(), b.y()) > frame.bottom())
                continue;
            px += std::min(std::max(std::abs(b.x() - a.x()), std::abs(b.y() - a.y())), most);
        }
    };
    forEachPiece(layer, part, view, add);
    return px * dpr;
}

// Which parts of an added layer a frame draws within kOutlinePerFrameSide (by part index; empty: all), and
// the note saying what was left out: the costliest parts go first, so one pathological feature does not
// take the others with it.
std::vector<bool> withinBudget(const SceneLayer& layer, const MapSettings& s, int level, QStringList& notes) {
    const double dpr = std::max(1.0, s.devicePixelRatio);
    const QRectF frame(-16, -16, s.viewport.widthPx + 32, s.viewport.heightPx + 32);
    const double budget = kOutlinePerFrameSide * (s.viewport.widthPx + s.viewport.heightPx) * dpr;
    const geo::Box view = s.viewport.mapBounds();
    const QTransform t = mapToScreen(s.viewport);
    // Parts under half a pixel are not outlined (see LayerPainter), so they do not count.
    const std::vector<std::uint32_t> inView = layer.index.query(view, 0.5 * s.viewport.metresPerPixel / dpr);
    // A bound first, from what the index holds (no point is read): no edge is longer than its part's box is
    // across, nor than the frame. Ordinary data, a whole world's coastline included, stays under the budget
    // by this bound alone, and only a file that may not is measured edge by edge.
    const double pxPerM = dpr / s.viewport.metresPerPixel, most = frame.width() + frame.height();
    double bound = 0;
    for (const std::uint32_t i : inView) {
        const ScenePart& part = layer.parts[i];
        if (part.point) continue;
        forEachPiece(layer, part, view, [&](const ScenePart& p) {
            const double across = std::min(std::hypot(p.box.width(), p.box.height()) * pxPerM, most * dpr);
            bound += double(p.lods[static_cast<std::size_t>(level)].count) * across;
        });
        if (bound > budget) break;
    }
    if (bound <= budget) return {};
    std::vector<std::pair<double, std::uint32_t>> cost; // outline px, part
    double total = 0;
    QPolygonF scratch;
    for (const std::uint32_t i : inView) {
        const ScenePart& part = layer.parts[i];
        if (part.point) continue;
        const double px = outlinePx(layer, part, level, t, frame, view, dpr, scratch);
        cost.emplace_back(px, i);
        total += px;
    }
    if (total <= budget) return {};
    std::sort(cost.begin(), cost.end(), std::greater<>());
    std::vector<bool> keep(layer.parts.size(), true);
    std::size_t left = 0;
    double dropped = 0;
    for (const auto& [px, i] : cost) {
        if (total - dropped <= budget) break;
        keep[i] = false;
        dropped += px;
        ++left;
    }
    // No figures that change with every pan: the window shows the note until it changes.
    notes << QObject::tr("%1: %n part(s) not drawn in this view: their outlines would cross it thousands of "
                         "times (more line than a frame draws). Zoom in to see them.",
                         nullptr, int(left))
                 .arg(layer.title);
    return keep;
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
            // A past day: by island group, as that day's map says; groups it does not cover stay plain.
            const auto tints = s_.dated ? datedTints() : style_.worldviews.defacto.adminColours;
            const char* field = s_.dated ? "group" : "admin";
            for (const auto& [value, colour] : tints) {
                const std::vector<bool> of = partsWhere(*land, field, value.toStdString());
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
            const QPen pen(style_.defactoLine, style_.defactoWidth, Qt::DashDotLine);
            if (!s_.dated) {
                plan_.steps.push_back(
                    {.layer = borders, .parts = partsWhere(*borders, "defacto", "1"), .pen = pen});
                return;
            }
            // That day's lines that are drawn in the borders layer (the others are laid out as polylines).
            for (const DatedLine& line : s_.dated->lines)
                if (!line.field.isEmpty())
                    plan_.steps.push_back(
                        {.layer = borders,
                         .parts = partsWhere(*borders, line.field.toStdString(), line.value.toStdString()),
                         .pen = pen});
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
            // Each kind of part as what it is, whatever the first feature was: a file of points and
            // lines gets its lines and rings first, then its points as dots on top.
            const QPen pen(style_.added, style_.addedWidth);
            if (layer->hasRings || layer->hasLines) {
                LayerStep step{.layer = layer.get(),
                               .parts = withinBudget(*layer, s_, plan_.level, plan_.omitted),
                               .pen = pen};
                if (layer->hasRings) step.fill = style_.addedFill();
                plan_.steps.push_back(std::move(step));
            }
            if (layer->hasPoints)
                plan_.steps.push_back(
                    {.layer = layer.get(), .pen = pen, .fill = style_.added, .points = true});
        }
    }

  private:
    // Group -> tint for the dated map (groups whose admin has no tint are left out).
    QList<QPair<QString, QColor>> datedTints() const {
        QList<QPair<QString, QColor>> out;
        for (const auto& [group, admin] : s_.dated->groupAdmin)
            if (const QColor c = s_.dated->colour(admin, style_.worldviews.defacto); c.isValid())
                out.push_back({group, c});
        return out;
    }

    const Scene& scene_;
    const MapSettings& s_;
    const MapStyle& style_;
    FramePlan& plan_;
};

} // namespace

QStringList drawingNotes(const Scene& scene, const MapSettings& settings) {
    QStringList notes;
    const int level = levelOfDetail(settings);
    for (const auto& layer : scene.layers())
        if (layer->added && !settings.hiddenLayers.contains(layer->key) &&
            (layer->hasRings || layer->hasLines))
            withinBudget(*layer, settings, level, notes);
    return notes;
}

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
