#pragma once
// FileLoader: opens vector files and switches projections in the background, one request at a time.
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>

namespace isv {

class Scene;

/// One piece of background work: add `files` over the current scene, or (crs non-empty) prepare the scene
/// again in `crs` with the shipped data and every file added so far.
struct LoadRequest {
    QStringList files;
    QString crs;
};

/// How a file or a projection switch ended.
enum class LoadStatus { Opened, Failed, Cancelled };

/// One file of a request: its status, the message shown on failure, and when opened its feature count
/// (all its layers), the titles of the layers it added and its load report (what was left out).
struct FileOutcome {
    QString path;
    LoadStatus status = LoadStatus::Failed;
    QString message;
    std::size_t features = 0;
    QStringList layers;
    QStringList notes;
};

/// What a request came to. `scene` is the scene afterwards (== `before` when nothing changed).
struct LoadResult {
    LoadRequest request;
    std::shared_ptr<const Scene> before;
    std::shared_ptr<const Scene> scene;
    LoadStatus status = LoadStatus::Opened; ///< a projection switch's own status (Opened for file opens)
    QString message;                        ///< why a projection switch failed
    QList<FileOutcome> files;
    bool coarseShown = false; ///< coarseReady was emitted for this request
};

/// The files a scene's added layers came from, in the order they were added.
QStringList addedFiles(const Scene& scene);

/// Runs LoadRequests one after another on a worker of its own (QtConcurrent), over the scene `current`
/// returns when each starts. Big files are shown coarsely first (coarseReady), then in full. Reports on the
/// thread it lives in; an exception in the work becomes a failure, never a crash. Not thread-safe itself.
class FileLoader : public QObject {
    Q_OBJECT
  public:
    using SceneSource = std::function<std::shared_ptr<const Scene>()>;
    explicit FileLoader(SceneSource current, QObject* parent = nullptr);
    /// Cancels and waits for the running request (its results are dropped).
    ~FileLoader() override;

    /// Queues a request; it starts at once when nothing runs.
    void request(LoadRequest request);
    /// Drops the waiting requests and stops the running one; nothing more is reported for them.
    void cancel();
    bool isBusy() const { return busy_; }
    /// The running request (valid while isBusy()).
    const LoadRequest& running() const { return running_; }
    int waiting() const { return int(queue_.size()); }

  signals:
    /// A big file's first, coarse look (its layer gets the same key in the full scene that follows).
    void coarseReady(std::shared_ptr<const isv::Scene> scene);
    /// A message for the user, one per failed file or failed projection switch, before finished().
    void failed(const isv::LoadRequest& request, const QString& message);
    /// A request is done (not emitted for cancelled ones).
    void finished(const isv::LoadResult& result);
    /// The running request or the queue changed (for a status line).
    void queueChanged();

  private:
    void startNext();
    void onDone();

    SceneSource current_;
    std::deque<LoadRequest> queue_;
    LoadRequest running_;
    bool busy_ = false;
    std::shared_ptr<std::atomic<bool>> cancel_; // the running request's flag
    QThreadPool pool_;
    QFutureWatcher<LoadResult> watcher_;
};

} // namespace isv
