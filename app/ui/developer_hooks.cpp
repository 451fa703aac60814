#include "developer_hooks.h"

#include "main_window.h"
#include "map_canvas.h"

#include <scene.h>

#include <QApplication>
#include <QMouseEvent>
#include <QPalette>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>

namespace isv {

void applyPaletteHook(QApplication& app) {
    if (qEnvironmentVariable("ISLEVIEW_PALETTE") != QLatin1String("dark")) return;
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(232, 232, 232), accent(61, 142, 222);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(120, 180, 250));
    p.setColor(QPalette::LinkVisited, QColor(180, 150, 250));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    app.setPalette(p);
}

namespace {

// A left click on the canvas at a lon/lat point (the distance tool takes two).
void clickAt(MapCanvas* canvas, geo::Point lonlat) {
    const geo::Point px = canvas->settings().viewport.toScreen(canvas->scene()->project(lonlat));
    const QPointF at(px.x, px.y), global = canvas->mapToGlobal(at);
    QMouseEvent press(QEvent::MouseButtonPress, at, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, at, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &press);
    QApplication::sendEvent(canvas, &release);
}

} // namespace

void installScreenshotHook(MainWindow& window) {
    const QString file = qEnvironmentVariable("ISLEVIEW_SCREENSHOT");
    if (file.isEmpty()) return;
    const QStringList measure =
        qEnvironmentVariable("ISLEVIEW_SCREENSHOT_MEASURE").split(',', Qt::SkipEmptyParts);
    auto* timer = new QTimer(&window);
    auto tries = std::make_shared<int>(0);
    auto measured = std::make_shared<bool>(measure.size() != 4);
    // Polled: the files and the map file load in the background, and a frame follows each change.
    QObject::connect(timer, &QTimer::timeout, &window, [&window, file, measure, timer, tries, measured] {
        MapCanvas* canvas = window.canvas();
        const Frame& f = canvas->frame();
        MapSettings shown = f.settings, wanted = canvas->settings();
        shown.draft = wanted.draft = false;
        const bool ready = !window.isLoading() && !f.image.isNull() && !f.settings.draft && shown == wanted;
        if (++*tries < 400 && !ready) return;
        if (!*measured && ready) {
            *measured = true;
            window.action("tool-measure")->setChecked(true);
            clickAt(canvas, {measure[0].toDouble(), measure[1].toDouble()});
            clickAt(canvas, {measure[2].toDouble(), measure[3].toDouble()});
            return;
        }
        timer->stop();
        const bool saved = ready && window.grab().save(file);
        if (!saved) std::fprintf(stderr, "isleview: could not make the screenshot %s\n", qPrintable(file));
        QApplication::exit(saved ? 0 : 1);
    });
    timer->start(50);
}

} // namespace isv
