#pragma once
// The texts a PNG or JPEG export carries (PNG iTXt chunks, JPEG comments), as GeoTIFF, PDF and SVG carry
// theirs: what the map shows and where it comes from, readable by any image viewer's "properties".
#include "map_settings.h"

#include <QList>
#include <QPair>
#include <QString>

namespace isv {

class Scene;

/// Key and text pairs, in order: Title, Description (the attribution line), Names, Claims, Source, CRS,
/// Software. Keys have no spaces, so a JPEG comment "Key: text" reads back as the same pair.
QList<QPair<QString, QString>> exportTexts(const Scene& scene, const MapSettings& settings);

/// The program and its version, as exports name them ("Isleview 0.1.0").
QString softwareName();

} // namespace isv
