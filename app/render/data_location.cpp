#include "data_location.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace isv {

QString findDataDir(const QString& requested) {
    const auto usable = [](const QString& dir) { return !dir.isEmpty() && QFileInfo(dir).isDir(); };
    if (!requested.isEmpty()) return usable(requested) ? QDir(requested).absolutePath() : QString();
    const QString env = qEnvironmentVariable("ISLEVIEW_DATA");
    if (usable(env)) return QDir(env).absolutePath();
    if (QCoreApplication::instance()) {
        const QString installed =
            QCoreApplication::applicationDirPath() + "/../" ISLEVIEW_INSTALL_DATADIR "/isleview/data";
        if (usable(installed)) return QDir(installed).absolutePath();
    }
    const QString source = ISLEVIEW_SOURCE_DATA_DIR;
    return usable(source) ? QDir(source).absolutePath() : QString();
}

} // namespace isv
