#pragma once
// MapFileController: the window's map as a document. File → Open Map / Save / Save As / Open Recent, the
// window title and its modified marker, the question about unsaved changes, and the session (the notes,
// added layers and title of an unsaved map, remembered between runs).
#include <map_document.h>

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QSettings;

namespace isv {

class MainWindow;

class MapFileController : public QObject {
    Q_OBJECT
  public:
    /// Makes the actions ("file-open-map", "file-save", "file-save-as", "file-recent-clear") as children of
    /// `window`; `store` (may be null) keeps the recent maps and the session.
    MapFileController(MainWindow* window, QSettings* store);

    /// Adds Open Map, Open Recent, Save and Save As to `file`.
    void addToMenu(QMenu* file);
    /// The map file shown, "" for an unsaved map.
    QString path() const { return path_; }
    /// True when the map differs from its file in what it keeps (not counting the view).
    bool isModified() const;
    /// The map as a document now.
    MapDocument current() const;
    /// Opens a map file: its projection, view, names, claims, title and notes at once, its layers in the
    /// background. False (after a message naming the file and the problem) when it cannot be read.
    bool open(const QString& path);
    /// Writes the map to `path` and makes it the window's file; false after a message on failure.
    bool saveAs(const QString& path);
    /// Asks about unsaved changes of a map file (Save / Discard / Cancel): false if the user cancelled
    /// (or saving failed). An unsaved map is never asked about: the session keeps it.
    bool maybeSave();
    /// The recent map files, newest first.
    QStringList recentFiles() const;
    /// Writes the session to the store: the map file shown, or an unsaved map's notes, layers and title.
    void saveSession() const;
    /// Reads the session back (the window calls this once, after it restored its view).
    void restoreSession();

  private:
    void updateTitle();
    void rememberRecent(const QString& path);
    void fillRecentMenu();
    void afterLoads();

    MainWindow* window_;
    QSettings* store_;
    QString path_;
    MapDocument clean_; // what the file holds, view left out
    QMenu* recentMenu_ = nullptr;
    /// The view of a map whose layers are still being read: put back once they are in (a new layer
    /// outside the view would otherwise move it).
    std::optional<MapDocument> pending_;
};

} // namespace isv
