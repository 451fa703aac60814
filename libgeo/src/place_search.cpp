#include "geo/place_search.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <optional>
#include <tuple>

namespace geo {
namespace {

// Base letters of U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A and -B): what a reader typing on a
// plain keyboard writes for them ("" for the signs among them, which are dropped).
constexpr std::array<const char*, 0x250 - 0xC0> kLatinBase{
    "a", "a", "a",  "a", "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i", "i", "i", "i", "d", "n", "o",  "o",
    "o", "o", "o",  "",  "o", "u", "u",  "u",  "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c",
    "e", "e", "e",  "e", "i", "i", "i",  "i",  "d", "n", "o",  "o",  "o", "o", "o", "",  "o", "u", "u",  "u",
    "u", "y", "th", "y", "a", "a", "a",  "a",  "a", "a", "c",  "c",  "c", "c", "c", "c", "c", "c", "d",  "d",
    "d", "d", "e",  "e", "e", "e", "e",  "e",  "e", "e", "e",  "e",  "g", "g", "g", "g", "g", "g", "g",  "g",
    "h", "h", "h",  "h", "i", "i", "i",  "i",  "i", "i", "i",  "i",  "i", "i", "",  "",  "j", "j", "k",  "k",
    "",  "l", "l",  "l", "l", "l", "l",  "",   "",  "l", "l",  "n",  "n", "n", "n", "n", "n", "",  "",   "",
    "o", "o", "o",  "o", "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r", "r", "s", "s", "s", "s", "s",  "s",
    "s", "s", "t",  "t", "t", "t", "t",  "t",  "u", "u", "u",  "u",  "u", "u", "u", "u", "u", "u", "u",  "u",
    "w", "w", "y",  "y", "y", "z", "z",  "z",  "z", "z", "z",  "",   "",  "",  "",  "",  "",  "",  "",   "",
    "",  "",  "",   "",  "",  "",  "",   "",   "",  "",  "",   "",   "",  "",  "",  "",  "",  "",  "",   "",
    "",  "",  "",   "",  "o", "o", "",   "",   "",  "",  "",   "",   "",  "",  "",  "",  "",  "",  "",   "u",
    "u", "",  "",   "",  "",  "",  "",   "",   "",  "",  "",   "",   "",  "",  "",  "",  "",  "",  "",   "",
    "",  "",  "",   "",  "",  "",  "",   "",   "",  "a", "a",  "i",  "i", "o", "o", "u", "u", "u", "u",  "u",
    "u", "u", "u",  "u", "u", "",  "a",  "a",  "a", "a", "",   "",   "",  "",  "g", "g", "k", "k", "o",  "o",
    "o", "o", "",   "",  "j", "",  "",   "",   "g", "g", "",   "",   "n", "n", "a", "a", "",  "",  "",   "",
    "a", "a", "a",  "a", "e", "e", "e",  "e",  "i", "i", "i",  "i",  "o", "o", "o", "o", "r", "r", "r",  "r",
    "u", "u", "u",  "u", "s", "s", "t",  "t",  "",  "",  "h",  "h",  "",  "",  "",  "",  "",  "",  "a",  "a",
    "e", "e", "o",  "o", "o", "o", "o",  "o",  "o", "o", "y",  "y",  "",  "",  "",  "",  "",  "",  "",   "",
    "",  "",  "",   "",  "",  "",  "",   "",   "",  "",  "",   "",   "",  "",  "",  "",  "",  "",  "",   "",
};

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) { // a stray or cut byte: skipped
            ++i;
            continue;
        }
        char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            ok = ok && (cc >> 6) == 2;
            cp = (cp << 6) | (cc & 0x3F);
        }
        i += ok ? extra + 1 : 1;
        if (ok) out.push_back(cp);
    }
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    out.reserve(s.size() * 2);
    for (const char32_t cp : s) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

void foldInto(char32_t cp, std::u32string& out) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            out += cp + 0x20;
        else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            out += cp;
        return; // spaces, hyphens, apostrophes, dots: names are written with and without them
    }
    if (cp >= 0xC0 && cp < 0x250) {
        for (const char* c = kLatinBase[cp - 0xC0]; *c; ++c)
            out += static_cast<char32_t>(*c);
        return;
    }
    if (cp < 0xC0 || (cp >= 0x300 && cp <= 0x36F)) return;    // Latin-1 signs, combining diacritics
    if (cp == 0x401 || cp == 0x451) return void(out += U'е'); // ё is often written е
    if (cp >= 0x400 && cp <= 0x40F) return void(out += cp + 0x50);
    if (cp >= 0x410 && cp <= 0x42F) return void(out += cp + 0x20);
    if (cp >= 0x30A1 && cp <= 0x30F6) return void(out += cp - 0x60); // katakana → hiragana
    if (cp == 0x30FB || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F)) return;
    if (cp >= 0xFF21 && cp <= 0xFF3A) return void(out += cp - 0xFF21 + 'a'); // full-width Latin
    if (cp >= 0xFF41 && cp <= 0xFF5A) return void(out += cp - 0xFF41 + 'a');
    if (cp >= 0xFF10 && cp <= 0xFF19) return void(out += cp - 0xFF10 + '0');
    if (cp >= 0xFF00 && cp <= 0xFF65) return; // full-width punctuation
    out += cp;
}

std::u32string fold(std::string_view text) {
    std::u32string out;
    for (const char32_t cp : decode(text))
        foldInto(cp, out);
    return out;
}

// Russian letters in the romanisation the names table uses for its ru_latin column (BGN/PCGN-like).
std::u32string transliterate(const std::u32string& folded) {
    static constexpr std::array<const char*, 32> kLatin{
        "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};
    std::u32string out;
    for (const char32_t cp : folded) {
        if (cp >= 0x430 && cp <= 0x44F)
            for (const char* c = kLatin[cp - 0x430]; *c; ++c)
                out += static_cast<char32_t>(*c);
        else
            out += cp;
    }
    return out;
}

bool hasCyrillic(const std::u32string& s) {
    return std::any_of(s.begin(), s.end(), [](char32_t c) { return c >= 0x400 && c <= 0x4FF; });
}

int distance(const std::u32string& a, const std::u32string& b) {
    // Optimal string alignment: Levenshtein plus the swap of two neighbours ("Kunsahir").
    const std::size_t n = a.size(), m = b.size();
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    std::iota(prev.begin(), prev.end(), 0);
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

// The fewest edits from the query to the whole name or to a beginning of it about as long as the query
// (so that a misspelled start of a long name is found too).
int looseDistance(const std::u32string& q, const std::u32string& name) {
    int best = distance(q, name);
    for (std::size_t len = q.size() > 0 ? q.size() - 1 : 0; len <= q.size() + 1; ++len)
        if (len > 0 && len < name.size()) best = std::min(best, distance(q, name.substr(0, len)));
    return best;
}

// How many edits a query of this many letters may be off by: none for the shortest, where any one edit
// reaches too many names.
int allowedEdits(std::size_t length) {
    return length <= 3 ? 0 : length <= 5 ? 1 : length <= 8 ? 2 : 3;
}

struct Key {
    std::string key;
    const std::string* name;
    std::u32string folded;
};

// Every name of a place as compared: each names column folded, the Russian native name also in Latin
// letters, and the id.
std::vector<Key> keysOf(const Place& p) {
    std::vector<Key> keys;
    for (const auto& [key, name] : p.names) {
        if (name.empty()) continue;
        keys.push_back({key, &name, fold(name)});
        if (hasCyrillic(keys.back().folded)) keys.push_back({key, &name, transliterate(keys.back().folded)});
    }
    keys.push_back({"id", &p.id, fold(p.id)});
    return keys;
}

std::vector<std::u32string> queryForms(std::string_view query) {
    std::vector<std::u32string> forms{fold(query)};
    if (hasCyrillic(forms.front())) forms.push_back(transliterate(forms.front()));
    return forms;
}

// The order of matches: kind, then edits, then how much of the name the query leaves over ("kurilsk" is
// more nearly Kurilsk than Yuzhno-Kurilsky proliv), then the place's priority, then the id (so the order
// never depends on the table's).
auto rankKey(const PlaceMatch& m, std::size_t rest) {
    return std::make_tuple(static_cast<int>(m.kind), m.distance, rest, m.place->priority, m.place->id);
}

} // namespace

std::string foldForSearch(std::string_view text) {
    return encode(fold(text));
}

std::string cyrillicToLatin(std::string_view folded) {
    return encode(transliterate(decode(folded)));
}

int editDistance(std::string_view a, std::string_view b) {
    return distance(decode(a), decode(b));
}

std::vector<PlaceMatch> findPlaces(const std::vector<Place>& places, std::string_view query,
                                   std::size_t limit) {
    const auto forms = queryForms(query);
    if (forms.front().empty()) return {};
    std::vector<std::pair<PlaceMatch, std::size_t>> found;
    for (const Place& p : places) {
        std::optional<std::pair<PlaceMatch, std::size_t>> best;
        for (const Key& k : keysOf(p))
            for (const std::u32string& q : forms) {
                PlaceMatch m{&p, k.key, *k.name, MatchKind::Fuzzy, 0};
                if (k.folded == q)
                    m.kind = MatchKind::Exact;
                else if (k.folded.starts_with(q))
                    m.kind = MatchKind::Prefix;
                else if (k.folded.find(q) != std::u32string::npos)
                    m.kind = MatchKind::Substring;
                else if (const int allowed = allowedEdits(q.size()); allowed > 0) {
                    m.distance = looseDistance(q, k.folded);
                    if (m.distance > allowed) continue;
                } else
                    continue;
                const std::size_t rest = k.folded.size() > q.size() ? k.folded.size() - q.size() : 0;
                if (!best || rankKey(m, rest) < rankKey(best->first, best->second)) best.emplace(m, rest);
            }
        if (best) found.push_back(*best);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return rankKey(a.first, a.second) < rankKey(b.first, b.second);
    });
    std::vector<PlaceMatch> out;
    for (std::size_t i = 0; i < found.size() && i < limit; ++i)
        out.push_back(found[i].first);
    return out;
}

std::vector<PlaceMatch> closestPlaces(const std::vector<Place>& places, std::string_view query,
                                      std::size_t limit) {
    const auto forms = queryForms(query);
    std::vector<PlaceMatch> all;
    for (const Place& p : places) {
        PlaceMatch best{&p, "", "", MatchKind::Fuzzy, std::numeric_limits<int>::max()};
        for (const Key& k : keysOf(p))
            for (const std::u32string& q : forms)
                if (const int d = looseDistance(q, k.folded); d < best.distance)
                    best.key = k.key, best.name = *k.name, best.distance = d;
        all.push_back(best);
    }
    std::sort(all.begin(), all.end(),
              [](const PlaceMatch& a, const PlaceMatch& b) { return rankKey(a, 0) < rankKey(b, 0); });
    if (all.size() > limit) all.resize(limit);
    return all;
}

} // namespace geo
