#include "export_dialog.h"

#include "render_scheduler.h"

#include <exporter.h>
#include <scene.h>
#include <worldview.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace isv {

namespace {
constexpr int kPreviewWidth = 360;
}

ExportDialog::ExportDialog(std::shared_ptr<const Scene> scene, const MapSettings& current, QWidget* parent)
    : QDialog(parent), scene_(std::move(scene)), base_(current) {
    setWindowTitle(tr("Export Image"));
    path_ = new QLineEdit(QDir::home().filePath(QStringLiteral("isleview.png")), this);
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browseButton);

    width_ = new QSpinBox(this);
    height_ = new QSpinBox(this);
    for (QSpinBox* box : {width_, height_}) {
        box->setRange(64, 16384);
        box->setSuffix(tr(" px"));
    }
    width_->setValue(1920);
    height_->setValue(1080);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(width_);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(height_);
    sizeRow->addStretch();

    names_ = new QComboBox(this);
    names_->addItem(tr("Japanese"), "japanese");
    names_->addItem(tr("Russian"), "russian");
    names_->addItem(tr("Both"), "both");
    names_->setCurrentIndex(names_->findData(current.names.namesWord()));
    script_ = new QComboBox(this);
    script_->addItem(tr("Latin"), "latin");
    script_->addItem(tr("Native"), "native");
    script_->addItem(tr("Latin and native"), "both");
    script_->setCurrentIndex(script_->findData(current.names.scriptWord()));

    auto* claimRow = new QHBoxLayout;
    for (const ClaimStyle& c : Worldviews::shipped().claims) {
        QString country = c.claimant;
        if (!country.isEmpty()) country[0] = country[0].toUpper();
        auto* box = new QCheckBox(tr("%1's claim").arg(country), this);
        box->setProperty("claimant", c.claimant);
        box->setChecked(current.claims.contains(c.claimant));
        claimRow->addWidget(box);
        claims_ << box;
    }
    claimRow->addStretch();
    title_ = new QLineEdit(current.title, this);
    title_->setPlaceholderText(tr("(none)"));

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Size:"), sizeRow);
    form->addRow(tr("Names:"), names_);
    form->addRow(tr("Script:"), script_);
    form->addRow(tr("Claims:"), claimRow);
    form->addRow(tr("Title:"), title_);

    preview_ = new QLabel(this);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setMinimumSize(kPreviewWidth, kPreviewWidth * 9 / 16);
    preview_->setFrameShape(QFrame::StyledPanel);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(preview_, 1);
    layout->addWidget(buttons);

    scheduler_ = new RenderScheduler(this);
    scheduler_->setScene(scene_);
    connect(scheduler_, &RenderScheduler::frameReady, this, [this](const Frame& frame) {
        // Shown at the screen's pixel ratio, not the reduced one it was drawn at.
        QImage image = frame.image;
        image.setDevicePixelRatio(devicePixelRatioF());
        preview_->setPixmap(QPixmap::fromImage(image));
    });
    // Edits come in bursts (typing a size or a title): the preview follows after a short pause.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(120);
    connect(debounce, &QTimer::timeout, this, &ExportDialog::updatePreview);
    const auto later = [debounce] { debounce->start(); };
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(width_, &QSpinBox::valueChanged, this, later);
    connect(height_, &QSpinBox::valueChanged, this, later);
    connect(names_, &QComboBox::currentIndexChanged, this, later);
    connect(script_, &QComboBox::currentIndexChanged, this, later);
    connect(title_, &QLineEdit::textChanged, this, later);
    for (QCheckBox* box : claims_)
        connect(box, &QCheckBox::toggled, this, later);
    updatePreview();
}

ExportDialog::~ExportDialog() = default;

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.path = path_->text().trimmed();
    o.size = QSize(width_->value(), height_->value());
    MapSettings s = base_;
    NameSet ns;
    if (NameSet::parse(names_->currentData().toString(), script_->currentData().toString(), &ns))
        s.names = ns;
    s.claims.clear();
    for (QCheckBox* box : claims_)
        if (box->isChecked()) s.claims << box->property("claimant").toString();
    s.title = title_->text().trimmed();
    s.attribution = true;
    s.attributionDate = QDate::currentDate().toString(Qt::ISODate);
    s.devicePixelRatio = 1.0;
    s.draft = false;
    // The exported frame shows what the window shows, fitted to the chosen size.
    s.viewport = geo::Viewport::fitting(base_.viewport.mapBounds(), o.size.width(), o.size.height());
    o.settings = s;
    return o;
}

void ExportDialog::updatePreview() {
    // The frame is laid out at the export size and drawn scaled down (a pixel ratio below 1), so the
    // preview shows where the legend and labels will go.
    MapSettings s = options().settings;
    s.devicePixelRatio = kPreviewWidth * devicePixelRatioF() / s.viewport.widthPx;
    scheduler_->request(s);
}

void ExportDialog::browse() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"), path_->text(), tr("Images (*.png *.jpg *.jpeg *.svg *.pdf *.tif *.tiff)"));
    if (!path.isEmpty()) path_->setText(path);
}

void ExportDialog::accept() {
    const ExportOptions o = options();
    if (formatForPath(o.path).isEmpty()) {
        QMessageBox::warning(
            this, tr("Export Image"),
            tr("Cannot export to %1: use a .png, .jpg, .svg, .pdf or .tif file name.").arg(o.path));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = exportMap(*scene_, o);
    QApplication::restoreOverrideCursor();
    if (!result) {
        QMessageBox::warning(this, tr("Export Image"), QString::fromStdString(result.error().message));
        return;
    }
    QDialog::accept();
}

} // namespace isv
