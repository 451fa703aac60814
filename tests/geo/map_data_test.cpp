#include "geo/map_data.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

using geotest::TempDir;

namespace {

const char* const kNamesHeader =
    "id,kind,parent,admin,ja_latin,ja_native,ru_latin,ru_native,priority,source,WKT\n";
const char* const kNamesRows =
    "etorofu,group,,russia,Etorofu,択捉島,Iturup,Итуруп,1,S1,\"POINT (148.05 45.05)\"\n"
    "kunashiri,group,,russia,Kunashiri,国後島,Kunashir,Кунашир,1,S1,\"POINT (145.8 44.1)\"\n"
    "shikotan,group,,russia,Shikotan,色丹島,Shikotan,Шикотан,1,S1,\"POINT (146.75 43.8)\"\n"
    "habomai,group,,russia,Habomai,歯舞群島,Khabomai,Хабомаи,1,S1,\"POINT (146.1 43.45)\"\n"
    "yuri,islet,habomai,russia,Yuri,勇留島,Yuriy,Юрий,,S2,\"POINT (146.01 43.41)\"\n"
    "akiyuri,islet,habomai,russia,Akiyuri,秋勇留島,Anuchina,Анучина,3,S2,\"POINT (146.3 43.3)\"\n";

// Two islands (Etorofu with a lake, and the islet Yuri), two lines, a claim and the names table.
void writeDataset(const std::filesystem::path& dir, const std::string& extraNameRows = "") {
    using geotest::Field;
    geotest::writeLayer((dir / "coast.shp").string(), "ESRI Shapefile", 4326, wkbPolygon,
                        {{"id"}, {"group"}, {"admin"}, {"level", OFTInteger}},
                        {{"POLYGON ((148 45, 148.1 45, 148.1 45.1, 148 45.1, 148 45))",
                          {"etorofu", "etorofu", "russia", "1"}},
                         {"POLYGON ((148.02 45.02, 148.04 45.02, 148.04 45.04, 148.02 45.02))",
                          {"lake_1", "etorofu", "russia", "2"}},
                         {"POLYGON ((146 43.4, 146.02 43.4, 146.02 43.42, 146 43.42, 146 43.4))",
                          {"yuri", "habomai", "russia", "1"}}},
                        {"ENCODING=UTF-8"});
    geotest::writeLayer(
        (dir / "boundaries.shp").string(), "ESRI Shapefile", 4326, wkbLineString,
        {{"claimant"}, {"defacto", OFTInteger}, {"name"}, {"method"}, {"source"}},
        {{"LINESTRING (145.3 43.2, 145.5 43.6)", {"russia", "1", "Median line", "test", "S3"}},
         {"LINESTRING (149.5 45.5, 149.8 45.9)", {"japan", "0", "Vries Strait", "test", "S4"}}},
        {"ENCODING=UTF-8"});
    geotest::writeLayer(
        (dir / "claims.shp").string(), "ESRI Shapefile", 4326, wkbPolygon,
        {{"claimant"}, {"name"}, {"source"}},
        {{"POLYGON ((145 43, 149 43, 149 46, 145 46, 145 43))", {"japan", "Claimed by Japan", "S5"}}},
        {"ENCODING=UTF-8"});
    geotest::writeText(dir / "names.csv", std::string(kNamesHeader) + kNamesRows + extraNameRows);
}

TEST(MapData, LoadsATinyDataset) {
    const TempDir dir;
    writeDataset(dir.path());
    // A non-normal path must come back absolute and normal.
    const auto r = geo::loadMapData((dir.path() / "." / "").string());
    ASSERT_TRUE(r.ok()) << r.error().message;
    const geo::MapData& data = r.value();
    EXPECT_TRUE(std::filesystem::path(data.dataDir).is_absolute());
    EXPECT_EQ(std::filesystem::path(data.dataDir), dir.path());
    EXPECT_EQ(data.coast.features.size(), 3U);
    EXPECT_EQ(data.boundaries.features.size(), 2U);
    EXPECT_EQ(data.claims.features.size(), 1U);
    ASSERT_EQ(data.places.size(), 6U);

    const geo::Place* yuri = data.place("yuri");
    ASSERT_NE(yuri, nullptr);
    EXPECT_EQ(yuri->kind, "islet");
    EXPECT_EQ(yuri->parent, "habomai");
    EXPECT_EQ(yuri->names.at("ja_native"), "勇留島");
    EXPECT_EQ(yuri->names.at("ru_native"), "Юрий");
    EXPECT_EQ(yuri->names.at("ru_latin"), "Yuriy");
    EXPECT_EQ(yuri->lonlat, (geo::Point{146.01, 43.41}));
    EXPECT_EQ(yuri->priority, 5) << "empty priority takes the default";
    EXPECT_EQ(data.place("akiyuri")->priority, 3);
    EXPECT_EQ(yuri->labelAt, geo::LabelAt::Pole) << "a table without label_at: labels at the pole";
    EXPECT_EQ(data.place("nowhere"), nullptr);

    // Areas against the closed-form zone area of the same lon/lat boxes; the lake (level 2) is not land.
    const auto& etorofu = data.figures.at("etorofu");
    EXPECT_EQ(etorofu.polygons, 1);
    EXPECT_NEAR(etorofu.areaKm2 * 1e6 / geotest::zoneAreaM2(148, 148.1, 45, 45.1), 1.0, 1e-4);
    const auto& yuriFigures = data.figures.at("yuri");
    EXPECT_NEAR(yuriFigures.areaKm2 * 1e6 / geotest::zoneAreaM2(146, 146.02, 43.4, 43.42), 1.0, 1e-4);
    const auto& habomai = data.figures.at("habomai");
    EXPECT_EQ(habomai.id, "habomai");
    EXPECT_DOUBLE_EQ(habomai.areaKm2, yuriFigures.areaKm2);
    EXPECT_EQ(habomai.islets, (std::vector<std::string>{"yuri", "akiyuri"}))
        << "listed with or without a coastline";
    EXPECT_FALSE(data.figures.contains("akiyuri")) << "akiyuri has no coastline here";
    EXPECT_FALSE(data.figures.contains("lake_1"));
}

TEST(MapData, MissingDirectoryOrFile) {
    const TempDir dir;
    const auto none = geo::loadMapData((dir.path() / "absent").string());
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().message.find("absent"), std::string::npos);

    writeDataset(dir.path());
    std::filesystem::remove(dir.path() / "names.csv");
    const auto r = geo::loadMapData(dir.path().string());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find((dir.path() / "names.csv").string()), std::string::npos)
        << r.error().message;
}

TEST(MapData, DuplicateIdNamesTheRow) {
    const TempDir dir;
    writeDataset(dir.path(),
                 "yuri,islet,habomai,russia,Yuri,勇留島,Yuriy,Юрий,4,S2,\"POINT (146.01 43.41)\"\n");
    const auto r = geo::loadMapData(dir.path().string());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, (dir.path() / "names.csv").string() + ": row 7: duplicate id 'yuri'");
}

TEST(MapData, TableErrors) {
    const struct {
        std::string extraRow;
        std::string expected;
    } cases[] = {
        {"odd,volcano,,,a,b,c,d,1,S,\"POINT (146 43)\"\n", "row 7: unknown kind 'volcano'"},
        {"odd,islet,,,a,b,c,d,high,S,\"POINT (146 43)\"\n", "row 7: priority 'high' is not an integer"},
        {",islet,,,a,b,c,d,1,S,\"POINT (146 43)\"\n", "row 7: empty id"},
        {"odd,islet,,,a,b,c,d,1,S,\n", "row 7: no readable POINT"},
    };
    for (const auto& c : cases) {
        const TempDir dir;
        writeDataset(dir.path(), c.extraRow);
        const auto r = geo::loadMapData(dir.path().string());
        ASSERT_FALSE(r.ok()) << c.extraRow;
        EXPECT_NE(r.error().message.find("names.csv: " + c.expected), std::string::npos) << r.error().message;
    }
}

TEST(MapData, LabelAtColumnIsRead) {
    const TempDir dir;
    writeDataset(dir.path());
    // The same table with a label_at column: "point", "pole", or empty (the default, as without the column).
    std::string names =
        "id,kind,parent,admin,ja_latin,ja_native,ru_latin,ru_native,priority,label_at,source,WKT\n";
    const std::vector<std::string> labelAt{"pole", "", "pole", "point", "", "pole"};
    std::size_t row = 0;
    for (std::string_view rows = kNamesRows; !rows.empty(); ++row) {
        std::string line(rows.substr(0, rows.find('\n')));
        rows.remove_prefix(line.size() + 1);
        const std::size_t source = line.rfind(",S", line.find(",\"POINT")); // the comma before `source`
        names += line.insert(source, "," + labelAt.at(row)) + "\n";
    }
    geotest::writeText(dir.path() / "names.csv", names);
    const auto r = geo::loadMapData(dir.path().string());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->place("habomai")->labelAt, geo::LabelAt::Point);
    EXPECT_EQ(r->place("etorofu")->labelAt, geo::LabelAt::Pole);
    EXPECT_EQ(r->place("kunashiri")->labelAt, geo::LabelAt::Pole) << "empty: the default";
    EXPECT_EQ(r->place("yuri")->priority, 5) << "the columns after it still read";
    EXPECT_EQ(r->place("akiyuri")->source, "S2");

    geotest::writeText(dir.path() / "names.csv",
                       names + "odd,islet,,,a,b,c,d,1,centre,S,\"POINT (146 43)\"\n");
    const auto bad = geo::loadMapData(dir.path().string());
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("names.csv: row 7: label_at 'centre' is neither 'pole' nor 'point'"),
              std::string::npos)
        << bad.error().message;
}

// The ja_kana (hiragana reading) and uncertain columns: read into Place::names and Place::uncertain; an
// older table without them still loads, with empty readings and nothing uncertain.
TEST(MapData, KanaAndUncertainColumnsAreRead) {
    const TempDir dir;
    writeDataset(dir.path());
    const std::string header =
        "id,kind,parent,admin,ja_latin,ja_native,ja_kana,ru_latin,ru_native,priority,uncertain,source,WKT\n";
    const std::string rows =
        "etorofu,group,,russia,Etorofu,択捉島,えとろふとう,Iturup,Итуруп,1,,S1,\"POINT (148.05 45.05)\"\n"
        "kunashiri,group,,russia,Kunashiri,国後島,くなしりとう,Kunashir,Кунашир,1,,S1,\"POINT (145.8 "
        "44.1)\"\n"
        "shikotan,group,,russia,Shikotan,色丹島,しこたんとう,Shikotan,Шикотан,1,ja;ru,S1,\"POINT (146.75 "
        "43.8)\"\n"
        "habomai,group,,russia,Habomai,歯舞群島,はぼまいぐんとう,Khabomai,Хабомаи,1,,S1,\"POINT (146.1 "
        "43.45)\"\n"
        "seseki,settlement,etorofu,russia,Seseki,瀬石,せせき,Goryachiye Klyuchi,Горячие Ключи,4,ja,S40,"
        "\"POINT (148.05 45.06)\"\n";
    geotest::writeText(dir.path() / "names.csv", header + rows);
    const auto r = geo::loadMapData(dir.path().string());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->place("etorofu")->names.at("ja_kana"), "えとろふとう");
    EXPECT_TRUE(r->place("seseki")->nameUncertain("ja"));
    EXPECT_FALSE(r->place("seseki")->nameUncertain("ru"));
    EXPECT_TRUE(r->place("shikotan")->nameUncertain("ja"));
    EXPECT_TRUE(r->place("shikotan")->nameUncertain("ru"));
    EXPECT_TRUE(r->place("etorofu")->uncertain.empty());
    EXPECT_EQ(r->place("seseki")->source, "S40") << "the columns after them still read";

    geotest::writeText(dir.path() / "names.csv",
                       header + rows + "odd,islet,,,a,b,c,d,e,1,maybe,S,\"POINT (146 43)\"\n");
    const auto bad = geo::loadMapData(dir.path().string());
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("names.csv: row 6: uncertain 'maybe' is not 'ja', 'ru' or 'ja;ru'"),
              std::string::npos)
        << bad.error().message;

    writeDataset(dir.path()); // the older table: no ja_kana, no uncertain
    const auto old = geo::loadMapData(dir.path().string());
    ASSERT_TRUE(old.ok()) << old.error().message;
    EXPECT_EQ(old->place("yuri")->names.at("ja_kana"), "");
    EXPECT_TRUE(old->place("yuri")->uncertain.empty());
}

// A group lists every named islet of names.csv, drawn or not (Kaigara, which GSHHG lacks, must not vanish),
// and counts its islet polygons, named or not.
TEST(MapData, GroupsListUnoutlinedIsletsAndCountIsletPolygons) {
    const TempDir dir;
    writeDataset(dir.path(), "kaigara,islet,habomai,russia,Kaigara,貝殻島,Signalny,Сигнальный,5,S1,"
                             "\"POINT (145.86 43.39)\"\n");
    const auto r = geo::loadMapData(dir.path().string());
    ASSERT_TRUE(r.ok()) << r.error().message;
    const auto& habomai = r->figures.at("habomai");
    EXPECT_EQ(habomai.islets, (std::vector<std::string>{"yuri", "akiyuri", "kaigara"}));
    EXPECT_FALSE(r->figures.contains("kaigara")) << "no outline, no area";
    EXPECT_EQ(habomai.isletPolygons, 1) << "Yuri's polygon";
    EXPECT_EQ(r->figures.at("etorofu").isletPolygons, 0) << "the main island and a lake are no islets";
}

TEST(MapData, DamagedCoastFailsRatherThanLosingLand) {
    const TempDir dir;
    writeDataset(dir.path());
    const auto shp = dir.path() / "coast.shp";
    std::filesystem::resize_file(shp, std::filesystem::file_size(shp) - 60); // cut into the last polygon
    const auto r = geo::loadMapData(dir.path().string());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.rfind(shp.string() + ": 1 feature(s) could not be read", 0), 0U)
        << r.error().message;
}

TEST(MapData, MissingGroupAndMissingCoastField) {
    {
        const TempDir dir;
        writeDataset(dir.path());
        std::string names = geotest::readBytes(dir.path() / "names.csv");
        names.erase(names.find("shikotan,group"), names.find("habomai,group") - names.find("shikotan,group"));
        geotest::writeText(dir.path() / "names.csv", names);
        const auto r = geo::loadMapData(dir.path().string());
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.error().message.find("names.csv: missing group 'shikotan'"), std::string::npos)
            << r.error().message;
    }
    {
        const TempDir dir;
        writeDataset(dir.path());
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
            std::filesystem::remove(dir.path() / (std::string("coast") + ext));
        geotest::writeLayer(
            (dir.path() / "coast.shp").string(), "ESRI Shapefile", 4326, wkbPolygon,
            {{"id"}, {"group"}, {"admin"}},
            {{"POLYGON ((148 45, 148.1 45, 148.1 45.1, 148 45))", {"etorofu", "etorofu", "russia"}}});
        const auto r = geo::loadMapData(dir.path().string());
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().message, (dir.path() / "coast.shp").string() + ": missing field 'level'");
    }
}

} // namespace
