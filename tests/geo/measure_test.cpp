// Paths and polygons measured on WGS84 against published references: lines of Karney's GeodTest set (as
// GeographicLib's own test suite quotes them) and its planimeter examples.
#include "geo/geodesic.h"
#include "geo/map_data.h"

#include <gtest/gtest.h>

#include <cmath>

using geo::Point;

namespace {

struct GeodTestLine {
    double lat1, lon1, azi1, lat2, lon2, azi2, s12;
};

// The first three lines of GeodTest.dat (C. F. F. Karney, "Test set for geodesics", 2010) as quoted in
// GeographicLib's test suites: azimuths in degrees, s12 in metres.
constexpr GeodTestLine kGeodTest[]{
    {35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762,
     8935244.5604818305},
    {55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519, 4105086.1713924406},
    {-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671},
};

double to360(double azimuth) {
    return std::fmod(azimuth + 360.0, 360.0);
}

TEST(Measure, InverseAgreesWithGeodTestToAMillimetre) {
    for (const auto& t : kGeodTest) {
        const geo::GeodesicLeg leg = geo::geodesicInverse({t.lon1, t.lat1}, {t.lon2, t.lat2});
        EXPECT_NEAR(leg.metres, t.s12, 1e-3);
        EXPECT_NEAR(leg.initialBearingDeg, to360(t.azi1), 1e-9);
        EXPECT_NEAR(leg.finalBearingDeg, to360(t.azi2), 1e-9);
    }
}

TEST(Measure, PathSumsItsLegs) {
    const geo::Path path{{kGeodTest[0].lon1, kGeodTest[0].lat1},
                         {kGeodTest[0].lon2, kGeodTest[0].lat2},
                         {kGeodTest[1].lon1, kGeodTest[1].lat1}};
    const geo::PathMeasure m = geo::measurePath(path, false);
    ASSERT_EQ(m.legs.size(), 2u);
    EXPECT_NEAR(m.legs[0].metres, kGeodTest[0].s12, 1e-3);
    EXPECT_NEAR(m.totalM, m.legs[0].metres + m.legs[1].metres, 1e-6);
    EXPECT_EQ(m.areaM2, 0);
    EXPECT_EQ(m.perimeterM, 0);
}

TEST(Measure, PolygonAreasAgreeWithPlanimeterReferences) {
    // GeographicLib Planimeter0: the diamond (lat, lon) (0,-1), (-1,0), (0,1), (1,0): perimeter
    // 627598.2731 m, area 24619419146 m².
    const geo::PathMeasure diamond = geo::measurePath({{-1, 0}, {0, -1}, {1, 0}, {0, 1}}, true);
    EXPECT_NEAR(diamond.perimeterM, 627598.2731, 1e-3);
    EXPECT_NEAR(diamond.areaM2, 24619419146.0, 1);
    // The same drawn the other way round has the same (absolute) area.
    const geo::PathMeasure reversed = geo::measurePath({{0, 1}, {1, 0}, {0, -1}, {-1, 0}}, true);
    EXPECT_NEAR(reversed.areaM2, 24619419146.0, 1);
    // Planimeter0 again: the octant (90,0), (0,0), (0,90): 63758202715511 m², perimeter 30022685 m.
    const geo::PathMeasure octant = geo::measurePath({{0, 90}, {0, 0}, {90, 0}}, true);
    EXPECT_NEAR(octant.areaM2, 63758202715511.0, 1);
    EXPECT_NEAR(octant.perimeterM, 30022685, 1);
    // Two points enclose nothing.
    EXPECT_EQ(geo::measurePath({{0, 0}, {1, 1}}, true).areaM2, 0);
}

TEST(Measure, BearingsAreZeroTo360) {
    const geo::GeodesicLeg west = geo::geodesicInverse({146, 44}, {145, 44});
    EXPECT_GT(west.initialBearingDeg, 180);
    EXPECT_LT(west.initialBearingDeg, 360);
    const geo::GeodesicLeg north = geo::geodesicInverse({146, 44}, {146, 45});
    EXPECT_NEAR(north.initialBearingDeg, 0, 1e-9);
}

TEST(ClosestApproach, TwoSquaresAndTheShippedStraits) {
    geo::Geometry a{.type = geo::GeometryType::Polygon};
    a.polygons.push_back({{{{145.0, 43.0}, {145.1, 43.0}, {145.1, 43.1}, {145.0, 43.1}}}});
    geo::Geometry b{.type = geo::GeometryType::Polygon};
    b.polygons.push_back({{{{145.3, 43.02}, {145.4, 43.02}, {145.4, 43.08}, {145.3, 43.08}}}});
    const geo::ClosestPair pair = geo::closestApproach(a, b);
    // The gap is along a parallel band: 0.2° of longitude at 43.02-43.08°N.
    EXPECT_NEAR(pair.a.x, 145.1, 1e-9);
    EXPECT_NEAR(pair.b.x, 145.3, 1e-9);
    EXPECT_NEAR(pair.metres, geo::geodesicDistanceM(pair.a, pair.b), 1e-6);
    EXPECT_NEAR(pair.metres, geo::geodesicDistanceM({145.1, 43.08}, {145.3, 43.08}), 1.0);
    EXPECT_TRUE(std::isinf(geo::closestApproach(a, geo::Geometry{}).metres));
}

} // namespace
