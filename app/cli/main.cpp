// isleview: the map window, or `isleview info` / `isleview export` without a display.
#include "cli.h"
#include "find_command.h"

#include "command_line.h"
#include "run_window.h"
#include "scene.h"

#include <QGuiApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
// The headless subcommands print only their own output and errors: Qt's notes about the runtime directory
// of the offscreen platform are not the user's concern.
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& msg) {
    if (type == QtDebugMsg || type == QtInfoMsg || msg.startsWith("QStandardPaths:")) return;
    std::fprintf(stderr, "isleview: %s\n", qFormatLogMessage(type, context, msg).toUtf8().constData());
}
} // namespace

int main(int argc, char** argv) {
    // Process-wide, so here rather than in the library: the window and the subcommands load files alike.
    isv::tuneAllocatorForScenes();
    const char* sub = argc > 1 ? argv[1] : "";
    if (!std::strcmp(sub, "help")) {
        std::fputs(isv::usageText().toUtf8().constData(), stdout);
        return isv::kExitOk;
    }
    const bool handRead = !std::strcmp(sub, "find") || !std::strcmp(sub, "measure");
    const bool headless = handRead || !std::strcmp(sub, "info") || !std::strcmp(sub, "export");
    // find and measure read their own arguments (a negative longitude is not an option); info and export
    // answer --help through the parser.
    if (handRead && argc > 2 && (!std::strcmp(argv[2], "--help") || !std::strcmp(argv[2], "-h"))) {
        std::fputs(isv::usageText().toUtf8().constData(), stdout);
        return isv::kExitOk;
    }
    if (headless) {
        // Headless subcommands: never need a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietHandler);
        int qargc = 1;
        QGuiApplication app(qargc, argv);
        QStringList args;
        for (int i = 2; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        const int code = !std::strcmp(sub, "info")      ? isv::runInfo(args)
                         : !std::strcmp(sub, "find")    ? isv::runFind(args)
                         : !std::strcmp(sub, "measure") ? isv::runMeasure(args)
                                                        : isv::runExport(args);
        // Everything is written and closed by now: leave without tearing down Qt, GDAL and PROJ one object
        // at a time (a fifth of a small export's time).
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const isv::WindowArgs window = isv::parseWindowArgs(args);
    if (window.error.isEmpty() && (window.help || window.version)) {
        std::puts((window.help ? isv::usageText().chopped(1) : isv::versionText()).toUtf8().constData());
        return isv::kExitOk;
    }
    if (!window.error.isEmpty()) {
        std::fprintf(stderr, "isleview: %s\n%s", window.error.toLocal8Bit().constData(),
                     isv::usageText().section('\n', 0, 5).toUtf8().constData());
        return isv::kExitUsage;
    }
    return isv::runWindow(argc, argv, window);
}
