#include "worldview.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The resources live in a static library: register them explicitly so the linker keeps them.
static void initResources() {
    Q_INIT_RESOURCE(resources);
}

namespace isv {

namespace {

Qt::BrushStyle patternFrom(const QString& word) {
    static const QList<QPair<QString, Qt::BrushStyle>> table{
        {"bdiag", Qt::BDiagPattern}, {"fdiag", Qt::FDiagPattern}, {"cross", Qt::CrossPattern},
        {"hor", Qt::HorPattern},     {"ver", Qt::VerPattern},     {"dense", Qt::Dense5Pattern}};
    for (const auto& [k, v] : table)
        if (k == word) return v;
    return Qt::SolidPattern;
}

Qt::PenStyle penFrom(const QString& word) {
    if (word == "dash") return Qt::DashLine;
    if (word == "dashdot") return Qt::DashDotLine;
    if (word == "dot") return Qt::DotLine;
    return Qt::SolidLine;
}

QStringList stringsFrom(const QJsonValue& v) {
    QStringList out;
    for (const auto& s : v.toArray())
        out << s.toString();
    return out;
}

QList<NameCode> codesFrom(const QJsonValue& v) {
    QList<NameCode> out;
    for (const auto& c : v.toArray()) {
        const QJsonObject o = c.toObject();
        out.push_back({o["code"].toString(), o["name"].toString(), o["claimant"].toString()});
    }
    return out;
}

QList<NameChoice> choicesFrom(const QJsonValue& v) {
    QList<NameChoice> out;
    for (const auto& c : v.toArray()) {
        const QJsonObject o = c.toObject();
        out.push_back(
            {o["word"].toString(), stringsFrom(o["codes"]), o["label"].toString(), o["menu"].toString()});
    }
    return out;
}

Worldviews load() {
    Worldviews w;
    initResources();
    QFile f(":/isleview/worldviews.json");
    if (!f.open(QIODevice::ReadOnly)) return w; // compiled in: cannot fail in a correct build
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    for (const auto& v : root["claims"].toArray()) {
        const QJsonObject o = v.toObject();
        w.claims.push_back({o["claimant"].toString(), o["name"].toString(), o["label"].toString(),
                            o["legend_claim"].toString(), o["legend_border"].toString(),
                            QColor(o["colour"].toString()), patternFrom(o["pattern"].toString()),
                            penFrom(o["border_style"].toString())});
    }
    w.nameWords = {codesFrom(root["languages"]), codesFrom(root["scripts"]),
                   choicesFrom(root["name_choices"]), choicesFrom(root["script_choices"])};
    w.claimsHeading = root["claims_heading"].toString();
    w.bothClaim = root["both_claim"].toString();
    const QJsonObject d = root["defacto"].toObject();
    w.defacto.title = d["title"].toString();
    w.defacto.lineLabel = d["line"].toString();
    for (const auto& v : d["admin"].toArray()) {
        const QJsonObject o = v.toObject();
        w.defacto.adminLabels.push_back({o["admin"].toString(), o["label"].toString()});
        w.defacto.adminColours.push_back({o["admin"].toString(), QColor(o["colour"].toString())});
    }
    return w;
}

} // namespace

const ClaimStyle* Worldviews::claim(const QString& claimant) const {
    for (const auto& c : claims)
        if (c.claimant == claimant) return &c;
    return nullptr;
}

const Worldviews& Worldviews::shipped() {
    static const Worldviews w = load();
    return w;
}

} // namespace isv
