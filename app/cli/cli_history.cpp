#include "cli_history.h"

#include <QFileInfo>
#include <QJsonArray>

namespace isv {

std::optional<DateProblem> parseDateOption(const QString& value, QDate* day) {
    const QDate today = QDate::currentDate();
    const auto d = parseHistoryDay(value, today);
    if (!d) return DateProblem{"--date: " + QString::fromStdString(d.error().message), true};
    if (d.value() > today)
        return DateProblem{"--date: " + value + " is after today (" + today.toString(Qt::ISODate) + ")",
                           true};
    *day = d.value();
    return std::nullopt;
}

std::variant<History, DateProblem> historyFor(const QString& dataDir, QDate day) {
    auto h = History::load(defaultHistoryPath(dataDir));
    if (!h) return DateProblem{QString::fromStdString(h.error().message)};
    // A day before the first treaty is a wrong request, not a broken file.
    if (day < h->firstDay())
        return DateProblem{
            QStringLiteral("--date: %1 is out of range: the timeline begins on %2 (Treaty of Shimoda)")
                .arg(day.toString(Qt::ISODate), h->firstDay().toString(Qt::ISODate)),
            true};
    return std::move(h).value();
}

QString historyText(const QJsonObject& report) {
    QString out = QStringLiteral("\nOn %1 (map set by: %2):\n")
                      .arg(report["date"].toString(), report["map_set_by"].toString());
    for (const auto& v : report["groups"].toArray()) {
        const QJsonObject g = v.toObject();
        QStringList claimants;
        for (const auto& c : g["claiming_states"].toArray())
            claimants << c.toString();
        out += QStringLiteral("  %1: administered by %2; claimed by %3 (since %4, %5)%6\n")
                   .arg(g["name"].toString(), g["administering_state"].toString(), claimants.join(", "),
                        g["since"].toString(), g["event"].toString(),
                        g.contains("note") ? "; " + g["note"].toString() : QString());
    }
    out += QStringLiteral("Events up to then:\n");
    for (const auto& v : report["events"].toArray()) {
        const QJsonObject e = v.toObject();
        out += QStringLiteral("  %1  %2\n").arg(e["date"].toString(), e["name"].toObject()["en"].toString());
    }
    return out;
}

} // namespace isv
