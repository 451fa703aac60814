#pragma once
#include <QString>

namespace isv {

/// The data directory to use: `requested` if non-empty, else $ISLEVIEW_DATA, else the installed copy
/// (<prefix>/share/isleview/data next to the executable's bin/), else the source tree's resources/data
/// (when run from the build tree). Returns an absolute path, or "" if none exists.
QString findDataDir(const QString& requested = {});

} // namespace isv
