#include "hairline.h"

#include <QImage>
#include <QPainter>
#include <QRegion>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace isv {

namespace {

// Source-over of premultiplied colour `c` at coverage `a` (0-256) onto the pixel at `px`.
inline void blend(quint32* px, quint32 c, int a) {
    const quint32 s = ((((c & 0x00ff00ffu) * quint32(a)) >> 8) & 0x00ff00ffu) |
                      ((((c >> 8) & 0x00ff00ffu) * quint32(a)) & 0xff00ff00u);
    const quint32 ia = 255 - (s >> 24);
    const quint32 d = *px;
    quint32 rb = (d & 0x00ff00ffu) * ia;
    rb = ((rb + ((rb >> 8) & 0x00ff00ffu) + 0x00800080u) >> 8) & 0x00ff00ffu;
    quint32 ag = ((d >> 8) & 0x00ff00ffu) * ia;
    ag = (ag + ((ag >> 8) & 0x00ff00ffu) + 0x00800080u) & 0xff00ff00u;
    *px = s + (rb | ag);
}

struct Target {
    uchar* bits;
    qsizetype bpl;
    QRect clip; // device pixels that may be written
};

// One segment in device pixels: a step per column (or row, for a steep segment), where the line's centre
// is shared between the two pixels it passes between, times the part of the column the segment spans (so
// the segments of a line share the column where they meet). A capped end reaches half a pixel further.
void segment(const Target& t, QPointF a, QPointF b, quint32 colour, int opacity, bool capA, bool capB) {
    // Cut to the clip with two pixels to spare (Liang-Barsky), which also keeps far-off points (a line
    // leaving the view when zoomed in) within integer range; an end that is cut off has no cap.
    const QRectF keep = QRectF(t.clip).adjusted(-2, -2, 2, 2);
    double t0 = 0, t1 = 1;
    const double ex = b.x() - a.x(), ey = b.y() - a.y();
    if (!std::isfinite(ex) || !std::isfinite(ey)) return;
    for (const auto& [p, q] : {std::pair{-ex, a.x() - keep.left()}, std::pair{ex, keep.right() - a.x()},
                               std::pair{-ey, a.y() - keep.top()}, std::pair{ey, keep.bottom() - a.y()}}) {
        if (p == 0) {
            if (q < 0) return;
            continue;
        }
        const double r = q / p;
        if (p < 0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
    }
    if (t0 > t1) return;
    if (t1 < 1) b = a + QPointF(ex, ey) * t1, capB = false;
    if (t0 > 0) a = a + QPointF(ex, ey) * t0, capA = false;
    double dx = b.x() - a.x(), dy = b.y() - a.y();
    const bool flat = std::abs(dx) >= std::abs(dy);
    if (!flat) {
        a = {a.y(), a.x()};
        b = {b.y(), b.x()};
        std::swap(dx, dy);
    }
    if (dx < 0) {
        std::swap(a, b);
        std::swap(capA, capB);
        dx = -dx;
        dy = -dy;
    }
    if (!(dx > 0)) return;
    const QRect& c = t.clip;
    const int major0 = flat ? c.left() : c.top(), major1 = flat ? c.right() + 1 : c.bottom() + 1;
    const int minor0 = flat ? c.top() : c.left(), minor1 = flat ? c.bottom() + 1 : c.right() + 1;
    const double xa = a.x() - (capA ? 0.5 : 0.0), xb = b.x() + (capB ? 0.5 : 0.0);
    const int first = static_cast<int>(std::floor(xa)), last = static_cast<int>(std::ceil(xb)) - 1;
    const int from = std::max(major0, first), to = std::min(major1 - 1, last);
    if (from > to) return;
    const double slope = dy / dx;
    // The centre's position across the segment at each column's centre, in 16.16 fixed point, one pixel
    // up so that it stays positive at the first row; pixels outside the clip are skipped.
    const double y0 = a.y() + (from + 0.5 - a.x()) * slope + 0.5, y1 = y0 + (to - from) * slope;
    if (std::max(y0, y1) < minor0 || std::min(y0, y1) > minor1 + 2) return;
    const auto part = [&](int i) { // of column i's width that the segment spans, times the opacity
        return static_cast<int>(opacity * (std::min(i + 1.0, xb) - std::max(double(i), xa)) + 0.5);
    };
    const int openFirst = part(first), openLast = part(last);
    const auto in = [&](int r) { return r >= minor0 && r < minor1; };
    std::int64_t y = std::llround(y0 * 65536.0);
    const auto step = std::llround(slope * 65536.0);
    for (int i = from; i <= to; ++i, y += step) {
        if (y < 0) continue;
        const int o = i == first ? openFirst : i == last ? openLast : opacity;
        const int r = static_cast<int>(y >> 16) - 1, f = static_cast<int>((y >> 8) & 0xff);
        const int c0 = ((256 - f) * o) >> 8, c1 = (f * o) >> 8;
        if (flat) {
            if (in(r)) blend(reinterpret_cast<quint32*>(t.bits + r * t.bpl) + i, colour, c0);
            if (in(r + 1)) blend(reinterpret_cast<quint32*>(t.bits + (r + 1) * t.bpl) + i, colour, c1);
        } else {
            auto* row = reinterpret_cast<quint32*>(t.bits + i * t.bpl);
            if (in(r)) blend(row + r, colour, c0);
            if (in(r + 1)) blend(row + r + 1, colour, c1);
        }
    }
}

} // namespace

bool drawHairlines(QPainter& painter, const std::vector<QPolygonF>& lines, bool closed) {
    QPaintDevice* device = painter.device();
    if (!device || device->devType() != QInternal::Image || !painter.testRenderHint(QPainter::Antialiasing) ||
        painter.compositionMode() != QPainter::CompositionMode_SourceOver || painter.opacity() != 1.0)
        return false;
    auto* image = static_cast<QImage*>(device);
    if (image->format() != QImage::Format_ARGB32_Premultiplied && image->format() != QImage::Format_RGB32)
        return false;
    const QPen pen = painter.pen();
    if (pen.style() != Qt::SolidLine || pen.brush().style() != Qt::SolidPattern) return false;
    const QTransform m = painter.deviceTransform();
    if (m.type() > QTransform::TxScale) return false;
    // Qt's cosmetic stroker draws pens up to one device pixel wide at full width and the pen's width as
    // opacity; a zero width is one pixel.
    const double width = pen.widthF() == 0  ? 1.0
                         : pen.isCosmetic() ? pen.widthF()
                                            : pen.widthF() * std::sqrt(std::abs(m.m11() * m.m22()));
    if (!(width <= 1.0)) return false;
    const int opacity = std::clamp(static_cast<int>(256 * width), 0, 256);
    const quint32 colour = qPremultiply(pen.color().rgba());
    if (opacity == 0 || (colour >> 24) == 0) return true;
    QRect clip = image->rect();
    if (painter.hasClipping()) { // a single rectangle only
        const QRegion region = painter.clipRegion();
        if (region.rectCount() != 1) return false;
        clip &= m.mapRect(QRectF(region.boundingRect())).toAlignedRect();
    }
    if (clip.isEmpty()) return true;
    const Target t{image->bits(), image->bytesPerLine(), clip};
    for (const QPolygonF& line : lines) {
        const qsizetype n = line.size();
        if (n < 2) continue;
        // Open lines end in the pen's cap: half a pixel further for a square cap, as Qt draws them.
        const bool caps = !closed && pen.capStyle() != Qt::FlatCap;
        QPointF a = m.map(line[0]);
        const QPointF first = a;
        for (qsizetype i = 1; i < n; ++i) {
            const QPointF b = m.map(line[i]);
            segment(t, a, b, colour, opacity, caps && i == 1, caps && i == n - 1);
            a = b;
        }
        if (closed && a != first) segment(t, a, first, colour, opacity, false, false);
    }
    return true;
}

} // namespace isv
