#pragma once
// DesktopActions: the habits of a desktop program around the main window. Icons (the theme's, else the
// bundled ones), F11 full screen, F1 the user guide, Ctrl+P print, Ctrl+Shift+C copy the map, the map's
// title, and a focus ring on the map so that keyboard focus is always visible.
#include <map_settings.h>

#include <geo/result.h>

#include <QIcon>
#include <QImage>
#include <QObject>

#include <optional>

class QMenu;
class QPrinter;
class QTextBrowser;

namespace isv {

class MainWindow;
class Scene;

/// The view of `settings` drawn as an export draws it (with the attribution line) at its own pixel size
/// and density: what Edit → Copy Map puts on the clipboard.
QImage mapImage(const Scene& scene, const MapSettings& settings);
/// Prints the area `settings` shows, fitted to `printer`'s page at its resolution, by the same renderMap
/// as the exports. The error names what could not be drawn.
std::optional<geo::Error> printMap(const Scene& scene, const MapSettings& settings, QPrinter* printer);
/// The user guide for `language` ("en", "ja", "ru"; English when there is none in it): a resource path.
QString userGuidePath(const QString& language);
/// An icon by freedesktop name from the theme, else the bundled one of the same name.
QIcon themedIcon(const QString& name);

class DesktopActions : public QObject {
    Q_OBJECT
  public:
    /// Makes "file-print", "edit-copy-map", "edit-title" and "help-guide" as children of `window`, gives
    /// the window's actions their icons and F11 to full screen.
    explicit DesktopActions(MainWindow* window);

    /// Puts the new actions in the window's menus: Print in `file`, an Edit menu after it, the guide first
    /// in `help`.
    void addToMenus(QMenu* file, QMenu* help);
    /// Shows the user guide (non-modal; one window, raised when asked again).
    void showGuide();
    /// The guide's browser while it is shown, else null.
    QTextBrowser* guideBrowser() const;

  private:
    void copyMap();
    void print();
    void editTitle();

    MainWindow* window_;
    QWidget* guide_ = nullptr;
};

} // namespace isv
