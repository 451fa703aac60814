#include "name_set.h"

#include <geo/map_data.h>

namespace isv {

namespace {
// Words of the command line and settings, and how the legend describes them.
const QList<QPair<QString, QStringList>> kNameWords{
    {"japanese", {"ja"}}, {"russian", {"ru"}}, {"both", {"ja", "ru"}}};
const QList<QPair<QString, QStringList>> kScriptWords{
    {"latin", {"latin"}}, {"native", {"native"}}, {"both", {"latin", "native"}}};
const QList<QPair<QString, QString>> kLanguageNames{{"ja", "Japanese"}, {"ru", "Russian"}};
const QList<QPair<QString, QString>> kScriptNames{{"latin", "Latin"}, {"native", "native script"}};

template <class T> QString wordFor(const QList<QPair<QString, QStringList>>& table, const T& value) {
    for (const auto& [word, list] : table)
        if (list == value) return word;
    return {};
}
QString lookup(const QList<QPair<QString, QString>>& table, const QString& key) {
    for (const auto& [k, v] : table)
        if (k == key) return v;
    return key;
}
} // namespace

QString NameSet::label(const geo::Place& place) const {
    QStringList parts;
    for (const auto& lang : languages)
        for (const auto& script : scripts) {
            const auto it = place.names.find((lang + "_" + script).toStdString());
            if (it == place.names.end() || it->second.empty()) continue;
            const QString name = QString::fromStdString(it->second);
            if (!parts.contains(name)) parts << name;
        }
    if (parts.isEmpty()) // a place one side does not name: the other side's name, in the chosen script
        for (const auto& script : scripts)
            for (const char* lang : {"ja", "ru"}) {
                const auto it = place.names.find(std::string(lang) + "_" + script.toStdString());
                if (it != place.names.end() && !it->second.empty()) return QString::fromStdString(it->second);
            }
    if (parts.isEmpty()) // last resort: any name rather than an empty label
        for (const auto& [key, value] : place.names)
            if (!value.empty()) return QString::fromStdString(value);
    return parts.join(" / ");
}

QString NameSet::describe() const {
    QStringList langs, scr;
    for (const auto& l : languages)
        langs << lookup(kLanguageNames, l);
    for (const auto& s : scripts)
        scr << lookup(kScriptNames, s);
    return langs.join(" and ") + " names (" + scr.join(" and ") + ")";
}

bool NameSet::parse(const QString& names, const QString& script, NameSet* out) {
    NameSet n;
    bool okN = false, okS = false;
    for (const auto& [word, list] : kNameWords)
        if (word == names) {
            n.languages = list;
            okN = true;
        }
    for (const auto& [word, list] : kScriptWords)
        if (word == script) {
            n.scripts = list;
            okS = true;
        }
    if (!okN || !okS) return false;
    *out = n;
    return true;
}

QString NameSet::namesWord() const {
    return wordFor(kNameWords, languages);
}
QString NameSet::scriptWord() const {
    return wordFor(kScriptWords, scripts);
}

} // namespace isv
