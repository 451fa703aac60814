#pragma once
// The one command-line reader (QCommandLineParser) for the window, `isleview info` and `isleview export`.
// Each subcommand declares its options in one table of OptionSpec rows; Qt's own options (-platform,
// -style, -stylesheet ...) are known to every table so that they are never taken for files.
#include <QList>
#include <QString>
#include <QStringList>

namespace isv {

/// One option of a subcommand: its names without dashes ("size", or {"h", "help"}), the value's name for
/// the help text ("" for a flag that takes no value), and its help text (lines after the first are
/// continuation lines; "" keeps it out of the help).
struct OptionSpec {
    QStringList names;
    QString valueName;
    QString help;
};

/// A command line read against a table. Option names are given without dashes.
struct ParsedArgs {
    QStringList positional; ///< everything that is not an option or an option's value, in order
    QString problem;        ///< what is wrong ("" = nothing), naming the option as it was written
    QList<QPair<QString, QString>> given; ///< (table name, value) per option given, in command-line order
    bool help = false;                    ///< -h / --help
    bool version = false;                 ///< --version

    bool has(const QString& name) const;
    /// The last value given for `name`, or `fallback` when it was not given.
    QString value(const QString& name, const QString& fallback = {}) const;
    /// Every value given for a repeatable option, in order.
    QStringList values(const QString& name) const;
};

/// Reads `args` (without the program name or subcommand) against `table`, plus --help, --version and
/// Qt's standard options (which are accepted and left to Qt). Never fails loudly: problems land in
/// ParsedArgs::problem (an unknown option, a missing or unexpected value).
ParsedArgs parseArgs(const QStringList& args, const QList<OptionSpec>& table);

/// The table's help lines: "  --size WxH            help", continuation lines indented to the help column.
QString optionsHelp(const QList<OptionSpec>& table);

/// The window's options (`isleview [options] [FILE...]`).
const QList<OptionSpec>& windowOptions();

/// "isleview 0.1.0": what --version prints and the About box shows.
QString versionText();

/// Qt's standard options that take a value (-platform NAME, -style NAME ...), without dashes.
const QStringList& qtOptionsWithValue();

} // namespace isv
