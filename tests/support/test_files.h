#pragma once
// Small input files written by tests.
#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

/// Writes `bytes` to `name` in `dir` and returns its path; on failure the path of a file that is not there
/// (so the test's open of it fails naming it).
QString writeTestFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes);
