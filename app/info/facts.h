#pragma once
// The article's facts as data (resources/facts/article.json): what the info panel and `isleview info` show.
// Every fact carries the article's own words and a citation; context comes from the vetted fact sheet.
#include "geo/result.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace isv {

/// A fact-sheet note shown beside a fact. `source` holds fact-sheet ids ("S56" or "S1, S6");
/// `confidence` is the fact sheet's mark: "✔" fine, "~" sources disagree (read the text), "?" unverified.
struct FactContext {
    QString text;
    QString source;
    QString confidence;
};

/// A fact's own words in Japanese and Russian where the sources give them (the names, terms and
/// divisions each side uses), shown beside the English in the interface language.
struct Wording {
    std::map<QString, QString> text; ///< language code ("ja", "ru") -> the wording
    QString source;                  ///< fact-sheet source ids for it
    /// The wording in `language`, "" when the sources give none.
    QString in(const QString& language) const {
        const auto it = text.find(language);
        return it == text.end() ? QString() : it->second;
    }
};

/// One statement of the article.
struct Fact {
    QString id;         ///< stable id, e.g. "declaration_1956"
    QString text;       ///< short statement for the panel
    QStringList quotes; ///< the article's exact words it rests on (each a verbatim substring)
    QStringList places; ///< place ids it concerns (may be empty)
    QString source;     ///< citation: publication, date, headline
    std::vector<FactContext> context;
    QString offerNames; ///< a NameSet names word ("russian") the panel offers to switch to, or ""
    Wording wording;    ///< its terms in Japanese and Russian ("wording" in the file), may be empty
};

/// A short text with its fact-sheet source ids.
struct SourcedText {
    QString text;
    QString source;
    Wording wording; ///< the same in Japanese or Russian where the sources give it
};

/// One population figure: value as displayed ("6,799"), when, what was counted, and by whom.
struct Population {
    QString value;
    QString date;
    QString basis;
    QString source;
};

/// The reference figures of one island or group (keyed by place id).
struct IslandFacts {
    QString id;
    double officialAreaKm2 = 0; ///< official area, km²
    SourcedText officialArea;   ///< the same as display text, with its source
    SourcedText russianArea;    ///< a Russian-side figure with its source; empty text where none is given
    SourcedText adminJapan;     ///< "Japan: ..."
    SourcedText adminRussia;    ///< "Russia: ..."
    std::vector<Population> population;
    SourcedText declaration1956; ///< its place in the 1956 Joint Declaration
    SourcedText positionJapan;   ///< "Japan's position: ..."
    SourcedText positionRussia;  ///< "Russia's position: ..."
};

/// A fact-sheet source.
struct SourceRef {
    QString title;
    QString url;
};

/// The article itself. `date` is ISO 8601; `dateBasis` says how it was established.
struct ArticleInfo {
    QString headline;
    QString section;
    QString publication;
    QString publicationBasis;
    QString date;
    QString dateBasis;
};

/// Everything in one facts file. A plain value; copy freely.
struct FactSheet {
    ArticleInfo article;
    std::vector<Fact> facts;
    std::map<QString, IslandFacts> islands;
    std::map<QString, SourceRef> sources;

    const Fact* fact(const QString& id) const;
    const IslandFacts* island(const QString& id) const;
};

/// Loads and validates a facts file: every fact has an id, text, quote and source; every place id is in
/// `knownPlaceIds`; every cited source id is in "sources". Errors name the file and the fact or island; a
/// folder, an empty file and a file over 16 MB are refused before parsing.
geo::Result<FactSheet> loadFacts(const QString& path, const std::set<std::string>& knownPlaceIds);

/// The facts as a JSON array of {"id", "text", "quote", "source", "places", "context", "offer_names"?,
/// "wording"? ({"ja", "ru", "source"})}
/// (for `isleview info --json`). Context items carry "source_title" and "url" where known.
QJsonArray factsToJson(const FactSheet& sheet);

/// The facts file beside a data directory: `dataDir`/../facts/article.json, lexically cleaned. Works for the
/// source tree (resources/data → resources/facts) and an install (share/isleview/data →
/// share/isleview/facts).
QString defaultFactsPath(const QString& dataDir);

/// The ids in a "source" string such as "S1, S6".
QStringList sourceIds(const QString& source);

} // namespace isv
