#include "desktop_actions.h"

#include "main_window.h"
#include "map_canvas.h"

#include <render_map.h>
#include <scene.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace isv {

namespace {

// The frame as an export or a print draws it: the attribution line, dated today, never a draft.
MapSettings asExported(MapSettings s) {
    s.attribution = true;
    s.draft = false;
    if (s.attributionDate.isEmpty()) s.attributionDate = attributionDateToday();
    return s;
}

// A ring in the theme's highlight colour around the map while it has keyboard focus: the canvas draws the
// map edge to edge, so without it a keyboard user cannot tell that the arrow keys will pan it.
class FocusRing : public QWidget {
  public:
    explicit FocusRing(QWidget* target) : QWidget(target) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setFocusPolicy(Qt::NoFocus);
        target->installEventFilter(this);
        setGeometry(target->rect());
        setVisible(target->hasFocus());
    }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == parent()) {
            if (event->type() == QEvent::Resize) setGeometry(parentWidget()->rect());
            if (event->type() == QEvent::FocusIn) setVisible(true), raise();
            if (event->type() == QEvent::FocusOut) setVisible(false);
        }
        return false;
    }
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        QPen pen(palette().color(QPalette::Highlight), 2);
        pen.setJoinStyle(Qt::MiterJoin);
        p.setPen(pen);
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
};

} // namespace

QImage mapImage(const Scene& scene, const MapSettings& view) {
    const MapSettings s = asExported(view);
    QImage image(s.pixelSize(), QImage::Format_RGB32);
    if (image.isNull()) return image;
    image.setDevicePixelRatio(s.devicePixelRatio);
    QPainter painter(&image);
    renderMap(scene, s, painter);
    painter.end();
    return image;
}

std::optional<geo::Error> printMap(const Scene& scene, const MapSettings& view, QPrinter* printer) {
    // Drawn at 96 dots per inch, one dot per logical pixel, as the PDF export is: Qt sizes point-size fonts
    // by the device's resolution, so a device at a higher one, scaled up to it, would set the text that many
    // times too large. Lines and text stay vectors; only the claims' hatching is a 96 dpi pattern.
    printer->setResolution(96);
    const int dpi = printer->resolution();
    const QSize page = printer->pageLayout().paintRectPixels(dpi).size();
    if (page.isEmpty()) return geo::Error{"the printer's page has no room to print on"};
    MapSettings s = asExported(view);
    // The area the window shows, as large as the page allows; text and lines keep their size on paper.
    s.fitOutput(view.viewport.mapBounds(), page, dpi);
    QPainter painter;
    if (!painter.begin(printer)) return geo::Error{"the printer could not be started"};
    // The printer works in dots at its resolution; renderMap works in logical pixels (as the PDF export).
    painter.scale(s.devicePixelRatio, s.devicePixelRatio);
    const RenderReport report = renderMap(scene, s, painter);
    painter.end();
    if (!report.errors.isEmpty()) return geo::Error{report.errors.join("; ").toStdString()};
    return std::nullopt;
}

QString userGuidePath(const QString& language) {
    const QString localised = QStringLiteral(":/isleview/docs/user-guide.%1.md").arg(language);
    return language != QLatin1String("en") && QFile::exists(localised)
               ? localised
               : QStringLiteral(":/isleview/docs/user-guide.md");
}

QIcon themedIcon(const QString& name) {
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/isleview/icons/%1.svg").arg(name)));
}

DesktopActions::DesktopActions(MainWindow* window) : QObject(window), window_(window) {
    const auto make = [window](const QString& name, const QString& text, const QKeySequence& key) {
        auto* a = new QAction(text, window);
        a->setObjectName(name);
        a->setShortcut(key);
        return a;
    };
    connect(make("file-print", tr("&Print…"), QKeySequence::Print), &QAction::triggered, this,
            &DesktopActions::print);
    connect(make("edit-copy-map", tr("&Copy Map"), QKeySequence(tr("Ctrl+Shift+C"))), &QAction::triggered,
            this, &DesktopActions::copyMap);
    connect(make("edit-title", tr("Map &Title…"), QKeySequence(tr("Ctrl+T"))), &QAction::triggered, this,
            &DesktopActions::editTitle);
    connect(make("help-guide", tr("&User Guide"), QKeySequence::HelpContents), &QAction::triggered, this,
            &DesktopActions::showGuide);

    // F11 everywhere (the platform's own full-screen key too, where it has one).
    if (QAction* full = window->action("view-fullscreen")) {
        QList<QKeySequence> keys{QKeySequence(Qt::Key_F11)};
        for (const QKeySequence& k : QKeySequence::keyBindings(QKeySequence::FullScreen))
            if (!keys.contains(k)) keys << k;
        full->setShortcuts(keys);
    }

    // freedesktop icon names; the bundled icon of the same name where the theme has none.
    static const std::pair<const char*, const char*> icons[] = {
        {"file-open", "list-add"},          {"file-open-map", "document-open"},
        {"file-save", "document-save"},     {"file-save-as", "document-save-as"},
        {"file-export", "document-export"}, {"file-print", "document-print"},
        {"file-quit", "application-exit"},  {"edit-copy-map", "edit-copy"},
        {"view-zoom-in", "zoom-in"},        {"view-zoom-out", "zoom-out"},
        {"view-home", "zoom-fit-best"},     {"view-fullscreen", "view-fullscreen"},
        {"tool-measure", "measure"},        {"tool-note", "note"},
        {"help-guide", "help-contents"},    {"help-about", "help-about"},
    };
    for (const auto& [action, icon] : icons)
        if (QAction* a = window->action(QString::fromLatin1(action)))
            a->setIcon(themedIcon(QString::fromLatin1(icon)));

    // The program's own icon: the packaged one when it is built in, else the bundled placeholder.
    const QString packaged = QStringLiteral(":/isleview/icons/isleview.svg");
    window->setWindowIcon(QIcon::fromTheme(
        QStringLiteral("isleview"),
        QIcon(QFile::exists(packaged) ? packaged
                                      : QStringLiteral(":/isleview/icons/isleview-placeholder.svg"))));

    new FocusRing(window->canvas());
}

void DesktopActions::addToMenus(QMenu* file, QMenu* help) {
    QAction* quit = window_->action("file-quit");
    file->insertAction(quit, window_->action("file-print"));
    file->insertSeparator(quit);
    QMenu* edit = new QMenu(tr("&Edit"), window_->menuBar());
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addActions({window_->action("edit-copy-map"), window_->action("edit-title")});
    const QList<QAction*> top = window_->menuBar()->actions();
    window_->menuBar()->insertMenu(top.value(1), edit); // after File
    help->insertAction(help->actions().value(0), window_->action("help-guide"));
    help->insertSeparator(help->actions().value(1));
}

void DesktopActions::copyMap() {
    const auto& scene = window_->canvas()->scene();
    if (!scene) return;
    const QImage image = mapImage(*scene, window_->canvas()->settings());
    if (image.isNull()) {
        QMessageBox::warning(window_, tr("Copy Map"), tr("The map is too big to copy at this size."));
        return;
    }
    QApplication::clipboard()->setImage(image);
    window_->statusBar()->showMessage(
        tr("Copied the map (%1 × %2 pixels)").arg(image.width()).arg(image.height()), 5000);
}

void DesktopActions::print() {
    const auto& scene = window_->canvas()->scene();
    if (!scene) return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(window_->canvas()->settings().title.isEmpty()
                           ? QCoreApplication::translate("map", "Isleview map")
                           : window_->canvas()->settings().title);
    const MapSettings& s = window_->canvas()->settings();
    printer.setPageOrientation(s.viewport.widthPx >= s.viewport.heightPx ? QPageLayout::Landscape
                                                                         : QPageLayout::Portrait);
    QPrintDialog dialog(&printer, window_);
    if (dialog.exec() != QDialog::Accepted) return;
    if (const auto e = printMap(*scene, s, &printer))
        QMessageBox::warning(window_, tr("Print"), QString::fromStdString(e->message));
}

void DesktopActions::editTitle() {
    MapCanvas* canvas = window_->canvas();
    bool ok = false;
    const QString title =
        QInputDialog::getText(window_, tr("Map Title"), tr("Title drawn on the map (empty for none):"),
                              QLineEdit::Normal, canvas->settings().title, &ok);
    if (!ok) return;
    MapSettings s = canvas->settings();
    s.title = title.trimmed();
    canvas->setSettings(s);
}

void DesktopActions::showGuide() {
    if (!guide_) {
        guide_ = new QDialog(window_);
        guide_->setObjectName(QStringLiteral("userGuide"));
        guide_->setWindowTitle(tr("Isleview User Guide"));
        auto* browser = new QTextBrowser(guide_);
        browser->setObjectName(QStringLiteral("guideBrowser"));
        browser->setOpenExternalLinks(true);
        // The guide in the interface's language when there is one.
        const QString language = QLocale().name().section(QLatin1Char('_'), 0, 0);
        browser->setSource(QUrl(QStringLiteral("qrc") + userGuidePath(language)),
                           QTextDocument::MarkdownResource);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, guide_);
        connect(buttons, &QDialogButtonBox::rejected, guide_, &QWidget::close);
        auto* column = new QVBoxLayout(guide_);
        column->addWidget(browser);
        column->addWidget(buttons);
        guide_->resize(820, 700);
    }
    guide_->show();
    guide_->raise();
    guide_->activateWindow();
}

QTextBrowser* DesktopActions::guideBrowser() const {
    return guide_ && guide_->isVisible() ? guide_->findChild<QTextBrowser*>() : nullptr;
}

} // namespace isv
