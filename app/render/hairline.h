#pragma once

#include <QPolygonF>

#include <vector>

class QPainter;

namespace isv {

/// Strokes `lines` (closed: each back to its first point) with the painter's pen when that pen is at most one
/// device pixel wide and the painter draws antialiased into a 32-bit image with no rotation, no clip but a
/// rectangle, and no composition mode: the pixels Qt's cosmetic stroker makes for such a pen (a pixel pair
/// per step along the line, weighted by distance, times the pen's width), written straight into the image. Qt
/// blends each of those pixels through a span callback, which makes thin lines (graticule, coastlines) a
/// quarter of a frame; this costs a fifth of that. False (nothing drawn) when the pen or painter is not such
/// a case.
bool drawHairlines(QPainter& painter, const std::vector<QPolygonF>& lines, bool closed);

} // namespace isv
