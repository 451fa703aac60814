#pragma once
// The dispute through time as data (resources/history/timeline.json): the events, who administered and who
// claimed each island group on any day from 7 Feb 1855 on, the border lines of each period, and
// population by year. Loaded and checked once; then a plain value, safe to share between threads.
#include "dated_map.h"
#include "geo/result.h"

#include <QColor>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace isv {

/// A name in the three languages the program shows.
struct Names3 {
    QString en, ja, ru;
    /// The name in `lang` ("ja", "ru"; anything else is English), the English where that one is empty.
    QString in(const QString& lang) const {
        const QString& local = lang == QLatin1String("ja") ? ja : lang == QLatin1String("ru") ? ru : en;
        return local.isEmpty() ? en : local;
    }
};

/// One event. `date` is Gregorian; `julian` the date in Russia's calendar (before 1918) where it differs.
struct HistoryEvent {
    QString id;
    QDate date, julian, end, inForce; ///< end: last day of an event over several days; inForce: the treaty's
    Names3 name;
    QString summary;     ///< what happened, neutral wording
    QString changes;     ///< what it changed on the map
    QString japan;       ///< Japan's position on it, marked as Japan's (may be empty)
    QString russia;      ///< Russia's position on it, marked as Russia's (may be empty)
    QStringList sources; ///< source ids, each in History::sources
    QString confidence;  ///< "✔", "~" or "?"
};

/// One period of a group: from `from` (inclusive) to the next period's `from`.
struct HistoryPeriod {
    QDate from;
    QString admin;         ///< a side id: "japan", "russia", "joint"
    QStringList claimants; ///< side ids
    QString event;         ///< the event that set it
    QString note;
    QString confidence;
};

struct HistoryGroup {
    QString id; ///< the coast layer's `group` value
    Names3 name;
    std::vector<HistoryPeriod> periods;
};

/// A border line of a period [from, to) (to invalid: still in force).
struct HistoryLine {
    QString id, event;
    QDate from, to;
    Names3 label;          ///< ja and ru may be empty (the English is shown)
    QString field, value;  ///< borders layer parts where field == value, or
    QList<QPointF> lonLat; ///< a polyline, degrees
};

/// A population count of some groups on one day.
struct HistoryPopulation {
    QDate date;
    QString basis; ///< what was counted, e.g. "Japanese residents"
    std::map<QString, int> values;
    QStringList sources;
};

/// What a group's status was on a day.
struct GroupStatus {
    QString group;
    QString admin;                       ///< side id
    QString adminState;                  ///< the state's name that day, e.g. "Soviet Union"
    QStringList claimants;               ///< side ids
    QStringList claimantStates;          ///< their names that day
    QDate since;                         ///< the day this status began
    const HistoryEvent* event = nullptr; ///< the event that set it
    QString note, confidence;
};

struct HistorySource {
    QString title, url;
};

class History {
  public:
    /// Loads and checks a timeline file: dates valid and in order, every period's side and event known,
    /// every event's sources listed, the first period of each group on the first day. Errors name the file,
    /// the entry and the problem.
    static geo::Result<History> load(const QString& path);
    /// The same from bytes; `name` is used in errors.
    static geo::Result<History> fromJson(const QByteArray& json, const QString& name);

    /// The first day the data covers (7 Feb 1855).
    QDate firstDay() const { return first_; }
    /// The group's status on `day`; fails naming the group when it is unknown, or the day when it is
    /// before firstDay().
    geo::Result<GroupStatus> status(const QString& group, QDate day) const;
    /// The events on or before `day`, oldest first.
    std::vector<const HistoryEvent*> eventsUpTo(QDate day) const;
    /// The last event before or on `day` that changed some group's status (what set the map of that day),
    /// or null before the first.
    const HistoryEvent* mapEvent(QDate day) const;
    /// The name of side `side`'s state on `day` in `lang` ("en", "ja", "ru"); the id itself if unknown.
    QString stateName(const QString& side, QDate day, const QString& lang = QStringLiteral("en")) const;
    /// The latest population count of `group` on or before `day`, with its figure.
    std::optional<std::pair<const HistoryPopulation*, int>> population(const QString& group, QDate day) const;
    /// The map of `day` for the renderer: tints by group, legend labels naming the states, border lines.
    /// `heading` is the legend heading (it names the day).
    DatedMap mapOn(QDate day, const QString& heading) const;

    const std::vector<HistoryGroup>& groups() const { return groups_; }
    const std::vector<HistoryEvent>& events() const { return events_; }
    const std::vector<HistoryLine>& lines() const { return lines_; }
    const HistoryEvent* event(const QString& id) const;
    const std::map<QString, HistorySource>& sources() const { return sources_; }

  private:
    struct State {
        QDate from;
        Names3 name;
        QString legend; ///< e.g. "Administered by the Soviet Union"
    };
    struct Side {
        QString id;
        QColor colour; ///< invalid: the de facto view's
        std::vector<State> states;
    };
    QDate first_;
    std::vector<Side> sides_;
    std::vector<HistoryGroup> groups_;
    std::vector<HistoryEvent> events_;
    std::vector<HistoryLine> lines_;
    std::vector<HistoryPopulation> population_;
    std::map<QString, HistorySource> sources_;
};

/// The timeline file beside a data directory: `dataDir`/../history/timeline.json (source tree and install).
QString defaultHistoryPath(const QString& dataDir);

/// The legend heading of the map of `day`, e.g. "Administration on 1880-12-31" (a map word: translated
/// with context "map").
QString datedMapHeading(QDate day);

/// A day from "YYYY" or "YYYY-MM-DD" (Gregorian). A year alone means its last day (this year: `today`). Fails
/// with a message that says what is wrong with `text`.
geo::Result<QDate> parseHistoryDay(const QString& text, QDate today);

/// Everything `isleview info --json --date` reports for `day`: {"date", "groups": [{id, name,
/// administered_by, administering_state, claimed_by, since, event, note}], "events": [...]}; fails like
/// status().
geo::Result<QJsonObject> historyToJson(const History& history, QDate day);

} // namespace isv
