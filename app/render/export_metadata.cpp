#include "export_metadata.h"

#include "render_map.h"
#include "scene.h"

namespace isv {

QString softwareName() {
    return QStringLiteral("Isleview " ISLEVIEW_VERSION);
}

QList<QPair<QString, QString>> exportTexts(const Scene& scene, const MapSettings& s) {
    return {
        {QStringLiteral("Title"), s.title.isEmpty() ? QStringLiteral("Isleview map") : s.title},
        {QStringLiteral("Description"), attributionText(scene, s)},
        {QStringLiteral("Names"), s.names.describe()},
        {QStringLiteral("Claims"), claimsShownText(scene, s)},
        {QStringLiteral("Source"), sourcesText(scene, s)},
        {QStringLiteral("CRS"), QString::fromStdString(scene.crs())},
        {QStringLiteral("Software"), softwareName()},
    };
}

} // namespace isv
