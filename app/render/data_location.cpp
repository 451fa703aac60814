#include "data_location.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace isv {

QString dataDirProblem(const QString& dir) {
    const QFileInfo info(dir);
    if (!info.exists()) return QStringLiteral("no such folder");
    if (!info.isDir()) return QStringLiteral("not a folder");
    if (!info.isReadable() || !info.isExecutable())
        return QStringLiteral("cannot be read (permission denied)");
    return {};
}

QString installedShareDir() {
    if (!QCoreApplication::instance()) return {};
    // ISLEVIEW_BIN_TO_SHARE is the install layout's bin -> share/isleview step ("../share/isleview"), never
    // an absolute path: the program finds its files wherever the tree was installed or unpacked, and the
    // build tree mirrors the layout, so a build never reads the source folder.
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/" ISLEVIEW_BIN_TO_SHARE));
}

geo::Result<QString> findDataDir(const QString& requested) {
    // What the user named is used or refused; only the program's own location may be looked past.
    const auto given = [](const QString& dir, const QString& what) -> geo::Result<QString> {
        if (const QString problem = dataDirProblem(dir); !problem.isEmpty())
            return geo::Error{QStringLiteral("%1 %2: %3").arg(what, dir, problem).toStdString()};
        return QDir(dir).absolutePath();
    };
    if (!requested.isEmpty()) return given(requested, QStringLiteral("data directory (--data)"));
    // An empty variable counts as unset, as shells and most programs treat it.
    if (const QString env = qEnvironmentVariable("ISLEVIEW_DATA"); !env.isEmpty())
        return given(env, QStringLiteral("data directory (ISLEVIEW_DATA)"));
    const QString share = installedShareDir();
    const QString dir = share.isEmpty() ? QString() : QDir(share).absoluteFilePath(QStringLiteral("data"));
    const QString problem = dir.isEmpty() ? QString() : dataDirProblem(dir);
    if (!dir.isEmpty() && problem.isEmpty()) return dir;
    const QString looked =
        dir.isEmpty()
            ? QCoreApplication::translate("isv::DataLocation", "the program's folder is unknown")
            : QCoreApplication::translate("isv::DataLocation", "looked in %1: %2").arg(dir, problem);
    return geo::Error{
        QCoreApplication::translate("isv::DataLocation",
                                    "no data directory found (%1); pass --data DIR or set ISLEVIEW_DATA")
            .arg(looked)
            .toStdString()};
}

} // namespace isv
