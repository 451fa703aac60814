#include "status_text.h"

#include <translations.h>

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace isv {

namespace {
// `hemisphere` is the pattern for the sign: "%1°%2′N" and the like, translated whole because languages put
// the hemisphere before (北緯) or after (с. ш.) the figure.
QString degreesMinutes(double value, const char* positive, const char* negative) {
    const double a = std::abs(value);
    int degrees = int(std::floor(a));
    double minutes = std::round((a - degrees) * 600.0) / 10.0; // tenths of a minute
    if (minutes >= 60.0) { // 59.96′ rounds to 60.0′: carry into the degrees
        minutes -= 60.0;
        ++degrees;
    }
    return QCoreApplication::translate("units", value < 0 ? negative : positive)
        .arg(degrees)
        .arg(interfaceLocale().toString(minutes, 'f', 1));
}
} // namespace

QString formatLonLat(geo::Point lonlat) {
    if (!std::isfinite(lonlat.x) || !std::isfinite(lonlat.y)) return {};
    const QLocale locale = interfaceLocale();
    //: the cursor's position: latitude, longitude (degrees and minutes), then both in decimal degrees
    return QCoreApplication::translate("units", "%1 %2 (%3, %4)")
        .arg(degreesMinutes(lonlat.y, QT_TRANSLATE_NOOP("units", "%1°%2′N"),
                            QT_TRANSLATE_NOOP("units", "%1°%2′S")),
             degreesMinutes(lonlat.x, QT_TRANSLATE_NOOP("units", "%1°%2′E"),
                            QT_TRANSLATE_NOOP("units", "%1°%2′W")),
             locale.toString(lonlat.y, 'f', 4), locale.toString(lonlat.x, 'f', 4));
}

QString formatDistance(double metres) {
    const double km = metres / 1000.0;
    return QCoreApplication::translate("units", "%1 km")
        .arg(interfaceLocale().toString(km, 'f', km < 10 ? 2 : 1));
}

} // namespace isv
