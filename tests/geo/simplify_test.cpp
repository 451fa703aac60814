#include "geo/simplify.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using geo::Path;
using geo::Point;

namespace {

double segDist(Point p, Point a, Point b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

// A noisy star-shaped ring, like a small island's coast.
Path randomRing(std::mt19937& rng, int n, double radius) {
    std::uniform_real_distribution<double> noise(0.6, 1.0);
    Path ring;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * i / n;
        const double r = radius * noise(rng);
        ring.push_back({r * std::cos(a), r * std::sin(a)});
    }
    return ring;
}

// A wandering line heading east, like a river or a boundary: `n` steps from the origin.
Path randomWalk(std::mt19937& rng, int n) {
    std::normal_distribution<double> step(0, 10);
    Path path{{0, 0}};
    for (int i = 0; i < n; ++i)
        path.push_back({path.back().x + std::abs(step(rng)), path.back().y + step(rng)});
    return path;
}

// Positions of `out` in `in`, or empty if `out` is not a subsequence of `in`.
std::vector<std::size_t> positions(const Path& in, const Path& out) {
    std::vector<std::size_t> pos;
    std::size_t k = 0;
    for (const Point& p : out) {
        while (k < in.size() && !(in[k] == p))
            ++k;
        if (k == in.size()) return {};
        pos.push_back(k++);
    }
    return pos;
}

// Largest distance of a dropped input point from the simplified edge that replaced it.
double maxDeviation(const Path& in, const std::vector<std::size_t>& kept, bool closed) {
    double worst = 0;
    const std::size_t edges = closed ? kept.size() : kept.size() - 1;
    for (std::size_t e = 0; e < edges; ++e) {
        const std::size_t i = kept[e];
        const std::size_t j = kept[(e + 1) % kept.size()];
        const std::size_t end = j > i ? j : j + in.size();
        for (std::size_t k = i + 1; k < end; ++k)
            worst = std::max(worst, segDist(in[k % in.size()], in[i], in[j]));
    }
    return worst;
}

TEST(Simplify, RingPropertiesOnRandomRings) {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 40; ++trial) {
        const Path ring = randomRing(rng, 50 + trial * 37, 1000);
        for (const double tol : {0.0, 1.0, 25.0, 150.0, 5000.0}) {
            const Path out = geo::simplifyRing(ring, tol);
            ASSERT_GE(out.size(), 3U) << "tol " << tol;
            EXPECT_FALSE(out.front() == out.back()) << "rings stay implicitly closed";
            const auto kept = positions(ring, out);
            ASSERT_EQ(kept.size(), out.size()) << "not a subset in order";
            EXPECT_LE(maxDeviation(ring, kept, true), tol + 1e-9);
            EXPECT_GT(geo::signedArea(out) * geo::signedArea(ring), 0) << "orientation kept";
        }
    }
}

TEST(Simplify, RingKeepsItsDiameter) {
    std::mt19937 rng(11);
    const Path ring = randomRing(rng, 300, 50);
    std::pair<Point, Point> far;
    double best = -1;
    for (const Point& a : ring)
        for (const Point& b : ring)
            if (const double d = std::hypot(a.x - b.x, a.y - b.y); d > best) {
                best = d;
                far = {a, b};
            }
    const Path out = geo::simplifyRing(ring, 1e9);
    ASSERT_EQ(out.size(), 3U);
    EXPECT_EQ(positions(out, {far.first}).size() + positions(out, {far.second}).size(), 2U);
}

TEST(Simplify, TinyRingsSurvive) {
    const Path square{{0, 0}, {1e-6, 0}, {1e-6, 1e-6}, {0, 1e-6}};
    EXPECT_EQ(geo::simplifyRing(square, 1.0).size(), 3U);
    const Path triangle{{0, 0}, {1, 0}, {0, 1}};
    EXPECT_EQ(geo::simplifyRing(triangle, 100.0), triangle);
}

TEST(Simplify, PathPropertiesAndEnds) {
    std::mt19937 rng(3);
    const Path path = randomWalk(rng, 3000);
    for (const double tol : {0.5, 5.0, 50.0}) {
        const Path out = geo::simplifyPath(path, tol);
        EXPECT_TRUE(out.front() == path.front());
        EXPECT_TRUE(out.back() == path.back());
        EXPECT_LT(out.size(), path.size());
        const auto kept = positions(path, out);
        ASSERT_EQ(kept.size(), out.size());
        EXPECT_LE(maxDeviation(path, kept, false), tol + 1e-9);
    }
}

TEST(Simplify, ThinThenSimplifyStaysWithinTheTolerance) {
    std::mt19937 rng(13);
    const Path path = randomWalk(rng, 3000);
    const Path ring = randomRing(rng, 2000, 1000);
    for (const auto& [tol, radius] : {std::pair{40.0, 10.0}, std::pair{40.0, 20.0}, std::pair{200.0, 50.0}}) {
        const Path line = geo::thinThenSimplify(path, false, tol, radius);
        EXPECT_EQ(line.front(), path.front());
        EXPECT_EQ(line.back(), path.back());
        auto kept = positions(path, line);
        ASSERT_EQ(kept.size(), line.size()) << "not a subset in order";
        EXPECT_LE(maxDeviation(path, kept, false), tol + 1e-9);
        const Path r = geo::thinThenSimplify(ring, true, tol, radius);
        ASSERT_GE(r.size(), 3U);
        kept = positions(ring, r);
        ASSERT_EQ(kept.size(), r.size()) << "not a subset in order";
        EXPECT_LE(maxDeviation(ring, kept, true), tol + 1e-9);
        EXPECT_LT(r.size(), geo::simplifyRing(ring, 0.0).size());
    }
}

TEST(Simplify, ThinThenSimplifyKeepsATinyRingATriangle) {
    // Thinned to one point, the ring is simplified whole instead.
    const Path square{{0, 0}, {1, 0}, {1, 1}, {0.5, 1.2}, {0, 1}};
    EXPECT_EQ(geo::thinThenSimplify(square, true, 10.0, 5.0), geo::simplifyRing(square, 10.0));
    EXPECT_EQ(geo::thinThenSimplify(square, true, 10.0, 5.0).size(), 3U);
}

TEST(Simplify, LevelsNestKeepAnchorsAndStayWithinTheirTolerance) {
    std::mt19937 rng(5);
    const std::vector<double> tolerances{10, 40, 160, 640, 2560};
    for (int trial = 0; trial < 20; ++trial) {
        const Path ring = randomRing(rng, 60 + trial * 53, 2000);
        for (const bool closed : {true, false}) {
            const auto level = geo::simplifyLevels(ring, closed, tolerances);
            ASSERT_EQ(level.size(), ring.size());
            std::size_t before = ring.size();
            for (std::size_t k = 1; k <= tolerances.size(); ++k) {
                std::vector<std::size_t> kept;
                Path out;
                for (std::size_t i = 0; i < ring.size(); ++i)
                    if (level[i] >= k) kept.push_back(i), out.push_back(ring[i]);
                ASSERT_GE(kept.size(), closed ? 3U : 2U) << "level " << k;
                EXPECT_LE(kept.size(), before) << "levels shrink";
                before = kept.size();
                EXPECT_LE(maxDeviation(ring, kept, closed), tolerances[k - 1] + 1e-9) << "level " << k;
                if (closed)
                    EXPECT_GT(geo::signedArea(out) * geo::signedArea(ring), 0) << "orientation kept";
                else
                    EXPECT_TRUE(kept.front() == 0 && kept.back() == ring.size() - 1) << "ends kept";
            }
        }
    }
    const Path square{{0, 0}, {1e-6, 0}, {1e-6, 1e-6}, {0, 1e-6}};
    const auto tiny = geo::simplifyLevels(square, true, tolerances);
    EXPECT_EQ(std::count(tiny.begin(), tiny.end(), std::uint8_t(tolerances.size())), 3)
        << "a triangle survives";
}

TEST(Simplify, HugeRingDoesNotRecurse) {
    // A million-point spiral-ish ring: a recursive Douglas–Peucker would need a deep stack on it.
    Path ring;
    const int n = 1'000'000;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * i / n;
        const double r = 1000 + 0.001 * i;
        ring.push_back({r * std::cos(a), r * std::sin(a)});
    }
    const Path out = geo::simplifyRing(ring, 1.0);
    EXPECT_GE(out.size(), 3U);
    EXPECT_LT(out.size(), 2000U);
}

// Every point `simplified` (a subsequence of `path`, both ends kept) left out lies within `tolerance` of the
// segment between the kept points either side of it.
void expectWithin(const Path& path, const Path& simplified, double tolerance) {
    std::size_t k = 0; // simplified[k] is the last kept point at or before path[i]
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (k + 1 < simplified.size() && path[i] == simplified[k + 1]) {
            ++k;
            continue;
        }
        if (path[i] == simplified[k]) continue;
        ASSERT_LT(k + 1, simplified.size());
        ASSERT_LE(segDist(path[i], simplified[k], simplified[k + 1]), tolerance + 1e-9) << "point " << i;
    }
}

TEST(Simplify, ZigzagsTakeBoundedWorkAndStayWithinTheTolerance) {
    // Long zigzag edges, each point a little further along: Douglas-Peucker splits each stretch next to its
    // end, which took time quadratic in the points (this one: minutes). Past a fixed number of distance tests
    // per point the rest is thinned in linear time, still within the tolerance.
    Path zigzag;
    const int n = 200'000;
    for (int i = 0; i < n; ++i)
        zigzag.push_back({i % 2 ? 1000.0 : 0.0, 0.01 * i});
    const Path out = geo::simplifyPath(zigzag, 1.0);
    EXPECT_EQ(out.size(), zigzag.size()) << "every corner of the zigzag is kept";
    // A zigzag whose teeth shrink below the tolerance part way: what goes, goes within it.
    Path mixed;
    for (int i = 0; i < 50'000; ++i)
        mixed.push_back({(i % 2 ? 1.0 : 0.0) * (i < 25'000 ? 1000.0 : 0.5), 0.001 * i});
    const Path thin = geo::simplifyPath(mixed, 1.0);
    EXPECT_LT(thin.size(), 30'000U);
    expectWithin(mixed, thin, 1.0);
    const std::vector<double> tolerances{1.0, 4.0, 16.0};
    const std::vector<std::uint8_t> levels = geo::simplifyLevels(mixed, false, tolerances);
    for (std::size_t l = 1; l <= tolerances.size(); ++l) {
        Path kept;
        for (std::size_t i = 0; i < mixed.size(); ++i)
            if (levels[i] >= l) kept.push_back(mixed[i]);
        expectWithin(mixed, kept, tolerances[l - 1]);
    }
}

} // namespace
