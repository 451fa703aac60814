#include "map_document.h"

#include "scene.h"
#include "worldview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace isv {

namespace {

constexpr const char* kFormat = "isleview-map";

QJsonArray numbers(std::initializer_list<double> values) {
    QJsonArray out;
    for (double v : values)
        out.append(v);
    return out;
}

// Reads the document strictly: a file anyone may have edited, where a wrong type or an unknown word is
// reported by its place in the file rather than quietly replaced by a default.
struct Reader {
    QString path;
    QString problem;

    bool fail(const QString& what) {
        if (problem.isEmpty()) problem = what;
        return false;
    }
    bool number(const QJsonValue& v, const QString& where, double* out, double lo = -HUGE_VAL,
                double hi = HUGE_VAL) {
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            return fail(QStringLiteral("%1 must be a number").arg(where));
        if (v.toDouble() < lo || v.toDouble() > hi)
            return fail(QStringLiteral("%1 must be from %2 to %3").arg(where).arg(lo).arg(hi));
        *out = v.toDouble();
        return true;
    }
    bool numbers(const QJsonValue& v, const QString& where, int count, double* out) {
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != count)
            return fail(QStringLiteral("%1 must be %2 numbers").arg(where).arg(count));
        for (int i = 0; i < count; ++i)
            if (!number(a[i], QStringLiteral("%1[%2]").arg(where).arg(i), &out[i])) return false;
        return true;
    }
    bool text(const QJsonObject& o, const QString& key, QString* out, bool required = false) {
        if (!o.contains(key)) return required ? fail(QStringLiteral("%1 is missing").arg(key)) : true;
        if (!o[key].isString()) return fail(QStringLiteral("%1 must be a text").arg(key));
        *out = o[key].toString();
        return true;
    }
    bool flag(const QJsonObject& o, const QString& key, bool* out) {
        if (!o.contains(key)) return true;
        if (!o[key].isBool()) return fail(QStringLiteral("%1 must be true or false").arg(key));
        *out = o[key].toBool();
        return true;
    }
    bool texts(const QJsonObject& o, const QString& key, QStringList* out) {
        if (!o.contains(key)) return true;
        if (!o[key].isArray()) return fail(QStringLiteral("%1 must be a list of texts").arg(key));
        out->clear();
        const QJsonArray a = o[key].toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString()) return fail(QStringLiteral("%1[%2] must be a text").arg(key).arg(i));
            *out << a[i].toString();
        }
        return true;
    }
};

} // namespace

QByteArray mapDocumentJson(const MapDocument& d, const QString& documentPath) {
    const MapSettings& s = d.settings;
    const QDir here = QFileInfo(documentPath).absoluteDir();
    QJsonArray layers;
    for (const QString& file : d.layers) {
        // Relative where the file lies beside the map or below it (or one folder up), so that a folder of
        // map and data moves as one; absolute elsewhere.
        const QString relative = here.relativeFilePath(file);
        layers.append(relative.startsWith(QLatin1String("../../")) || QDir::isAbsolutePath(relative)
                          ? QDir::cleanPath(QFileInfo(file).absoluteFilePath())
                          : relative);
    }
    QJsonArray notes;
    for (const Note& n : s.notes)
        notes.append(QJsonObject{{"lon", n.lon}, {"lat", n.lat}, {"text", n.text}});
    QStringList hidden(s.hiddenLayers.begin(), s.hiddenLayers.end());
    hidden.sort();
    const geo::Viewport& v = s.viewport;
    QJsonObject root{
        {"format", kFormat},
        {"version", kMapFileVersion},
        {"title", s.title},
        {"crs", d.crs},
        {"view", QJsonObject{{"center", numbers({v.center.x, v.center.y})},
                             {"metres_per_pixel", v.metresPerPixel},
                             {"size", numbers({v.widthPx, v.heightPx})}}},
        {"names", QJsonObject{{"names", s.names.namesWord()}, {"script", s.names.scriptWord()}}},
        {"claims", QJsonArray::fromStringList(s.claims)},
        {"hidden_layers", QJsonArray::fromStringList(hidden)},
        {"legend", s.legend},
        {"scale_bar", s.scaleBar},
        {"north_arrow", s.northArrow},
        {"notes", notes},
        {"layers", layers},
    };
    if (!d.lonLat.empty()) {
        QJsonObject view = root["view"].toObject();
        view["lonlat_extent"] = numbers({d.lonLat.minx, d.lonLat.miny, d.lonLat.maxx, d.lonLat.maxy});
        root["view"] = view;
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

geo::Result<MapDocument> parseMapDocument(const QByteArray& json, const QString& documentPath) {
    const auto error = [&](const QString& what) {
        return geo::Error{(documentPath + ": " + what).toStdString()};
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(QStringLiteral("not a map file: %1 at byte %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset));
    if (!doc.isObject()) return error(QStringLiteral("not a map file: a JSON object was expected"));
    const QJsonObject root = doc.object();
    if (root["format"].toString() != QLatin1String(kFormat))
        return error(QStringLiteral("not a map file: \"format\" is not \"%1\"").arg(kFormat));
    if (!root["version"].isDouble() || root["version"].toDouble() != std::floor(root["version"].toDouble()))
        return error(QStringLiteral("version must be a whole number"));
    if (const int version = root["version"].toInt(); version < 1 || version > kMapFileVersion)
        return error(QStringLiteral("version %1 is not one this Isleview reads (1 to %2); a newer Isleview "
                                    "wrote it")
                         .arg(version)
                         .arg(kMapFileVersion));

    MapDocument d;
    MapSettings& s = d.settings;
    Reader r{documentPath, {}};
    r.text(root, "title", &s.title);
    r.text(root, "crs", &d.crs, true);
    if (r.problem.isEmpty() && d.crs.trimmed().isEmpty()) r.fail("crs is empty");

    const QJsonObject view = root["view"].toObject();
    if (!root["view"].isObject()) r.fail("view is missing");
    double centre[2] = {}, size[2] = {}, extent[4] = {};
    if (r.numbers(view["center"], "view.center", 2, centre)) s.viewport.center = {centre[0], centre[1]};
    r.number(view["metres_per_pixel"], "view.metres_per_pixel", &s.viewport.metresPerPixel, 1e-3, 1e8);
    if (r.numbers(view["size"], "view.size", 2, size)) {
        if (size[0] < 16 || size[1] < 16 || size[0] > 20000 || size[1] > 20000)
            r.fail("view.size must be 16 to 20000 pixels a side");
        s.viewport.widthPx = size[0], s.viewport.heightPx = size[1];
    }
    if (view.contains("lonlat_extent") && r.numbers(view["lonlat_extent"], "view.lonlat_extent", 4, extent))
        d.lonLat = {extent[0], extent[1], extent[2], extent[3]};

    const QJsonObject names = root["names"].toObject();
    QString namesWord = s.names.namesWord(), scriptWord = s.names.scriptWord();
    if (root.contains("names") && !root["names"].isObject()) r.fail("names must be an object");
    if (r.text(names, "names", &namesWord) && r.text(names, "script", &scriptWord) &&
        !NameSet::parse(namesWord, scriptWord, &s.names))
        r.fail(QStringLiteral("names: '%1' / '%2' is not a name set (names: %3; script: %4)")
                   .arg(namesWord, scriptWord, NameWords::wordList(NameWords::shipped().nameChoices),
                        NameWords::wordList(NameWords::shipped().scriptChoices)));

    if (r.texts(root, "claims", &s.claims))
        for (const QString& c : s.claims)
            if (!Worldviews::shipped().claim(c))
                r.fail(QStringLiteral("claims: no claim overlay '%1'").arg(c));
    // Kept in the worldview's order, as the window keeps them, so the same choice gives the same legend.
    QStringList ordered;
    for (const ClaimStyle& c : Worldviews::shipped().claims)
        if (s.claims.contains(c.claimant)) ordered << c.claimant;
    s.claims = ordered;

    QStringList hidden;
    if (r.texts(root, "hidden_layers", &hidden)) s.hiddenLayers = QSet<QString>(hidden.begin(), hidden.end());
    r.flag(root, "legend", &s.legend);
    r.flag(root, "scale_bar", &s.scaleBar);
    r.flag(root, "north_arrow", &s.northArrow);

    if (root.contains("notes") && !root["notes"].isArray()) r.fail("notes must be a list");
    const QJsonArray notes = root["notes"].toArray();
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const QString where = QStringLiteral("notes[%1]").arg(i);
        const QJsonObject n = notes[i].toObject();
        Note note;
        if (!notes[i].isObject()) r.fail(where + " must be an object");
        r.number(n["lon"], where + ".lon", &note.lon, -180, 180);
        r.number(n["lat"], where + ".lat", &note.lat, -90, 90);
        if (!n["text"].isString() || n["text"].toString().trimmed().isEmpty())
            r.fail(where + ".text must be a text that is not empty");
        note.text = n["text"].toString();
        s.notes << note;
    }

    QStringList layers;
    r.texts(root, "layers", &layers);
    const QDir here = QFileInfo(documentPath).absoluteDir();
    for (const QString& layer : layers)
        d.layers << QDir::cleanPath(here.absoluteFilePath(layer));

    if (!r.problem.isEmpty()) return error(r.problem);
    return d;
}

geo::Result<MapDocument> loadMapDocument(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return geo::Error{(path + ": " + file.errorString()).toStdString()};
    // A map file is a few kilobytes; anything much bigger is not one (and is not read whole).
    if (file.size() > (qint64(4) << 20)) return geo::Error{(path + ": too big for a map file").toStdString()};
    return parseMapDocument(file.readAll(), path);
}

std::optional<geo::Error> saveMapDocument(const MapDocument& document, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(mapDocumentJson(document, path)) < 0 || !file.commit())
        return geo::Error{(path + ": " + file.errorString()).toStdString()};
    return std::nullopt;
}

geo::Box documentBox(const MapDocument& d, const Scene& scene, QSize* size, int dpi) {
    const geo::Viewport& v = d.settings.viewport;
    if (size)
        *size = QSize(static_cast<int>(std::lround(v.widthPx * dpi / 96.0)),
                      static_cast<int>(std::lround(v.heightPx * dpi / 96.0)));
    if (scene.crs() == d.crs.toStdString()) return v.mapBounds();
    return d.lonLat.empty() ? scene.homeBounds() : scene.projectBox(d.lonLat);
}

MapDocument documentOf(const Scene& scene, const MapSettings& s) {
    MapDocument d;
    d.crs = QString::fromStdString(scene.crs());
    d.settings.viewport = s.viewport;
    d.settings.names = s.names;
    d.settings.claims = s.claims;
    d.settings.hiddenLayers = s.hiddenLayers;
    d.settings.legend = s.legend;
    d.settings.scaleBar = s.scaleBar;
    d.settings.northArrow = s.northArrow;
    d.settings.title = s.title;
    d.settings.notes = s.notes;
    // The view's corners and edge midpoints in degrees: enough for a person reading the file, and for a
    // view in another projection (documentBox).
    const geo::Box b = s.viewport.mapBounds();
    for (double fx : {0.0, 0.5, 1.0})
        for (double fy : {0.0, 0.5, 1.0}) {
            const geo::Point ll = scene.unproject({b.minx + fx * b.width(), b.miny + fy * b.height()});
            if (std::isfinite(ll.x) && std::isfinite(ll.y)) d.lonLat.expand(ll);
        }
    for (const auto& layer : scene.layers())
        if (layer->added && layer->source && !d.layers.contains(QString::fromStdString(layer->source->path)))
            d.layers << QString::fromStdString(layer->source->path);
    return d;
}

void applyMapDocument(const MapDocument& d, MapSettings* s,
                      const std::function<bool(const QString&)>& given) {
    const MapSettings& from = d.settings;
    if (!given("--names") && !given("--script")) s->names = from.names;
    if (!given("--claims")) s->claims = from.claims;
    if (!given("--title")) s->title = from.title;
    if (!given("--legend") && !given("--no-legend")) s->legend = from.legend;
    if (!given("--note")) s->notes = from.notes;
    s->hiddenLayers = from.hiddenLayers;
    s->scaleBar = from.scaleBar;
    s->northArrow = from.northArrow;
}

} // namespace isv
