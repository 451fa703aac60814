#include "layer_list_model.h"

#include <scene.h>

#include <array>

namespace isv {

namespace {
// The shipped layers the dock always lists, with the title used when the scene has no such layer.
struct BuiltinLayer {
    const char* key;
    const char* title;
};
constexpr std::array<BuiltinLayer, 6> kBuiltinLayers{
    {{"land", QT_TRANSLATE_NOOP("isv::LayerListModel", "Land")},
     {"lakes", QT_TRANSLATE_NOOP("isv::LayerListModel", "Lakes")},
     {"borders", QT_TRANSLATE_NOOP("isv::LayerListModel", "Borders")},
     {"claims", QT_TRANSLATE_NOOP("isv::LayerListModel", "Claim areas")},
     {"labels", QT_TRANSLATE_NOOP("isv::LayerListModel", "Labels")},
     {"graticule", QT_TRANSLATE_NOOP("isv::LayerListModel", "Graticule")}}};
} // namespace

void LayerListModel::setScene(const Scene* scene) {
    QList<Row> rows;
    for (const BuiltinLayer& b : kBuiltinLayers) {
        // The shipped layers' titles are the program's words, in the interface language.
        rows.push_back({b.key, tr(b.title)});
    }
    if (scene)
        for (const auto& layer : scene->layers())
            if (layer->added)
                rows.push_back({layer->key, layer->title.isEmpty() ? layer->key : layer->title});
    if (rows == rows_) return; // a coarse and a full pass of a file share a key and a row
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

void LayerListModel::setHidden(const QSet<QString>& hidden) {
    if (hidden == hidden_) return;
    hidden_ = hidden;
    if (!rows_.isEmpty()) emit dataChanged(index(0), index(int(rows_.size()) - 1), {Qt::CheckStateRole});
}

int LayerListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant LayerListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const Row& row = rows_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return row.title;
    case Qt::UserRole:
        return row.key;
    case Qt::CheckStateRole:
        return hidden_.contains(row.key) ? Qt::Unchecked : Qt::Checked;
    default:
        return {};
    }
}

bool LayerListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || !index.isValid() || index.row() >= rows_.size()) return false;
    // Only reported: the settings decide, and come back through setHidden.
    emit visibilityChosen(rows_[index.row()].key, value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags LayerListModel::flags(const QModelIndex& index) const {
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable
                           : Qt::NoItemFlags;
}

} // namespace isv
