// The vector loader: an input written as a file of one format, read as the program reads a user's file.
#include "harness.h"
#include "support.h"

#include <geo/layer.h>

#include <cmath>

namespace isvfuzz {
namespace {

bool finite(const geo::Path& path) {
    for (const geo::Point& p : path)
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
    return true;
}

// What loadLayer promises of a layer it returns.
std::string checkLayer(const geo::Layer& layer, const std::string& path) {
    if (layer.path != path) return "the layer's path is '" + layer.path + "'";
    for (const geo::Feature& f : layer.features) {
        if (f.values.size() != layer.fields.size()) return "a feature's values do not match the fields";
        const geo::Geometry& g = f.geometry;
        if (!finite(g.points)) return "a point is not finite";
        for (const geo::Path& line : g.lines)
            if (line.size() < 2 || !finite(line)) return "a line of fewer than 2 points or not finite";
        for (const geo::Polygon& poly : g.polygons) {
            if (poly.rings.empty()) return "a polygon without rings";
            for (const geo::Path& ring : poly.rings)
                if (ring.size() < 3 || !finite(ring)) return "a ring of fewer than 3 points or not finite";
        }
        const bool parts = !g.points.empty() || !g.lines.empty() || !g.polygons.empty();
        if (parts != (g.type != geo::GeometryType::None)) return "a geometry's type does not match its parts";
    }
    return {};
}

// The two ways the program reads a user's file: loadLayer whole (the data directory's layers), and
// Scene::withFile (File → Open and `export --add`), which streams loadLayer's geometry into the scene.
std::string loadAsTheProgramDoes(const std::string& path) {
    auto whole = geo::loadLayer(path);
    if (!whole) return expectNamed(whole.error().message, path);
    if (auto problem = checkLayer(whole.value(), path); !problem.empty()) return problem;
    // Only what loads whole goes on to the scene: its threads and projections cost ten times the read, and
    // most mutated files fail in the reader both ways.
    auto added = shippedScene()->withFile(path);
    if (!added) return expectNamed(added.error().message, path);
    note("loaded " + std::to_string(added.value()->layers().back()->source->size()) + " features");
    if (added.value()->layers().size() != shippedScene()->layers().size() + 1)
        return "withFile did not add exactly one layer";
    return {};
}

} // namespace

std::string fuzzLayerGeojson(std::span<const std::uint8_t> input) {
    const std::filesystem::path file = scratchDir() / "input.geojson";
    if (!writeFile(file, asText(input))) return "cannot write " + file.string();
    return loadAsTheProgramDoes(file.string());
}

std::string fuzzLayerCsv(std::span<const std::uint8_t> input) {
    const std::filesystem::path file = scratchDir() / "input.csv";
    if (!writeFile(file, asText(input))) return "cannot write " + file.string();
    return loadAsTheProgramDoes(file.string());
}

// The input split in three (see splitParts): the .shp, the .shx and the .dbf of one shapefile. An empty .shx
// or .dbf part is left out, as a user's folder may lack them.
std::string fuzzLayerShapefile(std::span<const std::uint8_t> input) {
    const std::vector<std::string> parts = splitParts(input, 3);
    const std::filesystem::path shp = scratchDir() / "input.shp";
    std::size_t k = 0;
    for (const char* ext : {".shp", ".shx", ".dbf"}) {
        std::filesystem::path file = shp;
        file.replace_extension(ext);
        std::error_code ec;
        std::filesystem::remove(file, ec);
        if ((k == 0 || !parts[k].empty()) && !writeFile(file, parts[k]))
            return "cannot write " + file.string();
        ++k;
    }
    return loadAsTheProgramDoes(shp.string());
}

} // namespace isvfuzz
