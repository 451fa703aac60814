#pragma once
// A saved map (File → Save, `isleview export --map FILE`): the view, the name set, the claims shown, the
// switched-off layers and furniture, the title, the notes and the added layers, as a small readable JSON file
// (docs/map-files.md). Qt Gui free, so the command line reads it as the window does.
#include "map_settings.h"

#include <geo/result.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace isv {

class Scene;

/// The extension of a saved map, without the dot.
inline constexpr const char* kMapFileSuffix = "isleview";
/// The version written; a file of a newer version is refused with a message saying so.
inline constexpr int kMapFileVersion = 1;

struct MapDocument {
    QString crs;          ///< the projection the view is in (e.g. "EPSG:32655")
    MapSettings settings; ///< viewport (centre, scale, logical size), names, claims, hidden layers,
                          ///< legend / scale bar / north arrow, title and notes; the rest stays default
    QStringList layers;   ///< added files, absolute paths, in the order they were added
    geo::Box lonLat;      ///< the view's area in degrees (written for people; read back only as a check)
    friend bool operator==(const MapDocument&, const MapDocument&) = default;
};

/// The file's text. Layer paths are written relative to `documentPath`'s folder where they are inside it
/// (or a sibling of it), absolute elsewhere.
QByteArray mapDocumentJson(const MapDocument& document, const QString& documentPath);
/// Reads a document's text; relative layer paths are taken from `documentPath`'s folder. An error names
/// `documentPath` and the problem ("map.isleview: view.center must be two numbers").
geo::Result<MapDocument> parseMapDocument(const QByteArray& json, const QString& documentPath);
/// Reads a document file.
geo::Result<MapDocument> loadMapDocument(const QString& path);
/// Writes a document atomically (a temporary renamed into place); the error names the path.
std::optional<geo::Error> saveMapDocument(const MapDocument& document, const QString& path);

/// Puts the document's choices into `settings` except those whose command-line option `given` says was on
/// the command line (`--names`, `--claims`, `--title`, `--legend`, `--note`...), so that they win. The
/// viewport is not touched (the caller frames the output).
void applyMapDocument(const MapDocument& document, MapSettings* settings,
                      const std::function<bool(const QString& option)>& given);

/// The area the document's view shows, in `scene`'s projection (its lon/lat extent when the scene is in
/// another CRS than the document's). If `size` is given it is set to the view's size in pixels at `dpi`.
geo::Box documentBox(const MapDocument& document, const Scene& scene, QSize* size, int dpi);

/// A document of what `scene` and `settings` show: the view and choices, and the scene's added files.
MapDocument documentOf(const Scene& scene, const MapSettings& settings);

} // namespace isv
