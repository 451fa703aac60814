#include "file_loader.h"

#include <scene.h>

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace isv {

namespace {

// Files bigger than this are shown coarsely first (Scene::withFile with FileOptions::onCoarse) while the
// full detail is prepared: about a million vertices in a Shapefile.
constexpr qint64 kCoarseBytes = 16 << 20;

using SceneResult = geo::Result<std::shared_ptr<const Scene>>;

// Exceptions must not leave the worker (QtConcurrent would rethrow them on the GUI thread): a throwing step
// fails like any other, with what it said.
template <class Step> SceneResult guarded(Step step) {
    try {
        return step();
    } catch (const std::exception& e) {
        return geo::Error{std::string("unexpected error: ") + e.what()};
    } catch (...) {
        return geo::Error{"unexpected error"};
    }
}

// The whole of one request, on the worker. Reads only its copies, the immutable scene and `cancel`.
LoadResult work(LoadRequest request, std::shared_ptr<const Scene> current, const std::atomic<bool>* cancel,
                const std::function<void(std::shared_ptr<const Scene>)>& onCoarse) {
    LoadResult result{request, current, current};
    std::shared_ptr<const Scene> s = current;
    if (!request.crs.isEmpty()) {
        const std::string crs = request.crs.toStdString();
        auto built = guarded([&] { return Scene::build(current->dataPtr(), crs); });
        if (!built) {
            result.status = LoadStatus::Failed;
            result.message = QString::fromStdString(built.error().message);
            return result;
        }
        s = built.value();
    }
    for (const QString& file : request.files) {
        FileOutcome outcome{file};
        if (*cancel) {
            outcome.status = LoadStatus::Cancelled;
            result.files << outcome;
            continue;
        }
        FileOptions options{.cancel = cancel};
        if (QFileInfo(file).size() > kCoarseBytes) {
            options.coarseDeg = kCoarseDeg;
            options.onCoarse = [&](std::shared_ptr<const Scene> coarse) {
                onCoarse(std::move(coarse));
                result.coarseShown = true;
            };
        }
        auto next = guarded([&] { return s->withFile(file.toStdString(), options); });
        if (next) {
            const std::size_t before = s->layers().size();
            s = next.value();
            outcome.status = LoadStatus::Opened;
            for (std::size_t i = before; i < s->layers().size(); ++i) { // a GeoPackage may add several
                const SceneLayer& added = *s->layers()[i];
                if (added.source) outcome.features += added.source->size();
                outcome.layers << added.title;
                outcome.notes << added.notes;
            }
        } else if (*cancel) {
            outcome.status = LoadStatus::Cancelled;
        } else {
            outcome.message =
                QObject::tr("Could not open %1.\n\n%2")
                    .arg(QFileInfo(file).fileName(), QString::fromStdString(next.error().message));
        }
        result.files << outcome;
    }
    result.scene = s;
    return result;
}

// work() with anything it throws outside a step turned into a failed result, so that the future never
// carries an exception to the GUI thread.
LoadResult workGuarded(const LoadRequest& request, const std::shared_ptr<const Scene>& current,
                       const std::atomic<bool>* cancel,
                       const std::function<void(std::shared_ptr<const Scene>)>& onCoarse) {
    QString why;
    try {
        return work(request, current, cancel, onCoarse);
    } catch (const std::exception& e) {
        why = QString::fromLocal8Bit(e.what());
    } catch (...) {
        why = QObject::tr("unknown error");
    }
    LoadResult failed{request, current, current, LoadStatus::Failed,
                      QObject::tr("Unexpected error: %1").arg(why)};
    for (const QString& file : request.files)
        failed.files << FileOutcome{file, LoadStatus::Failed};
    return failed;
}

} // namespace

QStringList addedFiles(const Scene& scene) {
    QStringList files;
    for (const auto& layer : scene.layers())
        if (layer->added && layer->source) files << QString::fromStdString(layer->source->path);
    return files;
}

FileLoader::FileLoader(SceneSource current, QObject* parent) : QObject(parent), current_(std::move(current)) {
    // A pool of its own: a file can take seconds, and Qt's global pool draws the map's stripes.
    pool_.setMaxThreadCount(1);
    connect(&watcher_, &QFutureWatcher<LoadResult>::finished, this, &FileLoader::onDone);
}

FileLoader::~FileLoader() {
    queue_.clear();
    if (cancel_) *cancel_ = true;
    watcher_.disconnect(this);
    watcher_.waitForFinished();
}

void FileLoader::request(LoadRequest request) {
    queue_.push_back(std::move(request));
    if (busy_)
        emit queueChanged();
    else
        startNext();
}

void FileLoader::cancel() {
    queue_.clear();
    if (cancel_) *cancel_ = true;
    emit queueChanged();
}

void FileLoader::startNext() {
    busy_ = false;
    const std::shared_ptr<const Scene> scene = current_();
    while (!queue_.empty()) {
        running_ = std::move(queue_.front());
        queue_.pop_front();
        if (running_.crs.isEmpty() || !scene || running_.crs.toStdString() != scene->crs()) break;
        // Already in that projection (e.g. chosen twice): done without work.
        emit finished(LoadResult{running_, scene, scene});
        running_ = {};
    }
    if (running_.files.isEmpty() && running_.crs.isEmpty()) return emit queueChanged();
    // A projection switch takes the added files as they are once the requests before it are done.
    if (!running_.crs.isEmpty()) running_.files = addedFiles(*scene);
    busy_ = true;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    // The coarse look is handed over through a queued call, dropped if the request is cancelled meanwhile
    // (or with the loader, whose destructor waits for the worker first).
    const auto onCoarse = [this, cancel = cancel_](std::shared_ptr<const Scene> coarse) {
        QMetaObject::invokeMethod(
            this,
            [this, cancel, coarse] {
                if (!*cancel) emit coarseReady(coarse);
            },
            Qt::QueuedConnection);
    };
    watcher_.setFuture(QtConcurrent::run(&pool_, [request = running_, scene, cancel = cancel_, onCoarse] {
        return workGuarded(request, scene, cancel.get(), onCoarse);
    }));
    emit queueChanged();
}

void FileLoader::onDone() {
    const bool cancelled = *cancel_;
    const LoadResult result = watcher_.result();
    running_ = {};
    if (!cancelled) {
        if (result.status == LoadStatus::Failed) emit failed(result.request, result.message);
        for (const FileOutcome& f : result.files)
            if (f.status == LoadStatus::Failed && !f.message.isEmpty())
                emit failed(result.request, f.message);
        emit finished(result);
    }
    startNext();
}

} // namespace isv
