#include "render_map.h"

#include "hairline.h"
#include "worldview.h"

#include <geo/geodesic.h>

#include <QElapsedTimer>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <climits>
#include <cmath>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace isv {

namespace {

const QColor kSea("#c9dff0");
const QColor kLand("#f3efe4");
const QColor kCoast("#4d5b66");
const QColor kHighlight(255, 196, 0, 150);
const QColor kSelected("#d35400");
const QColor kAdded("#7d3c98");
const QColor kText("#1d2a33");
const QColor kDefactoLine("#333333");
const QPen kHalo(QColor(255, 255, 255, 220), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);

// Map metres -> logical pixels.
QTransform mapToScreen(const geo::Viewport& v) {
    QTransform t;
    t.translate(v.widthPx / 2, v.heightPx / 2);
    t.scale(1 / v.metresPerPixel, -1 / v.metresPerPixel);
    t.translate(-v.center.x, -v.center.y);
    return t;
}

geo::Box viewBox(const geo::Viewport& v, double marginPx) {
    geo::Box b = v.mapBounds();
    const double m = marginPx * v.metresPerPixel;
    return {b.minx - m, b.miny - m, b.maxx + m, b.maxy + m};
}

} // namespace

int levelOfDetail(const MapSettings& s) {
    const double pxM = s.viewport.metresPerPixel / std::max(1.0, s.devicePixelRatio);
    const double allowed = s.draft ? 1.5 * pxM : 1.0 * pxM;
    int level = 0;
    for (int l = 1; l < kLevels; ++l)
        if (kBaseToleranceM * std::pow(4.0, l - 1) <= allowed) level = l;
    return level;
}

namespace {

const std::string& attr(const SceneLayer& layer, const ScenePart& part, std::string_view field) {
    return layer.source->value(part.feature, field);
}

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

// What a text sprite depends on (see Frame::drawLabelSprite).
struct SpriteKey {
    QString text;
    QFont font;
    QRgb colour;
    bool halo;
    double dpr;
    int dpmX, dpmY;
    bool operator==(const SpriteKey&) const = default;
};
size_t qHash(const SpriteKey& k, size_t seed = 0) {
    return qHashMulti(seed, k.text, k.font, k.colour, k.halo, k.dpr, k.dpmX, k.dpmY);
}

class Frame {
  public:
    // `rows` (logical pixels) is the part of the view this painter's device holds: geometry outside it
    // (plus a margin for pens and halos) is not read. Layout (labels, legend) always uses the whole view.
    Frame(const Scene& scene, const MapSettings& s, QPainter& p, RenderReport& r, const QRectF& rows)
        : scene_(scene), s_(s), p_(p), r_(r), t_(mapToScreen(s.viewport)), view_(viewBox(s.viewport, 2)),
          box_(view_) {
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
        r_.level = levelOfDetail(s);
        clip_ = QRectF(0, 0, s.viewport.widthPx, s.viewport.heightPx)
                    .intersected(rowsPx_)
                    .adjusted(-16, -16, 16, 16);
        // Band fills (see draw()) on raster devices whose device transform is a plain scale: bands of
        // 32 device rows, edges on whole device rows.
        const QTransform dt = p.deviceTransform();
        bandable_ = p.device() && p.device()->devType() == QInternal::Image &&
                    dt.type() <= QTransform::TxScale && dt.m22() > 0;
        if (bandable_) bandStep_ = 32 / dt.m22(), bandY0_ = -dt.dy() / dt.m22();
    }

    // Adds a drawn part (or run) to the report, once per frame however many stripes draw it.
    void count(const geo::Box& box, std::size_t vertices, bool part = true) {
        const double top = t_.map(QPointF(box.minx, box.maxy)).y();
        if (top < countFrom_ || top >= countTo_) return;
        r_.vertices += vertices;
        r_.partsDrawn += part;
    }

    // Draws the parts of `layer` that pass `keep`, grouping the rings of one feature into one path so
    // holes stay holes. Rings smaller than half a pixel are left out.
    template <class Keep, class Style> void drawLayer(const SceneLayer& layer, Keep keep, Style style) {
        const double tiny = 0.5 * s_.viewport.metresPerPixel / std::max(1.0, s_.devicePixelRatio);
        // Lines are read whole in every stripe: a dash pattern runs on along a feature's lines, so a stripe
        // must stroke the same lines as the whole frame would.
        const auto ids = layer.index.query(layer.type == geo::GeometryType::Line ? view_ : box_, tiny);
        // Borders and claim lines keep at least 40 m detail; added lines simplify like rings.
        const int lineLevel = layer.added ? r_.level : std::min(r_.level, 2);
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
                draw(rings, first->closed);
            }
            rings.clear();
        };
        for (auto i : ids) {
            const ScenePart& part = layer.parts[i];
            if (part.closed && part.box.width() < tiny && part.box.height() < tiny) continue;
            if (!keep(part)) continue;
            if (part.closed && part.ring < 0 && part.box.width() < dot && part.box.height() < dot) {
                dots << t_.map(QPointF(part.box.center().x, part.box.center().y));
                count(part.box, 1);
                continue;
            }
            if (part.closed && part.ring < 0 && part.box.width() < batch && part.box.height() < batch) {
                small.emplace_back();
                layer.appendMapped(part, r_.level, t_, small.back());
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
            layer.appendMapped(part, part.closed ? r_.level : lineLevel, t_, rings.back());
            count(part.box, static_cast<std::size_t>(rings.back().size()));
        }
        flush();
        if (!small.empty()) draw(small, true);
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
    void longRing(const SceneLayer& layer, const ScenePart& header, std::vector<QPolygonF>& out) {
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
                layer.appendMapped(runs[k % n], r_.level, t_, poly);
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
    void addDashes(const QPolygonF& line, const QPen& pen, QPainterPath& out) const {
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
    void draw(std::vector<QPolygonF>& rings, bool closed) {
        if (closed) {
            for (auto& r : rings)
                if (r.size() > 16) clipRing(r, clip_);
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
    bool coastOf(const std::vector<QPolygonF>& rings, std::vector<QPolygonF>& lines,
                 std::vector<QPolygonF>& whole) const {
        if (notCoast_.empty()) return false;
        const auto along = [&](QPointF a, QPointF b) {
            if (!notCoastBox_.contains(a) || !notCoastBox_.contains(b)) return false;
            for (const auto& [c, d] : notCoast_) {
                const QPointF e = d - c;
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

    // Cuts a closed ring to `r`: inside `r` it fills the same pixels, and the edges it gains run along r's
    // sides (Sutherland-Hodgman, one side at a time, only the sides the ring crosses).
    static void clipRing(QPolygonF& ring, const QRectF& r) {
        const QRectF b = ring.boundingRect();
        if (r.contains(b)) return;
        if (!r.intersects(b)) return ring.clear();
        thread_local QPolygonF out;
        const auto side = [&](auto inside, auto cross) {
            out.clear();
            const qsizetype n = ring.size();
            for (qsizetype i = 0; i < n; ++i) {
                const QPointF& a = ring[i == 0 ? n - 1 : i - 1];
                const QPointF& c = ring[i];
                const bool ia = inside(a), ic = inside(c);
                if (ia != ic) out << cross(a, c);
                if (ic) out << c;
            }
            ring.swap(out);
        };
        const auto atX = [](double x) {
            return [x](const QPointF& a, const QPointF& c) {
                return QPointF(x, a.y() + (x - a.x()) * (c.y() - a.y()) / (c.x() - a.x()));
            };
        };
        const auto atY = [](double y) {
            return [y](const QPointF& a, const QPointF& c) {
                return QPointF(a.x() + (y - a.y()) * (c.x() - a.x()) / (c.y() - a.y()), y);
            };
        };
        if (b.left() < r.left()) side([&](const QPointF& q) { return q.x() >= r.left(); }, atX(r.left()));
        if (b.right() > r.right()) side([&](const QPointF& q) { return q.x() <= r.right(); }, atX(r.right()));
        if (b.top() < r.top()) side([&](const QPointF& q) { return q.y() >= r.top(); }, atY(r.top()));
        if (b.bottom() > r.bottom())
            side([&](const QPointF& q) { return q.y() <= r.bottom(); }, atY(r.bottom()));
    }

    bool hidden(const QString& key) const { return s_.hiddenLayers.contains(key); }

    // Which parts of the claims layer every shown side claims alike (by index into parts): the first side's
    // rings that each other side has too (same box, same points), and those rings of the others.
    std::vector<bool> sharedParts(const SceneLayer& layer,
                                  const std::vector<std::pair<std::string, const ClaimStyle*>>& shown) const {
        std::vector<bool> shared(layer.parts.size(), false);
        if (shown.size() < 2) return {};
        std::vector<std::vector<std::size_t>> of(shown.size());
        for (std::size_t i = 0; i < layer.parts.size(); ++i)
            for (std::size_t k = 0; k < shown.size(); ++k)
                if (layer.parts[i].closed && attr(layer, layer.parts[i], "claimant") == shown[k].first)
                    of[k].push_back(i);
        const auto same = [&](const ScenePart& a, const ScenePart& b) {
            if (a.ring >= 0 || b.ring >= 0 || a.box.minx != b.box.minx || a.box.miny != b.box.miny ||
                a.box.maxx != b.box.maxx || a.box.maxy != b.box.maxy || a.lods[0].count != b.lods[0].count)
                return false;
            for (std::uint32_t j = 0; j < a.lods[0].count; ++j) {
                const PointF &p = layer.point(a.lods[0].first + j), &q = layer.point(b.lods[0].first + j);
                if (p.x != q.x || p.y != q.y) return false;
            }
            return true;
        };
        for (const std::size_t i : of[0]) {
            std::vector<std::size_t> twins;
            for (std::size_t k = 1; k < shown.size(); ++k)
                for (const std::size_t j : of[k])
                    if (same(layer.parts[i], layer.parts[j])) {
                        twins.push_back(j);
                        break;
                    }
            if (twins.size() + 1 != shown.size()) continue;
            shared[i] = true;
            for (const std::size_t j : twins)
                shared[j] = true;
        }
        return shared;
    }

    // The tiles of several sides drawn one over the other, once per combination and resolution.
    QBrush composedHatch(const std::vector<const ClaimStyle*>& styles) const {
        std::vector<QImage> tiles;
        QString key;
        for (const ClaimStyle* style : styles) {
            tiles.push_back(hatch(*style).textureImage());
            key += QString("%1 %2 ").arg(style->colour.rgba()).arg(int(style->pattern));
        }
        key += QString::number(tiles.front().devicePixelRatio());
        static std::mutex mutex;
        static QHash<QString, QImage> composed;
        const std::lock_guard lock(mutex);
        if (const auto it = composed.constFind(key); it != composed.constEnd()) return QBrush(*it);
        QImage out = tiles.front();
        out.setDevicePixelRatio(1);
        QPainter p(&out);
        for (std::size_t k = 1; k < tiles.size(); ++k) {
            QImage tile = tiles[k];
            tile.setDevicePixelRatio(1);
            p.drawImage(0, 0, tile);
        }
        p.end();
        out.setDevicePixelRatio(tiles.front().devicePixelRatio());
        if (composed.size() > 64) composed.clear();
        composed.insert(key, out);
        return QBrush(out);
    }

    // Qt's pattern brushes are filled pixel by pixel; on raster devices a pre-drawn tile is ten times
    // faster. Vector devices (SVG, PDF) keep the pattern brush, which they write as a pattern.
    QBrush hatch(const ClaimStyle& style) const {
        if (!p_.device() || p_.device()->devType() != QInternal::Image)
            return QBrush(style.colour, style.pattern);
        const double dpr = std::max(1.0, s_.devicePixelRatio);
        // Made once per style and resolution (a frame uses each up to three times).
        static std::mutex mutex;
        static QHash<QString, QImage> tiles;
        const QString key = QString("%1 %2 %3").arg(style.colour.rgba()).arg(int(style.pattern)).arg(dpr);
        const std::lock_guard lock(mutex);
        if (const auto it = tiles.constFind(key); it != tiles.constEnd()) return QBrush(*it);
        // Eight periods per tile: Qt fills from a small tile at twice the cost per pixel.
        const int period = static_cast<int>(std::lround(8 * dpr)), n = 8 * period;
        QImage tile(n, n, QImage::Format_ARGB32_Premultiplied);
        // A light wash of the side's colour under the lines keeps small islands visibly claimed when the
        // hatching is only a few pixels across; two claims mix their washes.
        QColor wash = style.colour;
        wash.setAlpha(40);
        tile.fill(wash);
        QPainter tp(&tile);
        tp.setRenderHint(QPainter::Antialiasing);
        tp.setPen(QPen(style.colour, dpr));
        const bool forward = style.pattern == Qt::FDiagPattern;
        for (int k = -n; k <= n; k += period) // the neighbours' lines too, so the tile wraps seamlessly
            forward ? tp.drawLine(QPointF(k, 0), QPointF(k + n, n))
                    : tp.drawLine(QPointF(k, n), QPointF(k + n, 0));
        tp.end();
        tile.setDevicePixelRatio(dpr);
        if (tiles.size() > 64) tiles.clear();
        tiles.insert(key, tile);
        return QBrush(tile);
    }

    void base() {
        p_.fillRect(QRectF(0, 0, s_.viewport.widthPx, s_.viewport.heightPx), kSea);
        const SceneLayer* land = scene_.layer("land");
        if (!land || hidden("land")) return;
        const auto& wv = Worldviews::shipped();
        const bool defacto = s_.claims.isEmpty();
        p_.setPen(QPen(kCoast, 0.8));
        for (const auto& [a, b] : land->notCoast) {
            notCoast_.emplace_back(t_.map(QPointF(a.x, a.y)), t_.map(QPointF(b.x, b.y)));
            notCoastBox_ |=
                QRectF(notCoast_.back().first, notCoast_.back().second).normalized().adjusted(-1, -1, 1, 1);
        }
        drawLayer(
            *land, [](const ScenePart&) { return true; },
            [&](const ScenePart& part) {
                QColor fill = kLand;
                if (defacto)
                    for (const auto& [admin, colour] : wv.defacto.adminColours)
                        if (attr(*land, part, "admin") == admin.toStdString()) fill = colour;
                p_.setBrush(fill);
            });
        notCoast_.clear();
        notCoastBox_ = {};
        if (const SceneLayer* lakes = scene_.layer("lakes"); lakes && !hidden("lakes")) {
            p_.setBrush(kSea);
            p_.setPen(QPen(kCoast, 0.5));
            drawLayer(
                *lakes, [](const ScenePart&) { return true; }, [](const ScenePart&) {});
        }
    }

    // Highlighted places (a group id highlights every polygon of the group) and the selection outline.
    void emphasis() {
        const SceneLayer* land = scene_.layer("land");
        if (!land) return;
        auto matches = [&](const ScenePart& part, const QStringList& ids) {
            return ids.contains(QString::fromStdString(attr(*land, part, "id"))) ||
                   ids.contains(QString::fromStdString(attr(*land, part, "group")));
        };
        if (!s_.highlight.isEmpty()) {
            p_.setPen(QPen(kSelected.darker(), 1.0));
            p_.setBrush(kHighlight);
            drawLayer(
                *land, [&](const ScenePart& p) { return matches(p, s_.highlight); }, [](const ScenePart&) {});
        }
        if (!s_.selected.isEmpty()) {
            p_.setPen(QPen(kSelected, 2.5));
            p_.setBrush(Qt::NoBrush);
            drawLayer(
                *land, [&](const ScenePart& p) { return matches(p, {s_.selected}); },
                [](const ScenePart&) {});
        }
    }

    void claims() {
        const auto& wv = Worldviews::shipped();
        const SceneLayer* claims = scene_.layer("claims");
        if (claims && !hidden("claims")) {
            std::vector<std::pair<std::string, const ClaimStyle*>> shown;
            for (const auto& claimant : s_.claims) {
                if (const ClaimStyle* style = wv.claim(claimant))
                    shown.emplace_back(claimant.toStdString(), style);
                else
                    r_.errors << "no style for claimant '" + claimant + "'";
            }
            // Land every shown side claims alike (the disputed islands: the same rings in each claim) is
            // filled once with the sides' tiles composed, the same pixels as one fill over the other.
            const std::vector<bool> shared = bandable_ ? sharedParts(*claims, shown) : std::vector<bool>{};
            const auto isShared = [&](const ScenePart& p) {
                return !shared.empty() && shared[static_cast<std::size_t>(&p - claims->parts.data())];
            };
            // No outline: the coastline is already drawn, and wide pens are the costliest thing to stroke.
            // The hatch is thin lines over land that already has an antialiased coastline: filled without
            // antialiasing it looks the same and costs 40 % less per pixel.
            p_.save();
            p_.setPen(Qt::NoPen);
            if (bandable_) p_.setRenderHint(QPainter::Antialiasing, false);
            for (const auto& [c, style] : shown) {
                p_.setBrush(hatch(*style));
                drawLayer(
                    *claims,
                    [&](const ScenePart& p) { return attr(*claims, p, "claimant") == c && !isShared(p); },
                    [](const ScenePart&) {});
            }
            if (std::find(shared.begin(), shared.end(), true) != shared.end()) {
                std::vector<const ClaimStyle*> styles;
                for (const auto& entry : shown)
                    styles.push_back(entry.second);
                p_.setBrush(composedHatch(styles));
                const std::string& first = shown.front().first;
                drawLayer(
                    *claims,
                    [&](const ScenePart& p) { return attr(*claims, p, "claimant") == first && isShared(p); },
                    [](const ScenePart&) {});
            }
            p_.restore();
        }
        const SceneLayer* borders = scene_.layer("borders");
        if (!borders || hidden("borders")) return;
        p_.setBrush(Qt::NoBrush);
        if (s_.claims.isEmpty()) {
            QPen pen(kDefactoLine, 1.6, Qt::DashDotLine);
            p_.setPen(pen);
            drawLayer(
                *borders, [&](const ScenePart& p) { return attr(*borders, p, "defacto") == "1"; },
                [](const ScenePart&) {});
            return;
        }
        for (const auto& claimant : s_.claims) {
            const ClaimStyle* style = wv.claim(claimant);
            if (!style) continue;
            const std::string c = claimant.toStdString();
            QPen halo(Qt::white, 4.5);
            p_.setPen(halo);
            drawLayer(
                *borders, [&](const ScenePart& p) { return attr(*borders, p, "claimant") == c; },
                [](const ScenePart&) {});
            p_.setPen(QPen(style->colour, 2.4, style->borderStyle));
            drawLayer(
                *borders, [&](const ScenePart& p) { return attr(*borders, p, "claimant") == c; },
                [](const ScenePart&) {});
        }
    }

    void added() {
        for (const auto& layer : scene_.layers())
            if (layer->added && !hidden(layer->key)) {
                QColor fill = kAdded;
                fill.setAlpha(70);
                // One pixel: Qt strokes pens up to 1 px wide directly, wider ones as outlines (4x slower).
                p_.setPen(QPen(kAdded, 1.0));
                p_.setBrush(layer->type == geo::GeometryType::Polygon ? QBrush(fill) : QBrush(Qt::NoBrush));
                if (layer->type == geo::GeometryType::Point) {
                    p_.setBrush(kAdded);
                    for (auto i : layer->index.query(box_)) {
                        const QPointF c = layer->polygon(layer->parts[i], 0).value(0);
                        p_.drawEllipse(t_.map(c), 3, 3);
                        count(layer->parts[i].box, 1);
                    }
                } else {
                    drawLayer(
                        *layer, [](const ScenePart&) { return true; }, [](const ScenePart&) {});
                }
            }
    }

    void graticule() {
        if (hidden("graticule")) return;
        const geo::Viewport& v = s_.viewport;
        // Geographic extent of the view from its corners and edge midpoints.
        double minLon = 1e9, maxLon = -1e9, minLat = 1e9, maxLat = -1e9;
        for (double fx : {0.0, 0.5, 1.0})
            for (double fy : {0.0, 0.5, 1.0}) {
                const geo::Point ll = scene_.unproject(v.toMap({fx * v.widthPx, fy * v.heightPx}));
                if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) continue;
                minLon = std::min(minLon, ll.x);
                maxLon = std::max(maxLon, ll.x);
                minLat = std::min(minLat, ll.y);
                maxLat = std::max(maxLat, ll.y);
            }
        if (minLon > maxLon) return;
        minLat = std::max(minLat, -89.9);
        maxLat = std::min(maxLat, 89.9);
        const double span = std::max(maxLon - minLon, maxLat - minLat);
        static const double steps[] = {1 / 60.0, 2 / 60.0, 5 / 60.0, 10 / 60.0, 0.5, 1, 2, 5, 10, 30};
        double step = 30;
        for (double st : steps)
            if (span / st <= 8) {
                step = st;
                break;
            }
        QPen pen(QColor(70, 100, 130, 90), 0.7);
        pen.setCosmetic(true);
        p_.setPen(pen);
        p_.setBrush(Qt::NoBrush);
        const auto fmt = [&](double deg, bool lat) {
            const char hemi = lat ? (deg >= 0 ? 'N' : 'S') : (deg >= 0 ? 'E' : 'W');
            const double a = std::abs(deg);
            int d = static_cast<int>(std::floor(a + 1e-9));
            int m = static_cast<int>(std::lround((a - d) * 60));
            if (m == 60) {
                d++;
                m = 0;
            }
            return m ? QString("%1°%2′%3").arg(d).arg(m, 2, 10, QChar('0')).arg(hemi)
                     : QString("%1°%2").arg(d).arg(hemi);
        };
        for (double lon = std::ceil(minLon / step) * step; lon <= maxLon; lon += step) {
            const QPolygonF line = graticuleLine({lon, minLat}, {lon, maxLat});
            if (line.size() < 2) continue;
            polyline(line);
            const QPointF at = line.first().y() < line.last().y() ? line.first() : line.last();
            if (at.x() > 44)
                labelEdge(fmt(lon, false), QPointF(at.x() + 3, 12)); // clear of the latitude labels
        }
        for (double lat = std::ceil(minLat / step) * step; lat <= maxLat; lat += step) {
            const QPolygonF line = graticuleLine({minLon, lat}, {maxLon, lat});
            if (line.size() < 2) continue;
            polyline(line);
            const QPointF at = line.first().x() < line.last().x() ? line.first() : line.last();
            if (at.y() > 24) labelEdge(fmt(lat, true), QPointF(3, at.y() - 2));
        }
    }

    // The graticule line from `a` to `b` (lon/lat, one of them constant) in logical pixels, with as many
    // points as keep it within a fifth of a pixel of the projected curve (at least 5, at most 65): a
    // zoomed-in view needs a handful, the whole world a few dozen. Points that do not project are left out.
    QPolygonF graticuleLine(geo::Point a, geo::Point b) const {
        const auto at = [&](double f) {
            const geo::Point xy = scene_.project({a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f});
            return t_.map(QPointF(xy.x, xy.y));
        };
        const auto finite = [](QPointF q) { return std::isfinite(q.x()) && std::isfinite(q.y()); };
        QPolygonF line;
        const std::function<void(double, QPointF, double, QPointF, int)> split =
            [&](double f0, QPointF p0, double f1, QPointF p1, int depth) {
                const double fm = 0.5 * (f0 + f1);
                const QPointF pm = at(fm);
                const QPointF d = p1 - p0;
                const double len = std::hypot(d.x(), d.y());
                const double off = len > 0
                                       ? std::abs(d.x() * (pm.y() - p0.y()) - d.y() * (pm.x() - p0.x())) / len
                                       : std::hypot(pm.x() - p0.x(), pm.y() - p0.y());
                if (depth < 6 && (depth < 2 || !finite(pm) || off > 0.2)) {
                    split(f0, p0, fm, pm, depth + 1);
                    split(fm, pm, f1, p1, depth + 1);
                    return;
                }
                if (finite(p1)) line << p1;
            };
        const QPointF first = at(0);
        if (finite(first)) line << first;
        split(0, first, 1, at(1), 0);
        return line;
    }

    void polyline(const QPolygonF& line) {
        if (!drawHairlines(p_, {line}, false)) p_.drawPolyline(line);
    }

    // A graticule line's degree label on the frame's edge, drawn with the furniture (see edgeLabels()).
    void labelEdge(const QString& text, QPointF at) { edgeLabels_.emplace_back(text, at); }

    // The graticule's edge labels, after the legend, scale bar and the rest: a label under one of them is
    // left out rather than drawn half hidden.
    void edgeLabels() {
        QFont f;
        f.setPointSizeF(7.5);
        for (const auto& [text, at] : edgeLabels_) {
            const QRectF box = measure(text, f).bounds.translated(at);
            if (std::any_of(taken_.begin(), taken_.end(), [&](const QRectF& r) { return r.intersects(box); }))
                continue;
            r_.gridLabels << text;
            if (inRows(box)) drawText(text, f, QColor(40, 70, 100, 200), at);
        }
    }

    // Greedy placement by priority: a label that would overlap one already placed is dropped.
    void labels() {
        if (hidden("labels")) return;
        std::vector<const LabelAnchor*> order;
        for (const auto& a : scene_.anchors())
            order.push_back(&a);
        std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) {
            return a->priority != b->priority ? a->priority < b->priority : a->sizeM > b->sizeM;
        });
        const double mpp = s_.viewport.metresPerPixel;
        for (const LabelAnchor* a : order) {
            const bool point = a->kind == "settlement" || a->kind == "cape";
            const bool area = a->kind == "group" || a->kind == "island" || a->kind == "islet";
            // Visibility by zoom: islands when they are a few pixels wide, points and straits when zoomed in.
            if (area && a->sizeM / mpp < (a->kind == "islet" ? 14 : 6)) continue;
            if (area && a->kind == "group" &&
                a->sizeM / mpp > 3 * std::max(s_.viewport.widthPx, s_.viewport.heightPx))
                continue;
            if (point && mpp > 250) continue;
            if (a->kind == "strait" && mpp > 900) continue;
            const geo::Place* place = scene_.data().place(a->id.toStdString());
            if (!place) continue;
            const QString text = s_.names.label(*place);
            if (text.isEmpty()) continue;
            QFont f("Noto Sans CJK JP");
            f.setStyleHint(QFont::SansSerif);
            double pt = 9;
            if (a->kind == "group")
                pt = 12.5, f.setBold(true);
            else if (a->kind == "island")
                pt = 11, f.setBold(true);
            else if (a->kind == "sea")
                pt = 11, f.setItalic(true), f.setLetterSpacing(QFont::PercentageSpacing, 110);
            else if (a->kind == "strait")
                pt = 8.5, f.setItalic(true);
            else if (a->kind == "islet")
                pt = 8.5;
            const QString id = a->id;
            if (s_.highlight.contains(id) || s_.selected == id) f.setBold(true);
            f.setPointSizeF(pt);
            const TextMetrics fm = measure(text, f);
            const QPointF anchor = t_.map(a->pos);
            QRectF box = fm.bounds;
            QPointF origin;
            if (point)
                origin = anchor + QPointF(5, fm.ascent / 2 - 1);
            else
                origin = anchor - QPointF(box.width() / 2, -fm.ascent / 2 + fm.descent);
            box.moveTopLeft(QPointF(origin.x(), origin.y() - fm.ascent));
            box.adjust(-3, -2, 3, 2);
            if (!QRectF(0, 0, s_.viewport.widthPx, s_.viewport.heightPx).contains(box)) continue;
            if (std::any_of(taken_.begin(), taken_.end(), [&](const QRectF& r) { return r.intersects(box); }))
                continue;
            taken_.push_back(box);
            r_.labels << text;
            r_.labelBoxes << box;
            if (!inRows(point ? box.united(QRectF(anchor, anchor).adjusted(-4, -4, 4, 4)) : box)) continue;
            if (point) {
                p_.setPen(QPen(Qt::white, 1.2));
                p_.setBrush(kText);
                p_.drawEllipse(anchor, 2.6, 2.6);
            }
            const QColor colour = a->kind == "sea" || a->kind == "strait" ? QColor("#2c5d88") : kText;
            if (!drawLabelSprite(text, f, colour, origin)) {
                p_.setPen(kHalo);
                p_.setBrush(Qt::NoBrush);
                p_.drawPath(textPath(text, f, origin));
                // Glyphs as text (not outlines) so SVG and PDF keep searchable text with embedded fonts.
                p_.setFont(f);
                p_.setPen(colour);
                p_.drawText(origin, text);
            }
        }
    }

    // Whether anything drawn inside `r` (logical pixels, with 4 px to spare) lands in this painter's rows.
    bool inRows(const QRectF& r) const { return r.adjusted(-4, -4, 4, 4).intersects(rowsPx_); }

    // A label's halo and glyphs, drawn once per (text, font, colour, device resolution) and then copied:
    // stroking glyph outlines for the halo is the costliest part of a frame. Raster devices only (SVG and PDF
    // keep real text); the copy lands on whole device pixels, within half a pixel of `origin`.
    bool drawLabelSprite(const QString& text, const QFont& f, const QColor& colour, QPointF origin,
                         bool halo = true) {
        const QTransform dt = p_.deviceTransform();
        if (!p_.device() || p_.device()->devType() != QInternal::Image || dt.type() > QTransform::TxScale)
            return false;
        const auto* device = static_cast<const QImage*>(p_.device());
        const SpriteKey key{text,
                            f,
                            colour.rgba(),
                            halo,
                            device->devicePixelRatio(),
                            device->dotsPerMeterX(),
                            device->dotsPerMeterY()};
        std::pair<QImage, QPoint> sprite; // the image and where the text origin is in it (device pixels)
        {
            static std::mutex mutex;
            static QHash<SpriteKey, std::pair<QImage, QPoint>> cache;
            const std::lock_guard lock(mutex);
            auto it = cache.constFind(key);
            if (it == cache.constEnd()) {
                if (cache.size() > 2000) cache.clear();
                it = cache.insert(key, makeSprite(text, f, colour, halo, *device));
            }
            sprite = *it;
        }
        const QPointF o = dt.map(origin);
        const QPointF at(std::round(o.x()) - sprite.second.x(), std::round(o.y()) - sprite.second.y());
        p_.drawImage(dt.inverted().map(at), sprite.first);
        return true;
    }

    static std::pair<QImage, QPoint> makeSprite(const QString& text, const QFont& f, const QColor& colour,
                                                bool halo, const QImage& like) {
        const double dpr = like.devicePixelRatio();
        const auto blank = [&](QSize size) {
            QImage image(size, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(dpr);
            image.setDotsPerMeterX(like.dotsPerMeterX());
            image.setDotsPerMeterY(like.dotsPerMeterY());
            image.fill(Qt::transparent);
            return image;
        };
        const QImage probe = blank({1, 1});
        const QPainterPath path = textPath(text, f, {0, 0});
        const QRectF r =
            (path.boundingRect() | QFontMetricsF(f, &probe).boundingRect(text)).adjusted(-3, -3, 3, 3);
        const QPoint at(static_cast<int>(std::ceil(-r.left() * dpr)),
                        static_cast<int>(std::ceil(-r.top() * dpr)));
        QImage image = blank(QSize(at.x() + static_cast<int>(std::ceil(r.right() * dpr)) + 1,
                                   at.y() + static_cast<int>(std::ceil(r.bottom() * dpr)) + 1));
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.translate(at.x() / dpr, at.y() / dpr);
        if (halo) {
            p.setPen(kHalo);
            p.drawPath(path);
        }
        p.setFont(f);
        p.setPen(colour);
        p.drawText(QPointF(0, 0), text);
        return {image, at};
    }

    // Plain text (no halo) with its baseline at `origin`: a copied sprite on raster devices, text elsewhere.
    void drawText(const QString& text, const QFont& f, const QColor& colour, QPointF origin) {
        if (drawLabelSprite(text, f, colour, origin, false)) return;
        p_.setFont(f);
        p_.setPen(colour);
        p_.drawText(origin, text);
    }

    // The same, centred in `box` (one line).
    void drawCentred(const QString& text, const QFont& f, const QColor& colour, const QRectF& box) {
        const TextMetrics m = measure(text, f);
        drawText(text, f, colour,
                 QPointF(box.center().x() - m.advance / 2, box.center().y() - m.height / 2 + m.ascent));
    }

    // What layout needs of a line of text, measured once per text and font: Qt's font lookups take a
    // process-wide lock, which stripes drawn at once would otherwise queue on.
    struct TextMetrics {
        QRectF bounds; // of the glyphs, relative to the origin on the baseline
        double ascent = 0, descent = 0, height = 0, advance = 0;
    };
    static TextMetrics measure(const QString& text, const QFont& f) {
        static std::mutex mutex;
        static QHash<std::pair<QString, QFont>, TextMetrics> cache;
        const std::pair<QString, QFont> key{text, f};
        const std::lock_guard lock(mutex);
        auto it = cache.find(key);
        if (it == cache.end()) {
            if (cache.size() > 4000) cache.clear();
            const QFontMetricsF fm(f);
            it = cache.insert(key, TextMetrics{fm.boundingRect(text), fm.ascent(), fm.descent(), fm.height(),
                                               fm.horizontalAdvance(text)});
        }
        return *it;
    }

    static QPainterPath textPath(const QString& text, const QFont& f, QPointF origin) {
        QPainterPath path;
        path.addText(origin, f, text);
        return path;
    }

    void notes() {
        for (const auto& note : s_.notes) {
            const geo::Point xy = scene_.project({note.lon, note.lat});
            const QPointF at = t_.map(QPointF(xy.x, xy.y));
            QFont f("Noto Sans CJK JP");
            f.setPointSizeF(9.5);
            const QFontMetricsF fm(f);
            QRectF box =
                fm.boundingRect(QRectF(0, 0, 260, 200), Qt::TextWordWrap, note.text).adjusted(-6, -4, 6, 4);
            // Put the callout up and to the right of the point, or wherever it stays inside the frame.
            QPointF off(40, -40 - box.height());
            if (at.x() + off.x() + box.width() > s_.viewport.widthPx) off.setX(-40 - box.width());
            if (at.y() + off.y() < 0) off.setY(40);
            box.moveTopLeft(at + off);
            p_.setPen(QPen(kText, 1.2));
            const QPointF joint(std::clamp(at.x(), box.left(), box.right()),
                                std::clamp(at.y(), box.top(), box.bottom()));
            p_.drawLine(at, joint);
            p_.setBrush(QColor(255, 255, 255, 235));
            p_.drawRoundedRect(box, 3, 3);
            p_.setBrush(kSelected);
            p_.drawEllipse(at, 3, 3);
            p_.setFont(f);
            p_.setPen(kText);
            p_.drawText(box.adjusted(6, 4, -6, -4), Qt::TextWordWrap, note.text);
            taken_.push_back(box);
            r_.labels << note.text;
            r_.labelBoxes << box;
        }
    }

    void title() {
        if (s_.title.isEmpty()) return;
        QFont f("Noto Sans CJK JP");
        f.setPointSizeF(15);
        f.setBold(true);
        p_.setFont(f);
        const QFontMetricsF fm(f);
        QRectF box = fm.boundingRect(QRectF(0, 0, s_.viewport.widthPx - 40, 400), Qt::TextWordWrap, s_.title);
        box.moveTopLeft(QPointF(14, 12));
        p_.setPen(Qt::NoPen);
        p_.setBrush(QColor(255, 255, 255, 225));
        p_.drawRoundedRect(box.adjusted(-8, -6, 8, 6), 4, 4);
        p_.setPen(kText);
        p_.drawText(box, Qt::TextWordWrap, s_.title);
        taken_.push_back(box.adjusted(-8, -6, 8, 6));
    }

    struct Entry {
        QString text;
        std::function<void(const QRectF&)> swatch;
    };

    void legend() {
        if (!s_.legend) return;
        const auto& wv = Worldviews::shipped();
        std::vector<Entry> entries;
        QString heading;
        if (s_.claims.isEmpty()) {
            heading = wv.defacto.title;
            for (const auto& [admin, colour] : wv.defacto.adminColours) {
                QString label;
                for (const auto& [a, l] : wv.defacto.adminLabels)
                    if (a == admin) label = l;
                const QColor c = colour;
                entries.push_back({label, [this, c](const QRectF& r) {
                                       p_.setPen(QPen(kCoast, 0.8));
                                       p_.setBrush(c);
                                       p_.drawRect(r);
                                   }});
            }
            entries.push_back({wv.defacto.lineLabel, [this](const QRectF& r) {
                                   p_.setPen(QPen(kDefactoLine, 1.6, Qt::DashDotLine));
                                   p_.drawLine(r.left(), r.center().y(), r.right(), r.center().y());
                               }});
        } else {
            heading = wv.claimsHeading;
            for (const auto& claimant : s_.claims)
                if (const ClaimStyle* st = wv.claim(claimant)) {
                    entries.push_back({st->legendClaim, [this, st](const QRectF& r) {
                                           p_.setPen(QPen(st->colour, 1.2));
                                           p_.setBrush(hatch(*st));
                                           p_.drawRect(r);
                                       }});
                    entries.push_back({st->legendBorder, [this, st](const QRectF& r) {
                                           p_.setPen(QPen(st->colour, 2.4, st->borderStyle));
                                           p_.drawLine(r.left(), r.center().y(), r.right(), r.center().y());
                                       }});
                }
            if (s_.claims.size() > 1) {
                entries.push_back({wv.bothClaim, [this](const QRectF& r) {
                                       for (const auto& st : Worldviews::shipped().claims) {
                                           if (!s_.claims.contains(st.claimant)) continue;
                                           p_.setPen(QPen(st.colour, 1.2));
                                           p_.setBrush(hatch(st));
                                           p_.drawRect(r);
                                       }
                                   }});
            }
        }
        for (const auto& layer : scene_.layers())
            if (layer->added && !hidden(layer->key))
                entries.push_back({"Added: " + layer->title, [this](const QRectF& r) {
                                       // One pixel: Qt strokes pens up to 1 px wide directly, wider ones as
                                       // outlines (4x slower).
                                       p_.setPen(QPen(kAdded, 1.0));
                                       p_.setBrush(QColor(125, 60, 152, 70));
                                       p_.drawRect(r);
                                   }});
        entries.push_back({s_.names.describe(), nullptr});

        QFont hf("Noto Sans CJK JP");
        hf.setPointSizeF(8.5);
        hf.setBold(true);
        QFont f("Noto Sans CJK JP");
        f.setPointSizeF(8.5);
        const TextMetrics hfm = measure(heading, hf);
        const double row = measure(heading, f).height + 4, sw = 26;
        double w = hfm.advance;
        for (const auto& e : entries)
            w = std::max(w, sw + 8 + measure(e.text, f).advance);
        const double h = hfm.height + 6 + row * static_cast<double>(entries.size());
        const QRectF box = emptiestCorner(QSizeF(w + 16, h + 10));
        taken_.push_back(box);
        r_.legend << heading;
        for (const auto& e : entries)
            r_.legend << e.text;
        if (!inRows(box)) return;
        p_.setPen(QPen(QColor(0, 0, 0, 60), 1));
        p_.setBrush(QColor(255, 255, 255, 230));
        p_.drawRoundedRect(box, 4, 4);
        drawText(heading, hf, kText, QPointF(box.left() + 8, box.top() + 6 + hfm.ascent));
        double y = box.top() + 8 + hfm.height;
        for (const auto& e : entries) {
            const QRectF swatch(box.left() + 8, y + 2, sw, row - 6);
            if (e.swatch) {
                p_.save();
                e.swatch(swatch);
                p_.restore();
            }
            drawText(
                e.text, f, kText,
                QPointF(e.swatch ? swatch.right() + 8 : box.left() + 8, y + measure(e.text, f).ascent + 1));
            y += row;
        }
    }

    // Of the four corners (clear of the title, scale bar and north arrow), the one that hides the least
    // land: sampled with the scene's hit test. Ties go to the bottom left, where legends usually are.
    QRectF emptiestCorner(QSizeF size) const {
        const double W = s_.viewport.widthPx, H = s_.viewport.heightPx, m = 12;
        double top = m;
        for (const auto& r : taken_)
            top = std::max(top, r.bottom() + m); // below the title
        const QList<QRectF> candidates{QRectF(QPointF(m, H - size.height() - 34), size),
                                       QRectF(QPointF(W - size.width() - m, H - size.height() - 64), size),
                                       QRectF(QPointF(m, top), size),
                                       QRectF(QPointF(W - size.width() - m, 80), size)};
        QRectF best = candidates.front();
        int bestLand = INT_MAX;
        for (const QRectF& c : candidates) {
            if (c.top() < 0 || c.left() < 0) continue;
            if (const int land = landSamples(c); land < bestLand) bestLand = land, best = c;
        }
        return best;
    }

    // How many of 8 x 5 points spread over `box` (logical pixels) lie on the shipped land, tested against
    // the outlines at 640 m detail or coarser (plenty to choose a corner), each read once.
    int landSamples(const QRectF& box) const {
        const SceneLayer* land = scene_.layer("land");
        if (!land) return 0;
        const geo::Point a = s_.viewport.toMap({box.left(), box.bottom()});
        const geo::Point b = s_.viewport.toMap({box.right(), box.top()});
        std::vector<QPolygonF> rings;
        const QRectF area(QPointF(a.x, a.y), QPointF(b.x, b.y));
        for (const auto i : land->index.query({a.x, a.y, b.x, b.y}))
            if (land->parts[i].closed && land->parts[i].ring < 0) {
                rings.push_back(land->polygon(land->parts[i], std::max(r_.level, 4)));
                clipRing(rings.back(), area.adjusted(-1, -1, 1, 1)); // the samples are inside `area`
            }
        int count = 0;
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 5; ++j) {
                const geo::Point m = s_.viewport.toMap(
                    {box.left() + box.width() * (i + 0.5) / 8, box.top() + box.height() * (j + 0.5) / 5});
                count += std::any_of(rings.begin(), rings.end(), [&](const QPolygonF& r) {
                    return r.containsPoint(QPointF(m.x, m.y), Qt::OddEvenFill);
                });
            }
        return count;
    }

    void scaleBar() {
        if (!s_.scaleBar) return;
        const geo::Viewport& v = s_.viewport;
        const QPointF c(v.widthPx / 2, v.heightPx / 2);
        const geo::Point a = scene_.unproject(v.toMap({c.x() - 50, c.y()}));
        const geo::Point b = scene_.unproject(v.toMap({c.x() + 50, c.y()}));
        const double mPerPx = geo::geodesicDistanceM(a, b) / 100; // true scale at the centre of the view
        if (!std::isfinite(mPerPx) || mPerPx <= 0) return;
        double len = 1;
        const double target = mPerPx * 140;
        for (double mag = std::pow(10.0, std::floor(std::log10(target)));;) {
            for (double k : {1.0, 2.0, 5.0})
                if (k * mag <= target) len = k * mag;
            break;
        }
        const double px = len / mPerPx;
        const QString text = len >= 1000 ? QString("%1 km").arg(len / 1000) : QString("%1 m").arg(len);
        const QPointF o(v.widthPx - px - 24, v.heightPx - 30);
        QFont f("Noto Sans CJK JP");
        f.setPointSizeF(8.5);
        p_.setFont(f);
        p_.setPen(Qt::NoPen);
        p_.setBrush(QColor(255, 255, 255, 200));
        p_.drawRect(QRectF(o.x() - 6, o.y() - 18, px + 12, 28));
        taken_.push_back(QRectF(o.x() - 6, o.y() - 18, px + 12, 28));
        p_.setBrush(kText);
        p_.drawRect(QRectF(o.x(), o.y(), px / 2, 4));
        p_.setBrush(Qt::white);
        p_.setPen(QPen(kText, 1));
        p_.drawRect(QRectF(o.x() + px / 2, o.y(), px / 2, 4));
        drawCentred(text, f, kText, QRectF(o.x(), o.y() - 16, px, 14));
        r_.legend << "scale " + text;
    }

    void northArrow() {
        if (!s_.northArrow) return;
        const geo::Viewport& v = s_.viewport;
        // Grid north and true north differ away from the central meridian: point the arrow at true north.
        const geo::Point ll = scene_.unproject(v.center);
        const geo::Point up = scene_.project({ll.x, std::min(ll.y + 0.05, 89.99)});
        const double angle = std::atan2(up.x - v.center.x, up.y - v.center.y) * 180 / M_PI;
        const QPointF c(v.widthPx - 34, 46);
        p_.save();
        p_.translate(c);
        p_.setPen(Qt::NoPen);
        p_.setBrush(QColor(255, 255, 255, 200));
        p_.drawEllipse(QPointF(0, 0), 22, 22);
        taken_.push_back(QRectF(c.x() - 24, c.y() - 24, 48, 64));
        p_.rotate(angle);
        QPolygonF left, right;
        left << QPointF(0, -17) << QPointF(-7, 10) << QPointF(0, 5);
        right << QPointF(0, -17) << QPointF(7, 10) << QPointF(0, 5);
        p_.setPen(QPen(kText, 1));
        p_.setBrush(kText);
        p_.drawPolygon(left);
        p_.setBrush(Qt::white);
        p_.drawPolygon(right);
        p_.restore();
        QFont f("Noto Sans CJK JP");
        f.setPointSizeF(8);
        f.setBold(true);
        drawCentred("N", f, kText, QRectF(c.x() - 10, c.y() + 20, 20, 14));
    }

    void attribution() {
        if (!s_.attribution) return;
        QFont f("Noto Sans CJK JP");
        f.setPointSizeF(7);
        p_.setFont(f);
        const QString text = attributionText(scene_, s_);
        const QFontMetricsF fm(f);
        const QRectF box(0, s_.viewport.heightPx - fm.height() - 6, s_.viewport.widthPx, fm.height() + 6);
        p_.setPen(Qt::NoPen);
        p_.setBrush(QColor(255, 255, 255, 200));
        p_.drawRect(box);
        p_.setPen(QColor(40, 40, 40));
        p_.drawText(box.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft,
                    fm.elidedText(text, Qt::ElideRight, box.width() - 16));
        taken_.push_back(box);
    }

  private:
    const Scene& scene_;
    const MapSettings& s_;
    QPainter& p_;
    RenderReport& r_;
    QTransform t_;
    geo::Box view_; ///< the whole view (metres, with a margin)
    geo::Box box_;  ///< the part of it this painter's rows show
    double countFrom_ = -INFINITY, countTo_ = INFINITY;
    QRectF rowsPx_{-1e9, -1e9, 2e9, 2e9}; ///< this painter's rows (logical pixels)
    QRectF clip_;                         ///< what rings are cut to: the frame's part in those rows, and more
    std::vector<QRectF> taken_;
    std::vector<std::pair<QString, QPointF>> edgeLabels_; ///< the graticule's, to draw with the furniture
    std::vector<std::pair<QPointF, QPointF>> notCoast_;   ///< of the layer being drawn (logical pixels)
    QRectF notCoastBox_;                                  ///< round them, with a pixel to spare
    bool bandable_ = false;
    double bandStep_ = 32, bandY0_ = 0;
};

} // namespace

namespace {

RenderReport renderFrame(const Scene& scene, const MapSettings& settings, QPainter& painter,
                         const std::atomic<bool>* cancel, const QRectF& rows = {}) {
    RenderReport report;
    const auto stop = [&] {
        return cancel && cancel->load(std::memory_order_relaxed) && (report.cancelled = true);
    };
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, !settings.draft);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    Frame f(scene, settings, painter, report, rows);
    f.base();
    if (!stop()) f.claims();
    if (!stop()) f.emphasis(); // over the claim hatching, so the selection stays visible
    if (!stop()) f.added();
    if (!stop()) f.graticule();
    // Furniture first: the labels then avoid the title, legend, scale bar, arrow and notes.
    if (!stop()) f.title();
    if (!stop()) f.legend();
    if (!stop()) f.scaleBar();
    if (!stop()) f.northArrow();
    if (!stop()) f.attribution();
    if (!stop()) f.notes();
    if (!stop()) f.edgeLabels();
    if (!stop()) f.labels();
    painter.restore();
    return report;
}

// Frames of at least this many device pixels are drawn as horizontal stripes, one per core. Writing the
// pixels is most of what a big frame costs (a 4K frame is 33 MB, and one core of a virtual machine writes
// 5-7 GB/s), so two cores draw a 4K frame in a little over half the time.
constexpr qint64 kStripePixels = qint64(1) << 19;

// Runs work(k) for k in [0, n) on reserved threads of Qt's global pool and waits; exceptions come back to
// the caller. On that pool Qt's raster engine draws on the calling thread instead of farming spans out to
// the pool: on a small virtual machine those wake-ups cost more than the work (a long antialiased line:
// 14x slower, a 4K frame 2x).
template <class Work> void onPool(int n, Work work) {
    QThreadPool* pool = QThreadPool::globalInstance();
    std::vector<std::exception_ptr> failures(static_cast<std::size_t>(n));
    QSemaphore done;
    for (int k = 0; k < n; ++k) {
        pool->reserveThread();
        pool->startOnReservedThread([&, k] {
            try {
                work(k);
            } catch (...) {
                failures[static_cast<std::size_t>(k)] = std::current_exception();
            }
            done.release();
        });
    }
    done.acquire(n);
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

// Where stripes split a frame (fractions of its height). Land, claims and lines are not spread evenly over a
// map, so equal stripes keep one core waiting for the other: after each frame the split moves so that the
// stripes would have taken equal time, assuming each stripe's cost spread evenly over its rows.
std::mutex stripeMutex;
std::vector<double> stripeEdges;

std::vector<int> stripeRows(int stripes, int height) {
    const std::lock_guard lock(stripeMutex);
    if (stripeEdges.size() != static_cast<std::size_t>(stripes + 1)) {
        stripeEdges.resize(static_cast<std::size_t>(stripes + 1));
        for (int k = 0; k <= stripes; ++k)
            stripeEdges[static_cast<std::size_t>(k)] = double(k) / stripes;
    }
    // On whole bands of 32 rows (see Frame::draw), so every stripe cuts outlines where one frame would.
    std::vector<int> rows;
    for (const double e : stripeEdges)
        rows.push_back(std::min(height, 32 * static_cast<int>(std::lround(e * height / 32))));
    rows.back() = height;
    return rows;
}

void balanceStripes(const std::vector<double>& seconds) {
    const std::lock_guard lock(stripeMutex);
    const std::size_t n = seconds.size();
    if (stripeEdges.size() != n + 1) return;
    std::vector<double> cumulative{0}; // cost from the top to each edge
    for (std::size_t k = 0; k < n; ++k)
        cumulative.push_back(cumulative.back() + seconds[k]);
    const double total = cumulative.back();
    if (!(total > 0)) return;
    std::vector<double> next = stripeEdges;
    for (std::size_t k = 1; k < n; ++k) {
        const double target = total * double(k) / double(n);
        std::size_t j = 0;
        while (j + 1 < n && cumulative[j + 1] < target)
            ++j;
        const double f = seconds[j] > 0 ? (target - cumulative[j]) / seconds[j] : 0.5;
        const double edge = stripeEdges[j] + f * (stripeEdges[j + 1] - stripeEdges[j]);
        // Halfway there each frame, and never a stripe under a tenth of the frame.
        next[k] = std::clamp(0.5 * (stripeEdges[k] + edge), next[k - 1] + 0.1, 1.0 - 0.1 * double(n - k));
    }
    stripeEdges = std::move(next);
}

} // namespace

RenderReport renderMap(const Scene& scene, const MapSettings& settings, QPainter& painter,
                       const std::atomic<bool>* cancel) {
    auto* image = painter.device() && painter.device()->devType() == QInternal::Image
                      ? static_cast<QImage*>(painter.device())
                      : nullptr;
    if (!image || QThreadPool::globalInstance()->contains(QThread::currentThread()))
        return renderFrame(scene, settings, painter, cancel);
    const int stripes = std::min(QThread::idealThreadCount(), 4);
    const QTransform dt = painter.deviceTransform();
    if (stripes < 2 || qint64(image->width()) * image->height() < kStripePixels || painter.hasClipping() ||
        dt.type() > QTransform::TxScale || dt.m22() <= 0 || image->depth() != 32) {
        RenderReport report;
        onPool(1, [&](int) { report = renderFrame(scene, settings, painter, cancel); });
        return report;
    }
    // Each stripe is a QImage over some rows of the frame's buffer with a painter of its own (a device takes
    // one painter at a time). Every stripe lays out the same labels and legend from the whole view, and
    // reads and draws only what falls in its rows.
    std::vector<RenderReport> reports(static_cast<std::size_t>(stripes));
    const int w = image->width(), h = image->height();
    const qsizetype bpl = image->bytesPerLine();
    uchar* bits = image->bits();
    const QTransform world = painter.worldTransform();
    const std::vector<int> rows = stripeRows(stripes, h);
    std::vector<double> seconds(static_cast<std::size_t>(stripes));
    onPool(stripes, [&](int k) {
        const auto at = static_cast<std::size_t>(k);
        const int y0 = rows[at], y1 = rows[at + 1];
        QElapsedTimer clock;
        clock.start();
        QImage rowsImage(bits + bpl * y0, w, y1 - y0, bpl, image->format());
        rowsImage.setDevicePixelRatio(image->devicePixelRatio());
        rowsImage.setDotsPerMeterX(image->dotsPerMeterX());
        rowsImage.setDotsPerMeterY(image->dotsPerMeterY());
        QPainter p(&rowsImage);
        p.setWorldTransform(world * QTransform::fromTranslate(0, -y0 / image->devicePixelRatio()));
        reports[at] =
            renderFrame(scene, settings, p, cancel, dt.inverted().mapRect(QRectF(0, y0, w, y1 - y0)));
        seconds[at] = static_cast<double>(clock.nsecsElapsed()) * 1e-9;
    });
    balanceStripes(seconds);
    RenderReport report = reports.front();
    for (std::size_t k = 1; k < reports.size(); ++k) {
        report.cancelled = report.cancelled || reports[k].cancelled;
        report.vertices += reports[k].vertices;
        report.partsDrawn += reports[k].partsDrawn;
        for (const QString& e : reports[k].errors)
            if (!report.errors.contains(e)) report.errors << e;
    }
    return report;
}
MapSettings draftFrame(MapSettings s) {
    constexpr double kDraftPixels = 1920.0 * 1080.0;
    s.draft = true;
    const double dpr = s.devicePixelRatio > 0 ? s.devicePixelRatio : 1.0;
    const double pixels = s.viewport.widthPx * s.viewport.heightPx * dpr * dpr;
    if (pixels > kDraftPixels) s.devicePixelRatio = dpr * std::sqrt(kDraftPixels / pixels);
    return s;
}

QString attributionText(const Scene& scene, const MapSettings& s) {
    QStringList claims;
    for (const auto& c : s.claims)
        if (const ClaimStyle* st = Worldviews::shipped().claim(c)) claims << st->legendClaim;
    const QString shown = claims.isEmpty() ? "none (de facto view)" : claims.join("; ");
    QStringList added;
    for (const auto& layer : scene.layers())
        if (layer->added && !s.hiddenLayers.contains(layer->key)) added << layer->title;
    return QString("Coastline: GSHHG 2.3.7 full resolution (Wessel & Smith, LGPL) · Borders: median lines "
                   "computed "
                   "by Isleview · Names: %1 · Claims shown: %2%3 · %4")
        .arg(s.names.describe(), shown, added.isEmpty() ? QString() : " · Added: " + added.join(", "),
             s.attributionDate);
}

} // namespace isv
