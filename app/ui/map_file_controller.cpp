#include "map_file_controller.h"

#include "main_window.h"
#include "map_canvas.h"

#include <scene.h>

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace isv {

namespace {

constexpr int kRecentMost = 8;
const QString kRecentKey = QStringLiteral("files/recentMaps");
const QString kSessionPath = QStringLiteral("session/mapFile");
const QString kSessionMap = QStringLiteral("session/unsavedMap");

// What a document keeps apart from its view: a view moved is not a change to ask about.
MapDocument withoutView(MapDocument d) {
    d.settings.viewport = {};
    d.lonLat = {};
    return d;
}

QString fileFilter() {
    return MapFileController::tr("Isleview maps (*.%1);;All files (*)").arg(QLatin1String(kMapFileSuffix));
}

} // namespace

MapFileController::MapFileController(MainWindow* window, QSettings* store)
    : QObject(window), window_(window), store_(store) {
    const auto make = [window](const QString& name, const QString& text, const QKeySequence& key) {
        auto* a = new QAction(text, window);
        a->setObjectName(name);
        a->setShortcut(key);
        return a;
    };
    connect(make("file-open-map", tr("Open &Map…"), QKeySequence(tr("Ctrl+Shift+O"))), &QAction::triggered,
            this, [this] {
                if (!maybeSave()) return;
                const QString dir = store_ ? store_->value("files/lastMapDir").toString() : QString();
                const QString file = QFileDialog::getOpenFileName(window_, tr("Open Map"), dir, fileFilter());
                if (!file.isEmpty()) open(file);
            });
    connect(make("file-save", tr("&Save Map"), QKeySequence::Save), &QAction::triggered, this, [this] {
        if (path_.isEmpty())
            window_->action("file-save-as")->trigger();
        else
            saveAs(path_);
    });
    connect(make("file-save-as", tr("Save Map &As…"), QKeySequence::SaveAs), &QAction::triggered, this,
            [this] {
                const QString dir = store_ ? store_->value("files/lastMapDir").toString() : QString();
                QString file = QFileDialog::getSaveFileName(window_, tr("Save Map"),
                                                            path_.isEmpty() ? dir : path_, fileFilter());
                if (file.isEmpty()) return;
                if (QFileInfo(file).suffix().isEmpty())
                    file += QLatin1Char('.') + QLatin1String(kMapFileSuffix);
                saveAs(file);
            });
    connect(make("file-recent-clear", tr("&Clear Menu"), {}), &QAction::triggered, this, [this] {
        if (store_) store_->remove(kRecentKey);
        fillRecentMenu();
    });
    connect(window_->canvas(), &MapCanvas::settingsChanged, this, &MapFileController::updateTitle);
    connect(window_, &MainWindow::loadFinished, this, &MapFileController::afterLoads);
    connect(window_, &MainWindow::projectionChanged, this, &MapFileController::afterLoads);
    updateTitle();
}

void MapFileController::addToMenu(QMenu* file) {
    QAction* first = file->actions().value(0);
    file->insertAction(first, window_->action("file-open-map"));
    recentMenu_ = new QMenu(tr("Open &Recent"), file);
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    file->insertMenu(first, recentMenu_);
    file->insertActions(first, {window_->action("file-save"), window_->action("file-save-as")});
    file->insertSeparator(first);
    fillRecentMenu();
}

MapDocument MapFileController::current() const {
    const auto& scene = window_->canvas()->scene();
    return scene ? documentOf(*scene, window_->canvas()->settings()) : MapDocument{};
}

bool MapFileController::isModified() const {
    return !path_.isEmpty() && withoutView(current()) != clean_;
}

void MapFileController::updateTitle() {
    // "shikotan.isleview[*]": Qt adds " — Isleview" (the display name) and draws the marker as "*".
    window_->setWindowTitle(path_.isEmpty() ? QStringLiteral("Isleview")
                                            : QFileInfo(path_).fileName() + QStringLiteral("[*]"));
    window_->setWindowFilePath(path_);
    window_->setWindowModified(isModified());
}

bool MapFileController::open(const QString& file) {
    auto read = loadMapDocument(file);
    QString problem = read ? QString() : QString::fromStdString(read.error().message);
    if (read && !window_->setBaseScene(read->crs, &problem)) read = geo::Error{problem.toStdString()};
    if (!read) {
        QMessageBox::warning(window_, tr("Open Map"), problem);
        return false;
    }
    const MapDocument& d = read.value();
    MapCanvas* canvas = window_->canvas();
    MapSettings s = canvas->settings();
    s.viewport.center = d.settings.viewport.center;
    s.viewport.metresPerPixel = d.settings.viewport.metresPerPixel;
    applyMapDocument(d, &s, [](const QString&) { return false; });
    s.highlight.clear();
    s.selected.clear();
    canvas->setSettings(s);
    window_->setNameSet(d.settings.names); // the lists and the panel follow
    path_ = QFileInfo(file).absoluteFilePath();
    clean_ = withoutView(d);
    pending_ = d;
    for (const QString& layer : d.layers)
        window_->openLayer(layer);
    rememberRecent(path_);
    if (store_) store_->setValue("files/lastMapDir", QFileInfo(path_).absolutePath());
    afterLoads();
    return true;
}

void MapFileController::afterLoads() {
    if (pending_ && !window_->isLoading()) {
        MapSettings s = window_->canvas()->settings();
        s.viewport.center = pending_->settings.viewport.center;
        s.viewport.metresPerPixel = pending_->settings.viewport.metresPerPixel;
        window_->canvas()->setSettings(s);
        pending_.reset();
        // A layer that could not be read has had its message; the map is what was opened.
        if (!path_.isEmpty()) clean_ = withoutView(current());
    }
    updateTitle();
}

bool MapFileController::saveAs(const QString& file) {
    const MapDocument d = current();
    if (const auto e = saveMapDocument(d, file)) {
        QMessageBox::warning(window_, tr("Save Map"), QString::fromStdString(e->message));
        return false;
    }
    path_ = QFileInfo(file).absoluteFilePath();
    clean_ = withoutView(d);
    rememberRecent(path_);
    if (store_) store_->setValue("files/lastMapDir", QFileInfo(path_).absolutePath());
    updateTitle();
    return true;
}

bool MapFileController::maybeSave() {
    if (!isModified()) return true;
    const auto answer = QMessageBox::question(
        window_, tr("Unsaved Changes"),
        tr("The map %1 has changes that are not saved. Save them?").arg(QFileInfo(path_).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return saveAs(path_);
    return answer == QMessageBox::Discard;
}

QStringList MapFileController::recentFiles() const {
    return store_ ? store_->value(kRecentKey).toStringList() : QStringList();
}

void MapFileController::rememberRecent(const QString& file) {
    if (!store_) return;
    QStringList files = recentFiles();
    files.removeAll(file);
    files.prepend(file);
    store_->setValue(kRecentKey, files.mid(0, kRecentMost));
    fillRecentMenu();
}

void MapFileController::fillRecentMenu() {
    if (!recentMenu_) return;
    recentMenu_->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        // "&1 shikotan.isleview": a number to pick it by keyboard, the full path in the tooltip.
        QAction* a =
            recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName()));
        a->setToolTip(files[i]);
        a->setStatusTip(files[i]);
        connect(a, &QAction::triggered, this, [this, file = files[i]] {
            if (!maybeSave()) return;
            if (!QFileInfo::exists(file)) {
                QMessageBox::warning(window_, tr("Open Map"),
                                     tr("%1: the file is no longer there").arg(file));
                QStringList left = recentFiles();
                left.removeAll(file);
                if (store_) store_->setValue(kRecentKey, left);
                fillRecentMenu();
                return;
            }
            open(file);
        });
    }
    recentMenu_->addSeparator();
    recentMenu_->addAction(window_->action("file-recent-clear"));
    window_->action("file-recent-clear")->setEnabled(!files.isEmpty());
    recentMenu_->setEnabled(true);
}

void MapFileController::saveSession() const {
    if (!store_) return;
    store_->setValue(kSessionPath, path_);
    // An unsaved map is kept whole (its layers as absolute paths); a map file is opened again as saved.
    if (path_.isEmpty())
        store_->setValue(kSessionMap, QString::fromUtf8(mapDocumentJson(current(), store_->fileName())));
    else
        store_->remove(kSessionMap);
}

void MapFileController::restoreSession() {
    if (!store_) return;
    const QString file = store_->value(kSessionPath).toString();
    if (!file.isEmpty() && QFileInfo::exists(file)) {
        open(file);
        return;
    }
    const QString text = store_->value(kSessionMap).toString();
    if (text.isEmpty()) return;
    auto read = parseMapDocument(text.toUtf8(), store_->fileName());
    if (!read) return; // a session that cannot be read is dropped: the view was restored on its own
    // The view, names and claims came back with the window's settings; the notes, title and layers are the
    // session's.
    MapSettings s = window_->canvas()->settings();
    s.notes = read->settings.notes;
    s.title = read->settings.title;
    window_->canvas()->setSettings(s);
    for (const QString& layer : read->layers)
        window_->openLayer(layer);
}

} // namespace isv
