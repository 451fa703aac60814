// Saved maps (app/render/map_document): the round trip, paths relative to the file, and bad files named.
#include "map_document.h"
#include "shipped.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

isv::MapDocument sample(const QString& layer) {
    isv::MapDocument d;
    d.crs = "EPSG:32655";
    isv::MapSettings& s = d.settings;
    s.viewport = geo::Viewport::fitting(shippedScene()->placeBounds("shikotan"), 812, 517);
    EXPECT_TRUE(isv::NameSet::parse("both", "native", &s.names));
    s.claims = {"japan", "russia"};
    s.hiddenLayers = {"graticule", "roads.geojson"};
    s.legend = false;
    s.northArrow = false;
    s.title = "Shikotan — 色丹島 / Шикотан";
    s.notes = {{146.75, 43.8, "Malokurilskoye"}, {146.6, 43.7, "a note, with \"quotes\""}};
    d.layers = {layer};
    d.lonLat = {146.5, 43.6, 147.0, 43.95};
    return d;
}

TEST(MapDocument, SavedAndOpenedGivesTheSameMap) {
    QTemporaryDir dir;
    ASSERT_TRUE(QDir().mkpath(dir.filePath("data")));
    const QString layer = writeTestFile(dir, "data/roads.geojson", "{}");
    const isv::MapDocument d = sample(layer);
    const QString path = dir.filePath("shikotan.isleview");
    ASSERT_FALSE(isv::saveMapDocument(d, path));
    const auto back = isv::loadMapDocument(path);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back.value(), d);
    // Notes compare by what is drawn; their text and order come back as written.
    ASSERT_EQ(back->settings.notes.size(), 2);
    EXPECT_EQ(back->settings.notes[1].text, "a note, with \"quotes\"");
    EXPECT_EQ(back->settings.viewport.center, d.settings.viewport.center);
}

TEST(MapDocument, TheFileIsReadableJsonWithAVersionAndRelativeLayers) {
    QTemporaryDir dir;
    ASSERT_TRUE(QDir().mkpath(dir.filePath("data")));
    const QString near = writeTestFile(dir, "data/roads.geojson", "{}");
    isv::MapDocument d = sample(near);
    d.layers << "/elsewhere/far/away.gpkg";
    const QString path = dir.filePath("maps/m.isleview");
    ASSERT_TRUE(QDir().mkpath(dir.filePath("maps")));
    ASSERT_FALSE(isv::saveMapDocument(d, path));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    EXPECT_TRUE(text.contains("\n    \"")) << "indented for people to read";
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    EXPECT_EQ(root["format"].toString(), "isleview-map");
    EXPECT_EQ(root["version"].toInt(), isv::kMapFileVersion);
    EXPECT_EQ(root["layers"].toArray()[0].toString(), "../data/roads.geojson");
    EXPECT_EQ(root["layers"].toArray()[1].toString(), "/elsewhere/far/away.gpkg");
    EXPECT_EQ(root["names"].toObject()["script"].toString(), "native");

    // The folder moves as a whole: the layer is found beside it.
    QTemporaryDir other;
    ASSERT_TRUE(QDir().mkpath(other.filePath("maps")) && QDir().mkpath(other.filePath("data")));
    ASSERT_TRUE(QFile::copy(path, other.filePath("maps/m.isleview")));
    const auto moved = isv::loadMapDocument(other.filePath("maps/m.isleview"));
    ASSERT_TRUE(moved) << moved.error().message;
    EXPECT_EQ(moved->layers[0], QDir::cleanPath(other.filePath("data/roads.geojson")));
}

TEST(MapDocument, BadFilesAreRefusedNamingTheFileAndTheProblem) {
    const QByteArray good = isv::mapDocumentJson(sample("/x/roads.geojson"), "/x/m.isleview");
    const auto with = [&](const QString& key, const QJsonValue& value) {
        QJsonObject root = QJsonDocument::fromJson(good).object();
        if (key.contains('.')) {
            QJsonObject inner = root[key.section('.', 0, 0)].toObject();
            inner[key.section('.', 1)] = value;
            root[key.section('.', 0, 0)] = inner;
        } else {
            root[key] = value;
        }
        return QJsonDocument(root).toJson();
    };
    const std::pair<QByteArray, QString> cases[] = {
        {"not json {", "not a map file"},
        {"[1, 2]", "a JSON object was expected"},
        {with("format", "something-else"), "\"format\" is not \"isleview-map\""},
        {with("version", 99), "version 99 is not one this Isleview reads"},
        {with("version", "1"), "version must be a whole number"},
        {with("crs", 5), "crs must be a text"},
        {with("view.center", QJsonArray{1}), "view.center must be 2 numbers"},
        {with("view.metres_per_pixel", -4), "view.metres_per_pixel must be from"},
        {with("view.size", QJsonArray{4, 4}), "view.size must be 16 to 20000 pixels a side"},
        {with("names.names", "klingon"), "names: 'klingon' / 'native' is not a name set"},
        {with("claims", QJsonArray{"japan", "atlantis"}), "claims: no claim overlay 'atlantis'"},
        {with("legend", "yes"), "legend must be true or false"},
        {with("notes", QJsonArray{QJsonObject{{"lon", 146.0}, {"lat", 95.0}, {"text", "x"}}}),
         "notes[0].lat must be from -90 to 90"},
        {with("notes", QJsonArray{QJsonObject{{"lon", 146.0}, {"lat", 43.0}, {"text", ""}}}),
         "notes[0].text must be a text that is not empty"},
        {with("layers", QJsonArray{3}), "layers[0] must be a text"},
    };
    for (const auto& [bytes, problem] : cases) {
        const auto read = isv::parseMapDocument(bytes, "/maps/bad.isleview");
        ASSERT_FALSE(read) << problem.toStdString();
        const QString message = QString::fromStdString(read.error().message);
        EXPECT_TRUE(message.startsWith("/maps/bad.isleview: ")) << message.toStdString();
        EXPECT_TRUE(message.contains(problem)) << message.toStdString() << " / " << problem.toStdString();
    }
    const auto missing = isv::loadMapDocument("/nonexistent/gone.isleview");
    ASSERT_FALSE(missing);
    EXPECT_TRUE(QString::fromStdString(missing.error().message).startsWith("/nonexistent/gone.isleview: "));
}

TEST(MapDocument, CommandLineChoicesWinOverTheDocument) {
    const isv::MapDocument d = sample("/x/roads.geojson");
    isv::MapSettings s;
    s.title = "from the command line";
    isv::applyMapDocument(d, &s, [](const QString& option) { return option == "--title"; });
    EXPECT_EQ(s.title, "from the command line");
    EXPECT_EQ(s.claims, d.settings.claims);
    EXPECT_EQ(s.names, d.settings.names);
    EXPECT_EQ(s.notes, d.settings.notes);
    EXPECT_FALSE(s.legend);
    EXPECT_EQ(s.hiddenLayers, d.settings.hiddenLayers);
}

TEST(MapDocument, ADocumentOfASceneKeepsItsViewAndAreaInDegrees) {
    const auto scene = shippedScene();
    isv::MapSettings s;
    s.viewport = geo::Viewport::fitting(scene->placeBounds("kunashiri"), 900, 600);
    s.notes = {{145.9, 44.1, "here"}};
    const isv::MapDocument d = isv::documentOf(*scene, s);
    EXPECT_EQ(d.crs.toStdString(), scene->crs());
    EXPECT_EQ(d.settings.viewport, s.viewport);
    EXPECT_EQ(d.settings.notes, s.notes);
    EXPECT_TRUE(d.layers.isEmpty());
    // Kunashiri lies around 145.4-146.7°E, 43.6-44.6°N.
    EXPECT_LT(d.lonLat.minx, 145.5);
    EXPECT_GT(d.lonLat.maxx, 146.6);
    EXPECT_LT(d.lonLat.miny, 43.7);
    EXPECT_GT(d.lonLat.maxy, 44.5);
    QSize size;
    EXPECT_EQ(isv::documentBox(d, *scene, &size, 192), s.viewport.mapBounds());
    EXPECT_EQ(size, QSize(1800, 1200));
}

} // namespace
