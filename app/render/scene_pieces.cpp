#include "scene_pieces.h"

#include "scene.h"

#include <geo/clip.h>
#include <geo/simplify.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <span>

namespace isv::detail {

namespace {

// One run of a projected path, stored at every level of detail. With FileOptions::minLevel, the run is first
// simplified straight to that level's tolerance (thinned by a quarter of it, then Douglas–Peucker to the
// rest: most of a detailed coastline's points go in linear time), and the coarser levels from it by the rest
// of theirs, so each stays within its own of the full line: finer levels are never drawn, and the nested
// levels of a continent cost most of an export's time. The points only finer levels keep are then dropped.
void addRun(geo::Path&& p, bool closed, int minLevel, std::vector<Piece>& out) {
    if (p.size() < (closed ? 3u : 2u)) return;
    if (minLevel > 0) {
        const double tolerance = levelToleranceM(minLevel);
        p = geo::thinThenSimplify(p, closed, tolerance, tolerance / 4);
    }
    std::vector<std::uint8_t> level = geo::simplifyLevels(p, closed, levelTolerances(minLevel));
    if (minLevel > 0) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (level[i] >= minLevel) p[kept] = p[i], level[kept++] = level[i];
        p.resize(kept), level.resize(kept);
        p.shrink_to_fit(), level.shrink_to_fit();
        if (p.size() < (closed ? 3u : 2u)) return;
    }
    out.push_back({std::move(p), closed, std::move(level)});
}

// A local projection (UTM 55N) cannot show the far side of the globe: PROJ returns no point near 90° from
// its meridian, huge ones close to it, and a mirror image beyond. Points it cannot project are dropped and
// edges that jump (far longer projected than on the ground) are cut: the line breaks there, and a ring that
// broke is drawn as open lines, never filled across the gap. A ring whose projection turns the other way
// round than on the globe is a mirror image and is dropped. `ground` holds each edge's length on the
// ground (metres, edge i from point i to i+1), `lonLatArea` the ring's signed area in degrees (0: too little
// to tell which way it turns).
void addPieces(geo::Path path, bool closed, const std::vector<float>& ground, double lonLatArea, int minLevel,
               std::vector<Piece>& out) {
    const auto add = [&](geo::Path&& p, bool c) { addRun(std::move(p), c, minLevel, out); };
    const std::size_t n = path.size();
    const auto finite = [](const geo::Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); };
    const auto cut = [&](std::size_t i) { // edge i -> i+1
        const geo::Point &a = path[i], &b = path[(i + 1) % n];
        return !finite(a) || !finite(b) || std::hypot(b.x - a.x, b.y - a.y) > 50.0 * ground[i] + 50'000;
    };
    const std::size_t edges = closed ? n : n - 1;
    std::size_t first = edges;
    for (std::size_t i = 0; i < edges && first == edges; ++i)
        if (cut(i)) first = i;
    if (first == edges) {
        if (closed && lonLatArea * geo::signedArea(path) < 0) return;
        return add(std::move(path), closed);
    }
    // A ring is walked from just after a cut edge, so that no run wraps past the end.
    const std::size_t start = closed ? (first + 1) % n : 0;
    geo::Path run;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (start + k) % n;
        if (finite(path[i])) run.push_back(path[i]);
        if (k + 1 == n || cut(i)) {
            add(std::move(run), false);
            run.clear();
        }
    }
}

// The pieces of a line near `b`: points inside it and their neighbours.
void clipLine(const geo::Path& line, const geo::Box& b, std::vector<geo::Path>& out) {
    geo::Path piece;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const bool near = b.contains(line[i]) || (i > 0 && b.contains(line[i - 1])) ||
                          (i + 1 < line.size() && b.contains(line[i + 1]));
        if (near) piece.push_back(line[i]);
        if (!near || i + 1 == line.size()) {
            if (piece.size() >= 2) out.push_back(std::move(piece));
            piece.clear();
        }
    }
}

} // namespace

// PROJ objects are not thread-safe: every thread keeps its own projector per CRS.
const geo::Projector* projectorFor(const std::string& crs) {
    thread_local std::map<std::string, geo::Projector> cache;
    auto it = cache.find(crs);
    if (it == cache.end()) {
        auto p = geo::Projector::create(crs);
        if (!p) return nullptr;
        it = cache.emplace(crs, std::move(p).value()).first;
    }
    return &it->second;
}

geo::Error unknownCrs(const std::string& crs) {
    return geo::Error{"display projection '" + crs + "': PROJ does not know this CRS"};
}

const std::vector<double>& levelTolerances(int minLevel) {
    // Levels up to minLevel get none (the path is that level already), each coarser one the rest of its own.
    static const auto table = [] {
        std::array<std::vector<double>, kLevels> t;
        for (int from = 0; from < kLevels; ++from)
            for (int level = 1; level < kLevels; ++level)
                t[static_cast<std::size_t>(from)].push_back(
                    level <= from ? 0.0 : levelToleranceM(level) - levelToleranceM(from));
        return t;
    }();
    return table[static_cast<std::size_t>(std::clamp(minLevel, 0, kLevels - 1))];
}

geo::Geometry coarsen(const geo::Geometry& g, double deg) {
    // Thinned by radial distance first (a point closer than deg/2 to the last one kept goes), then
    // Douglas–Peucker to the other half: most of a detailed coastline's points go in linear time.
    geo::Geometry out;
    out.type = g.type;
    out.points = g.points;
    for (const auto& poly : g.polygons) {
        geo::Polygon kept;
        for (const auto& ring : poly.rings) {
            const geo::Box b = geo::bounds(ring);
            if (ring.size() > 2 && std::max(b.width(), b.height()) < deg) continue;
            kept.rings.push_back(ring.size() > 3 ? geo::thinThenSimplify(ring, true, deg, deg / 2) : ring);
        }
        if (!kept.rings.empty()) out.polygons.push_back(std::move(kept));
    }
    for (const auto& line : g.lines)
        out.lines.push_back(line.size() > 2 ? geo::thinThenSimplify(line, false, deg, deg / 2) : line);
    return out;
}

void clipToBox(geo::Geometry& g, const geo::Box& box) {
    std::erase_if(g.points, [&](const geo::Point& p) { return !box.contains(p); });
    std::vector<geo::Path> lines;
    for (const auto& line : g.lines)
        clipLine(line, box, lines);
    g.lines = std::move(lines);
    geo::Path scratch; // freed on return: a worker clips a continent at most once
    for (auto& poly : g.polygons) {
        for (auto& ring : poly.rings)
            geo::clipRing(ring, box, scratch);
        std::erase_if(poly.rings, [](const geo::Path& r) { return r.size() < 3; });
    }
    std::erase_if(g.polygons, [](const geo::Polygon& p) { return p.rings.empty(); });
}

std::vector<Piece> pieces(geo::Geometry&& g, const geo::Projector& proj, double coarseDeg, int minLevel) {
    if (coarseDeg > 0) g = coarsen(g, coarseDeg);
    std::vector<Piece> out;
    std::vector<float> ground;
    const auto add = [&](geo::Path&& p, bool closed) {
        const std::size_t n = p.size();
        ground.resize(n);
        for (std::size_t i = 0; i < n; ++i) { // equirectangular: plenty to tell a jump from an edge
            const geo::Point &a = p[i], &b = p[(i + 1) % n];
            // Across the antimeridian the short way round (a jump in the map), but along a pole the long
            // way (Antarctica's ring runs along 90°S from 180° to -180°: a real edge in the map).
            const bool pole = std::abs(a.y) > 89.9 && std::abs(b.y) > 89.9;
            const double dlon = pole ? b.x - a.x : std::remainder(b.x - a.x, 360.0);
            const double c = std::max(0.05, std::cos((a.y + b.y) * M_PI / 360));
            ground[i] = static_cast<float>(111'320.0 * std::hypot(dlon * c, b.y - a.y));
        }
        // A ring of next to no area for its size (a zigzag, a sliver) has no turning sense to lose: its sign
        // is rounding, and the projection may give it another. Only a ring of some area can be a mirror.
        double area = closed ? geo::signedArea(p) : 0;
        if (const geo::Box b = geo::bounds(p); std::abs(area) < 1e-3 * b.width() * b.height()) area = 0;
        proj.forward(std::span<geo::Point>(p));
        addPieces(std::move(p), closed, ground, area, minLevel, out);
    };
    for (auto& poly : g.polygons)
        for (auto& ring : poly.rings)
            add(std::move(ring), true);
    for (auto& line : g.lines)
        add(std::move(line), false);
    // A point is one point at every level: simplifying it as a line of two equal points (which an
    // export's minLevel thins to one, then drops) would lose it.
    for (const auto& pt : g.points) {
        geo::Point xy = pt;
        proj.forward(std::span<geo::Point>(&xy, 1));
        if (std::isfinite(xy.x) && std::isfinite(xy.y))
            out.push_back({{xy}, false, {std::uint8_t(kLevels - 1)}, true});
    }
    return out;
}

} // namespace isv::detail
