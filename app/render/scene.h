#pragma once
// Scene: everything prepared once per dataset and projection (projected geometry, levels of detail, spatial
// index, label anchors). Immutable after build; share as shared_ptr<const Scene> across threads.
#include <geo/layer.h>
#include <geo/map_data.h>
#include <geo/result.h>
#include <geo/spatial_index.h>

#include "map_style.h"

#include <QPolygonF>
#include <QString>
#include <QStringList>
#include <QTransform>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace isv {

inline constexpr int kLevels = 7; ///< levels of detail: tolerance 0, then 1, 4, 16 … 1024 × kBaseToleranceM
inline constexpr double kBaseToleranceM = 10.0;
/// The simplification tolerance of a level of detail (metres): 0, 10, 40, 160, 640, 2560, 10240. The one
/// table: scene preparation simplifies to it, and picking a level for a frame should compare against it.
constexpr double levelToleranceM(int level) {
    return level <= 0 ? 0.0 : kBaseToleranceM * double(1 << (2 * (level - 1)));
}

/// A projected point in single precision, relative to its part's origin (metres): half the memory of
/// doubles, and within a centimetre for parts up to a few hundred kilometres across.
struct PointF {
    float x = 0;
    float y = 0;
};

/// Where one level of detail of a part lies in its layer's point store. The fine levels (below
/// kCopiedLevel) share level 0's points and skip those whose level byte is lower; coarser ones are copies.
struct PartLevel {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    std::uint32_t size() const { return count; }
};

inline constexpr int kCopiedLevel = 4; ///< levels 1..3 keep 30-97 % of GSHHG's points: not worth copying

/// Where every level of detail of a part lies (lods[level] is a PartLevel): level 0's points, then the
/// copies of levels kCopiedLevel and up, one after the other; the levels in between share level 0's points.
/// 32 bytes instead of 56 for seven PartLevels (a world file has 190,000 parts).
class PartLevels {
  public:
    PartLevels() = default;
    PartLevels(std::uint32_t first, const std::array<std::uint32_t, kLevels>& count)
        : first_(first), count_(count) {}
    PartLevel operator[](std::size_t level) const {
        std::uint32_t first = first_;
        if (level >= kCopiedLevel) {
            first += count_[0];
            for (std::size_t l = kCopiedLevel; l < level; ++l)
                first += count_[l];
        }
        return {first, count_[level]};
    }

  private:
    std::uint32_t first_ = 0;
    std::array<std::uint32_t, kLevels> count_{};
};

/// One ring, line or point of a prepared layer, projected, at every level of detail. Levels nest: each
/// keeps a subset of the points of the one before.
struct ScenePart {
    geo::Box box;              ///< projected bounds (metres)
    geo::Point origin;         ///< the points are stored relative to this (metres)
    PartLevels lods;           ///< level 0 = all vertices; see SceneLayer::polygon()
    std::uint32_t feature = 0; ///< index into the source layer's features
    std::int32_t ring = -1;    ///< a long ring's entry in SceneLayer::rings (lods empty), else -1
    bool closed = false;       ///< a ring (filled); lines, points and runs are open
    bool point = false;        ///< a point feature's point: drawn as a dot (one point at every level)
};

/// A ring with more than kLongRing vertices (a continent, a big island): kept as runs of consecutive
/// vertices, each sharing its last point with the next run's first, so that a view costs what it shows: only
/// the runs in view are stroked, and the fill is made from them (see renderMap).
struct SceneRing {
    std::uint32_t firstRun = 0; ///< into SceneLayer::runs
    std::uint32_t runCount = 0;
};
inline constexpr std::uint32_t kRunPoints = 1024;
inline constexpr std::uint32_t kLongRing = 16 * kRunPoints;

/// A prepared layer: source attributes + projected parts + an index over the parts.
struct SceneLayer {
    QString key;   ///< "land", "lakes", "borders", "claims", or an added file's name
    QString title; ///< shown in the layers panel and legend
    /// Attributes; big layers keep no lon/lat geometry here, a coarse pass (FileOptions) no features.
    std::shared_ptr<const geo::Layer> source;
    geo::GeometryType type = geo::GeometryType::None; ///< the kind of the first feature stored
    bool hasPoints = false, hasLines = false,
         hasRings = false; ///< kinds of part it holds (a mixed file: several)
    /// The load report of an added file: what reading it left out or could not read faithfully, one
    /// sentence each naming the file (shown as a warning by the window and the command line).
    QStringList notes;
    std::vector<ScenePart> parts;
    geo::SpatialIndex index; ///< over parts
    geo::Box bounds;
    bool added = false; ///< came from File → Open / --add
    std::vector<SceneRing> rings;
    std::vector<ScenePart> runs; ///< of the long rings, in ring order (open, not in the index)
    /// Edges of this layer's rings that are not coastline (projected metres): where the data's box cut a
    /// ring, it was closed along the box (docs/data.md: Hokkaido at 144.5°E, Urup at 150.5°E). Filled, not
    /// outlined.
    std::vector<std::pair<geo::Point, geo::Point>> notCoast;
    /// Every part's and run's points, in chunks of 2^20 so a big layer grows without copying; beside each
    /// point the highest level that keeps it.
    std::vector<std::vector<PointF>> pointChunks;
    std::vector<std::vector<std::uint8_t>> levelChunks;
    static constexpr int kChunkBits = 20;

    /// The point stored at `index` (PartLevel::first + i), relative to its part's origin.
    const PointF& point(std::uint32_t at) const {
        return pointChunks[at >> kChunkBits][at & ((1u << kChunkBits) - 1)];
    }

    /// A part's (or run's) points at `level`, in projected metres.
    QPolygonF polygon(const ScenePart& part, int level) const;
    /// The same through `t` (projected metres to pixels), appended to `out`.
    void appendMapped(const ScenePart& part, int level, const QTransform& t, QPolygonF& out) const;
};

/// Where a place's label may go.
struct LabelAnchor {
    QString id;
    QString kind;
    int priority = 5;
    QPointF pos;                       ///< projected metres
    std::optional<QPointF> fallback;   ///< projected metres: where to try when `pos` does not fit (the pole
                                       ///< of a place labelled at its point, e.g. Hokkaido in a wide view)
    double sizeM = 0;                  ///< the place's extent (metres): labels show only if it is visible
    const LabelStyle* style = nullptr; ///< its kind's look, resolved from the scene's style when prepared
};

/// A tolerance (degrees) for a quick first look at a whole big file (FileOptions::coarseDeg): about a
/// pixel of a whole-world view a thousand pixels wide is 0.36°; this keeps well under that.
inline constexpr double kCoarseDeg = 0.05;

class Scene;

/// How Scene::withFile reads a file.
struct FileOptions {
    /// Non-empty (lon/lat degrees): keep only what lies in it (cut at its edges), for a single view such
    /// as an export. Give it a margin, as cut polygons run along its edges.
    geo::Box within;
    /// > 0: a coarse pass. Each ring and line is simplified in lon/lat to this tolerance (degrees) before
    /// it is projected, and rings smaller than it are dropped: a first look at a big file, to be replaced
    /// by the full pass (which gives the layer the same key when made from the same scene).
    /// Its layer's source keeps the file's name, path, fields and bounds but no features.
    double coarseDeg = 0;
    /// > 0: only these levels of detail and coarser are ever drawn (a single view such as an export): the
    /// points only finer levels keep are not stored, and every finer level shows this one.
    int minLevel = 0;
    /// Checked while reading and preparing: once true, withFile stops and fails with "PATH: cancelled".
    const std::atomic<bool>* cancel = nullptr;
    /// With coarseDeg > 0: one withFile makes both looks. The coarse scene (as a coarse pass would make
    /// it) goes to this as soon as the file has been read once, on the calling thread, and withFile goes
    /// on to return the full scene (as without coarseDeg), its layer under the same key. Not called if
    /// nothing coarse can be drawn, or if reading fails or is cancelled.
    std::function<void(std::shared_ptr<const Scene>)> onCoarse;
    /// The layer to read; empty: every layer of the file that has geometry, each added as a layer of its
    /// own (titled "file: layer" when the file has several).
    std::string layer;
    /// Points of small features in work at once (beyond one big feature): bounds the memory in transit.
    /// With onCoarse, what does not fit while the file is read the first time is read again after; 0:
    /// everything is (one batch in work at a time).
    std::size_t inFlightPoints = 300'000;
};

/// Process-wide allocator settings that keep Scene::withFile's peak memory low (glibc: the mmap threshold
/// pinned at its default). Call once from main() before any threads start; a no-op elsewhere.
void tuneAllocatorForScenes();

class Scene {
  public:
    /// Projects and prepares `data` in `crs`. Fails naming the CRS if PROJ refuses it.
    static geo::Result<std::shared_ptr<const Scene>> build(std::shared_ptr<const geo::MapData> data,
                                                           const std::string& crs);
    /// A new scene sharing this one's prepared layers plus one more added layer, from a layer already in
    /// memory. A big layer's lon/lat geometry is not kept (the scene keeps its attributes). Files are added
    /// with withFile(), which never holds their lon/lat geometry whole.
    geo::Result<std::shared_ptr<const Scene>> withLayer(std::shared_ptr<const geo::Layer> layer) const;
    /// The same for a file, projected and prepared feature by feature as it is read, so that peak memory
    /// is about the prepared layer's, not twice that. Thread-safe (a scene is immutable); see FileOptions.
    /// Fails like geo::loadLayer, or naming the file if nothing in it can be drawn. Layers of a
    /// several-layer file that fail or hold nothing to draw are skipped and said so in the notes of the
    /// file's last layer added (SceneLayer::notes).
    geo::Result<std::shared_ptr<const Scene>> withFile(const std::string& path,
                                                       const FileOptions& options = {}) const;

    const geo::MapData& data() const { return *data_; }
    std::shared_ptr<const geo::MapData> dataPtr() const { return data_; }
    const std::string& crs() const { return crs_; }
    const std::vector<std::shared_ptr<const SceneLayer>>& layers() const { return layers_; }
    const SceneLayer* layer(const QString& key) const;
    const std::vector<LabelAnchor>& anchors() const { return anchors_; }
    /// The look the scene is drawn in (resources/style.json and worldviews.json unless withStyle() changed
    /// it).
    const MapStyle& style() const { return *style_; }
    /// The same scene drawn in another style.
    std::shared_ptr<const Scene> withStyle(std::shared_ptr<const MapStyle> style) const;
    /// The default view: projected bounds of the land inside geo::kHomeLonLat (of all land if none is).
    geo::Box homeBounds() const { return home_; }
    /// Projected bounds of a place's polygons (a group includes its islets); empty if unknown.
    geo::Box placeBounds(const QString& id) const;
    /// The id of the land polygon under a projected point, or "" (sea).
    QString placeAt(geo::Point xy) const;
    /// Lon/lat degrees -> projected metres and back (thread-safe: uses a per-thread projector).
    geo::Point project(geo::Point lonlat) const;
    geo::Point unproject(geo::Point xy) const;
    /// Projected bounds of a lon/lat box (degrees), following its edges (they curve in the projection);
    /// points the projection cannot show are left out.
    geo::Box projectBox(const geo::Box& lonlat) const;

  private:
    std::shared_ptr<const Scene> withAdded(std::vector<std::shared_ptr<SceneLayer>> layers) const;

    std::shared_ptr<const geo::MapData> data_;
    std::string crs_;
    std::vector<std::shared_ptr<const SceneLayer>> layers_;
    std::vector<LabelAnchor> anchors_;
    geo::Box home_;
    std::shared_ptr<const MapStyle> style_ = MapStyle::shipped();
};

} // namespace isv
