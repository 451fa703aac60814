#pragma once
// What the harnesses share: a scratch folder, a Qt application, the shipped data and its scene.
#include "scene.h"

#include <geo/map_data.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace isvfuzz {

/// A folder of this process's own under the system temp dir, removed at exit.
const std::filesystem::path& scratchDir();
/// Writes `bytes` to `file` (replacing it); false if it cannot be written.
bool writeFile(const std::filesystem::path& file, std::string_view bytes);
/// The input as bytes in a string.
inline std::string_view asText(std::span<const std::uint8_t> input) {
    return {reinterpret_cast<const char*>(input.data()), input.size()};
}
/// Makes sure a QGuiApplication exists (offscreen unless QT_QPA_PLATFORM says otherwise).
void ensureApp();
/// The shipped data directory's MapData, loaded once.
std::shared_ptr<const geo::MapData> shippedData();
/// The shipped data's scene in the display CRS, built once.
std::shared_ptr<const isv::Scene> shippedScene();
/// With ISLEVIEW_FUZZ_VERBOSE set, prints what an input came to (an error or "loaded"), to see what seeds
/// reach; else nothing.
void note(const std::string& outcome);
/// "" when `message` starts with `prefix` (an error names the file), else a problem saying so.
std::string expectNamed(const std::string& message, const std::string& prefix);

std::string fuzzLayerGeojson(std::span<const std::uint8_t> input);
std::string fuzzLayerCsv(std::span<const std::uint8_t> input);
std::string fuzzLayerShapefile(std::span<const std::uint8_t> input);
std::string fuzzNames(std::span<const std::uint8_t> input);
std::string fuzzFacts(std::span<const std::uint8_t> input);
std::string fuzzCli(std::span<const std::uint8_t> input);

} // namespace isvfuzz
