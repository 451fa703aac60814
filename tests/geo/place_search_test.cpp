// The place search over the shipped names table: every script, partial and misspelled input.
#include "geo/map_data.h"
#include "geo/place_search.h"

#include <gtest/gtest.h>

namespace {

const geo::MapData& data() {
    static const geo::MapData d = [] {
        auto loaded = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return std::move(loaded).value();
    }();
    return d;
}

std::string first(std::string_view query) {
    const auto found = geo::findPlaces(data().places, query);
    return found.empty() ? std::string("(nothing)") : found.front().place->id;
}

TEST(FoldForSearch, CaseDiacriticsYoKanaAndPunctuation) {
    EXPECT_EQ(geo::foldForSearch("Hokkaidō"), "hokkaido");
    EXPECT_EQ(geo::foldForSearch("Nemuro-kaikyō"), "nemurokaikyo");
    EXPECT_EQ(geo::foldForSearch("Зелёный"), geo::foldForSearch("зеленый"));
    EXPECT_EQ(geo::foldForSearch("ЁЖ"), "еж");
    EXPECT_EQ(geo::foldForSearch("オドケ"), "おどけ");
    EXPECT_EQ(geo::foldForSearch("ＩＴＵＲＵＰ"), "iturup");
    EXPECT_EQ(geo::foldForSearch("Yuzhno Kurilsk"), geo::foldForSearch("yuzhno-kurilsk"));
    EXPECT_EQ(geo::foldForSearch("\xff\xfe ok"), "ok"); // stray bytes are skipped, not a crash
}

TEST(FoldForSearch, CyrillicInLatinLetters) {
    EXPECT_EQ(geo::cyrillicToLatin(geo::foldForSearch("Итуруп")), "iturup");
    EXPECT_EQ(geo::cyrillicToLatin(geo::foldForSearch("Южно-Курильск")), "yuzhnokurilsk");
    EXPECT_EQ(geo::cyrillicToLatin(geo::foldForSearch("Хабомаи")), "khabomai");
}

TEST(EditDistance, CountsCodePointsAndSwaps) {
    EXPECT_EQ(geo::editDistance("shikotn", "shikotan"), 1);
    EXPECT_EQ(geo::editDistance("kunsahir", "kunashir"), 1);
    EXPECT_EQ(geo::editDistance("итуруп", "итурупп"), 1);
    EXPECT_EQ(geo::editDistance("", "abc"), 3);
}

TEST(FindPlaces, EveryScriptAndSetFindsTheRightPlaceFirst) {
    const std::vector<std::pair<const char*, const char*>> cases{
        {"iturup", "etorofu"},
        {"Итуруп", "etorofu"},
        {"択捉", "etorofu"},
        {"えとろふ", "etorofu"},
        {"etorofu", "etorofu"},
        {"Etorofu", "etorofu"},
        {"エトロフ", "etorofu"},
        {"Kunashir", "kunashiri"},
        {"шикотан", "shikotan"},
        {"Taraku", "taraku"},
        {"Zelyony", "shibotsu"},
        {"Зеленый", "shibotsu"},
        {"Зелёный", "shibotsu"},
        {"Hokkaido", "hokkaido"},
        {"suisho", "suisho"},
        {"Signalny", "kaigara"},
        {"habomai", "habomai"},
        {"Хабомаи", "habomai"},
        {"nosappu", "nosappu_cape"},
        {"Yuzhno Kurilsk", "yuzhno_kurilsk"},
        {"furukamappu", "yuzhno_kurilsk"},
        {"vries_strait", "vries_strait"},
    };
    for (const auto& [query, id] : cases)
        EXPECT_EQ(first(query), id) << query;
}

TEST(FindPlaces, MisspellingsFindTheRightPlaceFirst) {
    const std::vector<std::pair<const char*, const char*>> cases{
        {"Shikotn", "shikotan"}, {"Kunasiri", "kunashiri"}, {"Iturop", "etorofu"},  {"Kunsahir", "kunashiri"},
        {"Zeleny", "shibotsu"},  {"Итурп", "etorofu"},      {"Habomaj", "habomai"}, {"Polonsky", "taraku"},
    };
    for (const auto& [query, id] : cases)
        EXPECT_EQ(first(query), id) << query;
}

TEST(FindPlaces, RanksExactBeforePrefixBeforeSubstringBeforeFuzzy) {
    // "kunashir" is Kunashir's Russian name exactly, and the beginning of the Nemuro Strait's Russian name.
    const auto found = geo::findPlaces(data().places, "kunashir");
    ASSERT_GE(found.size(), 2u);
    EXPECT_EQ(found[0].place->id, "kunashiri");
    EXPECT_EQ(found[0].kind, geo::MatchKind::Exact);
    for (std::size_t i = 1; i < found.size(); ++i)
        EXPECT_GE(static_cast<int>(found[i].kind), static_cast<int>(found[i - 1].kind));
    // えとろふ begins both Etorofu's and the Vries Strait's reading: the group (priority 1) comes first.
    const auto kana = geo::findPlaces(data().places, "えとろふ");
    ASSERT_GE(kana.size(), 2u);
    EXPECT_EQ(kana[0].place->id, "etorofu");
    EXPECT_EQ(kana[0].kind, geo::MatchKind::Prefix);
    EXPECT_EQ(kana[0].key, "ja_kana");
    EXPECT_EQ(kana[1].place->id, "vries_strait");
    // Substrings: "kurilsk" inside Yuzhno-Kurilsk, Severo-Kurilsk and Malokurilskoye, after Kurilsk itself;
    // the two straits, whose names leave more over, after them.
    const auto sub = geo::findPlaces(data().places, "kurilsk");
    ASSERT_EQ(sub.size(), 6u);
    EXPECT_EQ(sub[0].place->id, "kurilsk");
    for (std::size_t i = 1; i < sub.size(); ++i)
        EXPECT_EQ(sub[i].kind, geo::MatchKind::Substring) << sub[i].place->id;
    EXPECT_EQ(sub[4].place->kind, "strait");
    EXPECT_EQ(sub[5].place->id, "south_kuril_strait");
}

TEST(FindPlaces, NothingForEmptyOrUnrelatedInput) {
    EXPECT_TRUE(geo::findPlaces(data().places, "").empty());
    EXPECT_TRUE(geo::findPlaces(data().places, " - ").empty());
    EXPECT_TRUE(geo::findPlaces(data().places, "Marseille").empty());
    EXPECT_EQ(geo::findPlaces(data().places, "o", 3).size(), 3u); // the limit holds
}

TEST(ClosestPlaces, SuggestsSomethingForAnyInput) {
    const auto near = geo::closestPlaces(data().places, "Kunashirrrrr", 3);
    ASSERT_EQ(near.size(), 3u);
    EXPECT_EQ(near[0].place->id, "kunashiri");
}

TEST(PlaceNames, KanaReadingsAreLoaded) {
    const geo::Place* etorofu = data().place("etorofu");
    ASSERT_NE(etorofu, nullptr);
    EXPECT_EQ(etorofu->names.at("ja_kana"), "えとろふとう");
}

} // namespace
