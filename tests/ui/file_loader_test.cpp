// FileLoader: background opens report through signals, with an explicit status per file.
#include "file_loader.h"

#include "test_world.h"
#include "ui_test_util.h"

#include <scene.h>

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using isv::FileLoader;
using isv::LoadResult;
using isv::LoadStatus;

TEST(FileLoaderTest, AMissingFileFailsWithAMessageNamingIt) {
    const auto scene = uitest::testScene();
    FileLoader loader([scene] { return scene; });
    QSignalSpy failed(&loader, &FileLoader::failed);
    QSignalSpy finished(&loader, &FileLoader::finished);
    loader.request({{"/nonexistent/harbours.geojson"}, {}});
    EXPECT_TRUE(loader.isBusy());
    ASSERT_TRUE(finished.wait(10000));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.at(0).at(1).toString().contains("harbours.geojson"));
    const auto result = finished.at(0).at(0).value<LoadResult>();
    ASSERT_EQ(result.files.size(), 1);
    EXPECT_EQ(result.files[0].status, LoadStatus::Failed);
    EXPECT_EQ(result.scene, scene);
    EXPECT_FALSE(loader.isBusy());
}

TEST(FileLoaderTest, AFileThatOpensIsOpenedWhateverItsMessage) {
    // Named like an error would be: the status, not the text, says it opened.
    QTemporaryDir dir;
    const QString path = dir.filePath("could-not-open.geojson");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
            R"("geometry":{"type":"Point","coordinates":[145.9,44.1]}}]})");
    f.close();
    const auto scene = uitest::testScene();
    FileLoader loader([scene] { return scene; });
    QSignalSpy finished(&loader, &FileLoader::finished);
    loader.request({{path}, {}});
    ASSERT_TRUE(finished.wait(10000));
    const auto result = finished.at(0).at(0).value<LoadResult>();
    ASSERT_EQ(result.files.size(), 1);
    EXPECT_EQ(result.files[0].status, LoadStatus::Opened);
    EXPECT_EQ(result.files[0].features, 1u);
    EXPECT_NE(result.scene, scene);
}

TEST(FileLoaderTest, TheSameProjectionAgainIsDoneAtOnce) {
    const auto scene = uitest::testScene();
    FileLoader loader([scene] { return scene; });
    QSignalSpy finished(&loader, &FileLoader::finished);
    loader.request({{}, QString::fromStdString(scene->crs())});
    ASSERT_EQ(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<LoadResult>();
    EXPECT_EQ(result.status, LoadStatus::Opened);
    EXPECT_EQ(result.scene, scene);
    EXPECT_FALSE(loader.isBusy());
}

TEST(FileLoaderTest, CancelDropsTheRunningAndTheWaitingRequests) {
    QTemporaryDir dir;
    const QString path = dir.filePath("long.geojson");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(uitest::longLineGeoJson());
    f.close();
    const auto scene = uitest::testScene();
    FileLoader loader([scene] { return scene; });
    QSignalSpy finished(&loader, &FileLoader::finished);
    loader.request({{path}, {}});
    loader.request({{path}, {}});
    EXPECT_EQ(loader.waiting(), 1);
    loader.cancel();
    EXPECT_EQ(loader.waiting(), 0);
    QElapsedTimer t;
    t.start();
    while (loader.isBusy() && t.elapsed() < 5000)
        QTest::qWait(10);
    EXPECT_FALSE(loader.isBusy());
    EXPECT_EQ(finished.count(), 0);
}

} // namespace
