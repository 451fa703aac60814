#pragma once
// MeasureDock: the Measure dock. The measuring tool's path leg by leg (km, nautical miles, initial
// bearing), its total and, closed, its area, all on the WGS84 ellipsoid; the presets for the distances
// people quote, each with its published figure; and "Keep as Note" to put the result on the map (and so
// in exports).
#include <name_set.h>

#include <geo/geometry.h>

#include <QDockWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace geo {
struct MapData;
}

namespace isv {

class MapCanvas;
struct MeasurePreset;

class MeasureDock : public QDockWidget {
    Q_OBJECT
  public:
    explicit MeasureDock(MapCanvas* canvas, QWidget* parent = nullptr);
    ~MeasureDock() override;

    /// Reads the presets beside `data`'s facts (a problem is shown in the dock, not raised).
    void setMapData(std::shared_ptr<const geo::MapData> mapData);
    void setNameSet(const NameSet& names);
    /// Shows preset `id` on the map (its two points, zoomed to) with its published figure; false if unknown.
    bool showPreset(const QString& id);
    /// Adds a note at the path's last point with summaryText(); false when nothing is measured.
    bool keepAsNote();

    /// The result in one line: "12.34 km (6.66 nmi), 3 legs; area 5.6 km²", with the preset's published
    /// figure when a preset is shown.
    QString summaryText() const;
    QTreeWidget* legList() const { return legs_; }
    QComboBox* presetBox() const { return presets_; }
    QCheckBox* areaBox() const { return area_; }

  private:
    void refresh();
    void fillPresets();
    const MeasurePreset* shownPreset() const;

    MapCanvas* canvas_;
    std::shared_ptr<const geo::MapData> data_;
    NameSet names_;
    std::vector<MeasurePreset> presetList_;
    QString shownPresetId_; // the preset whose points the path still is ("" once the user measures)
    geo::Path presetPoints_;
    QTreeWidget* legs_ = nullptr;
    QLabel* total_ = nullptr;
    QLabel* published_ = nullptr;
    QCheckBox* area_ = nullptr;
    QComboBox* presets_ = nullptr;
    QPushButton* keep_ = nullptr;
    QPushButton* clear_ = nullptr;
};

} // namespace isv
