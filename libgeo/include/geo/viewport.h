#pragma once
// Pure view maths: which projected rectangle a widget of a given pixel size shows.
#include "geo/geometry.h"

namespace geo {

/// A view onto projected map space. Screen y points down; map y points up (north).
struct Viewport {
    Point center;                ///< projected metres at the middle of the view
    double metresPerPixel = 100; ///< scale, in logical pixels
    double widthPx = 800;
    double heightPx = 600;

    Point toScreen(Point map) const;
    Point toMap(Point screen) const;
    Box mapBounds() const;
    /// Zooms by `factor` (>1 zooms in) keeping the map point under `screenAnchor` fixed.
    Viewport zoomedAbout(Point screenAnchor, double factor) const;
    /// Moves the content by (dx, dy) pixels (drag direction).
    Viewport panned(double dxPx, double dyPx) const;
    /// The viewport that shows `box` whole, centred, with `marginPx` of free border.
    static Viewport fitting(const Box& box, double widthPx, double heightPx, double marginPx = 0);
    friend bool operator==(const Viewport&, const Viewport&) = default;
};

} // namespace geo
