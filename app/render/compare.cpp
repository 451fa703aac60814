#include "compare.h"

#include "map_style.h"
#include "render_cache.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace isv {

namespace {

constexpr double kGap = 4; // logical pixels between the halves

} // namespace

QStringList comparedSides(const MapStyle& style) {
    QStringList out;
    for (const ClaimStyle& c : style.worldviews.claims)
        out << c.claimant;
    return out;
}

QString sideCaption(const MapStyle& style, const QStringList& claims) {
    if (claims.isEmpty()) return QCoreApplication::translate("map", "De facto view");
    if (claims.size() == 1)
        if (const ClaimStyle* c = style.worldviews.claim(claims.first()))
            return QCoreApplication::translate("map", "As %1 draws it").arg(c->name);
    return QCoreApplication::translate("map", "Both sides' claims");
}

MapSettings sideSettings(const MapSettings& base, const QString& claimant, const QString& script) {
    MapSettings s = base;
    QString word;
    for (const NameCode& l : NameWords::shipped().languages)
        if (l.claimant == claimant)
            for (const NameChoice& c : NameWords::shipped().nameChoices)
                if (c.codes == QStringList{l.code}) word = c.word;
    NameSet names;
    if (!word.isEmpty() && NameSet::parse(word, script, &names)) s.names = names;
    s.claims = QStringList{claimant};
    s.title = sideCaption(*MapStyle::shipped(), s.claims);
    return s;
}

ComparePair comparePair(const MapSettings& base, const QString& script, const QString& title) {
    ComparePair pair;
    pair.title = title;
    const QStringList sides = comparedSides(*MapStyle::shipped());
    for (std::size_t i = 0; i < 2 && i < static_cast<std::size_t>(sides.size()); ++i)
        pair.halves[i] = sideSettings(base, sides[static_cast<int>(i)], script);
    return pair;
}

QString defaultCompareTitle() {
    return QCoreApplication::translate("map", "Each side's map, side by side");
}

PairLayout pairLayout(const MapStyle& style, QSizeF size, bool titled) {
    PairLayout out;
    double top = 0;
    if (titled) {
        top = std::round(QFontMetricsF(unsharedFont(style.title)).height() + 12);
        out.title = QRectF(0, 0, size.width(), top);
    }
    const double w = std::floor((size.width() - kGap) / 2), h = size.height() - top;
    out.halves = {QRectF(0, top, w, h), QRectF(size.width() - w, top, w, h)};
    return out;
}

void fitPair(const MapStyle& style, ComparePair& pair, const geo::Box& box, QSize pixels, int dpi) {
    const double dpr = dpi / 96.0;
    const PairLayout layout =
        pairLayout(style, QSizeF(pixels.width() / dpr, pixels.height() / dpr), !pair.title.isEmpty());
    for (std::size_t i = 0; i < 2; ++i) {
        const QRectF& half = layout.halves[i];
        pair.halves[i].fitOutput(box,
                                 QSize(static_cast<int>(std::lround(half.width() * dpr)),
                                       static_cast<int>(std::lround(half.height() * dpr))),
                                 dpi);
    }
}

RenderReport renderPair(const Scene& scene, const ComparePair& pair, const MapSettings& whole,
                        QPainter& painter, const std::atomic<bool>* cancel, RenderCache* cache,
                        std::array<RenderReport, 2>* halves) {
    RenderReport report;
    if (!painter.isActive()) {
        report.errors << "drawing the map failed: the image could not be started (too large for the memory?)";
        return report;
    }
    const MapStyle& style = scene.style();
    const QSizeF size(whole.viewport.widthPx, whole.viewport.heightPx);
    const PairLayout layout = pairLayout(style, size, !pair.title.isEmpty());
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), size), style.text); // the gap between the halves
    if (!pair.title.isEmpty()) {
        painter.fillRect(layout.title, style.titlePanel);
        QFont font = unsharedFont(style.title);
        painter.setFont(font);
        painter.setPen(style.text);
        painter.drawText(layout.title.adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextSingleLine,
                         QFontMetricsF(font).elidedText(pair.title, Qt::ElideRight, size.width() - 16));
    }
    painter.restore();
    for (std::size_t i = 0; i < 2; ++i) {
        MapSettings s = pair.halves[i];
        s.attribution = whole.attribution;
        s.attributionDate = whole.attributionDate;
        s.devicePixelRatio = whole.devicePixelRatio;
        const QRectF& place = layout.halves[i];
        painter.save();
        painter.translate(place.topLeft());
        painter.setClipRect(QRectF(0, 0, place.width(), place.height()), Qt::IntersectClip);
        const RenderReport half = renderMap(scene, s, painter, cancel, cache);
        painter.restore();
        if (halves) (*halves)[i] = half;
        report.cancelled = report.cancelled || half.cancelled;
        report.level = std::max(report.level, half.level);
        report.partsDrawn += half.partsDrawn;
        report.vertices += half.vertices;
        report.labels << half.labels;
        report.labelBoxes << half.labelBoxes;
        report.legend << half.legend;
        report.gridLabels << half.gridLabels;
        report.errors << half.errors;
        report.omitted << half.omitted;
    }
    return report;
}

} // namespace isv
