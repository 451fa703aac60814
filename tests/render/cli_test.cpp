// `isleview info` and `isleview export` as a user runs them: a separate process, exit codes, messages.
#include "shipped.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Outcome {
    int code = -1;
    QByteArray out;
    QString err;
};

Outcome isleview(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(ISLEVIEW_EXE, args);
    EXPECT_TRUE(p.waitForFinished(60000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

// A copy of the shipped data that a test may break.
QString copyData(const QTemporaryDir& dir) {
    const QDir src(ISLEVIEW_SOURCE_DATA_DIR);
    const QString dst = dir.filePath("data");
    QDir().mkpath(dst);
    for (const auto& f : src.entryList(QDir::Files))
        QFile::copy(src.filePath(f), dst + "/" + f);
    return dst;
}

TEST(Cli, InfoJsonListsLayersAndTheFourGroupsWithComputedAreas) {
    const Outcome r = isleview({"info", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(root["data_dir"].toString(), QDir(ISLEVIEW_SOURCE_DATA_DIR).absolutePath());
    const QJsonArray layers = root["layers"].toArray();
    ASSERT_EQ(layers.size(), 4);
    for (const auto& l : layers) {
        EXPECT_GT(l.toObject()["features"].toInt(), 0);
        EXPECT_TRUE(QFile::exists(l.toObject()["path"].toString()));
    }
    EXPECT_EQ(layers[0].toObject()["crs"].toString(), "EPSG:4326");
    const geo::MapData& data = shippedScene()->data();
    const QJsonArray islands = root["islands"].toArray();
    ASSERT_EQ(islands.size(), 4);
    QStringList ids;
    for (const auto& v : islands) {
        const QJsonObject i = v.toObject();
        const std::string id = i["id"].toString().toStdString();
        ids << i["id"].toString();
        const geo::Place* p = data.place(id);
        ASSERT_NE(p, nullptr);
        const QJsonObject names = i["names"].toObject();
        EXPECT_EQ(names["japanese"].toObject()["latin"].toString().toStdString(), p->names.at("ja_latin"));
        EXPECT_EQ(names["japanese"].toObject()["native"].toString().toStdString(), p->names.at("ja_native"));
        EXPECT_EQ(names["russian"].toObject()["latin"].toString().toStdString(), p->names.at("ru_latin"));
        EXPECT_EQ(names["russian"].toObject()["native"].toString().toStdString(), p->names.at("ru_native"));
        EXPECT_NEAR(i["area_km2"].toDouble(), data.figures.at(id).areaKm2, 0.01);
        EXPECT_GT(i["area_km2"].toDouble(), 50);
        for (const auto& islet : i["islets"].toArray()) {
            EXPECT_FALSE(
                islet.toObject()["names"].toObject()["russian"].toObject()["latin"].toString().isEmpty());
            // An islet the coastline lacks (Kaigara) is listed, marked as without outline and area.
            const QJsonObject o = islet.toObject();
            if (o["outlined"].toBool())
                EXPECT_GT(o["area_km2"].toDouble(), 0);
            else
                EXPECT_TRUE(o["area_km2"].isNull());
        }
        EXPECT_EQ(i["islet_polygons"].toInt(), data.figures.at(id).isletPolygons) << id;
    }
    EXPECT_EQ(ids, (QStringList{"etorofu", "kunashiri", "shikotan", "habomai"}));
    EXPECT_GE(islands[3].toObject()["islets"].toArray().size(), 6) << "Habomai's named islets";
    EXPECT_EQ(islands[0].toObject()["islet_polygons"].toInt(), 54) << "Etorofu's islets, named or not";
    QStringList habomai;
    for (const auto& islet : islands[3].toObject()["islets"].toArray())
        habomai << islet.toObject()["id"].toString();
    EXPECT_TRUE(habomai.contains("kaigara")) << "Kaigara must not vanish from info";
}

TEST(Cli, InfoTextNamesBothSets) {
    const Outcome r = isleview({"info"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString text = QString::fromUtf8(r.out);
    for (const char* name : {"Etorofu", "Iturup", "択捉島", "Итуруп", "Habomai", "Хабомаи"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(name))) << name;
}

TEST(Cli, UsageErrorsExitTwoWithAUsageLine) {
    for (const QStringList& args :
         {QStringList{"info", "--bogus"}, QStringList{"export"},
          QStringList{"export", "a.png", "--claims", "chinese"},
          QStringList{"export", "a.png", "--size", "big"},
          QStringList{"export", "a.png", "--extent", "146,44,145,43"},
          QStringList{"export", "a.svg", "--world-file"},
          QStringList{"export", "a.png", "--extent", "200,43,210,44"}, QStringList{"--nonsense"}}) {
        const Outcome r = isleview(args);
        EXPECT_EQ(r.code, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains("usage:")) << r.err.toStdString();
    }
}

TEST(Cli, UnknownImageFormatIsAFailureNamingThePath) {
    QTemporaryDir dir;
    const Outcome r = isleview({"export", dir.filePath("a.xyz")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("a.xyz") && r.err.contains("unknown image format")) << r.err.toStdString();
    EXPECT_TRUE(QDir(dir.path()).isEmpty());
}

TEST(Cli, InfoOnADataFolderWithoutFactsStillReports) {
    QTemporaryDir dir;
    const Outcome r = isleview({"info", "--json", "--data", copyData(dir)});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(root["islands"].toArray().size(), 4);
    EXPECT_FALSE(root.contains("facts"));
    EXPECT_TRUE(root["facts_error"].toString().contains("article.json"));
    EXPECT_TRUE(r.err.contains("warning"));
}

TEST(Cli, BadDataDirectoryFailsWithItsName) {
    const Outcome r = isleview({"info", "--data", "/nonexistent/isleview-data"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("/nonexistent/isleview-data")) << r.err.toStdString();
}

TEST(Cli, BrokenShapefileIsReportedNotCrashedOn) {
    QTemporaryDir dir;
    const QString data = copyData(dir);
    QFile shp(data + "/coast.shp");
    ASSERT_TRUE(shp.open(QIODevice::ReadWrite));
    shp.resize(300); // truncated mid-record
    shp.close();
    const Outcome r = isleview({"info", "--data", data});
    EXPECT_EQ(r.code, 1) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains("coast.shp")) << r.err.toStdString();

    QFile names(data + "/names.csv");
    ASSERT_TRUE(names.open(QIODevice::WriteOnly));
    names.write("\x01\x02garbage");
    names.close();
    const Outcome r2 = isleview({"export", dir.filePath("x.png"), "--data", data});
    EXPECT_EQ(r2.code, 1);
    EXPECT_FALSE(QFile::exists(dir.filePath("x.png")));
}

TEST(Cli, ExportWritesTheImageWithoutADisplay) {
    QTemporaryDir dir;
    const QString out = dir.filePath("habomai.png");
    const Outcome r =
        isleview({"export", out, "--focus", "habomai", "--size", "640x360", "--names", "both", "--claims",
                  "both", "--title", "Habomai", "--note", "145.85,43.39,Goyomai Strait"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(QImage(out).size(), QSize(640, 360));
}

TEST(Cli, ExportAddsAnyVectorFileGdalReads) {
    QTemporaryDir dir;
    const QString geojson = dir.filePath("route.geojson");
    QFile f(geojson);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"ferry"},)"
            R"("geometry":{"type":"LineString","coordinates":[[145.58,43.33],[145.86,43.8]]}}]})");
    f.close();
    const Outcome ok = isleview({"export", dir.filePath("a.png"), "--add", geojson, "--size", "320x200"});
    EXPECT_EQ(ok.code, 0) << ok.err.toStdString();
    const Outcome bad = isleview({"export", dir.filePath("b.png"), "--add", dir.filePath("missing.shp")});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("missing.shp")) << bad.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("b.png")));
}

TEST(Cli, ExportFailureNamesThePathAndLeavesNothing) {
    QTemporaryDir dir;
    const QString out = dir.filePath("missing-folder/map.png");
    const Outcome r = isleview({"export", out, "--size", "320x200"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains(out)) << r.err.toStdString();
    const Outcome focus = isleview({"export", dir.filePath("x.png"), "--focus", "atlantis"});
    EXPECT_EQ(focus.code, 1);
    EXPECT_TRUE(focus.err.contains("atlantis"));
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
}

// Pixels within a small distance of the added layers' colour.
int addedPixels(const QImage& image) {
    const QColor added = shippedScene()->style().added;
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - added.red()) + std::abs(c.green() - added.green()) +
                     std::abs(c.blue() - added.blue()) <
                 30;
        }
    return n;
}

TEST(Cli, ExportAddDrawsPointFeatures) {
    // The same three points in view and far outside it: the legend and everything else are the same, so
    // the pixels of the added colour that differ are the dots.
    QTemporaryDir dir;
    const auto points = [](double dlon) {
        return QString(
                   R"({"type":"FeatureCollection","features":[)"
                   R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[%1,41.5]}},)"
                   R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[%2,42.5]}},)"
                   R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[%3,41.8]}}]})")
            .arg(150.5 + dlon)
            .arg(151.5 + dlon)
            .arg(152.5 + dlon)
            .toUtf8();
    };
    const QString near = writeTestFile(dir, "near.geojson", points(0));
    const QString far = writeTestFile(dir, "far.geojson", points(-60));
    const QStringList common{"--size", "400x300", "--extent", "150,41,153,43"};
    const Outcome a = isleview(QStringList{"export", dir.filePath("near.png"), "--add", near} + common);
    const Outcome b = isleview(QStringList{"export", dir.filePath("far.png"), "--add", far} + common);
    ASSERT_EQ(a.code, 0) << a.err.toStdString();
    ASSERT_EQ(b.code, 0) << b.err.toStdString();
    EXPECT_FALSE(a.err.contains("warning")) << a.err.toStdString();
    const int dots =
        addedPixels(QImage(dir.filePath("near.png"))) - addedPixels(QImage(dir.filePath("far.png")));
    EXPECT_GE(dots, 3 * 6) << "three dots of 3 px radius (their cores in the added colour)";
}

TEST(Cli, ExportAddWarnsOfWhatTheFileLeftOutAndStillDrawsTheRest) {
    // An export reads only what is in view: the line of one point there is found and said; the point at
    // 1e300 lies in no view and is never read.
    QTemporaryDir dir;
    const QString path = writeTestFile(dir, "damaged.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[145.5,43.5],[146,44]]}},
 {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[145.6,43.6]]}},
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e300,41.5]}}]})");
    const Outcome r = isleview({"export", dir.filePath("d.png"), "--add", path, "--size", "320x200"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("warning: " + path + ": 1 feature(s) skipped: no geometry that can be drawn"))
        << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath("d.png")));
}

} // namespace
