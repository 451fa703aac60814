#pragma once
#include <geo/result.h>

#include <QString>

namespace isv {

/// Why a data directory that was asked for cannot be used: "" if `dir` is an existing, readable folder,
/// else "no such folder", "not a folder" or "cannot be read". Never looks inside (loadMapData does).
QString dataDirProblem(const QString& dir);

/// The program's own shared folder, found relative to the executable: <prefix>/share/isleview beside
/// <prefix>/bin when installed, build/share/isleview beside build/bin in the build tree (the build stages the
/// data, facts and translations there). Holds data/, facts/ and translations/. May not exist; "" before a
/// QCoreApplication exists.
QString installedShareDir();

/// The data directory to use: `requested` (--data) if non-empty, else $ISLEVIEW_DATA if set and non-empty,
/// else installedShareDir()/data. Returns an absolute path. A location the user gave (--data or
/// ISLEVIEW_DATA) that cannot be used is an error naming it and the problem, never a quiet fall-back to the
/// shipped data; finding no shipped data is an error that names where the program looked and why it failed.
geo::Result<QString> findDataDir(const QString& requested = {});

} // namespace isv
