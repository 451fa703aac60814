// Rendering benchmarks. Run: build/bin/isleview_bench --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true   (medians are what docs/performance.md reports)
// Data-size cases read ISLEVIEW_BENCH_DATA (default /tmp/isleview-bench/data: region_land.shp,
// japan_land.shp and world_land.shp, made by the benchmark kit's make_data.sh, see docs/performance.md)
// and skip with a message when a file is absent. Run the world load on its own
// (--benchmark_filter=DataLoadAndPrepare/world) for a meaningful peak-memory counter: it is the process's.
#include "frame_plan.h"
#include "render_cache.h"
#include "render_map.h"
#include "scene.h"

#include <geo/map_data.h>
#include <geo/projection.h>

#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace {

std::shared_ptr<const geo::MapData> shippedData() {
    static auto data = [] {
        auto d = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
        if (!d) std::abort();
        return std::make_shared<const geo::MapData>(std::move(d).value());
    }();
    return data;
}

std::shared_ptr<const isv::Scene> shippedScene(const std::string& crs = geo::kDisplayCrs) {
    static std::map<std::string, std::shared_ptr<const isv::Scene>> cache;
    auto& scene = cache[crs];
    if (!scene) scene = isv::Scene::build(shippedData(), crs).value();
    return scene;
}

std::string dataPath(const std::string& name) {
    const char* env = std::getenv("ISLEVIEW_BENCH_DATA");
    return std::string(env ? env : "/tmp/isleview-bench/data") + "/" + name + "_land.shp";
}

double peakRssMiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

double processCpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

// A data file as an added layer over the shipped data, as `--add` and File → Open do (whole file, no
// window), cached per file and CRS.
std::shared_ptr<const isv::Scene> dataScene(const std::string& name, const std::string& crs) {
    static std::map<std::string, std::shared_ptr<const isv::Scene>> cache;
    const std::string key = name + " " + crs;
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (!std::filesystem::exists(dataPath(name))) return nullptr;
    auto scene = shippedScene(crs)->withFile(dataPath(name));
    return cache[key] = scene ? scene.value() : nullptr;
}

bool skipWithoutData(benchmark::State& state, const std::string& name) {
    if (std::filesystem::exists(dataPath(name))) return false;
    state.SkipWithError(
        (dataPath(name) + " absent: make it with make_data.sh (see docs/performance.md)").c_str());
    return true;
}

// Frames as the canvas's scheduler makes them (RenderScheduler::renderNow): device pixels = logical x ratio,
// a ratio under 1 (a draft) by scaling the painter.
void renderLoop(benchmark::State& state, const isv::Scene& scene, isv::MapSettings s) {
    const double dpr = s.devicePixelRatio;
    QImage image(static_cast<int>(std::lround(s.viewport.widthPx * dpr)),
                 static_cast<int>(std::lround(s.viewport.heightPx * dpr)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(std::max(1.0, dpr));
    isv::RenderReport report;
    isv::RenderCache cache; // as the canvas keeps one
    const double cpu0 = processCpuSeconds();
    for (auto _ : state) {
        QPainter p(&image);
        if (dpr < 1) p.scale(dpr, dpr);
        report = isv::renderMap(scene, s, p, nullptr, &cache);
        benchmark::DoNotOptimize(image.bits());
    }
    // Process CPU time per frame (every thread's): steadier than wall time on a shared machine, and what the
    // stripes cost together.
    state.counters["cpu_ms"] =
        1e3 * (processCpuSeconds() - cpu0) /
        static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
    state.counters["vertices"] = static_cast<double>(report.vertices);
    state.counters["level"] = report.level;
    state.counters["parts"] = static_cast<double>(report.partsDrawn);
}

isv::MapSettings view(const geo::Box& box, int w, int h) {
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(box, w, h);
    s.claims = {"japan", "russia"}; // overlays on, labels on: the worst case
    s.attributionDate = "2026-11-29";
    return s;
}

// Only the added data file, 1 px outline, no labels or furniture: the job QGIS and Mapnik do in
// the benchmark kit (qgis_render.py, mapnik_render.py), on the same extents.
isv::MapSettings bare(const geo::Box& box, int w, int h) {
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(box, w, h);
    s.hiddenLayers = {"land", "lakes", "borders", "claims", "labels", "graticule"};
    s.legend = s.scaleBar = s.northArrow = false;
    return s;
}

struct Extent {
    double w, e, s, n;
};
constexpr Extent kRegion{144.5, 149.5, 42.9, 46.0};
constexpr Extent kHabomai{145.5, 146.3, 43.2, 43.7};
constexpr Extent kJapan{122, 157, 24, 52};
constexpr Extent kWorld{-180, 180, -90, 90};

// ---- shipped data ------------------------------------------------------------------------------------

void BM_LoadShippedData(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR).ok());
}
BENCHMARK(BM_LoadShippedData)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BuildShippedScene(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(isv::Scene::build(shippedData(), geo::kDisplayCrs).ok());
}
BENCHMARK(BM_BuildShippedScene)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ShippedFullRedraw(benchmark::State& state) {
    const auto scene = shippedScene();
    renderLoop(state, *scene, view(scene->homeBounds(), state.range(0), state.range(1)));
}
BENCHMARK(BM_ShippedFullRedraw)
    ->Args({1920, 1080})
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The same without claim overlays and labels: what the land and sea alone cost.
void BM_ShippedFullRedrawBare(benchmark::State& state) {
    const auto scene = shippedScene();
    auto s = view(scene->homeBounds(), state.range(0), state.range(1));
    s.claims.clear();
    s.hiddenLayers = {"labels", "graticule"};
    s.legend = s.scaleBar = s.northArrow = false;
    renderLoop(state, *scene, s);
}
BENCHMARK(BM_ShippedFullRedrawBare)->Args({3840, 2160})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ShippedFullRedrawNoLabels(benchmark::State& state) {
    const auto scene = shippedScene();
    auto s = view(scene->homeBounds(), state.range(0), state.range(1));
    s.hiddenLayers = {"labels"};
    renderLoop(state, *scene, s);
}
BENCHMARK(BM_ShippedFullRedrawNoLabels)->Args({3840, 2160})->Unit(benchmark::kMillisecond)->UseRealTime();

// A frame while panning or zooming, as the canvas asks for it (isv::draftFrame: coarser detail, no
// antialiasing, at most 1920x1080 device pixels).
void BM_ShippedPanFrame(benchmark::State& state) {
    const auto scene = shippedScene();
    renderLoop(state, *scene, isv::draftFrame(view(scene->homeBounds(), state.range(0), state.range(1))));
}
BENCHMARK(BM_ShippedPanFrame)
    ->Args({1920, 1080})
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_ShippedHabomai(benchmark::State& state) {
    const auto scene = shippedScene();
    renderLoop(state, *scene, view(scene->placeBounds("habomai"), state.range(0), state.range(1)));
}
BENCHMARK(BM_ShippedHabomai)->Args({1920, 1080})->Unit(benchmark::kMillisecond)->UseRealTime();

// What planning a frame costs alone (layer steps and layout, no pixels): made once per frame before any
// stripe paints.
void BM_PlanFrame(benchmark::State& state, bool habomai) {
    const auto scene = shippedScene();
    const auto s =
        view(habomai ? scene->placeBounds("habomai") : scene->homeBounds(), state.range(0), state.range(1));
    isv::RenderCache cache;
    for (auto _ : state)
        benchmark::DoNotOptimize(isv::planFrame(*scene, s, cache, true).labels.size());
}
BENCHMARK_CAPTURE(BM_PlanFrame, home, false)
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_PlanFrame, habomai, true)
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ---- data files: region (14.5 k vertices), japan (387 k), world (10.6 M) -----------------------------

// Reading and preparing a whole file (Scene::withFile, as --add and File → Open), with the process's
// peak memory so far.
void BM_DataLoadAndPrepare(benchmark::State& state, const char* name, const char* crs) {
    if (skipWithoutData(state, name)) return;
    for (auto _ : state) {
        auto scene = shippedScene(crs)->withFile(dataPath(name));
        if (!scene) state.SkipWithError(scene.error().message.c_str());
        benchmark::DoNotOptimize(scene.ok());
    }
    state.counters["peak_rss_MiB"] = peakRssMiB();
}
BENCHMARK_CAPTURE(BM_DataLoadAndPrepare, region, "region", geo::kDisplayCrs)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_DataLoadAndPrepare, japan, "japan", geo::kDisplayCrs)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_DataLoadAndPrepare, world, "world", geo::kWorldCrs)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// The first frame of the world file: open, prepare, draw the whole world once (the issue: within 3 s).
void BM_WorldFirstFrame(benchmark::State& state) {
    if (skipWithoutData(state, "world")) return;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        auto scene = shippedScene(geo::kWorldCrs)->withFile(dataPath("world"));
        if (!scene) return state.SkipWithError(scene.error().message.c_str());
        const isv::MapSettings s = bare(scene.value()->layers().back()->bounds, 1920, 1080);
        QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        isv::renderMap(*scene.value(), s, p);
        p.end();
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    state.counters["peak_rss_MiB"] = peakRssMiB();
}
BENCHMARK(BM_WorldFirstFrame)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// The window's progressive open of the world file: one read (FileOptions::onCoarse), the coarse scene
// drawn whole as soon as it comes (on this thread, while the workers carry on with the full preparation),
// then the full scene with the coarse one still held (as the window shows it meanwhile). Time = to the
// full scene; coarse_s = to the coarse scene, coarse_frame_s = to its frame drawn. Run alone for a
// meaningful peak_rss_MiB (the process's).
void BM_WorldProgressiveOpen(benchmark::State& state) {
    if (skipWithoutData(state, "world")) return;
    const auto seconds = [](auto since) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
    };
    double coarseS = 0, frameS = 0, coarsePoints = 0, fullPoints = 0;
    const auto points = [](const isv::Scene& sc) {
        double n = 0;
        for (const auto& part : sc.layers().back()->parts)
            n += part.lods[0].count;
        for (const auto& run : sc.layers().back()->runs)
            n += run.lods[0].count;
        return n;
    };
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        const auto base = shippedScene(geo::kWorldCrs);
        std::shared_ptr<const isv::Scene> coarse;
        isv::FileOptions options{.coarseDeg = isv::kCoarseDeg};
        options.onCoarse = [&](std::shared_ptr<const isv::Scene> c) {
            coarse = std::move(c);
            coarseS = seconds(start);
            QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
            QPainter p(&image);
            isv::renderMap(*coarse, bare(coarse->layers().back()->bounds, 1920, 1080), p);
            p.end();
            frameS = seconds(start);
        };
        auto full = base->withFile(dataPath("world"), options);
        if (!full) return state.SkipWithError(full.error().message.c_str());
        if (!coarse) return state.SkipWithError("no coarse scene");
        state.SetIterationTime(seconds(start));
        coarsePoints = points(*coarse);
        fullPoints = points(*full.value());
    }
    state.counters["coarse_s"] = coarseS;
    state.counters["coarse_frame_s"] = frameS;
    state.counters["coarse_points"] = coarsePoints;
    state.counters["full_points"] = fullPoints;
    state.counters["peak_rss_MiB"] = peakRssMiB();
}
BENCHMARK(BM_WorldProgressiveOpen)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

// Warm renders of a data file on an extent, bare (the QGIS/Mapnik comparison) or with the shipped map,
// labels and both claims on top (Isleview's own targets).
void BM_Data(benchmark::State& state, const char* name, const char* crs, Extent x, bool full) {
    if (skipWithoutData(state, name)) return;
    const auto scene = dataScene(name, crs);
    if (!scene) return state.SkipWithError("could not prepare the file");
    const geo::Box box = scene->projectBox(geo::Box{x.w, x.s, x.e, x.n});
    const int w = static_cast<int>(state.range(0)), h = static_cast<int>(state.range(1));
    renderLoop(state, *scene, full ? view(box, w, h) : bare(box, w, h));
}
BENCHMARK_CAPTURE(BM_Data, region_bare, "region", geo::kDisplayCrs, kRegion, false)
    ->Args({1920, 1080})
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Data, japan_bare, "japan", geo::kDisplayCrs, kJapan, false)
    ->Args({1920, 1080})
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Data, world_whole_bare, "world", geo::kWorldCrs, kWorld, false)
    ->Args({1920, 1080})
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Data, world_region_bare, "world", geo::kDisplayCrs, kRegion, false)
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Data, world_habomai_bare, "world", geo::kDisplayCrs, kHabomai, false)
    ->Args({1920, 1080})
    ->Args({3840, 2160})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Data, world_habomai_full, "world", geo::kDisplayCrs, kHabomai, true)
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Data, world_whole_full, "world", geo::kWorldCrs, kWorld, true)
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ---- whole processes ---------------------------------------------------------------------------------

void processLoop(benchmark::State& state, const std::string& args) {
    const std::string cmd = std::string(ISLEVIEW_EXE) + " export " + args + " >/dev/null 2>&1";
    for (auto _ : state)
        if (std::system(cmd.c_str()) != 0) return state.SkipWithError(("failed: " + cmd).c_str());
}

// One export as a user runs it: start, load, render, write a 3840x2160 PNG, exit.
void BM_ProcessExportShipped4K(benchmark::State& state) {
    processLoop(state, "/tmp/isleview-bench-export.png --size 3840x2160 --claims both");
}
BENCHMARK(BM_ProcessExportShipped4K)->Unit(benchmark::kMillisecond)->UseRealTime();

// The world file zoomed on Habomai (the issue: at least twice as fast as QGIS's 0.83 s).
void BM_ProcessExportWorldHabomai(benchmark::State& state) {
    if (skipWithoutData(state, "world")) return;
    processLoop(state, "/tmp/isleview-bench-world.png --add " + dataPath("world") + " --focus habomai");
}
BENCHMARK(BM_ProcessExportWorldHabomai)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole world in Equal Earth, 1920x1080.
void BM_ProcessExportWorldWhole(benchmark::State& state) {
    if (skipWithoutData(state, "world")) return;
    processLoop(state, "/tmp/isleview-bench-world.png --crs EPSG:8857 --extent=-180,-90,180,90 --add " +
                           dataPath("world"));
}
BENCHMARK(BM_ProcessExportWorldWhole)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    isv::tuneAllocatorForScenes(); // as the application does: the peak-memory counters measure its setting
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
