#pragma once
// Figures as the interface shows them everywhere (status bar, lists, info panel).
#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace isv {

/// "3,139 km²": whole km² from 100 up, one decimal below 100, two below 1; digits grouped as the interface
/// language writes them (interfaceLocale(): "3 139 км²" in Russian), whatever the system locale.
inline QString formatArea(double km2) {
    const int decimals = km2 < 1 ? 2 : km2 < 100 ? 1 : 0;
    return QCoreApplication::translate("units", "%1 km²").arg(interfaceLocale().toString(km2, 'f', decimals));
}

/// Why a named island or islet has no area: the shoreline data has no outline for it (docs/data.md).
inline QString noOutlineText() {
    return QCoreApplication::translate(
        "units", "Not in the GSHHG coastline, which leaves out rocks under about 0.01 km²; "
                 "marked at its gazetteer point.");
}

} // namespace isv
