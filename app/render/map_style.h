#pragma once
// The look of a map as data (resources/style.json and resources/worldviews.json): colours, line widths,
// fonts, the label style of each place kind, and each side's claim overlay. Resolved once, when a scene is
// prepared; the renderer reads it and never names a font or branches on a place kind.
#include "worldview.h"

#include <geo/result.h>

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPen>
#include <QString>

#include <memory>

namespace isv {

/// How the labels of one kind of place (group, island, sea, settlement ...) look and when they show.
struct LabelStyle {
    QFont font;
    QColor colour;
    bool point = false;           ///< a dot at the place with the text to its right; else centred on it
    bool area = false;            ///< shown by the place's size on screen (min_px, max_views)
    double minPx = 0;             ///< area: hidden while the place is fewer pixels across than this
    double maxViews = 0;          ///< area: hidden when the place is more views across than this (0: never)
    double maxMetresPerPixel = 0; ///< hidden when zoomed out beyond this scale (0: never)
    bool displace = false;        ///< tried above, below and beside its place when its spot is taken
};

/// How a small frame's furniture gives way to the map (style.json "small_map"): a frame of fewer logical
/// pixels than `areaPx`, or whose legend would cover more than `legendShare` of it, gets a compact legend
/// (type scaled by `fontScale`, entries wrapped at `wrapPx`, swatches `swatchPx` wide) and a smaller
/// north arrow and scale bar (`furnitureScale`).
struct SmallMapStyle {
    double areaPx = 500000;
    double legendShare = 0.08;
    double fontScale = 0.85;
    double wrapPx = 190;
    double swatchPx = 18;
    double furnitureScale = 0.75;
};

/// Everything a frame's look depends on beyond MapSettings.
struct MapStyle {
    QColor sea, land, coast, highlight, selected, added, text, defactoLine, graticule, gridText;
    QColor panel, titlePanel, notePanel, legendPanel, legendBorder, attributionText;
    double coastWidth = 0.8, lakeShoreWidth = 0.5, defactoWidth = 1.6, claimBorderWidth = 2.4,
           claimBorderHaloWidth = 4.5, claimSwatchWidth = 1.2, highlightWidth = 1, selectedWidth = 2.5,
           addedWidth = 1, graticuleWidth = 0.7;
    int addedFillAlpha = 70;
    QPen halo; ///< round the glyphs of place labels
    QFont title, legendHeading, legend, scaleBar, northArrow, attribution, note, gridLabel;
    SmallMapStyle smallMap;
    QHash<QString, LabelStyle> kinds; ///< by place kind
    LabelStyle otherKind;             ///< for kinds the file does not name
    Worldviews worldviews;            ///< the claim overlays and the de facto view

    /// The label style of a place kind (otherKind if the file does not name it).
    const LabelStyle& label(const QString& kind) const;
    /// The added layers' fill: their outline colour, see-through.
    QColor addedFill() const;

    /// Reads a style file (the format of resources/style.json). Fails naming `name` and the problem: not
    /// JSON, a colour that does not parse, a number that is not one.
    static geo::Result<MapStyle> fromJson(const QByteArray& json, const QString& name, Worldviews worldviews);
    /// The shipped style and worldviews (compiled in from resources/).
    static std::shared_ptr<const MapStyle> shipped();
};

} // namespace isv
