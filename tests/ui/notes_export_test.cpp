// Notes placed on the map (View → Add Note, the Notes dock, the map's context menu) and the export dialog's
// options, which must give the picture `isleview export` gives for the same options.
#include "export_dialog.h"
#include "main_window.h"
#include "map_canvas.h"
#include "test_world.h"
#include "ui_test_util.h"

#include <exporter.h>

#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDate>
#include <QFile>
#include <QImage>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>

#include <memory>

namespace {

using uitest::waitForCurrentFrame;

/// Arranges for the next modal input dialog to be answered with `text` (or cancelled).
void answerNextInputDialog(const QString& text, bool accept = true) {
    QTimer::singleShot(0, [text, accept] {
        for (int i = 0; i < 200; ++i) {
            if (auto* box = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
                box->setTextValue(text);
                box->done(accept ? QDialog::Accepted : QDialog::Rejected);
                return;
            }
            QTest::qWait(10);
        }
    });
}

/// Arranges for the next popup menu to trigger its entry whose text starts with `prefix`, answering the
/// input dialog that entry opens with `answer` if given.
void chooseFromNextMenu(const QString& prefix, QStringList* entries, const QString& answer = {}) {
    QTimer::singleShot(0, [prefix, entries, answer] {
        for (int i = 0; i < 200; ++i) {
            if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                QAction* chosen = nullptr;
                for (QAction* a : menu->actions()) {
                    *entries << a->text();
                    if (a->text().startsWith(prefix)) chosen = a;
                }
                menu->close();
                if (!answer.isEmpty()) answerNextInputDialog(answer);
                if (chosen) chosen->trigger();
                return;
            }
            QTest::qWait(10);
        }
    });
}

void rightClick(QWidget* widget, QPoint at) {
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, widget->mapToGlobal(at));
    QApplication::sendEvent(widget, &event);
}

class NotesTest : public uitest::WindowFixture {
  protected:
    const QList<isv::Note>& notes() const { return canvas->settings().notes; }
    geo::Point screenOf(const isv::Note& n) const {
        return canvas->settings().viewport.toScreen(scene->project({n.lon, n.lat}));
    }
    void clickToAdd(QPoint at, const QString& text) {
        answerNextInputDialog(text);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at);
        QTest::qWait(400); // the next click is not a double-click
    }
};

TEST_F(NotesTest, AClickInNoteModeAddsANoteAtThatPoint) {
    QAction* tool = window->action("tool-note");
    ASSERT_TRUE(tool);
    tool->trigger();
    EXPECT_TRUE(canvas->noteMode());
    const QPoint at(310, 240);
    clickToAdd(at, "  Ferry pier  ");
    ASSERT_EQ(notes().size(), 1);
    EXPECT_EQ(notes()[0].text, "Ferry pier");
    const geo::Point back = screenOf(notes()[0]);
    EXPECT_NEAR(back.x, at.x(), 1e-3);
    EXPECT_NEAR(back.y, at.y(), 1e-3);
    EXPECT_TRUE(canvas->settings().selected.isEmpty()); // placing a note selects nothing
    ASSERT_EQ(window->noteList()->count(), 1);
    EXPECT_TRUE(window->noteList()->item(0)->text().startsWith("Ferry pier"));
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    EXPECT_TRUE(canvas->frame().report.labels.contains("Ferry pier")); // drawn on the map

    answerNextInputDialog("ignored", false); // Cancel adds nothing
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(400, 300));
    EXPECT_EQ(notes().size(), 1);

    // The measure tool and the note tool take turns.
    window->action("tool-measure")->trigger();
    EXPECT_FALSE(tool->isChecked());
    EXPECT_FALSE(canvas->noteMode());
    tool->trigger();
    EXPECT_FALSE(window->action("tool-measure")->isChecked());
}

TEST_F(NotesTest, EditAndRemoveFromTheNotesDock) {
    window->action("tool-note")->trigger();
    clickToAdd(QPoint(200, 200), "First");
    clickToAdd(QPoint(500, 350), "Second");
    ASSERT_EQ(notes().size(), 2);
    const isv::Note second = notes()[1];

    auto* editButton = window->findChild<QPushButton*>("noteEdit");
    auto* removeButton = window->findChild<QPushButton*>("noteRemove");
    ASSERT_TRUE(editButton && removeButton);
    window->noteList()->setCurrentRow(0);
    answerNextInputDialog("Renamed");
    editButton->click();
    EXPECT_EQ(notes()[0].text, "Renamed");
    EXPECT_EQ(notes()[1], second);
    EXPECT_TRUE(window->noteList()->item(0)->text().startsWith("Renamed"));

    removeButton->click(); // row 0 is still current
    ASSERT_EQ(notes().size(), 1);
    EXPECT_EQ(notes()[0], second);
    EXPECT_EQ(window->noteList()->count(), 1);
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    EXPECT_FALSE(canvas->frame().report.labels.contains("Renamed"));
}

TEST_F(NotesTest, RightClickNearANoteEditsOrRemovesIt) {
    window->action("tool-note")->trigger();
    clickToAdd(QPoint(300, 300), "Lighthouse");
    window->action("tool-note")->trigger(); // off: right-click works in any mode
    ASSERT_TRUE(waitForCurrentFrame(canvas));

    QStringList entries;
    chooseFromNextMenu("&Edit", &entries, "Old lighthouse");
    rightClick(canvas, QPoint(304, 297));
    EXPECT_TRUE(entries.contains("&Remove Note")) << entries.join(", ").toStdString();
    ASSERT_EQ(notes().size(), 1);
    EXPECT_EQ(notes()[0].text, "Old lighthouse");

    // On the callout box, away from the point, too.
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    const isv::RenderReport& r = canvas->frame().report;
    const qsizetype k = r.labels.indexOf("Old lighthouse");
    ASSERT_GE(k, 0);
    entries.clear();
    chooseFromNextMenu("&Remove", &entries);
    rightClick(canvas, r.labelBoxes[k].center().toPoint());
    EXPECT_TRUE(notes().isEmpty());

    // Elsewhere, the menu offers to add one there.
    entries.clear();
    chooseFromNextMenu("Add", &entries, "Cape");
    rightClick(canvas, QPoint(150, 420));
    ASSERT_EQ(notes().size(), 1);
    const geo::Point back = screenOf(notes()[0]);
    EXPECT_NEAR(back.x, 150, 1e-3);
    EXPECT_NEAR(back.y, 420, 1e-3);
}

TEST_F(NotesTest, TwoNotesOfTheSameTextAreToldApart) {
    window->action("tool-note")->trigger();
    clickToAdd(QPoint(200, 200), "Pier");
    clickToAdd(QPoint(500, 350), "Pier");
    window->action("tool-note")->trigger();
    ASSERT_EQ(notes().size(), 2);
    const isv::Note first = notes()[0];
    EXPECT_NE(first.id, notes()[1].id);

    // Editing the second from the dock leaves the first alone.
    window->noteList()->setCurrentRow(1);
    answerNextInputDialog("Second pier");
    window->findChild<QPushButton*>("noteEdit")->click();
    ASSERT_EQ(notes().size(), 2);
    EXPECT_EQ(notes()[0], first);
    EXPECT_EQ(notes()[1].text, "Second pier");

    // Back to the same text; removing the second through its callout leaves the first.
    window->noteList()->setCurrentRow(1);
    answerNextInputDialog("Pier");
    window->findChild<QPushButton*>("noteEdit")->click();
    ASSERT_EQ(notes()[1].text, "Pier");
    ASSERT_TRUE(waitForCurrentFrame(canvas));
    const isv::RenderReport& r = canvas->frame().report;
    const qsizetype k = r.labels.lastIndexOf("Pier");
    ASSERT_GT(k, r.labels.indexOf("Pier"));
    QStringList entries;
    chooseFromNextMenu("&Remove", &entries);
    rightClick(canvas, r.labelBoxes[k].center().toPoint());
    ASSERT_EQ(notes().size(), 1);
    EXPECT_EQ(notes()[0], first);
    EXPECT_EQ(window->noteList()->count(), 1);
}

TEST_F(NotesTest, RemovingTheSecondOfTwoEqualNotesFromTheDockKeepsTheFirst) {
    window->action("tool-note")->trigger();
    clickToAdd(QPoint(200, 200), "Pier");
    clickToAdd(QPoint(500, 350), "Pier");
    ASSERT_EQ(notes().size(), 2);
    const isv::Note first = notes()[0];
    window->noteList()->setCurrentRow(1);
    window->findChild<QPushButton*>("noteRemove")->click();
    ASSERT_EQ(notes().size(), 1);
    EXPECT_EQ(notes()[0], first);
}

// The dialog's widgets, by object name.
template <class W> W* child(isv::ExportDialog& d, const char* name) {
    W* w = d.findChild<W*>(name);
    EXPECT_TRUE(w) << name;
    return w;
}

isv::MapSettings withNotes() {
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(uitest::testScene()->homeBounds(), 800, 500);
    s.notes = {{145.95, 44.15, "Kunashiri note"}, {146.80, 43.80, "Shikotan note"}};
    s.selected = "etorofu"; // the window's selection is not exported
    s.scaleBar = false;     // every export has a scale bar and a north arrow
    return s;
}

TEST(ExportDialogTest, OptionsCarryTheCommandLineOptions) {
    const auto scene = uitest::testScene();
    isv::ExportDialog d(scene, withNotes());
    auto* dpi = child<QSpinBox>(d, "dpi");
    auto* legend = child<QCheckBox>(d, "legend");
    auto* worldFile = child<QCheckBox>(d, "worldFile");
    auto* notes = child<QCheckBox>(d, "notes");
    auto* extent = child<QComboBox>(d, "extent");
    ASSERT_TRUE(dpi && legend && worldFile && notes && extent);

    isv::ExportOptions o = d.options();
    EXPECT_EQ(o.settings.dpi(), 96);
    EXPECT_TRUE(o.settings.legend);
    EXPECT_FALSE(o.worldFile);
    EXPECT_EQ(o.settings.notes, withNotes().notes);
    EXPECT_TRUE(o.settings.selected.isEmpty());
    EXPECT_TRUE(o.settings.attribution);
    EXPECT_TRUE(o.settings.scaleBar && o.settings.northArrow);
    const geo::Box view = withNotes().viewport.mapBounds(), shown = o.settings.viewport.mapBounds();
    EXPECT_TRUE(shown.contains({view.minx, view.miny}) && shown.contains({view.maxx, view.maxy}));

    dpi->setValue(144);
    legend->setChecked(false);
    notes->setChecked(false);
    d.setPath(QDir::temp().filePath("map.png"));
    EXPECT_TRUE(worldFile->isEnabled());
    worldFile->setChecked(true);
    o = d.options();
    EXPECT_EQ(o.settings.dpi(), 144);
    EXPECT_FALSE(o.settings.legend);
    EXPECT_TRUE(o.worldFile);
    EXPECT_TRUE(o.settings.notes.isEmpty());
    d.setPath(QDir::temp().filePath("map.svg")); // no world file beside an SVG
    EXPECT_FALSE(worldFile->isEnabled());
    EXPECT_FALSE(d.options().worldFile);

    // The focus list: the current view, the four groups and their named islets, in the chosen names.
    EXPECT_EQ(extent->itemText(0), "Current view");
    EXPECT_GE(extent->findText("Shikotan"), 0);
    EXPECT_GE(extent->findText("    Suisho"), 0);
    child<QComboBox>(d, "names")->setCurrentIndex(1); // Russian names relabel the list
    EXPECT_GE(extent->findText("    Tanfilyeva"), 0);
    d.setFocusPlace("shikotan");
    EXPECT_EQ(d.focusPlace(), "shikotan");
    o = d.options();
    geo::Box box = scene->placeBounds("shikotan");
    const double pad = std::max(box.width(), box.height()) * 0.12 + 2000;
    box = {box.minx - pad, box.miny - pad, box.maxx + pad, box.maxy + pad};
    EXPECT_EQ(o.settings.viewport, geo::Viewport::fitting(box, 1920 / 1.5, 1080 / 1.5));
    d.setFocusPlace("");
    EXPECT_EQ(d.focusPlace(), "");
}

TEST(ExportDialogTest, ExportWritesWhatExportMapWritesForTheSameOptions) {
    const auto scene = uitest::testScene();
    QTemporaryDir dir;
    isv::ExportDialog d(scene, withNotes());
    const QString path = dir.filePath("dialog.png");
    d.setPath(path);
    child<QSpinBox>(d, "dpi")->setValue(120);
    child<QSpinBox>(d, "width")->setValue(640);
    child<QSpinBox>(d, "height")->setValue(400);
    d.setFocusPlace("kunashiri");
    QStringList written;
    QObject::connect(&d, &isv::ExportDialog::exported, [&](const QStringList& files) { written = files; });
    QSignalSpy done(&d, &isv::ExportDialog::exportFinished), rejected(&d, &QDialog::rejected);
    auto* progress = child<QProgressBar>(d, "progress");
    ASSERT_TRUE(progress);
    int most = 0;
    QObject::connect(progress, &QProgressBar::valueChanged, [&](int v) { most = std::max(most, v); });
    d.accept();
    EXPECT_TRUE(d.busy()) << "written on a thread of its own";
    EXPECT_FALSE(progress->isHidden()) << "how far it has got, while it is written";
    EXPECT_FALSE(child<QSpinBox>(d, "dpi")->isEnabled()) << "no edits while it is written";
    d.reject();
    EXPECT_EQ(rejected.count(), 0) << "not closed while it is written";
    ASSERT_TRUE(done.wait(30000));
    EXPECT_EQ(done.front().front().toBool(), true);
    EXPECT_FALSE(d.busy());
    EXPECT_EQ(d.result(), QDialog::Accepted);
    EXPECT_EQ(most, 100) << "the exporter's progress reached the bar";
    EXPECT_TRUE(progress->isHidden());
    EXPECT_EQ(written, QStringList{path});
    const QImage fromDialog(path);
    ASSERT_FALSE(fromDialog.isNull());
    EXPECT_EQ(fromDialog.size(), QSize(640, 400));

    // The same options, built as `isleview export OUT --size 640x400 --dpi 120 --focus kunashiri --note ...`
    // builds them, give the same file.
    isv::ExportOptions cli;
    cli.path = dir.filePath("cli.png");
    cli.settings.notes = withNotes().notes;
    geo::Box box = scene->placeBounds("kunashiri");
    const double pad = std::max(box.width(), box.height()) * 0.12 + 2000;
    box = {box.minx - pad, box.miny - pad, box.maxx + pad, box.maxy + pad};
    cli.settings.fitOutput(box, {640, 400}, 120);
    cli.settings.attributionDate = QDate::currentDate().toString(Qt::ISODate);
    ASSERT_TRUE(isv::exportMap(*scene, cli));
    const QImage fromCli(cli.path);
    EXPECT_EQ(fromCli.convertToFormat(QImage::Format_ARGB32),
              fromDialog.convertToFormat(QImage::Format_ARGB32));

    isv::ExportOptions again = d.options();
    again.path = dir.filePath("again.png");
    ASSERT_TRUE(isv::exportMap(*scene, again));
    QFile a(path), b(again.path);
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    EXPECT_EQ(a.readAll(), b.readAll());
}

TEST(ExportDialogTest, ClosingWhileItWritesLetsTheFileFinish) {
    QTemporaryDir dir;
    const QString path = dir.filePath("closed.png");
    auto d = std::make_unique<isv::ExportDialog>(uitest::testScene(), withNotes());
    d->setPath(path);
    d->accept();
    ASSERT_TRUE(d->busy());
    d.reset(); // the window closing with the dialog open: waits for the thread
    EXPECT_FALSE(QImage(path).isNull()) << "a whole image, not a half-written one";
}

TEST(ExportDialogTest, AFailedExportNamesThePathAndStaysOpen) {
    isv::ExportDialog d(uitest::testScene(), withNotes());
    const QString path = "/nonexistent-isleview-folder/map.png";
    d.setPath(path);
    QString message;
    QSignalSpy done(&d, &isv::ExportDialog::exportFinished);
    d.accept();
    ASSERT_TRUE(done.wait(30000));
    EXPECT_EQ(done.front().front().toBool(), false);
    uitest::closeNextMessageBox(&message);
    QTRY_VERIFY(!message.isEmpty());
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    EXPECT_NE(d.result(), QDialog::Accepted);
    EXPECT_TRUE(child<QSpinBox>(d, "dpi")->isEnabled()) << "editable again";
    EXPECT_FALSE(QFile::exists(path));
}

TEST_F(NotesTest, ExportFromTheWindowCarriesTheNotesAndReportsInTheStatusBar) {
    window->action("tool-note")->trigger();
    clickToAdd(QPoint(320, 260), "Placed note");
    window->action("file-export")->trigger();
    auto* dialog = window->findChild<isv::ExportDialog*>();
    ASSERT_TRUE(dialog);
    EXPECT_EQ(dialog->options().settings.notes, notes());
    QTemporaryDir dir;
    const QString path = dir.filePath("window.jpg");
    dialog->setPath(path);
    dialog->findChild<QSpinBox*>("dpi")->setValue(120);
    QSignalSpy done(dialog, &isv::ExportDialog::exportFinished);
    dialog->accept();
    ASSERT_TRUE(done.wait(30000));
    EXPECT_TRUE(QFile::exists(path));
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(path))
        << window->statusBar()->currentMessage().toStdString();

    // The next export starts from the same file and settings.
    QTest::qWait(50); // the first dialog is gone
    window->action("file-export")->trigger();
    auto* again = window->findChild<isv::ExportDialog*>();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->options().path, path);
    EXPECT_EQ(again->options().settings.dpi(), 120);
    again->reject();
}

} // namespace
