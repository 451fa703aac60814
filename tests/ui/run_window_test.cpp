#include "run_window.h"

#include <gtest/gtest.h>

namespace {

QProcessEnvironment env(std::initializer_list<std::pair<const char*, const char*>> vars) {
    QProcessEnvironment e;
    for (const auto& [k, v] : vars)
        e.insert(k, v);
    return e;
}

TEST(NoDisplay, WithoutAnyDisplayTheMessageExplainsWhatToDo) {
    const QString m = isv::noDisplayMessage(env({}));
    EXPECT_EQ(
        m.toStdString(),
        "isleview: no display found. Run `isleview export OUT.png ...` to make images without a window, or "
        "start the window under a virtual display: xvfb-run isleview");
}

TEST(NoDisplay, X11OrWaylandOrAHeadlessPlatformIsEnough) {
    EXPECT_TRUE(isv::noDisplayMessage(env({{"DISPLAY", ":0"}})).isEmpty());
    EXPECT_TRUE(isv::noDisplayMessage(env({{"WAYLAND_DISPLAY", "wayland-0"}})).isEmpty());
    EXPECT_TRUE(isv::noDisplayMessage(env({{"QT_QPA_PLATFORM", "offscreen"}})).isEmpty());
    EXPECT_TRUE(isv::noDisplayMessage(env({{"QT_QPA_PLATFORM", "minimal"}})).isEmpty());
    EXPECT_TRUE(isv::noDisplayMessage(env({{"QT_QPA_PLATFORM", "vnc:size=800x600"}})).isEmpty());
}

TEST(NoDisplay, APlatformThatNeedsADisplayStillNeedsIt) {
    EXPECT_FALSE(isv::noDisplayMessage(env({{"QT_QPA_PLATFORM", "xcb"}})).isEmpty());
    EXPECT_FALSE(
        isv::noDisplayMessage(env({{"QT_QPA_PLATFORM", "xcb"}, {"WAYLAND_DISPLAY", "w"}})).isEmpty());
    EXPECT_TRUE(isv::noDisplayMessage(env({{"QT_QPA_PLATFORM", "xcb"}, {"DISPLAY", ":1"}})).isEmpty());
    EXPECT_FALSE(isv::noDisplayMessage(env({{"QT_QPA_PLATFORM", "wayland"}, {"DISPLAY", ":1"}})).isEmpty());
    EXPECT_FALSE(isv::noDisplayMessage(env({{"DISPLAY", ""}})).isEmpty());
}

TEST(NoDisplay, RunWindowReturnsOneWithoutTouchingQt) {
    // runWindow checks the real environment before it creates a QApplication; with no display variables
    // and no headless platform it must return 1 (a QApplication already exists in this test binary, so
    // reaching Qt would be visible as a second-instance warning or a crash).
    const QByteArray display = qgetenv("DISPLAY"), wayland = qgetenv("WAYLAND_DISPLAY"),
                     platform = qgetenv("QT_QPA_PLATFORM");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    qunsetenv("QT_QPA_PLATFORM");
    char name[] = "isleview";
    char* argv[] = {name, nullptr};
    testing::internal::CaptureStderr();
    const int rc = isv::runWindow(1, argv, isv::WindowArgs{});
    const std::string err = testing::internal::GetCapturedStderr();
    if (!display.isNull()) qputenv("DISPLAY", display);
    if (!wayland.isNull()) qputenv("WAYLAND_DISPLAY", wayland);
    if (!platform.isNull()) qputenv("QT_QPA_PLATFORM", platform);
    EXPECT_EQ(rc, 1);
    EXPECT_NE(err.find("isleview: no display found."), std::string::npos) << err;
}

} // namespace

TEST(WindowArgs, FilesToOpenBesideTheDataOptionAndQtsOwn) {
    const isv::WindowArgs a = isv::parseWindowArgs(
        {"--data", "/some/data", "-platform", "offscreen", "coast.shp", "-style", "fusion", "roads.gpkg"});
    EXPECT_EQ(a.error, "");
    EXPECT_EQ(a.dataDir, "/some/data");
    EXPECT_EQ(a.files, (QStringList{"coast.shp", "roads.gpkg"})) << "Qt's options and their values skipped";
    EXPECT_EQ(isv::parseWindowArgs({"--data=elsewhere"}).dataDir, "elsewhere");
    EXPECT_TRUE(isv::parseWindowArgs({}).files.isEmpty());
}

TEST(WindowArgs, AnUnknownOptionIsAnError) {
    const isv::WindowArgs a = isv::parseWindowArgs({"coast.shp", "--size", "800x600"});
    EXPECT_TRUE(a.error.contains("--size")) << a.error.toStdString();
}
