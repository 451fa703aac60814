#include "measure_dock.h"

#include "map_canvas.h"
#include "status_text.h"

#include <measure_presets.h>
#include <scene.h>
#include <units.h>

#include <geo/geodesic.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace isv {

namespace {
constexpr double kMetresPerNauticalMile = 1852.0;

QString nauticalMiles(double metres) {
    return QStringLiteral("%1 nmi").arg(metres / kMetresPerNauticalMile, 0, 'f', 2);
}
} // namespace

MeasureDock::MeasureDock(MapCanvas* canvas, QWidget* parent)
    : QDockWidget(tr("Measure"), parent), canvas_(canvas) {
    setObjectName(QStringLiteral("measureDock"));
    auto* body = new QWidget(this);
    auto* column = new QVBoxLayout(body);
    column->setContentsMargins(4, 4, 4, 4);
    presets_ = new QComboBox(body);
    presets_->setObjectName(QStringLiteral("measurePresets"));
    presets_->setToolTip(tr("Distances people quote, measured here, with the published figure"));
    legs_ = new QTreeWidget(body);
    legs_->setObjectName(QStringLiteral("measureLegs"));
    legs_->setRootIsDecorated(false);
    legs_->setHeaderLabels({tr("Leg"), tr("km"), tr("nmi"), tr("Bearing")});
    legs_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    total_ = new QLabel(body);
    total_->setWordWrap(true);
    total_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    published_ = new QLabel(body);
    published_->setWordWrap(true);
    published_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    area_ = new QCheckBox(tr("Close the path and measure its area"), body);
    keep_ = new QPushButton(tr("Keep as Note"), body);
    keep_->setToolTip(tr("Put the result on the map as a note (shown in exports too)"));
    clear_ = new QPushButton(tr("Clear"), body);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(keep_);
    buttons->addWidget(clear_);
    column->addWidget(presets_);
    column->addWidget(legs_, 1);
    column->addWidget(total_);
    column->addWidget(published_);
    column->addWidget(area_);
    column->addLayout(buttons);
    setWidget(body);

    connect(canvas_, &MapCanvas::measureChanged, this, [this] {
        // A path the user changed is no longer the preset's (its points went through the projection and
        // back, so they are compared to a micro-degree).
        const geo::Path now = canvas_->measurePoints();
        const auto same = [](geo::Point a, geo::Point b) {
            return std::abs(a.x - b.x) < 1e-6 && std::abs(a.y - b.y) < 1e-6;
        };
        if (now.size() != presetPoints_.size() ||
            !std::equal(now.begin(), now.end(), presetPoints_.begin(), same))
            shownPresetId_.clear();
        refresh();
    });
    connect(area_, &QCheckBox::toggled, canvas_, &MapCanvas::setMeasureArea);
    connect(keep_, &QPushButton::clicked, this, &MeasureDock::keepAsNote);
    connect(clear_, &QPushButton::clicked, canvas_, &MapCanvas::clearMeasurement);
    connect(presets_, &QComboBox::activated, this,
            [this](int index) { showPreset(presets_->itemData(index).toString()); });
    refresh();
}

MeasureDock::~MeasureDock() = default;

void MeasureDock::setMapData(std::shared_ptr<const geo::MapData> mapData) {
    data_ = std::move(mapData);
    presetList_.clear();
    if (data_) {
        auto loaded = loadMeasurePresets(*data_);
        if (loaded)
            presetList_ = std::move(loaded).value();
        else
            presets_->setToolTip(QString::fromStdString(loaded.error().message));
    }
    fillPresets();
}

void MeasureDock::setNameSet(const NameSet& names) {
    names_ = names;
    fillPresets();
    refresh();
}

void MeasureDock::fillPresets() {
    const QSignalBlocker block(presets_);
    presets_->clear();
    presets_->addItem(tr("Presets…"), QString());
    if (data_)
        for (const MeasurePreset& p : presetList_)
            presets_->addItem(presetTitle(p, *data_, names_), p.id);
    presets_->setEnabled(presets_->count() > 1);
    presets_->setCurrentIndex(std::max(0, presets_->findData(shownPresetId_)));
}

const MeasurePreset* MeasureDock::shownPreset() const {
    for (const MeasurePreset& p : presetList_)
        if (p.id == shownPresetId_ && !p.id.isEmpty()) return &p;
    return nullptr;
}

bool MeasureDock::showPreset(const QString& id) {
    if (!data_) return false;
    const auto it = std::find_if(presetList_.begin(), presetList_.end(),
                                 [&](const MeasurePreset& p) { return p.id == id; });
    if (it == presetList_.end()) return false;
    auto measured = measurePreset(*it, *data_);
    if (!measured) {
        published_->setText(QString::fromStdString(measured.error().message));
        return false;
    }
    area_->setChecked(false);
    presetPoints_ = measured->points;
    canvas_->setMeasurePoints(measured->points);
    shownPresetId_ = id;
    if (const auto& scene = canvas_->scene()) {
        geo::Box box;
        for (const geo::Point& p : measured->points)
            box.expand(scene->project(p));
        const double pad = std::max({box.width(), box.height(), 2000.0}) * 0.3;
        canvas_->zoomToBoxClear({box.minx - pad, box.miny - pad, box.maxx + pad, box.maxy + pad});
    }
    presets_->setCurrentIndex(std::max(0, presets_->findData(id)));
    refresh();
    return true;
}

QString MeasureDock::summaryText() const {
    const geo::Path points = canvas_->measurePoints();
    if (points.size() < 2) return {};
    const bool closed = canvas_->measureArea() && points.size() >= 3;
    const geo::PathMeasure m = geo::measurePath(points, closed);
    QString text;
    if (const MeasurePreset* p = shownPreset(); p && data_)
        text = presetTitle(*p, *data_, names_) + QStringLiteral(": ");
    text += tr("%1 (%2)").arg(formatDistance(m.totalM), nauticalMiles(m.totalM));
    if (m.legs.size() > 1) text += QStringLiteral(", ") + tr("%n leg(s)", nullptr, int(m.legs.size()));
    if (closed) text += QStringLiteral("; ") + tr("area %1").arg(formatArea(m.areaM2 / 1e6));
    if (const MeasurePreset* p = shownPreset(); p && p->publishedKm) // the full wording is in the dock
        text += QStringLiteral("; ") + tr("published: %1 km [%2]").arg(*p->publishedKm).arg(p->sources);
    return text;
}

void MeasureDock::refresh() {
    legs_->clear();
    const geo::Path points = canvas_->measurePoints();
    const bool closed = canvas_->measureArea() && points.size() >= 3;
    const geo::PathMeasure m = geo::measurePath(points, closed);
    for (std::size_t i = 0; i < m.legs.size(); ++i) {
        const geo::GeodesicLeg& leg = m.legs[i];
        auto* item = new QTreeWidgetItem(legs_);
        item->setText(0, QString::number(i + 1));
        item->setText(1, QString::number(leg.metres / 1000, 'f', 3));
        item->setText(2, QString::number(leg.metres / kMetresPerNauticalMile, 'f', 3));
        item->setText(3, QStringLiteral("%1°").arg(leg.initialBearingDeg, 0, 'f', 1));
        item->setToolTip(3, tr("Initial bearing, clockwise from true north"));
    }
    if (points.size() < 2) {
        total_->setText(tr("Click points on the map with the measuring tool (Ctrl+M); double-click or Enter "
                           "ends the path. Lengths are geodesic on the WGS84 ellipsoid."));
    } else {
        QString text = tr("Total: %1 (%2)").arg(formatDistance(m.totalM), nauticalMiles(m.totalM));
        if (closed)
            text +=
                QStringLiteral("\n") +
                tr("Area: %1 (perimeter %2)").arg(formatArea(m.areaM2 / 1e6), formatDistance(m.perimeterM));
        total_->setText(text);
    }
    const MeasurePreset* p = shownPreset();
    if (!p)
        published_->clear();
    else if (p->publishedKm)
        published_->setText(tr("Published: %1 [%2]").arg(p->publishedText, p->sources));
    else
        published_->setText(tr("No published figure in the sources of this program's facts."));
    keep_->setEnabled(points.size() >= 2);
}

bool MeasureDock::keepAsNote() {
    const geo::Path points = canvas_->measurePoints();
    const QString text = summaryText();
    if (points.size() < 2 || text.isEmpty()) return false;
    MapSettings s = canvas_->settings();
    s.notes.append(Note{points.back().x, points.back().y, text});
    canvas_->setSettings(s);
    return true;
}

} // namespace isv
