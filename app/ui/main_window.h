#pragma once
// MainWindow: menus, toolbar, docks and status bar around a MapCanvas. All map state lives in the
// canvas's MapSettings; the window edits copies of it and keeps its controls in step.
#include <map_settings.h>

#include <QMainWindow>
#include <QStringList>
#include <QVariantMap>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <thread>

class QActionGroup;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSettings;

namespace isv {

class MapCanvas;
class PlaceList;
class Scene;
class InfoPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    /// `store`, if given, is read now (view, name set, overlays, geometry) and written on close.
    explicit MainWindow(std::shared_ptr<const Scene> scene, QSettings* store = nullptr,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    MapCanvas* canvas() const { return canvas_; }
    PlaceList* placeList() const { return places_; }
    QListWidget* layerList() const { return layers_; }
    /// The Notes dock's list: one row per MapSettings::notes entry, in order.
    QListWidget* noteList() const { return notes_; }
    /// An action by object name, e.g. "names-russian", "claim-japan", "view-graticule" (tests, toolbars).
    QAction* action(const QString& name) const;
    /// The status bar texts: the selected place, the cursor position, the measured distance.
    QString selectionText() const;
    QString cursorText() const;
    QString measureText() const;
    /// The pending name-set suggestion's button text ("" when none is shown).
    QString suggestionText() const;
    /// What is being read in the background (status bar), "" when nothing is.
    QString loadingText() const;
    /// True while a file is being opened or the projection switched (see openLayer, setProjection).
    bool isLoading() const { return running_; }

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
    /// Offers to switch to `names` with a non-modal bar above the map.
    void suggestNameSet(const isv::NameSet& names);
    /// Asks for a text and adds a note at a projected point; an empty text or Cancel adds nothing.
    void addNoteAt(geo::Point xy);
    /// Asks for a new text for note `index`.
    void editNote(int index);
    void removeNote(int index);

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
    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    QWidget* createMessageBar();
    void setScene(std::shared_ptr<const Scene> scene);
    void edit(const std::function<void(MapSettings&)>& change);
    void syncControls();
    void addLayerItem(const QString& key, const QString& title);
    void onMapClicked(geo::Point xy);
    QString placeForLandId(const QString& landId) const;
    /// The note whose point or callout is at `px` on the canvas, or -1.
    int noteAt(QPointF px) const;
    void showMapMenu(const QPoint& pos);
    void showExportDialog();
    void showAbout();
    void saveToStore() const;

    // Background work, one job at a time: open files (`files`) over the current scene, or rebuild the
    // scene in `crs` with the shipped data and `files` (a projection switch).
    struct Job {
        QStringList files;
        QString crs; // non-empty: rebuild in this CRS
    };
    void enqueue(Job job);
    void startNext();
    void showScene(std::shared_ptr<const Scene> scene, bool first);
    void finishJob(const QStringList& errors);
    void updateLoadingText();
    void fitNavigator();

    std::deque<Job> jobs_;
    Job job_; // the one running
    bool running_ = false;
    std::thread worker_;
    std::atomic<bool> cancel_{false}; // set on close: the worker stops and its results are dropped
    QLabel* loadingLabel_ = nullptr;
    QActionGroup* projectionGroup_ = nullptr;

    std::shared_ptr<const Scene> scene_;
    QSettings* store_ = nullptr;
    MapCanvas* canvas_ = nullptr;
    PlaceList* places_ = nullptr;
    QListWidget* layers_ = nullptr;
    QListWidget* notes_ = nullptr;
    QVariantMap exportChoices_; // the export dialog's last choices, offered again
    InfoPanel* info_ = nullptr;
    QWidget* messageBar_ = nullptr;
    QLabel* messageLabel_ = nullptr;
    QPushButton* messageButton_ = nullptr;
    NameSet suggested_;
    QLabel* selectionLabel_ = nullptr;
    QLabel* measureLabel_ = nullptr;
    QLabel* cursorLabel_ = nullptr;
    QActionGroup* namesGroup_ = nullptr;
    QActionGroup* scriptGroup_ = nullptr;
    QList<QAction*> claimActions_;
    bool syncing_ = false;
};

} // namespace isv
