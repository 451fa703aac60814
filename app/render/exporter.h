#pragma once
// Writing map images: PNG, JPEG, SVG, PDF and GeoTIFF, atomically. Used by `isleview export` and the
// window's File → Export dialog, so the same options give the same picture.
#include "compare.h"
#include "map_settings.h"
#include "scene.h"

#include <geo/result.h>

#include <QSize>
#include <QString>

#include <functional>
#include <optional>

namespace isv {

struct ExportOptions {
    QString path; ///< output file; the format comes from its extension
    /// Also write a world file (.pgw/.jgw) beside a PNG/JPEG, with the CRS in a .prj (ESRI WKT) and in GDAL's
    /// NAME.EXT.aux.xml (which GDAL and QGIS read).
    bool worldFile = false;
    /// The frame, drawn as it is: its pixelSize() is the image's, its dpi() the density written to the file
    /// (see MapSettings::fitOutput). Exports always carry the attribution line.
    MapSettings settings;
    /// Device rows a PNG or GeoTIFF is drawn and written at a time (0: as many as fit in 64 Mpixels, so a
    /// 20000 x 20000 map never needs one 1.6 GB image). A JPEG is always drawn whole.
    int bandRows = 0;
    /// A comparison (`isleview export --compare`): these two halves side by side in `settings`' frame
    /// (compare.h). Not with a world file or GeoTIFF: a pair is not one georeferenced raster.
    std::optional<ComparePair> compare;
};

/// Told the fraction of the image written so far (0 to 1), on the thread exportMap runs on.
using ExportProgress = std::function<void(double fraction)>;

struct ExportReport {
    QString path;
    QString format;      ///< "png", "jpeg", "svg", "pdf", "tiff"
    QStringList written; ///< every file written (the image, then any world file and CRS sidecars)
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
/// names the path and the reason (an image too big for the memory says to choose a smaller size).
/// `progress`, if set, is told after each band.
geo::Result<ExportReport> exportMap(const Scene& scene, const ExportOptions& options,
                                    const ExportProgress& progress = {});

} // namespace isv
