#pragma once
// LayerListModel: the Layers dock's rows (the shipped layers, then the added ones) with their visibility.
#include <QAbstractListModel>
#include <QSet>

namespace isv {

class Scene;

/// One row per layer key: its title (Qt::DisplayRole), its key (Qt::UserRole) and a check box that is on
/// unless the key is hidden. A user's check goes out as visibilityChosen; setHidden only shows.
class LayerListModel : public QAbstractListModel {
    Q_OBJECT
  public:
    using QAbstractListModel::QAbstractListModel;

    /// The rows for `scene`: the six shipped layers always (titled from the scene when it has them), then
    /// the scene's added layers in the order they were added. nullptr: the shipped rows alone.
    void setScene(const Scene* scene);
    /// The keys shown unchecked (MapSettings::hiddenLayers).
    void setHidden(const QSet<QString>& hidden);
    QString key(int row) const { return rows_.value(row).key; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

  signals:
    /// The user checked (visible) or unchecked a row.
    void visibilityChosen(const QString& key, bool visible);

  private:
    struct Row {
        QString key;
        QString title;
        bool operator==(const Row&) const = default;
    };
    QList<Row> rows_;
    QSet<QString> hidden_;
};

} // namespace isv
