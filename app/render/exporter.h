#pragma once
// Writing map images: PNG, JPEG, SVG, PDF and GeoTIFF, atomically. Used by `isleview export` and the
// window's File → Export dialog, so the same options give the same picture.
#include "map_settings.h"
#include "scene.h"

#include <geo/result.h>

#include <QSize>
#include <QString>

namespace isv {

struct ExportOptions {
    QString path;           ///< output file; the format comes from its extension
    bool worldFile = false; ///< also write a world file (.pgw/.jgw) beside a PNG/JPEG
    /// The frame, drawn as it is: its pixelSize() is the image's, its dpi() the density written to the file
    /// (see MapSettings::fitOutput). Exports always carry the attribution line.
    MapSettings settings;
};

struct ExportReport {
    QString path;
    QString format;      ///< "png", "jpeg", "svg", "pdf", "tiff"
    QStringList written; ///< every file written (the image and any world file)
};

/// The area `isleview export --focus ID` and the Export dialog show for a place: its projected bounds grown
/// by 12 % of the larger side plus 2 km on every side. Empty if the scene does not know `id`.
geo::Box focusBox(const Scene& scene, const QString& id);

/// The level of detail exportMap() draws outlines at for `options` (see levelOfDetail): an added file need
/// keep nothing finer (FileOptions::minLevel).
int exportLevel(const ExportOptions& options);

/// The lower-case formats exportMap() understands, by extension.
QString formatForPath(const QString& path);

/// Renders and writes. The file appears only when complete (written to a temporary file in the same
/// folder, then renamed); on failure nothing is left behind and an existing file is untouched. The error
/// names the path and the reason.
geo::Result<ExportReport> exportMap(const Scene& scene, const ExportOptions& options);

} // namespace isv
