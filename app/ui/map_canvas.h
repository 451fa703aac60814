#pragma once
// MapCanvas: a thin widget shell. It owns the MapSettings of the view, turns input into Navigator calls and
// shows the frames a RenderScheduler makes; it never draws the map itself.
#include "navigator.h"
#include "render_scheduler.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QGestureEvent;

namespace isv {

class Scene;

class MapCanvas : public QWidget {
    Q_OBJECT
  public:
    explicit MapCanvas(QWidget* parent = nullptr);

    /// The scene to draw (shared, immutable), and the one the window's readouts use. Fits the navigator's
    /// limits to it; resets the view to its home bounds if `goHome`.
    void setScene(std::shared_ptr<const Scene> scene, bool goHome = true);
    const std::shared_ptr<const Scene>& scene() const { return scene_; }

    /// The frame description this canvas shows; its viewport size follows the widget.
    const MapSettings& settings() const { return settings_; }
    /// Replaces the settings (the viewport size and pixel ratio are kept as the widget's) and re-renders.
    void setSettings(const MapSettings& settings);
    Navigator& navigator() { return nav_; }
    /// Shows the place and scale of `vp` (its centre and metres per pixel; the canvas keeps its own size),
    /// as drafts while `interactive`: a canvas kept in step with another (the comparison view).
    void followView(const geo::Viewport& vp, bool interactive);
    /// True while the user pans or zooms (drafts are shown), until the full frame is asked for.
    bool isInteracting() const { return interacting_; }
    const Frame& frame() const { return frame_; }
    RenderScheduler& scheduler() { return scheduler_; }

    /// Measuring tool: each click adds a point to a path (a drag measures one line), a double click or
    /// Enter ends it, Escape clears it; shift+drag measures a line in any mode.
    void setMeasureMode(bool on);
    bool measureMode() const { return measureMode_; }
    /// The measured geodesic length of the path in metres, if one is shown.
    std::optional<double> measuredDistanceM() const;
    /// The measured path's points (lon/lat), the one following the cursor included while measuring.
    geo::Path measurePoints() const;
    /// Shows a path through these lon/lat points (e.g. a preset), ended; empty clears.
    void setMeasurePoints(const geo::Path& lonlat);
    /// Whether the path is closed into a polygon whose area is measured and drawn.
    void setMeasureArea(bool on);
    bool measureArea() const { return measureArea_; }
    /// Shows `box` (projected metres) whole where the frame's furniture (legend, title, scale bar...)
    /// leaves the map free.
    void zoomToBoxClear(const geo::Box& box);
    /// Note placing: a crosshair cursor; clicks are still reported by clicked().
    void setNoteMode(bool on);
    bool noteMode() const { return noteMode_; }

  public slots:
    void zoomIn();
    void zoomOut();
    void goHome();
    /// Shows `box` (projected metres) whole.
    void zoomToBox(const geo::Box& box);
    void clearMeasurement();

  signals:
    /// Any change of the settings, interactive or not (the window's controls and docks follow it).
    void settingsChanged(const isv::MapSettings& settings);
    /// A click (not a drag) at a projected point, outside the distance tool.
    void clicked(geo::Point xy);
    /// The cursor moved to a projected point; cursorLeft when it leaves the map.
    void cursorMoved(geo::Point xy);
    void cursorLeft();
    /// The measured path changed; metres (its length) < 0 = cleared.
    void measureChanged(double metres);
    /// A frame was put on screen.
    void frameShown(const isv::Frame& frame);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;

  private:
    void fitLimits();
    void setViewport(const geo::Viewport& vp, bool interactive);
    void scheduleFrame(bool interactive);
    void submit();
    void onFrame(const Frame& frame);
    void gestureEvent(QGestureEvent* event);
    geo::Point anchorForKeys() const;
    geo::Point toMap(QPointF px) const;
    void drawMeasurement(QPainter& p) const;
    void drawMeasureLabel(QPainter& p, QPointF at, const QString& text) const;
    void endMeasurePath();
    void emitMeasure();

    std::shared_ptr<const Scene> scene_;
    MapSettings settings_;
    Navigator nav_;
    RenderScheduler scheduler_;
    Frame frame_;
    QTimer submitTimer_;       // coalesces changes made in one event-loop turn
    QTimer idleTimer_;         // a full frame this long after the last interactive change
    QElapsedTimer draftClock_; // since the last draft request
    bool interacting_ = false;
    bool homePending_ = false; // the home view is refitted when the widget gets its real size

    QPointF pressPos_;
    QPointF lastPos_;
    bool pressed_ = false;
    bool dragged_ = false;
    bool measureMode_ = false;
    bool noteMode_ = false;
    bool measuring_ = false; // a path is being drawn (its last point follows the cursor)
    bool measureArea_ = false;
    std::vector<geo::Point> measurePts_; // projected metres
};

} // namespace isv
