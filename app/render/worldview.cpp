#include "worldview.h"

#include <QCoreApplication>

#include <algorithm>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

// The resources live in a static library: register them explicitly so the linker keeps them.
static void initResources() {
    Q_INIT_RESOURCE(resources);
}

namespace isv {

namespace {

// Reads the file's values, remembering the first problem met with where it was (e.g. "claims[1].colour").
struct Reader {
    QString problem;

    void fail(const QString& where, const QString& what) {
        if (problem.isEmpty()) problem = QStringLiteral("%1 %2").arg(where, what);
    }
    QString text(const QJsonObject& o, const char* key, const QString& at) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString() || v.toString().trimmed().isEmpty())
            fail(at + '.' + key, "is missing or not a text");
        return v.toString();
    }
    QColor colour(const QJsonObject& o, const char* key, const QString& at) {
        const QColor c(text(o, key, at));
        if (!c.isValid()) fail(at + '.' + key, "is not a colour (#RRGGBB)");
        return c;
    }
    // An array of objects (an empty one is a problem too: every list in the file is needed).
    QList<QJsonObject> objects(const QJsonObject& o, const char* key, const QString& at) {
        const QJsonValue v = o.value(QLatin1String(key));
        QList<QJsonObject> out;
        for (const QJsonValue item : v.toArray()) {
            if (!item.isObject()) fail(at + key, "holds something that is not an object");
            out << item.toObject();
        }
        if (out.isEmpty()) fail(at + key, "is missing or empty");
        return out;
    }
    template <class T>
    T word(const QJsonObject& o, const char* key, const QString& at, const QList<QPair<QString, T>>& table) {
        const QString w = text(o, key, at);
        for (const auto& [k, v] : table)
            if (k == w) return v;
        QStringList words;
        for (const auto& entry : table)
            words << entry.first;
        if (!w.isEmpty())
            fail(at + '.' + key, QStringLiteral("'%1' is not one of %2").arg(w, words.join(", ")));
        return table.front().second;
    }
    QList<NameCode> codes(const QJsonObject& root, const char* key) {
        QList<NameCode> out;
        const QList<QJsonObject> list = objects(root, key, {});
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
            out.push_back({text(list[i], "code", at), text(list[i], "name", at),
                           list[i].value(QLatin1String("claimant")).toString()});
        }
        return out;
    }
    QList<NameChoice> choices(const QJsonObject& root, const char* key, const QList<NameCode>& known) {
        QList<NameChoice> out;
        const QList<QJsonObject> list = objects(root, key, {});
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
            QStringList codes;
            for (const QJsonValue c : list[i].value(QLatin1String("codes")).toArray()) {
                codes << c.toString();
                if (std::none_of(known.begin(), known.end(),
                                 [&](const NameCode& k) { return k.code == codes.back(); }))
                    fail(at + ".codes", QStringLiteral("names an unknown code '%1'").arg(codes.back()));
            }
            if (codes.isEmpty()) fail(at + ".codes", "is missing or empty");
            out.push_back(
                {text(list[i], "word", at), codes, text(list[i], "label", at), text(list[i], "menu", at)});
        }
        return out;
    }
};

const QList<QPair<QString, Qt::BrushStyle>> kPatterns{
    {"bdiag", Qt::BDiagPattern}, {"fdiag", Qt::FDiagPattern}, {"cross", Qt::CrossPattern},
    {"hor", Qt::HorPattern},     {"ver", Qt::VerPattern},     {"dense", Qt::Dense5Pattern},
    {"solid", Qt::SolidPattern}};
const QList<QPair<QString, Qt::PenStyle>> kPens{
    {"dash", Qt::DashLine}, {"dashdot", Qt::DashDotLine}, {"dot", Qt::DotLine}, {"solid", Qt::SolidLine}};

} // namespace

geo::Result<Worldviews> Worldviews::fromJson(const QByteArray& json, const QString& name) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return geo::Error{(name + ": not a worldviews file (" +
                           (error.error ? error.errorString() + " at offset " + QString::number(error.offset)
                                        : QStringLiteral("no JSON object")) +
                           ")")
                              .toStdString()};
    const QJsonObject root = doc.object();
    Reader r;
    Worldviews w;
    const QList<QJsonObject> claims = r.objects(root, "claims", {});
    for (qsizetype i = 0; i < claims.size(); ++i) {
        const QJsonObject& o = claims[i];
        const QString at = QStringLiteral("claims[%1]").arg(i);
        w.claims.push_back({r.text(o, "claimant", at), r.text(o, "name", at), r.text(o, "label", at),
                            r.text(o, "legend_claim", at), r.text(o, "legend_border", at),
                            r.colour(o, "colour", at), r.word(o, "pattern", at, kPatterns),
                            r.word(o, "border_style", at, kPens)});
        for (qsizetype j = 0; j + 1 < w.claims.size(); ++j)
            if (w.claims[j].claimant == w.claims.back().claimant)
                r.fail(at + ".claimant", QStringLiteral("'%1' is there twice").arg(w.claims.back().claimant));
    }
    const QList<NameCode> languages = r.codes(root, "languages");
    const QList<NameCode> scripts = r.codes(root, "scripts");
    w.nameWords = {languages, scripts, r.choices(root, "name_choices", languages),
                   r.choices(root, "script_choices", scripts)};
    w.claimsHeading = r.text(root, "claims_heading", QStringLiteral("file"));
    w.bothClaim = r.text(root, "both_claim", QStringLiteral("file"));
    const QJsonObject d = root.value(QLatin1String("defacto")).toObject();
    w.defacto.title = r.text(d, "title", QStringLiteral("defacto"));
    w.defacto.lineLabel = r.text(d, "line", QStringLiteral("defacto"));
    const QList<QJsonObject> admin = r.objects(d, "admin", QStringLiteral("defacto."));
    for (qsizetype i = 0; i < admin.size(); ++i) {
        const QString at = QStringLiteral("defacto.admin[%1]").arg(i);
        const QString who = r.text(admin[i], "admin", at);
        w.defacto.adminLabels.push_back({who, r.text(admin[i], "label", at)});
        w.defacto.adminColours.push_back({who, r.colour(admin[i], "colour", at)});
    }
    // Each language's words, keyed by the English text they translate.
    const QJsonObject translations = root.value(QLatin1String("translations")).toObject();
    for (auto it = translations.begin(); it != translations.end(); ++it) {
        const QJsonObject words = it.value().toObject();
        for (auto word = words.begin(); word != words.end(); ++word)
            if (word.value().isString() && !word.value().toString().isEmpty())
                w.translations[it.key()].insert(word.key(), word.value().toString());
            else
                r.fail("translations." + it.key() + "." + word.key(), "is not a text");
    }
    if (!r.problem.isEmpty()) return geo::Error{(name + ": " + r.problem).toStdString()};
    return w;
}

QString mapWord(const QString& english) {
    return QCoreApplication::translate("map", english.toUtf8().constData());
}

const ClaimStyle* Worldviews::claim(const QString& claimant) const {
    for (const auto& c : claims)
        if (c.claimant == claimant) return &c;
    return nullptr;
}

const Worldviews& Worldviews::shipped() {
    static const Worldviews w = [] {
        initResources();
        QFile f(QStringLiteral(":/isleview/worldviews.json"));
        f.open(QIODevice::ReadOnly);
        auto loaded = fromJson(f.readAll(), QStringLiteral("worldviews.json"));
        // Compiled in and checked by a test: a failure here is a broken build, and the program must not
        // go on drawing claims without their names.
        if (!loaded) qFatal("%s", loaded.error().message.c_str());
        return std::move(loaded).value();
    }();
    return w;
}

} // namespace isv
