#include "geo/projection.h"

#include "geo/cpu.h"

#include <proj.h>

#include <cmath>
#include <limits>

namespace geo {

static_assert(sizeof(Point) == 2 * sizeof(double), "proj_trans_generic strides over Point arrays");

struct Projector::Impl {
    Impl() : ctx(proj_context_create()) {
        // PROJ logs errors to stderr by default; keep the last one for our own message instead.
        proj_log_func(ctx, this, [](void* self, int, const char* msg) {
            static_cast<Impl*>(self)->lastLog = msg ? msg : "";
        });
    }
    ~Impl() {
        proj_destroy(pj);
        proj_context_destroy(ctx);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    PJ_CONTEXT* ctx;
    PJ* pj = nullptr;
    std::string crs;
    std::string lastLog;
};

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// PROJ marks failed points with HUGE_VAL; the header promises NaN.
Point fromProj(PJ_COORD c) {
    if (c.xy.x == HUGE_VAL || c.xy.y == HUGE_VAL) return {kNaN, kNaN};
    return {c.xy.x, c.xy.y};
}

} // namespace

Result<Projector> Projector::create(const std::string& crs) {
    auto impl = std::make_unique<Impl>();
    impl->crs = crs;
    PJ* op = proj_create_crs_to_crs(impl->ctx, "EPSG:4326", crs.c_str(), nullptr);
    if (op == nullptr) {
        std::string why = impl->lastLog.empty() ? "unknown CRS" : impl->lastLog;
        return Error{"cannot project to '" + crs + "': " + why};
    }
    // EPSG:4326 is lat, lon by the book; normalising makes the operation take lon, lat.
    impl->pj = proj_normalize_for_visualization(impl->ctx, op);
    proj_destroy(op);
    if (impl->pj == nullptr) return Error{"cannot project to '" + crs + "': " + impl->lastLog};
    return Projector(std::move(impl));
}

Projector::Projector(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
Projector::Projector(Projector&&) noexcept = default;
Projector& Projector::operator=(Projector&&) noexcept = default;
Projector::~Projector() = default;

const std::string& Projector::crs() const {
    return d_->crs;
}

Point Projector::forward(Point lonlat) const {
    return fromProj(proj_trans(d_->pj, PJ_FWD, proj_coord(lonlat.x, lonlat.y, 0, 0)));
}

Point Projector::inverse(Point xy) const {
    return fromProj(proj_trans(d_->pj, PJ_INV, proj_coord(xy.x, xy.y, 0, 0)));
}

void Projector::forward(std::span<Point> points) const {
    if (points.empty()) return;
    const std::size_t stride = sizeof(Point);
    clearUpperVectorState();
    proj_trans_generic(d_->pj, PJ_FWD, &points[0].x, stride, points.size(), &points[0].y, stride,
                       points.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (Point& p : points)
        if (p.x == HUGE_VAL || p.y == HUGE_VAL) p = {kNaN, kNaN};
}

Path Projector::forward(const Path& lonlat) const {
    Path out = lonlat;
    forward(std::span<Point>(out));
    return out;
}

Geometry Projector::forward(const Geometry& lonlat) const {
    Geometry out = lonlat;
    forward(std::span<Point>(out.points));
    for (Path& line : out.lines)
        forward(std::span<Point>(line));
    for (Polygon& poly : out.polygons)
        for (Path& ring : poly.rings)
            forward(std::span<Point>(ring));
    return out;
}

} // namespace geo
