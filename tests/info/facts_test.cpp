// The shipped facts file: loads, validates against the shipped data, quotes the article verbatim, and
// holds every fact the issue asks for. Plus the loader's failure messages.
#include "facts.h"

#include "geo/map_data.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>
#include <random>

namespace {

const QString kFactsDir = QStringLiteral(ISLEVIEW_SOURCE_FACTS_DIR);
const QString kFactsFile = kFactsDir + QStringLiteral("/article.json");
const std::set<std::string> kGroups{"etorofu", "kunashiri", "shikotan", "habomai"};

QByteArray readAll(const QString& path) {
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

isv::FactSheet shippedFacts() {
    auto sheet = isv::loadFacts(kFactsFile, kGroups);
    EXPECT_TRUE(sheet.ok()) << (sheet.ok() ? "" : sheet.error().message);
    return sheet.ok() ? sheet.value() : isv::FactSheet{};
}

QString writeTemp(const QTemporaryDir& dir, const QByteArray& bytes) {
    const QString path = dir.filePath(QStringLiteral("facts.json"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

// The shipped JSON with one fact changed by `edit`.
QByteArray shippedWithEdit(const std::function<void(QJsonObject&)>& edit) {
    QJsonObject root = QJsonDocument::fromJson(readAll(kFactsFile)).object();
    QJsonArray facts = root[QStringLiteral("facts")].toArray();
    QJsonObject first = facts[0].toObject();
    edit(first);
    facts[0] = first;
    root[QStringLiteral("facts")] = facts;
    return QJsonDocument(root).toJson();
}

} // namespace

TEST(Facts, ShippedFileValidatesAgainstShippedData) {
    auto data = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
    ASSERT_TRUE(data.ok()) << data.error().message;
    std::set<std::string> known;
    for (const geo::Place& p : data->places)
        known.insert(p.id);
    auto sheet = isv::loadFacts(kFactsFile, known);
    ASSERT_TRUE(sheet.ok()) << sheet.error().message;
    EXPECT_GE(sheet->facts.size(), 12u);
    for (const isv::Fact& f : sheet->facts) {
        EXPECT_FALSE(f.source.isEmpty()) << f.id.toStdString();
        for (const QString& id : f.places)
            EXPECT_TRUE(known.contains(id.toStdString())) << id.toStdString();
    }
    for (const auto& [id, island] : sheet->islands)
        EXPECT_TRUE(known.contains(id.toStdString()));
}

TEST(Facts, EveryQuoteIsVerbatimInTheArticle) {
    const QString article = QString::fromUtf8(readAll(kFactsDir + QStringLiteral("/article.txt")));
    ASSERT_FALSE(article.isEmpty());
    for (const isv::Fact& f : shippedFacts().facts) {
        ASSERT_FALSE(f.quotes.isEmpty()) << f.id.toStdString();
        for (const QString& q : f.quotes)
            EXPECT_TRUE(article.contains(q)) << f.id.toStdString() << ": not in article: " << q.toStdString();
    }
}

TEST(Facts, RequiredFactsArePresent) {
    // Each line: words that must all occur in one fact (its text or its quotes).
    const std::vector<QStringList> required{
        {"Lavrov", "Kono", "Moscow"},
        {"significant differences"},
        {"four islands", "Soviet army"},
        {"sovereignty", "peace treaty"},
        {"25 times", "January"},
        {"1956", "two smaller", "Shikotan", "Habomai"},
        {"larger", "Etorofu", "Kunashiri"},
        {"20,000"},
        {"barracks", "December"},
        {"fiber-optic", "February"},
        {"defense ministers", "Tokyo"},
        {"Russian names are different"},
    };
    const isv::FactSheet sheet = shippedFacts();
    for (const QStringList& words : required) {
        const bool found = std::any_of(sheet.facts.begin(), sheet.facts.end(), [&](const isv::Fact& f) {
            const QString all = f.text + QLatin1Char(' ') + f.quotes.join(QLatin1Char(' '));
            return std::all_of(words.begin(), words.end(), [&](const QString& w) { return all.contains(w); });
        });
        EXPECT_TRUE(found) << "no fact with: " << words.join(", ").toStdString();
    }
    const isv::Fact* names = sheet.fact(QStringLiteral("russian_names"));
    ASSERT_TRUE(names);
    EXPECT_EQ(names->offerNames, "russian");
    // "The two larger isles are Etorofu and Kunashiri. The Russian names are different.": the two, not all
    // four groups (Shikotan is Shikotan in both languages).
    EXPECT_EQ(names->places, (QStringList{"etorofu", "kunashiri"}));
}

TEST(Facts, ArticleDateAndIslands) {
    const isv::FactSheet sheet = shippedFacts();
    EXPECT_EQ(sheet.article.date, "2019-05-10");
    EXPECT_FALSE(sheet.article.dateBasis.isEmpty());
    for (const std::string& id : geo::disputedGroups()) {
        const isv::IslandFacts* i = sheet.island(QString::fromStdString(id));
        ASSERT_TRUE(i) << id;
        EXPECT_GT(i->officialAreaKm2, 0);
        EXPECT_TRUE(i->adminJapan.text.startsWith("Japan: ")) << id;
        EXPECT_TRUE(i->adminRussia.text.startsWith("Russia: ")) << id;
        EXPECT_TRUE(i->positionJapan.text.startsWith("Japan's position: ")) << id;
        EXPECT_TRUE(i->positionRussia.text.startsWith("Russia's position: ")) << id;
        EXPECT_FALSE(i->population.empty()) << id;
        EXPECT_FALSE(i->declaration1956.text.isEmpty()) << id;
        EXPECT_TRUE(i->officialArea.text.contains("Japan's GSI")) << id;
        EXPECT_FALSE(i->russianArea.text.isEmpty()) << id;
        EXPECT_FALSE(i->russianArea.source.isEmpty()) << id;
    }
    EXPECT_DOUBLE_EQ(sheet.island("etorofu")->officialAreaKm2, 3166.64);
}

TEST(Facts, ShippedContextLeavesOutUnverifiedItems) {
    for (const isv::Fact& f : shippedFacts().facts)
        for (const isv::FactContext& c : f.context)
            EXPECT_NE(c.confidence, "?") << f.id.toStdString();
}

TEST(Facts, DefaultPathResolvesInSourceTreeAndInstall) {
    const QString path = isv::defaultFactsPath(QStringLiteral(ISLEVIEW_SOURCE_DATA_DIR));
    EXPECT_EQ(path, QDir::cleanPath(kFactsFile));
    EXPECT_TRUE(QFileInfo::exists(path));
    EXPECT_EQ(isv::defaultFactsPath("/usr/local/share/isleview/data"),
              "/usr/local/share/isleview/facts/article.json");
}

TEST(Facts, ToJsonHasTextSourcePlaces) {
    const isv::FactSheet sheet = shippedFacts();
    const QJsonArray json = isv::factsToJson(sheet);
    ASSERT_EQ(json.size(), qsizetype(sheet.facts.size()));
    for (const QJsonValue& v : json) {
        const QJsonObject o = v.toObject();
        EXPECT_FALSE(o["text"].toString().isEmpty());
        EXPECT_FALSE(o["source"].toString().isEmpty());
        EXPECT_FALSE(o["quote"].toString().isEmpty());
        EXPECT_TRUE(o["places"].isArray());
    }
}

TEST(Facts, MissingFileIsNamed) {
    auto sheet = isv::loadFacts("/nonexistent/facts/article.json", kGroups);
    ASSERT_FALSE(sheet.ok());
    EXPECT_NE(sheet.error().message.find("/nonexistent/facts/article.json"), std::string::npos);
}

TEST(Facts, BrokenJsonIsNamed) {
    QTemporaryDir dir;
    const QString path = writeTemp(dir, "{ \"facts\": [ { \"id\": ");
    auto sheet = isv::loadFacts(path, kGroups);
    ASSERT_FALSE(sheet.ok());
    EXPECT_NE(sheet.error().message.find(path.toStdString()), std::string::npos) << sheet.error().message;
}

TEST(Facts, UnknownPlaceIsRejected) {
    QTemporaryDir dir;
    const QString path = writeTemp(dir, shippedWithEdit([](QJsonObject& f) {
                                       f["places"] = QJsonArray{"shikotan", "atlantis"};
                                   }));
    auto sheet = isv::loadFacts(path, kGroups);
    ASSERT_FALSE(sheet.ok());
    const std::string& msg = sheet.error().message;
    EXPECT_NE(msg.find("atlantis"), std::string::npos) << msg;
    EXPECT_NE(msg.find("ministers_met"), std::string::npos) << msg;
    EXPECT_NE(msg.find(path.toStdString()), std::string::npos) << msg;
}

TEST(Facts, MissingQuoteOrSourceIsRejected) {
    QTemporaryDir dir;
    for (const char* key : {"quote", "source", "text"}) {
        const QString path = writeTemp(dir, shippedWithEdit([key](QJsonObject& f) { f.remove(key); }));
        auto sheet = isv::loadFacts(path, kGroups);
        ASSERT_FALSE(sheet.ok()) << key;
        EXPECT_NE(sheet.error().message.find(key), std::string::npos) << sheet.error().message;
        EXPECT_NE(sheet.error().message.find("ministers_met"), std::string::npos) << sheet.error().message;
    }
}

TEST(Facts, UnknownSourceIdIsRejected) {
    QTemporaryDir dir;
    const QString path = writeTemp(
        dir, shippedWithEdit([](QJsonObject& f) {
            f["context"] = QJsonArray{QJsonObject{{"text", "x"}, {"source", "S999"}, {"confidence", "✔"}}};
        }));
    auto sheet = isv::loadFacts(path, kGroups);
    ASSERT_FALSE(sheet.ok());
    EXPECT_NE(sheet.error().message.find("S999"), std::string::npos) << sheet.error().message;
}

namespace {

// The shipped JSON with its root changed by `edit`.
QByteArray shippedRootWithEdit(const std::function<void(QJsonObject&)>& edit) {
    QJsonObject root = QJsonDocument::fromJson(readAll(kFactsFile)).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

TEST(Facts, EveryKindOfBadFileIsAnErrorNamingTheFile) {
    const QByteArray good = readAll(kFactsFile);
    std::mt19937 gen(99);
    QByteArray random(good.size(), '\0');
    for (char& c : random)
        c = char(gen() & 0xff);
    const struct {
        const char* what;
        QByteArray bytes;
        const char* expected;
    } cases[] = {
        {"empty", "", "empty facts file"},
        {"only spaces", "  \n\t ", "empty facts file"},
        {"truncated", good.left(good.size() / 2), "invalid JSON at offset"},
        {"random bytes", random, "invalid JSON at offset"},
        {"an array", "[{\"id\": \"x\"}]", "top level is not an object"},
        {"an empty object", "{}", "missing or empty"},
        {"facts is an object", shippedRootWithEdit([](QJsonObject& r) { r["facts"] = QJsonObject{}; }),
         "facts: missing or empty list"},
        {"a fact is a text", shippedRootWithEdit([](QJsonObject& r) { r["facts"] = QJsonArray{"a fact"}; }),
         "fact #1: missing \"id\""},
        {"article missing", shippedRootWithEdit([](QJsonObject& r) { r.remove("article"); }),
         "article: missing or empty \"headline\""},
        {"sources not an object", shippedRootWithEdit([](QJsonObject& r) { r["sources"] = 3; }),
         "unknown source id"},
        {"an island's area is a text", shippedRootWithEdit([](QJsonObject& r) {
             QJsonObject islands = r["islands"].toObject();
             QJsonObject first = islands.begin()->toObject();
             QJsonObject area = first["official_area"].toObject();
             area["km2"] = "large";
             first["official_area"] = area;
             islands[islands.begin().key()] = first;
             r["islands"] = islands;
         }),
         "official_area.km2 must be a positive number"},
        {"a quote is a number", shippedWithEdit([](QJsonObject& f) { f["quote"] = 7; }),
         "missing or empty \"quote\""},
        {"a place is not known",
         shippedWithEdit([](QJsonObject& f) { f["places"] = QJsonArray{"atlantis"}; }),
         "unknown place id 'atlantis'"},
        {"duplicate fact", shippedRootWithEdit([](QJsonObject& r) {
             QJsonArray facts = r["facts"].toArray();
             facts.append(facts[0]);
             r["facts"] = facts;
         }),
         "duplicate id"},
        {"bad confidence mark", shippedWithEdit([](QJsonObject& f) {
             f["context"] = QJsonArray{QJsonObject{{"text", "x"}, {"source", "S1"}, {"confidence", "maybe"}}};
         }),
         "confidence must be"},
    };
    for (const auto& c : cases) {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, c.bytes);
        auto sheet = isv::loadFacts(path, kGroups);
        ASSERT_FALSE(sheet.ok()) << c.what;
        const std::string& m = sheet.error().message;
        EXPECT_EQ(m.rfind(path.toStdString() + ": ", 0), 0U) << c.what << ": " << m;
        EXPECT_NE(m.find(c.expected), std::string::npos) << c.what << ": " << m;
    }
}

TEST(Facts, AFolderOrAHugeFileIsNotReadAsFacts) {
    QTemporaryDir dir;
    const QString folder = dir.filePath("article.json");
    ASSERT_TRUE(QDir().mkpath(folder));
    auto sheet = isv::loadFacts(folder, kGroups);
    ASSERT_FALSE(sheet.ok());
    EXPECT_EQ(sheet.error().message, (folder + ": a folder where the facts file should be").toStdString());

    const QString big = dir.filePath("big.json");
    QFile f(big);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    ASSERT_TRUE(f.resize(qint64(17) << 20)); // sparse: 17 MB of zeros
    f.close();
    sheet = isv::loadFacts(big, kGroups);
    ASSERT_FALSE(sheet.ok());
    EXPECT_EQ(sheet.error().message,
              (big + ": 17 MB is too big for a facts file (at most 16 MB)").toStdString());
}

} // namespace
