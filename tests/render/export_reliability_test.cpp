// Exports that do not lie: the CRS in every GeoTIFF and beside every georeferenced PNG/JPEG, georeferencing
// to the pixel, bands that add up to the whole frame, and failures part-way (a full disk, too little memory)
// that leave the old file and nothing else.
#include "exporter.h"
#include "shipped.h"
#include <srs.h>

#include <image_compare.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <csignal>
#include <map>

namespace {

// The shipped data in another CRS, built once per CRS.
std::shared_ptr<const isv::Scene> sceneIn(const std::string& crs) {
    static std::map<std::string, std::shared_ptr<const isv::Scene>> scenes;
    if (crs == geo::kDisplayCrs) return shippedScene();
    auto& scene = scenes[crs];
    if (!scene) {
        auto built = isv::Scene::build(shippedScene()->dataPtr(), crs);
        EXPECT_TRUE(built.ok()) << crs << ": " << (built ? "" : built.error().message);
        if (built) scene = built.value();
    }
    return scene;
}

GDALDatasetUniquePtr openRaster(const QString& path) {
    GDALAllRegister();
    return GDALDatasetUniquePtr(
        GDALDataset::Open(QFile::encodeName(path).constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
}

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

isv::ExportOptions homeOptions(const isv::Scene& scene, const QString& path, QSize size, int dpi = 96) {
    isv::ExportOptions o;
    o.path = path;
    o.settings.attributionDate = "2026-12-04";
    o.settings.fitOutput(scene.homeBounds(), size, dpi);
    return o;
}

// Display (UTM 55N), web Mercator, the world CRS (Equal Earth: GDAL's GeoTIFF keys cannot express it), an
// ESRI world CRS, and a CRS with no code at all.
const char* const kCrss[] = {geo::kDisplayCrs, "EPSG:3857", geo::kWorldCrs, "ESRI:54030",
                             "+proj=eqearth +lon_0=150 +datum=WGS84 +units=m +no_defs"};

TEST(ExportCrs, EveryGeoTiffCarriesItsCrsAndNothingIsLeftBeside) {
    for (const std::string crs : kCrss) {
        SCOPED_TRACE(crs);
        const auto scene = sceneIn(crs);
        ASSERT_TRUE(scene);
        QTemporaryDir dir;
        const auto o = homeOptions(*scene, dir.filePath("map.tif"), {320, 200});
        const auto r = isv::exportMap(*scene, o);
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_EQ(r->written, QStringList{o.path});
        EXPECT_EQ(entries(dir.path()), QStringList{"map.tif"}) << "no .part, no .aux.xml";
        const auto ds = openRaster(o.path);
        ASSERT_TRUE(ds);
        ASSERT_NE(ds->GetSpatialRef(), nullptr) << "no CRS in the file";
        const OGRSpatialReference want = srsOf(crs);
        EXPECT_TRUE(ds->GetSpatialRef()->IsSame(&want));
    }
}

TEST(ExportCrs, AGeoreferencedPngOrJpegHasItsCrsBesideIt) {
    for (const char* crs : {geo::kDisplayCrs, geo::kWorldCrs}) {
        for (const QString name : {"map.png", "map.jpg"}) {
            SCOPED_TRACE(std::string(crs) + " " + name.toStdString());
            const auto scene = sceneIn(crs);
            QTemporaryDir dir;
            auto o = homeOptions(*scene, dir.filePath(name), {300, 240});
            o.worldFile = true;
            const auto r = isv::exportMap(*scene, o);
            ASSERT_TRUE(r.ok()) << r.error().message;
            const QString world = name.endsWith(".png") ? "map.pgw" : "map.jgw";
            EXPECT_EQ(r->written, QStringList({o.path, dir.filePath(world), dir.filePath("map.prj"),
                                               o.path + ".aux.xml"}));
            QStringList expected{name, name + ".aux.xml", world, "map.prj"};
            expected.sort();
            EXPECT_EQ(entries(dir.path()), expected);

            // GDAL (and so QGIS) places it: the CRS from the .aux.xml, the transform from the world file.
            const auto ds = openRaster(o.path);
            ASSERT_TRUE(ds);
            ASSERT_NE(ds->GetSpatialRef(), nullptr);
            const OGRSpatialReference want = srsOf(crs);
            EXPECT_TRUE(ds->GetSpatialRef()->IsSame(&want));
            double gt[6];
            ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
            const geo::Box b = o.settings.viewport.mapBounds();
            const double px = o.settings.viewport.metresPerPixel;
            EXPECT_NEAR(gt[0], b.minx, px * 1e-3);
            EXPECT_NEAR(gt[3], b.maxy, px * 1e-3);
            EXPECT_NEAR(gt[1], px, px * 1e-6);
            EXPECT_NEAR(gt[5], -px, px * 1e-6);
            // The .prj says the same in ESRI WKT.
            OGRSpatialReference prj;
            ASSERT_EQ(prj.SetFromUserInput(readAll(dir.filePath("map.prj")).constData()), OGRERR_NONE);
            prj.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            EXPECT_TRUE(prj.IsSame(&want));
        }
    }
}

// An extent whose shape is the image's, so the image shows exactly it; the scale is not a round number.
struct Exact {
    geo::Box box;
    QSize size;
    double px; // metres per device pixel
};

Exact exactExtent(QSize size) {
    const geo::Box home = shippedScene()->homeBounds();
    const double px = 123.456789;
    const double cx = (home.minx + home.maxx) / 2 + 0.37, cy = (home.miny + home.maxy) / 2 - 0.21;
    return {{cx - px * size.width() / 2, cy - px * size.height() / 2, cx + px * size.width() / 2,
             cy + px * size.height() / 2},
            size,
            px};
}

TEST(ExportGeoreference, GeoTiffAndWorldFileMatchTheRequestedExtentToAFractionOfAPixel) {
    for (const int dpi : {96, 144}) {
        SCOPED_TRACE(dpi);
        const Exact e = exactExtent({900, 600});
        QTemporaryDir dir;
        isv::ExportOptions o;
        o.settings.fitOutput(e.box, e.size, dpi);
        ASSERT_EQ(o.settings.pixelSize(), e.size);
        const double tolerance =
            e.px * 0.01; // a hundredth of a pixel; a shift by one pixel is 100 times that

        o.path = dir.filePath("map.tif");
        ASSERT_TRUE(isv::exportMap(*shippedScene(), o).ok());
        const auto ds = openRaster(o.path);
        ASSERT_TRUE(ds);
        EXPECT_EQ(ds->GetRasterXSize(), e.size.width());
        EXPECT_EQ(ds->GetRasterYSize(), e.size.height());
        double gt[6];
        ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
        // GDAL's origin is the upper-left corner of the upper-left pixel.
        EXPECT_NEAR(gt[0], e.box.minx, tolerance);
        EXPECT_NEAR(gt[3], e.box.maxy, tolerance);
        EXPECT_NEAR(gt[1], e.px, e.px * 1e-6);
        EXPECT_NEAR(gt[5], -e.px, e.px * 1e-6);
        EXPECT_EQ(gt[2], 0);
        EXPECT_EQ(gt[4], 0);
        EXPECT_NEAR(gt[0] + gt[1] * e.size.width(), e.box.maxx, tolerance);
        EXPECT_NEAR(gt[3] + gt[5] * e.size.height(), e.box.miny, tolerance);

        o.path = dir.filePath("map.png");
        o.worldFile = true;
        ASSERT_TRUE(isv::exportMap(*shippedScene(), o).ok());
        const QStringList lines =
            QString::fromUtf8(readAll(dir.filePath("map.pgw"))).split('\n', Qt::SkipEmptyParts);
        ASSERT_EQ(lines.size(), 6);
        // A world file's origin is the centre of the upper-left pixel.
        EXPECT_NEAR(lines[0].toDouble(), e.px, e.px * 1e-6);
        EXPECT_EQ(lines[1].toDouble(), 0);
        EXPECT_EQ(lines[2].toDouble(), 0);
        EXPECT_NEAR(lines[3].toDouble(), -e.px, e.px * 1e-6);
        EXPECT_NEAR(lines[4].toDouble(), e.box.minx + e.px / 2, tolerance);
        EXPECT_NEAR(lines[5].toDouble(), e.box.maxy - e.px / 2, tolerance);

        // And the picture is drawn where the georeference says: a map point lands on the pixel the transform
        // gives for it (the renderer's own mapping, in device pixels).
        for (const geo::Point p : {geo::Point{e.box.minx + 1000.5, e.box.maxy - 777.25},
                                   geo::Point{e.box.maxx - 4321.0, e.box.miny + 2468.0}}) {
            const geo::Point screen = o.settings.viewport.toScreen(p);
            EXPECT_NEAR(screen.x * o.settings.devicePixelRatio, (p.x - gt[0]) / gt[1], 0.01);
            EXPECT_NEAR(screen.y * o.settings.devicePixelRatio, (p.y - gt[3]) / gt[5], 0.01);
        }
    }
}

QImage readTiff(const QString& path) {
    const auto ds = openRaster(path);
    if (!ds) return {};
    QImage img(ds->GetRasterXSize(), ds->GetRasterYSize(), QImage::Format_RGBA8888);
    if (ds->RasterIO(GF_Read, 0, 0, img.width(), img.height(), img.bits(), img.width(), img.height(),
                     GDT_Byte, 4, nullptr, 4, img.bytesPerLine(), 1, nullptr) != CE_None)
        return {};
    return img;
}

TEST(ExportBands, ABandedExportEqualsTheWholeFrame) {
    // Labels, legend, title and notes cross the band edges; 97 rows draw each band on one core, 600 rows
    // (600k pixels) in stripes on several, with a shorter last band.
    for (const int dpi : {96, 192}) {
        QTemporaryDir dir;
        auto o = homeOptions(*shippedScene(), {}, {1000, 700}, dpi);
        o.settings.title = "Banded title across the top";
        o.settings.notes = {{146.0, 44.0, "A note in the middle"}};
        for (const QString ext : {"png", "tif"}) {
            o.path = dir.filePath("whole." + ext);
            o.bandRows = 0;
            ASSERT_TRUE(isv::exportMap(*shippedScene(), o).ok());
            const QImage whole = ext == "png" ? QImage(o.path) : readTiff(o.path);
            ASSERT_FALSE(whole.isNull());
            for (const int rows : {97, 600}) {
                SCOPED_TRACE(
                    QString("%1 dpi, %2, bands of %3 rows").arg(dpi).arg(ext).arg(rows).toStdString());
                o.path = dir.filePath(QString("banded%1.%2").arg(rows).arg(ext));
                o.bandRows = rows;
                ASSERT_TRUE(isv::exportMap(*shippedScene(), o).ok());
                const QImage banded = ext == "png" ? QImage(o.path) : readTiff(o.path);
                ASSERT_EQ(banded.size(), whole.size());
                // Within one level but for a few dozen pixels in 700,000: renderMap's stripes clip outlines
                // to their rows, and a clipped edge's new end point moves that edge's antialiasing by a level
                // or two (its stripes split a band and the whole frame at different rows). A band drawn in
                // the wrong place, or a label or legend drawn in one band and not another, differs in
                // thousands.
                const auto d =
                    isvtest::compareImages(banded, whole, {.channelTolerance = 1, .allowedFraction = 2e-4});
                EXPECT_TRUE(d.passed) << d.message.toStdString();
            }
        }
    }
}

TEST(ExportBands, ProgressIsToldAfterEveryBandAndEndsAtOne) {
    QTemporaryDir dir;
    auto o = homeOptions(*shippedScene(), dir.filePath("map.png"), {400, 350});
    o.bandRows = 100;
    std::vector<double> told;
    ASSERT_TRUE(isv::exportMap(*shippedScene(), o, [&](double f) { told.push_back(f); }).ok());
    ASSERT_EQ(told.size(), 4u);
    EXPECT_DOUBLE_EQ(told[0], 100.0 / 350);
    EXPECT_TRUE(std::is_sorted(told.begin(), told.end()));
    EXPECT_DOUBLE_EQ(told.back(), 1.0);
    EXPECT_EQ(QImage(o.path).size(), QSize(400, 350));
}

// `isleview export` in a child process under a resource limit.
struct Outcome {
    int code = -1;
    QString err;
};

Outcome exportLimited(const QStringList& args, decltype(RLIMIT_AS) resource, rlim_t limit) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    p.setProcessEnvironment(env);
    // In the child, before exec: the limit, and a write past RLIMIT_FSIZE fails with EFBIG instead of
    // killing the process (SIGXFSZ), as a full disk fails a write.
    p.setChildProcessModifier([resource, limit] {
        const rlimit r{limit, limit};
        setrlimit(resource, &r);
        std::signal(SIGXFSZ, SIG_IGN);
    });
    p.start(ISLEVIEW_EXE, QStringList{"export"} + args);
    EXPECT_TRUE(p.waitForFinished(120000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardError())};
}

TEST(ExportFailure, AWriteThatFailsPartWayKeepsTheOldFileAndLeavesNothing) {
    // 64 KiB per file: the export (a megabyte or more) fails part-way; the small sidecars would fit.
    for (const QString name : {"map.png", "map.tif", "map.jpg"}) {
        for (const bool world : {false, true}) {
            if (world && name.endsWith(".tif")) continue;
            SCOPED_TRACE((name + (world ? " --world-file" : "")).toStdString());
            QTemporaryDir dir;
            const QString path = dir.filePath(name);
            writeFile(path, "precious");
            QStringList before{name};
            QStringList args{path, "--size", "2000x1500"};
            if (world) {
                const QString pgw = name.endsWith(".png") ? "map.pgw" : "map.jgw";
                writeFile(dir.filePath(pgw), "old world");
                before << pgw;
                args << "--world-file";
            }
            before.sort();
            const Outcome r = exportLimited(args, RLIMIT_FSIZE, 64 * 1024);
            EXPECT_EQ(r.code, 1) << r.err.toStdString();
            EXPECT_TRUE(r.err.contains(path)) << r.err.toStdString();
            EXPECT_EQ(readAll(path), "precious");
            EXPECT_EQ(entries(dir.path()), before) << "no temporary or sidecar left";
            if (world) {
                EXPECT_EQ(readAll(dir.filePath(before.contains("map.pgw") ? "map.pgw" : "map.jgw")),
                          "old world");
            }
        }
    }
}

// ASan reserves terabytes of address space, so RLIMIT_AS cannot bound a sanitizer build: these two run in
// the plain build only.
#if !defined(__SANITIZE_ADDRESS__)
TEST(ExportFailure, AFrameTooBigForTheMemorySaysChooseASmallerSizeAndWritesNothing) {
    // 450 MB of address space: the program and its data (about 300 MB) and less than a 64-Mpixel band.
    const rlim_t limit = rlim_t(450) << 20;
    for (const QString name : {"big.png", "big.tif", "big.jpg"}) {
        SCOPED_TRACE(name.toStdString());
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        const Outcome r = exportLimited({path, "--size", "20000x20000"}, RLIMIT_AS, limit);
        EXPECT_EQ(r.code, 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(path)) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("choose a smaller size")) << r.err.toStdString();
        EXPECT_TRUE(entries(dir.path()).isEmpty()) << entries(dir.path()).join(", ").toStdString();
    }
}

TEST(ExportFailure, ABigExportDrawsBandByBandWhereOneWholeImageWouldNotFit) {
    // 1000 MB: a whole 16000 x 12000 frame (768 MB) does not fit beside the program, so the JPEG (drawn
    // whole) fails cleanly, while the PNG and GeoTIFF draw in bands of 64 Mpixels and are written.
    const rlim_t limit = rlim_t(1000) << 20;
    QTemporaryDir dir;
    for (const QString name : {"big.jpg", "big.png", "big.tif"}) {
        SCOPED_TRACE(name.toStdString());
        const QString path = dir.filePath(name);
        const Outcome r = exportLimited({path, "--size", "16000x12000"}, RLIMIT_AS, limit);
        if (name.endsWith(".jpg")) {
            EXPECT_EQ(r.code, 1) << r.err.toStdString();
            EXPECT_TRUE(r.err.contains("choose a smaller size")) << r.err.toStdString();
            EXPECT_FALSE(QFile::exists(path));
        } else {
            EXPECT_EQ(r.code, 0) << r.err.toStdString();
            const auto ds = openRaster(path);
            ASSERT_TRUE(ds);
            EXPECT_EQ(ds->GetRasterXSize(), 16000);
            EXPECT_EQ(ds->GetRasterYSize(), 12000);
        }
    }
    EXPECT_EQ(entries(dir.path()), QStringList({"big.png", "big.tif"}));
}
#endif

} // namespace
