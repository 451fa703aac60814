#include "render_scheduler.h"

#include "test_world.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QSignalSpy>

#include <chrono>
#include <thread>

namespace {

using isv::Frame;
using isv::MapSettings;
using isv::RenderReport;
using isv::RenderScheduler;

MapSettings settingsNumber(int i) {
    MapSettings s;
    s.viewport.center = {500000.0 + i * 1000, 4800000};
    s.viewport.widthPx = 64;
    s.viewport.heightPx = 48;
    s.title = QStringLiteral("request %1").arg(i);
    return s;
}

// Waits until the scheduler's worker is idle and every queued delivery has run.
void settle(RenderScheduler& scheduler) {
    scheduler.waitForIdle();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
}

// A renderer slow enough that requests pile up; counts starts and cancellations.
struct SlowRenderer {
    std::shared_ptr<std::atomic<int>> started = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<int>> cancelled = std::make_shared<std::atomic<int>>(0);
    RenderScheduler::Renderer fn() const {
        return [started = started, cancelled = cancelled](const MapSettings& s, QPainter& p,
                                                          const std::atomic<bool>* cancel) {
            ++*started;
            RenderReport r;
            for (int i = 0; i < 40; ++i) { // ~80 ms, checking the flag as renderMap does between layers
                if (cancel && cancel->load()) {
                    ++*cancelled;
                    r.cancelled = true;
                    return r;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            p.fillRect(QRectF(0, 0, s.viewport.widthPx, s.viewport.heightPx), Qt::darkCyan);
            r.labels << s.title;
            return r;
        };
    }
};

// A renderer that ignores the cancel flag, takes `delay`, and reports the frame's title as its one label.
RenderScheduler::Renderer titleRenderer(std::chrono::milliseconds delay = {}) {
    return [delay](const MapSettings& s, QPainter&, const std::atomic<bool>*) {
        std::this_thread::sleep_for(delay);
        RenderReport r;
        r.labels << s.title;
        return r;
    };
}

TEST(RenderScheduler, OnlyTheNewestOfABurstIsDelivered) {
    RenderScheduler scheduler;
    SlowRenderer slow;
    scheduler.setRenderer(slow.fn());
    QSignalSpy spy(&scheduler, &RenderScheduler::frameReady);
    QList<Frame> frames;
    QObject::connect(&scheduler, &RenderScheduler::frameReady, [&](const Frame& f) { frames << f; });

    quint64 last = 0;
    for (int i = 1; i <= 5; ++i)
        last = scheduler.request(settingsNumber(i));
    ASSERT_TRUE(spy.wait(5000));
    settle(scheduler);

    ASSERT_EQ(frames.size(), 1);
    EXPECT_EQ(frames[0].id, last);
    EXPECT_EQ(frames[0].settings, settingsNumber(5));
    EXPECT_EQ(frames[0].report.labels, QStringList{"request 5"});
    EXPECT_EQ(frames[0].image.size(), QSize(64, 48));
    EXPECT_EQ(frames[0].image.pixelColor(10, 10), QColor(Qt::darkCyan));
    // Stale requests were either never started or cancelled part-way.
    EXPECT_LE(slow.started->load(), 2);
}

TEST(RenderScheduler, AFrameFinishedAfterANewerRequestIsDropped) {
    RenderScheduler scheduler;
    // A renderer that ignores the cancel flag: its stale frame must still never be delivered.
    scheduler.setRenderer(titleRenderer(std::chrono::milliseconds(30)));
    QList<Frame> frames;
    QObject::connect(&scheduler, &RenderScheduler::frameReady, [&](const Frame& f) { frames << f; });
    scheduler.request(settingsNumber(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // the first one is running
    scheduler.request(settingsNumber(2));
    scheduler.waitForIdle();
    settle(scheduler);
    ASSERT_EQ(frames.size(), 1);
    EXPECT_EQ(frames[0].settings.title, "request 2");
}

TEST(RenderScheduler, AFrameQueuedForDeliveryBeforeANewerRequestIsDropped) {
    // The worker finishes the first frame and posts its delivery before the second request is made: the
    // only thing that can stop it is the id check where the queued call runs.
    RenderScheduler scheduler;
    scheduler.setRenderer(titleRenderer());
    QList<Frame> frames;
    QObject::connect(&scheduler, &RenderScheduler::frameReady, [&](const Frame& f) { frames << f; });
    scheduler.request(settingsNumber(1));
    scheduler.waitForIdle(); // done and posted; no event has been processed yet
    ASSERT_TRUE(frames.isEmpty());
    const quint64 newest = scheduler.request(settingsNumber(2));
    settle(scheduler);
    ASSERT_EQ(frames.size(), 1);
    EXPECT_EQ(frames[0].id, newest);
    EXPECT_EQ(frames[0].report.labels, QStringList{"request 2"});
}

TEST(RenderScheduler, CancelDeliversNothing) {
    RenderScheduler scheduler;
    SlowRenderer slow;
    scheduler.setRenderer(slow.fn());
    QSignalSpy spy(&scheduler, &RenderScheduler::frameReady);
    scheduler.request(settingsNumber(1));
    scheduler.cancel();
    settle(scheduler);
    EXPECT_EQ(spy.count(), 0);
}

TEST(RenderScheduler, RendersAtTheDevicePixelRatio) {
    MapSettings s = settingsNumber(1);
    s.devicePixelRatio = 2.0;
    const Frame f = RenderScheduler::renderNow(
        [](const MapSettings& st, QPainter& p, const std::atomic<bool>*) {
            // The painter works in logical pixels: filling the logical rect covers every device pixel.
            p.fillRect(QRectF(0, 0, st.viewport.widthPx, st.viewport.heightPx), Qt::red);
            return RenderReport{};
        },
        s);
    EXPECT_EQ(f.image.size(), QSize(128, 96));
    EXPECT_DOUBLE_EQ(f.image.devicePixelRatio(), 2.0);
    EXPECT_EQ(f.image.pixelColor(127, 95), QColor(Qt::red));
}

TEST(RenderScheduler, RendersReducedPreviewsBelowRatioOne) {
    MapSettings s = settingsNumber(1); // 64 x 48 logical
    s.devicePixelRatio = 0.5;
    const Frame f = RenderScheduler::renderNow(
        [](const MapSettings& st, QPainter& p, const std::atomic<bool>*) {
            p.fillRect(QRectF(st.viewport.widthPx / 2, 0, st.viewport.widthPx / 2, st.viewport.heightPx),
                       Qt::red);
            return RenderReport{};
        },
        s);
    EXPECT_EQ(f.image.size(), QSize(32, 24));
    EXPECT_EQ(f.image.pixelColor(31, 23), QColor(Qt::red)); // the whole logical frame fits the small image
    EXPECT_EQ(f.image.pixelColor(8, 8), QColor(Qt::white));
}

TEST(RenderScheduler, ExceptionsInTheRendererComeBackAsErrors) {
    const Frame f = RenderScheduler::renderNow(
        [](const MapSettings&, QPainter&, const std::atomic<bool>*) -> RenderReport {
            throw std::runtime_error("boom");
        },
        settingsNumber(1));
    EXPECT_EQ(f.report.errors, QStringList{"boom"});
}

TEST(RenderScheduler, RendersTheRealSceneOffTheGuiThread) {
    auto scene = uitest::testScene();
    ASSERT_TRUE(scene);
    RenderScheduler scheduler;
    scheduler.setScene(scene);
    QSignalSpy spy(&scheduler, &RenderScheduler::frameReady);
    Frame frame;
    QObject::connect(&scheduler, &RenderScheduler::frameReady, [&](const Frame& f) { frame = f; });
    MapSettings s;
    s.viewport = geo::Viewport::fitting(scene->homeBounds(), 320, 240, 10);
    scheduler.request(s);
    ASSERT_TRUE(spy.wait(10000));
    EXPECT_FALSE(frame.report.cancelled);
    EXPECT_GT(frame.report.partsDrawn, 0u);
    EXPECT_TRUE(frame.report.errors.isEmpty()) << frame.report.errors.join("; ").toStdString();
}

} // namespace
