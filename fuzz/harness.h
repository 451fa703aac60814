#pragma once
// Fuzz harnesses: each feeds one input through the function the program itself uses for that kind of
// input, and checks what came back against the function's contract. The libFuzzer entry (entry.cpp) and
// the replay test (tests/fuzz) call the same harnesses, so every stored input runs in the normal suite too.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace isvfuzz {

/// Runs one input. Returns "" when the code under test kept its contract (an error value is a fine
/// answer to a broken file), else what it did wrong. Crashes and sanitizer reports are left to the caller.
using Harness = std::string (*)(std::span<const std::uint8_t> input);

struct Target {
    const char*
        name; ///< also the folder of its seeds (fuzz/corpus/NAME) and regressions (fuzz/regressions/NAME)
    Harness run;
};

/// Every fuzz target: layer_geojson, layer_csv, layer_shapefile, names, facts, cli.
const std::vector<Target>& targets();
/// The target called `name`, or nullptr.
const Target* findTarget(std::string_view name);

/// Splits `input` as the shapefile target does: a header of `parts - 1` little-endian 16-bit lengths,
/// then the parts in order, the last one taking the rest. Lengths past the end are cut short.
std::vector<std::string> splitParts(std::span<const std::uint8_t> input, std::size_t parts);

} // namespace isvfuzz
