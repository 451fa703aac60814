#pragma once
// Figures as the interface shows them everywhere (status bar, lists, info panel).
#include <QLocale>
#include <QString>

namespace isv {

/// "3,139 km²": whole km² from 100 up, one decimal below 100, two below 1; English digit grouping whatever
/// the system locale, like the rest of the interface.
inline QString formatArea(double km2) {
    const int decimals = km2 < 1 ? 2 : km2 < 100 ? 1 : 0;
    return QStringLiteral("%1 km²").arg(QLocale(QLocale::English).toString(km2, 'f', decimals));
}

/// Why a named island or islet has no area: the shoreline data has no outline for it (docs/data.md).
inline QString noOutlineText() {
    return QStringLiteral(
        "Not in the GSHHG coastline, which leaves out rocks under about 0.01 km²; marked at "
        "its gazetteer point.");
}

} // namespace isv
