#include "command_line.h"

#include <QCommandLineParser>
#include <QHash>

#include <algorithm>

namespace isv {

const QStringList& qtOptionsWithValue() {
    // QGuiApplication's and QApplication's own options (and the X11 ones Qt still reads).
    static const QStringList names{
        "platform",    "platformpluginpath", "platformtheme", "plugin",  "qwindowgeometry",
        "qwindowicon", "qwindowtitle",       "session",       "display", "geometry",
        "style",       "stylesheet",         "title",         "name",    "qmljsdebugger"};
    return names;
}

namespace {
const QStringList& qtFlags() {
    static const QStringList names{"reverse", "widgetcount", "nograb", "dograb", "sync", "testability"};
    return names;
}

// The table row an option name (as QCommandLineParser reports it, without dashes) belongs to.
const OptionSpec* rowFor(const QList<OptionSpec>& table, const QString& name) {
    for (const OptionSpec& o : table)
        if (o.names.contains(name)) return &o;
    return nullptr;
}

// "--size=800" -> "size"; "" for an argument that is not an option.
QString bareName(const QString& arg) {
    if (!arg.startsWith('-')) return {};
    QString name = arg.section('=', 0, 0);
    while (name.startsWith('-'))
        name.remove(0, 1);
    return name;
}

// The argument as the user wrote it for an option name, e.g. "--size" or "-platform".
QString written(const QStringList& args, const QString& name) {
    for (const QString& a : args) {
        if (a == QLatin1String("--")) break;
        if (bareName(a) == name) return a.section('=', 0, 0);
    }
    return (name.size() == 1 ? "-" : "--") + name;
}
} // namespace

bool ParsedArgs::has(const QString& name) const {
    return std::any_of(given.begin(), given.end(), [&](const auto& o) { return o.first == name; });
}

QString ParsedArgs::value(const QString& name, const QString& fallback) const {
    QString v = fallback;
    for (const auto& [k, val] : given)
        if (k == name) v = val;
    return v;
}

QStringList ParsedArgs::values(const QString& name) const {
    QStringList out;
    for (const auto& [k, val] : given)
        if (k == name) out << val;
    return out;
}

ParsedArgs parseArgs(const QStringList& args, const QList<OptionSpec>& table) {
    QCommandLineParser parser;
    // -platform is one option named "platform", as Qt reads it, not -p -l -a ...
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QList<OptionSpec> all = table;
    all.push_back({{"h", "help"}, {}, {}});
    all.push_back({{"version"}, {}, {}});
    // Qt's own, unless the table has an option of that name (export's --title is not Qt's -title).
    for (const QString& name : qtOptionsWithValue())
        if (!rowFor(table, name)) all.push_back({{name}, QStringLiteral("value"), {}});
    for (const QString& name : qtFlags())
        if (!rowFor(table, name)) all.push_back({{name}, {}, {}});
    for (const OptionSpec& o : all)
        parser.addOption(QCommandLineOption(o.names, o.help, o.valueName));

    ParsedArgs out;
    if (!parser.parse(QStringList{QStringLiteral("isleview")} + args)) {
        if (!parser.unknownOptionNames().isEmpty()) {
            out.problem =
                QStringLiteral("unknown option ") + written(args, parser.unknownOptionNames().first());
            return out;
        }
        // QCommandLineParser takes the next argument as a value whatever it is: only the last can lack one.
        const QString last = args.isEmpty() ? QString() : args.last();
        if (const OptionSpec* row = rowFor(all, bareName(last));
            row && !row->valueName.isEmpty() && !last.contains('=')) {
            out.problem = last + QStringLiteral(" needs a value");
            return out;
        }
        for (const QString& a : args)
            if (const OptionSpec* row = rowFor(all, bareName(a));
                row && row->valueName.isEmpty() && a.contains('=')) {
                out.problem = a.section('=', 0, 0) + QStringLiteral(" takes no value");
                return out;
            }
        out.problem = parser.errorText();
        return out;
    }
    out.positional = parser.positionalArguments();
    QHash<QString, int> seen; // how many values of each option have been read
    for (const QString& name : parser.optionNames()) {
        const OptionSpec* row = rowFor(all, name);
        if (!row) continue;
        const QString key = row->names.last();
        if (key == QLatin1String("help")) out.help = true;
        if (key == QLatin1String("version")) out.version = true;
        if (!rowFor(table, name)) continue; // Qt's own, and --help / --version
        const QStringList values = parser.values(name);
        const int i = seen[key]++;
        out.given.push_back({row->names.first(), row->valueName.isEmpty() ? QString() : values.value(i)});
    }
    return out;
}

const QList<OptionSpec>& windowOptions() {
    static const QList<OptionSpec> table{
        {{"data"}, "DIR", "read the data from DIR instead of the shipped data"},
        {{"lang"},
         "en|ja|ru",
         "the interface language (default: as chosen in View → Language, else the\n"
         "system's)"},
    };
    return table;
}

QString versionText() {
    return QStringLiteral("isleview " ISLEVIEW_VERSION);
}

QString optionsHelp(const QList<OptionSpec>& table) {
    constexpr int kColumn = 24;
    QString out;
    for (const OptionSpec& o : table) {
        if (o.help.isEmpty()) continue;
        QString left = QStringLiteral("  --") + o.names.first();
        if (!o.valueName.isEmpty()) left += ' ' + o.valueName;
        left = left.size() < kColumn ? left.leftJustified(kColumn) : left + QStringLiteral("  ");
        const QStringList lines = o.help.split('\n');
        out += left + lines.first() + '\n';
        for (qsizetype i = 1; i < lines.size(); ++i)
            out += QString(kColumn, ' ') + lines[i] + '\n';
    }
    return out;
}

} // namespace isv
