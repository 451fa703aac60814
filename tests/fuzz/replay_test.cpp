// Every input kept in fuzz/ (the seed corpora and the inputs that once crashed or broke a contract) fed
// through the same harness the fuzzer runs, in the normal test suite: a fixed crash that comes back, or a
// seed the loaders stop accepting, fails here without a fuzzer.
#include "harness.h"

#include <QGuiApplication>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::uint8_t> readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Replay : public testing::TestWithParam<std::string> {};

TEST_P(Replay, EverySeedAndRegressionKeepsTheContract) {
    const isvfuzz::Target* target = isvfuzz::findTarget(GetParam());
    ASSERT_NE(target, nullptr);
    const fs::path root(ISLEVIEW_FUZZ_DIR);
    const std::vector<fs::path> seeds = filesIn(root / "corpus" / target->name);
    EXPECT_GE(seeds.size(), 3U) << "a target needs seeds to start from";
    std::vector<fs::path> inputs = seeds;
    for (const fs::path& file : filesIn(root / "regressions" / target->name))
        inputs.push_back(file);
    for (const fs::path& file : inputs) {
        const std::vector<std::uint8_t> bytes = readBytes(file);
        EXPECT_EQ(target->run(bytes), "") << file.filename();
    }
}

INSTANTIATE_TEST_SUITE_P(Fuzz, Replay,
                         testing::Values("layer_geojson", "layer_csv", "layer_shapefile", "names", "facts",
                                         "cli"),
                         [](const auto& param) { return param.param; });

TEST(FuzzSplit, PartsFollowTheirLengthsAndTheLastTakesTheRest) {
    const std::vector<std::uint8_t> input{3, 0, 1, 0, 'a', 'b', 'c', 'd', 'e', 'f'};
    EXPECT_EQ(isvfuzz::splitParts(input, 3), (std::vector<std::string>{"abc", "d", "ef"}));
    const std::vector<std::uint8_t> short_{200, 0, 'x'}; // lengths past the end are cut short
    EXPECT_EQ(isvfuzz::splitParts(short_, 3), (std::vector<std::string>{"", "", ""}));
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
