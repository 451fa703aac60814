#include "test_world.h"

#include <geo/geodesic.h>
#include <geo/projection.h>

#include <array>
#include <cmath>
#include <numbers>

namespace uitest {

namespace {

// An octagon of the given radius (degrees of latitude; longitude widened by 1/cos(lat)).
geo::Path octagon(double lon, double lat, double radius, double stretch = 1.0) {
    geo::Path ring;
    const double k = 1.0 / std::cos(lat * std::numbers::pi / 180.0);
    for (int i = 0; i < 8; ++i) {
        const double a = (i + 0.5) * std::numbers::pi / 4;
        ring.push_back({lon + std::cos(a) * radius * k * stretch, lat + std::sin(a) * radius});
    }
    return ring;
}

geo::Feature polygonFeature(geo::Path ring, std::vector<std::string> values, std::int64_t fid) {
    geo::Feature f;
    f.fid = fid;
    f.geometry.type = geo::GeometryType::Polygon;
    f.geometry.polygons.push_back(geo::Polygon{{std::move(ring)}});
    f.values = std::move(values);
    return f;
}

geo::Feature lineFeature(geo::Path line, std::vector<std::string> values, std::int64_t fid) {
    geo::Feature f;
    f.fid = fid;
    f.geometry.type = geo::GeometryType::Line;
    f.geometry.lines.push_back(std::move(line));
    f.values = std::move(values);
    return f;
}

void finish(geo::Layer& layer) {
    for (const auto& f : layer.features)
        layer.bounds.expand(geo::bounds(f.geometry));
}

geo::Place place(std::string id, std::string kind, std::string parent, std::string admin,
                 std::array<std::string, 4> n, geo::Point lonlat, int priority) {
    geo::Place p;
    p.id = std::move(id);
    p.kind = std::move(kind);
    p.parent = std::move(parent);
    p.admin = std::move(admin);
    p.names = {{"ja_latin", n[0]}, {"ja_native", n[1]}, {"ru_latin", n[2]}, {"ru_native", n[3]}};
    p.lonlat = lonlat;
    p.priority = priority;
    p.source = "test";
    return p;
}

} // namespace

std::shared_ptr<const geo::MapData> makeTestData() {
    auto d = std::make_shared<geo::MapData>();
    d->dataDir = "/nonexistent/test-world";

    d->coast.name = "coast";
    d->coast.fields = {"id", "group", "admin", "level"};
    struct Land {
        const char* id;
        const char* group;
        const char* admin;
        geo::Point c;
        double r;
        double stretch;
    };
    const Land lands[] = {
        {"etorofu", "etorofu", "russia", {147.9, 45.0}, 0.22, 3.0},
        {"kunashiri", "kunashiri", "russia", {145.95, 44.15}, 0.18, 2.5},
        {"shikotan", "shikotan", "russia", {146.72, 43.80}, 0.07, 1.6},
        {"suisho", "habomai", "russia", {145.97, 43.43}, 0.03, 1.2},
        {"shibotsu", "habomai", "russia", {146.15, 43.48}, 0.035, 1.3},
        {"habomai_islet_1", "habomai", "russia", {146.30, 43.40}, 0.015, 1.0},
        {"hokkaido", "hokkaido", "japan", {145.0, 43.35}, 0.25, 2.0},
    };
    std::int64_t fid = 0;
    for (const Land& l : lands) {
        d->coast.features.push_back(
            polygonFeature(octagon(l.c.x, l.c.y, l.r, l.stretch), {l.id, l.group, l.admin, "1"}, fid++));
    }
    finish(d->coast);

    d->claims.name = "claims";
    d->claims.fields = {"claimant", "name", "source"};
    // Japan's claim: the four groups; Russia's: the same islands as part of its territory (drawn apart here).
    d->claims.features.push_back(polygonFeature({{145.5, 43.2}, {148.9, 43.2}, {148.9, 45.6}, {145.5, 45.6}},
                                                {"japan", "Japan's claim", "test"}, 0));
    d->claims.features.push_back(polygonFeature({{145.6, 43.3}, {148.8, 43.3}, {148.8, 45.5}, {145.6, 45.5}},
                                                {"russia", "Russia's claim", "test"}, 1));
    finish(d->claims);

    d->boundaries.name = "boundaries";
    d->boundaries.fields = {"claimant", "defacto", "name", "method", "source"};
    d->boundaries.features.push_back(lineFeature(
        {{148.7, 45.7}, {149.2, 45.2}}, {"japan", "0", "line between Etorofu and Urup", "test", "test"}, 0));
    d->boundaries.features.push_back(
        lineFeature({{145.5, 43.7}, {145.75, 43.3}, {146.0, 43.2}},
                    {"russia", "1", "line between Hokkaido and the islands", "test", "test"}, 1));
    finish(d->boundaries);

    d->names.name = "names";
    d->places = {
        place("etorofu", "group", "", "russia", {"Etorofu", "択捉島", "Iturup", "Итуруп"}, {147.9, 45.0}, 1),
        place("kunashiri", "group", "", "russia", {"Kunashiri", "国後島", "Kunashir", "Кунашир"},
              {145.95, 44.15}, 1),
        place("shikotan", "group", "", "russia", {"Shikotan", "色丹島", "Shikotan", "Шикотан"},
              {146.72, 43.8}, 1),
        place("habomai", "group", "", "russia", {"Habomai", "歯舞群島", "Khabomai", "Хабомаи"},
              {146.12, 43.46}, 1),
        place("suisho", "islet", "habomai", "russia", {"Suisho", "水晶島", "Tanfilyeva", "Танфильева"},
              {145.97, 43.43}, 3),
        place("shibotsu", "islet", "habomai", "russia", {"Shibotsu", "志発島", "Zelyony", "Зелёный"},
              {146.15, 43.48}, 3),
    };
    for (const auto& l : lands) {
        geo::IslandFigures f;
        f.id = l.id;
        f.polygons = 1;
        for (const auto& feature : d->coast.features)
            if (feature.values[0] == l.id) f.areaKm2 = geo::geodesicAreaM2(feature.geometry) / 1e6;
        d->figures[l.id] = f;
    }
    geo::IslandFigures habomai{"habomai", 0, 0, {"suisho", "shibotsu", "habomai_islet_1"}};
    for (const auto& id : habomai.islets) {
        habomai.areaKm2 += d->figures[id].areaKm2;
        ++habomai.polygons;
    }
    d->figures["habomai"] = habomai;
    return d;
}

std::shared_ptr<const isv::Scene> testScene() {
    static const std::shared_ptr<const isv::Scene> scene = [] {
        auto built = isv::Scene::build(makeTestData(), geo::kDisplayCrs);
        return built ? built.value() : nullptr;
    }();
    return scene;
}

} // namespace uitest
