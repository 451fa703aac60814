#include "geo/viewport.h"

#include <cmath>

namespace geo {

Point Viewport::toScreen(Point map) const {
    return {widthPx / 2 + (map.x - center.x) / metresPerPixel,
            heightPx / 2 - (map.y - center.y) / metresPerPixel};
}

Point Viewport::toMap(Point screen) const {
    return {center.x + (screen.x - widthPx / 2) * metresPerPixel,
            center.y - (screen.y - heightPx / 2) * metresPerPixel};
}

Box Viewport::mapBounds() const {
    Box b;
    b.expand(toMap({0, 0}));
    b.expand(toMap({widthPx, heightPx}));
    return b;
}

Viewport Viewport::zoomedAbout(Point screenAnchor, double factor) const {
    const Point anchor = toMap(screenAnchor);
    Viewport v = *this;
    v.metresPerPixel = metresPerPixel / factor;
    v.center = {anchor.x - (screenAnchor.x - widthPx / 2) * v.metresPerPixel,
                anchor.y + (screenAnchor.y - heightPx / 2) * v.metresPerPixel};
    return v;
}

Viewport Viewport::panned(double dxPx, double dyPx) const {
    Viewport v = *this;
    v.center = {center.x - dxPx * metresPerPixel, center.y + dyPx * metresPerPixel};
    return v;
}

Viewport Viewport::fitting(const Box& box, double widthPx, double heightPx, double marginPx) {
    Viewport v;
    v.widthPx = widthPx;
    v.heightPx = heightPx;
    if (box.empty()) return v;
    const double w = std::max(widthPx - 2 * marginPx, 1.0);
    const double h = std::max(heightPx - 2 * marginPx, 1.0);
    const double mpp = std::max(box.width() / w, box.height() / h);
    // A single point has no extent to fit; keep the default scale rather than dividing by zero later.
    if (mpp > 0 && std::isfinite(mpp)) v.metresPerPixel = mpp;
    v.center = box.center();
    return v;
}

} // namespace geo
