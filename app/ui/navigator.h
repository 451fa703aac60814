#pragma once
// Navigator: the pan/zoom rules of the map window as pure functions on geo::Viewport. No Qt widgets, no
// state beyond the limits, so every rule is unit-tested without a window.
#include <geo/viewport.h>

#include <QRectF>

namespace isv {

/// Pan/zoom rules. Screen points are logical pixels (y down); map points are projected metres (y up).
struct Navigator {
    double minMetresPerPixel = 5;      ///< most zoomed in
    double maxMetresPerPixel = 5000;   ///< most zoomed out
    geo::Box centreLimits;             ///< the view centre stays inside this box (metres); empty = anywhere
    double wheelFactorPerNotch = 1.25; ///< zoom per 120 units of wheel angle delta (one notch)
    double keyZoomFactor = 2.0;        ///< + / - keys and actions
    double keyPanFraction = 0.125;     ///< arrow keys pan by this fraction of the view

    /// Zooms by `factor` (>1 = in) keeping the map point under `anchorPx` fixed; the scale is clamped to
    /// the limits, and the anchor stays fixed even when clamped.
    geo::Viewport zoomAbout(const geo::Viewport& vp, geo::Point anchorPx, double factor) const;
    /// Zooms for a wheel turn of `angleDeltaY` (eighths of a degree, 120 = one notch; > 0 = in).
    geo::Viewport wheel(const geo::Viewport& vp, geo::Point anchorPx, double angleDeltaY) const;
    /// Moves the content by (dx, dy) logical pixels, as a drag does.
    geo::Viewport pan(const geo::Viewport& vp, double dxPx, double dyPx) const;
    /// Arrow-key pan: (-1, 0) = left key etc. The view looks that way, so the content moves opposite.
    geo::Viewport panSteps(const geo::Viewport& vp, int stepsX, int stepsY) const;
    /// The view that shows `box` (metres) whole in a widthPx x heightPx widget, within the scale limits.
    geo::Viewport fit(const geo::Box& box, double widthPx, double heightPx, double marginPx = 24) const;
    /// The same centre and scale in a widget of a new size.
    geo::Viewport resized(const geo::Viewport& vp, double widthPx, double heightPx) const;
    /// `vp` with its scale clamped to the limits and its centre to `centreLimits`.
    geo::Viewport clamped(const geo::Viewport& vp) const;
    /// True if `vp` is usable (finite, positive size and scale): for viewports read back from settings.
    static bool valid(const geo::Viewport& vp);
};

/// Where an image rendered for viewport `from` has to be drawn (logical pixels) to line up with viewport
/// `to`: used to show the previous frame moved and scaled while the new one renders.
QRectF frameRectIn(const geo::Viewport& from, const geo::Viewport& to);

} // namespace isv
