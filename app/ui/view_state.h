#pragma once
// What the window remembers between runs (QSettings, organisation "Isleview", application "isleview"):
// the view, the name set, the claim overlays and the switched-off layers. Window geometry is the window's.
#include "navigator.h"

#include <map_settings.h>

#include <QStringList>

class QSettings;

namespace isv {

/// Writes the remembered parts of `settings`.
void saveViewState(QSettings& store, const MapSettings& settings);
/// Reads them back over `settings`. A value that is missing is left as it was; one of the wrong type or
/// out of range (not true/false, not a finite number, a scale or centre outside `limits`, an unknown name
/// word or claimant) is left as it was too, and described in `problems` ("view/legend: 'maybe' is not
/// true or false"). Returns true if a usable viewport (centre and scale) was restored.
bool restoreViewState(const QSettings& store, MapSettings* settings, const Navigator& limits = {},
                      QStringList* problems = nullptr);

} // namespace isv
