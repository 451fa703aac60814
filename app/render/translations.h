#pragma once
// The interface language: Isleview's own translations (resources/translations/*.ts, built to .qm), Qt's own
// (so standard dialogs match) and the map's words from worldviews.json, installed together. GUI thread only.
#include <QLocale>
#include <QString>
#include <QStringList>

namespace isv {

/// The languages Isleview speaks: "en", "ja", "ru".
const QStringList& interfaceLanguages();

/// The first of the system's UI languages that Isleview speaks, else "en".
QString systemLanguage();

/// Speaks `lang` from now on: installs Isleview's translations (isleview_<lang>.qm from
/// share/isleview/translations beside the installed program, else the copy built into it), Qt's
/// (qtbase_<lang>.qm from Qt's translations folder) and the map's words in that language, replacing what an
/// earlier call installed, and makes `interfaceLocale()` and the default QLocale follow it. "en" (or any
/// language Isleview does not speak) removes them. Needs a QCoreApplication. Returns false when Isleview's
/// own translations for `lang` could not be found (the words stay English).
bool useLanguage(const QString& lang);

/// The language in use ("en" until useLanguage says otherwise).
QString interfaceLanguage();

/// The locale that figures and dates are written in: the interface language's (English, with digit
/// grouping, until useLanguage says otherwise; never the system's C locale).
QLocale interfaceLocale();

/// Where Isleview's .qm files are looked for first (beside the installed program).
QString installedTranslationsDir();

} // namespace isv
