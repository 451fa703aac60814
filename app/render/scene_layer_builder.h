#pragma once
// Inside app/render: SceneLayerBuilder, which stores prepared pieces in a SceneLayer (the chunked point
// store, its parts and long rings' runs, the spatial index), and the layer descriptions scenes share.
#include "scene.h"
#include "scene_pieces.h"

#include <geo/layer.h>
#include <geo/projection.h>

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace isv::detail {

/// Builds a SceneLayer from projected pieces, feature by feature, then finish() once. Not thread-safe:
/// callers that prepare on several threads serialise add().
class SceneLayerBuilder {
  public:
    explicit SceneLayerBuilder(SceneLayer& layer) : layer_(layer) {}

    /// Projects and prepares one feature (lon/lat) and stores it.
    void add(std::uint32_t feature, geo::Geometry lonLat, const geo::Projector& proj);
    /// Stores one feature's prepared pieces; features may come in any order.
    void add(std::uint32_t feature, geo::GeometryType type, const std::vector<Piece>& pieces);
    /// Puts the parts in feature order, at their exact size, and indexes them.
    void finish();

  private:
    void addPiece(const Piece& piece, std::uint32_t feature);
    void store(ScenePart& part, const geo::Path& path, const std::vector<std::uint8_t>& level,
               std::size_t from, std::size_t to, bool ends);
    void addPart(const ScenePart& part);

    static constexpr std::size_t kPartChunk = 4096; // 390 kB: above glibc's mmap threshold
    SceneLayer& layer_;
    std::vector<std::vector<ScenePart>> parts_;
    std::vector<std::size_t> coarse_;
};

/// A layer's description (name, path, CRS, fields, bounds), without its features or attributes.
std::shared_ptr<geo::Layer> describedLayer(const geo::Layer& layer);

/// A key for `layer` that no layer of `scene` has: the file's base name (and ": layer name" with
/// `withLayerName`, for a file of several layers), with " (2)" etc. if taken.
QString uniqueLayerKey(const Scene& scene, const geo::Layer& layer, bool withLayerName = false);

} // namespace isv::detail
