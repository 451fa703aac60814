#include "place_list.h"

#include "status_text.h"

#include <geo/map_data.h>

#include <QHeaderView>

#include <algorithm>

namespace isv {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

PlaceList::PlaceList(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Place"), tr("Area")});
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // A click or Enter chooses; moving the current item with the arrow keys alone does not zoom the map.
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        if (!quiet_ && item) emit placeChosen(item->data(0, kIdRole).toString());
    });
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (!quiet_ && item) emit placeChosen(item->data(0, kIdRole).toString());
    });
}

void PlaceList::setMapData(std::shared_ptr<const geo::MapData> mapData) {
    data_ = std::move(mapData);
    clear();
    if (!data_) return;
    for (const std::string& group : geo::disputedGroups()) {
        auto* top = new QTreeWidgetItem(this);
        top->setData(0, kIdRole, QString::fromStdString(group));
        std::vector<const geo::Place*> members;
        for (const geo::Place& p : data_->places)
            if (p.parent == group && (p.kind == "island" || p.kind == "islet")) members.push_back(&p);
        std::stable_sort(members.begin(), members.end(),
                         [](const geo::Place* a, const geo::Place* b) { return a->priority < b->priority; });
        for (const geo::Place* p : members) {
            auto* child = new QTreeWidgetItem(top);
            child->setData(0, kIdRole, QString::fromStdString(p->id));
        }
        // The big islands are single-polygon groups; only groups with named members open.
        top->setExpanded(top->childCount() > 0 && top->childCount() < 12);
    }
    setNameSet(names_);
}

void PlaceList::setNameSet(const NameSet& names) {
    names_ = names;
    if (!data_) return;
    QTreeWidgetItemIterator it(this);
    for (; *it; ++it) {
        QTreeWidgetItem* item = *it;
        const std::string id = item->data(0, kIdRole).toString().toStdString();
        const geo::Place* place = data_->place(id);
        item->setText(0, place ? names_.label(*place) : QString::fromStdString(id));
        const auto f = data_->figures.find(id);
        const bool outlined = f != data_->figures.end() || !place || place->kind == "group";
        item->setText(1, f != data_->figures.end() ? formatArea(f->second.areaKm2)
                         : outlined                ? QString()
                                                   : QStringLiteral("–"));
        for (int column : {0, 1})
            item->setToolTip(column, outlined ? QString() : noOutlineText());
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void PlaceList::setCurrentPlace(const QString& id) {
    quiet_ = true;
    QTreeWidgetItem* found = nullptr;
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if ((*it)->data(0, kIdRole).toString() == id) found = *it;
    if (found) {
        setCurrentItem(found);
        scrollToItem(found);
    } else {
        clearSelection();
        setCurrentItem(nullptr);
    }
    quiet_ = false;
}

QStringList PlaceList::labels() const {
    QStringList out;
    for (QTreeWidgetItemIterator it(const_cast<PlaceList*>(this)); *it; ++it)
        out << (*it)->text(0);
    return out;
}

} // namespace isv
