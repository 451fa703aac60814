// Checks of the shipped dataset in resources/data against the data contract (docs/data.md) and against
// facts from outside the project.
#include "geo/geodesic.h"
#include "geo/map_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace {

const geo::Result<geo::MapData>& shipped() {
    static const geo::Result<geo::MapData> data = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
    return data;
}

class ShippedData : public testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(shipped().ok()) << shipped().error().message; }
    const geo::MapData& data() const { return shipped().value(); }

    // Level-1 outer rings of the coast features whose group is one of `groups`.
    std::vector<geo::Path> landRings(const std::set<std::string>& groups) const {
        std::vector<geo::Path> rings;
        const geo::Layer& coast = data().coast;
        for (std::size_t i = 0; i < coast.features.size(); ++i) {
            if (coast.value(i, "level") != "1" || !groups.contains(coast.value(i, "group"))) continue;
            for (const auto& poly : coast.features[i].geometry.polygons)
                rings.push_back(poly.rings.front());
        }
        return rings;
    }

    std::vector<const geo::Feature*> linesOf(const std::string& claimant) const {
        std::vector<const geo::Feature*> lines;
        for (std::size_t i = 0; i < data().boundaries.features.size(); ++i)
            if (data().boundaries.value(i, "claimant") == claimant)
                lines.push_back(&data().boundaries.features[i]);
        return lines;
    }

    // Every vertex of the claimant's line(s) is as far from coast set A as from coast set B.
    void expectEquidistant(const std::string& claimant, const std::set<std::string>& a,
                           const std::set<std::string>& b, double toleranceM) const {
        const auto ringsA = landRings(a);
        const auto ringsB = landRings(b);
        ASSERT_FALSE(ringsA.empty());
        ASSERT_FALSE(ringsB.empty());
        const auto nearest = [](geo::Point p, const std::vector<geo::Path>& rings) {
            double best = std::numeric_limits<double>::infinity();
            for (const auto& ring : rings)
                best = std::min(best, geo::geodesicDistanceToPathM(p, ring, true));
            return best;
        };
        const auto lines = linesOf(claimant);
        ASSERT_FALSE(lines.empty());
        double worst = 0;
        for (const geo::Feature* f : lines) {
            ASSERT_EQ(f->geometry.type, geo::GeometryType::Line);
            for (const auto& line : f->geometry.lines)
                for (const geo::Point& p : line) {
                    const double da = nearest(p, ringsA);
                    const double db = nearest(p, ringsB);
                    worst = std::max(worst, std::abs(da - db));
                    EXPECT_NEAR(da, db, toleranceM) << "vertex " << p.x << ", " << p.y;
                }
        }
        RecordProperty(claimant + "_worst_m", std::to_string(worst));
    }
};

TEST_F(ShippedData, DisputedGroupAreasMatchOfficialFigures) {
    // Official areas, km²: GSI "全国都道府県市区町村別面積調" 2025 as published via MLIT. GSHHG full
    // resolution draws coasts with vertices a few hundred metres apart, and that error is a band along the
    // shore: a few percent for the large islands, but about 13 % for the Habomai islets, whose area is
    // small against their shoreline (measured: 107.45 against 94.84 km²; SpatiaLite's ellipsoidal ST_Area
    // gives the same 107.45 on the same polygons). Hence ±5 % for the islands and ±15 % for Habomai.
    const std::map<std::string, std::pair<double, double>> official{{"etorofu", {3166.64, 0.05}},
                                                                    {"kunashiri", {1489.27, 0.05}},
                                                                    {"shikotan", {247.65, 0.05}},
                                                                    {"habomai", {94.84, 0.15}}};
    for (const auto& [id, expected] : official) {
        const auto [km2, tolerance] = expected;
        ASSERT_TRUE(data().figures.contains(id)) << id;
        const auto& f = data().figures.at(id);
        EXPECT_GT(f.areaKm2, 0) << id;
        EXPECT_GT(f.polygons, 0) << id;
        EXPECT_NEAR(f.areaKm2, km2, tolerance * km2) << id;
    }
}

TEST_F(ShippedData, PlacesHaveAllFourNames) {
    int checked = 0;
    for (const auto& p : data().places) {
        if (p.kind != "group" && p.kind != "island" && p.kind != "islet") continue;
        ++checked;
        for (const char* key : {"ja_latin", "ja_native", "ru_latin", "ru_native"}) {
            const auto it = p.names.find(key);
            EXPECT_TRUE(it != p.names.end() && !it->second.empty()) << p.id << " lacks " << key;
        }
    }
    EXPECT_GE(checked, 4);
}

TEST_F(ShippedData, HabomaiIsletsAndHokkaidoIslets) {
    const auto& coast = data().coast;
    const auto coastGroups = [&](const std::string& id) {
        std::set<std::string> groups;
        for (std::size_t i = 0; i < coast.features.size(); ++i)
            if (coast.value(i, "id") == id) groups.insert(coast.value(i, "group"));
        return groups;
    };
    // Named islets must be places of Habomai; the tiniest may be missing from GSHHG, but those drawn must
    // be Habomai land and listed among the group's islets.
    const auto& habomaiIslets = data().figures.at("habomai").islets;
    for (const char* id :
         {"suisho", "akiyuri", "yuri", "shibotsu", "taraku", "kaigara", "harukaru", "todo"}) {
        const geo::Place* p = data().place(id);
        ASSERT_NE(p, nullptr) << id;
        EXPECT_EQ(p->kind, "islet") << id;
        EXPECT_EQ(p->parent, "habomai") << id;
        const auto groups = coastGroups(id);
        EXPECT_TRUE(groups.empty() || groups == std::set<std::string>{"habomai"}) << id;
        // Listed whether or not GSHHG draws it: Kaigara, a rock GSHHG lacks, must not vanish from the list.
        EXPECT_NE(std::find(habomaiIslets.begin(), habomaiIslets.end(), id), habomaiIslets.end()) << id;
    }
    // Yururi and Moyururi lie off Nemuro peninsula: Hokkaido, not Habomai.
    for (const char* id : {"yururi", "moyururi"}) {
        EXPECT_EQ(coastGroups(id), std::set<std::string>{"hokkaido"}) << id;
        const geo::Place* p = data().place(id);
        EXPECT_TRUE(p == nullptr || p->parent != "habomai") << id;
        EXPECT_EQ(std::find(habomaiIslets.begin(), habomaiIslets.end(), id), habomaiIslets.end()) << id;
    }
}

// Where the viewer puts labels is data: Habomai, a group of islets, and the water bodies keep their point.
TEST_F(ShippedData, LabelsInTheWaterStayAtTheirPoint) {
    ASSERT_GE(data().names.fieldIndex("label_at"), 0);
    for (const geo::Place& p : data().places) {
        // Hokkaido's label keeps its point in the default view (its pole lies far west of it), Sakhalin's in
        // the middle of its southern part.
        const bool water = p.kind == "strait" || p.kind == "sea" || p.id == "habomai" || p.id == "hokkaido" ||
                           p.id == "sakhalin";
        EXPECT_EQ(p.labelAt, water ? geo::LabelAt::Point : geo::LabelAt::Pole) << p.id;
    }
}

// The map reaches the whole story (issue 14): all of Hokkaido, Sakhalin beyond 50°N, the Kurils to Shumshu
// and Cape Lopatka, every polygon in one of the documented groups.
TEST_F(ShippedData, CoastReachesTheWiderMap) {
    const geo::Box& b = data().coast.bounds;
    EXPECT_LE(b.minx, 139.0);
    EXPECT_GE(b.maxx, 157.0);
    EXPECT_LE(b.miny, 41.0);
    EXPECT_GE(b.maxy, 52.0);
    const std::set<std::string> groups{"etorofu",        "kunashiri", "shikotan",     "habomai",
                                       "hokkaido",       "urup",      "north_kurils", "south_sakhalin",
                                       "north_sakhalin", "kamchatka", "mainland",     "other"};
    std::set<std::string> seen;
    const geo::Layer& coast = data().coast;
    for (std::size_t i = 0; i < coast.features.size(); ++i) {
        const std::string& g = coast.value(i, "group");
        EXPECT_TRUE(groups.contains(g)) << coast.value(i, "id") << " has group '" << g << "'";
        seen.insert(g);
    }
    EXPECT_EQ(seen, groups);
    // Places of the wider map lie on land of the right group.
    const auto groupAt = [&](const std::string& placeId) {
        const geo::Place* p = data().place(placeId);
        if (!p) return std::string("(no place)");
        for (std::size_t i = 0; i < coast.features.size(); ++i)
            if (coast.value(i, "level") == "1")
                if (geo::contains(coast.features[i].geometry, p->lonlat)) return coast.value(i, "group");
        return std::string("(water)");
    };
    EXPECT_EQ(groupAt("shumshu"), "north_kurils");
    EXPECT_EQ(groupAt("paramushir"), "north_kurils");
    EXPECT_EQ(groupAt("lopatka_cape"), "kamchatka");
    EXPECT_EQ(groupAt("yuzhno_sakhalinsk"), "south_sakhalin");
    EXPECT_EQ(groupAt("moneron"), "south_sakhalin");
    EXPECT_EQ(groupAt("rebun"), "hokkaido");
    EXPECT_EQ(groupAt("sapporo"), "hokkaido");
    EXPECT_EQ(groupAt("urup"), "urup");
}

// Sakhalin is cut at 50°N into a southern and a northern polygon that share the cut edge (the viewer fills
// them apart and draws no coast along it).
TEST_F(ShippedData, SakhalinIsCutAtTheFiftiethParallel) {
    const geo::Layer& coast = data().coast;
    std::vector<geo::Path> south, north;
    for (std::size_t i = 0; i < coast.features.size(); ++i) {
        if (coast.value(i, "id") != "sakhalin") continue;
        const std::string& g = coast.value(i, "group");
        ASSERT_TRUE(g == "south_sakhalin" || g == "north_sakhalin") << g;
        (g == "south_sakhalin" ? south : north)
            .push_back(coast.features[i].geometry.polygons.front().rings[0]);
    }
    ASSERT_EQ(south.size(), 1U);
    ASSERT_EQ(north.size(), 1U);
    EXPECT_DOUBLE_EQ(geo::bounds(south[0]).maxy, 50.0);
    EXPECT_DOUBLE_EQ(geo::bounds(north[0]).miny, 50.0);
    std::vector<geo::Point> cutS, cutN;
    for (const auto& p : south[0])
        if (p.y == 50.0) cutS.push_back(p);
    for (const auto& p : north[0])
        if (p.y == 50.0) cutN.push_back(p);
    const auto byX = [](geo::Point a, geo::Point b) { return a.x < b.x; };
    std::sort(cutS.begin(), cutS.end(), byX);
    std::sort(cutN.begin(), cutN.end(), byX);
    cutS.erase(std::unique(cutS.begin(), cutS.end()), cutS.end());
    cutN.erase(std::unique(cutN.begin(), cutN.end()), cutN.end());
    EXPECT_EQ(cutS.size(), 2U);
    EXPECT_EQ(cutS, cutN);
}

// Widening the map changes nothing of the four groups: areas and polygon counts as before (docs/data.md).
TEST_F(ShippedData, FourGroupsUnchangedByTheWiderMap) {
    const std::map<std::string, std::pair<double, int>> before{{"etorofu", {3225.53, 55}},
                                                               {"kunashiri", {1520.15, 6}},
                                                               {"shikotan", {259.24, 5}},
                                                               {"habomai", {107.45, 17}}};
    for (const auto& [id, expected] : before) {
        const auto& f = data().figures.at(id);
        EXPECT_NEAR(f.areaKm2, expected.first, 0.005) << id;
        EXPECT_EQ(f.polygons, expected.second) << id;
    }
    // info counts the islets drawn, named or not: Etorofu has 54 besides its main island.
    EXPECT_EQ(data().figures.at("etorofu").isletPolygons, 54);
    EXPECT_EQ(data().figures.at("habomai").isletPolygons, 17);
}

// Every Japanese name has its reading in hiragana (names.csv `ja_kana`, which search uses).
TEST_F(ShippedData, EveryJapaneseNameHasAHiraganaReading) {
    ASSERT_GE(data().names.fieldIndex("ja_kana"), 0);
    int checked = 0;
    for (const geo::Place& p : data().places) {
        const std::string& native = p.names.at("ja_native");
        const std::string& kana = p.names.at("ja_kana");
        EXPECT_EQ(native.empty(), kana.empty()) << p.id;
        // Hiragana (U+3041-U+309F) and the long-vowel mark (U+30FC), all three-byte UTF-8 sequences.
        ASSERT_EQ(kana.size() % 3, 0U) << p.id;
        for (std::size_t i = 0; i < kana.size(); i += 3) {
            const auto c = static_cast<unsigned char>(kana[i]), d = static_cast<unsigned char>(kana[i + 1]),
                       e = static_cast<unsigned char>(kana[i + 2]);
            const unsigned cp = ((c & 0x0Fu) << 12) | ((d & 0x3Fu) << 6) | (e & 0x3Fu);
            EXPECT_TRUE((cp >= 0x3041 && cp <= 0x309F) || cp == 0x30FC) << p.id << ": " << kana;
        }
        checked += !kana.empty();
    }
    EXPECT_GE(checked, 70);
    EXPECT_EQ(data().place("hokkaido")->names.at("ja_kana"), "ほっかいどう");
}

// Corrections checked against the fact sheet (issue 14).
TEST_F(ShippedData, NameCorrections) {
    EXPECT_EQ(data().place("sea_of_okhotsk")->names.at("ja_latin"), "Ohōtsuku-kai");
    // 瀬石 for Goryachiye Klyuchi: the fact sheet has no source for the reading ("?"); Anama rests on one
    // mirror ("~"). Both are marked uncertain, the Russian names are not.
    for (const char* id : {"goryachiye_klyuchi", "krabozavodskoye"}) {
        EXPECT_TRUE(data().place(id)->nameUncertain("ja")) << id;
        EXPECT_FALSE(data().place(id)->nameUncertain("ru")) << id;
    }
    EXPECT_FALSE(data().place("kurilsk")->nameUncertain("ja"));
    // The main straits, capes, islands and towns of the wider map, in both sets and both scripts.
    for (const char* id :
         {"soya_strait",       "vries_strait", "bussol_strait", "nemuro_strait",  "tatar_strait", "urup",
          "simushir",          "paramushir",   "shumshu",       "onekotan",       "matua",        "sakhalin",
          "yuzhno_sakhalinsk", "korsakov",     "kholmsk",       "severo_kurilsk", "lopatka_cape", "soya_cape",
          "shiretoko_cape",    "sapporo",      "wakkanai",      "abashiri",       "kushiro",      "nemuro"}) {
        const geo::Place* p = data().place(id);
        ASSERT_NE(p, nullptr) << id;
        for (const char* key : {"ja_latin", "ja_native", "ja_kana", "ru_latin", "ru_native"})
            EXPECT_FALSE(p->names.at(key).empty()) << id << " lacks " << key;
        EXPECT_FALSE(p->source.empty()) << id;
    }
}

TEST_F(ShippedData, CoastIsInWgs84) {
    EXPECT_EQ(data().coast.sourceCrs, "EPSG:4326");
    EXPECT_EQ(data().coast.skipped, 0U);
}

TEST_F(ShippedData, BothClaimantsHaveABoundaryLine) {
    EXPECT_FALSE(linesOf("japan").empty());
    EXPECT_FALSE(linesOf("russia").empty());
}

TEST_F(ShippedData, RussianLineIsTheMedianOfNemuroStrait) {
    expectEquidistant("russia", {"hokkaido"}, {"kunashiri", "habomai", "shikotan"}, 1000.0);
}

TEST_F(ShippedData, JapaneseLineIsTheMedianOfVriesStrait) {
    expectEquidistant("japan", {"etorofu"}, {"urup"}, 1000.0);
}

TEST_F(ShippedData, RussianLinePassesTheScapinPoint) {
    // 43°23'N 145°51'E, the point between Hokkaido and Kaigara the Russian border runs through.
    const geo::Point point{145 + 51.0 / 60, 43 + 23.0 / 60};
    double best = std::numeric_limits<double>::infinity();
    for (const geo::Feature* f : linesOf("russia"))
        for (const auto& line : f->geometry.lines)
            best = std::min(best, geo::geodesicDistanceToPathM(point, line, false));
    EXPECT_LE(best, 1500.0);
}

} // namespace
