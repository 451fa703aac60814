#include "frame_layout.h"

#include "layer_painter.h"
#include "render_cache.h"
#include "render_map.h"

#include <geo/clip.h>
#include <geo/geodesic.h>

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>

namespace isv {

namespace {

// A degree label: 145°E, 43°30′N.
QString degrees(double deg, bool lat) {
    const char hemi = lat ? (deg >= 0 ? 'N' : 'S') : (deg >= 0 ? 'E' : 'W');
    const double a = std::abs(deg);
    int d = static_cast<int>(std::floor(a + 1e-9));
    int m = static_cast<int>(std::lround((a - d) * 60));
    if (m == 60) d++, m = 0;
    return m ? QString("%1°%2′%3").arg(d).arg(m, 2, 10, QChar('0')).arg(hemi)
             : QString("%1°%2").arg(d).arg(hemi);
}

class Layout {
  public:
    Layout(const Scene& scene, const MapSettings& s, RenderCache& cache, FramePlan& plan)
        : scene_(scene), s_(s), style_(scene.style()), cache_(cache), plan_(plan),
          title_(unsharedFont(style_.title)), legend_(unsharedFont(style_.legend)),
          legendHeading_(unsharedFont(style_.legendHeading)), attribution_(unsharedFont(style_.attribution)),
          note_(unsharedFont(style_.note)), gridLabel_(unsharedFont(style_.gridLabel)),
          t_(mapToScreen(s.viewport)), W_(s.viewport.widthPx), H_(s.viewport.heightPx),
          small_(W_ * H_ < style_.smallMap.areaPx), furniture_(small_ ? style_.smallMap.furnitureScale : 1) {
        if (small_) title_.setPointSizeF(title_.pointSizeF() * style_.smallMap.fontScale);
    }

    bool taken(const QRectF& box) const {
        return std::any_of(plan_.taken.begin(), plan_.taken.end(),
                           [&](const QRectF& r) { return r.intersects(box); });
    }

    void graticule(std::vector<TextItem>& edgeLabels) {
        if (s_.hiddenLayers.contains("graticule")) return;
        const geo::Viewport& v = s_.viewport;
        // Geographic extent of the view from its corners and edge midpoints.
        double minLon = 1e9, maxLon = -1e9, minLat = 1e9, maxLat = -1e9;
        for (double fx : {0.0, 0.5, 1.0})
            for (double fy : {0.0, 0.5, 1.0}) {
                const geo::Point ll = scene_.unproject(v.toMap({fx * v.widthPx, fy * v.heightPx}));
                if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) continue;
                minLon = std::min(minLon, ll.x), maxLon = std::max(maxLon, ll.x);
                minLat = std::min(minLat, ll.y), maxLat = std::max(maxLat, ll.y);
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
        const auto edgeLabel = [&](const QString& text, QPointF at) {
            const QRectF box = cache_.measure(text, gridLabel_).bounds.translated(at);
            edgeLabels.push_back({text, gridLabel_, style_.gridText, at, box});
        };
        for (double lon = std::ceil(minLon / step) * step; lon <= maxLon; lon += step) {
            QPolygonF line = graticuleLine({lon, minLat}, {lon, maxLat});
            if (line.size() < 2) continue;
            const QPointF at = line.first().y() < line.last().y() ? line.first() : line.last();
            if (at.x() > 44)
                edgeLabel(degrees(lon, false), QPointF(at.x() + 3, 12)); // clear of the latitudes
            plan_.graticule.push_back(std::move(line));
        }
        for (double lat = std::ceil(minLat / step) * step; lat <= maxLat; lat += step) {
            QPolygonF line = graticuleLine({minLon, lat}, {maxLon, lat});
            if (line.size() < 2) continue;
            const QPointF at = line.first().x() < line.last().x() ? line.first() : line.last();
            if (at.y() > 24) edgeLabel(degrees(lat, true), QPointF(3, at.y() - 2));
            plan_.graticule.push_back(std::move(line));
        }
    }

    // A past day's border lines given as lon/lat polylines, in logical pixels (vertices that do not
    // project are left out).
    void datedLines() {
        if (!s_.claims.isEmpty() || !s_.dated || s_.hiddenLayers.contains("borders")) return;
        for (const DatedLine& line : s_.dated->lines) {
            QPolygonF px;
            for (const QPointF& ll : line.lonLat) {
                const geo::Point xy = scene_.project({ll.x(), ll.y()});
                const QPointF q = t_.map(QPointF(xy.x, xy.y));
                if (std::isfinite(q.x()) && std::isfinite(q.y())) px << q;
            }
            if (px.size() > 1) plan_.datedLines.push_back(std::move(px));
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

    void title() {
        if (s_.title.isEmpty()) return;
        const QFontMetricsF fm(title_);
        QRectF box = fm.boundingRect(QRectF(0, 0, W_ - 40, 400), Qt::TextWordWrap, s_.title);
        box.moveTopLeft(QPointF(14, 12));
        plan_.title = TextItem{s_.title, title_, style_.text, box.topLeft(), box.adjusted(-8, -6, 8, 6)};
        plan_.taken.push_back(plan_.title->box);
    }

    void legend() {
        if (!s_.legend) return;
        const auto& wv = style_.worldviews;
        LegendPlan legend;
        const auto rect = [](QPen pen, QColor fill) { return SwatchLayer{pen, fill, {}}; };
        if (s_.claims.isEmpty() && s_.dated) {
            legend.heading = s_.dated->heading;
            for (const DatedAdmin& a : s_.dated->admins)
                legend.entries.push_back(
                    {a.label,
                     false,
                     {rect(QPen(style_.coast, style_.coastWidth), s_.dated->colour(a.admin, wv.defacto))}});
            for (const DatedLine& line : s_.dated->lines)
                legend.entries.push_back(
                    {line.label,
                     true,
                     {rect(QPen(style_.defactoLine, style_.defactoWidth, Qt::DashDotLine), {})}});
        } else if (s_.claims.isEmpty()) {
            legend.heading = mapWord(wv.defacto.title);
            for (const auto& [admin, colour] : wv.defacto.adminColours) {
                QString label;
                for (const auto& [a, l] : wv.defacto.adminLabels)
                    if (a == admin) label = mapWord(l);
                legend.entries.push_back(
                    {label, false, {rect(QPen(style_.coast, style_.coastWidth), colour)}});
            }
            legend.entries.push_back(
                {mapWord(wv.defacto.lineLabel),
                 true,
                 {rect(QPen(style_.defactoLine, style_.defactoWidth, Qt::DashDotLine), {})}});
        } else {
            legend.heading = mapWord(wv.claimsHeading);
            std::vector<SwatchLayer> all;
            for (const auto& side : wv.claims) // in the file's order, each side's tiles over the last's
                if (s_.claims.contains(side.claimant))
                    all.push_back({QPen(side.colour, style_.claimSwatchWidth), {}, {&side}});
            for (const auto& claimant : s_.claims)
                if (const ClaimStyle* side = wv.claim(claimant)) {
                    legend.entries.push_back({mapWord(side->legendClaim),
                                              false,
                                              {{QPen(side->colour, style_.claimSwatchWidth), {}, {side}}}});
                    legend.entries.push_back(
                        {mapWord(side->legendBorder),
                         true,
                         {rect(QPen(side->colour, style_.claimBorderWidth, side->borderStyle), {})}});
                }
            if (s_.claims.size() > 1) legend.entries.push_back({mapWord(wv.bothClaim), false, all});
        }
        for (const auto& layer : scene_.layers())
            if (layer->added && !s_.hiddenLayers.contains(layer->key))
                legend.entries.push_back({QCoreApplication::translate("map", "Added: %1").arg(layer->title),
                                          false,
                                          {rect(QPen(style_.added, style_.addedWidth), style_.addedFill())}});
        // A legend entry starts with a capital, whichever word the language puts first.
        QString names = s_.names.describe();
        if (!names.isEmpty()) names[0] = names[0].toUpper();
        legend.entries.push_back({names, false, {}});

        // A legend that would cover too much of a small frame folds: smaller type, long entries wrapped
        // into a narrow column, narrower swatches (style.json "small_map").
        const SmallMapStyle& sm = style_.smallMap;
        legend.font = legend_, legend.headingFont = legendHeading_;
        QSizeF size = legendSize(legend, 1e9);
        if (small_ || size.width() * size.height() > sm.legendShare * W_ * H_) {
            legend.compact = true;
            legend.font.setPointSizeF(legend_.pointSizeF() * sm.fontScale);
            legend.headingFont.setPointSizeF(legendHeading_.pointSizeF() * sm.fontScale);
            legend.swatch = sm.swatchPx;
            size = legendSize(legend, sm.wrapPx);
        }
        legend.box = emptiestCorner(size);
        plan_.taken.push_back(legend.box);
        plan_.legend = std::move(legend);
    }

    // Sets the legend's lines and row height, its texts wrapped at `wrap` pixels; returns its panel's size.
    QSizeF legendSize(LegendPlan& legend, double wrap) const {
        legend.row = cache_.measure(legend.heading, legend.font).height + 4;
        legend.headingLines = wrapped(legend.heading, legend.headingFont, wrap + legend.swatch + 8);
        double w = 0, h = 0;
        for (const QString& line : legend.headingLines) {
            const TextMetrics m = cache_.measure(line, legend.headingFont);
            w = std::max(w, m.advance), h += m.height;
        }
        h += 6;
        for (auto& e : legend.entries) {
            e.lines = wrapped(e.text, legend.font, wrap);
            for (const QString& line : e.lines)
                w = std::max(w, legend.swatch + 8 + cache_.measure(line, legend.font).advance);
            h += legend.row * static_cast<double>(e.lines.size());
        }
        return {w + 16, h + 10};
    }

    // `text` broken at spaces into lines of at most `width` pixels (a longer word keeps a line to itself).
    QStringList wrapped(const QString& text, const QFont& font, double width) const {
        if (cache_.measure(text, font).advance <= width) return {text};
        QStringList lines;
        QString line;
        for (const QString& word : text.split(' ', Qt::SkipEmptyParts)) {
            const QString longer = line.isEmpty() ? word : line + ' ' + word;
            if (!line.isEmpty() && cache_.measure(longer, font).advance > width) {
                lines << line;
                line = word;
            } else {
                line = longer;
            }
        }
        if (!line.isEmpty()) lines << line;
        return lines;
    }

    // Of the four corners (clear of the title, scale bar and north arrow), the one that hides the least
    // land. Ties go to the bottom left, where legends usually are.
    QRectF emptiestCorner(QSizeF size) const {
        const double m = 12;
        double top = m;
        for (const auto& r : plan_.taken)
            top = std::max(top, r.bottom() + m); // below the title
        const QList<QRectF> candidates{QRectF(QPointF(m, H_ - size.height() - 34), size),
                                       QRectF(QPointF(W_ - size.width() - m, H_ - size.height() - 64), size),
                                       QRectF(QPointF(m, top), size),
                                       QRectF(QPointF(W_ - size.width() - m, 80), size)};
        if (s_.legendCorner >= 0 && s_.legendCorner < candidates.size() &&
            candidates[s_.legendCorner].top() >= 0 && candidates[s_.legendCorner].left() >= 0)
            return candidates[s_.legendCorner];
        QRectF best = candidates.front();
        int bestLand = INT_MAX;
        for (const QRectF& c : candidates) {
            if (c.top() < 0 || c.left() < 0) continue;
            // Hiding the place of a label that must be shown (a group's) costs more than any land.
            const int cost = landSamples(c) + 100 * placesUnder(c.adjusted(-30, -12, 30, 12));
            if (cost < bestLand) bestLand = cost, best = c;
        }
        return best;
    }

    // How many of the labels that must be shown (LabelStyle::displace) this frame shows have their place
    // in `box`.
    int placesUnder(const QRectF& box) const {
        if (s_.hiddenLayers.contains("labels")) return 0;
        int n = 0;
        for (const auto& a : scene_.anchors())
            n += a.style->displace && shown(a) && box.contains(t_.map(a.pos));
        return n;
    }

    // Whether a label is shown at this zoom: islands when they are a few pixels wide, points and straits
    // when zoomed in.
    bool shown(const LabelAnchor& a) const {
        const LabelStyle& ls = *a.style;
        const double mpp = s_.viewport.metresPerPixel;
        if (ls.area && a.sizeM / mpp < ls.minPx) return false;
        if (ls.area && ls.maxViews > 0 && a.sizeM / mpp > ls.maxViews * std::max(W_, H_)) return false;
        return !(ls.maxMetresPerPixel > 0 && mpp > ls.maxMetresPerPixel);
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
                rings.push_back(land->polygon(land->parts[i], std::max(plan_.level, 4)));
                geo::clipRing(rings.back(),
                              boxOf(area.adjusted(-1, -1, 1, 1))); // the samples are inside `area`
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
        const QPointF c(W_ / 2, H_ / 2);
        const geo::Point a = scene_.unproject(s_.viewport.toMap({c.x() - 50, c.y()}));
        const geo::Point b = scene_.unproject(s_.viewport.toMap({c.x() + 50, c.y()}));
        const double mPerPx = geo::geodesicDistanceM(a, b) / 100; // true scale at the centre of the view
        if (!std::isfinite(mPerPx) || mPerPx <= 0) return;
        // The longest 1, 2 or 5 times a power of ten within 140 pixels (fewer on a small frame).
        const double target = mPerPx * 140 * furniture_, mag = std::pow(10.0, std::floor(std::log10(target)));
        double len = 1;
        for (double k : {1.0, 2.0, 5.0})
            if (k * mag <= target) len = k * mag;
        const double px = len / mPerPx;
        const QString text = len >= 1000 ? QCoreApplication::translate("map", "%1 km").arg(len / 1000)
                                         : QCoreApplication::translate("map", "%1 m").arg(len);
        const QPointF o(W_ - px - 24, H_ - 30);
        plan_.scaleBar = ScaleBarPlan{o, px, text, QRectF(o.x() - 6, o.y() - 18, px + 12, 28)};
        plan_.taken.push_back(plan_.scaleBar->box);
    }

    void northArrow() {
        if (!s_.northArrow) return;
        const geo::Viewport& v = s_.viewport;
        // Grid north and true north differ away from the central meridian: point the arrow at true north.
        const geo::Point ll = scene_.unproject(v.center);
        const geo::Point up = scene_.project({ll.x, std::min(ll.y + 0.05, 89.99)});
        plan_.northAngle = std::atan2(up.x - v.center.x, up.y - v.center.y) * 180 / M_PI;
        const double k = furniture_;
        const QPointF c(W_ - 12 - 22 * k, 24 + 22 * k);
        plan_.northArrow = c;
        plan_.northArrowScale = k;
        plan_.taken.push_back(QRectF(c.x() - 24 * k, c.y() - 24 * k, 48 * k, 64 * k));
    }

    void attribution() {
        if (!s_.attribution) return;
        const QFontMetricsF fm(attribution_);
        const QRectF box(0, H_ - fm.height() - 6, W_, fm.height() + 6);
        const QString text = fm.elidedText(attributionText(scene_, s_), Qt::ElideRight, box.width() - 16);
        plan_.attribution = TextItem{text, attribution_, style_.attributionText, box.topLeft(), box};
        plan_.taken.push_back(box);
    }

    void notes() {
        const QFontMetricsF fm(note_);
        for (const auto& note : s_.notes) {
            const geo::Point xy = scene_.project({note.lon, note.lat});
            const QPointF at = t_.map(QPointF(xy.x, xy.y));
            QRectF box =
                fm.boundingRect(QRectF(0, 0, 260, 200), Qt::TextWordWrap, note.text).adjusted(-6, -4, 6, 4);
            // Put the callout up and to the right of the point, or wherever it stays inside the frame.
            QPointF off(40, -40 - box.height());
            if (at.x() + off.x() + box.width() > W_) off.setX(-40 - box.width());
            if (at.y() + off.y() < 0) off.setY(40);
            box.moveTopLeft(at + off);
            const QPointF joint(std::clamp(at.x(), box.left(), box.right()),
                                std::clamp(at.y(), box.top(), box.bottom()));
            plan_.notes.push_back({at, joint, box, note.text});
            plan_.taken.push_back(box);
        }
    }

    // Greedy placement by priority: a label that would overlap one already placed is dropped.
    void labels() {
        if (s_.hiddenLayers.contains("labels")) return;
        std::vector<const LabelAnchor*> order;
        for (const auto& a : scene_.anchors())
            order.push_back(&a);
        std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) {
            return a->priority != b->priority ? a->priority < b->priority : a->sizeM > b->sizeM;
        });
        for (const LabelAnchor* a : order) {
            const LabelStyle& ls = *a->style;
            if (!shown(*a)) continue;
            const geo::Place* place = scene_.data().place(a->id.toStdString());
            if (!place) continue;
            const QString text = s_.names.label(*place);
            if (text.isEmpty()) continue;
            QFont f = unsharedFont(ls.font);
            if (s_.highlight.contains(a->id) || s_.selected == a->id) f.setBold(true);
            const TextMetrics fm = cache_.measure(text, f);
            const QRectF frame(0, 0, W_, H_);
            const auto fits = [&](const QRectF& b) { return frame.contains(b) && !taken(b); };
            // The label's box with its text's origin, for an anchor point on the frame.
            const auto boxAt = [&](const QPointF& anchor, QPointF* origin) {
                QRectF box = fm.bounds;
                *origin = ls.point ? anchor + QPointF(5, fm.ascent / 2 - 1)
                                   : anchor - QPointF(box.width() / 2, -fm.ascent / 2 + fm.descent);
                box.moveTopLeft(QPointF(origin->x(), origin->y() - fm.ascent));
                return box.adjusted(-3, -2, 3, 2);
            };
            const auto put = [&](const QPointF& anchor, const QPointF& origin, const QRectF& box) {
                plan_.taken.push_back(box);
                PlacedLabel label{{text, f, ls.colour, origin, box}, std::nullopt};
                if (ls.point) label.dot = anchor;
                plan_.labels.push_back(std::move(label));
            };
            // At its anchor, or where that does not fit, at its fallback (a big island labelled at a point).
            bool placed = false;
            for (const std::optional<QPointF>& at : {std::optional<QPointF>(a->pos), a->fallback}) {
                if (!at || placed) continue;
                const QPointF anchor = t_.map(*at);
                QPointF origin;
                const QRectF box = boxAt(anchor, &origin);
                if (fits(box)) put(anchor, origin, box), placed = true;
            }
            // A label that must be shown (a group's) whose place is in the frame is moved next to its place
            // rather than dropped: beside it, above or below it, or at a corner of it (the place's size on
            // screen, at most 80 pixels, apart), then as far again, kept inside the frame.
            const QPointF anchor = t_.map(a->pos);
            if (placed || !ls.displace || !frame.contains(anchor)) continue;
            QPointF origin;
            const QRectF centred = boxAt(anchor, &origin);
            const double r = std::min(a->sizeM / s_.viewport.metresPerPixel, 80.0) / 2;
            const double dx = r + centred.width() / 2 + 6, dy = r + centred.height() / 2 + 2;
            for (const double k : {1.0, 2.0})
                for (const QPointF off :
                     {QPointF(0, 0), QPointF(dx, 0), QPointF(-dx, 0), QPointF(0, -dy), QPointF(0, dy),
                      QPointF(dx, -dy), QPointF(-dx, -dy), QPointF(dx, dy), QPointF(-dx, dy)}) {
                    if (placed) break;
                    QRectF b = centred.translated(off * k);
                    b.translate(std::clamp(b.left(), 0.0, W_ - b.width()) - b.left(),
                                std::clamp(b.top(), 0.0, H_ - b.height()) - b.top());
                    if (fits(b)) put(anchor, origin + (b.topLeft() - centred.topLeft()), b), placed = true;
                }
        }
    }

  private:
    const Scene& scene_;
    const MapSettings& s_;
    const MapStyle& style_;
    RenderCache& cache_;
    FramePlan& plan_;
    // Copies of the style's fonts of this frame's own (see unsharedFont): frames are laid out on several
    // threads at once (the canvas, an export).
    QFont title_, legend_, legendHeading_, attribution_, note_, gridLabel_;
    QTransform t_;
    double W_, H_;
    bool small_;       // fewer logical pixels than SmallMapStyle::areaPx
    double furniture_; // the north arrow's and scale bar's scale
};

} // namespace

void layOut(const Scene& scene, const MapSettings& settings, RenderCache& cache, FramePlan& plan) {
    Layout layout(scene, settings, cache, plan);
    std::vector<TextItem> edgeLabels;
    layout.graticule(edgeLabels);
    layout.datedLines();
    // Furniture first: the labels then avoid the title, legend, scale bar, arrow and notes.
    layout.title();
    layout.legend();
    layout.scaleBar();
    layout.northArrow();
    layout.attribution();
    layout.notes();
    // The graticule's edge labels after the furniture: one under the legend or scale bar is left out rather
    // than drawn half hidden.
    for (auto& label : edgeLabels)
        if (!layout.taken(label.box)) plan.gridLabels.push_back(std::move(label));
    layout.labels();
}

} // namespace isv
