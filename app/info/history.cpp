// The timeline file read and checked, and the questions asked of it. Dates are QDate (proleptic Gregorian,
// as ISO 8601 gives them); the Julian dates are kept only to be shown.
#include "history.h"

#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace isv {

QString defaultHistoryPath(const QString& dataDir) {
    return QDir::cleanPath(dataDir + QStringLiteral("/../history/timeline.json"));
}

namespace {

// Keeps the first problem only, named with the file and the entry (as the facts loader does).
class Reader {
  public:
    explicit Reader(QString name) : name_(std::move(name)) {}
    void fail(const QString& where, const QString& what) {
        if (error_.isEmpty()) error_ = QStringLiteral("%1: %2: %3").arg(name_, where, what);
    }
    [[nodiscard]] bool failed() const { return !error_.isEmpty(); }
    [[nodiscard]] geo::Error error() const { return {error_.toStdString()}; }

    QString text(const QJsonObject& o, const char* key, const QString& where, bool required = true) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString() && !(required && v.toString().trimmed().isEmpty())) return v.toString();
        if (required || !v.isUndefined())
            fail(where, QStringLiteral("missing or empty \"%1\"").arg(QLatin1String(key)));
        return {};
    }
    QDate date(const QJsonObject& o, const char* key, const QString& where, bool required = true) {
        const QString t = text(o, key, where, required);
        if (t.isEmpty()) return {};
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (!d.isValid() || t.size() != 10)
            fail(where, QStringLiteral("\"%1\" is not a date YYYY-MM-DD: %2").arg(QLatin1String(key), t));
        return d;
    }
    QStringList list(const QJsonObject& o, const char* key, const QString& where) {
        QStringList out;
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isArray()) fail(where, QStringLiteral("\"%1\" is not a list").arg(QLatin1String(key)));
        for (const QJsonValue& e : v.toArray()) {
            if (!e.isString() || e.toString().isEmpty())
                fail(where,
                     QStringLiteral("\"%1\" holds something that is not a text").arg(QLatin1String(key)));
            out << e.toString();
        }
        return out;
    }
    Names3 names(const QJsonObject& o, const QString& where) {
        return {text(o, "en", where), text(o, "ja", where), text(o, "ru", where)};
    }

  private:
    QString name_, error_;
};

QList<QJsonObject> objects(const QJsonObject& root, const char* key, Reader& r) {
    QList<QJsonObject> out;
    const QJsonValue v = root.value(QLatin1String(key));
    if (!v.isArray() || v.toArray().isEmpty())
        r.fail(QString::fromLatin1(key), QStringLiteral("missing or empty list"));
    for (const QJsonValue& e : v.toArray()) {
        if (!e.isObject()) r.fail(QString::fromLatin1(key), QStringLiteral("an entry is not an object"));
        out << e.toObject();
    }
    return out;
}

} // namespace

geo::Result<History> History::load(const QString& path) {
    const QFileInfo info(path);
    if (!info.isFile()) return geo::Error{(path + QStringLiteral(": not a file")).toStdString()};
    // A timeline is a few tens of kilobytes; anything this big is not one.
    if (info.size() > 4 * 1024 * 1024)
        return geo::Error{(path + QStringLiteral(": too big for a timeline file (over 4 MB)")).toStdString()};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return geo::Error{(path + QStringLiteral(": cannot read: ") + f.errorString()).toStdString()};
    return fromJson(f.readAll(), path);
}

geo::Result<History> History::fromJson(const QByteArray& json, const QString& name) {
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject())
        return geo::Error{(name + QStringLiteral(": not a JSON object: ") + pe.errorString()).toStdString()};
    const QJsonObject root = doc.object();
    Reader r(name);
    History h;
    h.first_ = r.date(root, "first_day", QStringLiteral("first_day"));

    for (const QJsonObject& o : objects(root, "sources", r)) {
        const QString id = r.text(o, "id", QStringLiteral("sources"));
        const QString where = QStringLiteral("source %1").arg(id);
        if (h.sources_.count(id)) r.fail(where, QStringLiteral("listed twice"));
        h.sources_[id] = {r.text(o, "title", where), r.text(o, "url", where)};
    }
    const auto checkSources = [&](const QStringList& ids, const QString& where) {
        if (ids.isEmpty()) r.fail(where, QStringLiteral("no source"));
        for (const QString& id : ids)
            if (!h.sources_.count(id))
                r.fail(where, QStringLiteral("source %1 is not in \"sources\"").arg(id));
    };

    for (const QJsonObject& o : objects(root, "sides", r)) {
        Side side;
        side.id = r.text(o, "id", QStringLiteral("sides"));
        const QString where = QStringLiteral("side %1").arg(side.id);
        if (const QString c = r.text(o, "colour", where, false); !c.isEmpty()) {
            side.colour = QColor::fromString(c);
            if (!side.colour.isValid()) r.fail(where, QStringLiteral("colour does not parse: %1").arg(c));
        }
        for (const QJsonObject& s : objects(o, "states", r)) {
            State st{r.date(s, "from", where), r.names(s, where), r.text(s, "legend", where)};
            if (!side.states.empty() && st.from <= side.states.back().from)
                r.fail(where,
                       QStringLiteral("states not in date order at %1").arg(st.from.toString(Qt::ISODate)));
            side.states.push_back(std::move(st));
        }
        if (!side.states.empty() && side.states.front().from != h.first_)
            r.fail(where, QStringLiteral("the first state does not begin on first_day"));
        h.sides_.push_back(std::move(side));
    }
    const auto knownSide = [&](const QString& id) {
        return std::any_of(h.sides_.begin(), h.sides_.end(), [&](const Side& s) { return s.id == id; });
    };

    for (const QJsonObject& o : objects(root, "events", r)) {
        HistoryEvent e;
        e.id = r.text(o, "id", QStringLiteral("events"));
        const QString where = QStringLiteral("event %1").arg(e.id);
        e.date = r.date(o, "date", where);
        e.julian = r.date(o, "julian", where, false);
        e.end = r.date(o, "end", where, false);
        e.inForce = r.date(o, "in_force", where, false);
        const QJsonObject n = o.value(QLatin1String("name")).toObject();
        e.name = r.names(n, where + QStringLiteral(" name"));
        e.summary = r.text(o, "summary", where);
        e.changes = r.text(o, "changes", where);
        e.japan = r.text(o, "japan", where, false);
        e.russia = r.text(o, "russia", where, false);
        e.sources = r.list(o, "sources", where);
        e.confidence = r.text(o, "confidence", where);
        checkSources(e.sources, where);
        if (!h.events_.empty() && e.date < h.events_.back().date)
            r.fail(where, QStringLiteral("not in date order (after %1)").arg(h.events_.back().id));
        if (h.event(e.id)) r.fail(where, QStringLiteral("listed twice"));
        if (e.date.isValid() && e.date < h.first_) r.fail(where, QStringLiteral("before first_day"));
        if (e.end.isValid() && e.end < e.date) r.fail(where, QStringLiteral("ends before it begins"));
        h.events_.push_back(std::move(e));
    }

    for (const QJsonObject& o : objects(root, "groups", r)) {
        HistoryGroup g;
        g.id = r.text(o, "id", QStringLiteral("groups"));
        const QString where = QStringLiteral("group %1").arg(g.id);
        g.name = r.names(o, where);
        for (const QJsonObject& p : objects(o, "periods", r)) {
            HistoryPeriod period{r.date(p, "from", where),        r.text(p, "admin", where),
                                 r.list(p, "claimants", where),   r.text(p, "event", where),
                                 r.text(p, "note", where, false), r.text(p, "confidence", where, false)};
            const QString at = where + QStringLiteral(" from ") + period.from.toString(Qt::ISODate);
            if (!knownSide(period.admin)) r.fail(at, QStringLiteral("unknown side \"%1\"").arg(period.admin));
            for (const QString& c : period.claimants)
                if (!knownSide(c)) r.fail(at, QStringLiteral("unknown claimant \"%1\"").arg(c));
            if (!h.event(period.event)) r.fail(at, QStringLiteral("unknown event \"%1\"").arg(period.event));
            if (!g.periods.empty() && period.from <= g.periods.back().from)
                r.fail(at, QStringLiteral("periods not in date order"));
            g.periods.push_back(std::move(period));
        }
        if (!g.periods.empty() && g.periods.front().from != h.first_)
            r.fail(where, QStringLiteral("the first period does not begin on first_day"));
        h.groups_.push_back(std::move(g));
    }

    for (const QJsonObject& o : objects(root, "lines", r)) {
        HistoryLine l;
        l.id = r.text(o, "id", QStringLiteral("lines"));
        const QString where = QStringLiteral("line %1").arg(l.id);
        l.event = r.text(o, "event", where);
        l.from = r.date(o, "from", where);
        l.to = r.date(o, "to", where, false);
        l.label = {r.text(o, "en", where), r.text(o, "ja", where, false), r.text(o, "ru", where, false)};
        if (!h.event(l.event)) r.fail(where, QStringLiteral("unknown event \"%1\"").arg(l.event));
        if (l.to.isValid() && l.to <= l.from) r.fail(where, QStringLiteral("ends before it begins"));
        const QJsonObject b = o.value(QLatin1String("borders")).toObject();
        l.field = r.text(b, "field", where, false);
        l.value = r.text(b, "value", where, false);
        for (const QJsonValue& v : o.value(QLatin1String("coordinates")).toArray()) {
            const QJsonArray xy = v.toArray();
            const double lon = xy.at(0).toDouble(1e9), lat = xy.at(1).toDouble(1e9);
            if (xy.size() != 2 || std::abs(lon) > 180 || std::abs(lat) > 90)
                r.fail(where, QStringLiteral("a coordinate is not [lon, lat] in degrees"));
            l.lonLat << QPointF(lon, lat);
        }
        if (l.field.isEmpty() == (l.lonLat.size() < 2))
            r.fail(where,
                   QStringLiteral("needs either \"borders\" {field, value} or two or more coordinates"));
        h.lines_.push_back(std::move(l));
    }

    for (const QJsonObject& o : objects(root, "population", r)) {
        HistoryPopulation p;
        p.date = r.date(o, "date", QStringLiteral("population"));
        const QString where = QStringLiteral("population %1").arg(p.date.toString(Qt::ISODate));
        p.basis = r.text(o, "basis", where);
        p.sources = r.list(o, "sources", where);
        checkSources(p.sources, where);
        const QJsonObject values = o.value(QLatin1String("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (!it.value().isDouble() || it.value().toDouble() < 0)
                r.fail(where, QStringLiteral("%1 is not a count").arg(it.key()));
            p.values[it.key()] = it.value().toInt();
        }
        if (!h.population_.empty() && p.date <= h.population_.back().date)
            r.fail(where, QStringLiteral("not in date order"));
        h.population_.push_back(std::move(p));
    }
    if (r.failed()) return r.error();
    return h;
}

const HistoryEvent* History::event(const QString& id) const {
    for (const HistoryEvent& e : events_)
        if (e.id == id) return &e;
    return nullptr;
}

geo::Result<GroupStatus> History::status(const QString& group, QDate day) const {
    if (!day.isValid() || day < first_)
        return geo::Error{QStringLiteral("%1 is out of range: the timeline begins on %2 (Treaty of Shimoda)")
                              .arg(day.toString(Qt::ISODate), first_.toString(Qt::ISODate))
                              .toStdString()};
    const auto g =
        std::find_if(groups_.begin(), groups_.end(), [&](const HistoryGroup& x) { return x.id == group; });
    if (g == groups_.end())
        return geo::Error{QStringLiteral("no island group \"%1\" in the timeline").arg(group).toStdString()};
    // The last period that began on or before the day (the first begins on first_).
    const auto p = std::prev(std::upper_bound(g->periods.begin(), g->periods.end(), day,
                                              [](QDate d, const HistoryPeriod& x) { return d < x.from; }));
    GroupStatus s{group,   p->admin,     stateName(p->admin, day), p->claimants, {}, p->from, event(p->event),
                  p->note, p->confidence};
    for (const QString& c : p->claimants)
        s.claimantStates << stateName(c, day);
    return s;
}

std::vector<const HistoryEvent*> History::eventsUpTo(QDate day) const {
    std::vector<const HistoryEvent*> out;
    for (const HistoryEvent& e : events_)
        if (e.date <= day) out.push_back(&e);
    return out;
}

const HistoryEvent* History::mapEvent(QDate day) const {
    QDate latest;
    QString id;
    for (const HistoryGroup& g : groups_)
        for (const HistoryPeriod& p : g.periods)
            if (p.from <= day && (!latest.isValid() || p.from > latest)) latest = p.from, id = p.event;
    return latest.isValid() ? event(id) : nullptr;
}

QString History::stateName(const QString& side, QDate day, const QString& lang) const {
    for (const Side& s : sides_) {
        if (s.id != side) continue;
        const State* st = nullptr;
        for (const State& x : s.states)
            if (x.from <= day) st = &x;
        if (!st) break;
        return st->name.in(lang);
    }
    return side;
}

std::optional<std::pair<const HistoryPopulation*, int>> History::population(const QString& group,
                                                                            QDate day) const {
    std::optional<std::pair<const HistoryPopulation*, int>> out;
    for (const HistoryPopulation& p : population_)
        if (p.date <= day)
            if (const auto it = p.values.find(group); it != p.values.end()) out = {{&p, it->second}};
    return out;
}

DatedMap History::mapOn(QDate day, const QString& heading) const {
    DatedMap m;
    m.heading = heading;
    QStringList used;
    for (const HistoryGroup& g : groups_)
        if (const auto s = status(g.id, day)) {
            m.groupAdmin.push_back({g.id, s->admin});
            if (!used.contains(s->admin)) used << s->admin;
        }
    // The legend in the order of the file's sides, each named as its state was that day, in the interface
    // language; the English legend keeps its own wording (with its article: "the Soviet Union").
    const QString lang = interfaceLanguage();
    for (const Side& side : sides_) {
        if (!used.contains(side.id)) continue;
        const State* st = nullptr;
        for (const State& x : side.states)
            if (x.from <= day) st = &x;
        if (!st) continue;
        m.admins.push_back(
            {side.id,
             lang == QLatin1String("en")
                 ? st->legend
                 //: legend entry of a past day's map: %1 is the state (大日本帝国)
                 : QCoreApplication::translate("map", "Administered by %1").arg(st->name.in(lang)),
             side.colour});
    }
    for (const HistoryLine& l : lines_)
        if (l.from <= day && (!l.to.isValid() || day < l.to))
            m.lines.push_back({l.label.in(lang), l.field, l.value, l.lonLat});
    return m;
}

QString datedMapHeading(QDate day) {
    return QCoreApplication::translate("map", "Administration on %1").arg(day.toString(Qt::ISODate));
}

geo::Result<QDate> parseHistoryDay(const QString& text, QDate today) {
    static const QRegularExpression year(QStringLiteral("^\\d{4}$"));
    if (year.match(text).hasMatch()) {
        // This year so far: today. A later year stays in the future, for the caller to refuse.
        const QDate last(text.toInt(), 12, 31);
        return text.toInt() == today.year() ? today : last;
    }
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (text.size() != 10 || !d.isValid())
        return geo::Error{
            QStringLiteral("'%1' is not a day: give YYYY or YYYY-MM-DD").arg(text).toStdString()};
    return d;
}

geo::Result<QJsonObject> historyToJson(const History& history, QDate day) {
    QJsonArray groups;
    for (const HistoryGroup& g : history.groups()) {
        const auto s = history.status(g.id, day);
        if (!s) return s.error();
        QJsonObject o{{"id", g.id},
                      {"name", g.name.en},
                      {"administered_by", s->admin},
                      {"administering_state", s->adminState},
                      {"claimed_by", QJsonArray::fromStringList(s->claimants)},
                      {"claiming_states", QJsonArray::fromStringList(s->claimantStates)},
                      {"since", s->since.toString(Qt::ISODate)},
                      {"event", s->event ? s->event->id : QString()}};
        if (!s->note.isEmpty()) o["note"] = s->note;
        if (!s->confidence.isEmpty()) o["confidence"] = s->confidence;
        if (const auto pop = history.population(g.id, day)) {
            o["population"] = QJsonObject{{"count", pop->second},
                                          {"date", pop->first->date.toString(Qt::ISODate)},
                                          {"basis", pop->first->basis},
                                          {"sources", QJsonArray::fromStringList(pop->first->sources)}};
        }
        groups.append(o);
    }
    QJsonArray events;
    for (const HistoryEvent* e : history.eventsUpTo(day)) {
        QJsonObject o{{"id", e->id},
                      {"date", e->date.toString(Qt::ISODate)},
                      {"name", QJsonObject{{"en", e->name.en}, {"ja", e->name.ja}, {"ru", e->name.ru}}},
                      {"summary", e->summary},
                      {"changes", e->changes},
                      {"confidence", e->confidence}};
        if (e->julian.isValid()) o["julian"] = e->julian.toString(Qt::ISODate);
        if (e->end.isValid()) o["end"] = e->end.toString(Qt::ISODate);
        if (e->inForce.isValid()) o["in_force"] = e->inForce.toString(Qt::ISODate);
        if (!e->japan.isEmpty()) o["position_japan"] = e->japan;
        if (!e->russia.isEmpty()) o["position_russia"] = e->russia;
        QJsonArray sources;
        for (const QString& id : e->sources) {
            const HistorySource& src = history.sources().at(id);
            sources.append(QJsonObject{{"id", id}, {"title", src.title}, {"url", src.url}});
        }
        o["sources"] = sources;
        events.append(o);
    }
    const HistoryEvent* set = history.mapEvent(day);
    return QJsonObject{{"date", day.toString(Qt::ISODate)},
                       {"map_set_by", set ? set->id : QString()},
                       {"groups", groups},
                       {"events", events}};
}

} // namespace isv
