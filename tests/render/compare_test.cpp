// Small maps and comparison frames: the legend folds on a small frame and the four groups keep their
// labels; a comparison draws each side's own names, claim and legend, in every format but GeoTIFF.
#include "compare.h"
#include "exporter.h"
#include "frame_plan.h"
#include "render_cache.h"
#include "shipped.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>

namespace {

using isv::MapSettings;

MapSettings homeFrame(double w, double h, const char* names = "japanese", QStringList claims = {}) {
    MapSettings s;
    s.viewport = geo::Viewport::fitting(shippedScene()->homeBounds(), w, h);
    EXPECT_TRUE(isv::NameSet::parse(names, "latin", &s.names));
    s.claims = claims;
    return s;
}

QStringList placed(const isv::FramePlan& plan) {
    QStringList out;
    for (const auto& l : plan.labels)
        out << l.text.text;
    return out;
}

QStringList groupNames(const MapSettings& s) {
    QStringList out;
    for (const char* id : {"etorofu", "kunashiri", "shikotan", "habomai"})
        out << s.names.label(*shippedScene()->data().place(id));
    return out;
}

struct Small {
    double w, h;
    const char* names;
    QStringList claims;
};

class SmallMaps : public ::testing::TestWithParam<Small> {};

// The case: on 1024x640 the legend covered a third of the map and Shikotan lost its label while
// the ocean kept its name.
TEST_P(SmallMaps, LegendStaysSmallAndTheFourGroupsAreLabelled) {
    const Small c = GetParam();
    const MapSettings s = homeFrame(c.w, c.h, c.names, c.claims);
    isv::RenderCache cache;
    const isv::FramePlan plan = isv::planFrame(*shippedScene(), s, cache, true);
    ASSERT_TRUE(plan.legend.has_value());
    const QRectF frame(0, 0, c.w, c.h);
    EXPECT_TRUE(frame.contains(plan.legend->box));
    const double share = plan.legend->box.width() * plan.legend->box.height() / (c.w * c.h);
    // Under 10 % of 1024 x 640 or 512 x 640; a frame of 300 x 540 (a half of a comparison in a 1024 x 640
    // window with its docks open) under 12 %.
    EXPECT_LT(share, c.w * c.h < 200000 ? 0.12 : 0.10)
        << plan.legend->box.width() << "x" << plan.legend->box.height();
    for (const QString& name : groupNames(s))
        EXPECT_TRUE(placed(plan).contains(name))
            << name.toStdString() << " in " << placed(plan).join(", ").toStdString();
    for (const auto& l : plan.labels) {
        EXPECT_TRUE(frame.contains(l.text.box)) << l.text.text.toStdString();
        EXPECT_FALSE(l.text.box.intersects(plan.legend->box)) << l.text.text.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Frames, SmallMaps,
                         ::testing::Values(Small{1024, 640, "japanese", {}}, Small{512, 640, "japanese", {}},
                                           Small{1024, 640, "russian", {"russia"}},
                                           Small{512, 640, "russian", {"japan", "russia"}},
                                           Small{512, 640, "both", {"japan"}},
                                           // a half of the comparison in a 1024 x 640 window with its docks
                                           Small{300, 540, "russian", {"russia"}}));

TEST(SmallMaps, ABigFrameKeepsTheFullLegendAndASmallOneFoldsIt) {
    isv::RenderCache cache;
    const isv::FramePlan big = isv::planFrame(*shippedScene(), homeFrame(1600, 1000), cache, true);
    const isv::FramePlan small = isv::planFrame(*shippedScene(), homeFrame(512, 640), cache, true);
    ASSERT_TRUE(big.legend && small.legend);
    EXPECT_FALSE(big.legend->compact);
    EXPECT_TRUE(small.legend->compact);
    EXPECT_LT(small.legend->font.pointSizeF(), big.legend->font.pointSizeF());
    EXPECT_LT(small.legend->box.width(), big.legend->box.width());
    // Folded, not cut: every entry is still there, its lines making up its whole text.
    ASSERT_EQ(small.legend->entries.size(), big.legend->entries.size());
    for (const auto& e : small.legend->entries)
        EXPECT_EQ(e.lines.join(' '), e.text);
    EXPECT_LT(small.northArrowScale, big.northArrowScale);
}

TEST(SmallMaps, TheThresholdsAreTheStyles) {
    // With a small-map area of 0 and a share of 1 nothing folds, even at 512 x 640.
    QFile f(":/isleview/style.json");
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QByteArray json = f.readAll();
    ASSERT_TRUE(json.contains("\"area_px\": 500000") && json.contains("\"legend_share\": 0.08"));
    json.replace("\"area_px\": 500000", "\"area_px\": 0")
        .replace("\"legend_share\": 0.08", "\"legend_share\": 1");
    auto style = isv::MapStyle::fromJson(json, "test.json", isv::Worldviews::shipped());
    ASSERT_TRUE(style.ok()) << style.error().message;
    const auto scene =
        shippedScene()->withStyle(std::make_shared<const isv::MapStyle>(std::move(style).value()));
    isv::RenderCache cache;
    const isv::FramePlan plan = isv::planFrame(*scene, homeFrame(512, 640), cache, true);
    ASSERT_TRUE(plan.legend.has_value());
    EXPECT_FALSE(plan.legend->compact);
}

TEST(SmallMaps, AChosenLegendCornerIsKept) {
    isv::RenderCache cache;
    MapSettings s = homeFrame(1024, 640);
    s.legendCorner = 1; // bottom right
    const isv::FramePlan right = isv::planFrame(*shippedScene(), s, cache, true);
    s.legendCorner = 0; // bottom left
    const isv::FramePlan left = isv::planFrame(*shippedScene(), s, cache, true);
    ASSERT_TRUE(right.legend && left.legend);
    EXPECT_GT(right.legend->box.left(), 512);
    EXPECT_LT(left.legend->box.right(), 512);
}

// A comparison drawn into one image: the halves as reported and as pixels.
struct Drawn {
    QImage image;
    std::array<isv::RenderReport, 2> halves;
    isv::RenderReport all;
};

Drawn drawPair(QSize size, const QString& script, const QString& title = {}) {
    MapSettings whole = homeFrame(size.width(), size.height());
    isv::ComparePair pair = isv::comparePair(whole, script, title);
    isv::fitPair(shippedScene()->style(), pair, shippedScene()->homeBounds(), size, 96);
    Drawn d;
    d.image = QImage(size, QImage::Format_RGB32);
    QPainter p(&d.image);
    d.all = isv::renderPair(*shippedScene(), pair, whole, p, nullptr, nullptr, &d.halves);
    return d;
}

TEST(Compare, EachHalfCarriesItsSidesNamesClaimAndWording) {
    const Drawn d = drawPair(QSize(1024, 640), "latin", "Side by side");
    const isv::Worldviews& wv = shippedScene()->style().worldviews;
    EXPECT_TRUE(d.all.errors.isEmpty()) << d.all.errors.join("; ").toStdString();
    const QStringList& left = d.halves[0].labels;
    const QStringList& right = d.halves[1].labels;
    for (const char* name : {"Etorofu", "Kunashiri", "Shikotan", "Habomai"})
        EXPECT_TRUE(left.contains(name)) << name << " in " << left.join(", ").toStdString();
    for (const char* name : {"Iturup", "Kunashir", "Shikotan", "Khabomai"})
        EXPECT_TRUE(right.contains(name)) << name << " in " << right.join(", ").toStdString();
    EXPECT_FALSE(left.contains("Iturup"));
    EXPECT_FALSE(right.contains("Etorofu"));
    EXPECT_TRUE(d.halves[0].legend.contains(wv.claim("japan")->legendClaim));
    EXPECT_TRUE(d.halves[0].legend.contains(wv.claim("japan")->legendBorder));
    EXPECT_FALSE(d.halves[0].legend.contains(wv.claim("russia")->legendClaim));
    EXPECT_TRUE(d.halves[1].legend.contains(wv.claim("russia")->legendClaim));
    EXPECT_FALSE(d.halves[1].legend.contains(wv.claim("japan")->legendBorder));
    // The labels stay inside their half (each half's boxes are in its own pixels).
    for (const QRectF& box : d.halves[0].labelBoxes)
        EXPECT_LE(box.right(), 510);
}

TEST(Compare, TheHalvesDifferAsPixelsAndTheNativeScriptIsEachSides) {
    const Drawn d = drawPair(QSize(1024, 640), "latin");
    const int w = (1024 - 4) / 2;
    const QImage left = d.image.copy(0, 0, w, 640), right = d.image.copy(1024 - w, 0, w, 640);
    int differing = 0;
    for (int y = 0; y < 640; ++y)
        for (int x = 0; x < w; ++x)
            differing += left.pixel(x, y) != right.pixel(x, y);
    EXPECT_GT(differing, w * 640 / 50); // the claims' hatching, borders, names and legends
    const Drawn native = drawPair(QSize(1024, 640), "native");
    EXPECT_TRUE(native.halves[0].labels.contains(QString::fromUtf8("択捉島")));
    EXPECT_TRUE(native.halves[1].labels.contains(QString::fromUtf8("Итуруп")));
}

TEST(Compare, ExportsInFourFormatsAndRefusesAGeoreferencedPair) {
    QTemporaryDir dir;
    isv::ExportOptions o;
    o.settings.fitOutput(shippedScene()->homeBounds(), QSize(1024, 640), 96);
    o.compare = isv::comparePair(o.settings, "latin", "Side by side");
    isv::fitPair(shippedScene()->style(), *o.compare, shippedScene()->homeBounds(), QSize(1024, 640), 96);
    for (const char* ext : {"png", "jpg", "svg", "pdf"}) {
        o.path = dir.filePath(QString("pair.") + ext);
        auto r = isv::exportMap(*shippedScene(), o);
        ASSERT_TRUE(r.ok()) << ext << ": " << r.error().message;
        EXPECT_GT(QFile(o.path).size(), 1000) << ext;
    }
    EXPECT_EQ(QImage(dir.filePath("pair.png")).size(), QSize(1024, 640));
    QFile svg(dir.filePath("pair.svg"));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    EXPECT_TRUE(text.contains("Etorofu") && text.contains("Iturup") && text.contains("Side by side"));
    // The file's description names both halves' names and claims.
    EXPECT_TRUE(text.contains("Japanese names") && text.contains("Russian names"))
        << text.left(2000).toStdString();
    o.path = dir.filePath("pair.tif");
    auto tif = isv::exportMap(*shippedScene(), o);
    ASSERT_FALSE(tif.ok());
    EXPECT_NE(tif.error().message.find("georeferenced"), std::string::npos);
    EXPECT_FALSE(QFile::exists(o.path));
    o.path = dir.filePath("pair2.png");
    o.worldFile = true;
    EXPECT_FALSE(isv::exportMap(*shippedScene(), o).ok());
    EXPECT_FALSE(QFile::exists(o.path));
}

int runCli(const QStringList& args, QString* err = nullptr) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(ISLEVIEW_EXE, args);
    EXPECT_TRUE(p.waitForFinished(120000));
    if (err) *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

TEST(Compare, CommandLineWritesThePairAndRefusesWhatDoesNotFit) {
    QTemporaryDir dir;
    QString err;
    const QString png = dir.filePath("pair.png");
    ASSERT_EQ(runCli({"export", png, "--compare", "--size", "800x500", "--script", "native"}, &err), 0)
        << err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(800, 500));
    for (const QStringList& bad :
         {QStringList{dir.filePath("pair.tif"), "--compare"}, QStringList{png, "--compare", "--world-file"},
          QStringList{png, "--compare", "--exact-extent"}, QStringList{png, "--compare", "--size", "800"}}) {
        EXPECT_EQ(runCli(QStringList{"export"} + bad, &err), 2) << bad.join(' ').toStdString();
        EXPECT_TRUE(err.contains("--compare")) << err.toStdString();
    }
    EXPECT_FALSE(QFile::exists(dir.filePath("pair.tif")));
}

} // namespace
