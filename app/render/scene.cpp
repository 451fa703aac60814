#include "scene.h"

#include <geo/label_anchor.h>
#include <geo/projection.h>
#include <geo/simplify.h>

#include <QFileInfo>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <numeric>
#include <span>
#include <thread>
#include <tuple>
#include <utility>

namespace isv {

namespace {

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

const std::vector<double>& tolerances() {
    static const std::vector<double> t = [] {
        std::vector<double> v;
        for (int level = 1; level < kLevels; ++level)
            v.push_back(levelToleranceM(level));
        return v;
    }();
    return t;
}

// With FileOptions::minLevel, a path is first simplified straight to that level's tolerance, and the
// coarser levels from it by the rest of theirs (so each stays within its own of the full line): finer
// levels are never drawn, and the nested levels of a continent cost most of an export's time.
// The tolerances to pass simplifyLevels for such a path: none for the levels up to minLevel (the path is
// that level already), then each coarser level's less minLevel's.
std::vector<double> tolerancesFrom(int minLevel) {
    std::vector<double> t;
    for (int level = 1; level < kLevels; ++level)
        t.push_back(level <= minLevel ? 0.0 : levelToleranceM(level) - levelToleranceM(minLevel));
    return t;
}

// A path (projected metres) within `tolerance` of `p`: points closer than a quarter of it to the last one
// kept dropped first (linear: most of a detailed coastline's points at the coarse levels), then
// Douglas–Peucker to the other three quarters. A ring keeps three anchors (never below a triangle).
geo::Path reduce(const geo::Path& p, bool closed, double tolerance) {
    const double r = tolerance / 4;
    geo::Path thin;
    thin.reserve(p.size() / 4 + 4);
    for (const geo::Point& q : p) {
        if (!thin.empty()) {
            const double dx = q.x - thin.back().x, dy = q.y - thin.back().y;
            if (dx * dx + dy * dy <= r * r) continue;
        }
        thin.push_back(q);
    }
    if (!closed && !(thin.back() == p.back())) thin.push_back(p.back()); // a line keeps its ends
    if (closed && thin.size() < 3) return geo::simplifyRing(p, tolerance);
    return closed ? geo::simplifyRing(thin, tolerance - r) : geo::simplifyPath(thin, tolerance - r);
}

// One ring or line ready to store: projected, with its level of detail per point.
struct Piece {
    geo::Path path;
    bool closed = false;
    std::vector<std::uint8_t> level;
};

// A local projection (UTM 55N) cannot show the far side of the globe: PROJ returns no point near 90° from
// its meridian, huge ones close to it, and a mirror image beyond. Points it cannot project are dropped and
// edges that jump (far longer projected than on the ground) are cut: the line breaks there, and a ring that
// broke is drawn as open lines, never filled across the gap. A ring whose projection turns the other way
// round than on the globe is a mirror image and is dropped. `ground` holds each edge's length on the
// ground (metres, edge i from point i to i+1), `lonLatArea` the ring's signed area in degrees.
// Points below `minLevel` are dropped (FileOptions::minLevel).
void addPieces(geo::Path path, bool closed, const std::vector<float>& ground, double lonLatArea, int minLevel,
               std::vector<Piece>& out) {
    const auto add = [&](geo::Path&& p, bool c) {
        if (p.size() < (c ? 3u : 2u)) return;
        if (minLevel > 0) p = reduce(p, c, levelToleranceM(minLevel));
        std::vector<std::uint8_t> level =
            geo::simplifyLevels(p, c, minLevel > 0 ? tolerancesFrom(minLevel) : tolerances());
        if (minLevel > 0) {
            std::size_t kept = 0;
            for (std::size_t i = 0; i < p.size(); ++i)
                if (level[i] >= minLevel) p[kept] = p[i], level[kept++] = level[i];
            p.resize(kept), level.resize(kept);
            p.shrink_to_fit(), level.shrink_to_fit();
            if (p.size() < (c ? 3u : 2u)) return;
        }
        out.push_back({std::move(p), c, std::move(level)});
    };
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

// A quick first look at `g` (lon/lat; FileOptions::coarseDeg): rings smaller than `deg` are dropped, the
// rest thinned by radial distance (a point closer than deg/2 to the last one kept goes: linear, and most
// of a detailed coastline's points) and then simplified by Douglas–Peucker to deg/2, so every point of
// the original stays within `deg` of the result. Copies only what it keeps.
geo::Geometry coarsen(const geo::Geometry& g, double deg) {
    geo::Geometry out;
    out.type = g.type;
    out.points = g.points;
    const double r2 = deg * deg / 4;
    const auto thin = [&](const geo::Path& p, bool closed) {
        geo::Path kept;
        for (const geo::Point& q : p) {
            const double dx = q.x - (kept.empty() ? 0 : kept.back().x);
            const double dy = q.y - (kept.empty() ? 0 : kept.back().y);
            if (kept.empty() || dx * dx + dy * dy > r2) kept.push_back(q);
        }
        if (!closed) {
            if (!(kept.back() == p.back())) kept.push_back(p.back()); // a line keeps its ends
            return geo::simplifyPath(kept, deg / 2);
        }
        // A ring thinned below a triangle (barely bigger than `deg`) is simplified whole instead.
        return kept.size() < 3 ? geo::simplifyRing(p, deg) : geo::simplifyRing(kept, deg / 2);
    };
    for (const auto& poly : g.polygons) {
        geo::Polygon kept;
        for (const auto& ring : poly.rings) {
            const geo::Box b = geo::bounds(ring);
            if (ring.size() > 2 && std::max(b.width(), b.height()) < deg) continue;
            kept.rings.push_back(ring.size() > 3 ? thin(ring, true) : ring);
        }
        if (!kept.rings.empty()) out.polygons.push_back(std::move(kept));
    }
    for (const auto& line : g.lines)
        out.lines.push_back(line.size() > 2 ? thin(line, false) : line);
    return out;
}

// Projects `g` (lon/lat) and cuts it into pieces ready to store. Thread-safe; simplifying is most of the
// work of preparing a layer. With `coarseDeg` > 0, it is coarsen()ed first (FileOptions::coarseDeg).
std::vector<Piece> pieces(geo::Geometry&& g, const geo::Projector& proj, double coarseDeg = 0,
                          int minLevel = 0) {
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
        const double area = closed ? geo::signedArea(p) : 0;
        proj.forward(std::span<geo::Point>(p));
        addPieces(std::move(p), closed, ground, area, minLevel, out);
    };
    for (auto& poly : g.polygons)
        for (auto& ring : poly.rings)
            add(std::move(ring), true);
    for (auto& line : g.lines)
        add(std::move(line), false);
    for (const auto& pt : g.points)
        add(geo::Path{pt, pt}, false);
    return out;
}

// The part of a ring inside `b` (Sutherland–Hodgman, one side at a time). Where the ring goes round the
// box, the result runs along its sides: callers pass a box well beyond what is drawn.
geo::Path clipRing(geo::Path ring, const geo::Box& b) {
    const geo::Box rb = geo::bounds(ring);
    if (b.contains({rb.minx, rb.miny}) && b.contains({rb.maxx, rb.maxy})) return ring;
    if (!b.intersects(rb)) return {};
    for (int side = 0; side < 4 && !ring.empty(); ++side) {
        const auto inside = [&](const geo::Point& p) {
            return side == 0   ? p.x >= b.minx
                   : side == 1 ? p.x <= b.maxx
                   : side == 2 ? p.y >= b.miny
                               : p.y <= b.maxy;
        };
        const auto cut = [&](const geo::Point& p, const geo::Point& q) {
            const double t = side < 2 ? ((side == 0 ? b.minx : b.maxx) - p.x) / (q.x - p.x)
                                      : ((side == 2 ? b.miny : b.maxy) - p.y) / (q.y - p.y);
            return geo::Point{p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
        };
        geo::Path out;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const geo::Point& p = ring[i];
            const geo::Point& q = ring[(i + 1) % ring.size()];
            if (inside(p)) out.push_back(p);
            if (inside(p) != inside(q)) out.push_back(cut(p, q));
        }
        ring = std::move(out);
    }
    return ring;
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

// Keeps what of `g` (lon/lat) lies in `b`.
void clip(geo::Geometry& g, const geo::Box& b) {
    std::erase_if(g.points, [&](const geo::Point& p) { return !b.contains(p); });
    std::vector<geo::Path> lines;
    for (const auto& line : g.lines)
        clipLine(line, b, lines);
    g.lines = std::move(lines);
    for (auto& poly : g.polygons) {
        for (auto& ring : poly.rings)
            ring = clipRing(std::move(ring), b);
        std::erase_if(poly.rings, [](const geo::Path& r) { return r.size() < 3; });
    }
    std::erase_if(g.polygons, [](const geo::Polygon& p) { return p.rings.empty(); });
}

static_assert(sizeof(ScenePart) <= 96, "a world file has 190,000 parts");

// Builds a SceneLayer from projected geometry, feature by feature.
class Builder {
  public:
    explicit Builder(SceneLayer& layer) : layer_(layer) {}

    void add(std::uint32_t feature, geo::Geometry lonLat, const geo::Projector& proj) {
        const geo::GeometryType type = lonLat.type;
        add(feature, type, pieces(std::move(lonLat), proj));
    }

    void add(std::uint32_t feature, geo::GeometryType type, const std::vector<Piece>& pieces) {
        if (layer_.type == geo::GeometryType::None) layer_.type = type;
        for (const Piece& piece : pieces)
            addPiece(piece, feature);
    }

    void finish() {
        // Collected in chunks, which grow without a spare half (9 MB for a world file at the peak) or a
        // copy, and are big enough to be mapped (so returned to the system as soon as they are moved over),
        // then moved into a vector of the exact size.
        std::size_t count = 0;
        for (const auto& chunk : parts_)
            count += chunk.size();
        layer_.parts.reserve(count);
        for (auto& chunk : parts_) {
            layer_.parts.insert(layer_.parts.end(), chunk.begin(), chunk.end());
            std::vector<ScenePart>().swap(chunk);
        }
        parts_.clear();
        // Features prepared on several threads arrive out of order; draw them in file order.
        std::sort(layer_.parts.begin(), layer_.parts.end(),
                  [](const ScenePart& a, const ScenePart& b) { return a.feature < b.feature; });
        std::vector<geo::Box> boxes;
        boxes.reserve(layer_.parts.size());
        for (const auto& p : layer_.parts) {
            boxes.push_back(p.box);
            layer_.bounds.expand(p.box);
        }
        layer_.index = geo::SpatialIndex(std::move(boxes));
        if (!layer_.pointChunks.empty()) {
            layer_.pointChunks.back().shrink_to_fit();
            layer_.levelChunks.back().shrink_to_fit();
        }
    }

  private:
    void addPiece(const Piece& piece, std::uint32_t feature) {
        const geo::Path& path = piece.path;
        const std::vector<std::uint8_t>& level = piece.level;
        const bool closed = piece.closed;
        const std::size_t n = path.size();
        ScenePart part;
        part.box = geo::bounds(path);
        part.feature = feature;
        part.closed = closed;
        if (!closed || n <= kLongRing) {
            store(part, path, level, 0, n - 1, false);
            addPart(part);
            return;
        }
        // A long ring: an entry in the index, and runs of kRunPoints vertices (the last one ends where the
        // first begins).
        part.ring = static_cast<std::int32_t>(layer_.rings.size());
        layer_.rings.push_back({static_cast<std::uint32_t>(layer_.runs.size()), 0});
        for (std::size_t from = 0; from < n; from += kRunPoints) {
            ScenePart run;
            run.feature = feature;
            store(run, path, level, from, from + std::min<std::size_t>(kRunPoints, n - from), true);
            layer_.runs.push_back(run);
            layer_.rings.back().runCount++;
        }
        addPart(part);
    }

    // Stores path[from..to] (inclusive, indices modulo the size) at every level; `ends` keeps both ends at
    // every level so that neighbouring runs join.
    void store(ScenePart& part, const geo::Path& path, const std::vector<std::uint8_t>& level,
               std::size_t from, std::size_t to, bool ends) {
        const std::size_t n = path.size();
        geo::Box box;
        for (std::size_t i = from; i <= to; ++i)
            box.expand(path[i % n]);
        if (ends) part.box = box;
        part.origin = box.center();
        const auto keeps = [&](std::size_t i) -> std::uint8_t {
            return ends && (i == from || i == to) ? std::uint8_t(kLevels - 1) : level[i % n];
        };
        std::array<std::uint32_t, kLevels> count{}; // points kept at each level
        for (std::size_t i = from; i <= to; ++i)
            count[std::min<std::size_t>(keeps(i), kLevels - 1)]++;
        for (int l = kLevels - 2; l >= 0; --l)
            count[static_cast<std::size_t>(l)] += count[static_cast<std::size_t>(l) + 1];
        // One part's levels stay in one chunk.
        std::size_t need = count[0];
        for (int l = kCopiedLevel; l < kLevels; ++l)
            need += count[static_cast<std::size_t>(l)];
        constexpr std::size_t chunk = std::size_t(1) << SceneLayer::kChunkBits;
        if (layer_.pointChunks.empty() || layer_.pointChunks.back().size() + need > chunk) {
            layer_.pointChunks.emplace_back().reserve(std::max(chunk, need));
            layer_.levelChunks.emplace_back().reserve(std::max(chunk, need));
        }
        auto& points = layer_.pointChunks.back();
        auto& levels = layer_.levelChunks.back();
        const auto base =
            static_cast<std::uint32_t>((layer_.pointChunks.size() - 1) << SceneLayer::kChunkBits);
        coarse_.clear();
        const auto put = [&](std::size_t i) {
            const geo::Point& p = path[i % n];
            points.push_back(
                {static_cast<float>(p.x - part.origin.x), static_cast<float>(p.y - part.origin.y)});
            levels.push_back(keeps(i));
        };
        part.lods = PartLevels(base + static_cast<std::uint32_t>(points.size()), count);
        for (std::size_t i = from; i <= to; ++i) {
            put(i);
            if (keeps(i) >= kCopiedLevel) coarse_.push_back(i);
        }
        for (int l = kCopiedLevel; l < kLevels; ++l) // each copied level follows the one before
            for (std::size_t i : coarse_)
                if (keeps(i) >= l) put(i);
    }

    void addPart(const ScenePart& part) {
        if (parts_.empty() || parts_.back().size() == kPartChunk) parts_.emplace_back().reserve(kPartChunk);
        parts_.back().push_back(part);
    }

    static constexpr std::size_t kPartChunk = 4096; // 390 kB: above glibc's mmap threshold
    SceneLayer& layer_;
    std::vector<std::vector<ScenePart>> parts_;
    std::vector<std::size_t> coarse_;
};

// Projects a layer's features; `keep` picks features (e.g. land vs lakes from the same coast layer).
template <class Keep>
std::shared_ptr<SceneLayer> prepare(const geo::Projector& proj, std::shared_ptr<const geo::Layer> src,
                                    QString key, QString title, bool added, Keep keep) {
    auto layer = std::make_shared<SceneLayer>();
    layer->key = std::move(key);
    layer->title = std::move(title);
    layer->added = added;
    layer->source = src;
    Builder builder(*layer);
    for (std::uint32_t i = 0; i < src->features.size(); ++i)
        if (keep(i)) builder.add(i, src->features[i].geometry, proj);
    builder.finish();
    return layer;
}

// A layer's description (name, path, CRS, fields, bounds), without its features or attributes.
std::shared_ptr<geo::Layer> described(const geo::Layer& layer) {
    auto out = std::make_shared<geo::Layer>();
    out->name = layer.name;
    out->path = layer.path;
    out->sourceCrs = layer.sourceCrs;
    out->fields = layer.fields;
    out->bounds = layer.bounds;
    out->skipped = layer.skipped;
    return out;
}

// An added layer without its geometry: what the scene keeps of a big file (the attributes).
std::shared_ptr<const geo::Layer> attributesOnly(const geo::Layer& layer) {
    auto out = described(layer);
    out->attributes = geo::Attributes(layer.fields.size());
    for (const auto& f : layer.features)
        out->attributes.add(f.fid, f.values);
    out->attributes.finish();
    return out;
}

QString uniqueKey(const Scene& scene, const geo::Layer& layer) {
    QString key = QFileInfo(QString::fromStdString(layer.path)).completeBaseName();
    if (key.isEmpty()) key = QString::fromStdString(layer.name);
    const QString base = key;
    for (int n = 2; scene.layer(key); ++n)
        key = base + QString(" (%1)").arg(n);
    return key;
}

} // namespace

geo::Result<std::shared_ptr<const Scene>> Scene::build(std::shared_ptr<const geo::MapData> data,
                                                       const std::string& crs) {
    const geo::Projector* proj = projectorFor(crs);
    if (!proj) return geo::Error{"display projection '" + crs + "': PROJ does not know this CRS"};
    auto scene = std::shared_ptr<Scene>(new Scene);
    scene->data_ = data;
    scene->crs_ = crs;

    // Aliasing shared_ptrs: layers stay owned by the MapData.
    const std::shared_ptr<const geo::Layer> coast(data, &data->coast);
    const int level = coast->fieldIndex("level");
    const auto isLand = [&](std::uint32_t i) {
        if (level < 0) return true;
        const std::string& v = coast->value(i, static_cast<std::size_t>(level));
        return v == "1" || v == "3";
    };
    auto landLayer = prepare(*proj, coast, "land", "Land", false, isLand);
    // Ring edges that run along the data's bounding box (both ends on the same side of it) are where the
    // box cut the coast, not coast.
    const geo::Box& ext = coast->bounds;
    for (std::size_t i = 0; i < coast->features.size(); ++i) {
        if (!isLand(static_cast<std::uint32_t>(i))) continue;
        for (const geo::Polygon& poly : coast->features[i].geometry.polygons)
            for (const geo::Path& ring : poly.rings)
                for (std::size_t k = 0; k < ring.size(); ++k) {
                    const geo::Point a = ring[k], b = ring[(k + 1) % ring.size()];
                    const bool along = (a.x == b.x && (a.x == ext.minx || a.x == ext.maxx)) ||
                                       (a.y == b.y && (a.y == ext.miny || a.y == ext.maxy));
                    if (along) landLayer->notCoast.emplace_back(proj->forward(a), proj->forward(b));
                }
    }
    scene->layers_.push_back(std::move(landLayer));
    scene->layers_.push_back(
        prepare(*proj, coast, "lakes", "Lakes", false, [&](auto i) { return !isLand(i); }));
    scene->layers_.push_back(prepare(*proj, std::shared_ptr<const geo::Layer>(data, &data->claims), "claims",
                                     "Claims", false, [](auto) { return true; }));
    scene->layers_.push_back(prepare(*proj, std::shared_ptr<const geo::Layer>(data, &data->boundaries),
                                     "borders", "Borders", false, [](auto) { return true; }));
    scene->home_ = scene->layers_[0]->bounds;

    // Label anchors: islands at their pole of inaccessibility, everything else at its gazetteer point.
    const SceneLayer& land = *scene->layers_[0];
    const int idField = coast->fieldIndex("id");
    for (const auto& place : data->places) {
        LabelAnchor a;
        a.id = QString::fromStdString(place.id);
        a.kind = QString::fromStdString(place.kind);
        a.priority = place.priority;
        const geo::Point gp = proj->forward(place.lonlat);
        a.pos = QPointF(gp.x, gp.y);
        const ScenePart* largest = nullptr;
        double largestArea = 0;
        geo::Box all;
        for (const auto& part : land.parts) {
            if (idField < 0 || coast->value(part.feature, static_cast<std::size_t>(idField)) != place.id)
                continue;
            all.expand(part.box);
            const double area = part.box.width() * part.box.height();
            if (area > largestArea) {
                largestArea = area;
                largest = &part;
            }
        }
        if (largest) {
            // Within 1 % of the island's size (at least 50 m), from an outline simplified to half that: an
            // anchor a few hundred metres from the best point on a 200 km island is as good a place for a
            // label.
            const double precision =
                std::max(50.0, 0.01 * std::sqrt(largest->box.width() * largest->box.height()));
            int detail = 0;
            while (detail + 1 < kLevels && levelToleranceM(detail + 1) <= precision / 2)
                ++detail;
            geo::Polygon poly;
            poly.rings.emplace_back();
            for (const auto& q : land.polygon(*largest, detail))
                poly.rings[0].push_back({q.x(), q.y()});
            const geo::Point pole = geo::poleOfInaccessibility(poly, precision);
            a.pos = QPointF(pole.x, pole.y);
            a.sizeM = std::sqrt(all.width() * all.height());
        }
        // A group of several islands (Habomai) keeps its gazetteer point and the size of the whole group.
        if (place.kind == "group") {
            const geo::Box gb = scene->placeBounds(a.id);
            if (!gb.empty()) a.sizeM = std::max(a.sizeM, std::sqrt(gb.width() * gb.height()));
            if (!largest || place.id == "habomai") a.pos = QPointF(gp.x, gp.y);
        }
        scene->anchors_.push_back(a);
    }
    return std::shared_ptr<const Scene>(scene);
}

geo::Result<std::shared_ptr<const Scene>> Scene::withLayer(std::shared_ptr<const geo::Layer> layer) const {
    const geo::Projector* proj = projectorFor(crs_);
    if (!proj) return geo::Error{"display projection '" + crs_ + "': PROJ does not know this CRS"};
    auto scene = std::make_shared<Scene>(*this);
    const QString key = uniqueKey(*this, *layer);
    auto prepared = prepare(*proj, layer, key, key, true, [](auto) { return true; });
    if (prepared->parts.empty()) return geo::Error{layer->path + ": no geometry that can be drawn"};
    // The projected copy is all that is drawn: past a million points, the lon/lat one is not worth keeping.
    if (prepared->pointChunks.size() > 1) prepared->source = attributesOnly(*layer);
    scene->layers_.push_back(std::move(prepared));
    return std::shared_ptr<const Scene>(scene);
}

geo::Result<std::shared_ptr<const Scene>> Scene::withFile(const std::string& path,
                                                          const FileOptions& options) const {
    const geo::Box& within = options.within;
    const auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
    const geo::Projector* readerProj = projectorFor(crs_);
    if (!readerProj) return geo::Error{"display projection '" + crs_ + "': PROJ does not know this CRS"};
#ifdef __GLIBC__
    // glibc raises its mmap threshold each time a big block is freed, after which the workers' big
    // temporaries (a continent's points) stay resident in their arenas: 30-50 MB more peak memory for a
    // world file. Pinning the threshold (at its default) keeps them returned to the system.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    // Progressive (FileOptions::onCoarse): the reader makes each feature's coarse version as it reads it
    // (cheap: coarsen() keeps a few per cent of a coastline's points), and hands the feature to the
    // workers for the full preparation only if they can take it without waiting; those they could not
    // are read again once the coarse scene is out. So the coarse scene comes after one read at the
    // reader's pace, and the full one without preparing anything twice or holding more in work.
    const bool progressive = options.coarseDeg > 0 && options.onCoarse;
    const double workerCoarseDeg = progressive ? 0 : options.coarseDeg;
    auto prepared = std::make_shared<SceneLayer>();
    Builder builder(*prepared);
    auto coarseLayer = std::make_shared<SceneLayer>();
    Builder coarseBuilder(*coarseLayer); // the reader's alone
    // GDAL reads on this thread; two workers project and simplify (nine tenths of the work) and store
    // each feature whole.
    // Features travel in batches of about 8,000 points: one hand-over per feature costs more in thread
    // wake-ups than small islands cost to prepare. Memory beyond the prepared layer is bounded by one big
    // feature in work plus options.inFlightPoints of small ones.
    struct Job {
        std::vector<std::pair<std::size_t, geo::Geometry>> features;
        std::size_t points = 0;
    };
    constexpr std::size_t kBig = 100'000, kBatch = 8'000;
    const std::size_t kInFlight = options.inFlightPoints;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Job> queue;
    std::size_t inFlight = 0; // points queued or in work, in batches of small features
    int bigInFlight = 0;      // features of more than kBig points (continents) in work: one at a time,
    int bigLimit = 1;         // or two while the second read starts with them
    bool reading = true;
    const auto work = [&] {
        const geo::Projector* proj = projectorFor(crs_);
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return !queue.empty() || !reading; });
                if (queue.empty()) return;
                job = std::move(queue.front());
                queue.pop_front();
            }
            changed.notify_all();
            std::vector<std::tuple<std::size_t, geo::GeometryType, std::vector<Piece>>> ready;
            for (auto& [feature, g] : job.features) {
                if (cancelled()) break;
                if (!within.empty()) clip(g, within);
                const geo::GeometryType type = g.type;
                ready.emplace_back(feature, type,
                                   pieces(std::move(g), *proj, workerCoarseDeg, options.minLevel));
            }
            {
                const std::lock_guard lock(mutex);
                for (const auto& [feature, type, p] : ready)
                    builder.add(static_cast<std::uint32_t>(feature), type, p);
                if (job.points > kBig)
                    --bigInFlight;
                else
                    inFlight -= job.points;
            }
            changed.notify_all();
        }
    };
    // Queues a job, waiting for room if `wait`; without, returns false if there is none.
    const auto submit = [&](Job&& job, bool wait) {
        std::unique_lock lock(mutex);
        const bool big = job.points > kBig;
        const auto room = [&] {
            return big ? bigInFlight < bigLimit : inFlight == 0 || inFlight + job.points <= kInFlight;
        };
        // Offered during a progressive first read, a job is taken only within the bound (0: none is).
        if (!wait && !(big ? bigInFlight < bigLimit && kInFlight > 0 : inFlight + job.points <= kInFlight))
            return false;
        changed.wait(lock, room);
        (big ? ++bigInFlight : (inFlight += job.points, 0));
        queue.push_back(std::move(job));
        lock.unlock();
        changed.notify_all();
        return true;
    };
    // Features the workers could not take during the first read: small ones, and big ones with their size.
    std::vector<std::size_t> deferred;
    std::vector<std::pair<std::size_t, std::size_t>> deferredBig;
    Job batch;
    const auto offer = [&](bool wait) {
        if (batch.features.empty()) return;
        Job job = std::exchange(batch, {});
        std::vector<std::size_t> features;
        if (!wait)
            for (const auto& f : job.features)
                features.push_back(f.first);
        const std::size_t points = job.points;
        if (submit(std::move(job), wait)) return;
        if (points > kBig) // a big feature travels alone
            deferredBig.emplace_back(features.front(), points);
        else
            deferred.insert(deferred.end(), features.begin(), features.end());
    };
    const auto take = [&](std::size_t feature, geo::Geometry&& g, bool wait) {
        std::size_t points = g.points.size();
        for (const auto& line : g.lines)
            points += line.size();
        for (const auto& poly : g.polygons)
            for (const auto& ring : poly.rings)
                points += ring.size();
        if (batch.points + points > kBatch) offer(wait);
        batch.features.emplace_back(feature, std::move(g));
        batch.points += points;
    };
    std::thread workers[2] = {std::thread(work), std::thread(work)};
    const auto stopWorkers = [&] {
        {
            const std::lock_guard lock(mutex);
            reading = false;
        }
        changed.notify_all();
        for (auto& w : workers)
            w.join();
    };
    auto loaded = geo::loadLayer(
        path, {},
        [&](std::size_t feature, geo::Geometry&& g) {
            if (progressive) {
                geo::Geometry c = coarsen(g, options.coarseDeg);
                if (!within.empty()) clip(c, within);
                const geo::GeometryType type = c.type;
                coarseBuilder.add(static_cast<std::uint32_t>(feature), type,
                                  pieces(std::move(c), *readerProj));
            }
            take(feature, std::move(g), !progressive);
        },
        within, options.cancel);
    offer(!progressive);
    if (!loaded) {
        stopWorkers();
        return loaded.error();
    }
    auto layer = std::move(loaded).value();
    const QString key = uniqueKey(*this, layer);
    // A coarse look keeps the file's name, path, fields and bounds, not its attributes: it is replaced
    // soon, and they are not drawn.
    const auto sceneWith = [&](std::shared_ptr<SceneLayer> l, std::shared_ptr<const geo::Layer> source) {
        l->key = l->title = key;
        l->added = true;
        l->source = std::move(source);
        auto scene = std::make_shared<Scene>(*this);
        scene->layers_.push_back(std::move(l));
        return std::shared_ptr<const Scene>(scene);
    };
    if (progressive && !cancelled()) {
        coarseBuilder.finish();
        if (!coarseLayer->parts.empty()) options.onCoarse(sceneWith(coarseLayer, described(layer)));
        coarseLayer.reset();
#ifdef __GLIBC__
        // What the first read freed (GDAL's buffers for the biggest features, the coarse preparation's
        // temporaries) back to the system before the second read goes through the big features again.
        malloc_trim(0);
#endif
        // The features the workers had no room for, read again (by id where the driver can). The big ones
        // first, biggest first, while little else is stored yet: two in work at a time, each read only
        // once there is room for it, from the file opened for it alone (GDAL holds three copies of a
        // feature while reading it, and keeps buffers as big as the biggest until the file is closed).
        // Then the rest, in file order.
        std::sort(deferredBig.begin(), deferredBig.end(),
                  [](const auto& a, const auto& b) { return a.second > b.second; });
        std::vector<std::vector<std::size_t>> reads;
        for (const auto& [feature, points] : deferredBig)
            reads.push_back({feature});
        const std::size_t bigReads = reads.size();
        if (!deferred.empty()) reads.push_back(std::move(deferred));
        for (std::size_t r = 0; r < reads.size(); ++r) {
            const std::vector<std::size_t>& features = reads[r];
            std::vector<std::int64_t> fids;
            fids.reserve(features.size());
            for (const std::size_t feature : features)
                fids.push_back(layer.fid(feature));
            {
                std::unique_lock lock(mutex);
                bigLimit = r < bigReads ? 2 : 1;
                changed.wait(lock, [&] { return bigInFlight < bigLimit; });
            }
            auto again = geo::readGeometries(
                path, {}, fids,
                [&](std::size_t k, geo::Geometry&& g) { take(features[k], std::move(g), true); },
                options.cancel);
            offer(true);
            if (!again) {
                stopWorkers();
                return again.error();
            }
        }
    }
    stopWorkers();
    if (cancelled()) return geo::Error{path + ": cancelled"};
    builder.finish();
    // Within a window, a file may simply have nothing there.
    if (prepared->parts.empty() && within.empty())
        return geo::Error{path + ": no geometry that can be drawn"};
    if (options.coarseDeg > 0 && !progressive) return sceneWith(prepared, described(layer));
    return sceneWith(prepared, std::make_shared<const geo::Layer>(std::move(layer)));
}

QPolygonF SceneLayer::polygon(const ScenePart& part, int level) const {
    QPolygonF out;
    appendMapped(part, level, QTransform(), out);
    return out;
}

void SceneLayer::appendMapped(const ScenePart& part, int level, const QTransform& t, QPolygonF& out) const {
    const PartLevel& l = part.lods[static_cast<std::size_t>(level)];
    // Fold the part's origin into the transform, so each point costs one multiply-add per axis.
    const double sx = t.m11(), sy = t.m22();
    const QPointF o = t.map(QPointF(part.origin.x, part.origin.y));
    // Geometric growth: a long ring is appended run by run, and exact reserves would copy it every time.
    if (const qsizetype need = out.size() + qsizetype(l.count); out.capacity() < need)
        out.reserve(std::max(need, 2 * out.capacity()));
    const PointF* p = &point(l.first);
    const bool scale = t.type() <= QTransform::TxScale;
    const auto add = [&](const PointF& q) {
        out.append(scale ? QPointF(o.x() + sx * q.x, o.y() + sy * q.y)
                         : t.map(QPointF(part.origin.x + q.x, part.origin.y + q.y)));
    };
    if (level == 0 || level >= kCopiedLevel) {
        for (std::uint32_t i = 0; i < l.count; ++i)
            add(p[i]);
        return;
    }
    const std::uint8_t* keep = &levelChunks[l.first >> kChunkBits][l.first & ((1u << kChunkBits) - 1)];
    for (std::uint32_t i = 0; i < part.lods[0].count; ++i)
        if (keep[i] >= level) add(p[i]);
}

const SceneLayer* Scene::layer(const QString& key) const {
    for (const auto& l : layers_)
        if (l->key == key) return l.get();
    return nullptr;
}

geo::Box Scene::placeBounds(const QString& id) const {
    geo::Box box;
    const SceneLayer& land = *layers_[0];
    const auto& coast = *land.source;
    const int idField = coast.fieldIndex("id"), groupField = coast.fieldIndex("group");
    const std::string key = id.toStdString();
    for (const auto& part : land.parts) {
        if ((idField >= 0 && coast.value(part.feature, static_cast<std::size_t>(idField)) == key) ||
            (groupField >= 0 && coast.value(part.feature, static_cast<std::size_t>(groupField)) == key))
            box.expand(part.box);
    }
    if (box.empty())
        if (const geo::Place* p = data_->place(key)) {
            const geo::Point c = project(p->lonlat);
            box = geo::Box{c.x - 5000, c.y - 5000, c.x + 5000, c.y + 5000};
        }
    return box;
}

QString Scene::placeAt(geo::Point xy) const {
    const SceneLayer& land = *layers_[0];
    const int idField = land.source->fieldIndex("id");
    QString best;
    double bestArea = INFINITY;
    for (auto i : land.index.query(geo::Box{xy.x, xy.y, xy.x, xy.y})) {
        const ScenePart& part = land.parts[i];
        if (!land.polygon(part, 0).containsPoint(QPointF(xy.x, xy.y), Qt::OddEvenFill)) continue;
        const double area = part.box.width() * part.box.height(); // the innermost ring wins
        if (area < bestArea && idField >= 0) {
            bestArea = area;
            best =
                QString::fromStdString(land.source->value(part.feature, static_cast<std::size_t>(idField)));
        }
    }
    return best;
}

geo::Point Scene::project(geo::Point lonlat) const {
    const geo::Projector* p = projectorFor(crs_);
    return p ? p->forward(lonlat) : geo::Point{NAN, NAN};
}

geo::Box Scene::projectBox(const geo::Box& ll) const {
    geo::Box box;
    for (int i = 0; i <= 32; ++i) {
        const double f = i / 32.0;
        const double lon = ll.minx + (ll.maxx - ll.minx) * f, lat = ll.miny + (ll.maxy - ll.miny) * f;
        for (const geo::Point p : {geo::Point{lon, ll.miny}, geo::Point{lon, ll.maxy},
                                   geo::Point{ll.minx, lat}, geo::Point{ll.maxx, lat}}) {
            const geo::Point xy = project(p);
            if (std::isfinite(xy.x) && std::isfinite(xy.y)) box.expand(xy);
        }
    }
    return box;
}

geo::Point Scene::unproject(geo::Point xy) const {
    const geo::Projector* p = projectorFor(crs_);
    return p ? p->inverse(xy) : geo::Point{NAN, NAN};
}

std::shared_ptr<const Scene> Scene::withStyle(std::shared_ptr<const MapStyle> style) const {
    auto scene = std::make_shared<Scene>(*this);
    scene->style_ = std::move(style);
    return scene;
}

} // namespace isv
