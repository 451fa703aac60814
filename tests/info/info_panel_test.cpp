// The info panel offscreen, on a small hand-made MapData (names as in resources/data/names.csv) and the
// shipped facts file: selection both ways, fact clicks, the name-set offer, following the name set.
#include "info_panel.h"
#include "translations.h"

#include "geo/map_data.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUrl>

namespace {

void ensureApp() {
    static int argc = 1;
    static char name[] = "info_tests";
    static char* argv[] = {name, nullptr};
    if (QCoreApplication::instance()) return; // another test of this binary made it
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static QApplication* app = new QApplication(argc, argv);
    (void)app;
}

geo::Place place(const char* id, const char* kind, const char* parent, const char* ja, const char* jaNative,
                 const char* ru, const char* ruNative) {
    geo::Place p;
    p.id = id;
    p.kind = kind;
    p.parent = parent;
    p.names = {{"ja_latin", ja}, {"ja_native", jaNative}, {"ru_latin", ru}, {"ru_native", ruNative}};
    return p;
}

std::shared_ptr<const geo::MapData> sampleData(const std::string& dataDir = ISLEVIEW_SOURCE_DATA_DIR) {
    auto data = std::make_shared<geo::MapData>();
    data->dataDir = dataDir;
    data->places = {
        place("etorofu", "group", "", "Etorofu", "択捉島", "Iturup", "Итуруп"),
        place("kunashiri", "group", "", "Kunashiri", "国後島", "Kunashir", "Кунашир"),
        place("shikotan", "group", "", "Shikotan", "色丹島", "Shikotan", "Шикотан"),
        place("habomai", "group", "", "Habomai", "歯舞群島", "Khabomai", "Хабомаи"),
        place("shibotsu", "islet", "habomai", "Shibotsu", "志発島", "Zelyony", "Зелёный"),
        place("kaigara", "islet", "habomai", "Kaigara", "貝殻島", "Signalny", "Сигнальный"),
        place("malokurilskoye", "settlement", "shikotan", "Shakotan", "斜古丹", "Malokurilskoye",
              "Малокурильское"),
        place("hokkaido", "island", "", "Hokkaidō", "北海道", "Khokkaido", "Хоккайдо"),
    };
    data->figures["etorofu"] = {"etorofu", 3171.4, 3, {}};
    data->figures["shikotan"] = {"shikotan", 251.2, 1, {}};
    data->figures["shibotsu"] = {"shibotsu", 58.7, 1, {}};
    return data;
}

QString islandText(const isv::InfoPanel& panel) {
    return panel.findChild<QTextBrowser*>("islandView")->toPlainText();
}
QString title(const isv::InfoPanel& panel) {
    return panel.findChild<QLabel*>("islandTitle")->text();
}
void click(const isv::InfoPanel& panel, const char* view, const QString& link) {
    emit panel.findChild<QTextBrowser*>(view)->anchorClicked(QUrl(link));
}

class InfoPanelTest : public ::testing::Test {
  protected:
    void SetUp() override { ensureApp(); }
};

} // namespace

TEST_F(InfoPanelTest, LoadsFactsAndShowsArticle) {
    isv::InfoPanel panel(sampleData());
    ASSERT_TRUE(panel.facts()) << panel.loadError().toStdString();
    EXPECT_TRUE(panel.findChild<QLabel*>("articleHeader")->text().contains("Fri 10 May 2019"));
    const QString facts = panel.findChild<QTextBrowser*>("factsView")->toPlainText();
    EXPECT_TRUE(
        facts.contains("The Russian names of the two larger isles, Etorofu and Kunashiri, are different."));
    EXPECT_TRUE(facts.contains("22 Jan 2019")); // context beside the Abe–Putin fact
}

TEST_F(InfoPanelTest, SelectPlaceShowsNamesAndFigures) {
    isv::InfoPanel panel(sampleData());
    QSignalSpy selected(&panel, &isv::InfoPanel::placeSelected);
    panel.selectPlace("shikotan");
    const QString text = islandText(panel);
    EXPECT_EQ(title(panel), "Shikotan");
    EXPECT_TRUE(text.contains("色丹島")) << text.toStdString();
    EXPECT_TRUE(text.contains("Шикотан")) << text.toStdString();
    EXPECT_TRUE(text.contains("251 km² (computed from GSHHG coastline)")) << text.toStdString();
    EXPECT_TRUE(text.contains("247.65 km²")) << text.toStdString();
    EXPECT_TRUE(text.contains("Japan: ")) << text.toStdString();
    EXPECT_TRUE(text.contains("Russia: ")) << text.toStdString();
    EXPECT_TRUE(text.contains("3,330")) << text.toStdString();
    EXPECT_TRUE(text.contains("Malokurilskoye") || text.contains("Shakotan")) << text.toStdString();
    EXPECT_EQ(panel.findChild<QComboBox*>("islandPicker")->currentData().toString(), "shikotan");
    EXPECT_EQ(selected.count(), 0); // the map told us; no echo back
}

TEST_F(InfoPanelTest, AnIsletWithoutAnOutlineSaysWhyItHasNoArea) {
    isv::InfoPanel panel(sampleData());
    panel.selectPlace("kaigara");
    EXPECT_TRUE(islandText(panel).contains("Not in the GSHHG coastline")) << islandText(panel).toStdString();
    panel.selectPlace("shibotsu");
    EXPECT_FALSE(islandText(panel).contains("Not in the GSHHG coastline"));
}

TEST_F(InfoPanelTest, ComputedAreaIsFormattedWithSeparators) {
    isv::InfoPanel panel(sampleData());
    panel.selectPlace("etorofu");
    EXPECT_TRUE(islandText(panel).contains("3,171 km² (computed from GSHHG coastline)"));
    EXPECT_TRUE(islandText(panel).contains("3,166.64 km²"));
}

TEST_F(InfoPanelTest, TwoSmallerTerritoriesFactHighlightsShikotanAndHabomai) {
    isv::InfoPanel panel(sampleData());
    ASSERT_TRUE(panel.facts());
    const auto& facts = panel.facts()->facts;
    auto it = std::find_if(facts.begin(), facts.end(),
                           [](const isv::Fact& f) { return f.text.contains("two smaller"); });
    ASSERT_NE(it, facts.end());
    QSignalSpy highlight(&panel, &isv::InfoPanel::highlightRequested);
    click(panel, "factsView", "fact:" + it->id);
    ASSERT_EQ(highlight.count(), 1);
    EXPECT_EQ(highlight.at(0).at(0).toStringList(), (QStringList{"shikotan", "habomai"}));

    click(panel, "factsView", "fact:four_islands");
    ASSERT_EQ(highlight.count(), 2);
    EXPECT_EQ(highlight.at(1).at(0).toStringList().size(), 4);
}

TEST_F(InfoPanelTest, RussianNamesFactOffersNameSet) {
    isv::InfoPanel panel(sampleData());
    QSignalSpy suggested(&panel, &isv::InfoPanel::nameSetSuggested);
    click(panel, "factsView", "names:russian");
    ASSERT_EQ(suggested.count(), 1);
    const auto names = suggested.at(0).at(0).value<isv::NameSet>();
    EXPECT_EQ(names.languages, QStringList{"ru"});
}

TEST_F(InfoPanelTest, FollowsTheNameSet) {
    isv::InfoPanel panel(sampleData());
    panel.selectPlace("kunashiri");
    EXPECT_EQ(title(panel), "Kunashiri");
    isv::NameSet russian;
    ASSERT_TRUE(isv::NameSet::parse("russian", "latin", &russian));
    panel.setNameSet(russian);
    EXPECT_EQ(title(panel), "Kunashir");
    auto* picker = panel.findChild<QComboBox*>("islandPicker");
    EXPECT_EQ(picker->itemText(picker->findData("etorofu")), "Iturup");
    EXPECT_EQ(picker->currentData().toString(), "kunashiri");

    ASSERT_TRUE(isv::NameSet::parse("russian", "native", &russian));
    panel.setNameSet(russian);
    panel.selectPlace("shikotan");
    EXPECT_EQ(title(panel), "Шикотан");
    panel.selectPlace("habomai");
    EXPECT_TRUE(islandText(panel).contains("Зелёный")); // the islet link, in the current name set
}

TEST_F(InfoPanelTest, PickerAndIsletLinksEmitPlaceSelected) {
    isv::InfoPanel panel(sampleData());
    QSignalSpy selected(&panel, &isv::InfoPanel::placeSelected);
    auto* picker = panel.findChild<QComboBox*>("islandPicker");
    emit picker->activated(picker->findData("habomai"));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).toString(), "habomai");
    EXPECT_TRUE(islandText(panel).contains("Shibotsu"));

    click(panel, "islandView", "place:shibotsu");
    ASSERT_EQ(selected.count(), 2);
    EXPECT_EQ(selected.at(1).at(0).toString(), "shibotsu");
    EXPECT_EQ(panel.selectedPlace(), "shibotsu");
    EXPECT_EQ(title(panel), "Shibotsu");
    EXPECT_EQ(picker->currentData().toString(), "habomai"); // the islet's group stays picked
}

TEST_F(InfoPanelTest, MissingFactsFileShowsErrorAndKeepsWorking) {
    QTemporaryDir dir;
    isv::InfoPanel panel(sampleData((dir.path() + "/data").toStdString()));
    EXPECT_FALSE(panel.facts());
    const QString shown = panel.findChild<QTextBrowser*>("factsView")->toPlainText();
    EXPECT_TRUE(shown.contains(dir.path() + "/facts/article.json")) << shown.toStdString();
    panel.selectPlace("etorofu");
    EXPECT_TRUE(islandText(panel).contains("択捉島"));
    click(panel, "factsView", "fact:four_islands"); // nothing to highlight, nothing breaks
}

TEST_F(InfoPanelTest, ShippedDataShowsComputedAreaBesideOfficial) {
    auto loaded = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    auto data = std::make_shared<const geo::MapData>(std::move(loaded).value());
    isv::InfoPanel panel(data);
    ASSERT_TRUE(panel.facts()) << panel.loadError().toStdString();
    panel.selectPlace("etorofu");
    const QString text = islandText(panel);
    // The coastline's own figure (GSHHG differs from the GSI survey by a few percent), grouped by thousands.
    const QString computed = QLocale(QLocale::English).toString(data->figures.at("etorofu").areaKm2, 'f', 0);
    EXPECT_TRUE(QRegularExpression("^3,\\d{3}$").match(computed).hasMatch()) << computed.toStdString();
    EXPECT_TRUE(text.contains(computed + " km² (computed from GSHHG coastline)")) << text.toStdString();
    EXPECT_TRUE(text.contains("Japan's official figure (GSI survey): 3,166.64 km²")) << text.toStdString();
    panel.selectPlace("habomai");
    EXPECT_TRUE(islandText(panel).contains("Shibotsu"));
}

// The facts keep the article's English and add the Japanese or Russian wording the sources give, in the
// interface language; the row titles follow it too.
TEST_F(InfoPanelTest, FactsAddTheWordingOfTheInterfaceLanguage) {
    struct English {
        ~English() { isv::useLanguage(QStringLiteral("en")); }
    } english;
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ru")));
    {
        isv::InfoPanel panel(sampleData());
        const QString facts = panel.findChild<QTextBrowser*>("factsView")->toPlainText();
        EXPECT_TRUE(facts.contains("The dispute centres on four islands")) << "the article's English stays";
        EXPECT_TRUE(facts.contains(QStringLiteral("Южные Курилы"))) << facts.toStdString();
        EXPECT_FALSE(facts.contains(QStringLiteral("北方領土"))) << "only the interface language's wording";
        panel.selectPlace("kunashiri");
        const QString island = islandText(panel);
        EXPECT_TRUE(island.contains(QStringLiteral("Сахалинская область, Южно-Курильский район")))
            << island.toStdString();
        EXPECT_TRUE(island.contains(QStringLiteral("Площадь"))) << island.toStdString();
        EXPECT_TRUE(island.contains(QStringLiteral("Russia: Sakhalin Oblast")));
    }
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ja")));
    {
        isv::InfoPanel panel(sampleData());
        const QString facts = panel.findChild<QTextBrowser*>("factsView")->toPlainText();
        EXPECT_TRUE(facts.contains(QStringLiteral("北方領土（北方四島）"))) << facts.toStdString();
        EXPECT_TRUE(
            panel.findChild<QLabel*>("articleHeader")->text().contains(QStringLiteral("2019年5月10日")));
        panel.selectPlace("etorofu");
        EXPECT_TRUE(islandText(panel).contains(QStringLiteral("択捉郡留別村")))
            << islandText(panel).toStdString();
    }
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("en")));
    isv::InfoPanel panel(sampleData());
    EXPECT_FALSE(
        panel.findChild<QTextBrowser*>("factsView")->toPlainText().contains(QStringLiteral("Южные")));
}

// The official area is Japan's survey and says so; Russia's side is shown beside it, and a line says why
// the computed figure is larger.
TEST_F(InfoPanelTest, OfficialAreaIsJapansSurveyWithTheRussianFigureBeside) {
    auto loaded = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    isv::InfoPanel panel(std::make_shared<const geo::MapData>(std::move(loaded).value()));
    ASSERT_TRUE(panel.facts()) << panel.loadError().toStdString();
    for (const char* id : {"etorofu", "kunashiri", "shikotan", "habomai"}) {
        panel.selectPlace(id);
        const QString text = islandText(panel);
        EXPECT_TRUE(text.contains("Japan's official figure (GSI survey): ")) << id << text.toStdString();
        EXPECT_TRUE(text.contains("survey by Japan's GSI")) << id;
        EXPECT_TRUE(text.contains("Russian-side figure: ")) << id << text.toStdString();
        EXPECT_TRUE(text.contains("GSHHG draws small islands and islets larger than the survey does, and the "
                                  "computed figure includes every islet"))
            << id;
    }
    panel.selectPlace("etorofu");
    EXPECT_TRUE(islandText(panel).contains("Russian-side figure: 3,174.71 km²"));
}

// A name the data marks uncertain (瀬石 for Goryachiye Klyuchi) says so; a confirmed one does not.
TEST_F(InfoPanelTest, AnUncertainNameSaysSo) {
    auto loaded = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    isv::InfoPanel panel(std::make_shared<const geo::MapData>(std::move(loaded).value()));
    panel.selectPlace("goryachiye_klyuchi");
    const QString text = islandText(panel);
    EXPECT_TRUE(text.contains("Seseki · 瀬石? (uncertain: the sources do not confirm this name)"))
        << text.toStdString();
    EXPECT_TRUE(text.contains("Goryachiye Klyuchi · Горячие Ключи")) << text.toStdString();
    EXPECT_FALSE(text.contains("Ключи?"));
    panel.selectPlace("kurilsk");
    EXPECT_FALSE(islandText(panel).contains("uncertain")) << islandText(panel).toStdString();
}
