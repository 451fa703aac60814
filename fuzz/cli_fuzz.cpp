// The command line: the input's lines as the arguments of `isleview info` or `isleview export`, read as
// main() hands them over, checked only (nothing is loaded, rendered or written).
#include "harness.h"
#include "support.h"

#include "cli.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace isvfuzz {

// The first line picks the subcommand ("info" or "export"); any other first line is export's first
// argument.
std::string fuzzCli(std::span<const std::uint8_t> input) {
    ensureApp();
    QStringList args;
    for (const QString& line :
         QString::fromLocal8Bit(QByteArray(asText(input).data(), qsizetype(input.size())))
             .split(QLatin1Char('\n')))
        args << line;
    const bool info = args.first() == QLatin1String("info");
    if (info || args.first() == QLatin1String("export")) args.removeFirst();
    const int code =
        info ? isv::runInfo(args, isv::CliMode::CheckOnly) : isv::runExport(args, isv::CliMode::CheckOnly);
    note("exit status " + std::to_string(code));
    if (code != isv::kExitOk && code != isv::kExitFailure && code != isv::kExitUsage)
        return "exit status " + std::to_string(code);
    return {};
}

} // namespace isvfuzz
