// Where the program finds its shipped data: relative to its own folder (bin/../share/isleview/data), the
// same in the build tree (staged there by the build) as once installed or moved; and, with nothing there,
// a message naming the folder it looked in.
#include "data_location.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <unistd.h>

namespace {

struct Outcome {
    int code = -1;
    QByteArray out;
    QString err;
};

// `exe` run as a user runs it, with no ISLEVIEW_DATA and no display.
Outcome run(const QString& exe, const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"ISLEVIEW_DATA", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(name);
    p.setProcessEnvironment(env);
    p.start(exe, args);
    EXPECT_TRUE(p.waitForFinished(60000)) << exe.toStdString();
    if (p.state() != QProcess::NotRunning) p.kill(), p.waitForFinished();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

// A copy of the built program in `root`/bin, alone: a hard link when the file system allows (the program
// resolves its own path, so a symbolic link would lead back to the build tree), else a copy.
QString placeProgram(const QString& root) {
    QDir().mkpath(root + "/bin");
    const QString exe = root + "/bin/isleview";
    if (::link(QFile::encodeName(ISLEVIEW_EXE).constData(), QFile::encodeName(exe).constData()) != 0) {
        EXPECT_TRUE(QFile::copy(ISLEVIEW_EXE, exe));
    }
    return exe;
}

// Copies every file of `from` into `to` (one level, as the data and facts folders are).
void copyFolder(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const QString& f : QDir(from).entryList(QDir::Files))
        ASSERT_TRUE(QFile::copy(from + "/" + f, to + "/" + f)) << f.toStdString();
}

} // namespace

TEST(DataLocation, TheShareFolderIsFoundFromTheProgramsOwnFolder) {
    const QString share = isv::installedShareDir();
    EXPECT_EQ(share, QDir::cleanPath(QCoreApplication::applicationDirPath() + "/../share/isleview"));
    qunsetenv("ISLEVIEW_DATA");
    const auto dir = isv::findDataDir();
    ASSERT_TRUE(dir.ok()) << dir.error().message;
    EXPECT_EQ(dir.value(), share + "/data");
    // The build tree stages the data, never points into the sources.
    EXPECT_EQ(dir.value(), QDir(ISLEVIEW_STAGED_DATA_DIR).absolutePath());
    EXPECT_NE(QDir(dir.value()).canonicalPath(), QDir(ISLEVIEW_SOURCE_DATA_DIR).canonicalPath());
    EXPECT_TRUE(QFile::exists(dir.value() + "/coast.shp"));
    EXPECT_TRUE(QFile::exists(share + "/facts/article.json"));
    EXPECT_TRUE(QDir(share + "/translations").exists());
}

TEST(DataLocation, AMovedProgramReadsTheDataBesideItAndSaysWhereItLookedWhenThereIsNone) {
    // Inside the build tree, so that the program can be hard-linked rather than copied.
    QTemporaryDir root(QStringLiteral(ISLEVIEW_BUILD_DIR "/moved-XXXXXX"));
    ASSERT_TRUE(root.isValid());
    const QString exe = placeProgram(root.path());
    const QString data = root.filePath("share/isleview/data");

    Outcome r = run(exe, {"info"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.trimmed(), "isleview: no data directory found (looked in " + data +
                                   ": no such folder); pass --data DIR or set ISLEVIEW_DATA")
        << r.err.toStdString();

    QDir().mkpath(root.filePath("share/isleview"));
    QFile file(data);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    r = run(exe, {"export", root.filePath("a.png")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("(looked in " + data + ": not a folder)")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(root.filePath("a.png")));

    ASSERT_TRUE(QFile::remove(data));
    copyFolder(ISLEVIEW_SOURCE_DATA_DIR, data);
    copyFolder(QStringLiteral(ISLEVIEW_SOURCE_DATA_DIR "/../facts"), root.filePath("share/isleview/facts"));
    r = run(exe, {"info", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject info = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(info["data_dir"].toString(), data);
    EXPECT_FALSE(info.contains("facts_error")) << info["facts_error"].toString().toStdString();
}
