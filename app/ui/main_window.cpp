#include "main_window.h"

#include "compare_view.h"
#include "desktop_actions.h"
#include "export_dialog.h"
#include "file_loader.h"
#include "language_menu.h"
#include "layer_list_model.h"
#include "map_canvas.h"
#include "map_file_controller.h"
#include "measure_dock.h"
#include "message_bar.h"
#include "notes_dock.h"
#include "place_list.h"
#include "place_search_dock.h"
#include "status_text.h"
#include "timeline_bar.h"
#include "view_state.h"

#include <scene.h>
#include <worldview.h>

#include <geo/geodesic.h>
#include <geo/projection.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <tuple>

#include <info_panel.h>

namespace isv {

namespace {
// The button that takes up a suggested name set.
QString suggestionButton(const NameSet& names) {
    return QCoreApplication::translate("isv::MainWindow", "Show %1").arg(names.describe());
}

// A frame's problems as the message bar says them; each names what could not be drawn.
QString renderErrorText(const QStringList& errors) {
    return errors.isEmpty()
               ? QString()
               : QCoreApplication::translate("isv::MainWindow", "Part of the map could not be drawn: %1")
                     .arg(errors.join("; "));
}
} // namespace

MainWindow::MainWindow(std::shared_ptr<const Scene> initial, QSettings* store, QWidget* parent)
    : QMainWindow(parent), store_(store) {
    setWindowTitle(QStringLiteral("Isleview"));
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    canvas_ = new MapCanvas(this);
    messageBar_ = new MessageBar(this);
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(messageBar_);
    column->addWidget(canvas_, 1);
    compare_ = new CompareView(central);
    column->addWidget(compare_, 1);
    setCentralWidget(central);

    createActions();
    mapFile_ = new MapFileController(this, store_);
    desktop_ = new DesktopActions(this);
    createDocks();
    createMenus();
    createStatusBar();
    createLoader();
    startScene(std::move(initial));

    // The controls follow the canvas's settings, whoever changed them.
    connect(canvas_, &MapCanvas::settingsChanged, this, &MainWindow::syncControls);
    connect(canvas_, &MapCanvas::frameShown, this, &MainWindow::showRenderErrors);
    connect(canvas_, &MapCanvas::clicked, this, &MainWindow::onMapClicked);
    canvas_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(canvas_, &QWidget::customContextMenuRequested, this, &MainWindow::showMapMenu);
    connect(canvas_, &MapCanvas::cursorMoved, this, [this](geo::Point xy) {
        cursorLabel_->setText(scene() ? formatLonLat(scene()->unproject(xy)) : QString());
    });
    connect(canvas_, &MapCanvas::cursorLeft, this, [this] { cursorLabel_->clear(); });
    connect(canvas_, &MapCanvas::measureChanged, this, [this](double metres) {
        measureLabel_->setText(metres < 0 ? QString() : tr("Distance: %1").arg(formatDistance(metres)));
        if (metres >= 0 && canvas_->measureArea() && canvas_->measurePoints().size() >= 3)
            measureLabel_->setText(
                measureLabel_->text() + "; " +
                tr("area: %1")
                    .arg(formatArea(geo::measurePath(canvas_->measurePoints(), true).areaM2 / 1e6)));
    });

    // A first window fits the screen; the docks start wide enough to read the names but leave the map at
    // least half the width. restoreGeometry/restoreState below bring back the user's own layout.
    const QSize avail = screen() ? screen()->availableGeometry().size() : QSize(1280, 820);
    resize(std::min(1280, avail.width() * 9 / 10), std::min(820, avail.height() * 9 / 10));
    QList<QDockWidget*> docks;
    QList<int> widths;
    for (auto [name, share, most] : {std::tuple{"placesDock", 0.22, 280}, std::tuple{"infoDock", 0.28, 360}})
        if (auto* dock = findChild<QDockWidget*>(name))
            docks << dock, widths << std::min(most, int(width() * share));
    resizeDocks(docks, widths, Qt::Horizontal);
    MapSettings s = canvas_->settings();
    bool viewRestored = false;
    if (store_) {
        restoreGeometry(store_->value("window/geometry").toByteArray());
        restoreState(store_->value("window/state").toByteArray());
        QStringList problems;
        viewRestored = restoreViewState(*store_, &s, canvas_->navigator(), &problems);
        exportChoices_ = store_->value("export/choices").toMap();
        if (!problems.isEmpty())
            messageBar_->showMessage(tr("Some remembered settings could not be used and were left at their "
                                        "defaults (%1): %2")
                                         .arg(store_->fileName(), problems.join("; ")));
    }
    canvas_->setSettings(s);
    if (!viewRestored) canvas_->goHome();
    setNameSet(canvas_->settings().names); // labels every list and panel in the restored set
    syncControls();
    mapFile_->restoreSession();
    canvas_->setFocus();
}

MainWindow::~MainWindow() {
    delete loader_; // stops and waits for the background work before the widgets go
}

const std::shared_ptr<const Scene>& MainWindow::scene() const {
    return canvas_->scene();
}

void MainWindow::startScene(std::shared_ptr<const Scene> scene) {
    // The remembered projection: the shipped data alone is prepared again in a few tens of milliseconds.
    const QString crs = store_ ? store_->value("view/crs").toString() : QString();
    if (scene && !crs.isEmpty() && crs.toStdString() != scene->crs() && addedFiles(*scene).isEmpty()) {
        if (auto rebuilt = Scene::build(scene->dataPtr(), crs.toStdString()))
            scene = rebuilt.value();
        else
            messageBar_->showMessage(tr("The map could not be prepared in the remembered projection (%1): %2")
                                         .arg(crs, QString::fromStdString(rebuilt.error().message)));
    }
    canvas_->setScene(scene, true);
    for (QAction* a : projectionGroup_->actions())
        a->setChecked(scene && a->data().toString().toStdString() == scene->crs());
    places_->setMapData(scene ? scene->dataPtr() : nullptr);
    find_->setMapData(scene ? scene->dataPtr() : nullptr);
    measure_->setMapData(scene ? scene->dataPtr() : nullptr);
    layerModel_->setScene(scene.get());
    if (scene) createInfoDock();
}

void MainWindow::createActions() {
    const auto make = [this](const QString& name, const QString& text, const QKeySequence& key = {},
                             bool checkable = false) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setCheckable(checkable);
        return a;
    };
    connect(make("file-open", tr("&Open Layer…"), QKeySequence::Open), &QAction::triggered, this, [this] {
        const QString dir = store_ ? store_->value("files/lastDir").toString() : QString();
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Vector Layer"), dir,
            tr("Vector files (*.shp *.geojson *.json *.gpkg *.kml *.kmz *.gml *.gpx *.fgb *.csv *.tab *.mif "
               "*.sqlite *.osm *.pbf);;All files (*)"));
        if (path.isEmpty()) return;
        if (store_) store_->setValue("files/lastDir", QFileInfo(path).absolutePath());
        openLayer(path);
    });
    connect(make("file-export", tr("&Export Image…"), QKeySequence(tr("Ctrl+E"))), &QAction::triggered, this,
            &MainWindow::showExportDialog);
    connect(make("file-quit", tr("&Quit"), QKeySequence::Quit), &QAction::triggered, this, &QWidget::close);

    connect(make("view-zoom-in", tr("Zoom &In"), QKeySequence::ZoomIn), &QAction::triggered, canvas_,
            &MapCanvas::zoomIn);
    connect(make("view-zoom-out", tr("Zoom &Out"), QKeySequence::ZoomOut), &QAction::triggered, canvas_,
            &MapCanvas::zoomOut);
    connect(make("view-home", tr("&Show All Islands"), QKeySequence(tr("Ctrl+0"))), &QAction::triggered,
            canvas_, &MapCanvas::goHome);
    connect(make("view-zoom-selection", tr("Zoom to &Selection"), QKeySequence(tr("Ctrl+J"))),
            &QAction::triggered, this, [this] { selectPlace(canvas_->settings().selected, true); });
    connect(make("view-fullscreen", tr("&Full Screen"), QKeySequence::FullScreen, true), &QAction::toggled,
            this, [this](bool on) {
                setWindowState(on ? windowState() | Qt::WindowFullScreen
                                  : windowState() & ~Qt::WindowFullScreen);
            });
    connect(make("view-graticule", tr("&Graticule"), {}, true), &QAction::toggled, this,
            [this](bool on) { setLayerVisible("graticule", on); });
    connect(make("view-labels", tr("&Labels"), {}, true), &QAction::toggled, this,
            [this](bool on) { setLayerVisible("labels", on); });
    connect(make("view-legend", tr("L&egend"), {}, true), &QAction::toggled, this,
            [this](bool on) { edit([on](MapSettings& s) { s.legend = on; }); });
    connect(make("view-scalebar", tr("Scale &Bar"), {}, true), &QAction::toggled, this,
            [this](bool on) { edit([on](MapSettings& s) { s.scaleBar = on; }); });
    connect(make("view-northarrow", tr("&North Arrow"), {}, true), &QAction::toggled, this,
            [this](bool on) { edit([on](MapSettings& s) { s.northArrow = on; }); });
    compare_->attach(
        canvas_, make("view-compare", tr("Compare Side by &Side"), QKeySequence(tr("Ctrl+Shift+B")), true),
        make("view-swipe", tr("Compare with S&wipe"), QKeySequence(tr("Ctrl+Shift+W")), true));
    projectionGroup_ = new QActionGroup(this);
    for (const auto& [name, text, crs] :
         {std::tuple{"projection-local", tr("&Local (UTM zone 55N, conformal)"), geo::kDisplayCrs},
          std::tuple{"projection-world", tr("&World (Equal Earth)"), geo::kWorldCrs}}) {
        QAction* a = make(name, text, {}, true);
        a->setData(QString::fromLatin1(crs));
        projectionGroup_->addAction(a);
    }
    connect(projectionGroup_, &QActionGroup::triggered, this,
            [this](QAction* a) { setProjection(a->data().toString()); });
    QAction* measure = make("tool-measure", tr("&Measure Distance"), QKeySequence(tr("Ctrl+M")), true);
    measure->setToolTip(tr("Measure a path point by point, or an area (or shift+drag on the map)"));
    connect(make("edit-find", tr("&Find Place…"), QKeySequence::Find), &QAction::triggered, this,
            [this] { find_->focusSearch(); });
    QAction* note = make("tool-note", tr("Add &Note"), QKeySequence(tr("Ctrl+Shift+N")), true);
    note->setToolTip(tr("Click on the map to place a note: a callout drawn on the map and in exports"));
    // The two tools take the same clicks: switching one on switches the other off.
    connect(measure, &QAction::toggled, this, [this, note](bool on) {
        canvas_->setMeasureMode(on);
        if (on) note->setChecked(false);
        if (on) measure_->show();
        if (!on) canvas_->clearMeasurement();
    });
    connect(note, &QAction::toggled, this, [this, measure](bool on) {
        canvas_->setNoteMode(on);
        if (on) measure->setChecked(false);
    });

    createNameActions();

    // Claim overlays come from the worldview data, one per claimant, in its order.
    for (const ClaimStyle& c : Worldviews::shipped().claims) {
        QAction* a = make("claim-" + c.claimant, mapWord(c.label), {}, true);
        a->setData(c.claimant);
        a->setToolTip(tr("Show %1: %2").arg(mapWord(c.label), mapWord(c.legendClaim)));
        connect(a, &QAction::toggled, this,
                [this, claimant = c.claimant](bool on) { setClaimShown(claimant, on); });
        claimActions_ << a;
    }
    QAction* none = make("claims-none", tr("&De Facto View Only"));
    none->setToolTip(tr("Hide both claim overlays"));
    connect(none, &QAction::triggered, this, [this] { edit([](MapSettings& s) { s.claims.clear(); }); });

    connect(make("help-about", tr("&About Isleview")), &QAction::triggered, this, &MainWindow::showAbout);
    connect(make("help-about-qt", tr("About &Qt")), &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createNameActions() {
    // Name sets: exclusive choices from the shipped words, each applied to the map, the lists and the panel
    // at once. Only a user's choice triggers; syncControls checks them without triggering.
    namesGroup_ = new QActionGroup(this);
    scriptGroup_ = new QActionGroup(this);
    const auto add = [this](QActionGroup* group, const QString& prefix, const QList<NameChoice>& choices) {
        for (const NameChoice& c : choices) {
            auto* a = new QAction(mapWord(c.menuText), this);
            a->setObjectName(prefix + c.word);
            a->setCheckable(true);
            a->setData(c.word);
            group->addAction(a);
        }
    };
    add(namesGroup_, QStringLiteral("names-"), NameWords::shipped().nameChoices);
    add(scriptGroup_, QStringLiteral("script-"), NameWords::shipped().scriptChoices);
    const auto applyNames = [this] {
        if (!namesGroup_->checkedAction() || !scriptGroup_->checkedAction()) return;
        NameSet ns;
        if (NameSet::parse(namesGroup_->checkedAction()->data().toString(),
                           scriptGroup_->checkedAction()->data().toString(), &ns))
            setNameSet(ns);
    };
    connect(namesGroup_, &QActionGroup::triggered, this, applyNames);
    connect(scriptGroup_, &QActionGroup::triggered, this, applyNames);
}

QAction* MainWindow::action(const QString& name) const {
    return findChild<QAction*>(name, Qt::FindDirectChildrenOnly);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({action("file-open"), action("file-export")});
    file->addSeparator();
    file->addAction(action("file-quit"));
    mapFile_->addToMenu(file);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions({action("edit-find"), action("view-zoom-in"), action("view-zoom-out"),
                      action("view-home"), action("view-zoom-selection")});
    view->addSeparator();
    view->addActions({action("view-graticule"), action("view-labels"), action("view-legend"),
                      action("view-scalebar"), action("view-northarrow")});
    view->addMenu(tr("&Projection"))->addActions(projectionGroup_->actions());
    view->addActions({action("view-compare"), action("view-swipe")});
    view->addSeparator();
    view->addActions({action("tool-measure"), action("tool-note")});
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly))
        view->addAction(dock->toggleViewAction());
    view->addAction(action("view-fullscreen"));
    view->addSeparator();
    view->addMenu(createLanguageMenu(this, store_));

    QMenu* names = menuBar()->addMenu(tr("&Names"));
    names->addSection(tr("Language"));
    names->addActions(namesGroup_->actions());
    names->addSection(tr("Script"));
    names->addActions(scriptGroup_->actions());

    QMenu* claims = menuBar()->addMenu(tr("&Claims"));
    claims->addActions(claimActions_);
    claims->addSeparator();
    claims->addAction(action("claims-none"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addActions({action("help-about"), action("help-about-qt")});
    desktop_->addToMenus(file, help);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({action("file-open"), action("file-export")});
    bar->addSeparator();
    bar->addActions({action("view-zoom-in"), action("view-zoom-out"), action("view-home")});
    bar->addSeparator();
    bar->addAction(names->menuAction());
    if (auto* b = qobject_cast<QToolButton*>(bar->widgetForAction(names->menuAction())))
        b->setPopupMode(QToolButton::InstantPopup);
    bar->addSeparator();
    bar->addActions(claimActions_);
    bar->addSeparator();
    bar->addActions({action("tool-measure"), action("tool-note")});
    bar->addSeparator();
    bar->addActions({action("view-compare"), action("view-swipe")});
}

void MainWindow::createDocks() {
    places_ = new PlaceList(this);
    places_->setMinimumWidth(160);
    auto* placesDock = new QDockWidget(tr("Islands"), this);
    placesDock->setObjectName(QStringLiteral("placesDock"));
    placesDock->setWidget(places_);
    addDockWidget(Qt::LeftDockWidgetArea, placesDock);
    connect(places_, &PlaceList::placeChosen, this, [this](const QString& id) { selectPlace(id, true); });

    layerModel_ = new LayerListModel(this);
    layers_ = new QListView(this);
    layers_->setObjectName(QStringLiteral("layerList"));
    layers_->setModel(layerModel_);
    auto* layersDock = new QDockWidget(tr("Layers"), this);
    layersDock->setObjectName(QStringLiteral("layersDock"));
    layersDock->setWidget(layers_);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock);
    connect(layerModel_, &LayerListModel::visibilityChosen, this, &MainWindow::setLayerVisible);

    notes_ = new NotesDock(canvas_, this);
    addDockWidget(Qt::LeftDockWidgetArea, notes_);
    resizeDocks({placesDock, layersDock, notes_}, {380, 200, 140}, Qt::Vertical);

    find_ = new PlaceSearchDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, find_);
    tabifyDockWidget(placesDock, find_);
    placesDock->raise();
    connect(find_, &PlaceSearchDock::placeChosen, this, [this](const QString& id) { selectPlace(id, true); });
    measure_ = new MeasureDock(canvas_, this);
    addDockWidget(Qt::LeftDockWidgetArea, measure_);
    tabifyDockWidget(notes_, measure_);
    notes_->raise();
}

void MainWindow::createInfoDock() {
    info_ = new InfoPanel(scene()->dataPtr(), this);
    auto* dock = new QDockWidget(tr("Information"), this);
    dock->setObjectName(QStringLiteral("infoDock"));
    dock->setWidget(info_);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    // The menus exist before the data: list this dock's toggle in View beside the others.
    if (QAction* fullscreen = action("view-fullscreen"))
        for (QMenu* menu : menuBar()->findChildren<QMenu*>())
            if (menu->actions().contains(fullscreen))
                menu->insertAction(fullscreen, dock->toggleViewAction());
    connect(info_, &InfoPanel::placeSelected, this, [this](const QString& id) { selectPlace(id, true); });
    connect(info_, &InfoPanel::highlightRequested, this,
            [this](const QStringList& ids) { edit([&ids](MapSettings& s) { s.highlight = ids; }); });
    connect(info_, &InfoPanel::nameSetSuggested, this, &MainWindow::suggestNameSet);
    // A data folder without facts is normal (the panel says so where the facts would be); a facts file
    // that is there but cannot be used is a problem to tell.
    if (!info_->loadError().isEmpty() &&
        QFileInfo::exists(defaultFactsPath(QString::fromStdString(scene()->data().dataDir))))
        messageBar_->showMessage(tr("The information panel has no facts: %1").arg(info_->loadError()));
    createTimeline();
}

void MainWindow::createTimeline() {
    auto history = History::load(defaultHistoryPath(QString::fromStdString(scene()->data().dataDir)));
    const auto shared = history ? std::make_shared<const History>(std::move(history).value()) : nullptr;
    auto* bar = new QToolBar(tr("Timeline"), this);
    bar->setObjectName(QStringLiteral("timelineToolBar"));
    timeline_ =
        new TimelineBar(shared, history ? QString() : QString::fromStdString(history.error().message), bar);
    bar->addWidget(timeline_);
    addToolBar(Qt::BottomToolBarArea, bar);
    connect(timeline_, &TimelineBar::dayChosen, this, [this, shared](QDate day) {
        edit([&](MapSettings& s) {
            s.dated = day.isValid() ? std::optional(shared->mapOn(day, datedMapHeading(day))) : std::nullopt;
        });
        info_->setHistory(day.isValid() ? TimelineBar::statusHtml(*shared, day) : QString());
    });
}

void MainWindow::createStatusBar() {
    selectionLabel_ = new QLabel(this);
    measureLabel_ = new QLabel(this);
    cursorLabel_ = new QLabel(this);
    loadingLabel_ = new QLabel(this);
    cursorLabel_->setMinimumWidth(
        cursorLabel_->fontMetrics().horizontalAdvance(formatLonLat({145.85, 43.385}) + QStringLiteral("  ")));
    statusBar()->addWidget(selectionLabel_, 1);
    statusBar()->addWidget(measureLabel_);
    statusBar()->addWidget(loadingLabel_);
    statusBar()->addPermanentWidget(cursorLabel_);
}

void MainWindow::edit(const std::function<void(MapSettings&)>& change) {
    MapSettings s = canvas_->settings();
    change(s);
    canvas_->setSettings(s); // the controls follow through settingsChanged
}

void MainWindow::syncControls() {
    // Checking an action by hand emits toggled (blocked here) but never triggered.
    const MapSettings& s = canvas_->settings();
    for (QAction* a : namesGroup_->actions())
        a->setChecked(a->data().toString() == s.names.namesWord());
    for (QAction* a : scriptGroup_->actions())
        a->setChecked(a->data().toString() == s.names.scriptWord());
    for (QAction* a : claimActions_) {
        const QSignalBlocker block(a);
        a->setChecked(s.claims.contains(a->data().toString()));
    }
    const QList<QPair<QString, bool>> flags{{"view-legend", s.legend},
                                            {"view-scalebar", s.scaleBar},
                                            {"view-northarrow", s.northArrow},
                                            {"view-graticule", !s.hiddenLayers.contains("graticule")},
                                            {"view-labels", !s.hiddenLayers.contains("labels")}};
    for (const auto& [name, on] : flags) {
        const QSignalBlocker block(action(name));
        action(name)->setChecked(on);
    }
    layerModel_->setHidden(s.hiddenLayers);
}

void MainWindow::setNameSet(const NameSet& names) {
    edit([&names](MapSettings& s) { s.names = names; });
    places_->setNameSet(names);
    find_->setNameSet(names);
    measure_->setNameSet(names);
    if (info_) info_->setNameSet(names);
    if (messageBar_->buttonText() == suggestionButton(names)) messageBar_->hide();
    selectPlace(canvas_->settings().selected, false); // relabels the status bar
}

void MainWindow::setClaimShown(const QString& claimant, bool shown) {
    edit([&](MapSettings& s) {
        s.claims.removeAll(claimant);
        if (!shown) return;
        // Kept in the worldview's order, so the same choice always gives the same legend.
        QStringList ordered;
        for (const ClaimStyle& c : Worldviews::shipped().claims)
            if (c.claimant == claimant || s.claims.contains(c.claimant)) ordered << c.claimant;
        s.claims = ordered;
    });
}

void MainWindow::setLayerVisible(const QString& key, bool visible) {
    edit([&](MapSettings& s) {
        if (visible)
            s.hiddenLayers.remove(key);
        else
            s.hiddenLayers.insert(key);
    });
}

QString MainWindow::placeForLandId(const QString& landId) const {
    const geo::MapData& md = scene()->data();
    if (md.place(landId.toStdString())) return landId;
    // An unnamed islet: select its group, which the coastline records for every polygon.
    const geo::Layer& coast = md.coast;
    for (std::size_t i = 0; i < coast.features.size(); ++i)
        if (coast.value(i, "id") == landId.toStdString()) {
            const std::string& group = coast.value(i, "group");
            if (!group.empty() && md.place(group)) return QString::fromStdString(group);
        }
    return landId;
}

void MainWindow::onMapClicked(geo::Point xy) {
    if (!scene()) return;
    if (action("tool-note")->isChecked()) return addNoteAt(xy);
    const QString land = scene()->placeAt(xy);
    const QString id = land.isEmpty() ? QString() : placeForLandId(land);
    // A second click on the selected island zooms to it; a click on the sea also clears any highlight.
    if (id.isEmpty() && !canvas_->settings().highlight.isEmpty())
        edit([](MapSettings& s) { s.highlight.clear(); });
    selectPlace(id, !id.isEmpty() && id == canvas_->settings().selected);
}

void MainWindow::addNoteAt(geo::Point xy) {
    if (scene()) notes_->addNote(scene()->unproject(xy));
}

void MainWindow::showMapMenu(const QPoint& pos) {
    if (!scene()) return;
    QMenu menu(this);
    const geo::Point xy = canvas_->settings().viewport.toMap({double(pos.x()), double(pos.y())});
    if (const quint64 id = notes_->noteAt(pos)) {
        notes_->setCurrent(id);
        connect(menu.addAction(tr("&Edit Note…")), &QAction::triggered, this,
                [this, id] { notes_->editNote(id); });
        connect(menu.addAction(tr("&Remove Note")), &QAction::triggered, this,
                [this, id] { notes_->removeNote(id); });
    } else {
        connect(menu.addAction(tr("Add &Note Here…")), &QAction::triggered, this,
                [this, xy] { addNoteAt(xy); });
    }
    menu.exec(canvas_->mapToGlobal(pos));
}

void MainWindow::selectPlace(const QString& id, bool zoom) {
    if (!scene()) return;
    edit([&id](MapSettings& s) { s.selected = id; });
    places_->setCurrentPlace(id);
    const std::string key = id.toStdString();
    const geo::MapData& md = scene()->data();
    QString text;
    if (!id.isEmpty()) {
        const geo::Place* place = md.place(key);
        text = place ? canvas_->settings().names.label(*place) : id;
        if (const auto f = md.figures.find(key); f != md.figures.end())
            text += QStringLiteral(" — ") + formatArea(f->second.areaKm2);
    }
    selectionLabel_->setText(text);
    if (info_ && !id.isEmpty()) info_->selectPlace(id); // only a user's pick there sends placeSelected
    if (zoom && !id.isEmpty()) canvas_->zoomToBoxClear(scene()->placeBounds(id)); // not under the legend
}

void MainWindow::createLoader() {
    loader_ = new FileLoader([this] { return scene(); }, this);
    connect(loader_, &FileLoader::coarseReady, this, [this](std::shared_ptr<const Scene> coarse) {
        showScene(std::move(coarse), true); // the file's first appearance (brought into view)
        updateLoadingText();
    });
    connect(loader_, &FileLoader::failed, this, [this](const LoadRequest& request, const QString& message) {
        warn(request.crs.isEmpty() ? tr("Open Layer") : tr("Projection"), message);
    });
    connect(loader_, &FileLoader::finished, this, &MainWindow::onLoaded);
    connect(loader_, &FileLoader::queueChanged, this, &MainWindow::updateLoadingText);
}

void MainWindow::openLayer(const QString& path) {
    loader_->request({{path}, {}});
}

void MainWindow::setProjection(const QString& crs) {
    loader_->request({{}, crs});
}

bool MainWindow::isLoading() const {
    return loader_->isBusy();
}

void MainWindow::showScene(std::shared_ptr<const Scene> next, bool first) {
    const std::shared_ptr<const Scene> before = scene();
    const geo::Viewport vp = canvas_->settings().viewport;
    canvas_->setScene(std::move(next), false);
    const Scene& now = *scene();
    layerModel_->setScene(&now);
    // A new layer that lies outside the view is brought into it.
    for (const auto& layer : now.layers())
        if (layer->added && first && before->crs() == now.crs() && !before->layer(layer->key) &&
            !layer->bounds.empty() && !layer->bounds.intersects(vp.mapBounds())) {
            geo::Box both = layer->bounds;
            both.expand(vp.mapBounds());
            canvas_->zoomToBox(both);
        }
    if (!first || before->crs() == now.crs()) return;

    // A new projection: the distance tool's points were in the old one.
    canvas_->clearMeasurement();
    if (now.crs() == geo::kWorldCrs) {
        // The whole world if a layer covers most of it, else the islands.
        geo::Box world;
        for (const auto& layer : now.layers())
            if (layer->added && layer->source && layer->source->bounds.width() > 180)
                world.expand(layer->bounds);
        canvas_->zoomToBox(world.empty() ? now.homeBounds() : world);
        return;
    }
    // Elsewhere the same centre (lon/lat) where the new projection shows it near the islands.
    const geo::Point centre = now.project(before->unproject(vp.center));
    const Navigator& nav = canvas_->navigator();
    if (!std::isfinite(centre.x) || !std::isfinite(centre.y) || !nav.centreLimits.contains(centre))
        return canvas_->goHome();
    MapSettings s = canvas_->settings();
    s.viewport.center = centre;
    s.viewport.metresPerPixel = std::min(vp.metresPerPixel, nav.maxMetresPerPixel);
    canvas_->setSettings(s);
}

void MainWindow::onLoaded(const LoadResult& r) {
    if (r.scene != r.before || r.coarseShown) showScene(r.scene, !r.coarseShown);
    for (QAction* a : projectionGroup_->actions()) {
        const QSignalBlocker block(a);
        a->setChecked(a->data().toString().toStdString() == scene()->crs());
    }
    if (!r.request.crs.isEmpty()) {
        const bool ok = r.status == LoadStatus::Opened && scene()->crs() == r.request.crs.toStdString();
        if (!ok && r.status != LoadStatus::Failed) // a failure has had its own message
            warn(tr("Projection"), tr("Could not switch the projection to %1.").arg(r.request.crs));
        emit projectionChanged(r.request.crs, ok);
        return;
    }
    for (const QString& file : r.request.files) {
        const auto it = std::find_if(r.files.begin(), r.files.end(),
                                     [&](const FileOutcome& f) { return f.path == file; });
        const bool ok = it != r.files.end() && it->status == LoadStatus::Opened;
        if (ok && it->layers.size() > 1)
            statusBar()->showMessage(
                tr("Added %1: %n layer(s), %2 (%3 features)", nullptr, int(it->layers.size()))
                    .arg(QFileInfo(file).fileName(), it->layers.join(", "))
                    .arg(it->features),
                10000);
        else if (ok)
            statusBar()->showMessage(
                tr("Added %1 (%2 features)").arg(QFileInfo(file).fileName()).arg(it->features), 5000);
        // The load report: what the file held that is not drawn, or not read faithfully.
        if (ok && !it->notes.isEmpty()) messageBar_->showMessage(it->notes.join('\n'));
        emit loadFinished(file, ok);
    }
}

void MainWindow::warn(const QString& title, const QString& text) {
    // Window-modal but not blocking: this runs from the loader's report, not from the user's action.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateLoadingText() {
    QString text;
    if (loader_->isBusy()) {
        const LoadRequest& job = loader_->running();
        if (!job.crs.isEmpty()) {
            const QAction* a = nullptr;
            for (const QAction* p : projectionGroup_->actions())
                if (p->data().toString() == job.crs) a = p;
            text = tr("Preparing the map in %1…").arg(a ? a->text().remove('&') : job.crs);
        } else {
            QStringList names;
            for (const QString& f : job.files)
                names << QFileInfo(f).fileName();
            text = tr("Opening %1…").arg(names.join(", "));
        }
        if (const int waiting = loader_->waiting()) text += ' ' + tr("(%n more waiting)", nullptr, waiting);
    }
    loadingLabel_->setText(text);
}

QString MainWindow::loadingText() const {
    return loadingLabel_->text();
}

void MainWindow::showRenderErrors(const Frame& frame) {
    // Shown once per distinct set of problems: a dismissed message stays dismissed while they last.
    // Notes (what a frame left out to stay quick) are shown like errors: both say the map is not whole.
    const QStringList errors = frame.report.errors + frame.report.omitted;
    if (errors == renderErrors_) return;
    const QString before = renderErrorText(renderErrors_);
    renderErrors_ = errors;
    if (!errors.isEmpty())
        messageBar_->showMessage(renderErrorText(errors));
    else if (messageBar_->text() == before)
        messageBar_->hide();
}

void MainWindow::suggestNameSet(const NameSet& names) {
    // The panel's link is the user's click on an offer: taken at once, not offered again in a bar.
    if (names == canvas_->settings().names) return;
    setNameSet(names);
    statusBar()->showMessage(tr("Showing %1").arg(names.describe()), 5000);
}

bool MainWindow::setBaseScene(const QString& crs, QString* problem) {
    if (!scene()) return false;
    loader_->cancel();
    auto built = Scene::build(scene()->dataPtr(), crs.toStdString());
    if (!built) {
        if (problem) *problem = QString::fromStdString(built.error().message);
        return false;
    }
    showScene(built.value(), false);
    for (QAction* a : projectionGroup_->actions()) {
        const QSignalBlocker block(a);
        a->setChecked(a->data().toString() == crs);
    }
    return true;
}

QString MainWindow::selectionText() const {
    return selectionLabel_->text();
}
QString MainWindow::cursorText() const {
    return cursorLabel_->text();
}
QString MainWindow::measureText() const {
    return measureLabel_->text();
}
QString MainWindow::suggestionText() const {
    return messageBar_->buttonText();
}
QString MainWindow::messageText() const {
    return messageBar_->text();
}
QListWidget* MainWindow::noteList() const {
    return notes_->list();
}

void MainWindow::showExportDialog() {
    auto* dialog = new ExportDialog(scene(), canvas_->settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChoices(exportChoices_);
    connect(dialog, &ExportDialog::exported, this, [this, dialog](const QStringList& files) {
        exportChoices_ = dialog->choices();
        statusBar()->showMessage(tr("Exported %1").arg(files.join(", ")), 10000);
    });
    dialog->open();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Isleview"),
        tr("<h3>%1</h3>"
           "<p>A map of the islands off north-east Hokkaido that Japan and Russia both claim: "
           "Etorofu / Iturup, Kunashiri / Kunashir, Shikotan and the Habomai islets.</p>"
           "<p>Place names can be shown in Japanese, Russian or both. Each side's claim is drawn as that "
           "side's position; with both overlays off the map shows who administers the islands today.</p>"
           "<p>Areas and distances are computed on the WGS84 ellipsoid from the shipped coastline.</p>")
            .arg(QStringLiteral("Isleview " ISLEVIEW_VERSION))); // as --version says it
}

void MainWindow::saveToStore() const {
    if (!store_) return;
    store_->setValue("window/geometry", QMainWindow::saveGeometry());
    store_->setValue("window/state", QMainWindow::saveState());
    saveViewState(*store_, canvas_->settings());
    if (scene()) store_->setValue("view/crs", QString::fromStdString(scene()->crs()));
    store_->setValue("export/choices", exportChoices_);
    mapFile_->saveSession();
    store_->sync();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), [](const QUrl& u) { return u.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) openLayer(url.toLocalFile());
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!mapFile_->maybeSave()) return event->ignore();
    // A file still being read is dropped: the worker stops at its next feature.
    loader_->cancel();
    saveToStore();
    event->accept();
}

} // namespace isv
