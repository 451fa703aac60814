#include "layer_painter.h"

#include "hairline.h"
#include "render_cache.h"
#include "render_map.h"

#include <geo/clip.h>
#include <geo/cpu.h>

#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace isv {

QTransform mapToScreen(const geo::Viewport& v) {
    QTransform t;
    t.translate(v.widthPx / 2, v.heightPx / 2);
    t.scale(1 / v.metresPerPixel, -1 / v.metresPerPixel);
    t.translate(-v.center.x, -v.center.y);
    return t;
}

QBrush hatchBrush(const QPainter& painter, const std::vector<const ClaimStyle*>& sides, double dpr,
                  RenderCache& cache) {
    if (sides.empty()) return {};
    if (!painter.device() || painter.device()->devType() != QInternal::Image)
        return QBrush(sides.front()->colour, sides.front()->pattern);
    return QBrush(cache.hatch(sides, std::max(1.0, dpr)));
}

namespace {

// Cuts closed rings into horizontal bands [y0 + k*step, y0 + (k+1)*step): one path per band, holding the
// part of every ring inside it (in ring order, with points added where edges cross band edges). Even-odd
// filling a band path fills exactly what the rings fill inside that band.
std::vector<QPainterPath> bands(const std::vector<QPolygonF>& rings, double y0, double step) {
    int lo = INT_MAX, hi = INT_MIN;
    const auto bandOf = [&](double y) { return static_cast<int>(std::floor((y - y0) / step)); };
    for (const auto& r : rings)
        for (const QPointF& q : r)
            lo = std::min(lo, bandOf(q.y())), hi = std::max(hi, bandOf(q.y()));
    std::vector<QPolygonF> piece(static_cast<std::size_t>(hi - lo + 1));
    std::vector<QPainterPath> out(piece.size());
    for (auto& path : out)
        path.setFillRule(Qt::OddEvenFill);
    for (const auto& r : rings) {
        const qsizetype n = r.size();
        for (qsizetype i = 0; i < n; ++i) {
            const QPointF a = r[i], b = r[(i + 1) % n];
            const int ba = bandOf(a.y()), bb = bandOf(b.y());
            piece[static_cast<std::size_t>(ba - lo)] << a;
            // Crossing band edge m (between bands m-1 and m) adds the crossing point to both bands.
            const int step1 = bb > ba ? 1 : -1;
            for (int k = ba; k != bb; k += step1) {
                const int m = step1 > 0 ? k + 1 : k;
                const double y = y0 + m * step;
                const QPointF c(a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y()), y);
                piece[static_cast<std::size_t>(k - lo)] << c;
                piece[static_cast<std::size_t>(k + step1 - lo)] << c;
            }
        }
        for (std::size_t k = 0; k < piece.size(); ++k) {
            if (piece[k].size() >= 3) out[k].addPolygon(piece[k]), out[k].closeSubpath();
            piece[k].clear();
        }
    }
    return out;
}

geo::Box viewBox(const geo::Viewport& v, double marginPx) {
    geo::Box b = v.mapBounds();
    const double m = marginPx * v.metresPerPixel;
    return {b.minx - m, b.miny - m, b.maxx + m, b.maxy + m};
}

} // namespace

LayerPainter::LayerPainter(QPainter& painter, const MapSettings& s, int level, const QRectF& rows,
                           RenderCache& cache, RenderReport& report)
    : p_(painter), s_(s), cache_(cache), r_(report), level_(level), t_(mapToScreen(s.viewport)),
      view_(viewBox(s.viewport, 2)), box_(view_) {
    if (rows.isValid()) {
        // Each part is counted in the report by the stripe that holds the top of its box.
        rowsPx_ = rows;
        if (rows.top() > 0) countFrom_ = rows.top();
        if (rows.bottom() < s.viewport.heightPx) countTo_ = rows.bottom();
        const double m = 8 * s.viewport.metresPerPixel;
        const geo::Point a = s.viewport.toMap({rows.left(), rows.bottom()});
        const geo::Point b = s.viewport.toMap({rows.right(), rows.top()});
        box_ = {std::max(box_.minx, a.x - m), std::max(box_.miny, a.y - m), std::min(box_.maxx, b.x + m),
                std::min(box_.maxy, b.y + m)};
    }
    clip_ =
        QRectF(0, 0, s.viewport.widthPx, s.viewport.heightPx).intersected(rowsPx_).adjusted(-16, -16, 16, 16);
    // Band fills (see drawRings()) on raster devices whose device transform is a plain scale: bands of
    // 32 device rows, edges on whole device rows.
    const QTransform dt = painter.deviceTransform();
    bandable_ = painter.device() && painter.device()->devType() == QInternal::Image &&
                dt.type() <= QTransform::TxScale && dt.m22() > 0;
    if (bandable_) bandStep_ = 32 / dt.m22(), bandY0_ = -dt.dy() / dt.m22();
}

void LayerPainter::draw(const LayerStep& step) {
    geo::clearUpperVectorState(); // text drawn on this thread may have left it set
    const SceneLayer& layer = *step.layer;
    const auto keep = [&](const ScenePart& part) {
        return step.parts.empty() || step.parts[static_cast<std::size_t>(&part - layer.parts.data())];
    };
    p_.save();
    p_.setPen(unsharedPen(step.pen)); // the stripes of a frame draw the same steps at once
    if (!step.hatch.empty())
        p_.setBrush(hatchBrush(p_, step.hatch, s_.devicePixelRatio, cache_));
    else
        p_.setBrush(step.fill.isValid() ? QBrush(step.fill) : QBrush(Qt::NoBrush));
    // The hatch is thin lines over land that already has an antialiased coastline: filled without
    // antialiasing it looks the same and costs 40 % less per pixel.
    if (step.aliasedFill && bandable_) p_.setRenderHint(QPainter::Antialiasing, false);
    if (step.skipCuts)
        for (const auto& [a, b] : layer.notCoast) {
            notCoast_.emplace_back(t_.map(QPointF(a.x, a.y)), t_.map(QPointF(b.x, b.y)));
            notCoastBox_ |=
                QRectF(notCoast_.back().first, notCoast_.back().second).normalized().adjusted(-1, -1, 1, 1);
        }
    if (step.points) {
        // A dot is 3 px round its point: those just outside this painter's rows still show in them.
        const double m = 4 * s_.viewport.metresPerPixel;
        for (auto i : layer.index.query({box_.minx - m, box_.miny - m, box_.maxx + m, box_.maxy + m})) {
            const ScenePart& part = layer.parts[i];
            if (!part.point || !keep(part)) continue;
            const QPointF c = layer.polygon(part, 0).value(0);
            p_.drawEllipse(t_.map(c), 3, 3);
            count(part.box, 1);
        }
    } else if (!step.partFill.empty()) {
        drawLayer(layer, keep, [&](const ScenePart& part) {
            p_.setBrush(step.partFill[static_cast<std::size_t>(&part - layer.parts.data())]);
        });
    } else {
        drawLayer(layer, keep, [](const ScenePart&) {});
    }
    notCoast_.clear();
    notCoastBox_ = {};
    p_.restore();
}

// Adds a drawn part (or run) to the report, once per frame however many stripes draw it.
void LayerPainter::count(const geo::Box& box, std::size_t vertices, bool part) {
    const double top = t_.map(QPointF(box.minx, box.maxy)).y();
    if (top < countFrom_ || top >= countTo_) return;
    r_.vertices += vertices;
    r_.partsDrawn += part;
}

// Draws the parts of `layer` that pass `keep`, grouping the rings of one feature into one path so
// holes stay holes. Rings smaller than half a pixel are left out.
template <class Keep, class Style>
void LayerPainter::drawLayer(const SceneLayer& layer, Keep keep, Style style) {
    const double tiny = 0.5 * s_.viewport.metresPerPixel / std::max(1.0, s_.devicePixelRatio);
    // Lines are read whole in every stripe: a dash pattern runs on along a feature's lines, so a stripe
    // must stroke the same lines as the whole frame would.
    const auto ids = layer.index.query(layer.type == geo::GeometryType::Line ? view_ : box_, tiny);
    // Borders and claim lines keep at least 40 m detail; added lines simplify like rings.
    const int lineLevel = layer.added ? level_ : std::min(level_, 2);
    std::vector<QPolygonF> rings, small;
    QPolygonF dots;
    std::int64_t current = -1;
    const ScenePart* first = nullptr;
    // An added layer has one style: its rings of a few pixels are drawn as one path (a world coastline
    // has thousands in view), which costs a fraction of one path each, and rings under a pixel as dots in
    // the outline's colour (which is all such a ring's fill and outline make).
    const double batch = layer.added ? 4 * tiny : 0, dot = layer.added ? 2 * tiny : 0;
    auto flush = [&] {
        if (first && !rings.empty()) {
            style(*first);
            drawRings(rings, first->closed);
        }
        rings.clear();
    };
    for (auto i : ids) {
        const ScenePart& part = layer.parts[i];
        if (part.point) continue; // the points step's
        if (part.closed && part.box.width() < tiny && part.box.height() < tiny) continue;
        if (!keep(part)) continue;
        if (part.closed && part.ring < 0 && part.box.width() < dot && part.box.height() < dot) {
            dots << t_.map(QPointF(part.box.center().x, part.box.center().y));
            count(part.box, 1);
            continue;
        }
        if (part.closed && part.ring < 0 && part.box.width() < batch && part.box.height() < batch) {
            small.emplace_back();
            layer.appendMapped(part, level_, t_, small.back());
            count(part.box, static_cast<std::size_t>(small.back().size()));
            continue;
        }
        if (static_cast<std::int64_t>(part.feature) != current) {
            flush();
            current = part.feature;
            first = &part;
        }
        if (part.ring >= 0) {
            count(part.box, 0);
            longRing(layer, part, rings);
            continue;
        }
        rings.emplace_back();
        layer.appendMapped(part, part.closed ? level_ : lineLevel, t_, rings.back());
        count(part.box, static_cast<std::size_t>(rings.back().size()));
    }
    flush();
    if (!small.empty()) drawRings(small, true);
    if (!dots.isEmpty()) {
        const QBrush brush = p_.brush();
        p_.setBrush(Qt::NoBrush);
        p_.drawPoints(dots);
        p_.setBrush(brush);
    }
}

// A long ring as seen in the view: its runs in view (the only ones whose points are read), joined
// outside the view by arcs round it that turn as far as the runs out of view do. Every point in view
// is then inside the result exactly when it is inside the ring. An out-of-view run's box leaves out
// the view centre, so the angle it turns through follows from its two ends.
void LayerPainter::longRing(const SceneLayer& layer, const ScenePart& header, std::vector<QPolygonF>& out) {
    const SceneRing& ring = layer.rings[static_cast<std::size_t>(header.ring)];
    const ScenePart* runs = layer.runs.data() + ring.firstRun;
    const std::uint32_t n = ring.runCount;
    const geo::Point c = box_.center();
    const double rho = 0.55 * std::hypot(box_.width(), box_.height()); // outside the view box
    const auto end = [&](const ScenePart& run, bool last) {
        const PointF& p = layer.point(run.lods[0].first + (last ? run.lods[0].count - 1 : 0));
        return geo::Point{run.origin.x + p.x, run.origin.y + p.y};
    };
    const auto angle = [&](geo::Point p) { return std::atan2(p.y - c.y, p.x - c.x); };
    // How often a run out of view crosses the ray from the view centre towards +x, upwards counted +1 and
    // downwards -1. Such a run's box leaves out the centre, so it lies wholly on one side of it: only a
    // run right of the centre whose box spans the centre's height can cross the ray, and then its ends
    // tell how. A stretch of runs from p to q then turns round the centre by
    // (angle of q - angle of p, both in [0, 2 pi)) + 2 pi (crossings), with no angle per run.
    const auto above = [&](geo::Point p) { return p.y >= c.y; };
    const auto crossings = [&](const ScenePart& run) {
        if (run.box.minx <= c.x || run.box.miny >= c.y || run.box.maxy < c.y) return 0;
        return int(above(end(run, true))) - int(above(end(run, false)));
    };
    const auto angle0 = [&](geo::Point p) {
        const double a = angle(p);
        return a < 0 ? a + 2 * M_PI : a;
    };
    const auto seen = [&](std::uint32_t k) { return runs[k % n].box.intersects(box_); };
    std::uint32_t k0 = n;
    for (std::uint32_t k = 0; k < n && k0 == n; ++k)
        if (seen(k) && !seen(k + n - 1)) k0 = k;
    QPolygonF poly;
    if (k0 == n && !seen(0)) { // nothing of the ring in view: the view is all inside it or all outside
        int winding = 0;
        for (std::uint32_t k = 0; k < n; ++k)
            winding += crossings(runs[k]);
        if (winding == 0) return;
        poly << t_.map(QPointF(box_.minx, box_.miny)) << t_.map(QPointF(box_.maxx, box_.miny))
             << t_.map(QPointF(box_.maxx, box_.maxy)) << t_.map(QPointF(box_.minx, box_.maxy));
        out.push_back(std::move(poly));
        return;
    }
    if (k0 == n) k0 = 0; // every run in view
    for (std::uint32_t k = k0; k < k0 + n;) {
        if (seen(k)) {
            const qsizetype before = poly.size();
            layer.appendMapped(runs[k % n], level_, t_, poly);
            count(runs[k % n].box, static_cast<std::size_t>(poly.size() - before), false);
            ++k;
            continue;
        }
        const geo::Point from = end(runs[k % n], false);
        int crossed = 0;
        for (; k < k0 + n && !seen(k); ++k)
            crossed += crossings(runs[k % n]);
        const geo::Point to = end(runs[(k + n - 1) % n], true);
        const double total = angle0(to) - angle0(from) + 2 * M_PI * crossed;
        const double a = angle(from), steps = std::ceil(std::abs(total) / (M_PI / 6));
        for (double j = 0; j <= steps; ++j) {
            const double b = a + total * j / std::max(1.0, steps);
            poly << t_.map(QPointF(c.x + rho * std::cos(b), c.y + rho * std::sin(b)));
        }
        poly << t_.map(QPointF(to.x, to.y));
    }
    out.push_back(std::move(poly));
}

// The dashes of `pen`'s pattern along `line` (logical pixels), from the line's start, as open subpaths
// of `out`; dashes wholly outside this painter's rows (with a pen's width to spare) are left out.
void LayerPainter::addDashes(const QPolygonF& line, const QPen& pen, QPainterPath& out) const {
    const QList<qreal> pattern = pen.dashPattern(); // on, off, on, off ... in pen widths
    const double w = std::max(pen.widthF(), 1.0);
    if (pattern.size() < 2 || line.size() < 2) return;
    const QRectF keep = rowsPx_.adjusted(-2 * w, -2 * w, 2 * w, 2 * w);
    qsizetype k = 0;
    double left = pattern[0] * w; // of the current dash or gap
    QPolygonF dash{line.first()};
    const auto flush = [&] {
        if (dash.size() >= 2 && keep.intersects(dash.boundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)))
            out.addPolygon(dash);
        dash.clear();
    };
    for (qsizetype i = 1; i < line.size(); ++i) {
        QPointF a = line[i - 1];
        const QPointF b = line[i];
        double length = QLineF(a, b).length();
        while (length > left) {
            const QPointF c = a + (b - a) * (left / length);
            if (k % 2 == 0)
                dash << c, flush();
            else
                dash = QPolygonF{c};
            length -= left;
            a = c;
            k = (k + 1) % pattern.size();
            left = std::max(pattern[k] * w, 0.01);
        }
        left -= length;
        if (k % 2 == 0) dash << b;
    }
    if (k % 2 == 0) flush();
}

// One feature's rings (closed) or lines, in logical pixels, with the current pen and brush. Rings are cut
// to what this painter shows (with a margin wider than any pen): Qt's rasteriser would otherwise walk
// every edge of a big island of which a corner is in view.
void LayerPainter::drawRings(std::vector<QPolygonF>& rings, bool closed) {
    if (closed) {
        for (auto& r : rings)
            if (r.size() > 16) geo::clipRing(r, boxOf(clip_));
        std::erase_if(rings, [](const QPolygonF& r) { return r.size() < 3; });
        if (rings.empty()) return;
    }
    const QPen pen = p_.pen();
    const auto pathOf = [&](const std::vector<QPolygonF>& polys) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const auto& r : polys) {
            path.addPolygon(r);
            if (closed) path.closeSubpath();
        }
        return path;
    };
    if (!closed) {
        if (pen.style() == Qt::SolidLine && drawHairlines(p_, rings, false)) return;
        if (pen.style() == Qt::SolidLine || pen.style() == Qt::NoPen || !bandable_)
            return p_.strokePath(pathOf(rings), pen);
        // Dashes are laid out here along each whole line and only those in this painter's rows are
        // stroked: Qt's own dashing skips ahead differently when part of a line is clipped away, which
        // would shift the pattern at a stripe's edge.
        QPen solid = pen;
        solid.setStyle(Qt::SolidLine);
        QPainterPath dashed;
        for (const auto& r : rings)
            addDashes(r, pen, dashed);
        return p_.strokePath(dashed, solid);
    }
    const QBrush brush = p_.brush();
    const bool outline = pen.style() != Qt::NoPen;
    std::optional<QPainterPath> path;
    if (brush.style() != Qt::NoBrush) {
        path = pathOf(rings);
        std::size_t n = 0;
        for (const auto& r : rings)
            n += static_cast<std::size_t>(r.size());
        p_.setPen(Qt::NoPen);
        if (bandable_ && outline && pen.color().alpha() == 255 && pen.widthF() >= 0.8 &&
            p_.testRenderHint(QPainter::Antialiasing)) {
            // Under an opaque outline 0.8 px wide or more, the antialiased edge of a fill is never seen
            // (the outline covers it: at most 4 levels differ on a few pixels), so the fill can do
            // without: one scan of the outline, which costs a fraction of an antialiased fill.
            p_.setRenderHint(QPainter::Antialiasing, false);
            p_.drawPath(*path);
            p_.setRenderHint(QPainter::Antialiasing, true);
        } else if (bandable_ && n >= 256 && path->controlPointRect().height() >= 4 * bandStep_) {
            // Qt's antialiased rasteriser re-reads the whole outline for every few rows it fills, so a
            // long coastline costs (rows x vertices). Filled in bands of whole device rows it costs about
            // (vertices): pixels never straddle two bands, so the result is the same as one fill.
            for (const QPainterPath& band : bands(rings, bandY0_, bandStep_))
                p_.drawPath(band);
        } else {
            p_.drawPath(*path);
        }
        p_.setPen(pen);
    }
    if (!outline) return;
    if (std::vector<QPolygonF> lines, whole; coastOf(rings, lines, whole)) {
        // Outlined as open lines that leave out the edges that are not coast, and whole rings.
        if (!drawHairlines(p_, lines, false)) {
            QPainterPath open;
            for (const auto& l : lines)
                open.addPolygon(l);
            p_.strokePath(open, pen);
        }
        if (!whole.empty() && !drawHairlines(p_, whole, true)) p_.strokePath(pathOf(whole), pen);
        return;
    }
    if (drawHairlines(p_, rings, true)) return;
    p_.setBrush(Qt::NoBrush);
    p_.drawPath(path ? *path : pathOf(rings));
    p_.setBrush(brush);
}

// Whether an edge of closed `rings` (logical pixels) lies along notCoast_; if so, the outlines of those
// rings without such edges as open `lines`, and the other rings in `whole`.
bool LayerPainter::coastOf(const std::vector<QPolygonF>& rings, std::vector<QPolygonF>& lines,
                           std::vector<QPolygonF>& whole) const {
    if (notCoast_.empty()) return false;
    const auto along = [&](QPointF a, QPointF b) {
        if (!notCoastBox_.contains(a) || !notCoastBox_.contains(b)) return false;
        for (const auto& edge : notCoast_) {
            // Not a structured binding: clang 14, which builds the fuzzers, cannot capture one in `on`.
            const QPointF c = edge.first, e = edge.second - c;
            const double len2 = QPointF::dotProduct(e, e);
            if (!(len2 > 0)) continue;
            const auto on = [&](QPointF p) { // within a third of a pixel of the edge
                const double t = QPointF::dotProduct(p - c, e) / len2;
                const QPointF q = c + t * e;
                return t > -0.01 && t < 1.01 && QPointF::dotProduct(p - q, p - q) < 0.1;
            };
            if (on(a) && on(b)) return true;
        }
        return false;
    };
    bool any = false;
    for (const QPolygonF& r : rings) {
        const qsizetype n = r.size();
        qsizetype cut = -1; // an edge (i, i+1) along notCoast_
        for (qsizetype i = 0; i < n && cut < 0; ++i)
            if (along(r[i], r[(i + 1) % n])) cut = i;
        if (cut < 0) {
            whole.push_back(r);
            continue;
        }
        any = true;
        // From the end of that edge round to its start, breaking at every other such edge.
        QPolygonF line{r[(cut + 1) % n]};
        for (qsizetype k = 1; k <= n; ++k) {
            const QPointF a = r[(cut + k) % n], b = r[(cut + k + 1) % n];
            if (along(a, b)) {
                if (line.size() > 1) lines.push_back(line);
                line = QPolygonF{b};
            } else {
                line << b;
            }
        }
        if (line.size() > 1) lines.push_back(line);
    }
    return any;
}

} // namespace isv
