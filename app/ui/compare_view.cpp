#include "compare_view.h"

#include "map_canvas.h"

#include <compare.h>
#include <map_style.h>
#include <scene.h>
#include <worldview.h>

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace isv {

namespace {

constexpr int kGap = 4;    // pixels between the two canvases side by side
constexpr int kHandle = 9; // the divider handle's width

// The claims a side's "claims" combo box offers: none, each claimant alone, all of them.
QList<QPair<QString, QStringList>> claimChoices() {
    QList<QPair<QString, QStringList>> out{{CompareView::tr("De facto view"), {}}};
    QStringList all;
    for (const ClaimStyle& c : Worldviews::shipped().claims) {
        out.push_back({c.label, {c.claimant}});
        all << c.claimant;
    }
    out.push_back({CompareView::tr("Both claims"), all});
    return out;
}

} // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("compareView"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(6, 2, 6, 2);
    stage_ = new QWidget(this);
    stage_->setObjectName(QStringLiteral("compareStage"));
    stage_->setAutoFillBackground(true);
    QPalette dark = stage_->palette();
    dark.setColor(QPalette::Window, QColor(40, 40, 40));
    stage_->setPalette(dark);
    for (int side = 0; side < 2; ++side) {
        auto* canvas = new MapCanvas(stage_);
        canvas->setObjectName(side == 0 ? QStringLiteral("compareLeft") : QStringLiteral("compareRight"));
        canvases_[static_cast<std::size_t>(side)] = canvas;
        connect(canvas, &MapCanvas::settingsChanged, this, [this, side] {
            follow(side);
            syncControls(side);
        });
        row->addWidget(makeControls(side));
        if (side == 0) row->addStretch(1);
    }
    column->addLayout(row);
    column->addWidget(stage_, 1);
    handle_ = new QWidget(stage_);
    handle_->setObjectName(QStringLiteral("swipeHandle"));
    handle_->setCursor(Qt::SplitHCursor);
    handle_->setAutoFillBackground(true);
    QPalette white = handle_->palette();
    white.setColor(QPalette::Window, QColor(250, 250, 250));
    handle_->setPalette(white);
    handle_->setToolTip(tr("Drag to move the divider: Japan's map on the left, Russia's on the right"));
    handle_->installEventFilter(this);
    // In the swipe, each side is named on the map beside the divider: "As Japan draws it ◀ | ▶ As Russia
    // draws it".
    for (QLabel*& caption : captions_) {
        caption = new QLabel(stage_);
        caption->setAttribute(Qt::WA_TransparentForMouseEvents);
        caption->setStyleSheet(
            QStringLiteral("QLabel { background: rgba(255, 255, 255, 225); color: #1d2a33; "
                           "padding: 3px 6px; border-radius: 3px; font-weight: bold; }"));
    }
    stage_->installEventFilter(this);
    arrange();
}

QWidget* CompareView::makeControls(int side) {
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    const auto combo = [&](const QString& name, const QString& tip) {
        auto* c = new QComboBox(box);
        c->setObjectName(name);
        c->setToolTip(tip);
        // Narrow windows squeeze the boxes (their texts elided) rather than the map.
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(4);
        row->addWidget(c);
        connect(c, &QComboBox::activated, this, [this, side] { applyControls(side); });
        return c;
    };
    QComboBox* names = combo(QStringLiteral("names"), tr("Place names on this side"));
    for (const NameChoice& c : NameWords::shipped().nameChoices)
        names->addItem(c.label, c.word);
    QComboBox* script = combo(QStringLiteral("script"), tr("Script of the names on this side"));
    for (const NameChoice& c : NameWords::shipped().scriptChoices)
        script->addItem(c.label, c.word);
    QComboBox* claims = combo(QStringLiteral("claims"), tr("Claims drawn on this side"));
    for (const auto& [label, claimants] : claimChoices())
        claims->addItem(label, claimants);
    controls_[static_cast<std::size_t>(side)] = box;
    return box;
}

void CompareView::attach(MapCanvas* main, QAction* sideBySide, QAction* swipe) {
    hide();
    const auto toggled = [this, main, sideBySide, swipe](QAction* self, Mode mode, bool on) {
        QAction* other = self == sideBySide ? swipe : sideBySide;
        if (on) {
            const QSignalBlocker quiet(other);
            other->setChecked(false);
            if (isHidden()) {
                setScene(main->scene());
                start(main->settings());
            }
            setMode(mode);
            main->hide();
            show();
            canvas(0)->setFocus();
        } else if (!other->isChecked()) {
            main->followView(canvas(0)->settings().viewport, false);
            hide();
            main->show();
            main->setFocus();
        }
    };
    connect(sideBySide, &QAction::toggled, this, [=](bool on) { toggled(sideBySide, Mode::SideBySide, on); });
    connect(swipe, &QAction::toggled, this, [=](bool on) { toggled(swipe, Mode::Swipe, on); });
}

void CompareView::setScene(std::shared_ptr<const Scene> scene) {
    for (MapCanvas* c : canvases_)
        c->setScene(scene, false);
}

void CompareView::start(const MapSettings& base, const QString& script) {
    const ComparePair pair = comparePair(base, script, {});
    for (std::size_t i = 0; i < 2; ++i) {
        MapSettings s = pair.halves[i];
        s.viewport = base.viewport;
        canvases_[i]->setSettings(s);
        // Each canvas has its own size: the view is shared by its centre and scale.
        canvases_[i]->followView(base.viewport, false);
    }
    setMode(mode_);
}

void CompareView::setSide(int side, const NameSet& names, const QStringList& claims) {
    MapCanvas* c = canvas(side);
    MapSettings s = c->settings();
    s.names = names;
    s.claims = claims;
    s.title = mode_ == Mode::Swipe ? QString() : sideCaption(*MapStyle::shipped(), claims);
    c->setSettings(s);
}

void CompareView::applyControls(int side) {
    QWidget* box = sideControls(side);
    const auto value = [box](const char* name) {
        return box->findChild<QComboBox*>(QLatin1String(name))->currentData();
    };
    NameSet names;
    if (!NameSet::parse(value("names").toString(), value("script").toString(), &names)) return;
    setSide(side, names, value("claims").toStringList());
}

void CompareView::syncControls(int side) {
    const MapSettings& s = canvas(side)->settings();
    QWidget* box = sideControls(side);
    const auto select = [box](const char* name, const QVariant& data) {
        auto* c = box->findChild<QComboBox*>(QLatin1String(name));
        if (const int i = c->findData(data); i >= 0) c->setCurrentIndex(i);
    };
    select("names", s.names.namesWord());
    select("script", s.names.scriptWord());
    select("claims", s.claims);
    const QString caption = sideCaption(*MapStyle::shipped(), s.claims);
    QLabel* label = captions_[static_cast<std::size_t>(side)];
    const QString text = (side == 0 ? tr("%1 ◀") : tr("▶ %1")).arg(caption);
    if (text == label->text()) return;
    label->setText(text);
    label->adjustSize();
    arrange();
}

void CompareView::follow(int from) {
    if (following_) return;
    following_ = true;
    MapCanvas* source = canvas(from);
    canvas(1 - from)->followView(source->settings().viewport, source->isInteracting());
    following_ = false;
    emit viewChanged(source->settings().viewport);
}

void CompareView::setMode(Mode mode) {
    // The area shown stays shown when the canvases change size (the swipe's is twice as wide).
    const geo::Box shown = canvas(0)->settings().viewport.mapBounds();
    const bool keep = mode != mode_ && isVisible() && canvas(0)->width() > 1;
    mode_ = mode;
    // Side by side each canvas names its side in its title; in the swipe the titles would lie on top of
    // each other, so the control row names them and each legend keeps to its own side.
    for (int side = 0; side < 2; ++side) {
        MapSettings s = canvas(side)->settings();
        s.title = mode == Mode::Swipe ? QString() : sideCaption(*MapStyle::shipped(), s.claims);
        s.legendCorner = mode == Mode::Swipe ? side : -1;
        canvas(side)->setSettings(s);
        syncControls(side);
    }
    arrange();
    if (keep) canvas(0)->zoomToBox(shown);
}

void CompareView::setDividerPosition(double fraction) {
    divider_ = std::clamp(std::isfinite(fraction) ? fraction : 0.5, 0.0, 1.0);
    arrange();
}

void CompareView::arrange() {
    const QRect all = stage_->rect();
    MapCanvas* left = canvases_[0];
    MapCanvas* right = canvases_[1];
    if (mode_ == Mode::SideBySide) {
        const int w = (all.width() - kGap) / 2;
        left->setGeometry(0, 0, w, all.height());
        right->setGeometry(all.width() - w, 0, w, all.height());
        right->clearMask();
        right->show();
        handle_->hide();
        for (QLabel* caption : captions_)
            caption->hide();
        return;
    }
    left->setGeometry(all);
    right->setGeometry(all);
    const int x = static_cast<int>(std::lround(divider_ * all.width()));
    // An empty mask would show the whole widget: at the right edge the right canvas is hidden instead.
    right->setVisible(x < all.width());
    if (x < all.width()) right->setMask(QRegion(x, 0, all.width() - x, all.height()));
    right->raise();
    handle_->setGeometry(x - kHandle / 2, 0, kHandle, all.height());
    handle_->show();
    handle_->raise();
    // The captions stay beside the divider, inside the map.
    QLabel* l = captions_[0];
    QLabel* r = captions_[1];
    l->move(std::max(0, x - kHandle / 2 - 4 - l->width()), 8);
    r->move(std::min(all.width() - r->width(), x + kHandle / 2 + 4), 8);
    for (QLabel* caption : captions_) {
        caption->show();
        caption->raise();
    }
}

bool CompareView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == stage_ && event->type() == QEvent::Resize) arrange();
    if (watched == handle_ &&
        (event->type() == QEvent::MouseMove || event->type() == QEvent::MouseButtonPress)) {
        const auto* m = static_cast<QMouseEvent*>(event);
        if (m->buttons() & Qt::LeftButton) {
            const double x = handle_->mapTo(stage_, m->position()).x();
            setDividerPosition(stage_->width() > 0 ? x / stage_->width() : 0.5);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace isv
