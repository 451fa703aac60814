// What PNG, JPEG and PDF exports say as text: the metadata a PNG or JPEG carries, and names in a PDF that a
// search finds as written.
#include "export_metadata.h"
#include "exporter.h"
#include "map_document.h"
#include "shipped.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

isv::ExportOptions shikotan(const QString& path) {
    isv::ExportOptions o;
    o.path = path;
    EXPECT_TRUE(isv::NameSet::parse("both", "native", &o.settings.names));
    o.settings.viewport = geo::Viewport::fitting(shippedScene()->placeBounds("shikotan"), 640, 400);
    o.settings.title = "色丹島 / Шикотан";
    o.settings.claims = {"japan"};
    o.settings.attributionDate = "2026-12-04";
    return o;
}

QString pdfText(const QString& path) {
    QProcess p;
    p.start("pdftotext", {"-enc", "UTF-8", path, "-"});
    EXPECT_TRUE(p.waitForFinished(30000)) << "pdftotext did not run (tools/dev.sh installs poppler-utils)";
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

TEST(ExportText, PngAndJpegCarryTheMapsDescriptionAsText) {
    QTemporaryDir dir;
    for (const char* name : {"map.png", "map.jpg"}) {
        const auto o = shikotan(dir.filePath(name));
        ASSERT_TRUE(isv::exportMap(*shippedScene(), o)) << name;
        // The texts are read before the pixels (a reader at the end of the file has nothing left to read).
        QImageReader reader(o.path);
        ASSERT_TRUE(reader.textKeys().contains("Title"))
            << name << ": " << reader.errorString().toStdString();
        EXPECT_EQ(reader.text("Title"), "色丹島 / Шикотан") << name;
        EXPECT_EQ(reader.text("Names"), o.settings.names.describe()) << name;
        EXPECT_EQ(reader.text("Claims"), "Claimed by Japan (Japan's position)") << name;
        EXPECT_TRUE(reader.text("Source").contains("GSHHG 2.3.7")) << name;
        EXPECT_EQ(reader.text("CRS"), "EPSG:32655") << name;
        EXPECT_EQ(reader.text("Software"), isv::softwareName()) << name;
        EXPECT_TRUE(reader.text("Software").startsWith("Isleview "));
        EXPECT_TRUE(reader.text("Description").contains("Claims shown: Claimed by Japan")) << name;
        // The whole list, in order, as exportTexts gives it.
        for (const auto& [key, text] : isv::exportTexts(*shippedScene(), isv::MapSettings(o.settings))) {
            if (key != "Description") EXPECT_EQ(reader.text(key), text) << name << " " << key.toStdString();
        }
        EXPECT_EQ(reader.read().size(), QSize(640, 400)) << name;
    }
}

TEST(ExportText, ABandedPngCarriesItsTextOnceBeforeThePixels) {
    QTemporaryDir dir;
    auto o = shikotan(dir.filePath("banded.png"));
    o.bandRows = 37; // many bands
    ASSERT_TRUE(isv::exportMap(*shippedScene(), o));
    QFile f(o.path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    // Walk the chunks: every iTXt comes before the first IDAT, and each key once.
    QStringList keys;
    qsizetype at = 8, firstData = -1;
    while (at + 8 <= bytes.size()) {
        const quint32 n = (quint32(uchar(bytes[at])) << 24) | (quint32(uchar(bytes[at + 1])) << 16) |
                          (quint32(uchar(bytes[at + 2])) << 8) | quint32(uchar(bytes[at + 3]));
        const QByteArray type = bytes.mid(at + 4, 4);
        if (type == "IDAT" && firstData < 0) firstData = at;
        if (type == "iTXt") {
            EXPECT_LT(firstData, 0) << "text after the pixels";
            keys << QString::fromLatin1(bytes.mid(at + 8, n).split('\0').first());
        }
        at += 12 + n;
    }
    EXPECT_EQ(keys, QStringList({"Title", "Description", "Names", "Claims", "Source", "CRS", "Software"}));
    EXPECT_FALSE(QImage(o.path).isNull());
}

// The height in points of the first word `word` on the page (pdftotext -bbox), or -1.
double wordHeight(const QString& path, const QString& word) {
    QProcess p;
    p.start("pdftotext", {"-bbox", "-enc", "UTF-8", path, "-"});
    EXPECT_TRUE(p.waitForFinished(30000)) << "pdftotext did not run (tools/dev.sh installs poppler-utils)";
    const QString html = QString::fromUtf8(p.readAllStandardOutput());
    const QRegularExpression re(R"re(<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">)re" +
                                QRegularExpression::escape(word) + "</word>");
    const QRegularExpressionMatch m = re.match(html);
    return m.hasMatch() ? m.captured(2).toDouble() - m.captured(1).toDouble() : -1;
}

// A PDF written at 288 dpi is the same page as one at 96 dpi: same size in points, text the same size (it
// was drawn dpi / 96 times too large).
TEST(ExportText, APdfAtAnyDensityHasItsTextAtTheSameSize) {
    QTemporaryDir dir;
    const auto at96 = shikotan(dir.filePath("96.pdf"));
    auto at288 = shikotan(dir.filePath("288.pdf"));
    at288.settings.devicePixelRatio = 3;
    ASSERT_TRUE(isv::exportMap(*shippedScene(), at96));
    ASSERT_TRUE(isv::exportMap(*shippedScene(), at288));
    const double h96 = wordHeight(at96.path, QStringLiteral("Шикотан"));
    const double h288 = wordHeight(at288.path, QStringLiteral("Шикотан"));
    ASSERT_GT(h96, 0);
    EXPECT_NEAR(h288, h96, h96 * 0.1);
}

TEST(ExportText, PdfNamesAreFoundAsWrittenNotAsRadicals) {
    QTemporaryDir dir;
    const auto o = shikotan(dir.filePath("map.pdf"));
    ASSERT_TRUE(isv::exportMap(*shippedScene(), o));
    const QString text = pdfText(o.path);
    // 色 is U+8272; the CJK font also maps KANGXI RADICAL COLOR (U+2F8A) to the same glyph.
    EXPECT_TRUE(text.contains(QString::fromUtf8("色丹島"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QChar(0x2F8A))) << "a radical in place of 色";
    for (QChar c : text)
        EXPECT_FALSE(c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF)
            << "radical U+" << std::hex << int(c.unicode());
    EXPECT_TRUE(text.contains(QString::fromUtf8("Шикотан")));
}

} // namespace
