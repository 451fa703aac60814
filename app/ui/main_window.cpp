#include "main_window.h"

#include "export_dialog.h"
#include "map_canvas.h"
#include "place_list.h"
#include "status_text.h"
#include "view_state.h"

#include <scene.h>
#include <worldview.h>

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
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineF>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

#include <info_panel.h>

namespace isv {

namespace {
// The shipped layers the layers dock always lists, with the title used when the scene has no such layer.
struct BuiltinLayer {
    const char* key;
    const char* title;
};
constexpr std::array<BuiltinLayer, 6> kBuiltinLayers{{{"land", "Land"},
                                                      {"lakes", "Lakes"},
                                                      {"borders", "Borders"},
                                                      {"claims", "Claim areas"},
                                                      {"labels", "Labels"},
                                                      {"graticule", "Graticule"}}};

// Files bigger than this are shown coarsely first (Scene::withFile with FileOptions::onCoarse) while the
// full detail is prepared: about a million vertices in a Shapefile.
constexpr qint64 kCoarseBytes = 16 << 20;

bool isBuiltinLayer(const QString& key) {
    return std::any_of(kBuiltinLayers.begin(), kBuiltinLayers.end(),
                       [&](const BuiltinLayer& b) { return key == QLatin1String(b.key); });
}

// The files behind a scene's added layers, in the order they were added.
QStringList addedFiles(const Scene& scene) {
    QStringList files;
    for (const auto& layer : scene.layers())
        if (layer->added && layer->source) files << QString::fromStdString(layer->source->path);
    return files;
}

// "japan" -> "Japan's claim": each side's overlay is named as that side's position.
QString claimActionText(const QString& claimant) {
    QString country = claimant;
    if (!country.isEmpty()) country[0] = country[0].toUpper();
    return QObject::tr("%1's claim").arg(country);
}
} // namespace

MainWindow::MainWindow(std::shared_ptr<const Scene> scene, QSettings* store, QWidget* parent)
    : QMainWindow(parent), store_(store) {
    setWindowTitle(QStringLiteral("Isleview"));
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    canvas_ = new MapCanvas(this);
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(createMessageBar());
    column->addWidget(canvas_, 1);
    setCentralWidget(central);

    createActions();
    createDocks();
    createMenus();
    createStatusBar();
    // The remembered projection: the shipped data alone is prepared again in a few tens of milliseconds.
    if (const QString crs = store_ ? store_->value("view/crs").toString() : QString();
        scene && !crs.isEmpty() && crs.toStdString() != scene->crs())
        if (auto rebuilt = Scene::build(scene->dataPtr(), crs.toStdString());
            rebuilt && addedFiles(*scene).isEmpty())
            scene = rebuilt.value();
    setScene(std::move(scene));

    connect(canvas_, &MapCanvas::clicked, this, &MainWindow::onMapClicked);
    canvas_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(canvas_, &QWidget::customContextMenuRequested, this, &MainWindow::showMapMenu);
    connect(canvas_, &MapCanvas::cursorMoved, this, [this](geo::Point xy) {
        cursorLabel_->setText(scene_ ? formatLonLat(scene_->unproject(xy)) : QString());
    });
    connect(canvas_, &MapCanvas::cursorLeft, this, [this] { cursorLabel_->clear(); });
    connect(canvas_, &MapCanvas::measureChanged, this, [this](double metres) {
        measureLabel_->setText(metres < 0 ? QString() : tr("Distance: %1").arg(formatDistance(metres)));
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
        viewRestored = restoreViewState(*store_, &s);
        exportChoices_ = store_->value("export/choices").toMap();
    }
    canvas_->setSettings(s);
    if (!viewRestored) canvas_->goHome();
    setNameSet(canvas_->settings().names); // labels every list and panel in the restored set
    syncControls();
    canvas_->setFocus();
}

MainWindow::~MainWindow() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

QWidget* MainWindow::createMessageBar() {
    messageBar_ = new QFrame(this);
    messageBar_->setObjectName(QStringLiteral("messageBar"));
    messageBar_->setStyleSheet(
        QStringLiteral("#messageBar { background: #fdf6d8; border-bottom: 1px solid #d8cc9a; }"));
    auto* row = new QHBoxLayout(messageBar_);
    row->setContentsMargins(8, 4, 8, 4);
    messageLabel_ = new QLabel(messageBar_);
    messageButton_ = new QPushButton(messageBar_);
    auto* dismiss = new QToolButton(messageBar_);
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    row->addWidget(messageLabel_, 1);
    row->addWidget(messageButton_);
    row->addWidget(dismiss);
    connect(messageButton_, &QPushButton::clicked, this, [this] {
        messageBar_->hide();
        setNameSet(suggested_);
    });
    connect(dismiss, &QToolButton::clicked, messageBar_, &QWidget::hide);
    messageBar_->hide();
    return messageBar_;
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
    measure->setToolTip(tr("Measure the geodesic distance between two points (or shift+drag on the map)"));
    QAction* note = make("tool-note", tr("Add &Note"), QKeySequence(tr("Ctrl+Shift+N")), true);
    note->setToolTip(tr("Click on the map to place a note: a callout drawn on the map and in exports"));
    // The two tools take the same clicks: switching one on switches the other off.
    connect(measure, &QAction::toggled, this, [this, note](bool on) {
        canvas_->setMeasureMode(on);
        if (on) note->setChecked(false);
        if (!on) canvas_->clearMeasurement();
    });
    connect(note, &QAction::toggled, this, [this, measure](bool on) {
        canvas_->setNoteMode(on);
        if (on) measure->setChecked(false);
    });

    // Name sets: exclusive choices, each applied to the map, the lists and the panel at once.
    namesGroup_ = new QActionGroup(this);
    scriptGroup_ = new QActionGroup(this);
    const QList<QPair<QString, QString>> names{
        {"japanese", tr("&Japanese")}, {"russian", tr("&Russian")}, {"both", tr("&Both")}};
    for (const auto& [word, text] : names) {
        QAction* a = make("names-" + word, text, {}, true);
        a->setData(word);
        namesGroup_->addAction(a);
    }
    const QList<QPair<QString, QString>> scripts{
        {"latin", tr("&Latin")}, {"native", tr("&Native")}, {"both", tr("Latin and N&ative")}};
    for (const auto& [word, text] : scripts) {
        QAction* a = make("script-" + word, text, {}, true);
        a->setData(word);
        scriptGroup_->addAction(a);
    }
    const auto applyNames = [this] {
        if (syncing_ || !namesGroup_->checkedAction() || !scriptGroup_->checkedAction()) return;
        NameSet ns;
        if (NameSet::parse(namesGroup_->checkedAction()->data().toString(),
                           scriptGroup_->checkedAction()->data().toString(), &ns))
            setNameSet(ns);
    };
    connect(namesGroup_, &QActionGroup::triggered, this, applyNames);
    connect(scriptGroup_, &QActionGroup::triggered, this, applyNames);

    // Claim overlays come from the worldview data, one per claimant, in its order.
    for (const ClaimStyle& c : Worldviews::shipped().claims) {
        QAction* a = make("claim-" + c.claimant, claimActionText(c.claimant), {}, true);
        a->setData(c.claimant);
        a->setToolTip(tr("Show %1: %2").arg(claimActionText(c.claimant), c.legendClaim));
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

QAction* MainWindow::action(const QString& name) const {
    return findChild<QAction*>(name, Qt::FindDirectChildrenOnly);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({action("file-open"), action("file-export")});
    file->addSeparator();
    file->addAction(action("file-quit"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions({action("view-zoom-in"), action("view-zoom-out"), action("view-home"),
                      action("view-zoom-selection")});
    view->addSeparator();
    view->addActions({action("view-graticule"), action("view-labels"), action("view-legend"),
                      action("view-scalebar"), action("view-northarrow")});
    view->addMenu(tr("&Projection"))->addActions(projectionGroup_->actions());
    view->addSeparator();
    view->addActions({action("tool-measure"), action("tool-note")});
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly))
        view->addAction(dock->toggleViewAction());
    view->addAction(action("view-fullscreen"));

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
}

void MainWindow::createDocks() {
    places_ = new PlaceList(this);
    places_->setMinimumWidth(160);
    auto* placesDock = new QDockWidget(tr("Islands"), this);
    placesDock->setObjectName(QStringLiteral("placesDock"));
    placesDock->setWidget(places_);
    addDockWidget(Qt::LeftDockWidgetArea, placesDock);
    connect(places_, &PlaceList::placeChosen, this, [this](const QString& id) { selectPlace(id, true); });

    layers_ = new QListWidget(this);
    layers_->setObjectName(QStringLiteral("layerList"));
    auto* layersDock = new QDockWidget(tr("Layers"), this);
    layersDock->setObjectName(QStringLiteral("layersDock"));
    layersDock->setWidget(layers_);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock);
    connect(layers_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!syncing_)
            setLayerVisible(item->data(Qt::UserRole).toString(), item->checkState() == Qt::Checked);
    });

    // Notes: the callouts placed on the map, with their text and position; double-click edits.
    auto* notesPanel = new QWidget(this);
    notes_ = new QListWidget(notesPanel);
    notes_->setObjectName(QStringLiteral("noteList"));
    auto* editButton = new QPushButton(tr("&Edit…"), notesPanel);
    editButton->setObjectName(QStringLiteral("noteEdit"));
    auto* removeButton = new QPushButton(tr("&Remove"), notesPanel);
    removeButton->setObjectName(QStringLiteral("noteRemove"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(editButton);
    buttons->addWidget(removeButton);
    auto* column = new QVBoxLayout(notesPanel);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(notes_, 1);
    column->addLayout(buttons);
    auto* notesDock = new QDockWidget(tr("Notes"), this);
    notesDock->setObjectName(QStringLiteral("notesDock"));
    notesDock->setWidget(notesPanel);
    addDockWidget(Qt::LeftDockWidgetArea, notesDock);
    const auto updateButtons = [this, editButton, removeButton] {
        editButton->setEnabled(notes_->currentRow() >= 0);
        removeButton->setEnabled(notes_->currentRow() >= 0);
    };
    connect(notes_, &QListWidget::currentRowChanged, this, updateButtons);
    updateButtons();
    connect(editButton, &QPushButton::clicked, this, [this] { editNote(notes_->currentRow()); });
    connect(removeButton, &QPushButton::clicked, this, [this] { removeNote(notes_->currentRow()); });
    connect(notes_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { editNote(notes_->row(item)); });
    resizeDocks({placesDock, layersDock, notesDock}, {380, 200, 140}, Qt::Vertical);
}

void MainWindow::createStatusBar() {
    selectionLabel_ = new QLabel(this);
    measureLabel_ = new QLabel(this);
    cursorLabel_ = new QLabel(this);
    loadingLabel_ = new QLabel(this);
    cursorLabel_->setMinimumWidth(cursorLabel_->fontMetrics().horizontalAdvance(
        QStringLiteral("43°23.1′N 145°51.0′E (43.3850, 145.8500)  ")));
    statusBar()->addWidget(selectionLabel_, 1);
    statusBar()->addWidget(measureLabel_);
    statusBar()->addWidget(loadingLabel_);
    statusBar()->addPermanentWidget(cursorLabel_);
}

void MainWindow::setScene(std::shared_ptr<const Scene> scene) {
    scene_ = std::move(scene);
    canvas_->setScene(scene_, true);
    fitNavigator();
    for (QAction* a : projectionGroup_->actions())
        a->setChecked(scene_ && a->data().toString().toStdString() == scene_->crs());
    places_->setMapData(scene_ ? scene_->dataPtr() : nullptr);
    syncing_ = true;
    layers_->clear();
    for (const BuiltinLayer& b : kBuiltinLayers) {
        const SceneLayer* layer = scene_ ? scene_->layer(b.key) : nullptr;
        addLayerItem(b.key, layer && !layer->title.isEmpty() ? layer->title : tr(b.title));
    }
    if (scene_)
        for (const auto& layer : scene_->layers())
            if (layer->added) addLayerItem(layer->key, layer->title.isEmpty() ? layer->key : layer->title);
    syncing_ = false;

    if (!info_ && scene_) {
        info_ = new InfoPanel(scene_->dataPtr(), this);
        auto* dock = new QDockWidget(tr("Information"), this);
        dock->setObjectName(QStringLiteral("infoDock"));
        dock->setWidget(info_);
        addDockWidget(Qt::RightDockWidgetArea, dock);
        // The menus exist before the data: list this dock's toggle in View beside the others.
        if (QAction* fullscreen = action("view-fullscreen"))
            for (QMenu* menu : menuBar()->findChildren<QMenu*>())
                if (menu->actions().contains(fullscreen))
                    menu->insertAction(fullscreen, dock->toggleViewAction());
        connect(info_, &InfoPanel::placeSelected, this, [this](const QString& id) {
            if (!syncing_) selectPlace(id, true);
        });
        connect(info_, &InfoPanel::highlightRequested, this,
                [this](const QStringList& ids) { edit([&ids](MapSettings& s) { s.highlight = ids; }); });
        connect(info_, &InfoPanel::nameSetSuggested, this, &MainWindow::suggestNameSet);
    }
}

void MainWindow::addLayerItem(const QString& key, const QString& title) {
    // Building the item emits itemChanged before its check state is set: that is not a user's choice.
    const QScopedValueRollback guard(syncing_, true);
    auto* item = new QListWidgetItem(title, layers_);
    item->setData(Qt::UserRole, key);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(canvas_->settings().hiddenLayers.contains(key) ? Qt::Unchecked : Qt::Checked);
}

void MainWindow::edit(const std::function<void(MapSettings&)>& change) {
    MapSettings s = canvas_->settings();
    change(s);
    canvas_->setSettings(s);
    syncControls();
}

void MainWindow::syncControls() {
    // Controls follow the settings; signals from these updates are ignored (syncing_).
    const bool was = syncing_;
    syncing_ = true;
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
    for (int i = 0; i < layers_->count(); ++i) {
        QListWidgetItem* item = layers_->item(i);
        item->setCheckState(s.hiddenLayers.contains(item->data(Qt::UserRole).toString()) ? Qt::Unchecked
                                                                                         : Qt::Checked);
    }
    // One row per note: its text, with its position in the tooltip.
    QStringList noteTexts, shown;
    for (const Note& n : s.notes)
        noteTexts << n.text + '\n' + formatLonLat({n.lon, n.lat});
    for (int i = 0; i < notes_->count(); ++i)
        shown << notes_->item(i)->text() + '\n' + notes_->item(i)->toolTip();
    if (noteTexts != shown) {
        const int row = notes_->currentRow();
        notes_->clear();
        for (const Note& n : s.notes)
            (new QListWidgetItem(n.text, notes_))->setToolTip(formatLonLat({n.lon, n.lat}));
        notes_->setCurrentRow(std::min(row, int(notes_->count()) - 1));
    }
    syncing_ = was;
}

void MainWindow::setNameSet(const NameSet& names) {
    edit([&names](MapSettings& s) { s.names = names; });
    places_->setNameSet(names);
    if (info_) info_->setNameSet(names);
    if (suggested_ == names) messageBar_->hide();
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
    const geo::MapData& md = scene_->data();
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
    if (!scene_) return;
    if (action("tool-note")->isChecked()) return addNoteAt(xy);
    const QString land = scene_->placeAt(xy);
    const QString id = land.isEmpty() ? QString() : placeForLandId(land);
    // A second click on the selected island zooms to it; a click on the sea also clears any highlight.
    if (id.isEmpty() && !canvas_->settings().highlight.isEmpty())
        edit([](MapSettings& s) { s.highlight.clear(); });
    selectPlace(id, !id.isEmpty() && id == canvas_->settings().selected);
}

void MainWindow::addNoteAt(geo::Point xy) {
    if (!scene_) return;
    const geo::Point lonlat = scene_->unproject(xy);
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Add Note"), tr("Note at %1:").arg(formatLonLat(lonlat)),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || text.isEmpty()) return;
    edit([&](MapSettings& s) { s.notes.append(Note{lonlat.x, lonlat.y, text}); });
    notes_->setCurrentRow(notes_->count() - 1);
}

void MainWindow::editNote(int index) {
    if (index < 0 || index >= canvas_->settings().notes.size()) return;
    const Note note = canvas_->settings().notes[index];
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Edit Note"),
                                               tr("Note at %1:").arg(formatLonLat({note.lon, note.lat})),
                                               QLineEdit::Normal, note.text, &ok)
                             .trimmed();
    if (!ok || text.isEmpty()) return;
    edit([&](MapSettings& s) { s.notes[index].text = text; });
}

void MainWindow::removeNote(int index) {
    if (index < 0 || index >= canvas_->settings().notes.size()) return;
    edit([index](MapSettings& s) { s.notes.removeAt(index); });
}

int MainWindow::noteAt(QPointF px) const {
    const MapSettings& s = canvas_->settings();
    for (int i = int(s.notes.size()) - 1; i >= 0; --i) {
        const geo::Point at = s.viewport.toScreen(scene_->project({s.notes[i].lon, s.notes[i].lat}));
        if (QLineF(px, QPointF(at.x, at.y)).length() <= 10) return i;
    }
    // The callouts are where the renderer put them in the frame on screen.
    const Frame& frame = canvas_->frame();
    if (frame.settings.viewport != s.viewport) return -1;
    const RenderReport& r = frame.report;
    for (int k = 0; k < std::min(r.labels.size(), r.labelBoxes.size()); ++k)
        if (r.labelBoxes[k].contains(px))
            for (int i = 0; i < s.notes.size(); ++i)
                if (s.notes[i].text == r.labels[k]) return i;
    return -1;
}

void MainWindow::showMapMenu(const QPoint& pos) {
    if (!scene_) return;
    QMenu menu(this);
    const geo::Point xy = canvas_->settings().viewport.toMap({double(pos.x()), double(pos.y())});
    if (const int i = noteAt(pos); i >= 0) {
        notes_->setCurrentRow(i);
        connect(menu.addAction(tr("&Edit Note…")), &QAction::triggered, this, [this, i] { editNote(i); });
        connect(menu.addAction(tr("&Remove Note")), &QAction::triggered, this, [this, i] { removeNote(i); });
    } else {
        connect(menu.addAction(tr("Add &Note Here…")), &QAction::triggered, this,
                [this, xy] { addNoteAt(xy); });
    }
    menu.exec(canvas_->mapToGlobal(pos));
}

void MainWindow::selectPlace(const QString& id, bool zoom) {
    if (!scene_) return;
    edit([&id](MapSettings& s) { s.selected = id; });
    places_->setCurrentPlace(id);
    const std::string key = id.toStdString();
    const geo::MapData& md = scene_->data();
    QString text;
    if (!id.isEmpty()) {
        const geo::Place* place = md.place(key);
        text = place ? canvas_->settings().names.label(*place) : id;
        if (const auto f = md.figures.find(key); f != md.figures.end())
            text += QStringLiteral(" — ") + formatArea(f->second.areaKm2);
    }
    selectionLabel_->setText(text);
    if (info_ && !id.isEmpty() && !syncing_) {
        syncing_ = true; // the panel may answer with placeSelected; that must not zoom
        info_->selectPlace(id);
        syncing_ = false;
    }
    if (zoom && !id.isEmpty()) canvas_->zoomToBox(scene_->placeBounds(id));
}

void MainWindow::openLayer(const QString& path) {
    enqueue({{path}, {}});
}

void MainWindow::setProjection(const QString& crs) {
    enqueue({{}, crs});
}

void MainWindow::enqueue(Job job) {
    if (cancel_) return;
    jobs_.push_back(std::move(job));
    if (!running_)
        startNext();
    else
        updateLoadingText();
}

void MainWindow::startNext() {
    if (worker_.joinable()) worker_.join(); // it has posted its last result
    running_ = false;
    if (jobs_.empty() || cancel_) return updateLoadingText();
    job_ = std::move(jobs_.front());
    jobs_.pop_front();
    if (!job_.crs.isEmpty()) {
        if (job_.crs.toStdString() == scene_->crs()) { // already there (e.g. chosen twice)
            emit projectionChanged(job_.crs, true);
            return startNext();
        }
        job_.files = addedFiles(*scene_); // as they are once the jobs before this one are done
    }
    running_ = true;
    updateLoadingText();
    // The worker reads only its copies, the immutable current scene and cancel_; it hands scenes back
    // through queued calls, which are dropped with the window (the destructor stops and joins it first).
    worker_ = std::thread([this, job = job_, current = scene_] {
        QStringList errors;
        const auto post = [this](auto f) {
            QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
        };
        std::shared_ptr<const Scene> base = current;
        if (!job.crs.isEmpty()) {
            auto built = Scene::build(current->dataPtr(), job.crs.toStdString());
            if (!built) {
                errors << QString::fromStdString(built.error().message);
                post([this, errors] {
                    if (!cancel_) finishJob(errors);
                });
                return;
            }
            base = built.value();
        }
        // Big files are read once for both looks: each shows coarsely as soon as it has been read (a
        // second or two), then in full under the same key (Scene::withFile with FileOptions::onCoarse).
        bool coarseShown = false;
        const auto addAll = [&] {
            std::shared_ptr<const Scene> s = base;
            for (const QString& file : job.files) {
                if (cancel_) break;
                FileOptions options{.cancel = &cancel_};
                if (QFileInfo(file).size() > kCoarseBytes) {
                    options.coarseDeg = kCoarseDeg;
                    options.onCoarse = [&](std::shared_ptr<const Scene> coarse) {
                        post([this, coarse] { // the file's first appearance (brought into view)
                            if (cancel_) return;
                            showScene(coarse, true);
                            updateLoadingText();
                        });
                        coarseShown = true;
                    };
                }
                auto next = s->withFile(file.toStdString(), options);
                if (next)
                    s = next.value();
                else
                    errors << tr("Could not open %1.\n\n%2")
                                  .arg(QFileInfo(file).fileName(),
                                       QString::fromStdString(next.error().message));
            }
            return s;
        };
        auto full = addAll();
        post([this, full, current, coarseShown, errors] {
            if (cancel_) return;
            if (full != current || coarseShown) showScene(full, !coarseShown);
            finishJob(errors);
        });
    });
}

void MainWindow::showScene(std::shared_ptr<const Scene> next, bool first) {
    const std::shared_ptr<const Scene> before = scene_;
    const geo::Viewport vp = canvas_->settings().viewport;
    scene_ = std::move(next);
    canvas_->setScene(scene_, false);
    fitNavigator();
    // The layers dock: a row for each new added layer (a coarse and a full pass share a key), none for
    // one that could not be read again.
    QSet<QString> listed;
    for (int i = layers_->count() - 1; i >= 0; --i) {
        const QString key = layers_->item(i)->data(Qt::UserRole).toString();
        if (!isBuiltinLayer(key) && !scene_->layer(key))
            delete layers_->takeItem(i);
        else
            listed.insert(key);
    }
    for (const auto& layer : scene_->layers())
        if (layer->added && !listed.contains(layer->key)) {
            addLayerItem(layer->key, layer->title.isEmpty() ? layer->key : layer->title);
            // A layer that lies outside the view is brought into it.
            if (first && before->crs() == scene_->crs() && !layer->bounds.empty() &&
                !layer->bounds.intersects(vp.mapBounds())) {
                geo::Box both = layer->bounds;
                both.expand(vp.mapBounds());
                canvas_->zoomToBox(both);
            }
        }
    if (!first || before->crs() == scene_->crs()) return;

    // A new projection: the distance tool's points were in the old one.
    canvas_->clearMeasurement();
    if (scene_->crs() == geo::kWorldCrs) {
        // The whole world if a layer covers most of it, else the islands.
        geo::Box world;
        for (const auto& layer : scene_->layers())
            if (layer->added && layer->source && layer->source->bounds.width() > 180)
                world.expand(layer->bounds);
        canvas_->zoomToBox(world.empty() ? scene_->homeBounds() : world);
        return;
    }
    // Elsewhere the same centre (lon/lat) where the new projection shows it near the islands.
    const geo::Point centre = scene_->project(before->unproject(vp.center));
    const Navigator& nav = canvas_->navigator();
    if (!std::isfinite(centre.x) || !std::isfinite(centre.y) || !nav.centreLimits.contains(centre))
        return canvas_->goHome();
    MapSettings s = canvas_->settings();
    s.viewport.center = centre;
    s.viewport.metresPerPixel = std::min(vp.metresPerPixel, nav.maxMetresPerPixel);
    canvas_->setSettings(s);
}

void MainWindow::finishJob(const QStringList& errors) {
    const Job job = job_;
    const QString title = job.crs.isEmpty() ? tr("Open Layer") : tr("Projection");
    // Window-modal but not blocking: this runs from the worker's queued call, not from the user's action.
    const auto warn = [this, &title](const QString& text) {
        auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    };
    for (const QString& e : errors)
        warn(e);
    for (QAction* a : projectionGroup_->actions()) {
        const QSignalBlocker block(a);
        a->setChecked(a->data().toString().toStdString() == scene_->crs());
    }
    if (job.crs.isEmpty()) {
        for (const QString& file : job.files) {
            const QString name = QFileInfo(file).fileName();
            const bool ok = std::none_of(errors.begin(), errors.end(),
                                         [&](const QString& e) { return e.contains(name); });
            const auto& last = scene_->layers().back();
            if (ok && last->added && last->source)
                statusBar()->showMessage(tr("Added %1 (%2 features)").arg(name).arg(last->source->size()),
                                         5000);
            emit loadFinished(file, ok);
        }
    } else {
        const bool ok = scene_->crs() == job.crs.toStdString();
        if (!ok && errors.isEmpty()) warn(tr("Could not switch the projection to %1.").arg(job.crs));
        emit projectionChanged(job.crs, ok);
    }
    startNext();
}

void MainWindow::updateLoadingText() {
    QString text;
    if (running_) {
        QStringList names;
        for (const QString& f : job_.files)
            names << QFileInfo(f).fileName();
        if (!job_.crs.isEmpty()) {
            const QAction* a = nullptr;
            for (const QAction* p : projectionGroup_->actions())
                if (p->data().toString() == job_.crs) a = p;
            text = tr("Preparing the map in %1…").arg(a ? a->text().remove('&') : job_.crs);
        } else {
            text = tr("Opening %1…").arg(names.join(", "));
        }
        if (!jobs_.empty()) text += ' ' + tr("(%n more waiting)", nullptr, int(jobs_.size()));
    }
    loadingLabel_->setText(text);
}

QString MainWindow::loadingText() const {
    return loadingLabel_->text();
}

void MainWindow::fitNavigator() {
    // The canvas limits the view to the islands' surroundings; a world projection shows the whole earth.
    Navigator& nav = canvas_->navigator();
    nav.maxMetresPerPixel = Navigator{}.maxMetresPerPixel;
    if (!scene_ || scene_->crs() != geo::kWorldCrs) return;
    const double x = scene_->project({180, 0}).x, y = scene_->project({0, 90}).y;
    nav.centreLimits = geo::Box{-x, -y, x, y};
    nav.maxMetresPerPixel = 100'000;
}

void MainWindow::suggestNameSet(const NameSet& names) {
    if (names == canvas_->settings().names) return;
    suggested_ = names;
    messageLabel_->setText(tr("The information panel suggests showing %1 on the map.").arg(names.describe()));
    messageButton_->setText(tr("Show %1").arg(names.describe()));
    messageBar_->show();
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
    return messageBar_->isVisible() ? messageButton_->text() : QString();
}

void MainWindow::showExportDialog() {
    auto* dialog = new ExportDialog(scene_, canvas_->settings(), this);
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
        tr("<h3>Isleview %1</h3>"
           "<p>A map of the islands off north-east Hokkaido that Japan and Russia both claim: "
           "Etorofu / Iturup, Kunashiri / Kunashir, Shikotan and the Habomai islets.</p>"
           "<p>Place names can be shown in Japanese, Russian or both. Each side's claim is drawn as that "
           "side's position; with both overlays off the map shows who administers the islands today.</p>"
           "<p>Areas and distances are computed on the WGS84 ellipsoid from the shipped coastline.</p>")
            .arg(QApplication::applicationVersion().isEmpty() ? QStringLiteral("0.1")
                                                              : QApplication::applicationVersion()));
}

void MainWindow::saveToStore() const {
    if (!store_) return;
    store_->setValue("window/geometry", QMainWindow::saveGeometry());
    store_->setValue("window/state", QMainWindow::saveState());
    saveViewState(*store_, canvas_->settings());
    if (scene_) store_->setValue("view/crs", QString::fromStdString(scene_->crs()));
    store_->setValue("export/choices", exportChoices_);
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
    // A file still being read is dropped: the worker stops at its next feature.
    cancel_ = true;
    jobs_.clear();
    saveToStore();
    event->accept();
}

} // namespace isv
