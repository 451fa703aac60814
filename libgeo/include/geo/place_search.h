#pragma once
// Finding a place by any of its names: in either name set, in Latin, Cyrillic, kanji or kana, in part or
// loosely spelled. One search serves the window's search box, `--focus` and `isleview find`.
#include "geo/map_data.h"

#include <string>
#include <string_view>
#include <vector>

namespace geo {

/// How a query met a name, best first.
enum class MatchKind { Exact, Prefix, Substring, Fuzzy };

/// One place found, with the name that matched best.
struct PlaceMatch {
    const Place* place = nullptr;
    std::string key;  ///< the names key that matched ("ja_latin", "ru_native", ... or "id")
    std::string name; ///< that name as written in the table
    MatchKind kind = MatchKind::Fuzzy;
    int distance = 0; ///< edits between the folded query and the folded name (Fuzzy only, else 0)
};

/// Text folded for comparison: lower case, diacritics dropped (ō → o), ё → е, katakana → hiragana,
/// full-width Latin → ASCII, spaces, hyphens and other punctuation dropped. UTF-8 in and out.
std::string foldForSearch(std::string_view text);

/// Cyrillic letters written in Latin (Итуруп → iturup, Южно → yuzhno), after folding; other text kept.
std::string cyrillicToLatin(std::string_view folded);

/// Edits (insertions, deletions, substitutions, swaps of neighbours) between two UTF-8 texts, counted in
/// code points.
int editDistance(std::string_view a, std::string_view b);

/// The places whose names match `query`, best first: exact, then prefix, then substring, then misspelled
/// (fewest edits first); within each, the name the query leaves least of, then the more important place
/// (lower priority number). One entry per place, at most `limit`. An empty (after folding) query finds
/// nothing.
std::vector<PlaceMatch> findPlaces(const std::vector<Place>& places, std::string_view query,
                                   std::size_t limit = 10);

/// The places whose names come closest to `query` however far it is (for "did you mean"), at most `limit`.
std::vector<PlaceMatch> closestPlaces(const std::vector<Place>& places, std::string_view query,
                                      std::size_t limit = 3);

} // namespace geo
