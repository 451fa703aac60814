// Scene::withFile: a file read by GDAL on the calling thread and prepared feature by feature on two
// workers, optionally with a coarse first look from the same read.
#include "scene.h"
#include "scene_layer_builder.h"
#include "scene_pieces.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <QFileInfo>
#include <QObject>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>

namespace isv {

using detail::Piece;
using detail::projectorFor;
using detail::SceneLayerBuilder;

namespace {

std::size_t pointCount(const geo::Geometry& g) {
    std::size_t points = g.points.size();
    for (const auto& line : g.lines)
        points += line.size();
    for (const auto& poly : g.polygons)
        for (const auto& ring : poly.rings)
            points += ring.size();
    return points;
}

// The reading thread hands features to two workers, which project and simplify them (nine tenths of the
// work) and store each feature whole in one SceneLayer. Features travel in batches of about 8,000 points:
// one hand-over per feature costs more in thread wake-ups than small islands cost to prepare. Memory beyond
// the prepared layer is bounded by one big feature in work plus FileOptions::inFlightPoints of small ones.
// A batch offered without waiting (during a progressive first read) that does not fit is deferred: its
// features are listed for a second read.
class PreparingQueue {
  public:
    PreparingQueue(SceneLayer& layer, const std::string& crs, const FileOptions& options, double coarseDeg)
        : builder_(layer), crs_(crs), options_(options), coarseDeg_(coarseDeg) {
        for (auto& w : workers_)
            w = std::thread([this] { work(); });
    }
    ~PreparingQueue() { stop(); }
    PreparingQueue(const PreparingQueue&) = delete;
    PreparingQueue& operator=(const PreparingQueue&) = delete;

    // Adds a feature to the batch, handing the batch over first if the feature would overfill it.
    void take(std::size_t feature, geo::Geometry&& g, bool wait) {
        const std::size_t points = pointCount(g);
        if (batch_.points + points > kBatch) offer(wait);
        batch_.features.emplace_back(feature, std::move(g));
        batch_.points += points;
    }

    // Hands the batch over, waiting for room if `wait`; without, a batch with no room is deferred.
    void offer(bool wait) {
        if (batch_.features.empty()) return;
        Job job = std::exchange(batch_, {});
        std::vector<std::size_t> features;
        if (!wait)
            for (const auto& f : job.features)
                features.push_back(f.first);
        const std::size_t points = job.points;
        if (submit(std::move(job), wait)) return;
        if (points > kBig) // a big feature travels alone
            deferredBig_.emplace_back(features.front(), points);
        else
            deferred_.insert(deferred_.end(), features.begin(), features.end());
    }

    // Allows `limit` big features in work at once, once fewer than that are.
    void allowBig(int limit) {
        std::unique_lock lock(mutex_);
        bigLimit_ = limit;
        changed_.wait(lock, [&] { return bigInFlight_ < bigLimit_; });
    }

    // Lets the workers finish what is queued, and waits for them. Idempotent.
    void stop() {
        {
            const std::lock_guard lock(mutex_);
            reading_ = false;
        }
        changed_.notify_all();
        for (auto& w : workers_)
            if (w.joinable()) w.join();
    }

    // The deferred features, read again: big ones first, biggest first, one read each; then the rest.
    std::vector<std::vector<std::size_t>> deferredReads(std::size_t& bigReads) {
        std::sort(deferredBig_.begin(), deferredBig_.end(),
                  [](const auto& a, const auto& b) { return a.second > b.second; });
        std::vector<std::vector<std::size_t>> reads;
        for (const auto& [feature, points] : deferredBig_)
            reads.push_back({feature});
        bigReads = reads.size();
        if (!deferred_.empty()) reads.push_back(std::move(deferred_));
        return reads;
    }

    // After stop(): the layer in feature order, indexed.
    void finish() { builder_.finish(); }

  private:
    struct Job {
        std::vector<std::pair<std::size_t, geo::Geometry>> features;
        std::size_t points = 0;
    };
    static constexpr std::size_t kBig = 100'000, kBatch = 8'000;

    bool cancelled() const { return options_.cancel && options_.cancel->load(std::memory_order_relaxed); }

    void work() {
        const geo::Projector* proj = projectorFor(crs_);
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return !queue_.empty() || !reading_; });
                if (queue_.empty()) return;
                job = std::move(queue_.front());
                queue_.pop_front();
            }
            changed_.notify_all();
            std::vector<std::tuple<std::size_t, geo::GeometryType, std::vector<Piece>>> ready;
            for (auto& [feature, g] : job.features) {
                if (cancelled()) break;
                if (!options_.within.empty()) detail::clipToBox(g, options_.within);
                const geo::GeometryType type = g.type;
                ready.emplace_back(feature, type,
                                   detail::pieces(std::move(g), *proj, coarseDeg_, options_.minLevel));
            }
            {
                const std::lock_guard lock(mutex_);
                for (const auto& [feature, type, p] : ready)
                    builder_.add(static_cast<std::uint32_t>(feature), type, p);
                if (job.points > kBig)
                    --bigInFlight_;
                else
                    inFlight_ -= job.points;
            }
            changed_.notify_all();
        }
    }

    // Queues a job, waiting for room if `wait`; without, returns false if there is none.
    bool submit(Job&& job, bool wait) {
        const std::size_t limit = options_.inFlightPoints;
        std::unique_lock lock(mutex_);
        const bool big = job.points > kBig;
        const auto room = [&] {
            return big ? bigInFlight_ < bigLimit_ : inFlight_ == 0 || inFlight_ + job.points <= limit;
        };
        // Offered during a progressive first read, a job is taken only within the bound (0: none is).
        if (!wait && !(big ? bigInFlight_ < bigLimit_ && limit > 0 : inFlight_ + job.points <= limit))
            return false;
        changed_.wait(lock, room);
        (big ? ++bigInFlight_ : (inFlight_ += job.points, 0));
        queue_.push_back(std::move(job));
        lock.unlock();
        changed_.notify_all();
        return true;
    }

    SceneLayerBuilder builder_; // under mutex_ until finish()
    const std::string& crs_;
    const FileOptions& options_;
    const double coarseDeg_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> queue_;
    std::size_t inFlight_ = 0; // points queued or in work, in batches of small features
    int bigInFlight_ = 0;      // features of more than kBig points (continents) in work: one at a time,
    int bigLimit_ = 1;         // or two while the second read starts with them
    bool reading_ = true;
    Job batch_; // the reading thread's alone, as are the deferred lists
    std::vector<std::size_t> deferred_;
    std::vector<std::pair<std::size_t, std::size_t>> deferredBig_; // feature, points
    std::thread workers_[2]; // last: started once everything above is ready
};

// What the first read freed (GDAL's buffers for the biggest features, the coarse preparation's temporaries)
// back to the system before the second read goes through the big features again. It stays here rather
// than with the caller: only withFile knows the moment between its two reads.
void releaseFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// The features the workers had no room for during a progressive first read, read again (by id where the
// driver can). The big ones first, biggest first, while little else is stored yet: two in work at a time,
// each read only once there is room for it, from the file opened for it alone (GDAL holds three copies of a
// feature while reading it, and keeps buffers as big as the biggest until the file is closed). Then the
// rest, in file order. Returns the first read's error, if any.
std::optional<geo::Error> readDeferred(const std::string& path, const std::string& layerName,
                                       const geo::Layer& layer, PreparingQueue& queue,
                                       const FileOptions& options) {
    std::size_t bigReads = 0;
    const std::vector<std::vector<std::size_t>> reads = queue.deferredReads(bigReads);
    for (std::size_t r = 0; r < reads.size(); ++r) {
        const std::vector<std::size_t>& features = reads[r];
        std::vector<std::int64_t> fids;
        fids.reserve(features.size());
        for (const std::size_t feature : features)
            fids.push_back(layer.fid(feature));
        queue.allowBig(r < bigReads ? 2 : 1);
        auto again = geo::readGeometries(
            path, layerName, fids,
            [&](std::size_t k, geo::Geometry&& g) { queue.take(features[k], std::move(g), true); },
            options.cancel);
        queue.offer(true);
        if (!again) return again.error();
    }
    return std::nullopt;
}

} // namespace

void tuneAllocatorForScenes() {
#ifdef __GLIBC__
    // glibc raises its mmap threshold each time a big block is freed, after which withFile's workers' big
    // temporaries (a continent's points) stay resident in their arenas: 30-50 MB more peak memory for a
    // world file. Pinning the threshold (at its default) keeps them returned to the system.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

namespace {

// One layer of a file read and prepared (see Scene::withFile), its key, title and source set; the coarse
// look, if any, goes to `showCoarse`.
geo::Result<std::shared_ptr<SceneLayer>>
prepareFileLayer(const Scene& base, const std::string& path, const std::string& layerName, bool titled,
                 const FileOptions& options,
                 const std::function<void(std::shared_ptr<SceneLayer>)>& showCoarse) {
    const geo::Box& within = options.within;
    const auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
    const std::string& crs = base.crs();
    const geo::Projector* readerProj = projectorFor(crs);
    if (!readerProj) return detail::unknownCrs(crs);
    // Progressive (FileOptions::onCoarse): the reader makes each feature's coarse version as it reads it
    // (cheap: coarsen() keeps a few per cent of a coastline's points), and hands the feature to the
    // workers for the full preparation only if they can take it without waiting; those they could not
    // are read again once the coarse scene is out. So the coarse scene comes after one read at the
    // reader's pace, and the full one without preparing anything twice or holding more in work.
    const bool progressive = options.coarseDeg > 0 && showCoarse;
    auto prepared = std::make_shared<SceneLayer>();
    auto coarseLayer = std::make_shared<SceneLayer>();
    SceneLayerBuilder coarseBuilder(*coarseLayer); // the reader's alone
    PreparingQueue queue(*prepared, crs, options, progressive ? 0 : options.coarseDeg);
    auto loaded = geo::loadLayer(
        path, layerName,
        [&](std::size_t feature, geo::Geometry&& g) {
            if (progressive) {
                geo::Geometry c = detail::coarsen(g, options.coarseDeg);
                if (!within.empty()) detail::clipToBox(c, within);
                const geo::GeometryType type = c.type;
                coarseBuilder.add(static_cast<std::uint32_t>(feature), type,
                                  detail::pieces(std::move(c), *readerProj));
            }
            queue.take(feature, std::move(g), !progressive);
        },
        within, options.cancel);
    queue.offer(!progressive);
    if (!loaded) return loaded.error();
    auto layer = std::move(loaded).value();
    if (titled && layer.table)
        return geo::Error{path + " (layer " + layer.name + "): a table without geometry"};
    const QString key = detail::uniqueLayerKey(base, layer, titled);
    QStringList notes;
    for (const std::string& note : layer.report.messages(path, titled ? layer.name : std::string()))
        notes << QString::fromStdString(note);
    // A coarse look keeps the file's name, path, fields and bounds, not its attributes: it is replaced
    // soon, and they are not drawn.
    const auto finish = [&](std::shared_ptr<SceneLayer>& l, std::shared_ptr<const geo::Layer> source) {
        l->key = l->title = key;
        l->added = true;
        l->source = std::move(source);
        l->notes = notes;
    };
    if (progressive && !cancelled()) {
        coarseBuilder.finish();
        if (!coarseLayer->parts.empty()) {
            finish(coarseLayer, detail::describedLayer(layer));
            showCoarse(coarseLayer);
        }
        coarseLayer.reset();
        releaseFreedMemory();
        if (auto error = readDeferred(path, layerName, layer, queue, options)) return *error;
    }
    queue.stop();
    if (cancelled()) return geo::Error{path + ": cancelled"};
    queue.finish();
    // Within a window, a file may simply have nothing there; and a file of several layers may have an
    // empty one (a GPX file without routes), which is not worth a warning.
    if (prepared->parts.empty() && titled && layer.size() == 0 && layer.skipped == 0)
        return std::shared_ptr<SceneLayer>();
    if (prepared->parts.empty() && within.empty())
        return geo::Error{path + (titled ? " (layer " + layer.name + ")" : std::string()) +
                          ": no geometry that can be drawn"};
    if (options.coarseDeg > 0 && !progressive)
        finish(prepared, detail::describedLayer(layer));
    else
        finish(prepared, std::make_shared<const geo::Layer>(std::move(layer)));
    return prepared;
}

} // namespace

std::shared_ptr<const Scene> Scene::withAdded(std::vector<std::shared_ptr<SceneLayer>> layers) const {
    auto scene = std::make_shared<Scene>(*this);
    for (auto& l : layers)
        scene->layers_.push_back(std::move(l));
    return scene;
}

geo::Result<std::shared_ptr<const Scene>> Scene::withFile(const std::string& path,
                                                          const FileOptions& options) const {
    std::vector<std::string> names{options.layer};
    if (options.layer.empty()) {
        // Every layer of a file of several (a GeoPackage's), each a layer of its own; one with no geometry
        // (an attribute table) is not one to draw.
        // Formats of one layer are not opened an extra time for it (GeoJSON's open reads the whole file).
        const QString suffix = QFileInfo(QString::fromStdString(path)).suffix().toLower();
        static const QStringList single{"shp", "geojson", "json", "geojsonl", "geojsons",
                                        "fgb", "csv",     "tab",  "mif",      "dxf"};
        if (!single.contains(suffix)) {
            auto listed = geo::listLayers(path);
            if (!listed) return listed.error();
            // A GPX file's route and track points repeat its routes and tracks.
            if (suffix == "gpx")
                std::erase_if(listed.value(), [](const std::string& n) {
                    return n == "route_points" || n == "track_points";
                });
            if (!listed->empty()) names = std::move(listed).value();
        }
    }
    const bool several = names.size() > 1;
    std::vector<std::shared_ptr<SceneLayer>> done;
    QStringList skipped;
    for (const std::string& name : names) {
        const auto showCoarse = [&](std::shared_ptr<SceneLayer> coarse) {
            std::vector<std::shared_ptr<SceneLayer>> shown = done;
            shown.push_back(std::move(coarse));
            options.onCoarse(withAdded(std::move(shown)));
        };
        auto layer = prepareFileLayer(*this, path, name, several, options,
                                      options.onCoarse ? std::function(showCoarse) : nullptr);
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return geo::Error{path + ": cancelled"};
        if (!several && !layer) return layer.error();
        if (!layer) {
            skipped << QString::fromStdString(layer.error().message);
            continue;
        }
        if (layer.value()) done.push_back(std::move(layer).value()); // else empty: nothing to add
    }
    if (done.empty())
        return geo::Error{skipped.isEmpty()
                              ? path + ": no geometry that can be drawn"
                              : path + ": no layer that can be drawn: " + skipped.join("; ").toStdString()};
    // Said once, with the file's last layer (the one a window names last). A layer already handed out in a
    // coarse scene is shared with another thread: it gets a copy instead of a change.
    if (!skipped.isEmpty() && options.onCoarse) done.back() = std::make_shared<SceneLayer>(*done.back());
    for (const QString& why : skipped)
        done.back()->notes << QObject::tr("%1 (layer left out)").arg(why);
    return withAdded(std::move(done));
}

} // namespace isv
