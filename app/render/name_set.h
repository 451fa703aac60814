#pragma once
// A name set is data: which languages and which scripts a label shows. No code branches on a language.
#include <QString>
#include <QStringList>

namespace geo {
struct Place;
}

namespace isv {

/// Languages ("ja", "ru") and scripts ("latin", "native") to show, in order. A label joins the
/// resolved names with " / ", dropping duplicates (e.g. Shikotan is "Shikotan" in both Latin sets).
struct NameSet {
    QStringList languages{"ja"};
    QStringList scripts{"latin"};

    /// The label text for a place, e.g. "Etorofu / Iturup" for {ja,ru} x {latin}.
    QString label(const geo::Place& place) const;
    /// A short description for legends and attribution: "Japanese names (Latin)".
    QString describe() const;
    /// From the command-line / settings words: names = japanese|russian|both, script = latin|native|both.
    /// Returns false on an unknown word.
    static bool parse(const QString& names, const QString& script, NameSet* out);
    /// The inverse of parse: {"japanese"|"russian"|"both", "latin"|"native"|"both"}.
    QString namesWord() const;
    QString scriptWord() const;
    friend bool operator==(const NameSet&, const NameSet&) = default;
};

} // namespace isv
