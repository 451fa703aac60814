#pragma once
// Cutting rings to an axis-aligned box (Sutherland–Hodgman), for any container of points: geo::Path, or an
// app's own polygon type such as QPolygonF (libgeo stays Qt-free: points are reached through PointAccess).
//
//     geo::clipRing(path, box);                                            // geo::Path, geo::Box
//     geo::clipRing(polygon, geo::Box{r.left(), r.top(), r.right(), r.bottom()}); // QPolygonF, QRectF r
#include "geo/geometry.h"

#include <type_traits>

namespace geo {

/// How clipRing reads and makes a point of type P: `p.x`/`p.y` members (geo::Point) or `p.x()`/`p.y()`
/// accessors (QPointF) are found by themselves, and P{x, y} makes one. Specialise it for other point types.
template <class P> struct PointAccess {
    static double x(const P& p) {
        if constexpr (requires { p.x(); })
            return p.x();
        else
            return p.x;
    }
    static double y(const P& p) {
        if constexpr (requires { p.y(); })
            return p.y();
        else
            return p.y;
    }
    static P make(double x, double y) { return P{x, y}; }
};

/// Cuts the closed ring `ring` (first point not repeated) to `box`, in place: the part of the ring inside
/// the box, whose new edges run along the box's sides where the ring went outside (even-odd fill gives the
/// same area inside the box; where the ring goes round the box it runs along its sides, so pass a box a
/// little beyond what is drawn). Units-agnostic (box and ring in the same units), y up or down alike; the
/// box's sides count as inside. A ring inside the box is left untouched, one clear of it is emptied (the
/// result may be empty, or degenerate where the ring only touches the box), and only the sides its bounds
/// cross are cut. `scratch` is working storage (its contents are lost; keep one to reuse its capacity).
/// `Ring` needs size(), operator[], clear(), push_back() and swap(); its value type goes through
/// PointAccess.
template <class Ring> void clipRing(Ring& ring, const Box& box, Ring& scratch) {
    using P = std::decay_t<decltype(ring[0])>;
    using A = PointAccess<P>;
    Box b;
    for (decltype(ring.size()) i = 0; i < ring.size(); ++i)
        b.expand(Point{A::x(ring[i]), A::y(ring[i])});
    if (!box.intersects(b)) return ring.clear();
    // One side at a time, walking each edge from the point before to the point: the crossing first, then
    // the point if it is inside. A crossing lies exactly on the side.
    const auto cut = [&](auto inside, auto cross) {
        scratch.clear();
        const auto n = ring.size();
        for (decltype(ring.size()) i = 0; i < n; ++i) {
            const P& a = ring[i == 0 ? n - 1 : i - 1];
            const P& c = ring[i];
            const bool ia = inside(a), ic = inside(c);
            if (ia != ic) scratch.push_back(cross(a, c));
            if (ic) scratch.push_back(c);
        }
        ring.swap(scratch);
    };
    const auto atX = [](double x) {
        return [x](const P& a, const P& c) {
            return A::make(x, A::y(a) + (x - A::x(a)) * (A::y(c) - A::y(a)) / (A::x(c) - A::x(a)));
        };
    };
    const auto atY = [](double y) {
        return [y](const P& a, const P& c) {
            return A::make(A::x(a) + (y - A::y(a)) * (A::x(c) - A::x(a)) / (A::y(c) - A::y(a)), y);
        };
    };
    if (b.minx < box.minx) cut([&](const P& q) { return A::x(q) >= box.minx; }, atX(box.minx));
    if (b.maxx > box.maxx) cut([&](const P& q) { return A::x(q) <= box.maxx; }, atX(box.maxx));
    if (b.miny < box.miny) cut([&](const P& q) { return A::y(q) >= box.miny; }, atY(box.miny));
    if (b.maxy > box.maxy) cut([&](const P& q) { return A::y(q) <= box.maxy; }, atY(box.maxy));
}

/// clipRing with a per-thread scratch ring (one per Ring type and thread, kept for the thread's life, as
/// large as the largest ring it cut): for repeated calls on one thread, such as drawing.
template <class Ring> void clipRing(Ring& ring, const Box& box) {
    thread_local Ring scratch;
    clipRing(ring, box, scratch);
}

} // namespace geo
