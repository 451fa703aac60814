// Rendering benchmarks. Run: build/bin/isleview_bench --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true   (medians are what docs/performance.md reports)
// World-file cases read ISLEVIEW_WORLD_SHP (default /tmp/isleview-bench/data/world_land.shp, made by
// ../shared-style make_data.sh: see docs/performance.md) and skip with a message when it is absent.
#include "render_map.h"
#include "scene.h"

#include <geo/map_data.h>
#include <geo/projection.h>

#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <cstdlib>
#include <filesystem>

namespace {

std::shared_ptr<const geo::MapData> shippedData() {
    static auto data = [] {
        auto d = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
        if (!d) std::abort();
        return std::make_shared<const geo::MapData>(std::move(d).value());
    }();
    return data;
}

std::shared_ptr<const isv::Scene> shippedScene() {
    static auto scene = isv::Scene::build(shippedData(), geo::kDisplayCrs).value();
    return scene;
}

std::string worldPath() {
    const char* env = std::getenv("ISLEVIEW_WORLD_SHP");
    return env ? env : "/tmp/isleview-bench/data/world_land.shp";
}

// The world land polygons as an added layer over the shipped data, as `--add` and File → Open do.
std::shared_ptr<const isv::Scene> worldScene(const std::string& crs) {
    static std::map<std::string, std::shared_ptr<const isv::Scene>> cache;
    if (auto it = cache.find(crs); it != cache.end()) return it->second;
    if (!std::filesystem::exists(worldPath())) return nullptr;
    auto layer = geo::loadLayer(worldPath());
    if (!layer) return nullptr;
    auto scene = isv::Scene::build(shippedData(), crs, {std::make_shared<const geo::Layer>(std::move(layer).value())});
    return cache[crs] = scene ? scene.value() : nullptr;
}

void renderLoop(benchmark::State& state, const isv::Scene& scene, isv::MapSettings s) {
    QImage image(static_cast<int>(s.viewport.widthPx), static_cast<int>(s.viewport.heightPx),
                 QImage::Format_ARGB32_Premultiplied);
    std::size_t vertices = 0;
    for (auto _ : state) {
        QPainter p(&image);
        vertices = isv::renderMap(scene, s, p).vertices;
        benchmark::DoNotOptimize(image.bits());
    }
    state.counters["vertices"] = static_cast<double>(vertices);
}

isv::MapSettings view(const isv::Scene& scene, const geo::Box& box, int w, int h) {
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(box, w, h);
    s.claims = {"japan", "russia"}; // overlays on, labels on: the worst case
    s.attributionDate = "2026-11-29";
    (void)scene;
    return s;
}

void BM_LoadShippedData(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR).ok());
}
BENCHMARK(BM_LoadShippedData)->Unit(benchmark::kMillisecond);

void BM_BuildShippedScene(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(isv::Scene::build(shippedData(), geo::kDisplayCrs).ok());
}
BENCHMARK(BM_BuildShippedScene)->Unit(benchmark::kMillisecond);

void BM_ShippedFullRedraw(benchmark::State& state) {
    const auto scene = shippedScene();
    renderLoop(state, *scene, view(*scene, scene->homeBounds(), state.range(0), state.range(1)));
}
BENCHMARK(BM_ShippedFullRedraw)->Args({1920, 1080})->Args({3840, 2160})->Unit(benchmark::kMillisecond);

// The same without claim overlays and labels: what the land and sea alone cost.
void BM_ShippedFullRedrawBare(benchmark::State& state) {
    const auto scene = shippedScene();
    auto s = view(*scene, scene->homeBounds(), state.range(0), state.range(1));
    s.claims.clear();
    s.hiddenLayers = {"labels", "graticule"};
    s.legend = s.scaleBar = s.northArrow = false;
    renderLoop(state, *scene, s);
}
BENCHMARK(BM_ShippedFullRedrawBare)->Args({3840, 2160})->Unit(benchmark::kMillisecond);

void BM_ShippedFullRedrawNoLabels(benchmark::State& state) {
    const auto scene = shippedScene();
    auto s = view(*scene, scene->homeBounds(), state.range(0), state.range(1));
    s.hiddenLayers = {"labels"};
    renderLoop(state, *scene, s);
}
BENCHMARK(BM_ShippedFullRedrawNoLabels)->Args({3840, 2160})->Unit(benchmark::kMillisecond);

void BM_ShippedPanFrame(benchmark::State& state) {
    const auto scene = shippedScene();
    auto s = view(*scene, scene->homeBounds(), state.range(0), state.range(1));
    s.draft = true;
    renderLoop(state, *scene, s);
}
BENCHMARK(BM_ShippedPanFrame)->Args({1920, 1080})->Args({3840, 2160})->Unit(benchmark::kMillisecond);

void BM_ShippedHabomai(benchmark::State& state) {
    const auto scene = shippedScene();
    renderLoop(state, *scene, view(*scene, scene->placeBounds("habomai"), 1920, 1080));
}
BENCHMARK(BM_ShippedHabomai)->Unit(benchmark::kMillisecond);

void BM_WorldLoadAndPrepare(benchmark::State& state) {
    if (!std::filesystem::exists(worldPath())) {
        state.SkipWithError(("world file absent: " + worldPath() + " (see docs/performance.md)").c_str());
        return;
    }
    for (auto _ : state) {
        auto layer = geo::loadLayer(worldPath());
        auto scene = isv::Scene::build(shippedData(), geo::kDisplayCrs,
                                       {std::make_shared<const geo::Layer>(std::move(layer).value())});
        benchmark::DoNotOptimize(scene.ok());
    }
}
BENCHMARK(BM_WorldLoadAndPrepare)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_WorldHabomai(benchmark::State& state) {
    const auto scene = worldScene(geo::kDisplayCrs);
    if (!scene) {
        state.SkipWithError(("world file absent: " + worldPath()).c_str());
        return;
    }
    renderLoop(state, *scene, view(*scene, scene->placeBounds("habomai"), 1920, 1080));
}
BENCHMARK(BM_WorldHabomai)->Unit(benchmark::kMillisecond);

void BM_WorldWhole(benchmark::State& state) {
    const auto scene = worldScene(geo::kWorldCrs);
    if (!scene) {
        state.SkipWithError(("world file absent: " + worldPath()).c_str());
        return;
    }
    const isv::SceneLayer* world = scene->layers().back().get();
    renderLoop(state, *scene, view(*scene, world->bounds, 1920, 1080));
}
BENCHMARK(BM_WorldWhole)->Unit(benchmark::kMillisecond);

// One export as a user runs it: start, load, render, write a 3840x2160 PNG, exit.
void BM_ProcessExportShipped4K(benchmark::State& state) {
    const std::string cmd = std::string(ISLEVIEW_EXE) +
                            " export /tmp/isleview-bench-export.png --size 3840x2160 --claims both >/dev/null 2>&1";
    for (auto _ : state)
        if (std::system(cmd.c_str()) != 0) state.SkipWithError("isleview export failed");
}
BENCHMARK(BM_ProcessExportShipped4K)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
