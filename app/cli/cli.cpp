#include "cli.h"

#include "cli_history.h"
#include "command_line.h"
#include "data_location.h"
#include "exporter.h"
#include "frame_plan.h"
#include "map_document.h"
#include "render_map.h"
#include "translations.h"

#include <geo/map_data.h>
#include <geo/projection.h>

#include "facts.h"
#include "find_command.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace isv {

namespace {

void err(const QString& text) {
    std::fprintf(stderr, "isleview: %s\n", text.toUtf8().constData());
}

int usage(const QString& problem) {
    err(problem);
    std::fputs(usageText().section('\n', 0, 5).toUtf8().constData(), stderr);
    std::fputs("Run `isleview --help` for all options.\n", stderr);
    return kExitUsage;
}

// Loads the data directory (from --data, the environment, or the share folder beside the program).
geo::Result<std::shared_ptr<const geo::MapData>> loadData(const QString& option) {
    const auto dir = findDataDir(option);
    if (!dir) return dir.error();
    auto data = geo::loadMapData(dir.value().toStdString());
    if (!data) return data.error();
    return std::make_shared<const geo::MapData>(std::move(data).value());
}

QJsonObject namesJson(const geo::Place& p) {
    const auto get = [&](const char* key) {
        const auto it = p.names.find(key);
        return it == p.names.end() ? QString() : QString::fromStdString(it->second);
    };
    QJsonObject ja{{"latin", get("ja_latin")}, {"native", get("ja_native")}, {"kana", get("ja_kana")}};
    QJsonObject ru{{"latin", get("ru_latin")}, {"native", get("ru_native")}};
    if (p.nameUncertain("ja")) ja["uncertain"] = true;
    if (p.nameUncertain("ru")) ru["uncertain"] = true;
    return {{"japanese", ja}, {"russian", ru}};
}

double roundTo(double v, int decimals) {
    const double k = std::pow(10.0, decimals);
    return std::round(v * k) / k;
}

bool parseNumbers(const QString& text, int count, std::vector<double>* out) {
    const QStringList parts = text.split(',');
    if (parts.size() != count) return false;
    out->clear();
    for (const auto& p : parts) {
        bool ok = false;
        out->push_back(p.trimmed().toDouble(&ok));
        if (!ok || !std::isfinite(out->back())) return false;
    }
    return true;
}

// The lon/lat box around a projected view, half as big again on every side; empty (no limit) when part
// of it cannot be unprojected or it takes in most of the globe.
geo::Box lonLatWindow(const Scene& scene, const geo::Box& view) {
    const double mx = view.width() / 2, my = view.height() / 2;
    const geo::Box grown{view.minx - mx, view.miny - my, view.maxx + mx, view.maxy + my};
    geo::Box out;
    for (const geo::Point p : geo::boxEdgePoints(grown, 32)) {
        const geo::Point ll = scene.unproject(p);
        if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) return {};
        out.expand(ll);
    }
    // A view round a pole or across the antimeridian has no simple lon/lat box.
    if (out.width() > 180 || out.maxy > 85 || out.miny < -85) return {};
    return out;
}

constexpr int kMinSide = 16, kMaxSide = 20000; // pixels

bool sideInRange(int px) {
    return px >= kMinSide && px <= kMaxSide;
}

// The biggest image inside `most` (pixels) whose shape is the projected area's, so that the area fills
// it exactly: one side keeps its length, the other follows the shape.
geo::Result<QSize> sizeForArea(const geo::Box& area, QSize most) {
    const double aspect = area.width() / area.height();
    if (!(aspect > 0) || !std::isfinite(aspect))
        return geo::Error{"the requested area has no shape to follow"};
    QSize out = most;
    if (most.width() / aspect <= most.height())
        out.setHeight(static_cast<int>(std::lround(most.width() / aspect)));
    else
        out.setWidth(static_cast<int>(std::lround(most.height() * aspect)));
    if (!sideInRange(out.width()) || !sideInRange(out.height()))
        return geo::Error{
            QString("the area's shape (%1:1) needs an image of %2x%3 pixels; sides must be %4 to "
                    "%5 pixels: choose another --size or leave out --exact-extent")
                .arg(aspect, 0, 'g', 4)
                .arg(out.width())
                .arg(out.height())
                .arg(kMinSide)
                .arg(kMaxSide)
                .toStdString()};
    return out;
}

} // namespace

namespace {
// The options of each subcommand, one row each; the help text is made from these rows.
const QList<OptionSpec>& infoOptions() {
    static const QList<OptionSpec> table{
        {{"json"}, "", "print the report as JSON"},
        {{"date"},
         "YYYY[-MM-DD]",
         "also report who administered and who claimed each island group that day,\n"
         "and the events up to then (from 1855-02-07; a year alone: its last day)"},
        {{"data"}, "DIR", "read the data from DIR instead of the shipped data"},
    };
    return table;
}

const QList<OptionSpec>& exportOptions() {
    static const QList<OptionSpec> table{
        {{"size"},
         "WxH",
         "image size in pixels (default 1920x1080); --size W: W wide, as high as\n"
         "the area's shape makes it (as --exact-extent)"},
        {{"dpi"}, "N", "pixel density; text and lines scale with it (default 96)"},
        {{"names"}, "japanese|russian|both", "place-name set (default japanese)"},
        {{"script"}, "latin|native|both", "script (default latin)"},
        {{"claims"}, "none|japanese|russian|both", "claim overlays (default none: the de facto view)"},
        {{"extent"},
         "W,S,E,N",
         "area in degrees (-180 <= W < E <= 180, -90 <= S < N <= 90). The image\n"
         "keeps its --size, so an area of another shape is widened (or heightened)\n"
         "to fill it, and the attribution line says what is shown"},
        {{"exact-extent"},
         "",
         "make the image's shape the area's instead: the largest image inside\n"
         "--size that the area (--extent, --focus or the islands) fills exactly"},
        {{"focus"},
         "PLACE",
         "area of a place, by any of its names as `isleview find` takes them\n"
         "(e.g. habomai, Shikotan, Итуруп, 択捉, えとろふ)"},
        {{"title"}, "TEXT", "title drawn on the map"},
        {{"date"},
         "YYYY[-MM-DD]",
         "the administration and border lines of that day (from 1855-02-07; a\n"
         "year alone: its last day); the legend names the day"},
        {{"note"}, "LON,LAT,TEXT", "a callout with a leader line to that point (repeatable)"},
        {{"add"}, "FILE", "draw any vector file GDAL reads over the base map (repeatable)"},
        {{"legend"}, "", "draw the legend (the default)"},
        {{"no-legend"}, "", "leave the legend out"},
        {{"world-file"}, "", "also write a world file beside a PNG or JPEG"},
        {{"map"}, "FILE", "render a map saved from the window (.isleview); options given beside\nit win"},
        {{"compare"},
         "",
         "the map as Japan draws it beside the map as Russia draws it, each\n"
         "half in its side's names (--script, default latin) and claim; --names\n"
         "or --claims set both halves; --title is the shared title (not with\n"
         ".tif, --world-file, --exact-extent or --size W)"},
        {{"crs"}, "CRS", "display projection (default EPSG:32655, UTM 55N; world: EPSG:8857)"},
        {{"lang"},
         "en|ja|ru",
         "language of the map's own words: legend, scale bar, attribution\n"
         "(default en; place names follow --names)"},
        {{"data"}, "DIR", "read the data from DIR instead of the shipped data"},
    };
    return table;
}
} // namespace

QString usageText() {
    return "usage: isleview [--data DIR] [--lang en|ja|ru] [FILE...|MAP.isleview]\n"
           "       isleview info [--json] [--data DIR] [--date YYYY[-MM-DD]]\n"
           "       isleview export OUT.(png|jpg|svg|pdf|tif) [options]\n"
           "       isleview find TEXT [--json] [--limit N]      places by any name, best first\n"
           "       isleview measure LON,LAT LON,LAT [...] [--area] [--json] | --preset ID | --presets\n"
           "\n"
           "With no subcommand, opens the map window, and in it any FILEs GDAL reads (as File → Open does).\n"
           "Qt's own options (-platform, -style, -stylesheet ...) are passed to Qt.\n"
           "\n"
           "window options:\n" +
           optionsHelp(windowOptions()) + "\ninfo options:\n" + optionsHelp(infoOptions()) +
           "\nexport options:\n" + optionsHelp(exportOptions()) +
           "\n"
           "  --help, --version     this text; the program's version\n"
           "\n"
           "Exit status: 0 success, 1 failure (message on stderr), 2 usage error.\n";
}

namespace {
// --help and --version work after any subcommand; true when one of them was answered.
bool answered(const ParsedArgs& args, int* code) {
    if (args.help)
        std::fputs(usageText().toUtf8().constData(), stdout);
    else if (args.version)
        std::puts(versionText().toUtf8().constData());
    else
        return false;
    *code = kExitOk;
    return true;
}
} // namespace

int runInfo(const QStringList& argList, CliMode mode) {
    const ParsedArgs args = parseArgs(argList, infoOptions());
    if (!args.problem.isEmpty()) return usage(args.problem);
    if (int code = 0; answered(args, &code)) return code;
    if (!args.positional.isEmpty()) return usage("unexpected argument '" + args.positional.first() + "'");
    QDate day;
    if (args.has("date"))
        if (const auto bad = parseDateOption(args.value("date"), &day)) return usage(bad->message);
    if (mode == CliMode::CheckOnly) return kExitOk;
    auto loaded = loadData(args.value("data"));
    if (!loaded) {
        err(QString::fromStdString(loaded.error().message));
        return kExitFailure;
    }
    const geo::MapData& data = *loaded.value();

    QJsonArray layers;
    for (const geo::Layer* l : {&data.coast, &data.boundaries, &data.claims, &data.names})
        layers.append(QJsonObject{{"name", QString::fromStdString(l->name)},
                                  {"path", QFileInfo(QString::fromStdString(l->path)).absoluteFilePath()},
                                  {"features", static_cast<qint64>(l->size())},
                                  {"crs", QString::fromStdString(l->sourceCrs)}});
    QJsonArray islands;
    for (const auto& id : geo::disputedGroups()) {
        const geo::Place* p = data.place(id);
        const auto fig = data.figures.find(id);
        if (!p || fig == data.figures.end()) {
            err(QString::fromStdString(data.dataDir + ": island '" + id + "' has no names or no coastline"));
            return kExitFailure;
        }
        QJsonArray islets;
        for (const auto& isletId : fig->second.islets) {
            const geo::Place* ip = data.place(isletId);
            const auto ifig = data.figures.find(isletId);
            // An islet the coastline lacks (Kaigara) is listed all the same, with no area and "outlined":
            // false.
            const bool outlined = ifig != data.figures.end();
            islets.append(QJsonObject{{"id", QString::fromStdString(isletId)},
                                      {"names", ip ? namesJson(*ip) : QJsonObject()},
                                      {"area_km2", outlined ? QJsonValue(roundTo(ifig->second.areaKm2, 3))
                                                            : QJsonValue(QJsonValue::Null)},
                                      {"outlined", outlined}});
        }
        islands.append(QJsonObject{{"id", QString::fromStdString(id)},
                                   {"names", namesJson(*p)},
                                   {"area_km2", roundTo(fig->second.areaKm2, 2)},
                                   {"islets", islets},
                                   {"islet_polygons", fig->second.isletPolygons}});
    }
    QJsonObject root{
        {"data_dir", QString::fromStdString(data.dataDir)}, {"layers", layers}, {"islands", islands}};
    std::set<std::string> known;
    for (const auto& p : data.places)
        known.insert(p.id);
    // The facts are an extra: a data folder without them still gets its report (exit 0, with a warning);
    // one with a broken facts file gets it too, but fails (exit 1) so that scripts notice.
    const QString factsPath = defaultFactsPath(QString::fromStdString(data.dataDir));
    const bool factsThere = QFileInfo::exists(factsPath);
    auto facts = loadFacts(factsPath, known);
    if (facts)
        root["facts"] = factsToJson(facts.value());
    else {
        err((factsThere ? "" : "warning: ") + QString::fromStdString(facts.error().message));
        root["facts_error"] = QString::fromStdString(facts.error().message);
    }
    const int code = facts || !factsThere ? kExitOk : kExitFailure;
    if (day.isValid()) {
        const auto history = historyFor(QString::fromStdString(data.dataDir), day);
        if (const auto* bad = std::get_if<DateProblem>(&history))
            return bad->usage ? usage(bad->message) : (err(bad->message), kExitFailure);
        root["history"] = historyToJson(std::get<History>(history), day).value();
    }

    QTextStream out(stdout);
    if (args.has("json")) {
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return code;
    }
    out << "Data directory: " << root["data_dir"].toString() << "\n\nLayers:\n";
    for (const auto& v : layers) {
        const QJsonObject l = v.toObject();
        out << QString("  %1  %2 features  %3  %4\n")
                   .arg(l["name"].toString(), -12)
                   .arg(l["features"].toInt(), 5)
                   .arg(l["crs"].toString(), -10)
                   .arg(l["path"].toString());
    }
    out << "\nIslands (area: geodesic, WGS84, computed from the coastline):\n";
    for (const auto& v : islands) {
        const QJsonObject i = v.toObject();
        const QJsonObject ja = i["names"].toObject()["japanese"].toObject();
        const QJsonObject ru = i["names"].toObject()["russian"].toObject();
        out << QString("  %1 %2 / %3 %4  %5 km²  (%6 islets in the coastline, %7 named)\n")
                   .arg(ja["latin"].toString(), ja["native"].toString(), ru["latin"].toString(),
                        ru["native"].toString())
                   .arg(i["area_km2"].toDouble(), 0, 'f', 2)
                   .arg(i["islet_polygons"].toInt())
                   .arg(i["islets"].toArray().size());
    }
    if (root.contains("facts")) out << "\nFacts from the article: " << root["facts"].toArray().size() << "\n";
    if (root.contains("history")) out << historyText(root["history"].toObject());
    return code;
}

int runExport(const QStringList& argList, CliMode mode) {
    const ParsedArgs args = parseArgs(argList, exportOptions());
    if (!args.problem.isEmpty()) return usage(args.problem);
    if (int code = 0; answered(args, &code)) return code;
    if (args.positional.size() != 1)
        return usage(args.positional.isEmpty() ? "export needs an output file" : "too many files");
    const QString lang = args.value("lang", "en");
    if (!interfaceLanguages().contains(lang))
        return usage("--lang must be " + interfaceLanguages().join(", "));
    ExportOptions o;
    o.path = args.positional.first();
    if (formatForPath(o.path).isEmpty()) { // a well-formed request for something we cannot write: exit 1
        err(o.path + ": unknown image format (use .png, .jpg, .jpeg, .svg, .pdf, .tif or .tiff)");
        return kExitFailure;
    }
    const QString format = formatForPath(o.path);
    if (args.has("world-file") && format != "png" && format != "jpeg")
        return usage("--world-file goes with .png or .jpg (a GeoTIFF carries its own georeference)");

    const bool compare = args.has("compare");
    if (compare && (format == "tiff" || args.has("world-file")))
        return usage("--compare draws two maps side by side, not one georeferenced raster: write .png, "
                     ".jpg, .svg or .pdf, without --world-file");
    if (compare &&
        (args.has("exact-extent") || !args.value("size").isEmpty() && !args.value("size").contains('x')))
        return usage("--compare takes --size WxH (the whole image), not --exact-extent or --size W");

    // --size W (a width alone) asks for the area's own shape, as --exact-extent does.
    const QStringList sizeWords = args.value("size", "1920x1080").split('x');
    bool okW = false, okH = sizeWords.size() == 1;
    QSize size;
    if (sizeWords.size() <= 2)
        size = QSize(sizeWords[0].toInt(&okW), okH ? kMaxSide : sizeWords[1].toInt(&okH));
    if (!okW || !okH || !sideInRange(size.width()) || !sideInRange(size.height()))
        return usage("--size must be WxH or W, 16 to 20000 pixels a side");
    const bool widthOnly = sizeWords.size() == 1;
    const bool exactArea = args.has("exact-extent") || widthOnly;
    bool okDpi = false;
    const int dpi = args.value("dpi", "96").toInt(&okDpi);
    if (!okDpi || dpi < 24 || dpi > 1200) return usage("--dpi must be a number from 24 to 1200");
    MapSettings& s = o.settings;
    const NameWords& words = NameWords::shipped();
    if (!NameSet::parse(args.value("names", "japanese"), args.value("script", "latin"), &s.names))
        return usage("--names must be " + NameWords::wordList(words.nameChoices) + "; --script " +
                     NameWords::wordList(words.scriptChoices));
    // --claims takes the --names words: the claims of the sides whose names they are.
    const QString claims = args.value("claims", "none");
    if (claims == "none")
        s.claims.clear();
    else if (!words.claimantsFor(claims, &s.claims))
        return usage("--claims must be none, " + NameWords::wordList(words.nameChoices));
    for (const auto& [name, value] : args.given) // the last of --legend / --no-legend wins
        if (name == "legend" || name == "no-legend") s.legend = name == "legend";
    s.title = args.value("title");
    o.worldFile = args.has("world-file");
    for (const auto& note : args.values("note")) {
        const QStringList parts = note.split(',');
        bool okLon = false, okLat = false;
        if (parts.size() >= 3) {
            const double lon = parts[0].toDouble(&okLon), lat = parts[1].toDouble(&okLat);
            if (okLon && okLat && std::abs(lat) <= 90 && std::abs(lon) <= 180) {
                s.notes.push_back({lon, lat, parts.mid(2).join(',')});
                continue;
            }
        }
        return usage("--note must be LON,LAT,TEXT (degrees)");
    }
    std::vector<double> extent;
    if (args.has("extent")) {
        if (!parseNumbers(args.value("extent"), 4, &extent) || extent[0] >= extent[2] ||
            extent[1] >= extent[3] || extent[1] < -90 || extent[3] > 90 || extent[0] < -180 ||
            extent[2] > 180)
            return usage("--extent must be W,S,E,N in degrees with W < E and S < N");
        if (args.has("focus")) return usage("use --extent or --focus, not both");
    }
    QDate day;
    if (args.has("date")) {
        if (const auto bad = parseDateOption(args.value("date"), &day)) return usage(bad->message);
        if (!s.claims.isEmpty()) return usage("--date draws the administration of a day; leave out --claims");
    }
    if (mode == CliMode::CheckOnly) return kExitOk;
    // The map's own words (legend, scale bar, attribution) in the language asked for; names follow --names.
    useLanguage(lang);

    // A saved map (--map) gives every choice not on the command line, its view and its added layers.
    std::optional<MapDocument> doc;
    if (args.has("map")) {
        auto read = loadMapDocument(args.value("map"));
        if (!read) return err(QString::fromStdString(read.error().message)), kExitFailure;
        doc = read.value();
        applyMapDocument(*doc, &s, [&](const QString& option) { return args.has(option.mid(2)); });
    }
    auto loaded = loadData(args.value("data"));
    if (!loaded) {
        err(QString::fromStdString(loaded.error().message));
        return kExitFailure;
    }
    if (day.isValid()) {
        const auto history = historyFor(QString::fromStdString(loaded.value()->dataDir), day);
        if (const auto* bad = std::get_if<DateProblem>(&history))
            return bad->usage ? usage(bad->message) : (err(bad->message), kExitFailure);
        s.dated = std::get<History>(history).mapOn(day, datedMapHeading(day));
    }
    auto built =
        Scene::build(loaded.value(), args.value("crs", doc ? doc->crs : geo::kDisplayCrs).toStdString());
    if (!built) {
        err(QString::fromStdString(built.error().message));
        return kExitFailure;
    }
    std::shared_ptr<const Scene> scene = built.value();
    const Scene& base = *scene;

    geo::Box box = base.homeBounds();
    if (doc) box = documentBox(*doc, base, args.has("size") ? nullptr : &size, dpi);
    if (!extent.empty()) box = base.projectBox(geo::Box{extent[0], extent[1], extent[2], extent[3]});
    if (args.has("focus")) {
        const auto id = lookUpPlace(base.data(), args.value("focus"));
        box = id ? focusBox(base, QString::fromStdString(id.value())) : geo::Box{};
        if (box.empty()) {
            err("--focus " + args.value("focus") + ": " +
                QString::fromStdString(id ? "no outline or point to show" : id.error().message));
            return kExitFailure;
        }
    }
    if (box.empty()) {
        err("the requested area is outside what the projection can show");
        return kExitFailure;
    }
    if (exactArea) {
        // A width alone leaves the height to the shape (checked against the limits there).
        const auto shaped = sizeForArea(box, widthOnly ? QSize(size.width(), 1 << 30) : size);
        if (!shaped) {
            err(QString::fromStdString(shaped.error().message));
            return kExitFailure;
        }
        size = shaped.value();
    }
    if (!extent.empty()) s.requestedArea = box; // the footer says what is shown when the image widens it
    s.fitOutput(box, size, dpi);
    if (compare) { // each half its side's names and claim, unless --names or --claims say otherwise
        o.compare = comparePair(s, args.value("script", "latin"), args.value("title", defaultCompareTitle()));
        for (MapSettings& half : o.compare->halves) {
            if (args.has("names")) half.names = s.names;
            if (args.has("claims")) half.claims = s.claims, half.title = sideCaption(base.style(), s.claims);
        }
        fitPair(base.style(), *o.compare, box, size, dpi);
        s.title = o.compare->title; // the file's title
    }
    // Added files are read only where the image shows them (with a margin), projected as they are read,
    // and kept only at the detail the image draws, so that a world file costs what the view holds, and
    // is never held twice.
    const geo::Box window = lonLatWindow(base, s.viewport.mapBounds());
    for (const auto& file : (doc ? doc->layers : QStringList()) + args.values("add")) {
        auto next = scene->withFile(file.toStdString(), {.within = window, .minLevel = exportLevel(o)});
        if (!next) {
            err(QString::fromStdString(next.error().message));
            return kExitFailure;
        }
        // What the file's load report says was left out (bad records, layers, undecoded text): a warning,
        // as the map is still drawn from the rest.
        for (std::size_t i = scene->layers().size(); i < next.value()->layers().size(); ++i)
            for (const QString& note : next.value()->layers()[i]->notes)
                err("warning: " + note);
        scene = next.value();
    }
    const Scene& sc = *scene;
    // What the frame leaves out to bound its work (a file of pathological outlines): said, not silent.
    for (const QString& note : drawingNotes(sc, s))
        err("warning: " + note);
    s.attributionDate = attributionDateToday();
    auto report = exportMap(sc, o);
    if (!report) {
        err(QString::fromStdString(report.error().message));
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace isv
