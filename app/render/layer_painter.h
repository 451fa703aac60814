#pragma once
// LayerPainter: draws a frame's layer steps (prepared geometry) onto one painter that holds some rows of
// the frame. It reads only the parts in those rows, cuts what it draws to them, and counts what it drew.
#include "frame_plan.h"

#include <QBrush>
#include <QPolygonF>
#include <QTransform>

#include <vector>

class QPainter;

namespace isv {

class RenderCache;
struct RenderReport;

/// The brush for a claim's hatching (several sides: composed). Raster devices get a pre-drawn tile (Qt fills
/// pattern brushes pixel by pixel, ten times slower); vector devices (SVG, PDF) the pattern brush.
QBrush hatchBrush(const QPainter& painter, const std::vector<const ClaimStyle*>& sides, double dpr,
                  RenderCache& cache);

class LayerPainter {
  public:
    /// `rows` (logical pixels) is the part of the frame this painter's device holds: geometry outside it
    /// (plus a margin for pens and halos) is not read. Parts are counted in `report` by the stripe that holds
    /// the top of their box, so a frame counts each once however many stripes draw it.
    LayerPainter(QPainter& painter, const MapSettings& settings, int level, const QRectF& rows,
                 RenderCache& cache, RenderReport& report);

    void draw(const LayerStep& step);

  private:
    template <class Keep, class Style> void drawLayer(const SceneLayer& layer, Keep keep, Style style);
    void longRing(const SceneLayer& layer, const ScenePart& header, std::vector<QPolygonF>& out);
    void addDashes(const QPolygonF& line, const QPen& pen, QPainterPath& out) const;
    void drawRings(std::vector<QPolygonF>& rings, bool closed);
    bool coastOf(const std::vector<QPolygonF>& rings, std::vector<QPolygonF>& lines,
                 std::vector<QPolygonF>& whole) const;
    void count(const geo::Box& box, std::size_t vertices, bool part = true);

    QPainter& p_;
    const MapSettings& s_;
    RenderCache& cache_;
    RenderReport& r_;
    int level_;
    QTransform t_;
    geo::Box view_; ///< the whole view (metres, with a margin)
    geo::Box box_;  ///< the part of it this painter's rows show
    double countFrom_ = -INFINITY, countTo_ = INFINITY;
    QRectF rowsPx_{-1e9, -1e9, 2e9, 2e9}; ///< this painter's rows (logical pixels)
    QRectF clip_;                         ///< what rings are cut to: the frame's part in those rows, and more
    std::vector<std::pair<QPointF, QPointF>> notCoast_; ///< of the layer being drawn (logical pixels)
    QRectF notCoastBox_;                                ///< round them, with a pixel to spare
    bool bandable_ = false;
    double bandStep_ = 32, bandY0_ = 0;
};

/// Map metres -> logical pixels of a frame.
QTransform mapToScreen(const geo::Viewport& v);

/// A rectangle as a geo::Box (for geo::clipRing).
inline geo::Box boxOf(const QRectF& r) {
    return {r.left(), r.top(), r.right(), r.bottom()};
}

} // namespace isv
