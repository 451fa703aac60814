// The map's own words in the language asked for (legend, scale bar, attribution, figures), and the one
// command-line reader that asks for it.
#include "command_line.h"
#include "frame_plan.h"
#include "render_cache.h"
#include "shipped.h"
#include "translations.h"
#include "units.h"

namespace {

// Leaves the process in English, whatever a test switched to.
struct English {
    ~English() { isv::useLanguage(QStringLiteral("en")); }
};

isv::FramePlan plan(QStringList claims = {}) {
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(shippedScene()->homeBounds(), 1200, 800);
    s.claims = std::move(claims);
    s.attribution = true; // as exports have it
    isv::RenderCache cache;
    return isv::planFrame(*shippedScene(), s, cache, true);
}

QStringList entries(const isv::FramePlan& p) {
    QStringList out;
    for (const auto& e : p.legend->entries)
        out << e.text;
    return out;
}

TEST(MapWords, RussianLegendScaleBarAndAttribution) {
    English english;
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ru")));
    const isv::FramePlan defacto = plan();
    ASSERT_TRUE(defacto.legend && defacto.scaleBar && defacto.attribution);
    EXPECT_EQ(defacto.legend->heading, QStringLiteral("Фактическое положение: кто чем управляет сегодня"));
    EXPECT_TRUE(entries(defacto).contains(QStringLiteral("Под управлением России")));
    EXPECT_TRUE(entries(defacto).contains(QStringLiteral("Под управлением Японии")));
    EXPECT_TRUE(entries(defacto).contains(QStringLiteral("Японские названия (латиница)")))
        << entries(defacto).join(" | ").toStdString();
    EXPECT_TRUE(defacto.scaleBar->text.endsWith(QStringLiteral(" км")))
        << defacto.scaleBar->text.toStdString();
    EXPECT_TRUE(defacto.attribution->text.startsWith(QStringLiteral("Береговая линия")));

    const isv::FramePlan both = plan({"japan", "russia"});
    EXPECT_EQ(both.legend->heading, QStringLiteral("Показаны притязания: позиция каждой стороны"));
    for (const char* word : {"Притязания Японии (позиция Японии)", "Граница по версии России",
                             "Притязания обеих сторон (спорная территория)"})
        EXPECT_TRUE(entries(both).contains(QString::fromUtf8(word))) << word;
}

TEST(MapWords, JapaneseLegendAndBackToEnglish) {
    English english;
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ja")));
    const isv::FramePlan ja = plan({"japan"});
    EXPECT_TRUE(entries(ja).contains(QStringLiteral("日本が領有を主張（日本の立場）")))
        << entries(ja).join(" | ").toStdString();
    EXPECT_TRUE(entries(ja).contains(QStringLiteral("日本語の地名（ラテン文字）")));
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("en")));
    const isv::FramePlan en = plan();
    EXPECT_EQ(en.legend->heading, QStringLiteral("De facto view: who administers what today"));
    EXPECT_TRUE(entries(en).contains(QStringLiteral("Japanese names (Latin)")));
}

TEST(MapWords, FiguresFollowTheInterfaceLanguage) {
    English english;
    EXPECT_EQ(isv::formatArea(3139.4), QStringLiteral("3,139 km²"));
    isv::useLanguage(QStringLiteral("ru"));
    EXPECT_EQ(isv::formatArea(3139.4), QStringLiteral("3\u00a0139 км²"));
    EXPECT_EQ(isv::formatArea(5.25), QStringLiteral("5,3 км²")) << "a decimal comma";
    isv::useLanguage(QStringLiteral("ja"));
    EXPECT_EQ(isv::formatArea(3139.4), QStringLiteral("3,139 km²"));
}

TEST(MapWords, AnUnknownLanguageIsEnglish) {
    English english;
    isv::useLanguage(QStringLiteral("fr"));
    EXPECT_EQ(isv::interfaceLanguage(), QStringLiteral("en"));
    EXPECT_EQ(plan().legend->heading, QStringLiteral("De facto view: who administers what today"));
}

const QList<isv::OptionSpec> kTable{{{"size"}, "WxH", "size"},
                                    {{"note"}, "TEXT", "a note"},
                                    {{"legend"}, "", "legend"},
                                    {{"no-legend"}, "", "no legend"}};

TEST(CommandLine, QtsOwnOptionsAreNeverTakenForFiles) {
    const isv::ParsedArgs a =
        isv::parseArgs({"-platform", "offscreen", "-stylesheet", "dark.qss", "map.shp", "-style=fusion",
                        "-reverse", "-qwindowgeometry", "800x600", "roads.gpkg"},
                       isv::windowOptions());
    EXPECT_EQ(a.problem, QString());
    EXPECT_EQ(a.positional, (QStringList{"map.shp", "roads.gpkg"}));
}

TEST(CommandLine, AMissingValueNamesTheOption) {
    EXPECT_EQ(isv::parseArgs({"out.png", "--size"}, kTable).problem, QStringLiteral("--size needs a value"));
    EXPECT_EQ(isv::parseArgs({"-platform"}, kTable).problem, QStringLiteral("-platform needs a value"));
    EXPECT_EQ(isv::parseArgs({"--legend=yes"}, kTable).problem, QStringLiteral("--legend takes no value"));
    EXPECT_EQ(isv::parseArgs({"a.png", "--bogus", "1"}, kTable).problem,
              QStringLiteral("unknown option --bogus"));
}

TEST(CommandLine, ValuesRepeatsAndOrderAsWritten) {
    const isv::ParsedArgs a =
        isv::parseArgs({"out.png", "--note", "145,43,a", "--no-legend", "--note=146,44,b", "--legend",
                        "--size=800x600", "--", "--not-an-option.png"},
                       kTable);
    ASSERT_EQ(a.problem, QString());
    EXPECT_EQ(a.positional, (QStringList{"out.png", "--not-an-option.png"}));
    EXPECT_EQ(a.values("note"), (QStringList{"145,43,a", "146,44,b"}));
    EXPECT_EQ(a.value("size"), QStringLiteral("800x600"));
    EXPECT_EQ(a.value("missing", "fallback"), QStringLiteral("fallback"));
    ASSERT_EQ(a.given.size(), 5);
    EXPECT_EQ(a.given[1].first, QStringLiteral("no-legend"));
    EXPECT_EQ(a.given[3].first, QStringLiteral("legend"));
    EXPECT_TRUE(isv::parseArgs({"--version"}, kTable).version);
    EXPECT_TRUE(isv::parseArgs({"-h"}, kTable).help);
}

TEST(CommandLine, AnOptionOfTheTableWinsOverQtsOfTheSameName) {
    const QList<isv::OptionSpec> table{{{"title"}, "TEXT", "title"}};
    const isv::ParsedArgs a = isv::parseArgs({"--title", "Kunashiri"}, table);
    EXPECT_EQ(a.problem, QString());
    EXPECT_EQ(a.value("title"), QStringLiteral("Kunashiri"));
}

TEST(CommandLine, HelpIsMadeFromTheTables) {
    const QString help = isv::optionsHelp(kTable);
    EXPECT_TRUE(help.contains(QStringLiteral("  --size WxH            size\n"))) << help.toStdString();
    EXPECT_TRUE(help.contains(QStringLiteral("  --no-legend           no legend\n")));
}

} // namespace
