// The program's own inputs: where the data comes from (--data, ISLEVIEW_DATA), --extent and the area an
// image really shows, and the compiled-in worldviews and style files read from generated bad copies.
#include "data_location.h"
#include "render_map.h"
#include "shipped.h"

#include <gdal_priv.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <random>

namespace {

struct Outcome {
    int code = -1;
    QString err;
};

// The built isleview, run as a user runs it; `vars` are set in its environment ("" removes one).
Outcome isleview(const QStringList& args, const QList<QPair<QString, QString>>& vars = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    env.remove("ISLEVIEW_DATA");
    for (const auto& [k, v] : vars)
        v.isEmpty() ? env.remove(k) : env.insert(k, v);
    p.setProcessEnvironment(env);
    p.start(ISLEVIEW_EXE, args);
    EXPECT_TRUE(p.waitForFinished(60000)) << args.join(' ').toStdString();
    if (p.state() != QProcess::NotRunning) p.kill(), p.waitForFinished();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardError())};
}

// Sets an environment variable for one scope.
class EnvVar {
  public:
    EnvVar(const char* name, const QByteArray& value)
        : name_(name), old_(qgetenv(name)), had_(qEnvironmentVariableIsSet(name)) {
        qputenv(name, value);
    }
    ~EnvVar() { had_ ? qputenv(name_, old_) : qunsetenv(name_); }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

  private:
    const char* name_;
    QByteArray old_;
    bool had_;
};

TEST(DataLocation, AFolderTheUserGaveIsUsedOrRefusedNeverReplaced) {
    QTemporaryDir dir;
    const QString absent = dir.filePath("absent");
    const QString file = dir.filePath("file");
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    const EnvVar none("ISLEVIEW_DATA", "");

    const auto shipped = isv::findDataDir();
    ASSERT_TRUE(shipped.ok()) << shipped.error().message;
    EXPECT_EQ(shipped.value(), QDir(ISLEVIEW_STAGED_DATA_DIR).absolutePath()) << "an empty variable is unset";

    const struct {
        QString requested, env, expected;
    } cases[] = {
        {absent, {}, "data directory (--data) " + absent + ": no such folder"},
        {file, {}, "data directory (--data) " + file + ": not a folder"},
        {{}, absent, "data directory (ISLEVIEW_DATA) " + absent + ": no such folder"},
        {{}, file, "data directory (ISLEVIEW_DATA) " + file + ": not a folder"},
        {absent, ISLEVIEW_SOURCE_DATA_DIR, "data directory (--data) " + absent + ": no such folder"},
    };
    for (const auto& c : cases) {
        const EnvVar env("ISLEVIEW_DATA", c.env.toUtf8());
        const auto r = isv::findDataDir(c.requested);
        ASSERT_FALSE(r.ok()) << c.expected.toStdString() << " gave " << r.value().toStdString();
        EXPECT_EQ(r.error().message, c.expected.toStdString());
    }
    {
        const EnvVar env("ISLEVIEW_DATA", dir.path().toUtf8());
        ASSERT_TRUE(isv::findDataDir().ok());
        EXPECT_EQ(isv::findDataDir().value(), QDir(dir.path()).absolutePath());
        EXPECT_EQ(isv::findDataDir(ISLEVIEW_SOURCE_DATA_DIR).value(),
                  QDir(ISLEVIEW_SOURCE_DATA_DIR).absolutePath())
            << "--data wins over the variable";
    }
}

TEST(DataLocation, TheCommandLineAndTheWindowSayWhichFolderIsWrong) {
    QTemporaryDir dir;
    const QString absent = dir.filePath("no-such-data");
    const QList<QPair<QStringList, QList<QPair<QString, QString>>>> runs{
        {{"info"}, {{"ISLEVIEW_DATA", absent}}},
        {{"export", dir.filePath("a.png"), "--size", "64x64"}, {{"ISLEVIEW_DATA", absent}}},
        {{"info", "--data", absent}, {}},
        // The window, on a platform with no screen: the message and exit 1, never the shipped data.
        {{}, {{"ISLEVIEW_DATA", absent}, {"QT_QPA_PLATFORM", "offscreen"}}},
        {{"--data", absent}, {{"QT_QPA_PLATFORM", "offscreen"}}},
    };
    for (const auto& [args, vars] : runs) {
        const Outcome r = isleview(args, vars);
        EXPECT_EQ(r.code, 1) << args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains(absent + ": no such folder")) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(vars.isEmpty() || args.contains("--data") ? "--data" : "ISLEVIEW_DATA"))
            << r.err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(dir.filePath("a.png")));
}

// An exported raster's size (pixels) and projected extent (metres) from its georeference (GeoTIFF or
// world file), as GDAL reads them.
struct Raster {
    QSize size;
    geo::Box extent;
};

Raster readRaster(const QString& path) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER));
    EXPECT_TRUE(ds) << path.toStdString();
    if (!ds) return {};
    double gt[6];
    EXPECT_EQ(ds->GetGeoTransform(gt), CE_None);
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    return {{w, h}, {gt[0], gt[3] + gt[5] * h, gt[0] + gt[1] * w, gt[3]}};
}

TEST(Extent, ExactExtentMakesTheImageTheAreasShape) {
    QTemporaryDir dir;
    const geo::Box want = shippedScene()->projectBox({145, 43, 149, 46});
    const double aspect = want.width() / want.height();
    for (const QStringList& sizing :
         {QStringList{"--size", "1600x900", "--exact-extent"},
          QStringList{"--size", "900x1600", "--exact-extent"}, QStringList{"--size", "700"}}) {
        for (const char* name : {"map.tif", "map.png"}) {
            const QString out = dir.filePath(name);
            QStringList args{"export", out, "--extent", "145,43,149,46"};
            args << sizing;
            if (out.endsWith(".png")) args << "--world-file";
            const Outcome r = isleview(args);
            ASSERT_EQ(r.code, 0) << args.join(' ').toStdString() << ": " << r.err.toStdString();
            const Raster raster = readRaster(out);
            const geo::Box& got = raster.extent;
            const QSize image = raster.size;
            ASSERT_FALSE(image.isEmpty());
            const double px = got.width() / image.width();
            // The image's shape is the area's, to the rounding of one pixel ...
            EXPECT_NEAR(double(image.width()) / image.height(), aspect, 1.0 / image.height())
                << sizing.join(' ').toStdString();
            // ... the side --size fixed is kept, the other follows ...
            if (sizing.contains("700")) {
                EXPECT_EQ(image.width(), 700);
            }
            EXPECT_TRUE(image.width() == sizing[1].section('x', 0, 0).toInt() ||
                        image.height() == sizing[1].section('x', 1, 1).toInt());
            // ... and the georeference says it covers the requested area, within a pixel on every side.
            EXPECT_NEAR(got.minx, want.minx, px) << name << " " << sizing.join(' ').toStdString();
            EXPECT_NEAR(got.maxx, want.maxx, px) << name;
            EXPECT_NEAR(got.miny, want.miny, px) << name;
            EXPECT_NEAR(got.maxy, want.maxy, px) << name;
            QDir(dir.path()).removeRecursively();
            QDir().mkpath(dir.path());
        }
    }
}

TEST(Extent, AShapeThatNeedsTooBigOrTooSmallAnImageIsRefused) {
    QTemporaryDir dir;
    for (const QStringList& area : {QStringList{"--extent", "146,43,146.01,46", "--size", "20000"},
                                    QStringList{"--extent", "145,43,149,43.01", "--size", "100"},
                                    QStringList{"--extent", "145,43,149,43.001", "--exact-extent"}}) {
        const Outcome r = isleview(QStringList{"export", dir.filePath("a.png")} + area);
        EXPECT_EQ(r.code, 1) << area.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains("sides must be 16 to 20000")) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(dir.filePath("a.png")));
    }
}

TEST(Extent, WithoutExactExtentTheFooterSaysWhatIsShown) {
    const auto scene = shippedScene();
    isv::MapSettings s;
    s.attribution = true;
    s.requestedArea = scene->projectBox({145, 43, 149, 46});
    s.fitOutput(s.requestedArea, QSize(1920, 1080), 96);
    const QString shown = isv::shownAreaText(*scene, s);
    // The example: 145–149°E at 16:9 covers about 143.2–150.8°E.
    EXPECT_TRUE(shown.startsWith("Shown: 143.2–150.8°E, ")) << shown.toStdString();
    EXPECT_TRUE(shown.endsWith("°N")) << shown.toStdString();
    EXPECT_TRUE(isv::attributionText(*scene, s).startsWith(shown + " · "));

    // A frame of the area's own shape shows what was asked for: nothing to say.
    const geo::Box& a = s.requestedArea;
    s.fitOutput(a, QSize(1000, int(std::lround(1000 * a.height() / a.width()))), 96);
    EXPECT_EQ(isv::shownAreaText(*scene, s), "");
    s.requestedArea = {};
    s.fitOutput(scene->projectBox({145, 43, 149, 46}), QSize(1920, 1080), 96);
    EXPECT_EQ(isv::shownAreaText(*scene, s), "") << "no area asked for: the window's frames";

    // Through the command line, into the image (SVG keeps the footer as text).
    QTemporaryDir dir;
    const QString out = dir.filePath("wide.svg");
    const Outcome r = isleview({"export", out, "--extent", "145,43,149,46", "--size", "1920x1080"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile svg(out);
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(svg.readAll()).contains("Shown: 143.2–150.8°E"));
}

TEST(Extent, TheHelpSaysAnAreaOfAnotherShapeIsWidened) {
    QProcess p;
    p.start(ISLEVIEW_EXE, {"--help"});
    ASSERT_TRUE(p.waitForFinished(30000));
    const QString help = QString::fromUtf8(p.readAllStandardOutput());
    EXPECT_TRUE(help.contains("--exact-extent")) << help.toStdString();
    EXPECT_TRUE(help.contains("widened")) << help.toStdString();
}

// Generated bad copies of a compiled-in JSON file: each is (what, bytes).
QList<QPair<QString, QByteArray>> damagedJson(const QByteArray& good) {
    std::mt19937 gen(7);
    QByteArray random(int(good.size()), '\0');
    for (char& c : random)
        c = char(gen() & 0xff);
    return {{"empty", {}},
            {"truncated", good.left(good.size() / 2)},
            {"random bytes", random},
            {"an array", "[1, 2, 3]"},
            {"a number", "42"},
            {"an empty object", "{}"}};
}

// `good` with every `from` replaced by `to` (which must be there).
QByteArray edited(QByteArray good, const char* from, const char* to) {
    EXPECT_TRUE(good.contains(from)) << from;
    return good.replace(from, to);
}

QByteArray resource(const char* name) {
    isv::Worldviews::shipped(); // registers the compiled-in resources
    QFile f(QString(":/isleview/") + name);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return f.readAll();
}

TEST(Worldviews, TheShippedFileReads) {
    const auto w = isv::Worldviews::fromJson(resource("worldviews.json"), "worldviews.json");
    ASSERT_TRUE(w.ok()) << w.error().message;
    EXPECT_EQ(w->claims.size(), 2);
    EXPECT_EQ(w->claims[0].pattern, Qt::BDiagPattern);
    EXPECT_EQ(w->claims[1].borderStyle, Qt::DashDotLine);
    EXPECT_EQ(w->nameWords.nameChoices.size(), 3);
    EXPECT_EQ(w->defacto.adminColours.size(), 2);
}

TEST(Worldviews, BadFilesAreErrorsNamingTheFileAndTheEntry) {
    const QByteArray good = resource("worldviews.json");
    QList<QPair<QString, QByteArray>> cases = damagedJson(good);
    const auto edit = [&good](const char* from, const char* to) { return edited(good, from, to); };
    const QList<QPair<QString, QByteArray>> edits{
        {"claims[0].colour", edit("\"colour\": \"#c0392b\"", "\"colour\": \"reddish\"")},
        {"claims[0].colour", edit("\"colour\": \"#c0392b\"", "\"colour\": 12")},
        {"claims[0].pattern", edit("\"pattern\": \"bdiag\"", "\"pattern\": \"polka\"")},
        {"claims[1].border_style", edit("\"border_style\": \"dashdot\"", "\"border_style\": \"wavy\"")},
        {"claims[1].claimant",
         edit("\"claimant\": \"russia\",\n      \"name\"", "\"claimant\": \"japan\",\n      \"name\"")},
        {"claims[0].legend_claim", edit("\"legend_claim\": \"Claimed by Japan (Japan's position)\",", "")},
        {"claims is missing", edit("\"claims\": [", "\"claimz\": [")},
        {"defacto.title", edit("\"title\": \"De facto view", "\"titel\": \"De facto view")},
        {"defacto.admin[1].colour", edit("\"colour\": \"#d9e2cf\"", "\"colour\": \"\"")},
        {"file.both_claim",
         edit("\"both_claim\": \"Claimed by both sides (disputed)\"", "\"both_claim\": 3")},
        {"name_choices[0].codes",
         edit("\"codes\": [\n        \"ja\"\n      ]", "\"codes\": [\n        \"jp\"\n      ]")},
        {"languages", edit("\"languages\": [", "\"languages\": 7, \"x\": [")},
    };
    cases << edits;
    for (const auto& [what, bytes] : cases) {
        const auto w = isv::Worldviews::fromJson(bytes, "mine.json");
        ASSERT_FALSE(w.ok()) << what.toStdString();
        const std::string& m = w.error().message;
        EXPECT_EQ(m.rfind("mine.json: ", 0), 0U) << m;
        if (what.contains('.') || what.contains("missing")) {
            EXPECT_NE(m.find(what.section(' ', 0, 0).toStdString()), std::string::npos)
                << what.toStdString() << ": " << m;
        }
    }
    EXPECT_EQ(cases.size(), 18);
}

TEST(MapStyle, BadStyleFilesAreErrorsNamingTheFileAndTheKey) {
    const QByteArray good = resource("style.json");
    ASSERT_TRUE(isv::MapStyle::fromJson(good, "style.json", isv::Worldviews::shipped()).ok());
    QList<QPair<QString, QByteArray>> cases = damagedJson(good);
    cases.removeIf([](const auto& c) { return c.first == "an empty object"; }); // checked below as "'sea'"
    const auto edit = [&good](const char* from, const char* to) { return edited(good, from, to); };
    const QList<QPair<QString, QByteArray>> edits{
        {"'sea'", "{}"},
        {"'sea'", edit("\"sea\": \"#c9dff0\"", "\"sea\": 5")},
        {"'coast'", edit("\"coast\": 0.8", "\"coast\": \"thick\"")},
        {"'coast'", edit("\"coast\": 0.8", "\"coast\": -1")},
        {"'coast'", edit("\"coast\": 0.8", "\"coast\": 1e9")},
        {"'size'", edit("\"title\": {\"size\": 15", "\"title\": {\"size\": 0")},
        {"'size'", edit("\"title\": {\"size\": 15", "\"title\": {\"size\": 5000")},
        {"'added_fill_alpha'", edit("\"added_fill_alpha\": 70", "\"added_fill_alpha\": 300")},
        {"'placement'", edit("\"placement\": \"point\"", "\"placement\": \"everywhere\"")},
    };
    cases << edits;
    for (const auto& [what, bytes] : cases) {
        const auto s = isv::MapStyle::fromJson(bytes, "mine.json", isv::Worldviews::shipped());
        ASSERT_FALSE(s.ok()) << what.toStdString();
        const std::string& m = s.error().message;
        EXPECT_EQ(m.rfind("mine.json: ", 0), 0U) << m;
        if (what.startsWith('\'')) {
            EXPECT_NE(m.find(what.toStdString()), std::string::npos) << m;
        }
    }
}

} // namespace
