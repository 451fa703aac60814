#pragma once
// PlaceList: the disputed groups and their named islands and islets, labelled in the current name set,
// with their computed areas. Choosing one asks the window to select it and zoom to it.
#include <name_set.h>

#include <QTreeWidget>

#include <memory>

namespace geo {
struct MapData;
}

namespace isv {

class PlaceList : public QTreeWidget {
    Q_OBJECT
  public:
    explicit PlaceList(QWidget* parent = nullptr);
    /// Fills the list from `data` (the groups of geo::disputedGroups() and their members).
    void setMapData(std::shared_ptr<const geo::MapData> mapData);
    /// Relabels every entry; instant (no reload).
    void setNameSet(const NameSet& names);
    /// Marks `id` as current without emitting placeChosen; "" clears.
    void setCurrentPlace(const QString& id);
    /// The labels shown, top to bottom (groups followed by their members), for tests.
    QStringList labels() const;

  signals:
    void placeChosen(const QString& id);

  private:
    std::shared_ptr<const geo::MapData> data_;
    NameSet names_;
    bool quiet_ = false;
};

} // namespace isv
