#include "name_set.h"

#include "worldview.h"

#include <QCoreApplication>

#include <geo/map_data.h>

namespace isv {

namespace {
const NameChoice* choiceFor(const QList<NameChoice>& choices, const QString& word) {
    for (const NameChoice& c : choices)
        if (c.word == word) return &c;
    return nullptr;
}
QString wordFor(const QList<NameChoice>& choices, const QStringList& codes) {
    for (const NameChoice& c : choices)
        if (c.codes == codes) return c.word;
    return {};
}
QString nameOf(const QList<NameCode>& codes, const QString& code) {
    for (const NameCode& c : codes)
        if (c.code == code) return mapWord(c.name);
    return code;
}
} // namespace

QString NameWords::languageName(const QString& code) const {
    return nameOf(languages, code);
}
QString NameWords::scriptName(const QString& code) const {
    return nameOf(scripts, code);
}

bool NameWords::claimantsFor(const QString& namesWord, QStringList* out) const {
    const NameChoice* choice = choiceFor(nameChoices, namesWord);
    if (!choice) return false;
    out->clear();
    for (const QString& code : choice->codes)
        for (const NameCode& l : languages)
            if (l.code == code && !l.claimant.isEmpty()) *out << l.claimant;
    return true;
}

QString NameWords::wordList(const QList<NameChoice>& choices) {
    QStringList words;
    for (const NameChoice& c : choices)
        words << c.word;
    const QString last = words.isEmpty() ? QString() : words.takeLast();
    return words.isEmpty() ? last : words.join(", ") + " or " + last;
}

const NameWords& NameWords::shipped() {
    return Worldviews::shipped().nameWords;
}

QString NameSet::label(const geo::Place& place) const {
    QStringList parts;
    for (const auto& lang : languages)
        for (const auto& script : scripts) {
            const auto it = place.names.find((lang + "_" + script).toStdString());
            if (it == place.names.end() || it->second.empty()) continue;
            // A name the table marks uncertain (names.csv `uncertain`) carries a "?" wherever it is shown.
            const QString name = QString::fromStdString(it->second) +
                                 (place.nameUncertain(lang.toStdString()) ? QStringLiteral("?") : QString());
            if (!parts.contains(name)) parts << name;
        }
    if (parts.isEmpty()) // a place one side does not name: the other side's name, in the chosen script
        for (const auto& script : scripts)
            for (const NameCode& lang : NameWords::shipped().languages) {
                const auto it = place.names.find((lang.code + "_" + script).toStdString());
                if (it != place.names.end() && !it->second.empty())
                    return QString::fromStdString(it->second) +
                           (place.nameUncertain(lang.code.toStdString()) ? QStringLiteral("?") : QString());
            }
    if (parts.isEmpty()) // last resort: any name rather than an empty label
        for (const auto& [key, value] : place.names)
            if (!value.empty()) return QString::fromStdString(value);
    return parts.join(" / ");
}

QString NameSet::describe() const {
    QStringList langs, scr;
    for (const auto& l : languages)
        langs << NameWords::shipped().languageName(l);
    for (const auto& s : scripts)
        scr << NameWords::shipped().scriptName(s);
    //: the name set in the legend, the attribution and the interface, e.g. "Japanese names (Latin)"
    return QCoreApplication::translate("map", "%1 names (%2)")
        .arg(langs.join(QCoreApplication::translate("map", " and ")),
             scr.join(QCoreApplication::translate("map", " and ")));
}

bool NameSet::parse(const QString& names, const QString& script, NameSet* out) {
    const NameWords& words = NameWords::shipped();
    const NameChoice* n = choiceFor(words.nameChoices, names);
    const NameChoice* s = choiceFor(words.scriptChoices, script);
    if (!n || !s) return false;
    out->languages = n->codes;
    out->scripts = s->codes;
    return true;
}

QString NameSet::namesWord() const {
    return wordFor(NameWords::shipped().nameChoices, languages);
}
QString NameSet::scriptWord() const {
    return wordFor(NameWords::shipped().scriptChoices, scripts);
}

} // namespace isv
