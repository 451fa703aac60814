// A few small reference images of real frames: name sets, claims and the title must actually appear.
// Rewrite on purpose with ISLEVIEW_UPDATE_REFERENCES=1; a failure writes <name>.actual.png and .diff.png.
#include "exporter.h"
#include "shipped.h"

#include <image_compare.h>

#include <QDir>
#include <QImage>
#include <QTemporaryDir>

namespace {

struct Case {
    const char* name;
    const char* focus;
    const char* names;
    const char* script;
    QStringList claims;
    const char* title;
};

class ReferenceImages : public ::testing::TestWithParam<Case> {};

TEST_P(ReferenceImages, MatchWithinTolerance) {
    const Case c = GetParam();
    QTemporaryDir dir;
    isv::ExportOptions o;
    o.path = dir.filePath(QString(c.name) + ".png");
    ASSERT_TRUE(isv::NameSet::parse(c.names, c.script, &o.settings.names));
    o.settings.claims = c.claims;
    o.settings.title = c.title;
    o.settings.attributionDate = "2026-11-29";
    o.settings.fitOutput(isv::focusBox(*shippedScene(), c.focus), QSize(480, 300), 96);
    auto r = isv::exportMap(*shippedScene(), o);
    ASSERT_TRUE(r.ok()) << r.error().message;
    const QImage actual(o.path);
    ASSERT_EQ(actual.size(), QSize(480, 300));
    isvtest::ImageCompareOptions opts;
    opts.channelTolerance = 40;   // antialiasing and font hinting
    opts.allowedFraction = 0.003; // 430 pixels: hinting noise, but less than any one label
    const QString out = QDir::tempPath() + "/isleview-reference-output";
    QDir().mkpath(out);
    const auto result = isvtest::checkAgainstReference(
        actual, QString(ISLEVIEW_REFERENCE_DIR) + "/" + c.name + ".png", out, opts);
    EXPECT_TRUE(result.passed) << result.message.toStdString();
}

// Each case differs from the others in what it is about: a name set, a script, a claim overlay or a title,
// so a frame that ignores one of them fails its case.
INSTANTIATE_TEST_SUITE_P(
    Frames, ReferenceImages,
    ::testing::Values(Case{"kunashiri_ja_latin_defacto", "kunashiri", "japanese", "latin", {}, ""},
                      Case{"kunashiri_ru_native_defacto", "kunashiri", "russian", "native", {}, ""},
                      Case{"habomai_both_latin_claims",
                           "habomai",
                           "both",
                           "latin",
                           {"japan", "russia"},
                           "Habomai: both claims"},
                      Case{"shikotan_ja_native_russia",
                           "shikotan",
                           "japanese",
                           "native",
                           {"russia"},
                           "色丹島 — Russia's claim"}),
    [](const auto& test) { return std::string(test.param.name); });

// The tolerance must tell the cases apart, or the references prove nothing: the name sets differ by more.
TEST(ReferenceImagesTolerance, SeparatesTheNameSets) {
    const QImage ja(QString(ISLEVIEW_REFERENCE_DIR) + "/kunashiri_ja_latin_defacto.png");
    const QImage ru(QString(ISLEVIEW_REFERENCE_DIR) + "/kunashiri_ru_native_defacto.png");
    ASSERT_FALSE(ja.isNull() || ru.isNull());
    isvtest::ImageCompareOptions opts;
    opts.channelTolerance = 40;
    opts.allowedFraction = 0.003;
    EXPECT_FALSE(isvtest::compareImages(ja, ru, opts).passed);
}

} // namespace
