// The shipped timeline: loads and checks, answers the administration of chosen days, every event cites a
// listed source, dates in order; and the loader's failure messages.
#include "history.h"
#include "translations.h"

#include <gtest/gtest.h>

#include <memory>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString kTimeline = QStringLiteral(ISLEVIEW_SOURCE_HISTORY_DIR "/timeline.json");

const isv::History& shipped() {
    static const isv::History h = [] {
        auto r = isv::History::load(kTimeline);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r.value() : isv::History{};
    }();
    return h;
}

QDate day(const char* iso) {
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// Administrator on a day ("" when the question fails).
QString admin(const char* group, const char* iso) {
    const auto s = shipped().status(QString::fromLatin1(group), day(iso));
    EXPECT_TRUE(s.ok()) << group << " " << iso;
    return s.ok() ? s->admin : QString();
}

QByteArray shippedBytes() {
    QFile f(kTimeline);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// The shipped file with one edit made to its JSON, loaded.
geo::Result<isv::History> edited(const std::function<void(QJsonObject&)>& edit) {
    QJsonObject root = QJsonDocument::fromJson(shippedBytes()).object();
    edit(root);
    return isv::History::fromJson(QJsonDocument(root).toJson(), QStringLiteral("edited.json"));
}

TEST(History, ShippedFileLoadsWithEveryGroupOfTheWiderMap) {
    const auto& h = shipped();
    EXPECT_EQ(h.firstDay(), day("1855-02-07"));
    for (const char* g : {"etorofu", "kunashiri", "shikotan", "habomai", "urup", "north_kurils",
                          "south_sakhalin", "north_sakhalin", "hokkaido", "kamchatka"})
        EXPECT_TRUE(h.status(QString::fromLatin1(g), day("1900-01-01")).ok()) << g;
}

TEST(History, UrupRussianIn1860JapaneseIn1880) {
    EXPECT_EQ(admin("urup", "1860-06-01"), "russia");
    EXPECT_EQ(admin("urup", "1880-06-01"), "japan");
    EXPECT_EQ(shipped().status("urup", day("1880-06-01"))->event->id, "st_petersburg");
    EXPECT_EQ(shipped().status("urup", day("1860-06-01"))->adminState, "Russian Empire");
}

TEST(History, SouthSakhalinJointThenRussianThenJapaneseThenSoviet) {
    EXPECT_EQ(admin("south_sakhalin", "1860-01-01"), "joint");
    EXPECT_EQ(admin("south_sakhalin", "1900-01-01"), "russia");
    EXPECT_EQ(admin("south_sakhalin", "1910-01-01"), "japan");
    EXPECT_EQ(admin("south_sakhalin", "1945-08-24"), "japan");
    EXPECT_EQ(admin("south_sakhalin", "1945-08-25"), "russia");
    EXPECT_EQ(admin("north_sakhalin", "1910-01-01"), "russia");
    const auto joint = shipped().status("north_sakhalin", day("1860-01-01"));
    EXPECT_EQ(joint->claimants, (QStringList{"japan", "russia"}));
}

TEST(History, ShikotanChangesOnItsLandingDay) {
    EXPECT_EQ(admin("shikotan", "1945-08-31"), "japan");
    EXPECT_EQ(admin("shikotan", "1945-09-01"), "russia");
    const auto s = shipped().status("shikotan", day("1945-09-02"));
    EXPECT_EQ(s->admin, "russia");
    EXPECT_EQ(s->adminState, "Soviet Union");
    EXPECT_EQ(s->event->id, "landing_kunashiri_shikotan");
    EXPECT_EQ(s->claimants, (QStringList{"russia", "japan"}));
    // Habomai only after the formal surrender, complete on 5 Sep.
    EXPECT_EQ(admin("habomai", "1945-09-02"), "japan");
    EXPECT_EQ(admin("habomai", "1945-09-05"), "russia");
    EXPECT_EQ(admin("etorofu", "1945-08-27"), "japan");
    EXPECT_EQ(admin("etorofu", "1945-08-28"), "russia");
}

TEST(History, TodayTheFourAreRussianAdministeredAndClaimedByBoth) {
    const QDate today = QDate::currentDate();
    for (const char* g : {"etorofu", "kunashiri", "shikotan", "habomai"}) {
        const auto s = shipped().status(QString::fromLatin1(g), today);
        ASSERT_TRUE(s.ok());
        EXPECT_EQ(s->admin, "russia") << g;
        EXPECT_EQ(s->adminState, "Russian Federation") << g;
        EXPECT_EQ(s->claimants, (QStringList{"russia", "japan"})) << g;
    }
    // Renounced by Japan in 1951 (in force 1952): claimed by Russia alone.
    EXPECT_EQ(shipped().status("urup", today)->claimants, QStringList{"russia"});
    EXPECT_EQ(shipped().status("hokkaido", today)->adminState, "Japan");
}

TEST(History, StateNamesFollowTheDate) {
    EXPECT_EQ(shipped().stateName("russia", day("1900-01-01")), "Russian Empire");
    EXPECT_EQ(shipped().stateName("russia", day("1920-01-01")), "Soviet Russia (RSFSR)");
    EXPECT_EQ(shipped().stateName("russia", day("1960-01-01")), "Soviet Union");
    EXPECT_EQ(shipped().stateName("russia", day("1992-01-01")), "Russian Federation");
    EXPECT_EQ(shipped().stateName("japan", day("1910-01-01")), "Empire of Japan");
    EXPECT_EQ(shipped().stateName("russia", day("1960-01-01"), "ru"), "СССР");
}

TEST(History, BeforeTheFirstDayIsOutOfRangeWithAClearMessage) {
    const auto s = shipped().status("urup", day("1854-12-31"));
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("out of range"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("1855-02-07"), std::string::npos) << s.error().message;
    const auto unknown = shipped().status("atlantis", day("1900-01-01"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("atlantis"), std::string::npos);
}

TEST(History, EveryEventHasSourcesThatExistAndDatesInOrder) {
    const auto& events = shipped().events();
    ASSERT_GE(events.size(), 20u);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& e = events[i];
        EXPECT_FALSE(e.sources.isEmpty()) << e.id.toStdString();
        for (const QString& id : e.sources) {
            ASSERT_TRUE(shipped().sources().count(id)) << e.id.toStdString() << " cites " << id.toStdString();
            EXPECT_TRUE(shipped().sources().at(id).url.startsWith("http")) << id.toStdString();
        }
        EXPECT_FALSE(e.name.en.isEmpty() || e.name.ja.isEmpty() || e.name.ru.isEmpty()) << e.id.toStdString();
        if (i > 0) {
            EXPECT_LE(events[i - 1].date, e.date) << e.id.toStdString();
        }
        // Positions, where given, are marked as the side's own.
        EXPECT_TRUE(e.japan.isEmpty() || e.japan.startsWith("Japan")) << e.id.toStdString();
        EXPECT_TRUE(e.russia.isEmpty() || e.russia.startsWith("Russia")) << e.id.toStdString();
    }
}

TEST(History, TheEventsTheIssueNamesWithTheirDates) {
    const std::vector<std::pair<const char*, const char*>> expected{
        {"shimoda", "1855-02-07"},
        {"st_petersburg", "1875-05-07"},
        {"portsmouth", "1905-09-05"},
        {"yalta", "1945-02-11"},
        {"landing_shumshu", "1945-08-18"},
        {"landing_etorofu", "1945-08-28"},
        {"landing_kunashiri_shikotan", "1945-09-01"},
        {"landing_habomai", "1945-09-03"},
        {"scapin_677", "1946-01-29"},
        {"decree_1946", "1946-02-02"},
        {"san_francisco", "1951-09-08"},
        {"joint_declaration_1956", "1956-10-19"},
        {"aide_memoire_1960", "1960-01-27"},
        {"tokyo_declaration", "1993-10-13"},
        {"irkutsk", "2001-03-25"},
        {"singapore", "2018-11-14"},
        {"talks_2019", "2019-05-10"},
        {"constitution_2020", "2020-07-04"},
        {"talks_suspended_2022", "2022-03-21"}};
    for (const auto& [id, iso] : expected) {
        const isv::HistoryEvent* e = shipped().event(QString::fromLatin1(id));
        ASSERT_NE(e, nullptr) << id;
        EXPECT_EQ(e->date, day(iso)) << id;
    }
    EXPECT_EQ(shipped().event("shimoda")->julian, day("1855-01-26"));
    EXPECT_EQ(shipped().event("st_petersburg")->julian, day("1875-04-25"));
    EXPECT_EQ(shipped().event("portsmouth")->julian, day("1905-08-23"));
    EXPECT_EQ(shipped().event("landing_habomai")->end, day("1945-09-05"));
    // Article 2(c): each side's reading.
    EXPECT_FALSE(shipped().event("san_francisco")->japan.isEmpty());
    EXPECT_FALSE(shipped().event("san_francisco")->russia.isEmpty());
}

TEST(History, EventsUpToADay) {
    // Shimoda, the Convention of Peking (the mainland coast), Saint Petersburg, Portsmouth.
    const auto upTo = shipped().eventsUpTo(day("1905-09-05"));
    ASSERT_EQ(upTo.size(), 4u);
    EXPECT_EQ(upTo.back()->id, "portsmouth");
    EXPECT_EQ(shipped().eventsUpTo(day("1855-02-06")).size(), 0u);
    EXPECT_EQ(shipped().mapEvent(day("1880-01-01"))->id, "st_petersburg");
    EXPECT_EQ(shipped().mapEvent(day("1945-09-02"))->id, "landing_kunashiri_shikotan");
}

TEST(History, MapOfADayTintsByGroupAndNamesTheStates) {
    const isv::DatedMap m1880 = shipped().mapOn(day("1880-01-01"), "x");
    const auto adminOf = [](const isv::DatedMap& m, const QString& g) {
        for (const auto& [group, a] : m.groupAdmin)
            if (group == g) return a;
        return QString();
    };
    EXPECT_EQ(adminOf(m1880, "urup"), "japan");
    EXPECT_EQ(adminOf(m1880, "south_sakhalin"), "russia");
    ASSERT_EQ(m1880.lines.size(), 1);
    EXPECT_EQ(m1880.lines[0].lonLat.size(), 3);
    QStringList labels;
    for (const auto& a : m1880.admins)
        labels << a.label;
    EXPECT_EQ(labels,
              (QStringList{"Administered by the Empire of Japan", "Administered by the Russian Empire"}));
    const isv::DatedMap m1860 = shipped().mapOn(day("1860-01-01"), "x");
    EXPECT_EQ(m1860.lines[0].field, "claimant"); // the Shimoda line, from the borders layer
    EXPECT_EQ(m1860.admins.size(), 4); // with the unpartitioned Sakhalin and Qing China's mainland coast
    const isv::DatedMap today = shipped().mapOn(QDate::currentDate(), "x");
    ASSERT_EQ(today.lines.size(), 1);
    EXPECT_EQ(today.lines[0].value, "1");
}

TEST(History, ParsesDaysAndYears) {
    const QDate today = day("2026-12-04");
    EXPECT_EQ(isv::parseHistoryDay("1880", today).value(), day("1880-12-31"));
    EXPECT_EQ(isv::parseHistoryDay("2026", today).value(), today);
    EXPECT_EQ(isv::parseHistoryDay("1945-09-02", today).value(), day("1945-09-02"));
    for (const char* bad : {"", "18", "1945-9-2", "1945-02-30", "yesterday", "1945-09-02x"})
        EXPECT_FALSE(isv::parseHistoryDay(QString::fromLatin1(bad), today).ok()) << bad;
}

TEST(History, JsonReportsEachGroupAndTheEvents) {
    const auto j = isv::historyToJson(shipped(), day("1945-09-02"));
    ASSERT_TRUE(j.ok());
    EXPECT_EQ(j->value("date").toString(), "1945-09-02");
    const QJsonArray groups = j->value("groups").toArray();
    bool sawShikotan = false;
    for (const auto& g : groups)
        if (g.toObject().value("id") == "shikotan") {
            sawShikotan = true;
            EXPECT_EQ(g.toObject().value("administered_by").toString(), "russia");
            EXPECT_EQ(g.toObject().value("population").toObject().value("count").toInt(), 1038);
        }
    EXPECT_TRUE(sawShikotan);
    EXPECT_EQ(j->value("events").toArray().last().toObject().value("id").toString(), "surrender");
    EXPECT_FALSE(isv::historyToJson(shipped(), day("1800-01-01")).ok());
}

TEST(History, LoaderNamesTheFileAndTheProblem) {
    const auto expectError = [](const geo::Result<isv::History>& r, const char* part) {
        ASSERT_FALSE(r.ok()) << part;
        EXPECT_NE(r.error().message.find("edited.json"), std::string::npos) << r.error().message;
        EXPECT_NE(r.error().message.find(part), std::string::npos) << r.error().message;
    };
    const auto editEvent = [](QJsonObject& root, int i, const char* key, const QJsonValue& v) {
        QJsonArray events = root["events"].toArray();
        QJsonObject e = events[i].toObject();
        e[QLatin1String(key)] = v;
        events[i] = e;
        root["events"] = events;
    };
    expectError(edited([&](QJsonObject& r) { editEvent(r, 1, "sources", QJsonArray{"S999"}); }), "S999");
    expectError(edited([&](QJsonObject& r) { editEvent(r, 1, "sources", QJsonArray{}); }), "no source");
    expectError(edited([&](QJsonObject& r) { editEvent(r, 2, "date", "1850-01-01"); }), "not in date order");
    expectError(edited([&](QJsonObject& r) { editEvent(r, 0, "date", "1855-02-30"); }), "not a date");
    expectError(edited([](QJsonObject& r) {
                    QJsonArray groups = r["groups"].toArray();
                    QJsonObject g = groups[1].toObject();
                    QJsonArray periods = g["periods"].toArray();
                    QJsonObject p = periods[1].toObject();
                    p["admin"] = "atlantis";
                    periods[1] = p;
                    g["periods"] = periods;
                    groups[1] = g;
                    r["groups"] = groups;
                }),
                "unknown side \"atlantis\"");
    expectError(edited([](QJsonObject& r) { r.remove("events"); }), "events");
    const auto notJson = isv::History::fromJson("{", "broken.json");
    ASSERT_FALSE(notJson.ok());
    EXPECT_NE(notJson.error().message.find("broken.json"), std::string::npos);
    EXPECT_FALSE(isv::History::load("/nonexistent/timeline.json").ok());
}

} // namespace

// The map of a past day speaks the interface language: its states and lines come from the file's own ja/ru.
TEST(History, MapOfADayInTheInterfaceLanguage) {
    // Translators need an application object; this test may run alone in its process.
    static int argc = 1;
    static char name[] = "info_tests";
    static char* argv[] = {name, nullptr};
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    struct English {
        ~English() { isv::useLanguage(QStringLiteral("en")); }
    } english;
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ja")));
    const isv::DatedMap ja = shipped().mapOn(day("1910-06-01"), "x");
    QStringList labels;
    for (const auto& a : ja.admins)
        labels << a.label;
    EXPECT_TRUE(labels.contains(QStringLiteral("大日本帝国の施政下"))) << labels.join("; ").toStdString();
    ASSERT_FALSE(ja.lines.isEmpty());
    EXPECT_TRUE(ja.lines.back().label.startsWith(QStringLiteral("1905年の境界")))
        << ja.lines.back().label.toStdString();
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("ru")));
    const isv::DatedMap ru = shipped().mapOn(day("1910-06-01"), "x");
    EXPECT_EQ(ru.admins.front().label, QStringLiteral("Под управлением: Японская империя"));
    ASSERT_TRUE(isv::useLanguage(QStringLiteral("en")));
    EXPECT_EQ(shipped().mapOn(day("1910-06-01"), "x").admins.front().label,
              QStringLiteral("Administered by the Empire of Japan"));
}
