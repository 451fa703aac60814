#pragma once
// Layout of a frame: the graticule and its edge labels, the furniture (title, legend, scale bar, north
// arrow, attribution, notes) and the place labels, placed once per frame into a FramePlan.
#include "frame_plan.h"

namespace isv {

/// Fills plan.graticule, the furniture, plan.gridLabels, plan.labels and plan.taken for `settings`.
/// plan.level must be set (the legend's corner is chosen from the land at that detail or coarser).
void layOut(const Scene& scene, const MapSettings& settings, RenderCache& cache, FramePlan& plan);

} // namespace isv
