#include "geo/projection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace {

geo::Projector utm55() {
    auto p = geo::Projector::create(geo::kDisplayCrs);
    EXPECT_TRUE(p.ok()) << p.error().message;
    return std::move(p).value();
}

// Meridian arc length on WGS84 from the equator to `lat` degrees: M = integral of a(1-e²)/(1-e² sin²φ)^3/2,
// by composite Simpson's rule. Independent of PROJ; a textbook definition (e.g. Snyder, USGS PP 1395, eq.
// 3-21).
double meridianArcM(double lat) {
    const double a = 6378137.0;
    const double f = 1 / 298.257223563;
    const double e2 = f * (2 - f);
    const int n = 20000;
    const double h = lat * std::numbers::pi / 180 / n;
    double sum = 0;
    for (int i = 0; i <= n; ++i) {
        const double s = std::sin(i * h);
        const double m = a * (1 - e2) / std::pow(1 - e2 * s * s, 1.5);
        sum += (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * m;
    }
    return sum * h / 3;
}

TEST(Projector, RoundTripOverTheIslands) {
    const geo::Projector proj = utm55();
    for (double lon = 144; lon <= 151; lon += 0.125) {
        for (double lat = 42; lat <= 47; lat += 0.125) {
            const geo::Point xy = proj.forward({lon, lat});
            ASSERT_TRUE(std::isfinite(xy.x) && std::isfinite(xy.y));
            const geo::Point back = proj.inverse(xy);
            EXPECT_NEAR(back.x, lon, 1e-7);
            EXPECT_NEAR(back.y, lat, 1e-7);
        }
    }
}

TEST(Projector, UtmReferenceValues) {
    const geo::Projector proj = utm55();
    // On the central meridian (147°E) at the equator UTM is (500000, 0) by definition (false easting).
    const geo::Point origin = proj.forward({147, 0});
    EXPECT_NEAR(origin.x, 500000, 1e-6);
    EXPECT_NEAR(origin.y, 0, 1e-6);
    // On the central meridian the northing is k0 = 0.9996 times the meridian arc: 4 982 950.4 m at 45°N.
    const geo::Point p45 = proj.forward({147, 45});
    EXPECT_NEAR(p45.x, 500000, 1e-6);
    EXPECT_NEAR(p45.y, 0.9996 * meridianArcM(45), 0.01);
    EXPECT_NEAR(p45.y, 4982950.4, 0.1);
    // East of the meridian easting grows, axis order is lon, lat.
    EXPECT_GT(proj.forward({148, 45}).x, 500000);
}

TEST(Projector, BatchMatchesSinglePoints) {
    const geo::Projector proj = utm55();
    geo::Path path;
    for (int i = 0; i < 100; ++i)
        path.push_back({145.0 + i * 0.05, 43.0 + i * 0.02});
    const geo::Path projected = proj.forward(path);
    ASSERT_EQ(projected.size(), path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        const geo::Point single = proj.forward(path[i]);
        EXPECT_DOUBLE_EQ(projected[i].x, single.x);
        EXPECT_DOUBLE_EQ(projected[i].y, single.y);
    }
    geo::Geometry g{geo::GeometryType::Polygon, {}, {}, {geo::Polygon{{path}}}};
    EXPECT_EQ(proj.forward(g).polygons.front().rings.front(), projected);
}

TEST(Projector, FailuresAreValuesAndNaN) {
    testing::internal::CaptureStderr();
    const auto bad = geo::Projector::create("EPSG:999999");
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "") << "the library never prints";
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("EPSG:999999"), std::string::npos);
    EXPECT_FALSE(geo::Projector::create("not a crs at all").ok());

    const geo::Projector proj = utm55();
    const geo::Point p = proj.forward({147, 100});
    EXPECT_TRUE(std::isnan(p.x) && std::isnan(p.y));
}

TEST(Projector, MovesAndWorldCrs) {
    geo::Projector a = utm55();
    geo::Projector b = std::move(a);
    EXPECT_EQ(b.crs(), geo::kDisplayCrs);
    EXPECT_NEAR(b.forward({147, 0}).x, 500000, 1e-6);
    auto world = geo::Projector::create(geo::kWorldCrs);
    ASSERT_TRUE(world.ok()) << world.error().message;
    // Equal Earth maps the origin to the origin.
    EXPECT_NEAR(world->forward({0, 0}).x, 0, 1e-6);
    EXPECT_NEAR(world->forward({0, 0}).y, 0, 1e-6);
    EXPECT_LT(world->forward({-170, 10}).x, 0);
}

} // namespace
