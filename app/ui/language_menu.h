#pragma once
// View → Language: System, English, 日本語, Русский. The choice is remembered in the settings
// ("ui/language") and takes effect the next time the window opens.
#include <QString>

class QMenu;
class QSettings;
class QWidget;

namespace isv {

/// The remembered interface language as a code ("en", "ja", "ru"); the system's (systemLanguage()) when
/// nothing or "system" was chosen.
QString languageSetting(const QSettings& store);

/// The Language menu, its choice checked from `store` (may be null: then only the current language is
/// checked and nothing is remembered). Choosing another language stores it and says that it applies
/// from the next start.
QMenu* createLanguageMenu(QWidget* parent, QSettings* store);

} // namespace isv
