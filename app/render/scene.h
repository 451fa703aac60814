#pragma once
// Scene: everything prepared once per dataset and projection (projected geometry, levels of detail, spatial
// index, label anchors). Immutable after build; share as shared_ptr<const Scene> across threads.
#include <geo/layer.h>
#include <geo/map_data.h>
#include <geo/result.h>
#include <geo/spatial_index.h>

#include <QPolygonF>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace isv {

inline constexpr int kLevels = 5; ///< levels of detail: tolerance 0, 1, 4, 16, 64 × kBaseToleranceM
inline constexpr double kBaseToleranceM = 10.0;

/// One ring or line of a prepared layer, projected, at every level of detail.
struct ScenePart {
    geo::Box box;                           ///< projected bounds (metres)
    std::array<QPolygonF, kLevels> lods;    ///< level 0 = all vertices
    std::uint32_t feature = 0;              ///< index into the source layer's features
    bool closed = false;
};

/// A prepared layer: source attributes + projected parts + an index over the parts.
struct SceneLayer {
    QString key;                            ///< "land", "lakes", "borders", "claims", or an added file's name
    QString title;                          ///< shown in the layers panel and legend
    std::shared_ptr<const geo::Layer> source;
    geo::GeometryType type = geo::GeometryType::None;
    std::vector<ScenePart> parts;
    geo::SpatialIndex index;
    geo::Box bounds;
    bool added = false;                     ///< came from File → Open / --add
};

/// Where a place's label may go.
struct LabelAnchor {
    QString id;
    QString kind;
    int priority = 5;
    QPointF pos;                            ///< projected metres
    double sizeM = 0;                       ///< the place's extent (metres): labels show only if it is visible
};

class Scene {
  public:
    /// Projects and prepares `data` (and any added layers) in `crs`. Fails naming the CRS if PROJ refuses it.
    static geo::Result<std::shared_ptr<const Scene>> build(std::shared_ptr<const geo::MapData> data,
                                                           const std::string& crs,
                                                           std::vector<std::shared_ptr<const geo::Layer>> added = {});
    /// A new scene sharing this one's prepared layers plus one more added layer.
    geo::Result<std::shared_ptr<const Scene>> withLayer(std::shared_ptr<const geo::Layer> layer) const;

    const geo::MapData& data() const { return *data_; }
    std::shared_ptr<const geo::MapData> dataPtr() const { return data_; }
    const std::string& crs() const { return crs_; }
    const std::vector<std::shared_ptr<const SceneLayer>>& layers() const { return layers_; }
    const SceneLayer* layer(const QString& key) const;
    const std::vector<LabelAnchor>& anchors() const { return anchors_; }
    /// Projected bounds of the shipped land.
    geo::Box homeBounds() const { return home_; }
    /// Projected bounds of a place's polygons (a group includes its islets); empty if unknown.
    geo::Box placeBounds(const QString& id) const;
    /// The id of the land polygon under a projected point, or "" (sea).
    QString placeAt(geo::Point xy) const;
    /// Lon/lat degrees -> projected metres and back (thread-safe: uses a per-thread projector).
    geo::Point project(geo::Point lonlat) const;
    geo::Point unproject(geo::Point xy) const;

  private:
    std::shared_ptr<const geo::MapData> data_;
    std::string crs_;
    std::vector<std::shared_ptr<const SceneLayer>> layers_;
    std::vector<LabelAnchor> anchors_;
    geo::Box home_;
};

} // namespace isv
