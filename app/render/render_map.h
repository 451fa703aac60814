#pragma once
// The only code that draws a map: renderMap(scene, settings, painter) for the canvas, the exporter, the
// image tests and the benchmarks. Its output depends on the scene (with its style), the settings, and
// whether the device is a raster image (label sprites, hatch tiles) or a vector one (real text, patterns).
#include "map_settings.h"
#include "scene.h"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <atomic>

class QPainter;

namespace isv {

class RenderCache;

/// What renderMap did, returned as data.
struct RenderReport {
    bool cancelled = false;
    int level = 0;              ///< level of detail used for the land
    std::size_t partsDrawn = 0; ///< rings and lines drawn after culling
    std::size_t vertices = 0;   ///< vertices sent to the painter
    QStringList labels;         ///< label texts placed, in placement order
    QList<QRectF> labelBoxes;   ///< where each of `labels` went (logical pixels, halo included)
    QStringList legend;         ///< legend entries drawn
    QStringList gridLabels;     ///< graticule degree labels drawn on the frame's edges
    QStringList errors;         ///< problems met, each naming what it concerns (e.g. "claims: ...")
    QStringList omitted; ///< what was left out to keep the work bounded (FramePlan::omitted); not failures
};

/// Draws the frame described by `settings` onto `painter`, whose device is settings.viewport's size in
/// logical pixels. Checks `cancel` between layers and returns early (report.cancelled) when it turns true.
/// `cache` keeps text sprites, hatch tiles and the stripe split between frames (null: a cache for this
/// frame only). Failures (a painter that is not active, an exception while drawing) come back in
/// report.errors; nothing is thrown. Thread-safe for distinct painters.
RenderReport renderMap(const Scene& scene, const MapSettings& settings, QPainter& painter,
                       const std::atomic<bool>* cancel = nullptr, RenderCache* cache = nullptr);

/// The level of detail a frame draws outlines at: the coarsest whose tolerance stays within one physical
/// pixel (one and a half in a draft).
int levelOfDetail(const MapSettings& settings);

/// The frame drawn while the view moves (progressive refinement): coarser detail, no antialiasing, and at
/// most about 1920x1080 device pixels, shown scaled up until the full frame replaces it.
MapSettings draftFrame(MapSettings settings);

/// "Shown: 143.2–150.8°E, 43.0–46.0°N" (the lon/lat box round the frame, degrees) when the frame shows
/// more than settings.requestedArea by over a pixel; "" otherwise (or with no requested area).
QString shownAreaText(const Scene& scene, const MapSettings& settings);

/// The attribution line for a frame: the area shown (see shownAreaText), data source, name set, claims
/// shown, date.
QString attributionText(const Scene& scene, const MapSettings& settings);
/// The claims a frame shows, as its attribution line names them ("none (de facto view)" for none).
QString claimsShownText(const Scene& scene, const MapSettings& settings);
/// Where the frame's data comes from: the coastline, the borders, and the added layers shown.
QString sourcesText(const Scene& scene, const MapSettings& settings);

} // namespace isv
