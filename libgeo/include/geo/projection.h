#pragma once
// Map projection through PROJ. One Projector per thread (each owns its PROJ context).
#include "geo/geometry.h"
#include "geo/result.h"

#include <memory>
#include <span>
#include <string>

namespace geo {

/// The display projection Isleview uses by default: UTM zone 55N (EPSG:32655), a transverse Mercator
/// (conformal) with central meridian 147°E, in metres. See docs/architecture.md.
inline constexpr const char* kDisplayCrs = "EPSG:32655";
/// A world projection for whole-earth views (Equal Earth, EPSG:8857), metres.
inline constexpr const char* kWorldCrs = "EPSG:8857";

/// Transforms lon/lat degrees (WGS84) to a projected CRS and back. Not thread-safe: one per thread.
class Projector {
  public:
    /// `crs` is anything PROJ accepts ("EPSG:32655", a PROJ string, WKT). Fails on an unknown CRS.
    static Result<Projector> create(const std::string& crs);
    Projector(Projector&&) noexcept;
    Projector& operator=(Projector&&) noexcept;
    ~Projector();

    const std::string& crs() const;
    /// lon/lat degrees -> metres. Returns a point with NaN coordinates when PROJ cannot project it.
    Point forward(Point lonlat) const;
    /// metres -> lon/lat degrees.
    Point inverse(Point xy) const;
    /// In-place forward transform of many points (fast path).
    void forward(std::span<Point> points) const;
    Path forward(const Path& lonlat) const;
    Geometry forward(const Geometry& lonlat) const;

  private:
    struct Impl;
    explicit Projector(std::unique_ptr<Impl>);
    std::unique_ptr<Impl> d_;
};

} // namespace geo
