#include "scene_layer_builder.h"

#include <QFileInfo>

#include <algorithm>
#include <array>

namespace isv::detail {

static_assert(sizeof(ScenePart) <= 96, "a world file has 190,000 parts");

void SceneLayerBuilder::add(std::uint32_t feature, geo::Geometry lonLat, const geo::Projector& proj) {
    const geo::GeometryType type = lonLat.type;
    add(feature, type, pieces(std::move(lonLat), proj));
}

void SceneLayerBuilder::add(std::uint32_t feature, geo::GeometryType type, const std::vector<Piece>& pieces) {
    if (layer_.type == geo::GeometryType::None) layer_.type = type;
    for (const Piece& piece : pieces)
        addPiece(piece, feature);
}

void SceneLayerBuilder::finish() {
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

void SceneLayerBuilder::addPiece(const Piece& piece, std::uint32_t feature) {
    const geo::Path& path = piece.path;
    const std::vector<std::uint8_t>& level = piece.level;
    const bool closed = piece.closed;
    const std::size_t n = path.size();
    ScenePart part;
    part.box = geo::bounds(path);
    part.feature = feature;
    part.closed = closed;
    part.point = piece.point;
    (piece.point ? layer_.hasPoints : closed ? layer_.hasRings : layer_.hasLines) = true;
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
void SceneLayerBuilder::store(ScenePart& part, const geo::Path& path, const std::vector<std::uint8_t>& level,
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
    const auto base = static_cast<std::uint32_t>((layer_.pointChunks.size() - 1) << SceneLayer::kChunkBits);
    coarse_.clear();
    const auto put = [&](std::size_t i) {
        const geo::Point& p = path[i % n];
        points.push_back({static_cast<float>(p.x - part.origin.x), static_cast<float>(p.y - part.origin.y)});
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

void SceneLayerBuilder::addPart(const ScenePart& part) {
    if (parts_.empty() || parts_.back().size() == kPartChunk) parts_.emplace_back().reserve(kPartChunk);
    parts_.back().push_back(part);
}

std::shared_ptr<geo::Layer> describedLayer(const geo::Layer& layer) {
    auto out = std::make_shared<geo::Layer>();
    out->name = layer.name;
    out->path = layer.path;
    out->sourceCrs = layer.sourceCrs;
    out->fields = layer.fields;
    out->bounds = layer.bounds;
    out->skipped = layer.skipped;
    out->report = layer.report;
    out->table = layer.table;
    return out;
}

QString uniqueLayerKey(const Scene& scene, const geo::Layer& layer, bool withLayerName) {
    QString key = QFileInfo(QString::fromStdString(layer.path)).completeBaseName();
    if (key.isEmpty())
        key = QString::fromStdString(layer.name);
    else if (withLayerName)
        key += ": " + QString::fromStdString(layer.name);
    const QString base = key;
    for (int n = 2; scene.layer(key); ++n)
        key = base + QString(" (%1)").arg(n);
    return key;
}

} // namespace isv::detail
