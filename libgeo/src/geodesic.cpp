#include "geo/geodesic.h"

#include <geodesic.h>

#include <cmath>
#include <limits>
#include <numbers>

namespace geo {
namespace {

constexpr double kDeg = std::numbers::pi / 180;

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, 6378137.0, 1 / 298.257223563);
        return init;
    }();
    return g;
}

// Approximate metres in a plane centred on `origin`: equirectangular with the cosine taken at the mean
// latitude of each point and the origin, which keeps the error to a fraction of a percent over a few
// hundred kilometres. Only used to pick candidate segments and a starting point for the exact search.
struct LocalPlane {
    explicit LocalPlane(Point o) : origin(o) {
        const double s = std::sin(o.y * kDeg);
        const double e2 = wgs84().e2;
        const double w = std::sqrt(1 - e2 * s * s);
        primeVertical = wgs84().a / w * kDeg;
        meridional = wgs84().a * (1 - e2) / (w * w * w) * kDeg;
    }
    Point operator()(Point q) const {
        const double dlon = std::remainder(q.x - origin.x, 360.0);
        return {dlon * primeVertical * std::cos((q.y + origin.y) / 2 * kDeg), (q.y - origin.y) * meridional};
    }
    Point origin;
    double primeVertical;
    double meridional;
};

// Planar distance from the origin to segment a-b, and the parameter of the nearest point.
std::pair<double, double> planarDistance(Point a, Point b) {
    const double t = segmentParameter({0, 0}, a, b);
    // not hypot: this loop is hot and the values are tame
    return {std::sqrt(squaredSegmentDistance({0, 0}, a, b)), t};
}

// Exact distance from p to the geodesic segment a-b, starting the search at fraction t of its length.
// Each step moves along the segment by the projection of the current point-to-p geodesic onto the
// segment direction; on a plane that lands on the foot point at once, on the ellipsoid it converges in a
// few steps for segments of tens of kilometres.
double segmentDistance(Point p, Point a, Point b, double t) {
    geod_geodesicline line{};
    geod_inverseline(&line, &wgs84(), a.y, a.x, b.y, b.x,
                     GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_AZIMUTH | GEOD_DISTANCE_IN);
    const double length = line.s13;
    double s = t * length;
    double d = 0;
    for (int i = 0; i < 20; ++i) {
        double lat = 0;
        double lon = 0;
        double azi = 0;
        double aziToP = 0;
        geod_position(&line, s, &lat, &lon, &azi);
        geod_inverse(&wgs84(), lat, lon, p.y, p.x, &d, &aziToP, nullptr);
        const double next = std::clamp(s + d * std::cos((aziToP - azi) * kDeg), 0.0, length);
        if (std::abs(next - s) < 1e-4) break;
        s = next;
    }
    return d;
}

} // namespace

double geodesicDistanceM(Point a, Point b) {
    double s12 = 0;
    geod_inverse(&wgs84(), a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
    return s12;
}

double geodesicLengthM(const Path& path) {
    double sum = 0;
    for (std::size_t i = 1; i < path.size(); ++i)
        sum += geodesicDistanceM(path[i - 1], path[i]);
    return sum;
}

double geodesicAreaM2(const Path& ring) {
    if (ring.size() < 3) return 0;
    std::vector<double> lats;
    std::vector<double> lons;
    lats.reserve(ring.size());
    lons.reserve(ring.size());
    for (const Point& p : ring) {
        lats.push_back(p.y);
        lons.push_back(p.x);
    }
    double area = 0;
    geod_polygonarea(&wgs84(), lats.data(), lons.data(), static_cast<int>(ring.size()), &area, nullptr);
    return std::abs(area);
}

double geodesicAreaM2(const Polygon& poly) {
    double area = 0;
    for (std::size_t i = 0; i < poly.rings.size(); ++i)
        area += (i == 0 ? 1 : -1) * geodesicAreaM2(poly.rings[i]);
    return std::max(area, 0.0);
}

double geodesicAreaM2(const Geometry& g) {
    double area = 0;
    for (const Polygon& poly : g.polygons)
        area += geodesicAreaM2(poly);
    return area;
}

double geodesicDistanceToPathM(Point p, const Path& path, bool closed) {
    if (path.empty()) return std::numeric_limits<double>::infinity();
    if (path.size() == 1) return geodesicDistanceM(p, path.front());

    const LocalPlane plane(p);
    std::vector<Point> local(path.size());
    std::transform(path.begin(), path.end(), local.begin(), plane);
    const std::size_t segments = closed ? path.size() : path.size() - 1;
    const auto next = [&](std::size_t i) { return (i + 1) % path.size(); };
    std::vector<std::pair<double, double>> approx(segments);
    std::size_t nearest = 0;
    for (std::size_t i = 0; i < segments; ++i) {
        approx[i] = planarDistance(local[i], local[next(i)]);
        if (approx[i].first < approx[nearest].first) nearest = i;
    }
    // Exact distance to the segment that looks nearest, then to every other segment the approximation cannot
    // rule out. The plane's point distances err by under 0.2% at 1000 km and 45°N (2.4% at 70°N), growing
    // with (distance × sec lat)²; a geodesic bows away from the straight segment by about L² tan(lat) / 8R.
    // The lower bound allows for at least twice both.
    const double tanLat = std::abs(std::tan(p.y * kDeg));
    double best = segmentDistance(p, path[nearest], path[next(nearest)], approx[nearest].second);
    for (std::size_t i = 0; i < segments; ++i) {
        const Point a = local[i];
        const Point b = local[next(i)];
        const double d = approx[i].first;
        const double relError = 0.001 + 0.005 * (1 + tanLat * tanLat) * (d / 1e6) * (d / 1e6);
        const double bow =
            ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)) * (1 + tanLat) / (4 * wgs84().a);
        if (i != nearest && d * (1 - relError) - bow - 1 < best)
            best = std::min(best, segmentDistance(p, path[i], path[next(i)], approx[i].second));
    }
    return best;
}

namespace {

double bearing360(double azimuth) {
    const double a = std::fmod(azimuth + 360.0, 360.0);
    return a >= 360.0 ? 0.0 : a;
}

// The rings or lines of a geometry, each with a flag saying whether it closes.
std::vector<std::pair<const Path*, bool>> outlines(const Geometry& g) {
    std::vector<std::pair<const Path*, bool>> out;
    for (const Path& line : g.lines)
        out.emplace_back(&line, false);
    for (const Polygon& poly : g.polygons)
        for (const Path& ring : poly.rings)
            out.emplace_back(&ring, true);
    return out;
}

} // namespace

GeodesicLeg geodesicInverse(Point a, Point b) {
    GeodesicLeg leg;
    double azi1 = 0;
    double azi2 = 0;
    geod_inverse(&wgs84(), a.y, a.x, b.y, b.x, &leg.metres, &azi1, &azi2);
    leg.initialBearingDeg = bearing360(azi1);
    leg.finalBearingDeg = bearing360(azi2);
    return leg;
}

PathMeasure measurePath(const Path& points, bool polygon) {
    PathMeasure m;
    for (std::size_t i = 1; i < points.size(); ++i) {
        m.legs.push_back(geodesicInverse(points[i - 1], points[i]));
        m.totalM += m.legs.back().metres;
    }
    if (polygon && points.size() >= 3) {
        // PROJ's polygon accumulator (Karney): exact for any polygon, including ones round a pole.
        geod_polygon poly{};
        geod_polygon_init(&poly, 0);
        for (const Point& p : points)
            geod_polygon_addpoint(&wgs84(), &poly, p.y, p.x);
        double area = 0;
        double perimeter = 0;
        geod_polygon_compute(&wgs84(), &poly, 0, 1, &area, &perimeter);
        m.areaM2 = std::abs(area);
        m.perimeterM = perimeter;
    }
    return m;
}

ClosestPair closestApproach(const Geometry& a, const Geometry& b) {
    ClosestPair best{{}, {}, std::numeric_limits<double>::infinity()};
    const auto aOutlines = outlines(a);
    const auto bOutlines = outlines(b);
    // One plane for both sides, centred on them: its distances are within a few per cent over the few
    // hundred kilometres the two span, enough to rule out the vertices that cannot be nearest.
    Box both;
    for (const auto* side : {&aOutlines, &bOutlines})
        for (const auto& [path, closed] : *side)
            for (const Point& p : *path)
                both.expand(p);
    if (both.empty()) return best;
    const LocalPlane common(both.center());
    const auto flatten = [&](const auto& side) {
        std::vector<Point> out;
        for (const auto& [path, closed] : side)
            for (const Point& p : *path)
                out.push_back(common(p));
        return out;
    };
    const std::vector<Point> aFlat = flatten(aOutlines), bFlat = flatten(bOutlines);
    // The nearest pair of two outlines that do not cross has a vertex at one end at least, so each side's
    // vertices are tried against the other side's outlines; the exact search runs only for the vertices
    // whose nearest vertex on the other side (on the plane) could still beat the best so far.
    struct {
        const Path* path = nullptr;
        bool closed = false;
        bool swapped = false;
    } nearest;
    const auto side = [&](const auto& from, const std::vector<Point>& fromFlat, const auto& to,
                          const std::vector<Point>& toFlat, bool swapped) {
        std::size_t k = 0;
        for (const auto& [path, closedFrom] : from)
            for (const Point& p : *path) {
                const Point pf = fromFlat[k++];
                double approx = std::numeric_limits<double>::infinity();
                for (const Point& q : toFlat)
                    approx = std::min(approx, (q.x - pf.x) * (q.x - pf.x) + (q.y - pf.y) * (q.y - pf.y));
                // The other side's segments are short next to the gap, so its nearest vertex is at most
                // half a segment (a few km) further than its nearest point.
                if (std::sqrt(approx) * 0.95 - 5000 > best.metres) continue;
                for (const auto& [other, closed] : to)
                    if (const double d = geodesicDistanceToPathM(p, *other, closed); d < best.metres)
                        best = {p, {}, d}, nearest = {other, closed, swapped};
            }
    };
    side(aOutlines, aFlat, bOutlines, bFlat, false);
    side(bOutlines, bFlat, aOutlines, aFlat, true);
    if (!nearest.path) return best;
    // The foot on the other outline, once: the nearest of fine samples along the segments about as near.
    const Point p = best.a;
    const LocalPlane plane(p);
    const Path& other = *nearest.path;
    const std::size_t n = other.size();
    const std::size_t segments = n < 2 ? 0 : nearest.closed ? n : n - 1;
    Point foot = other.front();
    double footD = geodesicDistanceM(p, foot);
    for (std::size_t i = 0; i < segments; ++i) {
        const Point s0 = other[i];
        const Point s1 = other[(i + 1) % n];
        if (std::sqrt(squaredSegmentDistance({0, 0}, plane(s0), plane(s1))) * 0.99 - 50 > best.metres)
            continue;
        for (int j = 0; j <= 200; ++j) {
            const double t = j / 200.0;
            const Point q{s0.x + (s1.x - s0.x) * t, s0.y + (s1.y - s0.y) * t};
            if (const double dq = geodesicDistanceM(p, q); dq < footD) footD = dq, foot = q;
        }
    }
    best.metres = footD;
    best.a = nearest.swapped ? foot : p;
    best.b = nearest.swapped ? p : foot;
    return best;
}

} // namespace geo
