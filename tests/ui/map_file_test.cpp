// The window's habits: a map saved and opened again, the title and its modified marker, the question on
// close, recent maps, the session, the clipboard, printing, the guide, and a dark theme.
#include "desktop_actions.h"
#include "map_file_controller.h"
#include "message_bar.h"
#include "ui_test_util.h"

#include <gtest/gtest.h>

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>

namespace {

using uitest::waitForCurrentFrame;

// A line across Shikotan: an added layer the map file keeps.
QString writeLine(const QTemporaryDir& dir) {
    const QString path = dir.filePath("line.geojson");
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
            R"("geometry":{"type":"LineString","coordinates":[[146.6,43.7],[146.9,43.9]]}}]})");
    return path;
}

// Presses `button` on the next modal message box and records its text.
void answerNextMessageBox(QMessageBox::StandardButton button, QString* text = nullptr) {
    QTimer::singleShot(0, [button, text] {
        for (int i = 0; i < 300; ++i) {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                if (text) *text = box->text();
                box->button(button)->click();
                return;
            }
            QTest::qWait(10);
        }
    });
}

class MapFileTest : public uitest::WindowFixture {
  protected:
    isv::MapFileController* file() { return window->mapFile(); }
    // What a map is besides its view, after the window's own changes.
    void change() {
        isv::MapSettings s = canvas->settings();
        ASSERT_TRUE(isv::NameSet::parse("both", "native", &s.names));
        canvas->setSettings(s);
        window->setNameSet(s.names);
        window->setClaimShown("russia", true);
        window->setLayerVisible("graticule", false);
        s = canvas->settings();
        s.notes = {{146.7, 43.8, "a note"}};
        s.title = "Saved title";
        s.viewport.metresPerPixel *= 0.7;
        s.viewport.center.x += 3000;
        canvas->setSettings(s);
    }
};

TEST_F(MapFileTest, ASavedMapOpensAgainWithItsViewChoicesNotesAndLayers) {
    QTemporaryDir dir;
    const QString layer = writeLine(dir);
    QSignalSpy loaded(window.get(), &isv::MainWindow::loadFinished);
    window->openLayer(layer);
    ASSERT_TRUE(loaded.wait(10000));
    change();
    const isv::MapSettings saved = canvas->settings();
    const QString path = dir.filePath("shikotan.isleview");
    ASSERT_TRUE(file()->saveAs(path));
    EXPECT_EQ(window->windowTitle(), "shikotan.isleview[*]");
    EXPECT_FALSE(window->isWindowModified());

    // A second window, as a new run would be, opens it.
    isv::MainWindow other(scene);
    other.resize(900, 650);
    other.show();
    ASSERT_TRUE(other.mapFile()->open(path));
    for (int i = 0; i < 1000 && other.isLoading(); ++i)
        QTest::qWait(10);
    const isv::MapSettings& s = other.canvas()->settings();
    EXPECT_EQ(s.viewport.center, saved.viewport.center);
    EXPECT_EQ(s.viewport.metresPerPixel, saved.viewport.metresPerPixel);
    EXPECT_EQ(s.names, saved.names);
    EXPECT_EQ(s.claims, QStringList{"russia"});
    EXPECT_TRUE(s.hiddenLayers.contains("graticule"));
    EXPECT_EQ(s.notes, saved.notes);
    EXPECT_EQ(s.title, "Saved title");
    EXPECT_EQ(other.mapFile()->current().layers, QStringList{layer});
    EXPECT_TRUE(other.action("names-both")->isChecked()) << "the menus follow the opened map";
    EXPECT_FALSE(other.isWindowModified());
    EXPECT_EQ(other.windowFilePath(), path);
}

TEST_F(MapFileTest, AChangeMarksTheTitleAndClosingAsksAboutIt) {
    QTemporaryDir dir;
    const QString path = dir.filePath("m.isleview");
    ASSERT_TRUE(file()->saveAs(path));
    EXPECT_FALSE(window->isWindowModified());
    // Moving the view is not a change to ask about; a note is.
    window->action("view-zoom-in")->trigger();
    EXPECT_FALSE(window->isWindowModified());
    isv::MapSettings s = canvas->settings();
    s.notes = {{146.7, 43.8, "new"}};
    canvas->setSettings(s);
    EXPECT_TRUE(window->isWindowModified());

    QString question;
    answerNextMessageBox(QMessageBox::Cancel, &question);
    EXPECT_FALSE(window->close());
    EXPECT_TRUE(question.contains("m.isleview")) << question.toStdString();
    EXPECT_TRUE(window->isVisible());

    answerNextMessageBox(QMessageBox::Save);
    EXPECT_TRUE(window->close());
    const auto back = isv::loadMapDocument(path);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->settings.notes, s.notes) << "Save wrote the change";
}

TEST_F(MapFileTest, DiscardClosesWithoutWriting) {
    QTemporaryDir dir;
    const QString path = dir.filePath("m.isleview");
    ASSERT_TRUE(file()->saveAs(path));
    window->setClaimShown("japan", true);
    EXPECT_TRUE(window->isWindowModified());
    answerNextMessageBox(QMessageBox::Discard);
    EXPECT_TRUE(window->close());
    EXPECT_TRUE(isv::loadMapDocument(path)->settings.claims.isEmpty());
}

TEST_F(MapFileTest, ABadMapFileIsNamedAndTheMapStaysAsItWas) {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.isleview");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"isleview-map","version":1,"crs":"EPSG:32655","view":{"center":[1]}})");
    f.close();
    const isv::MapSettings before = canvas->settings();
    QString message;
    uitest::closeNextMessageBox(&message);
    EXPECT_FALSE(file()->open(path));
    EXPECT_TRUE(message.contains(path + ": view.center must be 2 numbers")) << message.toStdString();
    EXPECT_EQ(canvas->settings(), before);
    EXPECT_TRUE(file()->path().isEmpty());
}

TEST(MapFileStore, RecentMapsAreListedNewestFirstAndCanBeCleared) {
    QTemporaryDir dir;
    QSettings store(dir.filePath("isleview.ini"), QSettings::IniFormat);
    isv::MainWindow window(uitest::testScene(), &store);
    window.show();
    for (const char* name : {"a.isleview", "b.isleview", "a.isleview"})
        ASSERT_TRUE(window.mapFile()->saveAs(dir.filePath(name)));
    EXPECT_EQ(window.mapFile()->recentFiles(),
              QStringList({dir.filePath("a.isleview"), dir.filePath("b.isleview")}));
    auto* menu = window.findChild<QMenu*>("recentMenu");
    ASSERT_TRUE(menu);
    QStringList entries;
    for (QAction* a : menu->actions())
        if (!a->isSeparator()) entries << a->text();
    EXPECT_EQ(entries, QStringList({"&1 a.isleview", "&2 b.isleview", "&Clear Menu"}));
    window.action("file-recent-clear")->trigger();
    EXPECT_TRUE(window.mapFile()->recentFiles().isEmpty());
    EXPECT_FALSE(window.action("file-recent-clear")->isEnabled());
}

TEST(MapFileStore, NotesAndLayersOfAnUnsavedMapComeBackNextRun) {
    QTemporaryDir dir;
    const QString layer = writeLine(dir);
    const QString ini = dir.filePath("isleview.ini");
    {
        QSettings store(ini, QSettings::IniFormat);
        isv::MainWindow window(uitest::testScene(), &store);
        window.show();
        QSignalSpy loaded(&window, &isv::MainWindow::loadFinished);
        window.openLayer(layer);
        ASSERT_TRUE(loaded.wait(10000));
        isv::MapSettings s = window.canvas()->settings();
        s.notes = {{146.7, 43.8, "remembered"}};
        window.canvas()->setSettings(s);
        EXPECT_TRUE(window.close()) << "an unsaved map is not asked about: the session keeps it";
    }
    QSettings store(ini, QSettings::IniFormat);
    isv::MainWindow again(uitest::testScene(), &store);
    again.show();
    for (int i = 0; i < 1000 && again.isLoading(); ++i)
        QTest::qWait(10);
    ASSERT_EQ(again.canvas()->settings().notes.size(), 1);
    EXPECT_EQ(again.canvas()->settings().notes[0].text, "remembered");
    EXPECT_EQ(again.mapFile()->current().layers, QStringList{layer});
}

TEST_F(MapFileTest, CopyMapPutsTheViewOnTheClipboard) {
    QApplication::clipboard()->clear();
    window->action("edit-copy-map")->trigger();
    const QImage image = QApplication::clipboard()->image();
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), canvas->settings().pixelSize());
    EXPECT_EQ(window->action("edit-copy-map")->shortcut(), QKeySequence("Ctrl+Shift+C"));
}

TEST_F(MapFileTest, PrintingDrawsTheViewWithSearchableNames) {
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath("print.pdf"));
    window->selectPlace("shikotan", true);
    ASSERT_FALSE(isv::printMap(*scene, canvas->settings(), &printer));
    if (qEnvironmentVariableIsSet("ISLEVIEW_KEEP_PRINT"))
        QFile::copy(dir.filePath("print.pdf"), qEnvironmentVariable("ISLEVIEW_KEEP_PRINT"));
    QProcess p;
    p.start("pdftotext", {dir.filePath("print.pdf"), "-"});
    ASSERT_TRUE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    EXPECT_TRUE(text.contains("Shikotan")) << text.toStdString() << p.readAllStandardError().toStdString();
    EXPECT_TRUE(text.contains("Coastline: GSHHG")) << "the attribution line, as in exports";
    EXPECT_EQ(window->action("file-print")->shortcut(), QKeySequence(QKeySequence::Print));
}

TEST_F(MapFileTest, F1ShowsTheUserGuideAndF11GoesFullScreen) {
    EXPECT_EQ(window->action("help-guide")->shortcut(), QKeySequence(QKeySequence::HelpContents));
    EXPECT_TRUE(window->action("view-fullscreen")->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    window->action("help-guide")->trigger();
    QTextBrowser* guide = window->desktop()->guideBrowser();
    ASSERT_TRUE(guide);
    EXPECT_TRUE(guide->toPlainText().contains("Isleview user guide"))
        << guide->toPlainText().left(200).toStdString();
    EXPECT_EQ(isv::userGuidePath("ja"), ":/isleview/docs/user-guide.ja.md");
    EXPECT_EQ(isv::userGuidePath("ru"), ":/isleview/docs/user-guide.ru.md");
    EXPECT_EQ(isv::userGuidePath("fr"), ":/isleview/docs/user-guide.md");
    // The guide's pictures are bundled with it, and the browser finds them beside it.
    EXPECT_FALSE(guide->loadResource(QTextDocument::ImageResource, QUrl("img/window-de-facto.png")).isNull());
    EXPECT_TRUE(QFile::exists(":/isleview/docs/img/window-de-facto.png"));
    EXPECT_TRUE(QFile::exists(":/isleview/docs/img/ja/window-de-facto.png"));
}

TEST_F(MapFileTest, EveryMenuActionHasAnIconOrIsAChoice) {
    for (const char* name : {"file-open", "file-open-map", "file-save", "file-export", "file-print",
                             "edit-copy-map", "view-zoom-in", "view-zoom-out", "view-home", "help-guide"}) {
        QAction* a = window->action(name);
        ASSERT_TRUE(a) << name;
        EXPECT_FALSE(a->icon().isNull()) << name;
        EXPECT_FALSE(a->icon().pixmap(24).isNull()) << name;
    }
    EXPECT_FALSE(window->windowIcon().isNull());
    // Every menu of the bar has a mnemonic.
    for (QAction* menu : window->menuBar()->actions())
        EXPECT_TRUE(menu->text().contains('&')) << menu->text().toStdString();
}

TEST_F(MapFileTest, AMessageLeavesTheSidePanelsAsWideAsBefore) {
    auto* places = window->findChild<QDockWidget*>("placesDock");
    auto* info = window->findChild<QDockWidget*>("infoDock");
    ASSERT_TRUE(places && info);
    // A window no wider than a laptop's half screen: the map has little room to spare.
    window->resize(760, 650);
    QTest::qWait(50);
    const int placesWidth = places->width(), infoWidth = info->width();
    auto* bar = window->findChild<isv::MessageBar*>();
    ASSERT_TRUE(bar);
    bar->showMessage(QString("A long problem message that goes on and on ").repeated(12),
                     "Show Japanese and Russian names (Latin and native script)");
    QTest::qWait(50);
    EXPECT_EQ(places->width(), placesWidth);
    EXPECT_EQ(info->width(), infoWidth);
    EXPECT_EQ(bar->buttonText(), "Show Japanese and Russian names (Latin and native script)")
        << "shortened on the button, whole in what the bar says it offers";
    bar->hide();
    QTest::qWait(50);
    EXPECT_EQ(places->width(), placesWidth);
    EXPECT_EQ(info->width(), infoWidth);
}

TEST_F(MapFileTest, TheMessageBarKeepsItsContrastInADarkTheme) {
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(45, 45, 48));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 32));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Highlight, QColor(42, 130, 218));
    const QPalette before = QApplication::palette();
    QApplication::setPalette(dark);
    QTest::qWait(0);
    auto* bar = window->findChild<isv::MessageBar*>();
    ASSERT_TRUE(bar);
    bar->showMessage("A problem");
    const QColor back = bar->palette().color(QPalette::Window),
                 text = bar->palette().color(QPalette::WindowText);
    EXPECT_LT(back.lightnessF(), 0.35) << "a dark bar in a dark theme, not the light yellow";
    EXPECT_GT(text.lightnessF() - back.lightnessF(), 0.5) << "its text stands out";
    // The same bar in a light theme is light, with dark text.
    QApplication::setPalette(before);
    QTest::qWait(0);
    EXPECT_GT(bar->palette().color(QPalette::Window).lightnessF(), 0.6);
    EXPECT_LT(bar->palette().color(QPalette::WindowText).lightnessF(), 0.4);
}

} // namespace
