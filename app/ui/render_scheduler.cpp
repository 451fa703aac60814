#include "render_scheduler.h"

#include <scene.h>

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <exception>

namespace isv {

RenderScheduler::RenderScheduler(QObject* parent) : QObject(parent) {
    // One worker: frames are sequential by nature, and a second thread would only render stale frames.
    pool_.setMaxThreadCount(1);
    pool_.setExpiryTimeout(-1);
}

RenderScheduler::~RenderScheduler() {
    cancel();
    pool_.waitForDone();
}

void RenderScheduler::setScene(std::shared_ptr<const Scene> scene) {
    if (!scene) {
        setRenderer({});
        return;
    }
    // The frames of one canvas share text sprites, hatch tiles and the stripe split (one worker: no two
    // frames at once).
    setRenderer([scene = std::move(scene), cache = cache_](const MapSettings& s, QPainter& p,
                                                           const std::atomic<bool>* c) {
        return renderMap(*scene, s, p, c, cache.get());
    });
}

void RenderScheduler::setRenderer(Renderer renderer) {
    renderer_ = std::move(renderer);
}

quint64 RenderScheduler::request(const MapSettings& settings) {
    if (running_) running_->store(true);
    auto flag = std::make_shared<std::atomic<bool>>(false);
    running_ = flag;
    const quint64 id = ++latest_;
    if (!renderer_) return id;
    pool_.start([this, renderer = renderer_, settings, flag, id] {
        if (flag->load()) return; // superseded while waiting: never started
        Frame frame = renderNow(renderer, settings, flag.get());
        frame.id = id;
        if (frame.report.cancelled || flag->load()) return;
        // Delivered on the scheduler's thread; `this` outlives the job (the destructor waits for the pool)
        // and Qt drops the call if the scheduler is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, frame = std::move(frame)] {
                if (frame.id == latest_) emit frameReady(frame);
            },
            Qt::QueuedConnection);
    });
    return id;
}

void RenderScheduler::cancel() {
    if (running_) running_->store(true);
    running_.reset();
    ++latest_;
}

void RenderScheduler::waitForIdle() {
    pool_.waitForDone();
}

Frame RenderScheduler::renderNow(const Renderer& renderer, const MapSettings& settings,
                                 const std::atomic<bool>* cancel) {
    Frame frame;
    frame.settings = settings;
    const double dpr = settings.devicePixelRatio > 0 ? settings.devicePixelRatio : 1.0;
    const int w = std::max(1, int(std::lround(settings.viewport.widthPx * dpr)));
    const int h = std::max(1, int(std::lround(settings.viewport.heightPx * dpr)));
    frame.image = QImage(w, h, QImage::Format_ARGB32_Premultiplied);
    // QPainter scales by an image's pixel ratio only from 1 up; reduced previews (ratio < 1) scale by hand.
    frame.image.setDevicePixelRatio(std::max(1.0, dpr));
    frame.image.fill(Qt::white);
    if (!renderer) return frame;
    QPainter painter(&frame.image);
    if (dpr < 1.0) painter.scale(dpr, dpr);
    // Exceptions never cross a thread: whatever the renderer throws becomes an error in the report.
    try {
        frame.report = renderer(settings, painter, cancel);
    } catch (const std::exception& e) {
        frame.report.errors << QString::fromUtf8(e.what());
    } catch (...) {
        frame.report.errors << QStringLiteral("unknown error while rendering");
    }
    return frame;
}

} // namespace isv
