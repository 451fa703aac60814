#include "plan_painter.h"

#include "hairline.h"
#include "layer_painter.h"
#include "render_cache.h"

#include <QCoreApplication>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

namespace isv {

namespace {

class OverlayPainter {
  public:
    OverlayPainter(const MapSettings& s, const MapStyle& style, QPainter& p, const QRectF& rows,
                   RenderCache& cache)
        : s_(s), style_(style), p_(p), rows_(rows), cache_(cache), scaleBar_(unsharedFont(style.scaleBar)),
          northArrow_(unsharedFont(style.northArrow)), note_(unsharedFont(style.note)) {}

    // Whether anything drawn inside `r` (logical pixels, with 4 px to spare) lands in this painter's rows.
    bool inRows(const QRectF& r) const { return r.adjusted(-4, -4, 4, 4).intersects(rows_); }

    // A text's halo and glyphs, drawn once per (text, font, colour, device resolution) and then copied:
    // stroking glyph outlines for the halo is the costliest part of a frame. Raster devices only (SVG and
    // PDF keep real, searchable text); the copy lands on whole device pixels, within half a pixel of
    // `origin`.
    bool sprite(const QString& text, const QFont& f, const QColor& colour, QPointF origin, const QPen* halo) {
        const QTransform dt = p_.deviceTransform();
        if (!p_.device() || p_.device()->devType() != QInternal::Image || dt.type() > QTransform::TxScale)
            return false;
        const TextSprite sprite =
            cache_.sprite(text, f, colour, halo, *static_cast<const QImage*>(p_.device()));
        const QPointF o = dt.map(origin);
        const QPointF at(std::round(o.x()) - sprite.origin.x(), std::round(o.y()) - sprite.origin.y());
        p_.drawImage(dt.inverted().map(at), sprite.image);
        return true;
    }

    // Plain text (no halo) with its baseline at `origin`.
    void text(const QString& text, const QFont& f, const QColor& colour, QPointF origin) {
        if (sprite(text, f, colour, origin, nullptr)) return;
        p_.setFont(f);
        p_.setPen(colour);
        p_.drawText(origin, text);
    }

    // The same, centred in `box` (one line).
    void centred(const QString& s, const QFont& f, const QColor& colour, const QRectF& box) {
        const TextMetrics m = cache_.measure(s, f);
        text(s, f, colour,
             QPointF(box.center().x() - m.advance / 2, box.center().y() - m.height / 2 + m.ascent));
    }

    void graticule(const std::vector<QPolygonF>& lines) {
        QPen pen(style_.graticule, style_.graticuleWidth);
        pen.setCosmetic(true);
        p_.setPen(pen);
        p_.setBrush(Qt::NoBrush);
        for (const QPolygonF& line : lines)
            if (!drawHairlines(p_, {line}, false)) p_.drawPolyline(line);
    }

    // A past day's border lines, in the pen of today's enforced line.
    void datedLines(const std::vector<QPolygonF>& lines) {
        p_.setPen(QPen(style_.defactoLine, style_.defactoWidth, Qt::DashDotLine));
        p_.setBrush(Qt::NoBrush);
        for (const QPolygonF& line : lines)
            p_.drawPolyline(line);
    }

    void title(const TextItem& t) {
        p_.setFont(unsharedFont(t.font));
        p_.setPen(Qt::NoPen);
        p_.setBrush(style_.titlePanel);
        p_.drawRoundedRect(t.box, 4, 4);
        p_.setPen(t.colour);
        p_.drawText(t.box.adjusted(8, 6, -8, -6), Qt::TextWordWrap, t.text);
    }

    void legend(const LegendPlan& l) {
        if (!inRows(l.box)) return;
        const QFont font = unsharedFont(l.font), headingFont = unsharedFont(l.headingFont);
        const double row = l.row, sw = l.swatch;
        p_.setPen(QPen(style_.legendBorder, 1));
        p_.setBrush(style_.legendPanel);
        p_.drawRoundedRect(l.box, 4, 4);
        double y = l.box.top() + 6;
        for (const QString& line : l.headingLines) {
            const TextMetrics head = cache_.measure(line, headingFont);
            text(line, headingFont, style_.text, QPointF(l.box.left() + 8, y + head.ascent));
            y += head.height;
        }
        y += 2;
        for (const auto& e : l.entries) {
            const QRectF swatch(l.box.left() + 8, y + 2, sw, row - 6);
            p_.save();
            for (const SwatchLayer& layer : e.swatch) {
                p_.setPen(unsharedPen(layer.pen)); // the stripes of a frame paint the same legend at once
                if (e.line) {
                    p_.drawLine(swatch.left(), swatch.center().y(), swatch.right(), swatch.center().y());
                    continue;
                }
                p_.setBrush(!layer.hatch.empty() ? hatchBrush(p_, layer.hatch, s_.devicePixelRatio, cache_)
                                                 : QBrush(layer.fill));
                p_.drawRect(swatch);
            }
            p_.restore();
            const double x = e.swatch.empty() ? l.box.left() + 8 : swatch.right() + 8;
            for (const QString& line : e.lines) {
                text(line, font, style_.text, QPointF(x, y + cache_.measure(line, font).ascent + 1));
                y += row;
            }
        }
    }

    void scaleBar(const ScaleBarPlan& b) {
        const QPointF o = b.origin;
        p_.setFont(scaleBar_);
        p_.setPen(Qt::NoPen);
        p_.setBrush(style_.panel);
        p_.drawRect(b.box);
        p_.setBrush(style_.text);
        p_.drawRect(QRectF(o.x(), o.y(), b.lengthPx / 2, 4));
        p_.setBrush(Qt::white);
        p_.setPen(QPen(style_.text, 1));
        p_.drawRect(QRectF(o.x() + b.lengthPx / 2, o.y(), b.lengthPx / 2, 4));
        centred(b.text, scaleBar_, style_.text, QRectF(o.x(), o.y() - 16, b.lengthPx, 14));
    }

    void northArrow(QPointF c, double angle, double scale) {
        p_.save();
        p_.translate(c);
        p_.scale(scale, scale);
        p_.setPen(Qt::NoPen);
        p_.setBrush(style_.panel);
        p_.drawEllipse(QPointF(0, 0), 22, 22);
        p_.rotate(angle);
        QPolygonF left, right;
        left << QPointF(0, -17) << QPointF(-7, 10) << QPointF(0, 5);
        right << QPointF(0, -17) << QPointF(7, 10) << QPointF(0, 5);
        p_.setPen(QPen(style_.text, 1));
        p_.setBrush(style_.text);
        p_.drawPolygon(left);
        p_.setBrush(Qt::white);
        p_.drawPolygon(right);
        p_.restore();
        //: the north arrow's letter
        centred(QCoreApplication::translate("map", "N"), northArrow_, style_.text,
                QRectF(c.x() - 10, c.y() + 20 * scale, 20, 14));
    }

    void attribution(const TextItem& a) {
        p_.setFont(unsharedFont(a.font));
        p_.setPen(Qt::NoPen);
        p_.setBrush(style_.panel);
        p_.drawRect(a.box);
        p_.setPen(a.colour);
        p_.drawText(a.box.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, a.text);
    }

    void note(const NotePlan& n) {
        p_.setPen(QPen(style_.text, 1.2));
        p_.drawLine(n.at, n.joint);
        p_.setBrush(style_.notePanel);
        p_.drawRoundedRect(n.box, 3, 3);
        p_.setBrush(style_.selected);
        p_.drawEllipse(n.at, 3, 3);
        p_.setFont(note_);
        p_.setPen(style_.text);
        p_.drawText(n.box.adjusted(6, 4, -6, -4), Qt::TextWordWrap, n.text);
    }

    void label(const PlacedLabel& l) {
        TextItem t = l.text;
        t.font = unsharedFont(t.font);
        if (!inRows(l.dot ? t.box.united(QRectF(*l.dot, *l.dot).adjusted(-4, -4, 4, 4)) : t.box)) return;
        if (l.dot) {
            p_.setPen(QPen(Qt::white, 1.2));
            p_.setBrush(style_.text);
            p_.drawEllipse(*l.dot, 2.6, 2.6);
        }
        if (sprite(t.text, t.font, t.colour, t.origin, &style_.halo)) return;
        p_.setPen(style_.halo);
        p_.setBrush(Qt::NoBrush);
        QPainterPath path;
        path.addText(t.origin, t.font, t.text);
        p_.drawPath(path);
        // Glyphs as text (not outlines) so SVG and PDF keep searchable text with embedded fonts.
        p_.setFont(t.font);
        p_.setPen(t.colour);
        p_.drawText(t.origin, t.text);
    }

  private:
    const MapSettings& s_;
    const MapStyle& style_;
    QPainter& p_;
    QRectF rows_;
    RenderCache& cache_;
    // This painter's own copies of the fonts (see unsharedFont): the stripes of a frame draw at once.
    QFont scaleBar_, northArrow_, note_;
};

} // namespace

void paintOverlay(const FramePlan& plan, const MapSettings& settings, const MapStyle& style,
                  QPainter& painter, const QRectF& rows, RenderCache& cache) {
    OverlayPainter o(settings, style, painter, rows, cache);
    o.graticule(plan.graticule);
    if (!plan.datedLines.empty()) o.datedLines(plan.datedLines);
    if (plan.title) o.title(*plan.title);
    if (plan.legend) o.legend(*plan.legend);
    if (plan.scaleBar) o.scaleBar(*plan.scaleBar);
    if (plan.northArrow) o.northArrow(*plan.northArrow, plan.northAngle, plan.northArrowScale);
    if (plan.attribution) o.attribution(*plan.attribution);
    for (const NotePlan& n : plan.notes)
        o.note(n);
    for (const TextItem& t : plan.gridLabels)
        if (o.inRows(t.box)) o.text(t.text, unsharedFont(t.font), t.colour, t.origin);
    for (const PlacedLabel& l : plan.labels)
        o.label(l);
}

} // namespace isv
