#pragma once
// RenderScheduler: renders frames on a worker thread; the newest request wins.
#include <map_settings.h>
#include <render_cache.h>
#include <render_map.h>

#include <QImage>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace isv {

class Scene;

/// A finished frame: the image (device pixels, devicePixelRatio set) tagged with the settings it was made
/// for.
struct Frame {
    QImage image;
    MapSettings settings;
    RenderReport report;
    quint64 id = 0; ///< the request number (RenderScheduler::request's return value)
};

/// Renders MapSettings snapshots off the GUI thread. Only immutable data crosses threads: the renderer
/// (which holds a shared_ptr<const Scene>), a MapSettings copy, and the QImage coming back. A new request
/// cancels the one running (through its std::atomic<bool> flag) and replaces any waiting; a frame is
/// delivered (frameReady, on the scheduler's thread) only if no newer request was made meanwhile.
/// Not thread-safe itself: call it from the thread it lives in.
class RenderScheduler : public QObject {
    Q_OBJECT
  public:
    /// Draws one frame; must be callable from any thread and honour `cancel`.
    using Renderer =
        std::function<RenderReport(const MapSettings&, QPainter&, const std::atomic<bool>* cancel)>;

    explicit RenderScheduler(QObject* parent = nullptr);
    ~RenderScheduler() override;

    /// Use renderMap on `scene` for the next requests (null = nothing to draw).
    void setScene(std::shared_ptr<const Scene> scene);
    /// Use any renderer (tests, previews).
    void setRenderer(Renderer renderer);
    /// Queues a frame; returns its id. Older requests are cancelled and will never be delivered.
    quint64 request(const MapSettings& settings);
    /// Cancels everything; no frame is delivered until the next request.
    void cancel();
    /// The id of the newest request (0 before any).
    quint64 latestRequest() const { return latest_; }
    /// Waits until the worker is idle (tests, shutdown). Queued deliveries still need the event loop.
    void waitForIdle();

    /// Renders synchronously on the calling thread, as the worker does (an image of the viewport size
    /// times the device pixel ratio, filled white first). A ratio below 1 makes a reduced preview; the image
    /// then has ratio 1.
    static Frame renderNow(const Renderer& renderer, const MapSettings& settings,
                           const std::atomic<bool>* cancel = nullptr);

  signals:
    void frameReady(const isv::Frame& frame);

  private:
    Renderer renderer_;
    std::shared_ptr<RenderCache> cache_ = std::make_shared<RenderCache>();
    QThreadPool pool_;
    std::shared_ptr<std::atomic<bool>> running_;
    quint64 latest_ = 0;
};

} // namespace isv
