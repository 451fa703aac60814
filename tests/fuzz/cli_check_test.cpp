// CliMode::CheckOnly, which the command-line fuzz target runs: the whole reading of the command line,
// with its exit statuses, and nothing loaded.
#include "cli.h"

#include <gtest/gtest.h>

namespace {

TEST(CliCheckOnly, ReadsTheWholeCommandLineButLoadsNothing) {
    // A data folder that does not exist is only found out by loading.
    const QStringList missingData{"out.png", "--data", "/nonexistent-isleview-data", "--size", "800x600"};
    EXPECT_EQ(isv::runExport(missingData, isv::CliMode::CheckOnly), isv::kExitOk);
    EXPECT_EQ(isv::runInfo({"--json", "--data=/nonexistent-isleview-data"}, isv::CliMode::CheckOnly),
              isv::kExitOk);
    testing::internal::CaptureStderr();
    EXPECT_EQ(isv::runExport(missingData, isv::CliMode::Run), isv::kExitFailure);
    EXPECT_NE(testing::internal::GetCapturedStderr().find("/nonexistent-isleview-data"), std::string::npos);
}

TEST(CliCheckOnly, GivesTheExitStatusOfTheRealRun) {
    testing::internal::CaptureStderr();
    EXPECT_EQ(isv::runExport({"out.png", "--size", "9x9"}, isv::CliMode::CheckOnly), isv::kExitUsage);
    EXPECT_EQ(isv::runExport({"out.png", "--extent", "149,43,145,46"}, isv::CliMode::CheckOnly),
              isv::kExitUsage);
    EXPECT_EQ(isv::runExport({"out.bmp"}, isv::CliMode::CheckOnly), isv::kExitFailure);
    EXPECT_EQ(isv::runInfo({"extra"}, isv::CliMode::CheckOnly), isv::kExitUsage);
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("--size must be"), std::string::npos) << err;
    EXPECT_NE(err.find("unknown image format"), std::string::npos) << err;
}

} // namespace
