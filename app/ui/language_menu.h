#pragma once
// View → Language: System, English, 日本語, Русский. The choice is remembered in the settings
// ("ui/language") and applied at once: the window is made again in the new language with the same map.
#include <QString>

class QMenu;
class QSettings;

namespace isv {

class MainWindow;

/// The remembered interface language as a code ("en", "ja", "ru"); the system's (systemLanguage()) when
/// nothing or "system" was chosen.
QString languageSetting(const QSettings& store);

/// The Language menu of `window`, its choice checked from `store` (may be null: then only the current
/// language is checked and nothing is remembered). Choosing another language stores it, speaks it
/// (useLanguage) and, when `window` is deleted on close (as the program's is), opens it again in that
/// language (reopenWindow); otherwise it says that the language applies from the next start.
QMenu* createLanguageMenu(MainWindow* window, QSettings* store);

/// A new window, deleted on close, on the same scene and map settings (view, names, claims, notes, title,
/// selection) and with the same geometry and docks as `old`, shown in its place; `old` is closed (which
/// saves it to `store`). The window's words are made when it is built, so this is how a new language
/// reaches every menu, dock and dialog at once.
MainWindow* reopenWindow(MainWindow* old, QSettings* store);

} // namespace isv
