#include "run_window.h"

#include "developer_hooks.h"
#include "language_menu.h"
#include "main_window.h"
#include "map_file_controller.h"

#include <command_line.h>
#include <data_location.h>
#include <scene.h>
#include <translations.h>

#include <geo/map_data.h>
#include <geo/projection.h>

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

#include <cstdio>

namespace isv {

QString noDisplayMessage(const QProcessEnvironment& env) {
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Platforms that draw without a window system (or bring their own) need no display variable.
    static const QStringList headless{"offscreen", "minimal", "minimalegl",  "vnc",
                                      "eglfs",     "linuxfb", "vkkhrdisplay"};
    const QString platform = env.value("QT_QPA_PLATFORM").section(':', 0, 0).trimmed().toLower();
    if (headless.contains(platform)) return {};
    if (platform == "wayland" || platform == "wayland-egl") {
        if (!env.value("WAYLAND_DISPLAY").isEmpty()) return {};
    } else if (platform == "xcb") {
        if (!env.value("DISPLAY").isEmpty()) return {};
    } else if (!env.value("DISPLAY").isEmpty() || !env.value("WAYLAND_DISPLAY").isEmpty()) {
        return {};
    }
    return QStringLiteral("isleview: no display found. Run `isleview export OUT.png ...` to make images "
                          "without a window, or start the window under a virtual display: xvfb-run isleview");
#else
    Q_UNUSED(env);
    return {};
#endif
}

namespace {
int fail(const QString& message) {
    std::fprintf(stderr, "isleview: %s\n", message.toLocal8Bit().constData());
    // Platforms without a screen have no one to close the dialog: it would wait for ever.
    static const QStringList unseen{QStringLiteral("offscreen"), QStringLiteral("minimal")};
    if (!unseen.contains(QGuiApplication::platformName()))
        QMessageBox::critical(nullptr, QStringLiteral("Isleview"), message);
    return 1;
}
} // namespace

WindowArgs parseWindowArgs(const QStringList& args) {
    const ParsedArgs parsed = parseArgs(args, windowOptions());
    WindowArgs out;
    out.error = parsed.problem;
    out.help = parsed.help;
    out.version = parsed.version;
    out.dataDir = parsed.value(QStringLiteral("data"));
    out.language = parsed.value(QStringLiteral("lang"));
    if (out.error.isEmpty() && !out.language.isEmpty() && !interfaceLanguages().contains(out.language))
        out.error = QStringLiteral("--lang must be ") + interfaceLanguages().join(QStringLiteral(", "));
    out.files = parsed.positional;
    return out;
}

int runWindow(int argc, char** argv, const WindowArgs& args) {
    const QString& dataDirOption = args.dataDir;
    if (const QString message = noDisplayMessage(QProcessEnvironment::systemEnvironment());
        !message.isEmpty()) {
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Isleview"));
    QApplication::setApplicationName(QStringLiteral("isleview"));
    QApplication::setApplicationDisplayName(QStringLiteral("Isleview"));
    // The desktop entry's id ties the window to its menu entry and icon (Wayland); the theme's icon of that
    // name is the installed one, the compiled-in copy serves a build that is not installed.
    QGuiApplication::setDesktopFileName(QStringLiteral(ISLEVIEW_APP_ID));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral(ISLEVIEW_APP_ID), QIcon(QStringLiteral(":/isleview/icons/app.svg"))));
    applyPaletteHook(app);
    QApplication::setApplicationVersion(QStringLiteral(ISLEVIEW_VERSION));
    {
        // The interface language: --lang, else the one chosen in View → Language, else the system's.
        const QSettings chosen;
        useLanguage(!args.language.isEmpty() ? args.language : languageSetting(chosen));
    }

    const auto dir = findDataDir(dataDirOption);
    if (!dir) return fail(QString::fromStdString(dir.error().message));
    auto data = geo::loadMapData(dir.value().toStdString());
    if (!data) return fail(QString::fromStdString(data.error().message));
    auto scene =
        Scene::build(std::make_shared<const geo::MapData>(std::move(data).value()), geo::kDisplayCrs);
    if (!scene) return fail(QString::fromStdString(scene.error().message));

    QSettings store;
    // Qt's default, stated because it is relied on: the settings file is written to a temporary and renamed
    // over the old one (QSaveFile), never rewritten in place, so a crash or a full disk mid-write leaves the
    // previous settings whole.
    store.setAtomicSyncRequired(true);
    // Deleted on close, so that View → Language can put a window in the new language in its place.
    auto* window = new MainWindow(scene.value(), &store);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    for (const QString& file : args.files) // opened in the background, one after the other
        if (QFileInfo(file).suffix() == QLatin1String(kMapFileSuffix))
            window->mapFile()->open(QFileInfo(file).absoluteFilePath()); // a saved map
        else
            window->openLayer(QFileInfo(file).absoluteFilePath());
    installScreenshotHook(*window);
    const int code = QApplication::exec();
    // A window still open when the loop ends (the session ended) stops its background work before Qt goes.
    QList<QPointer<MainWindow>> open;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* m = qobject_cast<MainWindow*>(w)) open << m;
    for (const QPointer<MainWindow>& m : open)
        delete m.data();
    return code;
}

} // namespace isv
