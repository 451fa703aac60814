// The data directory as a user may hand it over: every file of the shipped data broken in every way
// (missing, empty, a folder in its place, truncated, random bytes), and the names table with bad columns,
// numbers, ids, kinds and positions. Each must fail naming the file (and the row) and the problem.
#include "geo/map_data.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using geotest::TempDir;

namespace {

const std::filesystem::path kShipped = ISLEVIEW_SOURCE_DATA_DIR;

void copyShipped(const std::filesystem::path& to) {
    for (const auto& entry : std::filesystem::directory_iterator(kShipped))
        std::filesystem::copy_file(entry.path(), to / entry.path().filename());
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 gen(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string out(n, '\0');
    for (char& c : out)
        c = static_cast<char>(byte(gen));
    return out;
}

enum class Damage { Missing, Empty, Folder, Truncated, Random, RandomTail };

const char* name(Damage d) {
    switch (d) {
    case Damage::Missing:
        return "missing";
    case Damage::Empty:
        return "empty";
    case Damage::Folder:
        return "a folder";
    case Damage::Truncated:
        return "truncated";
    case Damage::Random:
        return "random bytes";
    case Damage::RandomTail:
        return "random bytes after the first 100";
    }
    return "";
}

void damage(const std::filesystem::path& file, Damage d) {
    const std::string bytes = geotest::readBytes(file);
    switch (d) {
    case Damage::Missing:
        std::filesystem::remove(file);
        break;
    case Damage::Empty:
        geotest::writeText(file, "");
        break;
    case Damage::Folder:
        std::filesystem::remove(file);
        std::filesystem::create_directory(file);
        break;
    case Damage::Truncated:
        geotest::writeText(file, bytes.substr(0, bytes.size() / 2 + 7));
        break;
    case Damage::Random:
        geotest::writeText(file, randomBytes(bytes.size(), 12));
        break;
    case Damage::RandomTail:
        geotest::writeText(file, bytes.substr(0, 100) + randomBytes(bytes.size() - 100, 34));
        break;
    }
}

TEST(DataDirectory, EveryFileBrokenEveryWayIsNamed) {
    const std::vector<std::string> files{"coast.shp",      "coast.shx",      "coast.dbf",  "boundaries.shp",
                                         "boundaries.shx", "boundaries.dbf", "claims.shp", "claims.shx",
                                         "claims.dbf",     "names.csv"};
    int cases = 0;
    for (const std::string& file : files) {
        for (Damage d : {Damage::Missing, Damage::Empty, Damage::Folder, Damage::Truncated, Damage::Random,
                         Damage::RandomTail}) {
            const TempDir dir;
            copyShipped(dir.path());
            damage(dir.path() / file, d);
            const auto r = geo::loadMapData(dir.path().string());
            ++cases;
            ASSERT_FALSE(r.ok()) << file << " " << name(d) << " was loaded";
            // The message names the layer's file (GDAL reports a broken .dbf or .shx through its .shp).
            const std::string layer = file.substr(0, file.find('.'));
            EXPECT_NE(r.error().message.find((dir.path() / layer).string()), std::string::npos)
                << file << " " << name(d) << ": " << r.error().message;
            if (d == Damage::Missing || d == Damage::Empty || d == Damage::Folder) {
                EXPECT_EQ(r.error().message.rfind((dir.path() / file).string() + ": ", 0), 0U)
                    << file << " " << name(d) << ": " << r.error().message;
            }
        }
    }
    EXPECT_EQ(cases, 60);
}

TEST(DataDirectory, TheFolderItselfIsChecked) {
    const TempDir dir;
    const auto none = geo::loadMapData((dir.path() / "absent").string());
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().message, (dir.path() / "absent").string() + ": no such directory");
    geotest::writeText(dir.path() / "file", "x");
    const auto file = geo::loadMapData((dir.path() / "file").string());
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().message, (dir.path() / "file").string() + ": not a directory");
    const auto empty = geo::loadMapData(dir.path().string());
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message.find("coast.shp: missing"), std::string::npos) << empty.error().message;
}

// The shipped names table with one edit; the rest of the shipped data as it is.
geo::Result<geo::MapData> loadWithNames(const TempDir& dir, const std::string& names) {
    copyShipped(dir.path());
    geotest::writeText(dir.path() / "names.csv", names);
    return geo::loadMapData(dir.path().string());
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

TEST(NamesTable, BadTablesAreNamedWithTheRowAndTheProblem) {
    const std::string shipped = geotest::readBytes(kShipped / "names.csv");
    const std::string header = shipped.substr(0, shipped.find('\n') + 1);
    const std::string yuri = "\nyuri,islet,habomai,russia,Yuri,勇留島,ゆりとう,Yuriy,Юрий,";
    const struct {
        std::string what;
        std::string table;
        std::string expected;
    } cases[] = {
        {"no id column", replaced(shipped, "id,kind,", "ident,kind,"), "names.csv: missing field 'id'"},
        {"no kind column", replaced(shipped, ",kind,", ",sort,"), "names.csv: missing field 'kind'"},
        {"no ru_native column", replaced(shipped, ",ru_native,", ",ru_cyrillic,"),
         "names.csv: missing field 'ru_native'"},
        {"no priority column", replaced(shipped, ",priority,", ",rank,"),
         "names.csv: missing field 'priority'"},
        {"header only", header, "names.csv: missing group 'etorofu'"},
        {"priority not a number", replaced(shipped, yuri + "3,", yuri + "high,"),
         "names.csv: row 12: priority 'high' is not an integer"},
        {"priority a fraction", replaced(shipped, yuri + "3,", yuri + "2.5,"),
         "names.csv: row 12: priority '2.5'"},
        {"priority out of range", replaced(shipped, yuri + "3,", yuri + "100000,"),
         "names.csv: row 12: priority 100000 is not from 1 to 99"},
        {"duplicate id", replaced(shipped, "\nakiyuri,islet", "\nyuri,islet"), "row 12: duplicate id 'yuri'"},
        {"unknown kind", replaced(shipped, "\nyuri,islet", "\nyuri,volcano"),
         "row 12: unknown kind 'volcano'"},
        {"empty id", replaced(shipped, "\nyuri,islet", "\n,islet"), "row 12: empty id"},
        {"unknown parent", replaced(shipped, "\nyuri,islet,habomai", "\nyuri,islet,atlantis"),
         "row 12: parent 'atlantis' of 'yuri' is not in the table"},
        {"no point", shipped + "odd,islet,,,a,b,k,c,d,1,pole,,S,\n", "row 81: no readable POINT"},
        // The loader leaves coordinates off the globe out (and counts them), so the row has no point left.
        {"point off the globe", shipped + "odd,islet,,,a,b,k,c,d,1,pole,,S,POINT (1e300 43)\n",
         "row 81: no readable POINT"},
        {"point with NaN", shipped + "odd,islet,,,a,b,k,c,d,1,pole,,S,POINT (nan 43)\n", "row 81: "},
        {"a line, not a point", shipped + "odd,islet,,,a,b,k,c,d,1,pole,,S,\"LINESTRING (146 43,147 44)\"\n",
         "row 81: 'odd' is not a single point"},
        {"bad label_at", replaced(shipped, "1,point,,S4; S23", "1,middle,,S4; S23"),
         "label_at 'middle' is neither 'pole' nor 'point'"},
        {"a group lost", replaced(shipped, "shikotan,group", "shikotan,island"), "missing group 'shikotan'"},
        {"bad uncertain", replaced(shipped, "4,pole,ja,S40", "4,pole,maybe,S40"),
         "uncertain 'maybe' is not 'ja', 'ru' or 'ja;ru'"},
    };
    for (const auto& c : cases) {
        const TempDir dir;
        const auto r = loadWithNames(dir, c.table);
        ASSERT_FALSE(r.ok()) << c.what;
        EXPECT_NE(r.error().message.find(c.expected), std::string::npos)
            << c.what << ": " << r.error().message;
        EXPECT_EQ(r.error().message.rfind((dir.path() / "names.csv").string(), 0), 0U)
            << c.what << ": " << r.error().message;
    }
}

TEST(NamesTable, TheShippedTableWithItsTypesStillLoads) {
    const TempDir dir;
    const auto r = loadWithNames(dir, geotest::readBytes(kShipped / "names.csv"));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->places.size(), 80U);
}

} // namespace
