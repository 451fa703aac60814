#pragma once
#include <geo/result.h>

#include <QString>

namespace isv {

/// Why a data directory that was asked for cannot be used: "" if `dir` is an existing, readable folder,
/// else "no such folder", "not a folder" or "cannot be read". Never looks inside (loadMapData does).
QString dataDirProblem(const QString& dir);

/// The data directory to use: `requested` (--data) if non-empty, else $ISLEVIEW_DATA if set and non-empty,
/// else the installed copy (<prefix>/share/isleview/data next to the executable's bin/), else the source
/// tree's resources/data (when run from the build tree). Returns an absolute path. A location the user gave
/// (--data or ISLEVIEW_DATA) that cannot be used is an error naming it and the problem, never a quiet
/// fall-back to the shipped data; so is finding no shipped data at all.
geo::Result<QString> findDataDir(const QString& requested = {});

} // namespace isv
