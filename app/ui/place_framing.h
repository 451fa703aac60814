#pragma once
// Framing a place clear of the map furniture: the view that shows a box whole where the legend, title,
// scale bar, north arrow, attribution and notes of that very frame leave the map free.
#include "navigator.h"

#include <map_settings.h>

#include <QRectF>

#include <vector>

namespace isv {

class Scene;

/// The furniture rectangles (logical pixels) of the frame `settings` describe, from its frame plan.
std::vector<QRectF> furnitureRects(const Scene& scene, const MapSettings& settings);

/// The largest part of a widthPx x heightPx view left when each of `furniture` is cut away from the
/// side of the view it is nearest (so a legend in a corner costs a strip, not the whole corner's row and
/// column).
QRectF freeRect(double widthPx, double heightPx, const std::vector<QRectF>& furniture);

/// The view of `settings`' size showing `box` (projected metres) whole inside the part of the map its own
/// furniture leaves free, within `nav`'s limits. The frame is planned, and the view adjusted, until the
/// box is clear (the legend can move corner as the view moves; at most a few rounds).
geo::Viewport viewClearOfFurniture(const Scene& scene, const MapSettings& settings, const geo::Box& box,
                                   const Navigator& nav);

} // namespace isv
