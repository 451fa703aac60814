#include "geo/geodesic.h"

#include "test_support.h"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

using geo::Point;

namespace {

constexpr double kDeg = std::numbers::pi / 180;

// Vincenty's inverse formula (T. Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid
// with application of nested equations", Survey Review 23(176), 1975): an implementation independent of
// Karney's algorithm in PROJ, accurate to well under a millimetre for non-antipodal points.
double vincentyM(Point p1, Point p2) {
    const double a = 6378137.0;
    const double f = 1 / 298.257223563;
    const double b = a * (1 - f);
    const double L = (p2.x - p1.x) * kDeg;
    const double u1 = std::atan((1 - f) * std::tan(p1.y * kDeg));
    const double u2 = std::atan((1 - f) * std::tan(p2.y * kDeg));
    const double sinU1 = std::sin(u1), cosU1 = std::cos(u1), sinU2 = std::sin(u2), cosU2 = std::cos(u2);
    double lambda = L;
    double sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0;
    for (int i = 0; i < 200; ++i) {
        const double sinL = std::sin(lambda), cosL = std::cos(lambda);
        sinSigma = std::hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
        cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
        sigma = std::atan2(sinSigma, cosSigma);
        const double sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
        cos2Alpha = 1 - sinAlpha * sinAlpha;
        cos2SigmaM = cos2Alpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0;
        const double C = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
        const double prev = lambda;
        lambda =
            L + (1 - C) * f * sinAlpha *
                    (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        if (std::abs(lambda - prev) < 1e-13) break;
    }
    const double uSq = cos2Alpha * (a * a - b * b) / (b * b);
    const double A = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    const double B = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    const double dSigma = B * sinSigma *
                          (cos2SigmaM + B / 4 *
                                            (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
                                             B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) *
                                                 (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return b * A * (sigma - dSigma);
}

TEST(Geodesic, JfkToLhr) {
    // GeographicLib's own example (examples/example-Geodesic.cpp): JFK (40.6N, 73.8W) to LHR (51.6N, 0.5W),
    // printed by example-Geodesic-small.cpp as "5551.76 km".
    const Point jfk{-73.8, 40.6};
    const Point lhr{-0.5, 51.6};
    const double d = geo::geodesicDistanceM(jfk, lhr);
    EXPECT_NEAR(d, 5551.76e3, 5);
    EXPECT_NEAR(d, vincentyM(jfk, lhr), 1e-3);
}

TEST(Geodesic, AgreesWithVincentyAroundTheIslands) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(140, 155);
    std::uniform_real_distribution<double> lat(40, 50);
    for (int i = 0; i < 200; ++i) {
        const Point a{lon(rng), lat(rng)};
        const Point b{lon(rng), lat(rng)};
        EXPECT_NEAR(geo::geodesicDistanceM(a, b), vincentyM(a, b), 1e-3);
    }
}

TEST(Geodesic, EquatorialDegreeCellArea) {
    const geo::Path cell{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    const double area = geo::geodesicAreaM2(cell);
    // GeographicLib's Planimeter gives 12 308 778 361.469 m² for this quadrilateral.
    EXPECT_NEAR(area, 12308778361.469, 1.0);
    // Independently: the closed-form zone area. The geodesic top edge bulges north of the 1° parallel by a
    // few metres, which adds about 0.003%.
    EXPECT_NEAR(area / geotest::zoneAreaM2(0, 1, 0, 1), 1.0, 1e-4);
    // Orientation does not matter.
    EXPECT_DOUBLE_EQ(geo::geodesicAreaM2(geo::Path(cell.rbegin(), cell.rend())), area);
}

TEST(Geodesic, AreaOfPolygonsAndGeometries) {
    const geo::Path outer{{145, 43}, {146, 43}, {146, 44}, {145, 44}};
    const geo::Path hole{{145.4, 43.4}, {145.6, 43.4}, {145.6, 43.6}, {145.4, 43.6}};
    const geo::Polygon poly{{outer, hole}};
    EXPECT_NEAR(geo::geodesicAreaM2(poly), geo::geodesicAreaM2(outer) - geo::geodesicAreaM2(hole), 1e-3);
    EXPECT_NEAR(geo::geodesicAreaM2(outer) / geotest::zoneAreaM2(145, 146, 43, 44), 1.0, 1e-4);
    const geo::Geometry g{geo::GeometryType::Polygon, {}, {}, {poly, geo::Polygon{{outer}}}};
    EXPECT_NEAR(geo::geodesicAreaM2(g), geo::geodesicAreaM2(poly) + geo::geodesicAreaM2(outer), 1e-3);
    EXPECT_EQ(geo::geodesicAreaM2(geo::Geometry{geo::GeometryType::Line, {}, {outer}, {}}), 0);
}

TEST(Geodesic, LengthIsSumOfSegments) {
    const geo::Path path{{145, 43}, {145.5, 43.2}, {146, 43}, {146.2, 44}};
    double sum = 0;
    for (std::size_t i = 1; i < path.size(); ++i)
        sum += vincentyM(path[i - 1], path[i]);
    EXPECT_NEAR(geo::geodesicLengthM(path), sum, 1e-2);
}

// Reference: the minimum over a dense sampling of the geodesic a-b (PROJ's geodesic line), refined by
// golden-section search around the best sample.
double bruteDistanceToSegment(Point p, Point a, Point b) {
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    geod_geodesicline line{};
    geod_inverseline(&line, &g, a.y, a.x, b.y, b.x, 0);
    const auto at = [&](double s) {
        double lat = 0, lon = 0, d = 0;
        geod_position(&line, s, &lat, &lon, nullptr);
        geod_inverse(&g, lat, lon, p.y, p.x, &d, nullptr, nullptr);
        return d;
    };
    const int n = 2000;
    double bestS = 0;
    double best = at(0);
    for (int i = 1; i <= n; ++i)
        if (const double d = at(line.s13 * i / n); d < best) {
            best = d;
            bestS = line.s13 * i / n;
        }
    double lo = std::max(0.0, bestS - line.s13 / n);
    double hi = std::min(line.s13, bestS + line.s13 / n);
    for (int i = 0; i < 100; ++i) {
        const double m1 = lo + (hi - lo) * 0.382;
        const double m2 = lo + (hi - lo) * 0.618;
        if (at(m1) < at(m2))
            hi = m2;
        else
            lo = m1;
    }
    return std::min(best, at((lo + hi) / 2));
}

TEST(Geodesic, DistanceToSegmentsWithinOneMetre) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> lon(144, 151);
    std::uniform_real_distribution<double> lat(42, 47);
    std::uniform_real_distribution<double> off(-0.4, 0.4);
    std::uniform_real_distribution<double> azi(0, 360);
    std::uniform_real_distribution<double> len(1000, 50000);
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    for (int i = 0; i < 300; ++i) {
        const Point a{lon(rng), lat(rng)};
        Point b;
        geod_direct(&g, a.y, a.x, azi(rng), len(rng), &b.y, &b.x, nullptr);
        const Point p{a.x + off(rng), a.y + off(rng)};
        EXPECT_NEAR(geo::geodesicDistanceToPathM(p, {a, b}, false), bruteDistanceToSegment(p, a, b), 1.0);
    }
}

TEST(Geodesic, DistanceToPathUsesClosingEdgeOnlyWhenClosed) {
    // A "C" open on its west side; p sits in the opening.
    const geo::Path c{{145.0, 43.5}, {145.0, 43.0}, {146.0, 43.0}, {146.0, 44.0}, {145.0, 44.0}};
    const Point p{144.9, 43.75};
    const double open = geo::geodesicDistanceToPathM(p, c, false);
    const double closed = geo::geodesicDistanceToPathM(p, c, true);
    EXPECT_NEAR(closed, bruteDistanceToSegment(p, c.back(), c.front()), 1.0);
    EXPECT_NEAR(open, std::min(geo::geodesicDistanceM(p, c.front()), bruteDistanceToSegment(p, c[3], c[4])),
                1.0);
    EXPECT_LT(closed, open);
    EXPECT_EQ(geo::geodesicDistanceToPathM(p, {c.front()}, false), geo::geodesicDistanceM(p, c.front()));
}

} // namespace

namespace {

TEST(Geodesic, DistanceToLongPathEqualsNearestOfItsSegments) {
    // Skipping far segments must never skip the nearest one: compare with the minimum over one-segment calls
    // (each checked against brute force above), for coasts at mid and high latitude and points near and far.
    std::mt19937 rng(8);
    std::uniform_real_distribution<double> radius(20e3, 60e3);
    std::uniform_real_distribution<double> azi(0, 360);
    std::uniform_real_distribution<double> far(0, 1.2e6);
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    for (const double lat : {44.0, 70.0}) {
        geo::Path ring(300);
        for (std::size_t i = 0; i < ring.size(); ++i)
            geod_direct(&g, lat, 146, 360.0 * double(i) / double(ring.size()), radius(rng), &ring[i].y,
                        &ring[i].x, nullptr);
        for (int k = 0; k < 60; ++k) {
            Point p;
            geod_direct(&g, lat, 146, azi(rng), k < 30 ? far(rng) / 10 : far(rng), &p.y, &p.x, nullptr);
            double expected = std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < ring.size(); ++i)
                expected = std::min(
                    expected, geo::geodesicDistanceToPathM(p, {ring[i], ring[(i + 1) % ring.size()]}, false));
            EXPECT_DOUBLE_EQ(geo::geodesicDistanceToPathM(p, ring, true), expected) << lat << " " << k;
        }
    }
}

} // namespace
