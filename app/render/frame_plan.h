#pragma once
// FramePlan: what one frame draws and where, worked out once per frame before any pixel is written. The
// layer steps (which parts of which layer, in which pen and fill, in drawing order) and the layout of
// everything on top (graticule and its edge labels, title, legend and its corner, scale bar, north arrow,
// attribution, notes, place labels after their collisions). The stripes of a frame only paint it, and tests
// read it without pixels.
#include "map_settings.h"
#include "map_style.h"
#include "scene.h"

#include <QFont>
#include <QPen>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace isv {

class RenderCache;

/// One pass over one prepared layer.
struct LayerStep {
    const SceneLayer* layer = nullptr;
    std::vector<bool> parts; ///< which of layer->parts to draw (by index); empty: all
    QPen pen{Qt::NoPen};
    QColor fill;                          ///< invalid: no fill (unless `hatch` or `partFill`)
    std::vector<QColor> partFill;         ///< by part index, overriding `fill` (the de facto tints)
    std::vector<const ClaimStyle*> hatch; ///< a claim's hatching (several: their tiles composed)
    bool aliasedFill = false;             ///< hatch fills drawn without antialiasing on raster devices
    bool skipCuts = false; ///< no outline along the layer's notCoast edges (where the data's box cut it)
    bool points = false;   ///< the layer's points (ScenePart::point), a dot each; other steps leave them out
};

/// A line of text at a baseline origin (logical pixels).
struct TextItem {
    QString text;
    QFont font;
    QColor colour;
    QPointF origin;
    QRectF box; ///< what it covers, with its margin
};

/// A place label as placed.
struct PlacedLabel {
    TextItem text;
    std::optional<QPointF> dot; ///< a point place's marker
};

/// One layer of a legend swatch: a rectangle (or a line across it) in this pen over this fill.
struct SwatchLayer {
    QPen pen;
    QColor fill;                          ///< invalid: none (unless hatch)
    std::vector<const ClaimStyle*> hatch; ///< a claim's hatching
};

struct LegendEntry {
    QString text;
    bool line = false;               ///< a line across the swatch, not a rectangle
    std::vector<SwatchLayer> swatch; ///< empty: text only
    QStringList lines;               ///< `text` as drawn: wrapped into lines (one in a full legend)
};

struct LegendPlan {
    QRectF box;
    QString heading;
    std::vector<LegendEntry> entries;
    QStringList headingLines; ///< `heading` as drawn
    QFont font, headingFont;  ///< the style's, or smaller in a compact legend
    double row = 0;           ///< height of one line of an entry
    double swatch = 26;       ///< swatch width
    bool compact = false;     ///< folded for a small frame (SmallMapStyle)
};

struct ScaleBarPlan {
    QPointF origin; ///< top left of the bar
    double lengthPx = 0;
    QString text; ///< e.g. "20 km"
    QRectF box;   ///< the panel behind it
};

struct NotePlan {
    QPointF at;    ///< the point it names
    QPointF joint; ///< where the leader meets the box
    QRectF box;
    QString text;
};

struct FramePlan {
    int level = 0; ///< level of detail of the outlines
    std::vector<LayerStep> steps;
    std::vector<QPolygonF> graticule; ///< lines, logical pixels
    std::optional<TextItem> title;    ///< box: the panel; word-wrapped in it
    std::optional<LegendPlan> legend;
    std::optional<ScaleBarPlan> scaleBar;
    std::optional<QPointF> northArrow;   ///< centre
    double northArrowScale = 1;          ///< smaller on a small frame
    double northAngle = 0;               ///< degrees clockwise from up to true north
    std::optional<TextItem> attribution; ///< box: the strip; text elided to fit
    std::vector<NotePlan> notes;
    std::vector<TextItem> gridLabels; ///< the graticule's degree labels left clear of the furniture
    std::vector<PlacedLabel> labels;  ///< in placement order
    std::vector<QRectF> taken;        ///< what labels must avoid (furniture, notes, labels placed)
    QStringList errors;
    QStringList omitted; ///< what was left out to keep the frame's work bounded (see drawingNotes)

    /// A past day's border lines given as polylines (MapSettings::dated), logical pixels.
    std::vector<QPolygonF> datedLines;
};

/// The outline an added layer may draw in one frame, in device pixels of line per device pixel of the
/// frame's width plus height: 5,000 (a line across the frame 5,000 times; about 50 ms of drawing). A file
/// whose outlines go past it (rings of thousands of long zigzag edges) has its costliest parts left out,
/// with a note: drawing them took seconds to minutes per frame, and showed nothing a reader could use.
inline constexpr double kOutlinePerFrameSide = 5000;

/// What the frame `settings` describe would leave out of `scene`'s added layers to stay within
/// kOutlinePerFrameSide: one note per layer concerned, naming it (empty when everything is drawn). The
/// same notes as planFrame's, without the rest of the plan (for `isleview export`, which reports them).
QStringList drawingNotes(const Scene& scene, const MapSettings& settings);

/// Plans the frame `settings` describe over `scene`, in the scene's style. `raster`: the painter draws
/// into an image (claims shared by every side shown are then filled once with composed tiles).
FramePlan planFrame(const Scene& scene, const MapSettings& settings, RenderCache& cache, bool raster);

/// The first half of planFrame: the level of detail and the layer steps, without the layout (layOut in
/// frame_layout.h adds it), so that painting the layers need not wait for the layout.
FramePlan planLayers(const Scene& scene, const MapSettings& settings, bool raster);

} // namespace isv
