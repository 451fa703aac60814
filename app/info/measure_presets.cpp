#include "measure_presets.h"

#include <name_set.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace isv {

QString defaultPresetsPath(const QString& dataDir) {
    return QDir::cleanPath(dataDir + QStringLiteral("/../facts/measure_presets.json"));
}

geo::Result<std::vector<MeasurePreset>> loadMeasurePresets(const QString& path,
                                                           const std::set<std::string>& places) {
    const auto fail = [&](const QString& what) { return geo::Error{(path + ": " + what).toStdString()}; };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return fail(QStringLiteral("cannot be read"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1 << 20), &parseError);
    if (parseError.error != QJsonParseError::NoError) return fail(parseError.errorString());
    if (!doc.object().value("presets").isArray()) return fail(QStringLiteral("no 'presets' list"));
    std::vector<MeasurePreset> out;
    std::set<QString> ids;
    for (const QJsonValue& v : doc.object().value("presets").toArray()) {
        const QJsonObject o = v.toObject();
        MeasurePreset p;
        p.id = o.value("id").toString();
        const QString where = QStringLiteral("preset '%1': ").arg(p.id);
        if (p.id.isEmpty() || !ids.insert(p.id).second) return fail(where + "empty or repeated id");
        p.from = o.value("from").toString();
        p.to = o.value("to").toString();
        if (const QJsonArray pair = o.value("closest").toArray(); pair.size() == 2) {
            p.closest = true;
            p.from = pair[0].toString();
            p.to = pair[1].toString();
        }
        p.strait = o.value("strait").toString();
        if (p.from.isEmpty() || p.to.isEmpty())
            return fail(where + "needs 'from' and 'to', or 'closest' with two place ids");
        for (const QString& id : {p.from, p.to, p.strait})
            if (!id.isEmpty() && !places.contains(id.toStdString()))
                return fail(where + QStringLiteral("'%1' is not in the names table").arg(id));
        if (const QJsonObject published = o.value("published").toObject(); !published.isEmpty()) {
            const double km = published.value("km").toDouble(-1);
            if (!(km > 0)) return fail(where + "published.km must be a positive number");
            p.publishedKm = km;
            p.publishedText = published.value("text").toString();
            p.sources = published.value("sources").toString();
        }
        out.push_back(std::move(p));
    }
    return out;
}

geo::Result<std::vector<MeasurePreset>> loadMeasurePresets(const geo::MapData& data) {
    std::set<std::string> ids;
    for (const geo::Place& p : data.places)
        ids.insert(p.id);
    return loadMeasurePresets(defaultPresetsPath(QString::fromStdString(data.dataDir)), ids);
}

geo::Geometry coastOf(const geo::MapData& data, const std::string& id) {
    geo::Geometry g{.type = geo::GeometryType::Polygon};
    const geo::Layer& coast = data.coast;
    for (std::size_t i = 0; i < coast.features.size(); ++i)
        if (coast.value(i, "level") == "1" && (coast.value(i, "id") == id || coast.value(i, "group") == id))
            for (const geo::Polygon& poly : coast.features[i].geometry.polygons)
                g.polygons.push_back({{poly.rings.front()}}); // outer rings: lakes are not sea
    return g;
}

geo::Result<MeasuredPreset> measurePreset(const MeasurePreset& preset, const geo::MapData& data) {
    MeasuredPreset out{preset, {}, {}};
    const std::string from = preset.from.toStdString(), to = preset.to.toStdString();
    if (preset.closest) {
        const geo::ClosestPair pair = geo::closestApproach(coastOf(data, from), coastOf(data, to));
        if (!std::isfinite(pair.metres))
            return geo::Error{"preset '" + preset.id.toStdString() + "': no coastline for " + from + " or " +
                              to};
        out.points = {pair.a, pair.b};
    } else {
        const geo::Place* a = data.place(from);
        const geo::Place* b = data.place(to);
        if (!a || !b)
            return geo::Error{"preset '" + preset.id.toStdString() + "': a place is not in the table"};
        out.points = {a->lonlat, b->lonlat};
    }
    out.measure = geo::measurePath(out.points, false);
    return out;
}

QString presetTitle(const MeasurePreset& preset, const geo::MapData& data, const NameSet& names) {
    const auto name = [&](const QString& id) {
        const geo::Place* p = data.place(id.toStdString());
        return p ? names.label(*p) : id;
    };
    if (!preset.closest) return name(preset.from) + QStringLiteral(" → ") + name(preset.to);
    const QString pair = QCoreApplication::translate("MeasurePresets", "%1 ↔ %2, narrowest")
                             .arg(name(preset.from), name(preset.to));
    return preset.strait.isEmpty() ? pair : name(preset.strait) + QStringLiteral(": ") + pair;
}

} // namespace isv
