#include "facts.h"

#include "name_set.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace isv {

const Fact* FactSheet::fact(const QString& id) const {
    for (const Fact& f : facts)
        if (f.id == id) return &f;
    return nullptr;
}

const IslandFacts* FactSheet::island(const QString& id) const {
    auto it = islands.find(id);
    return it == islands.end() ? nullptr : &it->second;
}

QStringList sourceIds(const QString& source) {
    static const QRegularExpression sep(QStringLiteral("[,;\\s]+"));
    return source.split(sep, Qt::SkipEmptyParts);
}

QString defaultFactsPath(const QString& dataDir) {
    return QDir::cleanPath(dataDir + QStringLiteral("/../facts/article.json"));
}

namespace {

// Keeps the first problem only: the loader reads on after a failure (cheaper than early returns
// everywhere), and the user sees the first thing to fix, named with the file and the fact.
class Reader {
  public:
    Reader(QString path, const std::set<std::string>& places) : path_(std::move(path)), places_(places) {}

    void fail(const QString& where, const QString& what) {
        if (error_.isEmpty()) error_ = QStringLiteral("%1: %2: %3").arg(path_, where, what);
    }
    [[nodiscard]] bool failed() const { return !error_.isEmpty(); }
    [[nodiscard]] geo::Error error() const { return {error_.toStdString()}; }

    QString text(const QJsonObject& o, const char* key, const QString& where, bool required = true) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString() && !v.toString().trimmed().isEmpty()) return v.toString();
        if (required || !v.isUndefined())
            fail(where, QStringLiteral("missing or empty \"%1\"").arg(QLatin1String(key)));
        return {};
    }

    QString source(const QJsonObject& o, const QString& where) {
        QString s = text(o, "source", where);
        for (const QString& id : sourceIds(s))
            if (!sources.contains(id)) fail(where, QStringLiteral("unknown source id '%1'").arg(id));
        return s;
    }

    SourcedText sourced(const QJsonObject& parent, const char* key, const QString& where) {
        const QString at = where + QLatin1Char('.') + QLatin1String(key);
        const QJsonObject o = parent.value(QLatin1String(key)).toObject();
        return {text(o, "text", at), source(o, at), wording(o, at)};
    }

    // "wording": {"ja": "...", "ru": "...", "source": "S4"}: optional, but never without its source.
    Wording wording(const QJsonObject& parent, const QString& where) {
        Wording w;
        const QJsonValue v = parent.value(QLatin1String("wording"));
        if (v.isUndefined()) return w;
        const QString at = where + QStringLiteral(".wording");
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != QLatin1String("source"))
                w.text[it.key()] = text(o, it.key().toUtf8().constData(), at);
        if (w.text.empty()) fail(at, QStringLiteral("no language in it"));
        w.source = source(o, at);
        return w;
    }

    void place(const QString& id, const QString& where) {
        if (!places_.contains(id.toStdString())) fail(where, QStringLiteral("unknown place id '%1'").arg(id));
    }

    std::map<QString, SourceRef> sources;

  private:
    QString path_;
    const std::set<std::string>& places_;
    QString error_;
};

Fact readFact(Reader& r, const QJsonObject& o, int index) {
    Fact f;
    f.id = o.value(QLatin1String("id")).toString();
    const QString where =
        f.id.isEmpty() ? QStringLiteral("fact #%1").arg(index + 1) : QStringLiteral("fact '%1'").arg(f.id);
    if (f.id.isEmpty()) r.fail(where, QStringLiteral("missing \"id\""));
    f.text = r.text(o, "text", where);
    const QJsonValue quote = o.value(QLatin1String("quote"));
    if (quote.isString()) {
        f.quotes = {quote.toString()};
    } else {
        for (const QJsonValue q : quote.toArray())
            f.quotes << q.toString();
    }
    if (f.quotes.isEmpty() || f.quotes.contains(QString()))
        r.fail(where, QStringLiteral("missing or empty \"quote\""));
    f.source = r.text(o, "source", where);
    for (const QJsonValue p : o.value(QLatin1String("places")).toArray()) {
        f.places << p.toString();
        r.place(f.places.back(), where);
    }
    for (const QJsonValue c : o.value(QLatin1String("context")).toArray()) {
        const QJsonObject co = c.toObject();
        const QString at = where + QStringLiteral(" context");
        FactContext fc{r.text(co, "text", at), r.source(co, at), r.text(co, "confidence", at)};
        static const QStringList marks{QStringLiteral("✔"), QStringLiteral("~"), QStringLiteral("?")};
        if (!fc.confidence.isEmpty() && !marks.contains(fc.confidence))
            r.fail(at, QStringLiteral("confidence must be ✔, ~ or ?, not '%1'").arg(fc.confidence));
        f.context.push_back(fc);
    }
    f.offerNames = r.text(o, "offer_names", where, false);
    f.wording = r.wording(o, where);
    NameSet ns;
    if (!f.offerNames.isEmpty() && !NameSet::parse(f.offerNames, QStringLiteral("latin"), &ns))
        r.fail(where, QStringLiteral("unknown offer_names '%1'").arg(f.offerNames));
    return f;
}

IslandFacts readIsland(Reader& r, const QString& id, const QJsonObject& o) {
    const QString where = QStringLiteral("island '%1'").arg(id);
    r.place(id, where);
    IslandFacts i;
    i.id = id;
    i.officialArea = r.sourced(o, "official_area", where);
    i.officialAreaKm2 =
        o.value(QLatin1String("official_area")).toObject().value(QLatin1String("km2")).toDouble();
    if (i.officialAreaKm2 <= 0) r.fail(where, QStringLiteral("official_area.km2 must be a positive number"));
    if (o.contains(QLatin1String("russian_area"))) i.russianArea = r.sourced(o, "russian_area", where);
    const QJsonObject admin = o.value(QLatin1String("admin")).toObject();
    i.adminJapan = r.sourced(admin, "japan", where + QStringLiteral(".admin"));
    i.adminRussia = r.sourced(admin, "russia", where + QStringLiteral(".admin"));
    for (const QJsonValue v : o.value(QLatin1String("population")).toArray()) {
        const QJsonObject p = v.toObject();
        const QString at = where + QStringLiteral(".population");
        i.population.push_back(
            {r.text(p, "value", at), r.text(p, "date", at), r.text(p, "basis", at), r.source(p, at)});
    }
    i.declaration1956 = r.sourced(o, "declaration_1956", where);
    const QJsonObject positions = o.value(QLatin1String("positions")).toObject();
    i.positionJapan = r.sourced(positions, "japan", where + QStringLiteral(".positions"));
    i.positionRussia = r.sourced(positions, "russia", where + QStringLiteral(".positions"));
    return i;
}

} // namespace

geo::Result<FactSheet> loadFacts(const QString& path, const std::set<std::string>& knownPlaceIds) {
    QFile file(path);
    if (QFileInfo(path).isDir())
        return geo::Error{(path + QStringLiteral(": a folder where the facts file should be")).toStdString()};
    if (!file.open(QIODevice::ReadOnly))
        return geo::Error{
            QStringLiteral("%1: cannot open facts file: %2").arg(path, file.errorString()).toStdString()};
    // The shipped file is about 100 kB; anything this big is the wrong file, and reading it whole would
    // only cost memory.
    constexpr qint64 kMaxBytes = 16 << 20;
    if (file.size() > kMaxBytes)
        return geo::Error{QStringLiteral("%1: %2 MB is too big for a facts file (at most %3 MB)")
                              .arg(path)
                              .arg(file.size() >> 20)
                              .arg(kMaxBytes >> 20)
                              .toStdString()};
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().isEmpty())
        return geo::Error{(path + QStringLiteral(": empty facts file")).toStdString()};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return geo::Error{QStringLiteral("%1: invalid JSON at offset %2: %3")
                              .arg(path, QString::number(parseError.offset), parseError.errorString())
                              .toStdString()};
    if (!doc.isObject())
        return geo::Error{(path + QStringLiteral(": top level is not an object")).toStdString()};
    const QJsonObject root = doc.object();

    Reader r(path, knownPlaceIds);
    FactSheet sheet;
    // Sources first: facts and islands are checked against them.
    const QJsonObject sources = root.value(QLatin1String("sources")).toObject();
    for (auto it = sources.begin(); it != sources.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        const QString where = QStringLiteral("source '%1'").arg(it.key());
        r.sources[it.key()] = {r.text(s, "title", where), r.text(s, "url", where)};
    }

    const QJsonObject a = root.value(QLatin1String("article")).toObject();
    const QString art = QStringLiteral("article");
    sheet.article = {r.text(a, "headline", art),    r.text(a, "section", art, false),
                     r.text(a, "publication", art), r.text(a, "publication_basis", art, false),
                     r.text(a, "date", art),        r.text(a, "date_basis", art, false)};

    const QJsonArray facts = root.value(QLatin1String("facts")).toArray();
    if (facts.isEmpty()) r.fail(QStringLiteral("facts"), QStringLiteral("missing or empty list"));
    for (int i = 0; i < facts.size(); ++i) {
        Fact f = readFact(r, facts[i].toObject(), i);
        if (!f.id.isEmpty() && sheet.fact(f.id))
            r.fail(QStringLiteral("fact '%1'").arg(f.id), QStringLiteral("duplicate id"));
        sheet.facts.push_back(std::move(f));
    }

    const QJsonObject islands = root.value(QLatin1String("islands")).toObject();
    for (auto it = islands.begin(); it != islands.end(); ++it)
        sheet.islands[it.key()] = readIsland(r, it.key(), it.value().toObject());

    if (r.failed()) return r.error();
    sheet.sources = std::move(r.sources);
    return sheet;
}

QJsonArray factsToJson(const FactSheet& sheet) {
    QJsonArray out;
    for (const Fact& f : sheet.facts) {
        QJsonArray context;
        for (const FactContext& c : f.context) {
            QJsonObject co{{"text", c.text}, {"source", c.source}, {"confidence", c.confidence}};
            const QStringList ids = sourceIds(c.source);
            QStringList titles, urls;
            for (const QString& id : ids) {
                auto it = sheet.sources.find(id);
                if (it == sheet.sources.end()) continue;
                titles << it->second.title;
                urls << it->second.url;
            }
            if (!titles.isEmpty()) {
                co.insert(QStringLiteral("source_title"), titles.join(QStringLiteral("; ")));
                co.insert(QStringLiteral("url"), urls.join(QLatin1Char(' ')));
            }
            context.append(co);
        }
        QJsonObject o{{"id", f.id},
                      {"text", f.text},
                      {"quote", f.quotes.join(QStringLiteral(" […] "))},
                      {"source", f.source},
                      {"places", QJsonArray::fromStringList(f.places)},
                      {"context", context}};
        if (!f.offerNames.isEmpty()) o.insert(QStringLiteral("offer_names"), f.offerNames);
        if (!f.wording.text.empty()) {
            QJsonObject w{{"source", f.wording.source}};
            for (const auto& [language, text] : f.wording.text)
                w.insert(language, text);
            o.insert(QStringLiteral("wording"), w);
        }
        out.append(o);
    }
    return out;
}

} // namespace isv
