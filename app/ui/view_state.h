#pragma once
// What the window remembers between runs (QSettings, organisation "Isleview", application "isleview"):
// the view, the name set, the claim overlays and the switched-off layers. Window geometry is the window's.
#include <map_settings.h>

class QSettings;

namespace isv {

/// Writes the remembered parts of `settings`.
void saveViewState(QSettings& store, const MapSettings& settings);
/// Reads them back over `settings`; values that are missing or unusable are left as they were.
/// Returns true if a usable viewport (centre and scale) was restored.
bool restoreViewState(const QSettings& store, MapSettings* settings);

} // namespace isv
