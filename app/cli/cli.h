#pragma once
// The command line: `isleview info` and `isleview export`. Both run without a display.
#include <QStringList>

namespace isv {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; ///< anything that went wrong at run time (message on stderr)
inline constexpr int kExitUsage = 2;   ///< the command line itself is wrong (usage line on stderr)

/// How far runInfo / runExport go: all the way, or only reading the command line (exit 0, 2 with the
/// usage message, or 1 for an output format that cannot be written), loading and writing nothing.
enum class CliMode { Run, CheckOnly };

/// `args` excludes the program name and the subcommand. Output goes to stdout, errors to stderr.
/// Needs a QGuiApplication (offscreen is fine).
int runInfo(const QStringList& args, CliMode mode = CliMode::Run);
int runExport(const QStringList& args, CliMode mode = CliMode::Run);
/// The full usage text.
QString usageText();

} // namespace isv
