// renderMap: plans a frame once, then paints it, in horizontal stripes on several cores when it is big.
#include "render_map.h"

#include "frame_layout.h"
#include "frame_plan.h"
#include "layer_painter.h"
#include "plan_painter.h"
#include "render_cache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <memory>

namespace isv {

int levelOfDetail(const MapSettings& s) {
    const double pxM = s.viewport.metresPerPixel / std::max(1.0, s.devicePixelRatio);
    const double allowed = s.draft ? 1.5 * pxM : 1.0 * pxM;
    int level = 0;
    for (int l = 1; l < kLevels; ++l)
        if (levelToleranceM(l) <= allowed) level = l;
    return level;
}

namespace {

// The plan's part of the report: what was placed, once per frame.
void reportPlan(const FramePlan& plan, RenderReport& r) {
    r.level = plan.level;
    r.omitted << plan.omitted;
    for (const NotePlan& n : plan.notes)
        r.labels << n.text, r.labelBoxes << n.box;
    for (const PlacedLabel& l : plan.labels)
        r.labels << l.text.text, r.labelBoxes << l.text.box;
    if (plan.legend) {
        r.legend << plan.legend->heading;
        for (const LegendEntry& e : plan.legend->entries)
            r.legend << e.text;
    }
    if (plan.scaleBar) r.legend << "scale " + plan.scaleBar->text;
    for (const TextItem& t : plan.gridLabels)
        r.gridLabels << t.text;
}

// Paints `plan` onto a painter whose device holds the frame's `rows` (logical pixels; invalid: all of it).
// Counts what it drew in `report`; stops between layers once `cancel` turns true. `laidOut`, if given, is
// asked after the layers whether the plan's layout is there to paint (it waits for it).
void paintPlan(const Scene& scene, const MapSettings& s, const FramePlan& plan, QPainter& painter,
               const QRectF& rows, RenderCache& cache, const std::atomic<bool>* cancel, RenderReport& report,
               const std::function<bool()>& laidOut = {}) {
    const auto stop = [&] {
        return cancel && cancel->load(std::memory_order_relaxed) && (report.cancelled = true);
    };
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, !s.draft);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(0, 0, s.viewport.widthPx, s.viewport.heightPx), scene.style().sea);
    LayerPainter layers(painter, s, plan.level, rows, cache, report);
    for (const LayerStep& step : plan.steps)
        if (!stop()) layers.draw(step);
    if (!stop() && (!laidOut || laidOut()))
        paintOverlay(plan, s, scene.style(), painter, rows.isValid() ? rows : QRectF(-1e9, -1e9, 2e9, 2e9),
                     cache);
    painter.restore();
}

// Frames of at least this many device pixels are drawn as horizontal stripes, one per core (up to four).
// Writing the pixels is most of what a big frame costs (a 4K frame is 33 MB, and one core of a virtual
// machine writes 5-7 GB/s), so two cores draw a 4K frame in a little over half the time.
constexpr qint64 kStripePixels = qint64(1) << 19;
constexpr int kMaxStripes = 4;

// Runs work(k) for k in [0, n) on reserved threads of Qt's global pool and waits; a failure (an exception)
// comes back as its message, never crossing the thread. On that pool Qt's raster engine draws on the calling
// thread instead of farming spans out to the pool: on a small virtual machine those wake-ups cost more than
// the work (a long antialiased line: 14x slower, a 4K frame 2x).
template <class Work, class During> QStringList onPool(int n, Work work, During during) {
    QThreadPool* pool = QThreadPool::globalInstance();
    // Qt loses a task whose thread it cannot create (short of memory: "Thread creation error"), and waiting
    // for it would hang the frame. Each task is claimed by whoever runs it: a task no thread has started
    // after a second is run here, and one the pool starts later finds it claimed and touches nothing else.
    struct Tasks {
        explicit Tasks(int count) : claimed(static_cast<std::size_t>(count)) {}
        std::vector<std::atomic<bool>> claimed;
        QSemaphore done;
    };
    const auto tasks = std::make_shared<Tasks>(n);
    std::vector<QString> failures(static_cast<std::size_t>(n));
    // Runs task k unless it is claimed; what it refers to lives until every task is done.
    const auto run = [tasks, &failures, &work](int k) {
        const auto at = static_cast<std::size_t>(k);
        if (tasks->claimed[at].exchange(true)) return;
        try {
            work(k);
        } catch (const std::exception& e) {
            failures[at] = QString::fromUtf8(e.what());
        } catch (...) {
            failures[at] = "unknown error";
        }
        tasks->done.release();
    };
    for (int k = 0; k < n; ++k) {
        pool->reserveThread();
        pool->startOnReservedThread([run, k] { run(k); });
    }
    during();
    for (int finished = 0; finished < n;) {
        if (tasks->done.tryAcquire(1, 1000)) {
            ++finished;
            continue;
        }
        for (int k = 0; k < n; ++k)
            run(k); // those not yet claimed
    }
    QStringList out;
    for (const QString& f : failures)
        if (!f.isEmpty() && !out.contains(f)) out << "drawing the map failed: " + f;
    return out;
}

template <class Work> QStringList onPool(int n, Work work) {
    return onPool(n, work, [] {});
}

void merge(RenderReport& into, const RenderReport& stripe) {
    into.cancelled = into.cancelled || stripe.cancelled;
    into.vertices += stripe.vertices;
    into.partsDrawn += stripe.partsDrawn;
}

// Each stripe is a QImage over some rows of the frame's buffer with a painter of its own (a device takes one
// painter at a time); it reads and draws only what falls in its rows. `plan` holds the layer steps; the
// layout is added to it on the calling thread (layOut) while the stripes paint their layers, and each
// stripe paints the overlay once it is there. Laid out there, text is measured on one thread and the stripes
// only draw sprites: Qt keeps font engines and glyph caches per thread, and a glyph's first drawing on a
// thread can differ by a level from later ones, so the same frame comes out the same whichever pool thread
// paints which stripe.
QStringList paintStripes(const Scene& scene, const MapSettings& s, FramePlan& plan, QPainter& painter,
                         QImage& image, int stripes, RenderCache& cache, const std::atomic<bool>* cancel,
                         RenderReport& report) {
    std::vector<RenderReport> reports(static_cast<std::size_t>(stripes));
    const int w = image.width(), h = image.height();
    const qsizetype bpl = image.bytesPerLine();
    uchar* bits = image.bits();
    const QTransform world = painter.worldTransform(), dt = painter.deviceTransform();
    const std::vector<int> rows = cache.stripeRows(stripes, h);
    std::vector<double> seconds(static_cast<std::size_t>(stripes));
    QSemaphore layoutDone;
    std::atomic<bool> layoutOk{false};
    QString layoutFailure;
    const auto laidOut = [&] {
        layoutDone.acquire();
        layoutDone.release(); // for the next stripe
        return layoutOk.load();
    };
    const auto layOutPlan = [&] {
        try {
            layOut(scene, s, cache, plan);
            layoutOk = true;
        } catch (const std::exception& e) {
            layoutFailure = "drawing the map failed: " + QString::fromUtf8(e.what());
        }
        layoutDone.release();
    };
    QStringList failures = onPool(
        stripes,
        [&](int k) {
            const auto at = static_cast<std::size_t>(k);
            const int y0 = rows[at], y1 = rows[at + 1];
            QElapsedTimer clock;
            clock.start();
            QImage rowsImage(bits + bpl * y0, w, y1 - y0, bpl, image.format());
            rowsImage.setDevicePixelRatio(image.devicePixelRatio());
            rowsImage.setDotsPerMeterX(image.dotsPerMeterX());
            rowsImage.setDotsPerMeterY(image.dotsPerMeterY());
            QPainter p(&rowsImage);
            p.setWorldTransform(world * QTransform::fromTranslate(0, -y0 / image.devicePixelRatio()));
            // The stripe's rows in the frame's logical pixels: through the world transform too, which an
            // export's band translates.
            paintPlan(scene, s, plan, p, (world * dt).inverted().mapRect(QRectF(0, y0, w, y1 - y0)), cache,
                      cancel, reports[at], laidOut);
            seconds[at] = static_cast<double>(clock.nsecsElapsed()) * 1e-9;
        },
        layOutPlan);
    if (!layoutFailure.isEmpty()) failures.prepend(layoutFailure);
    if (failures.isEmpty()) cache.balanceStripes(seconds);
    for (const RenderReport& r : reports)
        merge(report, r);
    return failures;
}

} // namespace

RenderReport renderMap(const Scene& scene, const MapSettings& settings, QPainter& painter,
                       const std::atomic<bool>* cancel, RenderCache* cache) {
    RenderCache frameCache;
    RenderCache& c = cache ? *cache : frameCache;
    RenderReport report;
    if (!painter.isActive()) {
        report.errors << "drawing the map failed: the image could not be started (too large for the memory?)";
        return report;
    }
    auto* image =
        painter.device()->devType() == QInternal::Image ? static_cast<QImage*>(painter.device()) : nullptr;
    const bool onWorker = QThreadPool::globalInstance()->contains(QThread::currentThread());
    FramePlan plan;
    const auto paintWhole = [&] { paintPlan(scene, settings, plan, painter, {}, c, cancel, report); };
    // The layer steps, and (unless the stripes lay it out as they paint) the layout.
    const auto planned = [&](bool layout) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return void(report.cancelled = true);
        plan = layout ? planFrame(scene, settings, c, image != nullptr) : planLayers(scene, settings, true);
        report.errors << plan.errors;
    };
    // A cancelled frame reports no placements: they may not all have been drawn.
    const auto done = [&] {
        if (!report.cancelled) reportPlan(plan, report);
        return report;
    };
    if (!image || onWorker) { // vector devices, and frames already drawn on a worker of the pool
        try {
            planned(true);
            if (!report.cancelled) paintWhole();
        } catch (const std::exception& e) {
            report.errors << "drawing the map failed: " + QString::fromUtf8(e.what());
        }
        return done();
    }
    const QTransform dt = painter.deviceTransform();
    const int stripes = std::min(QThread::idealThreadCount(), kMaxStripes);
    const bool striped = stripes >= 2 && qint64(image->width()) * image->height() >= kStripePixels &&
                         !painter.hasClipping() && dt.type() <= QTransform::TxScale && dt.m22() > 0 &&
                         image->depth() == 32;
    QStringList failures;
    if (!striped) {
        failures = onPool(1, [&](int) {
            planned(true);
            if (!report.cancelled) paintWhole();
        });
    } else {
        try {
            planned(false);
        } catch (const std::exception& e) {
            failures << "drawing the map failed: " + QString::fromUtf8(e.what());
        }
        if (failures.isEmpty() && !report.cancelled)
            failures = paintStripes(scene, settings, plan, painter, *image, stripes, c, cancel, report);
    }
    report.errors << failures;
    return done();
}

MapSettings draftFrame(MapSettings s) {
    constexpr double kDraftPixels = 1920.0 * 1080.0;
    s.draft = true;
    const double dpr = s.devicePixelRatio > 0 ? s.devicePixelRatio : 1.0;
    const double pixels = s.viewport.widthPx * s.viewport.heightPx * dpr * dpr;
    if (pixels > kDraftPixels) s.devicePixelRatio = dpr * std::sqrt(kDraftPixels / pixels);
    return s;
}

QString shownAreaText(const Scene& scene, const MapSettings& s) {
    const geo::Box& asked = s.requestedArea;
    if (asked.empty()) return {};
    const geo::Box frame = s.viewport.mapBounds();
    // Rounding a frame to whole pixels moves its edges by under a pixel: only more than that is news.
    const double px = s.viewport.metresPerPixel;
    if (frame.width() <= asked.width() + px && frame.height() <= asked.height() + px) return {};
    geo::Box ll;
    for (const geo::Point p : geo::boxEdgePoints(frame, 32)) {
        const geo::Point q = scene.unproject(p);
        if (!std::isfinite(q.x) || !std::isfinite(q.y))
            return QCoreApplication::translate("map", "Shown: more than the area asked for");
        ll.expand(q);
    }
    const double span = std::min(ll.width(), ll.height());
    const int decimals = span >= 1 ? 1 : span >= 0.1 ? 2 : 3;
    const auto range = [decimals](double a, double b, QChar plus, QChar minus) -> QString {
        const auto one = [&](double v) { return QString::number(std::abs(v), 'f', decimals); };
        // Both ends on one side share its letter; across the equator or meridian each has its own.
        if ((a >= 0) == (b >= 0))
            return one(a) + QStringLiteral("–") + one(b) + QStringLiteral("°") + (b >= 0 ? plus : minus);
        return one(a) + QStringLiteral("°") + minus + QStringLiteral("–") + one(b) + QStringLiteral("°") +
               plus;
    };
    return QCoreApplication::translate("map", "Shown: %1, %2")
        .arg(range(ll.minx, ll.maxx, QLatin1Char('E'), QLatin1Char('W')),
             range(ll.miny, ll.maxy, QLatin1Char('N'), QLatin1Char('S')));
}

namespace {
QStringList addedTitles(const Scene& scene, const MapSettings& s) {
    QStringList added;
    for (const auto& layer : scene.layers())
        if (layer->added && !s.hiddenLayers.contains(layer->key)) added << layer->title;
    return added;
}
const QLatin1String kCoastSource("Coastline: GSHHG 2.3.7 full resolution (Wessel & Smith, LGPL)");
const QLatin1String kBorderSource("Borders: median lines computed by Isleview");
} // namespace

QString claimsShownText(const Scene& scene, const MapSettings& s) {
    QStringList claims;
    for (const auto& c : s.claims)
        if (const ClaimStyle* st = scene.style().worldviews.claim(c)) claims << mapWord(st->legendClaim);
    if (!claims.isEmpty()) return claims.join("; ");
    //: no claim shown: the map of a past day (%1 names it, "Administration on 1880-12-31")
    return s.dated ? QCoreApplication::translate("map", "none (%1)").arg(s.dated->heading)
                   : QCoreApplication::translate("map", "none (de facto view)");
}

QString sourcesText(const Scene& scene, const MapSettings& s) {
    const QStringList added = addedTitles(scene, s);
    return QString("%1 · %2%3")
        .arg(kCoastSource, kBorderSource, added.isEmpty() ? QString() : " · Added: " + added.join(", "));
}

QString attributionText(const Scene& scene, const MapSettings& s) {
    const QStringList added = addedTitles(scene, s);
    // The shown area goes first: the line is cut at its end when the frame is narrow.
    const QString area = shownAreaText(scene, s);
    return (area.isEmpty() ? QString() : area + " · ") +
           QCoreApplication::translate(
               "map", "Coastline: GSHHG 2.3.7 full resolution (Wessel & Smith, LGPL) · Borders: "
                      "median lines computed by Isleview · Names: %1 · Claims shown: %2%3 · %4")
               .arg(s.names.describe(), claimsShownText(scene, s),
                    added.isEmpty()
                        ? QString()
                        : " · " + QCoreApplication::translate("map", "Added: %1").arg(added.join(", ")),
                    s.attributionDate);
}

} // namespace isv
