#pragma once
// A name set is data: which languages and which scripts a label shows. No code branches on a language.
#include <QString>
#include <QStringList>

namespace geo {
struct Place;
}

namespace isv {

/// One choice in the names or the script menu: its settings and command-line word ("japanese"), the codes
/// it stands for (languages or scripts), its combo-box label ("Japanese") and its menu text ("&Japanese").
struct NameChoice {
    QString word;
    QStringList codes;
    QString label;
    QString menuText;
};

/// A language or script code with its display name ("ja" -> "Japanese", "native" -> "native script") and,
/// for a language, the claimant whose position its names go with ("ja" -> "japan").
struct NameCode {
    QString code;
    QString name;
    QString claimant;
};

/// The words of name sets (from resources/worldviews.json): every menu, combo box, panel and the command
/// line take them from here, in this order.
struct NameWords {
    QList<NameCode> languages;
    QList<NameCode> scripts;
    QList<NameChoice> nameChoices;   ///< japanese, russian, both
    QList<NameChoice> scriptChoices; ///< latin, native, both
    /// The display name of a language or script code; the code itself if unknown.
    QString languageName(const QString& code) const;
    QString scriptName(const QString& code) const;
    /// The claimants of a names word ("both" -> {"japan", "russia"}); false for an unknown word.
    bool claimantsFor(const QString& namesWord, QStringList* out) const;
    /// The words of `choices` as a sentence lists them: "japanese, russian or both".
    static QString wordList(const QList<NameChoice>& choices);
    /// The shipped words (loaded once; thread-safe).
    static const NameWords& shipped();
};

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
