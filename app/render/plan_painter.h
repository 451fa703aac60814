#pragma once
// Paints what a FramePlan laid out over the layers: graticule, furniture, notes and labels.
#include "frame_plan.h"

class QPainter;

namespace isv {

class RenderCache;

/// Paints `plan`'s graticule, furniture and labels onto `painter`, whose device holds the frame's `rows`
/// (logical pixels; anything wholly outside them is skipped).
void paintOverlay(const FramePlan& plan, const MapSettings& settings, const MapStyle& style,
                  QPainter& painter, const QRectF& rows, RenderCache& cache);

} // namespace isv
