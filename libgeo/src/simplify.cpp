#include "geo/simplify.h"

#include <algorithm>
#include <array>
#include <utility>

namespace geo {
namespace {

// Douglas–Peucker over the sub-sequence idx[first..last] of `pts`, marking kept positions of `idx`. Distances
// are to the segment, not the infinite line, so the tolerance bounds the true deviation of every dropped
// point from the simplified path.
//
// Its work is bounded: Douglas–Peucker takes quadratic time when each split falls near an end (a ring of
// long zigzag edges, where every point is kept: 100,000 points took minutes). Past kWorkPerPoint distance
// tests per point, the segments still to split are thinned radially instead (a point goes when it is within
// the tolerance of the last one kept, so it is within the tolerance of the simplified path too): linear,
// and never looser than asked. Natural lines take a few tens of tests per point and never get there.
constexpr std::size_t kWorkPerPoint = 64;

void douglasPeucker(const Path& pts, const std::vector<std::uint32_t>& idx, std::size_t first,
                    std::size_t last, double sqTol, std::vector<bool>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    std::size_t budget = kWorkPerPoint * (last - first + 1);
    while (!stack.empty()) {
        const auto [i, j] = stack.back();
        stack.pop_back();
        if (j - i > budget) {
            for (std::size_t k = i + 1, kept = i; k < j; ++k)
                if (squaredDistance(pts[idx[k]], pts[idx[kept]]) > sqTol) keep[k] = true, kept = k;
            continue;
        }
        budget -= j - i;
        double maxD = -1;
        std::size_t index = i;
        for (std::size_t k = i + 1; k < j; ++k) {
            const double d = squaredSegmentDistance(pts[idx[k]], pts[idx[i]], pts[idx[j]]);
            if (d > maxD) {
                maxD = d;
                index = k;
            }
        }
        if (maxD > sqTol) {
            keep[index] = true;
            stack.emplace_back(i, index);
            stack.emplace_back(index, j);
        }
    }
}

// Douglas–Peucker over the index range [first, last] of `pts` taken modulo its size, marking kept points:
// the sub-sequence variant above over the indices of that range.
void douglasPeucker(const Path& pts, std::size_t first, std::size_t last, double sqTol,
                    std::vector<bool>& keep) {
    std::vector<std::uint32_t> idx;
    idx.reserve(last - first + 1);
    for (std::size_t k = first; k <= last; ++k)
        idx.push_back(static_cast<std::uint32_t>(k % pts.size()));
    std::vector<bool> kept(idx.size(), false);
    douglasPeucker(pts, idx, 0, idx.size() - 1, sqTol, kept);
    for (std::size_t p = 0; p < idx.size(); ++p)
        if (kept[p]) keep[idx[p]] = true;
}

double cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Indices of the two points farthest apart: convex hull (monotone chain) then rotating calipers.
std::pair<std::size_t, std::size_t> diameter(const Path& pts) {
    std::vector<std::size_t> order(pts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return pts[a].x < pts[b].x || (pts[a].x == pts[b].x && pts[a].y < pts[b].y);
    });
    std::vector<std::size_t> hull(2 * order.size());
    std::size_t k = 0;
    for (const std::size_t index : order) {
        while (k >= 2 && cross(pts[hull[k - 2]], pts[hull[k - 1]], pts[index]) <= 0)
            --k;
        hull[k++] = index;
    }
    for (std::size_t i = order.size() - 1, lower = k + 1; i-- > 0;) {
        while (k >= lower && cross(pts[hull[k - 2]], pts[hull[k - 1]], pts[order[i]]) <= 0)
            --k;
        hull[k++] = order[i];
    }
    hull.resize(k > 1 ? k - 1 : k);
    if (hull.size() < 2) return {order.front(), order.back()};

    std::pair<std::size_t, std::size_t> best{hull[0], hull[1]};
    double bestD = -1;
    const std::size_t h = hull.size();
    for (std::size_t i = 0, j = 1; i < h; ++i) {
        const Point a = pts[hull[i]];
        const Point b = pts[hull[(i + 1) % h]];
        while (cross(a, b, pts[hull[(j + 1) % h]]) > cross(a, b, pts[hull[j]]))
            j = (j + 1) % h;
        for (std::size_t c : {hull[i], hull[(i + 1) % h]}) {
            if (const double d = squaredDistance(pts[c], pts[hull[j]]); d > bestD) {
                bestD = d;
                best = {c, hull[j]};
            }
        }
    }
    return best;
}

} // namespace

std::vector<std::uint8_t> simplifyLevels(const Path& path, bool closed,
                                         const std::vector<double>& tolerances) {
    const std::size_t n = path.size();
    std::vector<std::uint8_t> level(n, 0);
    if (n == 0) return level;
    // Anchors stay at every level: a path's end points; a ring's extreme points in x (or y) and the point
    // farthest from the line through them, found in linear time (a ring of a million points has no time for
    // the exact diameter).
    std::vector<std::size_t> anchors;
    if (!closed || n <= 3) {
        anchors = {0, n - 1};
    } else {
        const auto [minX, maxX] =
            std::minmax_element(path.begin(), path.end(), [](Point p, Point q) { return p.x < q.x; });
        const auto [minY, maxY] =
            std::minmax_element(path.begin(), path.end(), [](Point p, Point q) { return p.y < q.y; });
        const bool wide = maxX->x - minX->x >= maxY->y - minY->y;
        std::size_t a = static_cast<std::size_t>((wide ? minX : minY) - path.begin());
        std::size_t b = static_cast<std::size_t>((wide ? maxX : maxY) - path.begin());
        if (a == b) b = (a + 1) % n;
        std::size_t c = a == 0 || b == 0 ? (a == 1 || b == 1 ? 2 : 1) : 0;
        double farthest = -1;
        for (std::size_t i = 0; i < n; ++i)
            if (i != a && i != b)
                if (const double d = squaredSegmentDistance(path[i], path[a], path[b]); d > farthest)
                    farthest = d, c = i;
        anchors = {a, b, c};
        std::sort(anchors.begin(), anchors.end());
    }
    std::vector<std::uint32_t> idx(n); // the points of the current level, in order
    for (std::size_t i = 0; i < n; ++i)
        idx[i] = static_cast<std::uint32_t>(i);
    double done = 0;
    for (std::size_t k = 0; k < tolerances.size(); ++k) {
        const double step = std::max(0.0, tolerances[k] - done);
        done = std::max(done, tolerances[k]);
        if (n <= 3 || idx.size() <= anchors.size()) { // nothing left to drop
            for (auto i : idx)
                level[i] = static_cast<std::uint8_t>(k + 1);
            continue;
        }
        if (k == 0) {
            // The first level keeps most points of a detailed coastline (GSHHG: 96 % at 10 m), where
            // Douglas–Peucker is slowest: drop points closer than the tolerance to the last one kept
            // instead, in linear time. Every dropped point is within the tolerance of a kept one.
            std::vector<std::uint32_t> next;
            std::size_t a = 0;
            for (std::size_t p = 0; p < idx.size(); ++p) {
                const bool anchor = a < anchors.size() && idx[p] == anchors[a];
                if (anchor) ++a;
                if (anchor || next.empty() || squaredDistance(path[idx[p]], path[next.back()]) > step * step)
                    next.push_back(idx[p]), level[idx[p]] = 1;
            }
            idx = std::move(next);
            continue;
        }
        // Anchor positions within idx; a ring's last arc wraps round through the first anchor.
        std::vector<std::size_t> at;
        for (std::size_t a : anchors)
            at.push_back(static_cast<std::size_t>(std::lower_bound(idx.begin(), idx.end(), a) - idx.begin()));
        std::vector<bool> keep(idx.size(), false);
        for (auto p : at)
            keep[p] = true;
        for (std::size_t s = 0; s + 1 < at.size(); ++s)
            douglasPeucker(path, idx, at[s], at[s + 1], step * step, keep);
        if (closed) {
            std::vector<std::uint32_t> wrapped(idx.begin() + static_cast<std::ptrdiff_t>(at.back()),
                                               idx.end());
            wrapped.insert(wrapped.end(), idx.begin(),
                           idx.begin() + static_cast<std::ptrdiff_t>(at.front()) + 1);
            std::vector<bool> wkeep(wrapped.size(), false);
            douglasPeucker(path, wrapped, 0, wrapped.size() - 1, step * step, wkeep);
            for (std::size_t w = 0; w < wrapped.size(); ++w)
                if (wkeep[w]) keep[(at.back() + w) % idx.size()] = true;
        }
        std::vector<std::uint32_t> next;
        for (std::size_t p = 0; p < idx.size(); ++p)
            if (keep[p]) next.push_back(idx[p]), level[idx[p]] = static_cast<std::uint8_t>(k + 1);
        idx = std::move(next);
    }
    return level;
}

Path simplifyPath(const Path& path, double tolerance) {
    if (path.size() <= 2) return path;
    std::vector<bool> keep(path.size(), false);
    keep.front() = keep.back() = true;
    douglasPeucker(path, 0, path.size() - 1, tolerance * tolerance, keep);
    Path out;
    for (std::size_t i = 0; i < path.size(); ++i)
        if (keep[i]) out.push_back(path[i]);
    return out;
}

Path simplifyRing(const Path& ring, double tolerance) {
    const std::size_t n = ring.size();
    if (n <= 3) return ring;
    // Three anchors that span the ring (the diameter and the point farthest from it) keep even a tiny
    // island a triangle, and split the ring into arcs that ordinary Douglas–Peucker can handle.
    auto [a, b] = diameter(ring);
    if (a == b) b = (a + 1) % n;
    std::size_t c = a;
    double farthest = -1;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == a || i == b) continue;
        if (const double d = squaredSegmentDistance(ring[i], ring[a], ring[b]); d > farthest) {
            farthest = d;
            c = i;
        }
    }
    std::array<std::size_t, 3> anchors{a, b, c};
    std::sort(anchors.begin(), anchors.end());

    std::vector<bool> keep(n, false);
    for (std::size_t i : anchors)
        keep[i] = true;
    const double sqTol = tolerance * tolerance;
    douglasPeucker(ring, anchors[0], anchors[1], sqTol, keep);
    douglasPeucker(ring, anchors[1], anchors[2], sqTol, keep);
    douglasPeucker(ring, anchors[2], anchors[0] + n, sqTol, keep);
    Path out;
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i]) out.push_back(ring[i]);
    return out;
}

Path thinThenSimplify(const Path& path, bool closed, double tolerance, double radius) {
    // Radial thinning is linear and drops most of a detailed coastline's points at coarse tolerances, so
    // Douglas–Peucker (slower) only sees what is left.
    Path thin;
    thin.reserve(path.size() / 4 + 4);
    for (const Point& q : path)
        if (thin.empty() || squaredDistance(q, thin.back()) > radius * radius) thin.push_back(q);
    if (!closed && !(thin.back() == path.back())) thin.push_back(path.back()); // a line keeps its ends
    if (closed && thin.size() < 3) return simplifyRing(path, tolerance);
    return closed ? simplifyRing(thin, tolerance - radius) : simplifyPath(thin, tolerance - radius);
}

} // namespace geo
