// The islands list on the shipped data: areas computed from the coastline, and named rocks the coastline
// has no outline for.
#include "place_list.h"

#include <geo/map_data.h>

#include <gtest/gtest.h>

#include <QTreeWidgetItemIterator>

namespace {

QTreeWidgetItem* row(isv::PlaceList& list, const QString& label) {
    for (QTreeWidgetItemIterator it(&list); *it; ++it)
        if ((*it)->text(0) == label) return *it;
    return nullptr;
}

} // namespace

TEST(PlaceList, NamedRocksWithoutAnOutlineSayWhy) {
    auto data = geo::loadMapData(ISLEVIEW_SOURCE_DATA_DIR);
    ASSERT_TRUE(data.ok()) << data.error().message;
    isv::PlaceList list;
    list.setMapData(std::make_shared<const geo::MapData>(std::move(data).value()));
    // Kaigara (Signalny) is a named islet of Habomai that GSHHG is too coarse for (docs/data.md).
    QTreeWidgetItem* kaigara = row(list, "Kaigara");
    ASSERT_NE(kaigara, nullptr);
    EXPECT_EQ(kaigara->text(1), QStringLiteral("–"));
    EXPECT_TRUE(kaigara->toolTip(1).contains("GSHHG")) << kaigara->toolTip(1).toStdString();
    QTreeWidgetItem* shibotsu = row(list, "Shibotsu");
    ASSERT_NE(shibotsu, nullptr);
    EXPECT_TRUE(shibotsu->text(1).endsWith("km²")) << shibotsu->text(1).toStdString();
    EXPECT_TRUE(shibotsu->toolTip(1).isEmpty());
    QTreeWidgetItem* habomai = row(list, "Habomai");
    ASSERT_NE(habomai, nullptr);
    EXPECT_TRUE(habomai->toolTip(1).isEmpty()) << "a group is not a rock";
}
