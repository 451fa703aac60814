#pragma once
// Helpers for the widget tests: waiting for frames, closing modal message boxes.
#include "main_window.h"
#include "map_canvas.h"
#include "test_world.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

namespace uitest {

/// Waits until the canvas shows a full (non-draft) frame made for exactly its current settings.
inline bool waitForCurrentFrame(isv::MapCanvas* canvas, int timeoutMs = 10000) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        const isv::Frame& f = canvas->frame();
        if (!f.image.isNull() && !f.settings.draft) {
            isv::MapSettings shown = f.settings, wanted = canvas->settings();
            shown.draft = wanted.draft = false;
            if (shown == wanted) return true;
        }
        QTest::qWait(5);
    }
    return false;
}

/// A GeoJSON line of `vertices` points: a file still being read a moment after its open starts.
inline QByteArray longLineGeoJson(int vertices = 300'000) {
    QByteArray text = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                      R"("geometry":{"type":"LineString","coordinates":[)";
    for (int i = 0; i < vertices; ++i)
        text += QString("%1[%2,%3]").arg(i ? "," : "").arg(145 + i * 1e-5, 0, 'f', 5).arg(43.5).toUtf8();
    return text + "]}}]}";
}

/// Arranges for the next modal message box to be closed; its text lands in *text.
inline void closeNextMessageBox(QString* text) {
    QTimer::singleShot(0, [text] {
        for (int i = 0; i < 200; ++i) {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                *text = box->text();
                box->done(0);
                return;
            }
            QTest::qWait(10);
        }
    });
}

/// A shown main window over the test world, with its first full frame drawn.
class WindowFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        scene = testScene();
        ASSERT_TRUE(scene);
        window = std::make_unique<isv::MainWindow>(scene);
        window->resize(900, 650);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        canvas = window->canvas();
        ASSERT_TRUE(waitForCurrentFrame(canvas));
    }

    std::shared_ptr<const isv::Scene> scene;
    std::unique_ptr<isv::MainWindow> window;
    isv::MapCanvas* canvas = nullptr;
};

} // namespace uitest
