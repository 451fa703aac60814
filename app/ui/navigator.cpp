#include "navigator.h"

#include <algorithm>
#include <cmath>

namespace isv {

geo::Viewport Navigator::zoomAbout(const geo::Viewport& vp, geo::Point anchorPx, double factor) const {
    if (!(factor > 0) || !std::isfinite(factor)) return vp;
    const double target = std::clamp(vp.metresPerPixel / factor, minMetresPerPixel, maxMetresPerPixel);
    const double effective = vp.metresPerPixel / target;
    if (std::abs(effective - 1.0) < 1e-12) return vp;
    geo::Viewport out = vp.zoomedAbout(anchorPx, effective);
    out.metresPerPixel = target; // exact, so repeated zooms settle on the limit
    return clamped(out);
}

geo::Viewport Navigator::wheel(const geo::Viewport& vp, geo::Point anchorPx, double angleDeltaY) const {
    return zoomAbout(vp, anchorPx, std::pow(wheelFactorPerNotch, angleDeltaY / 120.0));
}

geo::Viewport Navigator::pan(const geo::Viewport& vp, double dxPx, double dyPx) const {
    return clamped(vp.panned(dxPx, dyPx));
}

geo::Viewport Navigator::panSteps(const geo::Viewport& vp, int stepsX, int stepsY) const {
    return pan(vp, -stepsX * keyPanFraction * vp.widthPx, -stepsY * keyPanFraction * vp.heightPx);
}

geo::Viewport Navigator::fit(const geo::Box& box, double widthPx, double heightPx, double marginPx) const {
    if (box.empty()) return resized(geo::Viewport{}, widthPx, heightPx);
    const double margin = std::min(marginPx, std::min(widthPx, heightPx) / 4);
    geo::Viewport vp = geo::Viewport::fitting(box, widthPx, heightPx, margin);
    vp.metresPerPixel = std::clamp(vp.metresPerPixel, minMetresPerPixel, maxMetresPerPixel);
    return vp;
}

geo::Viewport Navigator::resized(const geo::Viewport& vp, double widthPx, double heightPx) const {
    geo::Viewport out = vp;
    out.widthPx = std::max(1.0, widthPx);
    out.heightPx = std::max(1.0, heightPx);
    return out;
}

geo::Viewport Navigator::clamped(const geo::Viewport& vp) const {
    geo::Viewport out = vp;
    out.metresPerPixel = std::clamp(out.metresPerPixel, minMetresPerPixel, maxMetresPerPixel);
    if (!centreLimits.empty()) {
        out.center.x = std::clamp(out.center.x, centreLimits.minx, centreLimits.maxx);
        out.center.y = std::clamp(out.center.y, centreLimits.miny, centreLimits.maxy);
    }
    return out;
}

bool Navigator::valid(const geo::Viewport& vp) {
    return std::isfinite(vp.center.x) && std::isfinite(vp.center.y) && std::isfinite(vp.metresPerPixel) &&
           vp.metresPerPixel > 0 && vp.widthPx >= 1 && vp.heightPx >= 1;
}

QRectF frameRectIn(const geo::Viewport& from, const geo::Viewport& to) {
    const geo::Box b = from.mapBounds();
    const geo::Point topLeft = to.toScreen({b.minx, b.maxy});
    const geo::Point bottomRight = to.toScreen({b.maxx, b.miny});
    return {QPointF(topLeft.x, topLeft.y), QPointF(bottomRight.x, bottomRight.y)};
}

} // namespace isv
