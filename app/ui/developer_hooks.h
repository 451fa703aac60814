#pragma once
// Environment variables for making the documentation's screenshots (tools/screenshots.sh) and for checking
// the window in a dark theme. None changes what the program does for a user who does not set them.
//   ISLEVIEW_PALETTE=dark                 Fusion style with a dark palette
//   ISLEVIEW_SCREENSHOT=FILE.png          once the map is drawn, save the window to FILE.png and quit
//   ISLEVIEW_SCREENSHOT_MEASURE=LON,LAT,LON,LAT   measure between two points first
class QApplication;

namespace isv {

class MainWindow;

/// Applies ISLEVIEW_PALETTE to `app` (call before the window is made).
void applyPaletteHook(QApplication& app);
/// Arranges ISLEVIEW_SCREENSHOT and ISLEVIEW_SCREENSHOT_MEASURE for `window` (call after show()).
void installScreenshotHook(MainWindow& window);

} // namespace isv
