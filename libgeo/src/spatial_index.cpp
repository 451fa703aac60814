#include "geo/spatial_index.h"

#include <cmath>
#include <numeric>

namespace geo {
namespace {

Point centre(const Box& b) {
    return b.empty() ? Point{} : b.center();
}

// Sort-tile-recursive order of `boxes`: slices by centre x, each slice sorted by centre y. Consecutive
// runs of `nodeSize` in the result never straddle two slices, so they can become one node each.
std::vector<std::uint32_t> strOrder(const std::vector<Box>& boxes, std::size_t nodeSize) {
    std::vector<std::uint32_t> order(boxes.size());
    std::iota(order.begin(), order.end(), 0U);
    const auto byX = [&](std::uint32_t a, std::uint32_t b) {
        return centre(boxes[a]).x < centre(boxes[b]).x;
    };
    const auto byY = [&](std::uint32_t a, std::uint32_t b) {
        return centre(boxes[a]).y < centre(boxes[b]).y;
    };
    std::sort(order.begin(), order.end(), byX);
    const auto nodes = static_cast<std::size_t>(std::ceil(double(boxes.size()) / double(nodeSize)));
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(double(nodes))));
    const std::size_t sliceSize =
        nodeSize * static_cast<std::size_t>(std::ceil(double(nodes) / double(slices)));
    for (std::size_t s = 0; s < order.size(); s += sliceSize) {
        const auto end = order.begin() + static_cast<std::ptrdiff_t>(std::min(s + sliceSize, order.size()));
        std::sort(order.begin() + static_cast<std::ptrdiff_t>(s), end, byY);
    }
    return order;
}

} // namespace

SpatialIndex::SpatialIndex(const std::vector<Box>& boxes, int nodeSize)
    : SpatialIndex(std::vector<Box>(boxes), nodeSize) {}

SpatialIndex::SpatialIndex(std::vector<Box>&& list, int nodeSize)
    : boxes_(std::move(list)), count_(boxes_.size()) {
    const std::vector<Box>& boxes = boxes_;
    if (boxes.empty()) return;
    const auto ns = static_cast<std::size_t>(std::clamp(nodeSize, 2, 1 << 16));

    // Leaves: runs of items in STR order.
    items_ = strOrder(boxes, ns);
    std::vector<Node> level;
    for (std::size_t i = 0; i < items_.size(); i += ns) {
        Node node{{},
                  static_cast<std::uint32_t>(i),
                  static_cast<std::uint32_t>(std::min(ns, items_.size() - i)),
                  true};
        for (std::uint32_t k = 0; k < node.count; ++k)
            node.box.expand(boxes[items_[i + k]]);
        level.push_back(node);
    }
    // Upper levels: STR-sort the nodes of a level, store them, and group runs under new parents.
    while (level.size() > 1) {
        std::vector<Box> levelBoxes;
        levelBoxes.reserve(level.size());
        for (const Node& node : level)
            levelBoxes.push_back(node.box);
        const auto base = static_cast<std::uint32_t>(nodes_.size());
        for (std::uint32_t i : strOrder(levelBoxes, ns))
            nodes_.push_back(level[i]);
        std::vector<Node> parents;
        for (std::size_t i = 0; i < level.size(); i += ns) {
            Node node{{},
                      base + static_cast<std::uint32_t>(i),
                      static_cast<std::uint32_t>(std::min(ns, level.size() - i)),
                      false};
            for (std::uint32_t k = 0; k < node.count; ++k)
                node.box.expand(nodes_[node.first + k].box);
            parents.push_back(node);
        }
        level = std::move(parents);
    }
    root_ = static_cast<int>(nodes_.size());
    nodes_.push_back(level.front());
}

std::vector<std::uint32_t> SpatialIndex::query(const Box& query) const {
    std::vector<std::uint32_t> result;
    if (root_ < 0 || query.empty()) return result;
    std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(root_)};
    while (!stack.empty()) {
        const Node& node = nodes_[stack.back()];
        stack.pop_back();
        if (!node.box.intersects(query)) continue;
        for (std::uint32_t k = node.first; k < node.first + node.count; ++k) {
            if (!node.leaf)
                stack.push_back(k);
            else if (boxes_[items_[k]].intersects(query))
                result.push_back(items_[k]);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace geo
