#pragma once
// PlaceSearchDock: the Find dock (Ctrl+F). A search box over every name of every place (geo::findPlaces),
// its results named in the current name set with the other set beside them; choosing one asks the window
// to select it and zoom to it.
#include <name_set.h>

#include <QDockWidget>

#include <memory>

class QLineEdit;
class QListWidget;

namespace geo {
struct MapData;
}

namespace isv {

class PlaceSearchDock : public QDockWidget {
    Q_OBJECT
  public:
    explicit PlaceSearchDock(QWidget* parent = nullptr);
    /// The places to search (the results are refreshed).
    void setMapData(std::shared_ptr<const geo::MapData> mapData);
    /// Relabels the results in `names` (the other set beside them).
    void setNameSet(const NameSet& names);
    /// Shows the dock and puts the cursor in the search box, its text selected.
    void focusSearch();

    QLineEdit* searchBox() const { return edit_; }
    /// The results: one row per place, best first; Qt::UserRole holds the place's id.
    QListWidget* results() const { return list_; }

  signals:
    void placeChosen(const QString& id);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void refresh();
    void chooseRow(int row);

    std::shared_ptr<const geo::MapData> data_;
    NameSet names_;
    QLineEdit* edit_ = nullptr;
    QListWidget* list_ = nullptr;
};

} // namespace isv
