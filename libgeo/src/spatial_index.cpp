#include "geo/spatial_index.h"

#include <algorithm>
#include <bit>
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
    // The items' boxes in leaf order, so a query reads them one after the other.
    std::vector<Box> ordered(items_.size());
    for (std::size_t i = 0; i < items_.size(); ++i)
        ordered[i] = boxes_[items_[i]];
    boxes_ = std::move(ordered);
}

std::vector<std::uint32_t> SpatialIndex::query(const Box& query, double minSize) const {
    std::vector<std::uint32_t> result;
    if (root_ < 0 || query.empty()) return result;
    const auto big = [&](const Box& b) {
        const double w = b.maxx - b.minx, h = b.maxy - b.miny;
        return w >= minSize || h >= minSize || (w == 0 && h == 0);
    };
    const auto inside = [&](const Box& b) {
        return b.minx >= query.minx && b.maxx <= query.maxx && b.miny >= query.miny && b.maxy <= query.maxy;
    };
    // Nodes to visit, with whether the query holds them whole (then their items need no test).
    std::vector<std::pair<std::uint32_t, bool>> stack{{static_cast<std::uint32_t>(root_), false}};
    while (!stack.empty()) {
        const auto [at, whole] = stack.back();
        const Node& node = nodes_[at];
        stack.pop_back();
        if (!whole && !node.box.intersects(query)) continue;
        const bool all = whole || inside(node.box);
        for (std::uint32_t k = node.first; k < node.first + node.count; ++k) {
            if (!node.leaf)
                stack.emplace_back(k, all);
            else if ((all || boxes_[k].intersects(query)) && big(boxes_[k]))
                result.push_back(items_[k]);
        }
    }
    // In id order. Many hits (a view of a whole world file) are ordered through a bitmap of all ids, which
    // costs a pass over count_ / 64 words instead of a sort of the hits.
    if (result.size() < count_ / 64) {
        std::sort(result.begin(), result.end());
        return result;
    }
    std::vector<std::uint64_t> bits((count_ + 63) / 64);
    for (const std::uint32_t id : result)
        bits[id >> 6] |= std::uint64_t{1} << (id & 63);
    std::size_t n = 0;
    for (std::size_t w = 0; w < bits.size(); ++w)
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
            result[n++] =
                static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(word)));
    return result;
}

} // namespace geo
