// Every export format written and read back; failures leave nothing behind.
#include "exporter.h"
#include "shipped.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>

namespace {

isv::ExportOptions options(const QString& path, const char* names = "japanese") {
    isv::ExportOptions o;
    o.path = path;
    EXPECT_TRUE(isv::NameSet::parse(names, "latin", &o.settings.names));
    o.settings.viewport = geo::Viewport::fitting(shippedScene()->placeBounds("kunashiri"), 800, 450);
    o.settings.title = "Kunashiri test title";
    o.settings.attributionDate = "2026-11-29";
    return o;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    EXPECT_TRUE(p.waitForFinished(30000))
        << program.toStdString() << " did not run (tools/dev.sh installs it)";
    EXPECT_EQ(p.exitCode(), 0) << program.toStdString() << ": " << p.readAllStandardError().toStdString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

TEST(Export, PngAndJpegHaveTheRequestedPixelSize) {
    QTemporaryDir dir;
    for (const char* name : {"map.png", "map.jpg", "map.jpeg"}) {
        auto o = options(dir.filePath(name));
        auto r = isv::exportMap(*shippedScene(), o);
        ASSERT_TRUE(r.ok()) << r.error().message;
        QImage img(o.path);
        ASSERT_FALSE(img.isNull()) << name;
        EXPECT_EQ(img.size(), QSize(800, 450)) << name;
    }
}

TEST(Export, DpiScalesTextNotTheArea) {
    QTemporaryDir dir;
    auto o = options(dir.filePath("hi.png"));
    o.settings.fitOutput(o.settings.viewport.mapBounds(), QSize(1600, 900), 192);
    ASSERT_TRUE(isv::exportMap(*shippedScene(), o).ok());
    const QImage img(o.path);
    EXPECT_EQ(img.size(), QSize(1600, 900));
    EXPECT_NEAR(img.dotsPerMeterX() * 0.0254, 192, 1);
}

TEST(Export, WorldFileGeoreferencesThePng) {
    QTemporaryDir dir;
    auto o = options(dir.filePath("geo.png"));
    o.worldFile = true;
    auto r = isv::exportMap(*shippedScene(), o);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->written.size(), 4) << "the image, the world file, the .prj and the .aux.xml";
    const QStringList lines =
        QString::fromUtf8(readAll(dir.filePath("geo.pgw"))).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6);
    // The exporter keeps the requested area and centre: the centre pixel maps back to the viewport centre.
    const double a = lines[0].toDouble(), e = lines[3].toDouble(), c = lines[4].toDouble(),
                 f = lines[5].toDouble();
    EXPECT_GT(a, 0);
    EXPECT_NEAR(e, -a, 1e-9);
    const geo::Point centre = o.settings.viewport.center;
    EXPECT_NEAR(c + a * (800 / 2.0 - 0.5), centre.x, a);
    EXPECT_NEAR(f + e * (450 / 2.0 - 0.5), centre.y, a);
}

TEST(Export, SvgParsesAndKeepsTitleAndNamesAsText) {
    QTemporaryDir dir;
    auto o = options(dir.filePath("map.svg"), "russian");
    ASSERT_TRUE(isv::exportMap(*shippedScene(), o).ok());
    QSvgRenderer svg(o.path);
    EXPECT_TRUE(svg.isValid());
    const QString text = QString::fromUtf8(readAll(o.path));
    EXPECT_TRUE(text.contains("Kunashiri test title"));
    EXPECT_TRUE(text.contains("Kunashir<") || text.contains(">Kunashir"));
    EXPECT_TRUE(text.contains("<desc>")) << "metadata: attribution in the SVG description";
    EXPECT_TRUE(text.contains("GSHHG"));
}

TEST(Export, PdfHasOnePageEmbeddedFontsAndSearchableNames) {
    QTemporaryDir dir;
    auto o = options(dir.filePath("map.pdf"), "both");
    ASSERT_TRUE(isv::NameSet::parse("both", "native", &o.settings.names));
    ASSERT_TRUE(isv::exportMap(*shippedScene(), o).ok());
    EXPECT_TRUE(readAll(o.path).startsWith("%PDF"));
    EXPECT_TRUE(run("pdfinfo", {o.path}).contains(QRegularExpression("Pages:\\s+1\\b")));
    const QString fonts = run("pdffonts", {o.path});
    const QStringList rows = fonts.split('\n', Qt::SkipEmptyParts).mid(2);
    ASSERT_FALSE(rows.isEmpty()) << fonts.toStdString();
    for (const auto& row : rows)
        EXPECT_TRUE(row.contains(" yes ")) << "font not embedded: " << row.toStdString();
    const QString text = run("pdftotext", {o.path, "-"});
    EXPECT_TRUE(text.contains("Kunashiri test title"));
    EXPECT_TRUE(text.contains("Кунашир")) << "Cyrillic survives as text";
    EXPECT_TRUE(text.contains("国後島")) << "kanji survive as text";
}

TEST(Export, GeoTiffHasCrsAndExtent) {
    QTemporaryDir dir;
    auto o = options(dir.filePath("map.tif"));
    auto r = isv::exportMap(*shippedScene(), o);
    ASSERT_TRUE(r.ok()) << r.error().message;
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(o.path.toUtf8().constData(), GDAL_OF_RASTER));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetRasterXSize(), 800);
    EXPECT_EQ(ds->GetRasterYSize(), 450);
    EXPECT_GE(ds->GetRasterCount(), 3);
    OGRSpatialReference expected;
    expected.importFromEPSG(32655);
    ASSERT_NE(ds->GetSpatialRef(), nullptr);
    EXPECT_TRUE(ds->GetSpatialRef()->IsSame(&expected));
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    const geo::Box want = shippedScene()->placeBounds("kunashiri");
    const geo::Box got{gt[0], gt[3] + gt[5] * 450, gt[0] + gt[1] * 800, gt[3]};
    // The image shows the requested island whole.
    EXPECT_LE(got.minx, want.minx);
    EXPECT_GE(got.maxx, want.maxx);
    EXPECT_LE(got.miny, want.miny);
    EXPECT_GE(got.maxy, want.maxy);
    EXPECT_TRUE(QString(ds->GetMetadataItem("TIFFTAG_IMAGEDESCRIPTION")).contains("GSHHG"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1) << "no temporary left";
}

TEST(Export, FailuresNameThePathAndLeaveNothing) {
    QTemporaryDir dir;
    const QString missing = dir.filePath("no/such/folder/map.png");
    auto r = isv::exportMap(*shippedScene(), options(missing));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find(missing.toStdString()), std::string::npos);
    for (const char* name : {"no/such/map.tif", "no/such/map.pdf", "no/such/map.svg"}) {
        auto rr = isv::exportMap(*shippedScene(), options(dir.filePath(name)));
        EXPECT_FALSE(rr.ok()) << name;
    }
    auto unknown = isv::exportMap(*shippedScene(), options(dir.filePath("map.bmp2")));
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("unknown image format"), std::string::npos);
    // A regular file where a folder should be.
    QFile blocker(dir.filePath("file"));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    EXPECT_FALSE(isv::exportMap(*shippedScene(), options(dir.filePath("file/map.tif"))).ok());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{"file"});
}

TEST(Export, AFailedExportLeavesTheExistingFileUntouched) {
    QTemporaryDir dir;
    const QString path = dir.filePath("map.png");
    QFile old(path);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("precious");
    old.close();
    // The world file cannot be written (a folder is in its way): the export fails as a whole.
    ASSERT_TRUE(QDir(dir.path()).mkdir("map.pgw"));
    auto o = options(path);
    o.worldFile = true;
    EXPECT_FALSE(isv::exportMap(*shippedScene(), o).ok());
    EXPECT_EQ(readAll(path), "precious");
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

} // namespace
