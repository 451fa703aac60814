#include "find_command.h"

#include "cli.h"
#include "data_location.h"
#include "measure_presets.h"
#include "name_set.h"

#include <geo/geodesic.h>
#include <geo/place_search.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cmath>
#include <cstdio>
#include <map>

namespace isv {

namespace {

constexpr double kMetresPerNauticalMile = 1852.0;

void complain(const QString& text) {
    std::fprintf(stderr, "isleview: %s\n", text.toUtf8().constData());
}

// The options of find and measure: "--name value", "--name=value" or a flag; anything else is an
// argument, so that a negative longitude ("-0.5,51.5") is read as a point, not as an option.
struct Options {
    QStringList rest;
    std::map<QString, QString> values;
    QString problem;

    Options(const QStringList& args, const QStringList& withValue, const QStringList& flags) {
        for (int i = 0; i < args.size(); ++i) {
            const QString a = args[i];
            if (!a.startsWith("--")) {
                rest << a;
                continue;
            }
            const QString name = a.section('=', 0, 0);
            const bool inlineValue = a.contains('=');
            if (flags.contains(name) && !inlineValue)
                values[name] = {};
            else if (withValue.contains(name) && (inlineValue || i + 1 < args.size()))
                values[name] = inlineValue ? a.section('=', 1) : args[++i];
            else
                problem = withValue.contains(name) ? name + " needs a value" : "unknown option " + a;
        }
    }
    bool has(const QString& name) const { return values.contains(name); }
    QString value(const QString& name) const { return has(name) ? values.at(name) : QString(); }
};

int usageError(const QString& problem, const char* usage) {
    complain(problem);
    std::fprintf(stderr, "usage: %s\n", usage);
    return kExitUsage;
}

geo::Result<geo::MapData> loadFrom(const QString& dataOption) {
    const auto dir = findDataDir(dataOption);
    if (!dir) return dir.error();
    return geo::loadMapData(dir.value().toStdString());
}

QString name(const geo::Place& p, const char* key) {
    const auto it = p.names.find(key);
    return it == p.names.end() ? QString() : QString::fromStdString(it->second);
}

QString matchWord(geo::MatchKind kind) {
    switch (kind) {
    case geo::MatchKind::Exact:
        return "exact";
    case geo::MatchKind::Prefix:
        return "prefix";
    case geo::MatchKind::Substring:
        return "substring";
    case geo::MatchKind::Fuzzy:
        break;
    }
    return "fuzzy";
}

QString number(double v, int decimals) {
    return QLocale::c().toString(v, 'f', decimals);
}

QJsonObject matchJson(const geo::PlaceMatch& m) {
    const geo::Place& p = *m.place;
    return {{"id", QString::fromStdString(p.id)},
            {"kind", QString::fromStdString(p.kind)},
            {"names", QJsonObject{{"japanese", QJsonObject{{"latin", name(p, "ja_latin")},
                                                           {"native", name(p, "ja_native")},
                                                           {"kana", name(p, "ja_kana")}}},
                                  {"russian", QJsonObject{{"latin", name(p, "ru_latin")},
                                                          {"native", name(p, "ru_native")}}}}},
            {"lon", std::round(p.lonlat.x * 1e6) / 1e6},
            {"lat", std::round(p.lonlat.y * 1e6) / 1e6},
            {"match", matchWord(m.kind)},
            {"matched_name", QString::fromStdString(m.name)},
            {"matched_key", QString::fromStdString(m.key)},
            {"edits", m.distance}};
}

QString legText(const geo::GeodesicLeg& leg) {
    return QStringLiteral("%1 km (%2 nmi), initial bearing %3°")
        .arg(number(leg.metres / 1000, 3), number(leg.metres / kMetresPerNauticalMile, 3),
             number(leg.initialBearingDeg, 1));
}

QJsonObject measureJson(const geo::Path& points, const geo::PathMeasure& m, bool area) {
    QJsonArray pts, legs;
    for (const geo::Point& p : points)
        pts.append(QJsonArray{p.x, p.y});
    for (std::size_t i = 0; i < m.legs.size(); ++i)
        legs.append(QJsonObject{{"from", int(i)},
                                {"to", int(i + 1)},
                                {"km", m.legs[i].metres / 1000},
                                {"nmi", m.legs[i].metres / kMetresPerNauticalMile},
                                {"initial_bearing_deg", m.legs[i].initialBearingDeg},
                                {"final_bearing_deg", m.legs[i].finalBearingDeg}});
    QJsonObject o{{"points", pts},
                  {"legs", legs},
                  {"total_km", m.totalM / 1000},
                  {"total_nmi", m.totalM / kMetresPerNauticalMile},
                  {"ellipsoid", "WGS84"}};
    if (area) {
        o["area_km2"] = m.areaM2 / 1e6;
        o["perimeter_km"] = m.perimeterM / 1000;
    }
    return o;
}

void printMeasure(QTextStream& out, const geo::PathMeasure& m, bool area) {
    for (std::size_t i = 0; i < m.legs.size(); ++i)
        out << "Leg " << i + 1 << ": " << legText(m.legs[i]) << "\n";
    out << "Total: " << number(m.totalM / 1000, 3) << " km (" << number(m.totalM / kMetresPerNauticalMile, 3)
        << " nmi), geodesic on WGS84\n";
    if (area)
        out << "Area: " << number(m.areaM2 / 1e6, 3) << " km² (the path closed; perimeter "
            << number(m.perimeterM / 1000, 3) << " km)\n";
}

// The presets measured on the data; `only` limits them to one id.
geo::Result<std::vector<MeasuredPreset>> measuredPresets(const geo::MapData& data, const QString& only) {
    auto presets = loadMeasurePresets(data);
    if (!presets) return presets.error();
    std::vector<MeasuredPreset> out;
    QStringList ids;
    for (const MeasurePreset& p : presets.value()) {
        ids << p.id;
        if (!only.isEmpty() && p.id != only) continue;
        auto measured = measurePreset(p, data);
        if (!measured) return measured.error();
        out.push_back(std::move(measured).value());
    }
    if (!only.isEmpty() && out.empty())
        return geo::Error{("no preset '" + only + "'; the presets are " + ids.join(", ")).toStdString()};
    return out;
}

int runPresets(const geo::MapData& data, const QString& only, bool json) {
    auto presets = measuredPresets(data, only);
    if (!presets) {
        complain(QString::fromStdString(presets.error().message));
        return kExitFailure;
    }
    NameSet both;
    NameSet::parse("both", "latin", &both);
    QTextStream out(stdout);
    QJsonArray list;
    for (const MeasuredPreset& mp : presets.value()) {
        const MeasurePreset& p = mp.preset;
        const double km = mp.measure.totalM / 1000;
        QJsonObject o = measureJson(mp.points, mp.measure, false);
        o["id"] = p.id;
        o["title"] = presetTitle(p, data, both);
        o["method"] = p.closest ? "nearest points of the two coastlines" : "between the two places' points";
        o["published_km"] = p.publishedKm ? QJsonValue(*p.publishedKm) : QJsonValue();
        o["published_text"] = p.publishedText;
        o["sources"] = p.sources;
        list.append(o);
        if (json) continue;
        out << presetTitle(p, data, both) << "  [" << p.id << "]\n";
        out << "  From " << number(mp.points[0].x, 5) << ", " << number(mp.points[0].y, 5) << " to "
            << number(mp.points[1].x, 5) << ", " << number(mp.points[1].y, 5)
            << (p.closest ? " (the nearest points of the two coastlines)\n" : "\n");
        out << "  Computed:  " << legText(mp.measure.legs.front()) << "\n";
        if (p.publishedKm)
            out << "  Published: " << p.publishedText << " [" << p.sources << "]; computed "
                << (km >= *p.publishedKm ? "+" : "") << number(km - *p.publishedKm, 2) << " km\n";
        else
            out << "  Published: none in the sources this program's facts come from\n";
    }
    if (json)
        out << QJsonDocument(only.isEmpty() ? QJsonObject{{"presets", list}} : list.first().toObject())
                   .toJson(QJsonDocument::Indented);
    return kExitOk;
}

constexpr const char* kFindUsage = "isleview find TEXT [--json] [--limit N] [--data DIR]";
constexpr const char* kMeasureUsage =
    "isleview measure LON,LAT LON,LAT [...] [--area] [--json] [--data DIR]\n"
    "       isleview measure --preset ID [--json] | --presets [--json]";

} // namespace

geo::Result<std::string> lookUpPlace(const geo::MapData& data, const QString& text) {
    const auto found = geo::findPlaces(data.places, text.toStdString(), 1);
    if (!found.empty()) return found.front().place->id;
    QStringList closest;
    for (const geo::PlaceMatch& m : geo::closestPlaces(data.places, text.toStdString(), 3))
        closest << QStringLiteral("%1 (%2)").arg(QString::fromStdString(m.name),
                                                 QString::fromStdString(m.place->id));
    return geo::Error{
        ("no place is called '" + text + "'; the closest names are " + closest.join(", ")).toStdString()};
}

int runFind(const QStringList& args) {
    const Options o(args, {"--data", "--limit"}, {"--json"});
    if (!o.problem.isEmpty()) return usageError(o.problem, kFindUsage);
    if (o.rest.isEmpty()) return usageError("find needs a text to look for", kFindUsage);
    bool okLimit = true;
    const int limit = o.has("--limit") ? o.value("--limit").toInt(&okLimit) : 10;
    if (!okLimit || limit < 1 || limit > 1000) return usageError("--limit must be 1 to 1000", kFindUsage);
    auto data = loadFrom(o.value("--data"));
    if (!data) {
        complain(QString::fromStdString(data.error().message));
        return kExitFailure;
    }
    const QString query = o.rest.join(' ');
    const auto found = geo::findPlaces(data->places, query.toStdString(), static_cast<std::size_t>(limit));
    QTextStream out(stdout);
    if (o.has("--json")) {
        QJsonArray matches;
        for (const geo::PlaceMatch& m : found)
            matches.append(matchJson(m));
        out << QJsonDocument(QJsonObject{{"query", query}, {"matches", matches}})
                   .toJson(QJsonDocument::Indented);
    } else {
        for (const geo::PlaceMatch& m : found) {
            const geo::Place& p = *m.place;
            out << QString::fromStdString(p.id) << "  " << QString::fromStdString(p.kind) << "  "
                << name(p, "ja_latin") << " " << name(p, "ja_native") << " / " << name(p, "ru_latin") << " "
                << name(p, "ru_native") << "  " << number(p.lonlat.x, 4) << ", " << number(p.lonlat.y, 4)
                << "  (" << matchWord(m.kind) << ": " << QString::fromStdString(m.name) << ")\n";
        }
    }
    if (!found.empty()) return kExitOk;
    out.flush();
    complain(QString::fromStdString(lookUpPlace(data.value(), query).error().message));
    return kExitFailure;
}

int runMeasure(const QStringList& args) {
    const Options o(args, {"--data", "--preset"}, {"--json", "--area", "--presets"});
    if (!o.problem.isEmpty()) return usageError(o.problem, kMeasureUsage);
    const bool preset = o.has("--preset") || o.has("--presets");
    if (preset && !o.rest.isEmpty()) return usageError("give points or a preset, not both", kMeasureUsage);
    geo::Path points;
    for (const QString& a : o.rest) {
        const QStringList parts = a.split(',');
        bool okLon = false, okLat = false;
        const double lon = parts.size() == 2 ? parts[0].toDouble(&okLon) : 0;
        const double lat = parts.size() == 2 ? parts[1].toDouble(&okLat) : 0;
        if (!okLon || !okLat || std::abs(lon) > 180 || std::abs(lat) > 90)
            return usageError("'" + a + "' is not LON,LAT in degrees", kMeasureUsage);
        points.push_back({lon, lat});
    }
    if (!preset && points.size() < 2) return usageError("measure needs two points or more", kMeasureUsage);
    if (o.has("--area") && !preset && points.size() < 3)
        return usageError("--area needs three points or more", kMeasureUsage);
    if (preset) {
        auto data = loadFrom(o.value("--data"));
        if (!data) {
            complain(QString::fromStdString(data.error().message));
            return kExitFailure;
        }
        return runPresets(data.value(), o.value("--preset"), o.has("--json"));
    }
    const bool area = o.has("--area");
    const geo::PathMeasure m = geo::measurePath(points, area);
    QTextStream out(stdout);
    if (o.has("--json"))
        out << QJsonDocument(measureJson(points, m, area)).toJson(QJsonDocument::Indented);
    else
        printMeasure(out, m, area);
    return kExitOk;
}

} // namespace isv
