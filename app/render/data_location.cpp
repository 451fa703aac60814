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

geo::Result<QString> findDataDir(const QString& requested) {
    // What the user named is used or refused; only the program's own guesses may be skipped over.
    const auto given = [](const QString& dir, const QString& what) -> geo::Result<QString> {
        if (const QString problem = dataDirProblem(dir); !problem.isEmpty())
            return geo::Error{QStringLiteral("%1 %2: %3").arg(what, dir, problem).toStdString()};
        return QDir(dir).absolutePath();
    };
    if (!requested.isEmpty()) return given(requested, QStringLiteral("data directory (--data)"));
    // An empty variable counts as unset, as shells and most programs treat it.
    if (const QString env = qEnvironmentVariable("ISLEVIEW_DATA"); !env.isEmpty())
        return given(env, QStringLiteral("data directory (ISLEVIEW_DATA)"));
    QStringList tried;
    if (QCoreApplication::instance())
        tried << QCoreApplication::applicationDirPath() + "/../" ISLEVIEW_INSTALL_DATADIR "/isleview/data";
    tried << QStringLiteral(ISLEVIEW_SOURCE_DATA_DIR);
    for (QString& dir : tried) {
        if (dataDirProblem(dir).isEmpty()) return QDir(dir).absolutePath();
        dir = QDir::cleanPath(dir);
    }
    return geo::Error{"no data directory found (looked in " + tried.join(QStringLiteral(", ")).toStdString() +
                      "); pass --data DIR or set ISLEVIEW_DATA"};
}

} // namespace isv
