#pragma once
// Comparison frames: the map as one side draws it beside the map as the other side draws it. Each half is a
// whole frame of its own (its names, its claim and border, its legend) drawn by renderMap; a pair adds a
// shared title band above them. The window's comparison view and `isleview export --compare` both use it.
#include "render_map.h"

#include <QRectF>
#include <QSizeF>

#include <array>

namespace isv {

class MapStyle;

/// The claimants compared, left then right: the worldviews' claims in their file's order (Japan, Russia).
QStringList comparedSides(const MapStyle& style);

/// `base` as `claimant` draws it: that side's names (the language whose names go with it) in `script`
/// ("latin", "native" or "both"), that side's claim and border, and a caption naming the side as its
/// title. Everything else (view, furniture, notes) is kept.
MapSettings sideSettings(const MapSettings& base, const QString& claimant, const QString& script);

/// The caption a half carries: "As Japan draws it" for one side's claims, else what its claims show.
QString sideCaption(const MapStyle& style, const QStringList& claims);

/// Where the parts of a pair go in a frame of `size` logical pixels: the shared title band (empty when
/// there is no title) and the two halves, a thin gap between them.
struct PairLayout {
    QRectF title;
    std::array<QRectF, 2> halves;
};
PairLayout pairLayout(const MapStyle& style, QSizeF size, bool titled);

/// Two halves and a shared title. `halves[i].viewport` is half i's own size (PairLayout::halves).
struct ComparePair {
    std::array<MapSettings, 2> halves;
    QString title;
};

/// The shipped comparison of `base`: each side (comparedSides) as it draws it, in `script`, under `title`.
ComparePair comparePair(const MapSettings& base, const QString& script, const QString& title);

/// The shared title of a comparison given none.
QString defaultCompareTitle();

/// Fits both halves of `pair` to show `box` (projected metres) in a frame of `pixels` at `dpi`, each in
/// its half of the layout; the halves keep their names, claims and captions.
void fitPair(const MapStyle& style, ComparePair& pair, const geo::Box& box, QSize pixels, int dpi);

/// Draws the pair onto `painter`, whose device is `whole`'s size (whole.viewport: logical pixels; the
/// attribution flag and date of `whole` go to both halves). Each half is clipped to its place. The report
/// is the halves' (`halves`, if given, gets each one's), errors of either included.
RenderReport renderPair(const Scene& scene, const ComparePair& pair, const MapSettings& whole,
                        QPainter& painter, const std::atomic<bool>* cancel = nullptr,
                        RenderCache* cache = nullptr, std::array<RenderReport, 2>* halves = nullptr);

} // namespace isv
