#pragma once
// A static packed R-tree (sort-tile-recursive) over boxes, for culling and hit-testing.
#include "geo/geometry.h"

#include <cstdint>
#include <vector>

namespace geo {

/// Built once from a list of boxes; item ids are the positions in that list. Immutable, thread-safe.
class SpatialIndex {
  public:
    SpatialIndex() = default;
    explicit SpatialIndex(const std::vector<Box>& boxes, int nodeSize = 16);
    /// The same, taking over `boxes` (no copy of a big list).
    explicit SpatialIndex(std::vector<Box>&& boxes, int nodeSize = 16);
    /// Ids of all items whose box intersects `query`, in ascending order. Items whose box is narrower and
    /// lower than `minSize` are left out (a map view skips what is under half a pixel); points never are.
    std::vector<std::uint32_t> query(const Box& query, double minSize = 0) const;
    std::size_t size() const { return count_; }

  private:
    struct Node {
        Box box;
        std::uint32_t first; // first child (node index) or item index for leaves
        std::uint32_t count;
        bool leaf;
    };
    std::vector<Node> nodes_;
    std::vector<Box> boxes_;
    std::vector<std::uint32_t> items_;
    std::size_t count_ = 0;
    int root_ = -1;
};

} // namespace geo
