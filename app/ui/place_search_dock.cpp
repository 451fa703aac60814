#include "place_search_dock.h"

#include <geo/map_data.h>
#include <geo/place_search.h>

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace isv {

namespace {
constexpr std::size_t kMostResults = 30;

// The other side's names in the same scripts: what a reader of one set looks for beside it. Empty when
// the current set already shows every language.
NameSet otherSet(const NameSet& names) {
    NameSet other = names;
    other.languages.clear();
    for (const NameCode& lang : NameWords::shipped().languages)
        if (!names.languages.contains(lang.code)) other.languages << lang.code;
    return other;
}
} // namespace

PlaceSearchDock::PlaceSearchDock(QWidget* parent) : QDockWidget(tr("Find"), parent) {
    setObjectName(QStringLiteral("findDock"));
    auto* body = new QWidget(this);
    auto* column = new QVBoxLayout(body);
    column->setContentsMargins(4, 4, 4, 4);
    edit_ = new QLineEdit(body);
    edit_->setObjectName(QStringLiteral("findText"));
    edit_->setPlaceholderText(tr("A place, in any name or script"));
    edit_->setClearButtonEnabled(true);
    edit_->installEventFilter(this);
    list_ = new QListWidget(body);
    list_->setObjectName(QStringLiteral("findResults"));
    column->addWidget(edit_);
    column->addWidget(list_, 1);
    setWidget(body);
    connect(edit_, &QLineEdit::textChanged, this, &PlaceSearchDock::refresh);
    connect(edit_, &QLineEdit::returnPressed, this,
            [this] { chooseRow(list_->currentRow() >= 0 ? list_->currentRow() : 0); });
    connect(list_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { chooseRow(list_->row(item)); });
    connect(list_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { chooseRow(list_->row(item)); });
}

void PlaceSearchDock::setMapData(std::shared_ptr<const geo::MapData> mapData) {
    data_ = std::move(mapData);
    refresh();
}

void PlaceSearchDock::setNameSet(const NameSet& names) {
    names_ = names;
    refresh();
}

void PlaceSearchDock::focusSearch() {
    show();
    raise();
    edit_->setFocus(Qt::ShortcutFocusReason);
    edit_->selectAll();
}

void PlaceSearchDock::refresh() {
    list_->clear();
    if (!data_) return;
    const NameSet other = otherSet(names_);
    for (const geo::PlaceMatch& m :
         geo::findPlaces(data_->places, edit_->text().toStdString(), kMostResults)) {
        const geo::Place& p = *m.place;
        QString text = names_.label(p);
        if (const QString beside = other.languages.isEmpty() ? QString() : other.label(p);
            !beside.isEmpty() && beside != text)
            text += QStringLiteral("  —  ") + beside;
        auto* item = new QListWidgetItem(text, list_);
        item->setData(Qt::UserRole, QString::fromStdString(p.id));
        item->setToolTip(
            tr("%1; matched “%2”").arg(QString::fromStdString(p.kind), QString::fromStdString(m.name)));
    }
    if (list_->count() > 0) list_->setCurrentRow(0);
}

void PlaceSearchDock::chooseRow(int row) {
    if (row < 0 || row >= list_->count()) return;
    emit placeChosen(list_->item(row)->data(Qt::UserRole).toString());
}

bool PlaceSearchDock::eventFilter(QObject* watched, QEvent* event) {
    // Up and Down in the search box move through the results, so the keyboard never has to leave it.
    if (watched == edit_ && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && list_->count() > 0) {
            const int step = key == Qt::Key_Down ? 1 : -1;
            list_->setCurrentRow(std::clamp(list_->currentRow() + step, 0, list_->count() - 1));
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

} // namespace isv
