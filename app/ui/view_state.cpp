#include "view_state.h"

#include "navigator.h"

#include <QSettings>

namespace isv {

void saveViewState(QSettings& store, const MapSettings& s) {
    store.setValue("view/centerX", s.viewport.center.x);
    store.setValue("view/centerY", s.viewport.center.y);
    store.setValue("view/metresPerPixel", s.viewport.metresPerPixel);
    store.setValue("view/legend", s.legend);
    store.setValue("view/scaleBar", s.scaleBar);
    store.setValue("view/northArrow", s.northArrow);
    store.setValue("names/names", s.names.namesWord());
    store.setValue("names/script", s.names.scriptWord());
    // Written even when empty, so "no overlays" is remembered as a choice.
    store.setValue("claims/shown", s.claims.join(','));
    QStringList hidden(s.hiddenLayers.begin(), s.hiddenLayers.end());
    hidden.sort();
    store.setValue("layers/hidden", hidden.join(','));
}

bool restoreViewState(const QSettings& store, MapSettings* s) {
    const auto splitList = [](const QString& v) { return v.split(',', Qt::SkipEmptyParts); };
    if (store.contains("names/names") || store.contains("names/script")) {
        NameSet names;
        if (NameSet::parse(store.value("names/names", s->names.namesWord()).toString(),
                           store.value("names/script", s->names.scriptWord()).toString(), &names))
            s->names = names;
    }
    if (store.contains("claims/shown")) s->claims = splitList(store.value("claims/shown").toString());
    if (store.contains("layers/hidden")) {
        const QStringList hidden = splitList(store.value("layers/hidden").toString());
        s->hiddenLayers = QSet<QString>(hidden.begin(), hidden.end());
    }
    s->legend = store.value("view/legend", s->legend).toBool();
    s->scaleBar = store.value("view/scaleBar", s->scaleBar).toBool();
    s->northArrow = store.value("view/northArrow", s->northArrow).toBool();

    bool okX = false, okY = false, okScale = false;
    geo::Viewport vp = s->viewport;
    vp.center.x = store.value("view/centerX").toDouble(&okX);
    vp.center.y = store.value("view/centerY").toDouble(&okY);
    vp.metresPerPixel = store.value("view/metresPerPixel").toDouble(&okScale);
    if (!okX || !okY || !okScale || !Navigator::valid(vp)) return false;
    s->viewport = vp;
    return true;
}

} // namespace isv
