#pragma once
// The window entry point, called by the isleview executable when no subcommand is given.
#include <QProcessEnvironment>
#include <QString>

namespace isv {

/// Opens the main window on the data in `dataDirOption` (or the default data directory, see findDataDir)
/// and runs the event loop. Returns the exit code: 1, with a message on stderr, when there is no display
/// or the data cannot be loaded.
int runWindow(int argc, char** argv, const QString& dataDirOption);

/// The message to print when `env` offers no display for a window (no DISPLAY, no WAYLAND_DISPLAY and
/// QT_QPA_PLATFORM not naming a platform that needs none, such as offscreen); "" when a window can open.
QString noDisplayMessage(const QProcessEnvironment& env);

} // namespace isv
