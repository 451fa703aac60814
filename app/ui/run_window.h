#pragma once
// The window entry point, called by the isleview executable when no subcommand is given.
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace isv {

/// The window's command line: `[--data DIR] [--lang en|ja|ru] [FILE...]` (windowOptions()), plus Qt's own
/// single-dash options (-platform xcb ...), which are left to Qt with their values.
struct WindowArgs {
    QString dataDir;      ///< --data DIR ("" = the default)
    QString language;     ///< --lang ("" = the remembered choice, else the system's)
    bool help = false;    ///< --help: print the usage and leave
    bool version = false; ///< --version: print the version and leave
    QStringList files;    ///< vector files to open in the window, as File → Open does
    QString error;        ///< what is wrong with the command line ("" = nothing)
};
/// `args` excludes the program name.
WindowArgs parseWindowArgs(const QStringList& args);

/// Opens the main window on the data in `args.dataDir` (or the default data directory, see findDataDir),
/// opens `args.files` in it, and runs the event loop. Returns the exit code: 1, with a message on stderr,
/// when there is no display or the data cannot be loaded (a file that cannot be opened is reported in the
/// window, as File → Open reports it).
int runWindow(int argc, char** argv, const WindowArgs& args);

/// The message to print when `env` offers no display for a window (no DISPLAY, no WAYLAND_DISPLAY and
/// QT_QPA_PLATFORM not naming a platform that needs none, such as offscreen); "" when a window can open.
QString noDisplayMessage(const QProcessEnvironment& env);

} // namespace isv
