#pragma once
// MainWindow: menus, toolbar, docks and status bar around a MapCanvas. All map state lives in the
// canvas's MapSettings; the window edits copies of it and keeps its controls in step.
#include <map_settings.h>

#include <QMainWindow>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

class QActionGroup;
class QLabel;
class QListView;
class QListWidget;
class QSettings;

namespace isv {

class CompareView;
class FileLoader;
class InfoPanel;
class LayerListModel;
class MapCanvas;
class MapFileController;
class DesktopActions;
class MessageBar;
class MeasureDock;
class NotesDock;
class PlaceList;
class PlaceSearchDock;
class Scene;
class TimelineBar;
struct Frame;
struct LoadRequest;
struct LoadResult;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    /// `store`, if given, is read now (view, name set, overlays, geometry) and written on close.
    explicit MainWindow(std::shared_ptr<const Scene> scene, QSettings* store = nullptr,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    MapCanvas* canvas() const { return canvas_; }
    /// The comparison view (View → Compare Side by Side / Compare with Swipe), shown in the canvas's place.
    CompareView* compareView() const { return compare_; }
    PlaceList* placeList() const { return places_; }
    /// The Find dock (Ctrl+F) and the Measure dock.
    PlaceSearchDock* findDock() const { return find_; }
    MeasureDock* measureDock() const { return measure_; }
    /// The Layers dock's list; its model has a checkable row per layer, the key in Qt::UserRole.
    QListView* layerList() const { return layers_; }
    /// The Notes dock's list: one row per MapSettings::notes entry, in order.
    QListWidget* noteList() const;
    /// An action by object name, e.g. "names-russian", "claim-japan", "view-graticule" (tests, toolbars).
    QAction* action(const QString& name) const;
    /// The status bar texts: the selected place, the cursor position, the measured distance.
    QString selectionText() const;
    QString cursorText() const;
    QString measureText() const;
    /// The pending name-set suggestion's button text ("" when none is shown).
    QString suggestionText() const;
    /// The message shown above the map (a suggestion or a problem), "" when none is.
    QString messageText() const;
    /// What is being read in the background (status bar), "" when nothing is.
    QString loadingText() const;
    /// True while a file is being opened or the projection switched (see openLayer, setProjection).
    bool isLoading() const;
    /// The map as a document: File → Save / Open Map, the title bar, the session.
    MapFileController* mapFile() const { return mapFile_; }
    /// Print, copy, the user guide, icons and the focus ring.
    DesktopActions* desktop() const { return desktop_; }

  public slots:
    void setNameSet(const isv::NameSet& names);
    void setClaimShown(const QString& claimant, bool shown);
    void setLayerVisible(const QString& key, bool visible);
    /// Selects a place (outlined, named in the status bar, shown in the info panel); "" clears.
    void selectPlace(const QString& id, bool zoom);
    /// Adds a vector file as a layer. It is read and prepared in the background (a big file is shown
    /// coarsely first, then in full under the same key); opens wait their turn. On failure a message names
    /// the file. loadFinished tells when it is done.
    void openLayer(const QString& path);
    /// Switches the display projection (geo::kDisplayCrs or geo::kWorldCrs): the shipped data and every
    /// added file are prepared again in the background, as openLayer does.
    void setProjection(const QString& crs);
    /// Switches to `names` at once (the information panel's offer) and says so in the status bar.
    void suggestNameSet(const isv::NameSet& names);
    /// Replaces the scene by the shipped data alone in `crs` (no added layers); false with `problem` set if
    /// it cannot be prepared. A map file being opened starts from it.
    bool setBaseScene(const QString& crs, QString* problem);
    /// Asks for a text and adds a note at a projected point; an empty text or Cancel adds nothing.
    void addNoteAt(geo::Point xy);

  signals:
    /// An openLayer() finished: the layer is in the scene (ok) or a message was shown.
    void loadFinished(const QString& path, bool ok);
    /// A setProjection() finished: the scene is in `crs` (ok) or a message was shown.
    void projectionChanged(const QString& crs, bool ok);

  protected:
    void closeEvent(QCloseEvent* event) override;
    /// Vector files dropped on the window are opened as layers.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    const std::shared_ptr<const Scene>& scene() const;
    void createActions();
    void createNameActions();
    void createMenus();
    void createDocks();
    void createInfoDock();
    void createTimeline();
    void createStatusBar();
    void createLoader();
    void startScene(std::shared_ptr<const Scene> scene);
    void showScene(std::shared_ptr<const Scene> scene, bool first);
    void edit(const std::function<void(MapSettings&)>& change);
    void syncControls();
    void onMapClicked(geo::Point xy);
    QString placeForLandId(const QString& landId) const;
    void showMapMenu(const QPoint& pos);
    void showExportDialog();
    void showAbout();
    void showRenderErrors(const Frame& frame);
    void saveToStore() const;

    // Background work (FileLoader): what each request's end means for the window.
    void onLoaded(const LoadResult& result);
    void warn(const QString& title, const QString& text);
    void updateLoadingText();

    FileLoader* loader_ = nullptr;
    MapFileController* mapFile_ = nullptr;
    DesktopActions* desktop_ = nullptr;
    QLabel* loadingLabel_ = nullptr;
    QActionGroup* projectionGroup_ = nullptr;

    QSettings* store_ = nullptr;
    MapCanvas* canvas_ = nullptr;
    CompareView* compare_ = nullptr;
    PlaceList* places_ = nullptr;
    QListView* layers_ = nullptr;
    LayerListModel* layerModel_ = nullptr;
    NotesDock* notes_ = nullptr;
    PlaceSearchDock* find_ = nullptr;
    MeasureDock* measure_ = nullptr;
    QVariantMap exportChoices_; // the export dialog's last choices, offered again
    InfoPanel* info_ = nullptr;
    TimelineBar* timeline_ = nullptr;
    MessageBar* messageBar_ = nullptr;
    QStringList renderErrors_; // the last frame's problems, shown once until they change
    QLabel* selectionLabel_ = nullptr;
    QLabel* measureLabel_ = nullptr;
    QLabel* cursorLabel_ = nullptr;
    QActionGroup* namesGroup_ = nullptr;
    QActionGroup* scriptGroup_ = nullptr;
    QList<QAction*> claimActions_;
};

} // namespace isv
