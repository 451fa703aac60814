#include "place_framing.h"

#include <frame_plan.h>
#include <render_cache.h>
#include <scene.h>

#include <algorithm>
#include <array>

namespace isv {

namespace {
constexpr double kMarginPx = 24;    // free border round the place, as Navigator::fit leaves
constexpr double kArrowHalfPx = 22; // the north arrow's half size (its plan gives only the centre)

QRectF screenRect(const geo::Viewport& vp, const geo::Box& box) {
    const geo::Point a = vp.toScreen({box.minx, box.maxy});
    const geo::Point b = vp.toScreen({box.maxx, box.miny});
    return QRectF(QPointF(a.x, a.y), QPointF(b.x, b.y)).normalized();
}
} // namespace

std::vector<QRectF> furnitureRects(const Scene& scene, const MapSettings& settings) {
    RenderCache cache;
    const FramePlan plan = planFrame(scene, settings, cache, true);
    std::vector<QRectF> out;
    if (plan.title) out.push_back(plan.title->box);
    if (plan.legend) out.push_back(plan.legend->box);
    if (plan.scaleBar) out.push_back(plan.scaleBar->box);
    if (plan.northArrow)
        out.push_back(QRectF(*plan.northArrow - QPointF(kArrowHalfPx, kArrowHalfPx),
                             QSizeF(2 * kArrowHalfPx, 2 * kArrowHalfPx)));
    if (plan.attribution) out.push_back(plan.attribution->box);
    for (const NotePlan& n : plan.notes)
        out.push_back(n.box);
    out.erase(std::remove_if(out.begin(), out.end(), [](const QRectF& r) { return r.isEmpty(); }), out.end());
    return out;
}

QRectF freeRect(double widthPx, double heightPx, const std::vector<QRectF>& furniture) {
    QRectF free(0, 0, widthPx, heightPx);
    for (const QRectF& f : furniture) {
        const QRectF r = f.intersected(free);
        if (r.isEmpty()) continue;
        // The four ways to cut r away, each keeping the rest of `free` on one side of it; the largest wins.
        const std::array<QRectF, 4> cuts{
            QRectF(QPointF(free.left(), free.top()), QPointF(r.left(), free.bottom())),   // keep the left
            QRectF(QPointF(r.right(), free.top()), QPointF(free.right(), free.bottom())), // keep the right
            QRectF(QPointF(free.left(), free.top()), QPointF(free.right(), r.top())),     // keep the top
            QRectF(QPointF(free.left(), r.bottom()), QPointF(free.right(), free.bottom()))};
        const auto area = [](const QRectF& c) { return c.isValid() ? c.width() * c.height() : 0.0; };
        free = *std::max_element(cuts.begin(), cuts.end(),
                                 [&](const QRectF& a, const QRectF& b) { return area(a) < area(b); });
    }
    return free;
}

geo::Viewport viewClearOfFurniture(const Scene& scene, const MapSettings& settings, const geo::Box& box,
                                   const Navigator& nav) {
    const double w = settings.viewport.widthPx, h = settings.viewport.heightPx;
    MapSettings s = settings;
    s.viewport = nav.fit(box, w, h, kMarginPx);
    if (box.empty()) return s.viewport;
    // Planned again after each move: the legend picks the corner that hides least land, so moving the view
    // can move it. Three rounds settle it in practice; the last view is kept either way.
    for (int round = 0; round < 3; ++round) {
        const std::vector<QRectF> furniture = furnitureRects(scene, s);
        const QRectF shown = screenRect(s.viewport, box);
        const bool clear = std::none_of(furniture.begin(), furniture.end(),
                                        [&](const QRectF& f) { return f.intersects(shown); });
        if (clear && round > 0) break;
        const QRectF free = freeRect(w, h, furniture);
        if (free.width() < 4 * kMarginPx || free.height() < 4 * kMarginPx) break; // too small to help
        const geo::Viewport inFree = nav.fit(box, free.width(), free.height(), kMarginPx);
        geo::Viewport vp = s.viewport;
        vp.metresPerPixel = inFree.metresPerPixel;
        // The box's centre goes to the free part's centre.
        const geo::Point c = box.center();
        vp.center = {c.x - (free.center().x() - w / 2) * vp.metresPerPixel,
                     c.y + (free.center().y() - h / 2) * vp.metresPerPixel};
        if (vp == s.viewport) break;
        s.viewport = vp;
    }
    return s.viewport;
}

} // namespace isv
