#include "export_dialog.h"

#include "render_scheduler.h"

#include <exporter.h>
#include <scene.h>
#include <worldview.h>

#include <geo/map_data.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace isv {

namespace {
constexpr QSize kPreviewMin(560, 315);
constexpr int kPlaceRole = Qt::UserRole;
constexpr int kIndentRole = Qt::UserRole + 1;
} // namespace

ExportDialog::ExportDialog(std::shared_ptr<const Scene> scene, const MapSettings& current, QWidget* parent)
    : QDialog(parent), scene_(std::move(scene)), base_(current) {
    setWindowTitle(tr("Export Image"));
    path_ = new QLineEdit(QDir::home().filePath(QStringLiteral("isleview.png")), this);
    path_->setObjectName(QStringLiteral("path"));
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browseButton);

    // The ranges are the command line's.
    width_ = new QSpinBox(this);
    height_ = new QSpinBox(this);
    for (QSpinBox* box : {width_, height_}) {
        box->setRange(16, 20000);
        box->setSuffix(tr(" px"));
    }
    width_->setObjectName(QStringLiteral("width"));
    height_->setObjectName(QStringLiteral("height"));
    width_->setValue(1920);
    height_->setValue(1080);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(width_);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(height_);
    dpi_ = new QSpinBox(this);
    dpi_->setObjectName(QStringLiteral("dpi"));
    dpi_->setRange(24, 1200);
    dpi_->setValue(96);
    dpi_->setToolTip(tr("Pixel density written to the file; text and lines scale with it (96 = 1×)"));
    sizeRow->addSpacing(12);
    sizeRow->addWidget(new QLabel(tr("DPI:"), this));
    sizeRow->addWidget(dpi_);
    sizeRow->addStretch();

    names_ = new QComboBox(this);
    names_->setObjectName(QStringLiteral("names"));
    for (const NameChoice& c : NameWords::shipped().nameChoices)
        names_->addItem(mapWord(c.label), c.word);
    names_->setCurrentIndex(names_->findData(current.names.namesWord()));
    script_ = new QComboBox(this);
    for (const NameChoice& c : NameWords::shipped().scriptChoices)
        script_->addItem(mapWord(c.label), c.word);
    script_->setCurrentIndex(script_->findData(current.names.scriptWord()));

    auto* claimRow = new QHBoxLayout;
    for (const ClaimStyle& c : Worldviews::shipped().claims) {
        auto* box = new QCheckBox(mapWord(c.label), this);
        box->setProperty("claimant", c.claimant);
        box->setChecked(current.claims.contains(c.claimant));
        claimRow->addWidget(box);
        claims_ << box;
    }
    claimRow->addStretch();
    title_ = new QLineEdit(current.title, this);
    title_->setPlaceholderText(tr("(none)"));

    // Extent: the window's view, or one of the groups or named islets as `--focus ID` frames it.
    extent_ = new QComboBox(this);
    extent_->setObjectName(QStringLiteral("extent"));
    extent_->addItem(tr("Current view"), QString());
    if (scene_) {
        const geo::MapData& md = scene_->data();
        for (const std::string& group : geo::disputedGroups()) {
            extent_->addItem(QString(), QString::fromStdString(group));
            std::vector<const geo::Place*> members;
            for (const geo::Place& p : md.places)
                if (p.parent == group && (p.kind == "island" || p.kind == "islet")) members.push_back(&p);
            std::stable_sort(members.begin(), members.end(), [](const geo::Place* a, const geo::Place* b) {
                return a->priority < b->priority;
            });
            for (const geo::Place* p : members) {
                extent_->addItem(QString(), QString::fromStdString(p->id));
                extent_->setItemData(extent_->count() - 1, true, kIndentRole);
            }
        }
    }
    relabelPlaces();

    legend_ = new QCheckBox(tr("Legend"), this);
    legend_->setObjectName(QStringLiteral("legend"));
    legend_->setChecked(current.legend);
    notes_ = new QCheckBox(tr("Notes (%1)").arg(current.notes.size()), this);
    notes_->setObjectName(QStringLiteral("notes"));
    notes_->setChecked(!current.notes.isEmpty());
    notes_->setEnabled(!current.notes.isEmpty());
    notes_->setToolTip(tr("The notes placed on the map (View → Add Note)"));
    worldFile_ = new QCheckBox(tr("World file"), this);
    worldFile_->setObjectName(QStringLiteral("worldFile"));
    worldFile_->setToolTip(tr("Also write a world file (.pgw / .jgw) beside a PNG or JPEG"));
    auto* includeRow = new QHBoxLayout;
    includeRow->addWidget(legend_);
    includeRow->addWidget(notes_);
    includeRow->addWidget(worldFile_);
    includeRow->addStretch();

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Size:"), sizeRow);
    form->addRow(tr("Extent:"), extent_);
    form->addRow(tr("Names:"), names_);
    form->addRow(tr("Script:"), script_);
    form->addRow(tr("Claims:"), claimRow);
    form->addRow(tr("Title:"), title_);
    form->addRow(tr("Include:"), includeRow);

    preview_ = new QLabel(this);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setMinimumSize(kPreviewMin);
    preview_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored); // the dialog sizes it, not the image
    preview_->setFrameShape(QFrame::StyledPanel);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons_->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("status"));
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("progress"));
    progress_->setRange(0, 100);
    progress_->hide();
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(status_, 1);
    bottom->addWidget(progress_);
    bottom->addWidget(buttons_);

    inputs_ = new QWidget(this);
    inputs_->setLayout(form);
    form->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(inputs_);
    layout->addWidget(preview_, 1);
    layout->addLayout(bottom);

    scheduler_ = new RenderScheduler(this);
    scheduler_->setScene(scene_);
    connect(scheduler_, &RenderScheduler::frameReady, this, [this](const Frame& frame) {
        // Shown at the screen's pixel ratio, not the reduced one it was drawn at.
        QImage image = frame.image;
        image.setDevicePixelRatio(devicePixelRatioF());
        preview_->setPixmap(QPixmap::fromImage(image));
    });
    // Edits come in bursts (typing a size or a title): the preview follows after a short pause.
    previewTimer_ = new QTimer(this);
    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(120);
    connect(previewTimer_, &QTimer::timeout, this, &ExportDialog::updatePreview);
    const auto later = [this] { previewTimer_->start(); };
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    for (QSpinBox* box : {width_, height_, dpi_})
        connect(box, &QSpinBox::valueChanged, this, later);
    for (QComboBox* box : {names_, script_, extent_})
        connect(box, &QComboBox::currentIndexChanged, this, later);
    connect(names_, &QComboBox::currentIndexChanged, this, &ExportDialog::relabelPlaces);
    connect(script_, &QComboBox::currentIndexChanged, this, &ExportDialog::relabelPlaces);
    connect(title_, &QLineEdit::textChanged, this, later);
    for (QCheckBox* box : claims_ + QList<QCheckBox*>{legend_, notes_})
        connect(box, &QCheckBox::toggled, this, later);
    // A world file only goes with a PNG or JPEG.
    const auto pathChanged = [this] {
        const QString format = formatForPath(path_->text().trimmed());
        worldFile_->setEnabled(format == "png" || format == "jpeg");
    };
    connect(path_, &QLineEdit::textChanged, this, pathChanged);
    pathChanged();
    updatePreview();
}

ExportDialog::~ExportDialog() {
    if (exporting_) {
        exporting_->wait();
        delete exporting_;
        QApplication::restoreOverrideCursor();
    }
}

void ExportDialog::setPath(const QString& path) {
    path_->setText(path);
}

QVariantMap ExportDialog::choices() const {
    return {{"path", path_->text()},
            {"width", width_->value()},
            {"height", height_->value()},
            {"dpi", dpi_->value()},
            {"extent", focusPlace()},
            {"title", title_->text()},
            {"worldFile", worldFile_->isChecked()}};
}

void ExportDialog::setChoices(const QVariantMap& c) {
    // Remembered choices come from a settings file: a value of the wrong type or out of range keeps the
    // default rather than being forced into range (a width of "big" is not 16 pixels).
    const auto text = [&c](const char* key) -> std::optional<QString> {
        const QVariant v = c.value(key);
        if (v.typeId() != QMetaType::QString) return std::nullopt;
        return v.toString();
    };
    const auto whole = [&c](const char* key, QSpinBox* box) {
        bool ok = false;
        const int v = c.value(key).toString().trimmed().toInt(&ok);
        if (ok && v >= box->minimum() && v <= box->maximum()) box->setValue(v);
    };
    if (const auto path = text("path"); path && !path->trimmed().isEmpty()) path_->setText(*path);
    whole("width", width_);
    whole("height", height_);
    whole("dpi", dpi_);
    setFocusPlace(text("extent").value_or(QString()));
    if (const auto title = text("title")) title_->setText(*title);
    const QString world = c.value("worldFile").toString();
    worldFile_->setChecked(world == QLatin1String("true") || world == QLatin1String("1"));
}

QString ExportDialog::focusPlace() const {
    return extent_->currentData().toString();
}

void ExportDialog::setFocusPlace(const QString& id) {
    extent_->setCurrentIndex(std::max(0, extent_->findData(id)));
}

void ExportDialog::relabelPlaces() {
    if (!scene_) return;
    NameSet ns = base_.names;
    NameSet::parse(names_->currentData().toString(), script_->currentData().toString(), &ns);
    for (int i = 1; i < extent_->count(); ++i) {
        const QString id = extent_->itemData(i).toString();
        const geo::Place* place = scene_->data().place(id.toStdString());
        const QString label = place ? ns.label(*place) : id;
        extent_->setItemText(i, extent_->itemData(i, kIndentRole).toBool() ? QStringLiteral("    ") + label
                                                                           : label);
    }
}

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.path = path_->text().trimmed();
    o.worldFile = worldFile_->isEnabled() && worldFile_->isChecked();
    MapSettings s = base_;
    NameSet ns;
    if (NameSet::parse(names_->currentData().toString(), script_->currentData().toString(), &ns))
        s.names = ns;
    s.claims.clear();
    for (QCheckBox* box : claims_)
        if (box->isChecked()) s.claims << box->property("claimant").toString();
    s.title = title_->text().trimmed();
    s.legend = legend_->isChecked();
    s.scaleBar = s.northArrow = true; // every export carries them, as the command line's do
    if (!notes_->isChecked()) s.notes.clear();
    // The selection outline and highlights are the window's pointers, not part of the picture.
    s.selected.clear();
    s.highlight.clear();
    s.attribution = true;
    s.attributionDate = attributionDateToday();
    s.draft = false;
    // As `isleview export` frames it: the area fitted to the size in logical pixels at this DPI, a focused
    // place with a margin of 12 % of its larger side plus 2 km.
    geo::Box box = base_.viewport.mapBounds();
    if (const QString id = focusPlace(); !id.isEmpty() && scene_) box = focusBox(*scene_, id);
    s.fitOutput(box, QSize(width_->value(), height_->value()), dpi_->value());
    o.settings = s;
    return o;
}

void ExportDialog::updatePreview() {
    // The frame is laid out at the export size and drawn scaled down (a pixel ratio below 1) to fill the
    // preview, so it shows where the legend, notes and labels will go.
    MapSettings s = options().settings;
    const QSize area = preview_->contentsRect().size().expandedTo(kPreviewMin);
    s.devicePixelRatio = std::min(area.width() / s.viewport.widthPx, area.height() / s.viewport.heightPx) *
                         devicePixelRatioF();
    scheduler_->request(s);
}

void ExportDialog::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    previewTimer_->start();
}

void ExportDialog::browse() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"), path_->text(), tr("Images (*.png *.jpg *.jpeg *.svg *.pdf *.tif *.tiff)"));
    if (!path.isEmpty()) path_->setText(path);
}

void ExportDialog::accept() {
    if (exporting_) return;
    const ExportOptions o = options();
    if (formatForPath(o.path).isEmpty()) {
        QMessageBox::warning(
            this, tr("Export Image"),
            tr("Cannot export to %1: use a .png, .jpg, .svg, .pdf or .tif file name.").arg(o.path));
        return;
    }
    // Written on a thread of its own (the scene is shared, the options copied): a big image takes seconds,
    // and the window keeps drawing meanwhile.
    auto result = std::make_shared<std::optional<geo::Result<ExportReport>>>();
    // Progress comes from the export's thread: the bar is set on the dialog's (the dialog outlives the
    // thread).
    const auto progress = [bar = progress_](double done) {
        QMetaObject::invokeMethod(bar, [bar, done] { bar->setValue(static_cast<int>(done * 100)); });
    };
    exporting_ = QThread::create([scene = scene_, o, result, progress] {
        // An exception must not leave the thread (it would terminate the program): it fails the export.
        try {
            result->emplace(exportMap(*scene, o, progress));
        } catch (const std::exception& e) {
            result->emplace(geo::Error{e.what()});
        } catch (...) {
            result->emplace(geo::Error{"unexpected error"});
        }
    });
    connect(exporting_, &QThread::finished, this, [this, path = o.path, result] {
        exporting_->deleteLater();
        exporting_ = nullptr;
        setBusy({});
        if (!*result || !**result) {
            const QString why =
                *result ? QString::fromStdString((*result)->error().message) : tr("no result");
            // Not a nested event loop: the dialog stays open behind the message.
            auto* box =
                new QMessageBox(QMessageBox::Warning, tr("Export Image"),
                                tr("Could not export %1.\n\n%2").arg(QDir::toNativeSeparators(path), why),
                                QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            emit exportFinished(false);
            return;
        }
        emit exported((*result)->value().written);
        emit exportFinished(true);
        QDialog::accept();
    });
    setBusy(o.path);
    exporting_->start();
}

void ExportDialog::reject() {
    if (!exporting_) QDialog::reject();
}

void ExportDialog::setBusy(const QString& path) {
    const bool busy = !path.isEmpty();
    inputs_->setEnabled(!busy);
    buttons_->setEnabled(!busy);
    status_->setText(busy ? tr("Writing %1…").arg(QFileInfo(path).fileName()) : QString());
    progress_->setValue(0);
    progress_->setVisible(busy);
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
}

} // namespace isv
