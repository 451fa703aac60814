#include "status_text.h"

#include <QLocale>

#include <cmath>

namespace isv {

namespace {
QString degreesMinutes(double value, QChar positive, QChar negative) {
    const double a = std::abs(value);
    int degrees = int(std::floor(a));
    double minutes = std::round((a - degrees) * 600.0) / 10.0; // tenths of a minute
    if (minutes >= 60.0) { // 59.96′ rounds to 60.0′: carry into the degrees
        minutes -= 60.0;
        ++degrees;
    }
    return QStringLiteral("%1°%2′%3")
        .arg(degrees)
        .arg(minutes, 0, 'f', 1)
        .arg(value < 0 ? negative : positive);
}
} // namespace

QString formatLonLat(geo::Point lonlat) {
    if (!std::isfinite(lonlat.x) || !std::isfinite(lonlat.y)) return {};
    return QStringLiteral("%1 %2 (%3, %4)")
        .arg(degreesMinutes(lonlat.y, u'N', u'S'), degreesMinutes(lonlat.x, u'E', u'W'))
        .arg(lonlat.y, 0, 'f', 4)
        .arg(lonlat.x, 0, 'f', 4);
}

QString formatDistance(double metres) {
    const double km = metres / 1000.0;
    return QStringLiteral("%1 km").arg(km, 0, 'f', km < 10 ? 2 : 1);
}

} // namespace isv
