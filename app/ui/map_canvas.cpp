#include "map_canvas.h"

#include "place_framing.h"
#include "status_text.h"

#include <scene.h>
#include <units.h>

#include <geo/geodesic.h>
#include <geo/projection.h>

#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPinchGesture>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace isv {

namespace {
constexpr int kIdleMs = 150;       // full-quality frame after this much quiet
constexpr int kDraftGapMs = 30;    // at most one draft request this often, so a draft can finish
constexpr double kClickSlopPx = 4; // a press that moves less than this is a click
} // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);
    setMinimumSize(160, 120);
    setCursor(Qt::OpenHandCursor);
    settings_.viewport = nav_.resized(settings_.viewport, width(), height());

    submitTimer_.setSingleShot(true);
    submitTimer_.setInterval(0);
    connect(&submitTimer_, &QTimer::timeout, this, &MapCanvas::submit);
    idleTimer_.setSingleShot(true);
    idleTimer_.setInterval(kIdleMs);
    connect(&idleTimer_, &QTimer::timeout, this, [this] {
        interacting_ = false;
        submit();
    });
    connect(&scheduler_, &RenderScheduler::frameReady, this, &MapCanvas::onFrame);
}

void MapCanvas::setScene(std::shared_ptr<const Scene> scene, bool goHomeToo) {
    scene_ = std::move(scene);
    scheduler_.setScene(scene_);
    fitLimits();
    if (goHomeToo)
        goHome();
    else
        scheduleFrame(false);
}

void MapCanvas::fitLimits() {
    nav_.maxMetresPerPixel = Navigator{}.maxMetresPerPixel;
    if (!scene_) return;
    // A world projection shows the whole earth; elsewhere the view stays near the islands.
    if (scene_->crs() == geo::kWorldCrs) {
        const double x = scene_->project({180, 0}).x, y = scene_->project({0, 90}).y;
        nav_.centreLimits = geo::Box{-x, -y, x, y};
        nav_.maxMetresPerPixel = 100'000;
        return;
    }
    geo::Box limits = scene_->homeBounds();
    const double padX = limits.width(), padY = limits.height();
    limits.minx -= padX, limits.maxx += padX, limits.miny -= padY, limits.maxy += padY;
    nav_.centreLimits = limits;
}

void MapCanvas::setSettings(const MapSettings& settings) {
    MapSettings s = settings;
    s.viewport = nav_.clamped(nav_.resized(s.viewport, width(), height()));
    s.devicePixelRatio = devicePixelRatioF();
    if (s.viewport != settings_.viewport) homePending_ = false;
    if (s == settings_) return;
    settings_ = s;
    emit settingsChanged(settings_);
    scheduleFrame(false);
    update();
}

void MapCanvas::followView(const geo::Viewport& vp, bool interactive) {
    geo::Viewport v = settings_.viewport;
    v.center = vp.center;
    v.metresPerPixel = vp.metresPerPixel;
    setViewport(nav_.clamped(v), interactive);
}

void MapCanvas::setViewport(const geo::Viewport& vp, bool interactive) {
    homePending_ = false;
    if (vp == settings_.viewport) return;
    settings_.viewport = vp;
    emit settingsChanged(settings_);
    scheduleFrame(interactive);
    update(); // shows the previous frame moved and scaled at once
}

void MapCanvas::scheduleFrame(bool interactive) {
    if (interactive) {
        interacting_ = true;
        idleTimer_.start();
    }
    // A new request cancels the running one: during a fast drag, spacing the drafts lets each of them
    // finish and show, rather than every one being cancelled by the next mouse move.
    const qint64 sinceLast = draftClock_.isValid() ? draftClock_.elapsed() : kDraftGapMs;
    const int delay = interactive ? int(std::max<qint64>(0, kDraftGapMs - sinceLast)) : 0;
    if (!submitTimer_.isActive() || delay == 0) submitTimer_.start(delay);
}

void MapCanvas::submit() {
    if (!scene_) return;
    MapSettings s = settings_;
    s.devicePixelRatio = devicePixelRatioF();
    if (interacting_) {
        s = draftFrame(s);
        draftClock_.start();
    }
    scheduler_.request(s);
}

void MapCanvas::onFrame(const Frame& frame) {
    frame_ = frame;
    update();
    emit frameShown(frame_);
}

void MapCanvas::zoomIn() {
    setViewport(nav_.zoomAbout(settings_.viewport, anchorForKeys(), nav_.keyZoomFactor), false);
}
void MapCanvas::zoomOut() {
    setViewport(nav_.zoomAbout(settings_.viewport, anchorForKeys(), 1 / nav_.keyZoomFactor), false);
}

void MapCanvas::goHome() {
    if (!scene_) return;
    zoomToBox(scene_->homeBounds());
    homePending_ = !isVisible();
}

void MapCanvas::zoomToBox(const geo::Box& box) {
    if (box.empty()) return;
    setViewport(nav_.fit(box, width(), height()), false);
}

geo::Point MapCanvas::anchorForKeys() const {
    // Keys and toolbar buttons zoom about the cursor when it is over the map, else about the centre.
    const QPointF cursorPos = mapFromGlobal(QCursor::pos());
    if (rect().contains(cursorPos.toPoint()) && underMouse()) return {cursorPos.x(), cursorPos.y()};
    return {width() / 2.0, height() / 2.0};
}

geo::Point MapCanvas::toMap(QPointF px) const {
    return settings_.viewport.toMap({px.x(), px.y()});
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    settings_.viewport = nav_.resized(settings_.viewport, width(), height());
    if (homePending_ && scene_) {
        settings_.viewport = nav_.fit(scene_->homeBounds(), width(), height());
        homePending_ = !isVisible();
    }
    emit settingsChanged(settings_);
    scheduleFrame(true); // a resize burst renders drafts, then one full frame
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    // Until a frame for this exact view arrives, the last one is shown moved and scaled into place.
    const QColor background = frame_.image.isNull() ? QColor(Qt::white) : frame_.image.pixelColor(0, 0);
    p.fillRect(rect(), background);
    if (!frame_.image.isNull()) {
        const QRectF target = frameRectIn(frame_.settings.viewport, settings_.viewport);
        p.setRenderHint(QPainter::SmoothPixmapTransform,
                        target.size() != QSizeF(frame_.image.deviceIndependentSize()));
        p.drawImage(target, frame_.image);
    }
    if (std::abs(devicePixelRatioF() - settings_.devicePixelRatio) > 1e-9) {
        settings_.devicePixelRatio = devicePixelRatioF();
        scheduleFrame(false);
    }
    drawMeasurement(p);
}

std::optional<double> MapCanvas::measuredDistanceM() const {
    if (!scene_ || measurePts_.size() < 2) return std::nullopt;
    return geo::geodesicLengthM(measurePoints());
}

geo::Path MapCanvas::measurePoints() const {
    geo::Path out;
    if (!scene_) return out;
    for (const geo::Point& xy : measurePts_)
        out.push_back(scene_->unproject(xy));
    return out;
}

void MapCanvas::setMeasurePoints(const geo::Path& lonlat) {
    measuring_ = false;
    measurePts_.clear();
    if (scene_)
        for (const geo::Point& p : lonlat)
            measurePts_.push_back(scene_->project(p));
    update();
    emitMeasure();
}

void MapCanvas::setMeasureArea(bool on) {
    if (measureArea_ == on) return;
    measureArea_ = on;
    update();
    emitMeasure();
}

void MapCanvas::emitMeasure() {
    emit measureChanged(measurePts_.size() < 2 ? -1 : measuredDistanceM().value_or(0));
}

void MapCanvas::zoomToBoxClear(const geo::Box& box) {
    if (box.empty() || !scene_) return;
    MapSettings s = settings_;
    s.viewport = nav_.resized(s.viewport, width(), height());
    setViewport(viewClearOfFurniture(*scene_, s, box, nav_), false);
}

void MapCanvas::drawMeasureLabel(QPainter& p, QPointF at, const QString& text) const {
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    const QRectF box = QFontMetricsF(f).boundingRect(text).adjusted(-4, -2, 4, 2);
    QRectF r = box.translated(at - box.bottomLeft());
    // Kept inside the map, so that a path's total near an edge can still be read.
    r.moveLeft(std::clamp(r.left(), 2.0, std::max(2.0, width() - r.width() - 2)));
    r.moveTop(std::clamp(r.top(), 2.0, std::max(2.0, height() - r.height() - 2)));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRoundedRect(r, 3, 3);
    p.setPen(QColor(20, 20, 20));
    p.drawText(r, Qt::AlignCenter, text);
}

void MapCanvas::drawMeasurement(QPainter& p) const {
    if (measurePts_.size() < 2) return;
    QPolygonF line;
    for (const geo::Point& xy : measurePts_) {
        const geo::Point s = settings_.viewport.toScreen(xy);
        if (line.isEmpty() || line.back() != QPointF(s.x, s.y)) line << QPointF(s.x, s.y);
    }
    const bool closed = measureArea_ && line.size() >= 3;
    p.setRenderHint(QPainter::Antialiasing);
    if (closed) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(20, 20, 20, 40));
        p.drawPolygon(line);
    }
    const auto stroke = [&](const QPolygonF& poly) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(255, 255, 255, 220), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(poly);
        p.setPen(QPen(QColor(20, 20, 20), 2, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(poly);
    };
    stroke(line);
    if (closed) stroke(QPolygonF{line.back(), line.front()});
    p.setPen(QPen(QColor(20, 20, 20), 1.5));
    p.setBrush(Qt::white);
    for (const QPointF& pt : line)
        p.drawEllipse(pt, 4, 4);
    const geo::PathMeasure m = geo::measurePath(measurePoints(), closed);
    if (line.size() == 2) { // one line: its length beside its middle
        if (QLineF(line[0], line[1]).length() > 20)
            drawMeasureLabel(p, QLineF(line[0], line[1]).center() + QPointF(8, -8), formatDistance(m.totalM));
        return;
    }
    // A path: each long enough leg's length at its middle, the total (and area) at the end.
    std::size_t leg = 0;
    for (std::size_t i = 1; i < measurePts_.size(); ++i) {
        const geo::Point a = settings_.viewport.toScreen(measurePts_[i - 1]);
        const geo::Point b = settings_.viewport.toScreen(measurePts_[i]);
        const QLineF l(a.x, a.y, b.x, b.y);
        if (l.length() > 60 && leg < m.legs.size())
            drawMeasureLabel(p, l.center() + QPointF(6, -6), formatDistance(m.legs[leg].metres));
        ++leg;
    }
    QString total = tr("Total %1").arg(formatDistance(m.totalM));
    if (closed) total += QStringLiteral(", ") + formatArea(m.areaM2 / 1e6);
    drawMeasureLabel(p, line.back() + QPointF(10, 22), total);
}

void MapCanvas::setMeasureMode(bool on) {
    measureMode_ = on;
    measuring_ = false;
    setCursor(measureMode_ || noteMode_ ? Qt::CrossCursor : Qt::OpenHandCursor);
}

void MapCanvas::setNoteMode(bool on) {
    noteMode_ = on;
    setCursor(measureMode_ || noteMode_ ? Qt::CrossCursor : Qt::OpenHandCursor);
}

void MapCanvas::clearMeasurement() {
    measuring_ = false;
    if (measurePts_.empty()) return;
    measurePts_.clear();
    update();
    emit measureChanged(-1);
}

void MapCanvas::endMeasurePath() {
    // The point that followed the cursor goes, unless it is all the path has beyond its start.
    if (measuring_ && measurePts_.size() > 2) measurePts_.pop_back();
    measuring_ = false;
    update();
    emitMeasure();
}

void MapCanvas::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return QWidget::mousePressEvent(e);
    pressed_ = true;
    dragged_ = false;
    pressPos_ = lastPos_ = e->position();
    if (e->modifiers() & Qt::ShiftModifier || measureMode_) {
        const geo::Point xy = toMap(e->position());
        if (measureMode_ && measuring_) { // a further click of a path: the point is fixed, a new one follows
            measurePts_.back() = xy;
            measurePts_.push_back(xy);
            pressed_ = false;
        } else {
            measurePts_ = {xy, xy};
            measuring_ = true;
        }
        emitMeasure();
        update();
        return;
    }
    setCursor(Qt::ClosedHandCursor);
}

void MapCanvas::mouseMoveEvent(QMouseEvent* e) {
    const QPointF pos = e->position();
    emit cursorMoved(toMap(pos));
    if (measuring_ && !measurePts_.empty()) {
        measurePts_.back() = toMap(pos);
        if (pressed_ && QLineF(pos, pressPos_).length() >= kClickSlopPx) dragged_ = true;
        emitMeasure();
        update();
        return;
    }
    if (!pressed_) return;
    if (!dragged_ && QLineF(pos, pressPos_).length() < kClickSlopPx) return;
    dragged_ = true;
    const QPointF d = pos - lastPos_;
    lastPos_ = pos;
    setViewport(nav_.pan(settings_.viewport, d.x(), d.y()), true);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton || !pressed_) return QWidget::mouseReleaseEvent(e);
    pressed_ = false;
    setCursor(measureMode_ || noteMode_ ? Qt::CrossCursor : Qt::OpenHandCursor);
    if (measuring_) {
        // A drag ends the line; a plain click in measure mode waits for the second click.
        if (dragged_ || !measureMode_) {
            measuring_ = false;
            if (!dragged_) clearMeasurement();
        }
        return;
    }
    if (!dragged_) emit clicked(toMap(e->position()));
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && measureMode_ && measuring_) return endMeasurePath();
    if (e->button() != Qt::LeftButton || measureMode_ || (e->modifiers() & Qt::ShiftModifier)) return;
    setViewport(nav_.zoomAbout(settings_.viewport, {e->position().x(), e->position().y()}, 2.0), false);
}

void MapCanvas::wheelEvent(QWheelEvent* e) {
    const QPointF pos = e->position();
    if (!e->pixelDelta().isNull() && e->angleDelta().isNull()) {
        // Trackpad scrolling without wheel notches pans.
        setViewport(nav_.pan(settings_.viewport, e->pixelDelta().x(), e->pixelDelta().y()), true);
    } else if (e->angleDelta().y() != 0) {
        setViewport(nav_.wheel(settings_.viewport, {pos.x(), pos.y()}, e->angleDelta().y()), true);
    }
    e->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* e) {
    const geo::Viewport& vp = settings_.viewport;
    switch (e->key()) {
    case Qt::Key_Left:
        setViewport(nav_.panSteps(vp, -1, 0), true);
        break;
    case Qt::Key_Right:
        setViewport(nav_.panSteps(vp, 1, 0), true);
        break;
    case Qt::Key_Up:
        setViewport(nav_.panSteps(vp, 0, -1), true);
        break;
    case Qt::Key_Down:
        setViewport(nav_.panSteps(vp, 0, 1), true);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Home:
        goHome();
        break;
    case Qt::Key_Escape:
        if (!measurePts_.empty())
            clearMeasurement();
        else
            QWidget::keyPressEvent(e);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (measuring_)
            endMeasurePath();
        else
            QWidget::keyPressEvent(e);
        break;
    default:
        QWidget::keyPressEvent(e);
    }
}

void MapCanvas::leaveEvent(QEvent* e) {
    emit cursorLeft();
    QWidget::leaveEvent(e);
}

bool MapCanvas::event(QEvent* e) {
    if (e->type() == QEvent::NativeGesture) {
        auto* g = static_cast<QNativeGestureEvent*>(e);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            const QPointF pos = g->position();
            setViewport(nav_.zoomAbout(settings_.viewport, {pos.x(), pos.y()}, 1.0 + g->value()), true);
            return true;
        }
    } else if (e->type() == QEvent::Gesture) {
        gestureEvent(static_cast<QGestureEvent*>(e));
        return true;
    }
    return QWidget::event(e);
}

void MapCanvas::gestureEvent(QGestureEvent* e) {
    if (auto* pinch = static_cast<QPinchGesture*>(e->gesture(Qt::PinchGesture))) {
        if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) {
            const QPointF c = mapFromGlobal(pinch->centerPoint());
            setViewport(nav_.zoomAbout(settings_.viewport, {c.x(), c.y()}, pinch->scaleFactor()), true);
        }
        e->accept(pinch);
    }
}

} // namespace isv
