#!/usr/bin/python3
"""Rebuild every file in resources/data/ from GSHHG 2.3.7 (full resolution).

    /usr/bin/python3 tools/make_data.py [--out resources/data] [--report FILE.json]
                                        [--skip-boundaries] [--add-kaigara]

Needs the Debian packages gmt, gmt-gshhg-full, python3-gdal, python3-numpy.
Run it with /usr/bin/python3 (python3-gdal is not visible to a pyenv python).

Steps (docs/data.md describes them in prose):
  1. `gmt coast -R139/157/41/52 -Df -W -M` in a temporary directory:
     GSHHG shoreline pieces, clipped per GSHHG bin and by the box.
  2. join the bin pieces into chains (exact end point == next start point, same
     level), close the chains cut by the box by walking counter-clockwise along
     the box edge (GSHHG keeps dry land on the left), drop nothing, simplify
     nothing.
  3. name every ring: gazetteer points (GAZ below) inside (or within 2 km of)
     a level-1 ring give it its id; other level-1 rings become
     <group>_islet_<n> with the group of the nearest named ring; lakes become
     lake_<n> with the group of the enclosing ring.
  4. coast.shp, claims.shp (union of level-1 rings by claimant),
     boundaries.shp (geodesic equidistance lines, see equidistance_line()),
     names.csv + names.csvt.
"""
import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from array import array

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

REGION = (139.0, 157.0, 41.0, 52.0)          # W, E, S, N of the gmt coast box
# The box of the four groups that Isleview opened on before the map was widened (its default view is the
# land inside it; docs/data.md): used only for the report's figures of that area.
FOCUS_REGION = (144.5, 150.5, 42.9, 46.3)
GROUPS = ("etorofu", "kunashiri", "shikotan", "habomai", "hokkaido", "urup", "north_kurils",
          "south_sakhalin", "north_sakhalin", "kamchatka", "mainland", "other")
ADMIN = {"hokkaido": "japan", "other": "japan"}  # "other" is Honshu's tip; everything else: russia
NAME_RADIUS_M = 2000.0                         # gazetteer point -> ring tolerance
SPLIT_LAT = 50.0                               # Sakhalin is cut here (the 1905-1945 border [S50])

# --------------------------------------------------------------------------
# Gazetteer of named land: id, group, lon, lat.  A point must fall inside its
# GSHHG ring (or within NAME_RADIUS_M of it).  The island points are inland
# points; the islet points are the positions of the GSHHG rings that were
# identified on the check maps and against the coordinates of the islets'
# Wikipedia pages (see docs/data.md, "Gazetteer").
# --------------------------------------------------------------------------
GAZ = [
    # id            group        lon        lat
    ("hokkaido",    "hokkaido",  144.90,    43.45),
    ("etorofu",     "etorofu",   147.87,    45.07),
    ("kunashiri",   "kunashiri", 145.95,    44.17),
    ("shikotan",    "shikotan",  146.74,    43.80),
    ("urup",        "urup",      149.95,    45.91),
    # Habomai islets, SW -> NE
    ("kaigara",     "habomai",   145.859444, 43.395000),  # 43°23'42"N 145°51'34"E [S29][S38]
    ("odoke",       "habomai",   145.875833, 43.390000),  # 43°23'24"N 145°52'33"E [S30]
    ("moemoshiri",  "habomai",   145.892500, 43.383611),  # 43°23'01"N 145°53'33"E (ru.wiki)
    ("suisho",      "habomai",   145.9125,  43.4396),
    ("akiyuri",     "habomai",   146.0018,  43.3703),     # 43°22'N 146°00'E
    ("yuri",        "habomai",   146.0660,  43.4248),     # 43°25'N 146°04'E
    ("harukaru",    "habomai",   146.1620,  43.4190),     # 43°25'N 146°10'E (largest ring)
    ("shibotsu",    "habomai",   146.1370,  43.5100),     # 43°30'N 146°08'E
    ("taraku",      "habomai",   146.3214,  43.6322),     # 43°38'N 146°19'E
    ("todo",        "habomai",   146.4036,  43.5698),     # Lisyi rocks 43°34'N 146°24'E
    # Hokkaido's islets off the Nemuro Peninsula
    ("yururi",      "hokkaido",  145.5970,  43.2129),
    ("moyururi",    "hokkaido",  145.6080,  43.2280),
    # the wider map (issue 14): inland points of the land the story names
    ("rebun",       "hokkaido",  141.03,    45.38),
    ("rishiri",     "hokkaido",  141.24,    45.18),
    ("okushiri",    "hokkaido",  139.46,    42.15),
    ("south_sakhalin", "south_sakhalin", 142.40, 47.30),
    ("north_sakhalin", "north_sakhalin", 142.90, 51.00),
    ("moneron",     "south_sakhalin", 141.23, 46.25),
    ("kamchatka",   "kamchatka", 156.80,    51.50),
    ("mainland",    "mainland",  139.50,    50.00),
    ("honshu",      "other",     141.30,    41.30),
    ("chirpoi",     "north_kurils", 150.88, 46.52),
    ("simushir",    "north_kurils", 152.00, 46.97),
    ("ketoy",       "north_kurils", 152.48, 47.35),
    ("ushishir",    "north_kurils", 152.82, 47.52),
    ("rasshua",     "north_kurils", 153.00, 47.75),
    ("matua",       "north_kurils", 153.21, 48.08),
    ("raikoke",     "north_kurils", 153.25, 48.29),
    ("chirinkotan", "north_kurils", 153.48, 48.98),
    ("ekarma",      "north_kurils", 153.95, 48.96),
    ("shiashkotan", "north_kurils", 154.10, 48.82),
    ("kharimkotan", "north_kurils", 154.51, 49.12),
    ("onekotan",    "north_kurils", 154.80, 49.45),
    ("makanrushi",  "north_kurils", 154.44, 49.77),
    ("paramushir",  "north_kurils", 155.80, 50.40),
    ("atlasov",     "north_kurils", 155.56, 50.86),
    ("shumshu",     "north_kurils", 156.30, 50.75),
]

SCAPIN_POINT = (145.85, 43.383333)   # SCAPIN-1033: 43°23'N 145°51'E [S63]

# Land that GSHHG 2.3.7 does not have, added as level-1 rings ONLY with
# --add-kaigara (docs/data.md, "Kaigara"): id, lon, lat, area m2, source.
# Kaigara/Signalny is a ~700 m2 rock with a lighthouse 3.7 km off Nosappu;
# SCAPIN-1033 puts the line midway between Nosappu and Kaigara.  The ring is a
# 16-gon of the rock's area centred on the fact-sheet coordinate.  The shipped
# data is built without it (pure GSHHG).
SUPPLEMENT = [
    ("kaigara", 145.859444, 43.395000, 700.0, "S29; S38; S1"),   # 43°23'42"N 145°51'34"E
]

# ----------------------------------------------------------------------------
# 1. GSHHG via gmt
# ----------------------------------------------------------------------------
LEVEL_RE = re.compile(r"Level\s+(\d+)")


def run_gmt(region):
    w, e, s, n = region
    tmp = tempfile.mkdtemp(prefix="isleview-gmt-")
    try:
        env = dict(os.environ, GMT_TMPDIR=tmp, GMT_USERDIR=tmp)
        out = subprocess.run(
            ["gmt", "coast", "-R%g/%g/%g/%g" % (w, e, s, n), "-Df", "-W", "-M"],
            cwd=tmp, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return out.stdout.decode("ascii")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def gmt_versions():
    v = {}
    try:
        v["gmt"] = subprocess.run(["gmt", "--version"], stdout=subprocess.PIPE,
                                  check=True).stdout.decode().strip()
    except Exception:
        v["gmt"] = "?"
    for pkg in ("gmt", "gmt-gshhg-full", "gdal-bin", "python3-gdal"):
        try:
            v["deb:" + pkg] = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                                             stdout=subprocess.PIPE, check=True).stdout.decode()
        except Exception:
            v["deb:" + pkg] = "?"
    v["gdal"] = gdal.__version__
    return v


def parse_dump(text):
    """[(level, xs, ys)] for every non-empty segment of a gmt -M dump."""
    segs = []
    level, xs, ys = None, None, None
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        if line[0] == ">":
            if xs:
                segs.append((level, xs, ys))
            m = LEVEL_RE.search(line)
            level = int(m.group(1)) if m else 0
            xs, ys = array("d"), array("d")
        else:
            a, b = line.split()[:2]
            xs.append(float(a))
            ys.append(float(b))
    if xs:
        segs.append((level, xs, ys))
    return segs


def closed(xs, ys):
    return len(xs) > 3 and xs[0] == xs[-1] and ys[0] == ys[-1]


def join_segments(segs):
    """Chain same-level segments whose end point equals another's start point
    exactly (GSHHG bin edges are exact).  Returns [(level, xs, ys)]."""
    by_start = {}
    for i, (lev, xs, ys) in enumerate(segs):
        if not closed(xs, ys):
            by_start.setdefault((lev, xs[0], ys[0]), []).append(i)
    has_pred = set()
    for i, (lev, xs, ys) in enumerate(segs):
        if not closed(xs, ys):
            for j in by_start.get((lev, xs[-1], ys[-1]), ()):
                if j != i:
                    has_pred.add(j)
    used = [False] * len(segs)
    out = []

    def chain(i):
        lev, x0, y0 = segs[i]
        xs, ys = array("d", x0), array("d", y0)
        used[i] = True
        while not closed(xs, ys):
            nxt = [j for j in by_start.get((lev, xs[-1], ys[-1]), ()) if not used[j]]
            if not nxt:
                break
            used[nxt[0]] = True
            xs.extend(segs[nxt[0]][1][1:])
            ys.extend(segs[nxt[0]][2][1:])
        return lev, xs, ys

    for i, (lev, xs, ys) in enumerate(segs):
        if closed(xs, ys):
            used[i] = True
            out.append((lev, xs, ys))
    for i in range(len(segs)):          # open pieces cut by the box first
        if not used[i] and i not in has_pred:
            out.append(chain(i))
    for i in range(len(segs)):          # then rings made of several bin pieces
        if not used[i]:
            out.append(chain(i))
    return out


class Box:
    """Box perimeter parameter t, counter-clockwise from the SW corner."""

    def __init__(self, w, e, s, n):
        self.w, self.e, self.s, self.n = w, e, s, n
        self.dx, self.dy = e - w, n - s
        self.P = 2 * (self.dx + self.dy)
        self.corners = [(0.0, (w, s)), (self.dx, (e, s)), (self.dx + self.dy, (e, n)),
                        (2 * self.dx + self.dy, (w, n))]
        self.eps = 1e-7 * max(self.dx, self.dy)

    def t_of(self, x, y):
        d = [abs(y - self.s), abs(x - self.e), abs(y - self.n), abs(x - self.w)]
        k = min(range(4), key=lambda i: d[i])
        if d[k] > self.eps:
            return None
        if k == 0:
            return x - self.w
        if k == 1:
            return self.dx + (y - self.s)
        if k == 2:
            return self.dx + self.dy + (self.e - x)
        return (2 * self.dx + self.dy + (self.n - y)) % self.P

    def corners_between(self, t0, t1):
        span = (t1 - t0) % self.P
        res = sorted(((tc - t0) % self.P, xy) for tc, xy in self.corners
                     if 0 < (tc - t0) % self.P < span)
        return [xy for _, xy in res]


def close_open_chains(chains, box):
    """chains: [(xs, ys)] with dry land on the left, both ends on the box edge.
    Walk counter-clockwise along the box from each exit to the next entry."""
    items = []
    for xs, ys in chains:
        ts, te = box.t_of(xs[0], ys[0]), box.t_of(xs[-1], ys[-1])
        if ts is None or te is None:
            raise RuntimeError("open chain not ending on the box edge: (%.6f %.6f)->(%.6f %.6f)"
                               % (xs[0], ys[0], xs[-1], ys[-1]))
        items.append((ts, te, xs, ys))
    used = [False] * len(items)
    rings = []
    for k in range(len(items)):
        if used[k]:
            continue
        rx, ry = array("d"), array("d")
        cur = k
        for _ in range(len(items) + 1):
            used[cur] = True
            ts, te, xs, ys = items[cur]
            rx.extend(xs)
            ry.extend(ys)
            best = min((m for m in range(len(items)) if not used[m] or m == k),
                       key=lambda m: (items[m][0] - te) % box.P)
            for cx, cy in box.corners_between(te, items[best][0]):
                rx.append(cx)
                ry.append(cy)
            if best == k:
                rx.append(rx[0])
                ry.append(ry[0])
                break
            cur = best
        else:
            raise RuntimeError("box walk did not close")
        rings.append((rx, ry))
    return rings


def build_rings(dump_text, region):
    segs = parse_dump(dump_text)
    chains = join_segments(segs)
    box = Box(*region)
    rings = []
    stats = {"bin_pieces": len(segs), "chains": len(chains), "open_chains": 0}
    for lev in sorted(set(c[0] for c in chains)):
        opens = []
        for lv, xs, ys in chains:
            if lv != lev:
                continue
            if closed(xs, ys):
                rings.append((lev, xs, ys, False))
            else:
                stats["open_chains"] += 1
                # dry land on the left: wet levels (2, 4) run clockwise, reverse
                opens.append((xs[::-1], ys[::-1]) if lev in (2, 4) else (xs, ys))
        for xs, ys in close_open_chains(opens, box):
            if lev in (2, 4):
                xs, ys = xs[::-1], ys[::-1]
            rings.append((lev, xs, ys, True))
    return rings, stats


def split_at_latitude(rings, lat=SPLIT_LAT, lon_range=(141.5, 145.0)):
    """Cut the land rings that lie in lon_range and cross `lat` (Sakhalin) into a part south and a part
    north of it, so the two can be filled differently.  The cut is one edge along the parallel shared by
    both parts (same end points, run in opposite directions): the viewer draws no coast along it
    (docs/data.md)."""
    out, cuts = [], []
    for lev, xs, ys, boxcut in rings:
        if not (lev == 1 and min(ys) < lat < max(ys) and lon_range[0] < min(xs) and max(xs) < lon_range[1]):
            out.append((lev, xs, ys, boxcut))
            continue
        g = ring_polygon(xs, ys)
        halves = []
        for s, n in ((-90.0, lat), (lat, 90.0)):
            part = g.Intersection(ring_polygon([0, 180, 180, 0, 0], [s, s, n, n, s]))
            polys = [part] if part.GetGeometryType() == ogr.wkbPolygon else \
                [part.GetGeometryRef(i) for i in range(part.GetGeometryCount())]
            for poly in polys:
                if poly.GetGeometryCount() != 1:
                    raise RuntimeError("the cut at %g N left a hole" % lat)
                pts = poly.GetGeometryRef(0).GetPoints()
                px = array("d", (round(x, 9) if abs(y - lat) < 1e-9 else x for x, y in pts))
                py = array("d", (lat if abs(y - lat) < 1e-9 else y for x, y in pts))
                # GSHHG orientation: land counter-clockwise
                area2 = sum(px[i] * py[i + 1] - px[i + 1] * py[i] for i in range(len(px) - 1))
                if area2 < 0:
                    px, py = px[::-1], py[::-1]
                halves.append((1, px, py, boxcut and max(py) > lat))
        on = [sorted(x for x, y in zip(h[1], h[2]) if y == lat) for h in halves]
        south = sorted(set(v for h, o in zip(halves, on) if min(h[2]) < lat for v in o))
        north = sorted(set(v for h, o in zip(halves, on) if max(h[2]) > lat for v in o))
        if south != north:
            raise RuntimeError("the two parts cut at %g N do not share their cut points" % lat)
        cuts.append({"lat": lat, "parts": len(halves), "cut_points": len(south)})
        out += halves
    return out, cuts


# ----------------------------------------------------------------------------
# geometry helpers
# ----------------------------------------------------------------------------
def srs_epsg(code):
    s = osr.SpatialReference()
    s.ImportFromEPSG(code)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def srs_proj4(p4):
    s = osr.SpatialReference()
    s.ImportFromProj4(p4)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


WGS84 = srs_epsg(4326)
UTM55 = srs_epsg(32655)
TO_UTM = osr.CoordinateTransformation(WGS84, UTM55)
FROM_UTM = osr.CoordinateTransformation(UTM55, WGS84)


def ring_polygon(xs, ys):
    r = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in zip(xs, ys):
        r.AddPoint_2D(x, y)
    p = ogr.Geometry(ogr.wkbPolygon)
    p.AddGeometryDirectly(r)
    return p


def transform_xy(ct, xs, ys):
    pts = ct.TransformPoints(list(zip(xs, ys)))
    a = np.array(pts, dtype=float)
    return a[:, 0], a[:, 1]


def to_utm(geom):
    g = geom.Clone()
    g.AssignSpatialReference(WGS84)
    g.Transform(TO_UTM)
    return g


def laea(lon, lat):
    return srs_proj4("+proj=laea +lat_0=%.6f +lon_0=%.6f +ellps=WGS84 +units=m +no_defs" % (lat, lon))


def aeqd(lon, lat):
    return srs_proj4("+proj=aeqd +lat_0=%.9f +lon_0=%.9f +ellps=WGS84 +units=m +no_defs" % (lat, lon))


def geodesic_area_km2(geom):
    """Area in km2 in a Lambert azimuthal equal-area projection (on the WGS84
    ellipsoid) centred on the geometry: equal-area, so exact up to the
    straight-edge approximation between the (dense) vertices."""
    env = geom.GetEnvelope()
    lon, lat = (env[0] + env[1]) / 2, (env[2] + env[3]) / 2
    g = geom.Clone()
    g.AssignSpatialReference(WGS84)
    g.Transform(osr.CoordinateTransformation(WGS84, laea(lon, lat)))
    return g.GetArea() / 1e6


def geodesic_distance_m(lon1, lat1, lon2, lat2):
    ct = osr.CoordinateTransformation(WGS84, aeqd(lon1, lat1))
    x, y, _ = ct.TransformPoint(lon2, lat2)
    return math.hypot(x, y)


def supplement_ring(lon, lat, area_m2, n=16):
    """Level-1 ring (counter-clockwise, GSHHG style) of area area_m2: a regular
    n-gon around (lon, lat), built in an azimuthal equidistant projection."""
    r = math.sqrt(2 * area_m2 / (n * math.sin(2 * math.pi / n)))
    ct = osr.CoordinateTransformation(aeqd(lon, lat), WGS84)
    xs, ys = array("d"), array("d")
    for k in range(n + 1):
        t = 2 * math.pi * (k % n) / n
        x, y, _ = ct.TransformPoint(r * math.cos(t), r * math.sin(t))
        xs.append(round(x, 7))
        ys.append(round(y, 7))
    return (1, xs, ys, False)


# ----------------------------------------------------------------------------
# 2. naming
# ----------------------------------------------------------------------------
def name_rings(rings):
    """Returns list of dicts: id, group, admin, level, xs, ys, geom (4326),
    geom_utm, area_km2; plus a dict of gazetteer results."""
    feats = []
    for lev, xs, ys, boxcut in rings:
        g = ring_polygon(xs, ys)
        feats.append({"level": lev, "xs": xs, "ys": ys, "geom": g, "utm": to_utm(g),
                      "boxcut": boxcut, "id": None, "group": None})
    land = [f for f in feats if f["level"] == 1]
    gaz = {}
    # pass 1: point inside a ring
    for gid, grp, lon, lat in GAZ:
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        hit = [f for f in land if f["geom"].Contains(pt)]
        if hit:
            f = hit[0]
            if f["id"] is not None:
                raise RuntimeError("%s and %s fall in the same ring" % (gid, f["id"]))
            f["id"], f["group"] = gid, grp
            gaz[gid] = {"match": "inside", "distance_m": 0.0}
    # pass 2: the remaining points take the nearest still-unnamed ring within
    # NAME_RADIUS_M, closest pairs first (so a point 30 m off a ring wins over
    # another point 1 km off the same ring)
    pairs = []
    nearest_any = {}
    for gid, grp, lon, lat in GAZ:
        if gid in gaz:
            continue
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        pu = to_utm(pt)
        ds_ = sorted((f["utm"].Distance(pu), i) for i, f in enumerate(land))
        nearest_any[gid] = ds_[0]
        pairs += [(d, gid, grp, i) for d, i in ds_ if d <= NAME_RADIUS_M]
    for d, gid, grp, i in sorted(pairs):
        if gid in gaz or land[i]["id"] is not None:
            continue
        land[i]["id"], land[i]["group"] = gid, grp
        gaz[gid] = {"match": "nearest", "distance_m": round(d, 1)}
    for gid, (d, i) in nearest_any.items():
        if gid not in gaz:
            gaz[gid] = {"match": "missing", "nearest_ring": land[i]["id"], "distance_m": round(d, 1)}
    named = [f for f in land if f["id"] is not None]
    # unnamed land: group of the nearest named ring
    for f in land:
        if f["id"] is None:
            d, g = min((f["utm"].Distance(n["utm"]), n["group"]) for n in named)
            if g in ("south_sakhalin", "north_sakhalin"):   # by the 50th parallel, not by the nearer part
                c = f["geom"].Centroid()
                g = "south_sakhalin" if c.GetY() < SPLIT_LAT else "north_sakhalin"
            f["group"] = g
            f["near_m"] = d
    # wet levels and islands in lakes: group of the enclosing ring
    for f in feats:
        if f["level"] == 1:
            continue
        pt = f["geom"].PointOnSurface()
        enc = [n for n in land if n["geom"].Contains(pt)]
        if not enc:
            raise RuntimeError("level-%d ring not inside any land ring" % f["level"])
        f["group"] = enc[0]["group"]
    # numbering, west to east (then south to north) for stability
    def key(f):
        c = f["geom"].Centroid()
        return (round(c.GetX(), 6), round(c.GetY(), 6))
    counters = {}
    for f in sorted(feats, key=key):
        if f["id"] is not None:
            continue
        if f["level"] in (2, 4):
            k = "lake"
            counters[k] = counters.get(k, 0) + 1
            f["id"] = "lake_%d" % counters[k]
        else:
            k = f["group"]
            counters[k] = counters.get(k, 0) + 1
            f["id"] = "%s_islet_%d" % (k, counters[k])
    # Sakhalin's two parts are one island: they share its id (the only id used twice), so its name and
    # figures cover both, while their groups tell them apart
    for f in land:
        if f["id"] in ("south_sakhalin", "north_sakhalin"):
            f["id"] = "sakhalin"
    for f in feats:
        f["admin"] = ADMIN.get(f["group"], "russia")
        f["area_km2"] = geodesic_area_km2(f["geom"])
    return feats, gaz


# ----------------------------------------------------------------------------
# writing helpers
# ----------------------------------------------------------------------------
def new_shp(path, gtype, fields):
    drv = ogr.GetDriverByName("ESRI Shapefile")
    base = path[:-4]
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix"):
        if os.path.exists(base + ext):
            os.remove(base + ext)
    ds = drv.CreateDataSource(path)
    lyr = ds.CreateLayer(os.path.basename(base), srs_epsg(4326), gtype, ["ENCODING=UTF-8"])
    for name, ftype, width in fields:
        fd = ogr.FieldDefn(name, ftype)
        if width:
            fd.SetWidth(width)
        lyr.CreateField(fd)
    return ds, lyr


def finish_shp(path):
    with open(path[:-4] + ".cpg", "w") as f:
        f.write("UTF-8")


def write_coast(path, feats):
    ds, lyr = new_shp(path, ogr.wkbPolygon, [("id", ogr.OFTString, 32), ("group", ogr.OFTString, 16),
                                             ("admin", ogr.OFTString, 8), ("level", ogr.OFTInteger, 2)])
    order = {g: i for i, g in enumerate(GROUPS)}
    feats = sorted(feats, key=lambda f: (f["level"], order[f["group"]], -f["area_km2"]))
    defn = lyr.GetLayerDefn()
    for f in feats:
        o = ogr.Feature(defn)
        o.SetField("id", f["id"])
        o.SetField("group", f["group"])
        o.SetField("admin", f["admin"])
        o.SetField("level", f["level"])
        o.SetGeometry(f["geom"])
        lyr.CreateFeature(o)
    ds = None
    finish_shp(path)


# ----------------------------------------------------------------------------
# 3. claims
# ----------------------------------------------------------------------------
CLAIMS = [
    ("japan", "Claimed by Japan", ("hokkaido", "other", "habomai", "shikotan", "kunashiri", "etorofu"),
     "S7; S8; S64; S53c"),
    ("russia", "Claimed by Russia", ("habomai", "shikotan", "kunashiri", "etorofu", "urup", "north_kurils",
                                     "south_sakhalin", "north_sakhalin", "kamchatka", "mainland"),
     "S65; S62; S60; S66"),
]


def write_claims(path, feats):
    ds, lyr = new_shp(path, ogr.wkbMultiPolygon, [("claimant", ogr.OFTString, 8),
                                                  ("name", ogr.OFTString, 64),
                                                  ("source", ogr.OFTString, 64)])
    defn = lyr.GetLayerDefn()
    out = {}
    for claimant, name, groups, src in CLAIMS:
        mp = ogr.Geometry(ogr.wkbMultiPolygon)
        for f in feats:
            if f["level"] == 1 and f["group"] in groups:
                mp.AddGeometry(f["geom"])
        u = mp.UnionCascaded()
        if u.GetGeometryType() == ogr.wkbPolygon:
            u = ogr.ForceToMultiPolygon(u)
        o = ogr.Feature(defn)
        o.SetField("claimant", claimant)
        o.SetField("name", name)
        o.SetField("source", src)
        o.SetGeometry(u)
        lyr.CreateFeature(o)
        out[claimant] = {"parts": u.GetGeometryCount(), "valid": bool(u.IsValid()),
                         "area_km2": round(geodesic_area_km2(u), 2)}
    ds = None
    finish_shp(path)
    return out


# ----------------------------------------------------------------------------
# 4. equidistance lines
# ----------------------------------------------------------------------------
class CoastSet:
    """All edges of a set of level-1 rings, for exact geodesic distances."""

    def __init__(self, feats):
        lon, lat = [], []
        a_idx = []
        n = 0
        for f in feats:
            xs = np.asarray(f["xs"], float)
            ys = np.asarray(f["ys"], float)
            # skip the artificial box-edge pieces of cut rings: those are not coast
            lon.append(xs)
            lat.append(ys)
            idx = np.arange(n, n + len(xs) - 1)
            seg_ok = np.ones(len(xs) - 1, bool)
            if f["boxcut"]:
                w, e, s, nn = REGION
                eps = 1e-9
                on = lambda x, y: (abs(x - w) < eps) | (abs(x - e) < eps) | (abs(y - s) < eps) | (abs(y - nn) < eps)
                on_edge = on(xs, ys)
                seg_ok = ~(on_edge[:-1] & on_edge[1:])
            a_idx.append(idx[seg_ok])
            n += len(xs)
        self.lon = np.concatenate(lon)
        self.lat = np.concatenate(lat)
        self.seg = np.concatenate(a_idx)           # segment i: point i -> i+1
        ux, uy = transform_xy(TO_UTM, self.lon, self.lat)
        self.ux, self.uy = ux, uy

    def distance(self, lon, lat, search_m=None):
        """Geodesic distance (m) from (lon, lat) to the nearest coast edge and
        the nearest point, in an azimuthal equidistant projection centred at
        the point (distances from the centre are exact geodesic distances)."""
        px, py, _ = TO_UTM.TransformPoint(lon, lat)
        d2 = (self.ux - px) ** 2 + (self.uy - py) ** 2
        dmin = math.sqrt(d2.min())
        r = dmin * 1.02 + 3000.0
        near = d2 <= r * r
        segs = self.seg[near[self.seg] | near[self.seg + 1]]
        pts = np.unique(np.concatenate([segs, segs + 1]))
        ct = osr.CoordinateTransformation(WGS84, aeqd(lon, lat))
        xy = np.array(ct.TransformPoints(list(zip(self.lon[pts].tolist(), self.lat[pts].tolist()))))
        pos = np.full(len(self.lon), -1, int)
        pos[pts] = np.arange(len(pts))
        ax, ay = xy[pos[segs], 0], xy[pos[segs], 1]
        bx, by = xy[pos[segs + 1], 0], xy[pos[segs + 1], 1]
        vx, vy = bx - ax, by - ay
        L2 = vx * vx + vy * vy
        t = np.where(L2 > 0, -(ax * vx + ay * vy) / np.where(L2 > 0, L2, 1), 0.0)
        t = np.clip(t, 0, 1)
        cx, cy = ax + t * vx, ay + t * vy
        d = np.hypot(cx, cy)
        k = int(np.argmin(d))
        # nearest point back to lon/lat
        inv = osr.CoordinateTransformation(aeqd(lon, lat), WGS84)
        nlon, nlat, _ = inv.TransformPoint(float(cx[k]), float(cy[k]))
        return float(d[k]), (nlon, nlat)


def raster_contour(setA, setB, extent_utm, pix=100.0):
    """Zero contour of dist(A) - dist(B) on a pixel grid in UTM 55N."""
    x0, y0, x1, y1 = extent_utm
    nx, ny = int(math.ceil((x1 - x0) / pix)), int(math.ceil((y1 - y0) / pix))
    mem = gdal.GetDriverByName("MEM")
    vmem = ogr.GetDriverByName("Memory")

    def prox(feats):
        vds = vmem.CreateDataSource("v")
        lyr = vds.CreateLayer("l", UTM55, ogr.wkbPolygon)
        for f in feats:
            o = ogr.Feature(lyr.GetLayerDefn())
            o.SetGeometry(f["utm"])
            lyr.CreateFeature(o)
        r = mem.Create("", nx, ny, 1, gdal.GDT_Byte)
        r.SetGeoTransform((x0, pix, 0, y1, 0, -pix))
        r.SetProjection(UTM55.ExportToWkt())
        gdal.RasterizeLayer(r, [1], lyr, burn_values=[1], options=["ALL_TOUCHED=TRUE"])
        p = mem.Create("", nx, ny, 1, gdal.GDT_Float32)
        p.SetGeoTransform(r.GetGeoTransform())
        p.SetProjection(r.GetProjection())
        gdal.ComputeProximity(r.GetRasterBand(1), p.GetRasterBand(1), ["VALUES=1", "DISTUNITS=GEO"])
        return p.GetRasterBand(1).ReadAsArray().astype(np.float64), p

    da, pa = prox(setA)
    db, _ = prox(setB)
    diff = mem.Create("", nx, ny, 1, gdal.GDT_Float32)
    diff.SetGeoTransform(pa.GetGeoTransform())
    diff.SetProjection(pa.GetProjection())
    diff.GetRasterBand(1).WriteArray(da - db)
    vds = vmem.CreateDataSource("c")
    lyr = vds.CreateLayer("c", UTM55, ogr.wkbLineString)
    lyr.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    lyr.CreateField(ogr.FieldDefn("v", ogr.OFTReal))
    gdal.ContourGenerate(diff.GetRasterBand(1), 0, 0, [0.0], 0, 0, lyr, 0, 1)
    lines = []
    for f in lyr:
        g = f.GetGeometryRef()
        lines.append(np.array(g.GetPoints())[:, :2])
    return lines


def equidistance_line(setA_feats, setB_feats, extent_utm, keep, step_m=500.0, tol_m=1.0):
    """Equidistance line between two coast sets.
    1. rasterize both sets at 100 m in UTM 55N, gdal.ComputeProximity for each,
       gdal.ContourGenerate at 0 of the difference; keep the longest piece
       after clipping with keep(lon, lat) -> bool;
    2. resample it every step_m along the line;
    3. move every vertex along the local normal of the line (secant/bisection)
       until |dA - dB| < tol_m with exact geodesic distances (CoastSet)."""
    A, B = CoastSet(setA_feats), CoastSet(setB_feats)
    lines = raster_contour(setA_feats, setB_feats, extent_utm)
    best = None
    for ln in lines:
        lon, lat = transform_xy(FROM_UTM, ln[:, 0], ln[:, 1])
        m = np.array([keep(a, b) for a, b in zip(lon, lat)])
        # longest run of kept vertices
        runs, start = [], None
        for i, v in enumerate(list(m) + [False]):
            if v and start is None:
                start = i
            if not v and start is not None:
                runs.append((start, i))
                start = None
        for s, e in runs:
            seg = ln[s:e]
            L = np.hypot(*np.diff(seg, axis=0).T).sum() if len(seg) > 1 else 0
            if best is None or L > best[0]:
                best = (L, seg)
    if best is None:
        raise RuntimeError("no equidistance contour found")
    seg = best[1]
    # resample every step_m (UTM metres)
    d = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(seg, axis=0).T))])
    n = max(2, int(round(d[-1] / step_m)) + 1)
    s = np.linspace(0, d[-1], n)
    ux, uy = np.interp(s, d, seg[:, 0]), np.interp(s, d, seg[:, 1])
    out = []
    for i in range(n):
        j0, j1 = max(0, i - 1), min(n - 1, i + 1)
        tx, ty = ux[j1] - ux[j0], uy[j1] - uy[j0]
        tl = math.hypot(tx, ty)
        nx_, ny_ = -ty / tl, tx / tl

        def f(t):
            lon, lat, _ = FROM_UTM.TransformPoint(ux[i] + t * nx_, uy[i] + t * ny_)
            da, _ = A.distance(lon, lat)
            db, _ = B.distance(lon, lat)
            return da - db, lon, lat

        # bracket and secant/bisection on t (metres along the normal)
        f0 = f(0.0)
        if abs(f0[0]) < tol_m:
            out.append((f0[1], f0[2]))
            continue
        lo, hi, flo, fhi = None, None, None, None
        step = 100.0
        for k in range(12):
            for t in (step, -step):
                ft = f(t)
                if (ft[0] > 0) != (f0[0] > 0):
                    lo, hi, flo, fhi = 0.0, t, f0, ft
                    break
            if lo is not None:
                break
            step *= 2
        if lo is None:
            raise RuntimeError("no sign change near vertex %d" % i)
        for _ in range(60):
            # regula falsi (Illinois) on [lo, hi]
            t = hi - fhi[0] * (hi - lo) / (fhi[0] - flo[0])
            ft = f(t)
            if abs(ft[0]) < tol_m:
                break
            if (ft[0] > 0) == (fhi[0] > 0):
                hi, fhi = t, ft
                flo = (flo[0] / 2,) + flo[1:]
            else:
                lo, flo = t, ft
                fhi = (fhi[0] / 2,) + fhi[1:]
        out.append((ft[1], ft[2]))
    # final check, exact
    errs = []
    for lon, lat in out:
        da, _ = A.distance(lon, lat)
        db, _ = B.distance(lon, lat)
        errs.append((abs(da - db), da, db))
    return out, errs, A, B


def line_distance_m(lon, lat, line):
    """Geodesic distance (m) from a point to a polyline (AEQD at the point)."""
    ct = osr.CoordinateTransformation(WGS84, aeqd(lon, lat))
    xy = np.array(ct.TransformPoints([(a, b) for a, b in line]))
    ax, ay, bx, by = xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1]
    vx, vy = bx - ax, by - ay
    L2 = vx * vx + vy * vy
    t = np.clip(-(ax * vx + ay * vy) / np.where(L2 > 0, L2, 1), 0, 1)
    return float(np.hypot(ax + t * vx, ay + t * vy).min())


BOUNDARIES = [
    {"claimant": "russia", "defacto": 1,
     "name": "Border as drawn by Russia (median line, Nemuro–Notsuke–Goyomai straits)",
     "source": "S63; S63b; S63c",
     "a": ("hokkaido",), "b": ("kunashiri", "habomai", "shikotan"),
     "lat_range": (43.0, 44.6),
     "extent": (144.6, 147.2, 42.6, 45.0)},
    {"claimant": "japan", "defacto": 0,
     "name": "Border as drawn by Japan (1855 Shimoda line, Vries Strait)",
     "source": "S48; S45",
     "a": ("etorofu",), "b": ("urup",),
     "radius_km": 55.0,
     "extent": (148.2, 150.3, 44.9, 46.2)},
]


def utm_extent(lonlat_box):
    w, e, s, n = lonlat_box
    xs, ys = [], []
    for lon in np.linspace(w, e, 20):
        for lat in (s, n):
            x, y, _ = TO_UTM.TransformPoint(lon, lat)
            xs.append(x)
            ys.append(y)
    for lat in np.linspace(s, n, 20):
        for lon in (w, e):
            x, y, _ = TO_UTM.TransformPoint(lon, lat)
            xs.append(x)
            ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys))


def closest_approach(A, B_feats):
    """Shortest geodesic connection between coast set A and rings B (approx:
    over B's vertices, exact distance to A)."""
    best = None
    for f in B_feats:
        ux, uy = transform_xy(TO_UTM, f["xs"], f["ys"])
        for lon, lat, x, y in zip(f["xs"], f["ys"], ux, uy):
            d2 = ((A.ux - x) ** 2 + (A.uy - y) ** 2).min()
            if best is None or d2 < best[0]:
                best = (d2, lon, lat)
    d, (nlon, nlat) = A.distance(best[1], best[2])
    return (best[1], best[2]), (nlon, nlat), d


def make_boundaries(path, feats, supplemented=False):
    ds, lyr = new_shp(path, ogr.wkbLineString, [("claimant", ogr.OFTString, 8),
                                                ("defacto", ogr.OFTInteger, 1),
                                                ("name", ogr.OFTString, 100),
                                                ("method", ogr.OFTString, 254),
                                                ("source", ogr.OFTString, 64)])
    defn = lyr.GetLayerDefn()
    report = {}
    land = [f for f in feats if f["level"] == 1]
    for b in BOUNDARIES:
        fa = [f for f in land if f["group"] in b["a"]]
        fb = [f for f in land if f["group"] in b["b"]]
        if "lat_range" in b:
            lo, hi = b["lat_range"]
            keep = lambda lon, lat, lo=lo, hi=hi: lo <= lat <= hi
            centre = None
        else:
            A0 = CoastSet(fa)
            pb, pa, dmin = closest_approach(A0, fb)
            centre = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
            R = b["radius_km"] * 1000.0
            keep = lambda lon, lat, c=centre, R=R: geodesic_distance_m(c[0], c[1], lon, lat) <= R
        pts, errs, A, B = equidistance_line(fa, fb, utm_extent(b["extent"]), keep)
        # orient: Okhotsk (north / west) end first
        if pts[0][1] < pts[-1][1]:
            pts = pts[::-1]
            errs = errs[::-1]
        if "lat_range" in b:
            clip = "clipped to %.1f-%.1fN" % b["lat_range"]
        else:
            clip = "clipped %.0f km around the strait's narrowest point" % b["radius_km"]
        method = ("Geodesic equidistance line, coast.shp level 1 (GSHHG 2.3.7 f%s), %s vs %s: "
                  "100 m proximity rasters in UTM 55N, zero contour, 500 m vertices refined to "
                  "|dA-dB| < 1 m on WGS84; %s" % (" + Kaigara" if supplemented else "",
                                                   "+".join(b["a"]), "+".join(b["b"]), clip))
        assert len(method.encode()) <= 254, len(method.encode())
        line = ogr.Geometry(ogr.wkbLineString)
        for lon, lat in pts:
            line.AddPoint_2D(round(lon, 7), round(lat, 7))
        o = ogr.Feature(defn)
        for k in ("claimant", "defacto", "name", "source"):
            o.SetField(k, b[k])
        o.SetField("method", method[:254])
        o.SetGeometry(line)
        lyr.CreateFeature(o)
        r = {"vertices": len(pts), "max_err_m": round(max(e[0] for e in errs), 3),
             "mean_err_m": round(float(np.mean([e[0] for e in errs])), 3),
             "min_half_width_m": round(min(e[1] for e in errs), 1),
             "start": [round(v, 5) for v in pts[0]], "end": [round(v, 5) for v in pts[-1]],
             "length_km": round(sum(geodesic_distance_m(*pts[i], *pts[i + 1])
                                    for i in range(len(pts) - 1)) / 1000, 2),
             "method": method}
        if centre is not None:
            r["strait_narrowest_km"] = round(dmin / 1000, 2)
            r["strait_centre"] = [round(centre[0], 5), round(centre[1], 5)]
        if b["claimant"] == "russia":
            r["scapin_point_distance_m"] = round(line_distance_m(SCAPIN_POINT[0], SCAPIN_POINT[1], pts), 1)
        report[b["claimant"]] = r
    ds = None
    finish_shp(path)
    return report


# ----------------------------------------------------------------------------
# 5. names.csv
# ----------------------------------------------------------------------------
NAME_COLUMNS = ["id", "kind", "parent", "admin", "ja_latin", "ja_native", "ja_kana", "ru_latin", "ru_native",
                "priority", "label_at", "uncertain", "source", "WKT"]
NAME_TYPES = ["String", "String", "String", "String", "String", "String", "String", "String", "String",
              "Integer", "String", "String", "String", "WKT"]

# Land labels kept at their given point (the viewer falls back to the pole where the label does not fit
# there): Hokkaido's label stays where the default view of the four groups shows it (its pole is far west
# of that view now that the map holds the whole island); Sakhalin's sits in the middle of its southern part
# (the pole of the part is near 49°N, out of a view of La Pérouse and Aniva).
LABEL_AT_POINT = {"hokkaido", "sakhalin"}

# Names whose form or pairing the fact sheet marks uncertain ("?" or "~"): the languages of the uncertain
# names ("ja", "ru" or "ja;ru"), written to the `uncertain` column; the viewer marks them with "?".
UNCERTAIN = {
    "goryachiye_klyuchi": "ja",   # 瀬石 Seseki: reading not seen in a source (fact sheet 1.4, 9)
    "krabozavodskoye": "ja",      # 穴澗 Anama: pairing from a single mirror (fact sheet 1.4, "~")
}

# id, kind, parent, admin, ja_latin, ja_native, ja_kana, ru_latin, ru_native, priority, source, position
# position: ("ring", id)  -> visual centre of that ring (pole of inaccessibility)
#           ("pt", lon, lat, on) -> given point; on = group whose land it must be on,
#                                   "water" (must not be on land) or None
# label_at (a column of its own): "point" for a label placed in the water ("pt" ... "water": Habomai among
# its islets, straits, seas), so the viewer keeps it there; "pole" for the rest (the viewer puts the label
# at the pole of the largest coast ring with the row's id, where there is one)
NAMES = [
    ("etorofu", "group", "", "russia", "Etorofu", "択捉島", "えとろふとう", "Iturup", "Итуруп", 1,
     "S4; S18; S20", ("ring", "etorofu")),
    ("kunashiri", "group", "", "russia", "Kunashiri", "国後島", "くなしりとう", "Kunashir", "Кунашир", 1,
     "S4; S21", ("ring", "kunashiri")),
    ("shikotan", "group", "", "russia", "Shikotan", "色丹島", "しこたんとう", "Shikotan", "Шикотан", 1,
     "S4; S22", ("ring", "shikotan")),
    ("habomai", "group", "", "russia", "Habomai", "歯舞群島", "はぼまいぐんとう", "Khabomai", "Хабомаи", 1,
     "S4; S23", ("pt", 146.02, 43.49, "water")),
    ("hokkaido", "island", "", "japan", "Hokkaidō", "北海道", "ほっかいどう", "Khokkaido", "Хоккайдо", 2,
     "S44", ("pt", 144.90, 43.45, "hokkaido")),
    ("urup", "island", "", "russia", "Uruppu", "得撫島", "うるっぷとう", "Urup", "Уруп", 2,
     "S48; S49", ("ring", "urup")),
    # Habomai islets SW -> NE [S1.3 of the fact sheet]
    ("kaigara", "islet", "habomai", "russia", "Kaigara", "貝殻島", "かいがらじま", "Signalny", "Сигнальный", None,
     "S1; S29; S26; S38", ("pt", 145.859444, 43.395, "missing")),
    ("odoke", "islet", "habomai", "russia", "Odoke", "オドケ島", "おどけとう", "Rifovy", "Рифовый", None,
     "S30; S25; S27; S28", ("ring", "odoke")),
    ("moemoshiri", "islet", "habomai", "russia", "Moemoshiri", "萌茂尻島", "もえもしりとう", "Storozhevoy", "Сторожевой", None,
     "S28; S25; S27", ("ring", "moemoshiri")),
    ("suisho", "islet", "habomai", "russia", "Suishō", "水晶島", "すいしょうとう", "Tanfilyeva", "Танфильева", None,
     "S5; S33; S22", ("ring", "suisho")),
    ("akiyuri", "islet", "habomai", "russia", "Akiyuri", "秋勇留島", "あきゆりとう", "Anuchina", "Анучина", None,
     "S5; S34; S22", ("ring", "akiyuri")),
    ("yuri", "islet", "habomai", "russia", "Yuri", "勇留島", "ゆりとう", "Yuriy", "Юрий", None,
     "S5; S37; S22", ("ring", "yuri")),
    ("harukaru", "islet", "habomai", "russia", "Harukaru", "春苅島", "はるかるとう", "Dyomina", "Дёмина", None,
     "S32; S22; S27", ("ring", "harukaru")),
    ("shibotsu", "islet", "habomai", "russia", "Shibotsu", "志発島", "しぼつとう", "Zelyony", "Зелёный", None,
     "S5; S35; S22", ("ring", "shibotsu")),
    ("taraku", "islet", "habomai", "russia", "Taraku", "多楽島", "たらくとう", "Polonskogo", "Полонского", None,
     "S5; S36; S22", ("ring", "taraku")),
    ("todo", "islet", "habomai", "russia", "Todo", "海馬島", "とどじま", "Oskolki", "Осколки", None,
     "S26; S31; S1", ("ring", "todo")),
    ("yururi", "islet", "hokkaido", "japan", "Yururi", "ユルリ島", "ゆるりとう", "Yururi", "Юрури", None,
     "translit", ("ring", "yururi")),
    ("moyururi", "islet", "hokkaido", "japan", "Moyururi", "モユルリ島", "もゆるりとう", "Moyururi", "Моюрури", None,
     "translit", ("ring", "moyururi")),
    # straits and seas
    ("nemuro_strait", "strait", "", "", "Nemuro-kaikyō", "根室海峡", "ねむろかいきょう", "Kunashirsky proliv",
     "Кунаширский пролив", 3, "S46; S63b", ("pt", 145.47, 44.12, "water")),
    ("notsuke_strait", "strait", "", "", "Notsuke-suidō", "野付水道", "のつけすいどう", "proliv Izmeny",
     "пролив Измены", 3, "S46; S63b", ("pt", 145.44, 43.54, "water")),
    ("goyomai_strait", "strait", "", "", "Goyōmai-suidō", "珸瑤瑁水道", "ごようまいすいどう", "Sovetsky proliv",
     "Советский пролив", 3, "S33; S39; S63b", ("pt", 145.85, 43.41, "water")),
    ("catherine_strait", "strait", "", "russia", "Kunashiri-suidō", "国後水道", "くなしりすいどう", "proliv Yekateriny",
     "пролив Екатерины", 3, "S4; S47", ("pt", 146.72, 44.50, "water")),
    ("vries_strait", "strait", "", "russia", "Etorofu-suidō", "択捉水道", "えとろふすいどう", "proliv Friza",
     "пролив Фриза", 3, "S45", ("pt", 149.1667, 45.5167, "water")),
    ("south_kuril_strait", "strait", "", "russia", "", "", "", "Yuzhno-Kurilsky proliv",
     "Южно-Курильский пролив", 3, "S33; X1", ("pt", 146.416667, 43.833333, "water")),
    ("sea_of_okhotsk", "sea", "", "", "Ohōtsuku-kai", "オホーツク海", "おほーつくかい", "Okhotskoye more",
     "Охотское море", 2, "S7", ("pt", 146.60, 45.30, "water")),
    ("pacific_ocean", "sea", "", "", "Taiheiyō", "太平洋", "たいへいよう", "Tikhiy okean", "Тихий океан", 2,
     "S7", ("pt", 147.80, 43.40, "water")),
    # settlements and capes [fact sheet 1.4]
    ("yuzhno_kurilsk", "settlement", "kunashiri", "russia", "Furukamappu", "古釜布", "ふるかまっぷ", "Yuzhno-Kurilsk",
     "Южно-Курильск", 4, "S41; S14", ("pt", 145.855556, 44.030556, "kunashiri")),
    ("golovnino", "settlement", "kunashiri", "russia", "Tomari", "泊", "とまり", "Golovnino", "Головнино", 4,
     "S43", ("pt", 145.512, 43.737, "kunashiri")),
    ("kurilsk", "settlement", "etorofu", "russia", "Shana", "紗那", "しゃな", "Kurilsk", "Курильск", 4,
     "S42; S41", ("pt", 147.883333, 45.216667, "etorofu")),
    ("reidovo", "settlement", "etorofu", "russia", "Bettobu", "別飛", "べっとぶ", "Reidovo", "Рейдово", 4,
     "S40; S14", ("pt", 148.025, 45.277, "etorofu")),
    ("goryachiye_klyuchi", "settlement", "etorofu", "russia", "Seseki", "瀬石", "せせき", "Goryachiye Klyuchi",
     "Горячие Ключи", 4, "S40", ("pt", 147.760556, 45.032778, "etorofu")),
    ("malokurilskoye", "settlement", "shikotan", "russia", "Shakotan", "斜古丹", "しゃこたん", "Malokurilskoye",
     "Малокурильское", 4, "S40; S22", ("pt", 146.826, 43.864, "shikotan")),
    ("krabozavodskoye", "settlement", "shikotan", "russia", "Anama", "穴澗", "あなま", "Krabozavodskoye",
     "Крабозаводское", 4, "S22k; S9 (~ pairing from one mirror)", ("pt", 146.745, 43.829, "shikotan")),
    ("nemuro", "settlement", "hokkaido", "japan", "Nemuro", "根室市", "ねむろし", "Nemuro", "Немуро", 4,
     "S44", ("pt", 145.5828, 43.3303, "hokkaido")),
    ("nosappu_cape", "cape", "hokkaido", "japan", "Nosappu-misaki", "納沙布岬", "のさっぷみさき", "mys Nosappu",
     "мыс Носаппу", 4, "S39", ("pt", 145.816944, 43.385278, "hokkaido")),
    # ---- the wider map (issue 14).  Sources outside the fact sheet: GSI (Japanese names as on the maps of
    # the Geospatial Information Authority of Japan) and GKGN (Russian names as in the state catalogue of
    # geographic names), both from the cartographers' standard usage, not from a stored page.
    ("sakhalin", "island", "", "russia", "Karafuto", "樺太", "からふと", "Sakhalin", "Сахалин", 2,
     "S50; S53; GSI; GKGN", ("pt", 142.40, 47.80, "sakhalin")),
    ("honshu", "island", "", "japan", "Honshū", "本州", "ほんしゅう", "Khonsyu", "Хонсю", 2,
     "GSI; GKGN", ("ring", "honshu")),
    ("kamchatka", "region", "", "russia", "Kamuchatsuka-hantō", "カムチャツカ半島", "かむちゃつかはんとう",
     "poluostrov Kamchatka", "полуостров Камчатка", 3, "GSI; GKGN", ("ring", "kamchatka")),
    ("rishiri", "island", "hokkaido", "japan", "Rishiri", "利尻島", "りしりとう", "Risiri", "Рисири", 4,
     "GSI; GKGN", ("ring", "rishiri")),
    ("rebun", "island", "hokkaido", "japan", "Rebun", "礼文島", "れぶんとう", "Rebun", "Рэбун", 4,
     "GSI; GKGN", ("ring", "rebun")),
    ("okushiri", "island", "hokkaido", "japan", "Okushiri", "奥尻島", "おくしりとう", "Okusiri", "Окусири", 4,
     "GSI; GKGN", ("ring", "okushiri")),
    ("moneron", "island", "sakhalin", "russia", "Kaiba", "海馬島", "かいばとう", "Moneron", "Монерон", 4,
     "GSI; GKGN", ("ring", "moneron")),
    # the Kurils north of Urup, SW -> NE (the 18 islands ceded in 1875 are Urup to Shumshu [S49])
    ("chirpoi", "island", "", "russia", "Chirihoi", "知理保以島", "ちりほいとう", "Chirpoy", "Чирпой", 5,
     "GSI; GKGN", ("ring", "chirpoi")),
    ("simushir", "island", "", "russia", "Shimushiru", "新知島", "しむしるとう", "Simushir", "Симушир", 3,
     "S41; GSI; GKGN", ("ring", "simushir")),
    ("ketoy", "island", "", "russia", "Ketoi", "計吐夷島", "けといとう", "Ketoy", "Кетой", 5,
     "GSI; GKGN", ("ring", "ketoy")),
    ("ushishir", "island", "", "russia", "Ushishiru", "宇志知島", "うししるとう", "Ushishir", "Ушишир", 5,
     "GSI; GKGN", ("ring", "ushishir")),
    ("rasshua", "island", "", "russia", "Rashowa", "羅処和島", "らしょわとう", "Rasshua", "Расшуа", 4,
     "GSI; GKGN", ("ring", "rasshua")),
    ("matua", "island", "", "russia", "Matsuwa", "松輪島", "まつわとう", "Matua", "Матуа", 4,
     "GSI; GKGN", ("ring", "matua")),
    ("raikoke", "island", "", "russia", "Raikoke", "雷公計島", "らいこけとう", "Raykoke", "Райкоке", 5,
     "GSI; GKGN", ("ring", "raikoke")),
    ("chirinkotan", "island", "", "russia", "Chirinkotan", "知林古丹島", "ちりんこたんとう", "Chirinkotan",
     "Чиринкотан", 5, "GSI; GKGN", ("ring", "chirinkotan")),
    ("ekarma", "island", "", "russia", "Ekaruma", "越渇磨島", "えかるまとう", "Ekarma", "Экарма", 5,
     "GSI; GKGN", ("ring", "ekarma")),
    ("shiashkotan", "island", "", "russia", "Shasukotan", "捨子古丹島", "しゃすこたんとう", "Shiashkotan",
     "Шиашкотан", 4, "GSI; GKGN", ("ring", "shiashkotan")),
    ("kharimkotan", "island", "", "russia", "Harumukotan", "春牟古丹島", "はるむこたんとう", "Kharimkotan",
     "Харимкотан", 5, "GSI; GKGN", ("ring", "kharimkotan")),
    ("onekotan", "island", "", "russia", "Onnekotan", "温禰古丹島", "おんねこたんとう", "Onekotan", "Онекотан", 3,
     "GSI; GKGN", ("ring", "onekotan")),
    ("makanrushi", "island", "", "russia", "Makanrushi", "磨勘留島", "まかんるしとう", "Makanrushi",
     "Маканруши", 5, "GSI; GKGN", ("ring", "makanrushi")),
    ("paramushir", "island", "", "russia", "Paramushiru", "幌筵島", "ぱらむしるとう", "Paramushir", "Парамушир", 3,
     "GSI; GKGN", ("ring", "paramushir")),
    ("atlasov", "island", "", "russia", "Araido", "阿頼度島", "あらいどとう", "Atlasova", "Атласова", 4,
     "GSI; GKGN", ("ring", "atlasov")),
    ("shumshu", "island", "", "russia", "Shumushu", "占守島", "しゅむしゅとう", "Shumshu", "Шумшу", 3,
     "S51; GSI; GKGN", ("ring", "shumshu")),
    # seas, bays and straits of the wider map
    ("sea_of_japan", "sea", "", "", "Nihon-kai", "日本海", "にほんかい", "Yaponskoye more", "Японское море", 2,
     "GSI; GKGN", ("pt", 139.80, 43.60, "water")),
    ("aniva_bay", "sea", "", "russia", "Aniwa-wan", "亜庭湾", "あにわわん", "zaliv Aniva", "залив Анива", 4,
     "GSI; GKGN", ("pt", 142.75, 46.30, "water")),
    ("patience_bay", "sea", "", "russia", "Taraika-wan", "多来加湾", "たらいかわん", "zaliv Terpeniya",
     "залив Терпения", 4, "GSI; GKGN", ("pt", 143.50, 48.80, "water")),
    ("soya_strait", "strait", "", "", "Sōya-kaikyō", "宗谷海峡", "そうやかいきょう", "proliv Laperuza",
     "пролив Лаперуза", 3, "S63b; GSI; GKGN", ("pt", 142.00, 45.71, "water")),
    ("tatar_strait", "strait", "", "russia", "Mamiya-kaikyō", "間宮海峡", "まみやかいきょう", "Tatarsky proliv",
     "Татарский пролив", 3, "GSI; GKGN", ("pt", 141.20, 49.50, "water")),
    ("tsugaru_strait", "strait", "", "japan", "Tsugaru-kaikyō", "津軽海峡", "つがるかいきょう", "Sangarsky proliv",
     "Сангарский пролив", 3, "GSI; GKGN", ("pt", 140.60, 41.50, "water")),
    ("bussol_strait", "strait", "", "russia", "Kita-Uruppu-suidō", "北得撫水道", "きたうるっぷすいどう",
     "proliv Bussol", "пролив Буссоль", 3, "GSI; GKGN", ("pt", 151.30, 46.70, "water")),
    ("first_kuril_strait", "strait", "", "russia", "Shumushu-kaikyō", "占守海峡", "しゅむしゅかいきょう",
     "Pervy Kurilsky proliv", "Первый Курильский пролив", 4, "GSI; GKGN", ("pt", 156.58, 50.86, "water")),
    # towns and capes of the wider map
    ("sapporo", "settlement", "hokkaido", "japan", "Sapporo", "札幌市", "さっぽろし", "Sapporo", "Саппоро", 4,
     "GSI; GKGN", ("pt", 141.3544, 43.0621, "hokkaido")),
    ("wakkanai", "settlement", "hokkaido", "japan", "Wakkanai", "稚内市", "わっかないし", "Vakkanay", "Вакканай", 5,
     "GSI; GKGN", ("pt", 141.6731, 45.4156, "hokkaido")),
    ("abashiri", "settlement", "hokkaido", "japan", "Abashiri", "網走市", "あばしりし", "Abasiri", "Абасири", 5,
     "GSI; GKGN", ("pt", 144.2733, 44.0206, "hokkaido")),
    ("kushiro", "settlement", "hokkaido", "japan", "Kushiro", "釧路市", "くしろし", "Kusiro", "Кусиро", 5,
     "GSI; GKGN", ("pt", 144.3814, 42.9849, "hokkaido")),
    ("hakodate", "settlement", "hokkaido", "japan", "Hakodate", "函館市", "はこだてし", "Khakodate", "Хакодате", 5,
     "GSI; GKGN", ("pt", 140.7288, 41.7687, "hokkaido")),
    ("yuzhno_sakhalinsk", "settlement", "sakhalin", "russia", "Toyohara", "豊原", "とよはら", "Yuzhno-Sakhalinsk",
     "Южно-Сахалинск", 4, "S58; GSI; GKGN", ("pt", 142.7380, 46.9590, "sakhalin")),
    ("korsakov", "settlement", "sakhalin", "russia", "Ōdomari", "大泊", "おおどまり", "Korsakov", "Корсаков", 5,
     "GSI; GKGN", ("pt", 142.7700, 46.6400, "sakhalin")),
    ("kholmsk", "settlement", "sakhalin", "russia", "Maoka", "真岡", "まおか", "Kholmsk", "Холмск", 5,
     "GSI; GKGN", ("pt", 142.0500, 47.0500, "sakhalin")),
    ("severo_kurilsk", "settlement", "paramushir", "russia", "Kashiwabara", "柏原", "かしわばら", "Severo-Kurilsk",
     "Северо-Курильск", 4, "GSI; GKGN", ("pt", 156.1236, 50.6786, "paramushir")),
    ("soya_cape", "cape", "hokkaido", "japan", "Sōya-misaki", "宗谷岬", "そうやみさき", "mys Soya", "мыс Соя", 5,
     "GSI; GKGN", ("pt", 141.9367, 45.5228, "hokkaido")),
    ("shiretoko_cape", "cape", "hokkaido", "japan", "Shiretoko-misaki", "知床岬", "しれとこみさき", "mys Siretoko",
     "мыс Сиретоко", 5, "GSI; GKGN", ("pt", 145.3353, 44.3497, "hokkaido")),
    ("erimo_cape", "cape", "hokkaido", "japan", "Erimo-misaki", "襟裳岬", "えりもみさき", "mys Erimo", "мыс Эримо", 5,
     "GSI; GKGN", ("pt", 143.2490, 41.9260, "hokkaido")),
    ("crillon_cape", "cape", "sakhalin", "russia", "Nishi-Notoro-misaki", "西能登呂岬", "にしのとろみさき",
     "mys Krilyon", "мыс Крильон", 5, "GSI; GKGN", ("pt", 142.0830, 45.9000, "sakhalin")),
    ("lopatka_cape", "cape", "kamchatka", "russia", "Ropatoka-misaki", "ロパトカ岬", "ろぱとかみさき", "mys Lopatka",
     "мыс Лопатка", 4, "GSI; GKGN", ("pt", 156.6650, 50.8700, "kamchatka")),

]


def visual_centre(geom, pix=None):
    """Label point of a polygon: the pixel that maximises (distance to the
    coast - 0.5 * distance to the centroid), from a proximity raster in UTM
    55N; a pole of inaccessibility pulled towards the centroid."""
    g = to_utm(geom)
    x0, x1, y0, y1 = g.GetEnvelope()
    size = max(x1 - x0, y1 - y0)
    pix = pix or max(20.0, size / 800.0)
    nx, ny = int((x1 - x0) / pix) + 3, int((y1 - y0) / pix) + 3
    mem = gdal.GetDriverByName("MEM")
    vds = ogr.GetDriverByName("Memory").CreateDataSource("v")
    lyr = vds.CreateLayer("l", UTM55, ogr.wkbPolygon)
    o = ogr.Feature(lyr.GetLayerDefn())
    o.SetGeometry(g)
    lyr.CreateFeature(o)
    r = mem.Create("", nx, ny, 1, gdal.GDT_Byte)
    gt = (x0 - pix, pix, 0, y1 + pix, 0, -pix)
    r.SetGeoTransform(gt)
    gdal.RasterizeLayer(r, [1], lyr, burn_values=[1])
    p = mem.Create("", nx, ny, 1, gdal.GDT_Float32)
    p.SetGeoTransform(gt)
    # distance to the nearest water pixel
    gdal.ComputeProximity(r.GetRasterBand(1), p.GetRasterBand(1), ["VALUES=0", "DISTUNITS=GEO"])
    a = p.GetRasterBand(1).ReadAsArray().astype(float)
    a[r.GetRasterBand(1).ReadAsArray() == 0] = -1e12
    # favour the middle of elongated islands: inscribed radius minus half the
    # distance to the centroid (so Kunashiri's label goes to its middle, not
    # to the wide Tyatya massif at its NE end)
    c = g.Centroid()
    jj, ii = np.mgrid[0:ny, 0:nx]
    px = gt[0] + (ii + 0.5) * pix
    py = gt[3] - (jj + 0.5) * pix
    score = a - 0.5 * np.hypot(px - c.GetX(), py - c.GetY())
    j, i = np.unravel_index(np.argmax(score), score.shape)
    x, y = gt[0] + (i + 0.5) * pix, gt[3] - (j + 0.5) * pix
    lon, lat, _ = FROM_UTM.TransformPoint(x, y)
    return lon, lat


def snap_inland(lon, lat, geom, inset_m=300.0):
    """Nearest point at least inset_m inside geom (UTM buffer)."""
    g = to_utm(geom)
    inner = g.Buffer(-inset_m, 8)
    if inner.IsEmpty():
        inner = g.Buffer(-inset_m / 4, 8)
    px, py, _ = TO_UTM.TransformPoint(lon, lat)
    best = None
    polys = [inner] if inner.GetGeometryType() == ogr.wkbPolygon else \
        [inner.GetGeometryRef(i) for i in range(inner.GetGeometryCount())]
    for p in polys:
        ring = np.array(p.GetGeometryRef(0).GetPoints())[:, :2]
        a, b = ring[:-1], ring[1:]
        v = b - a
        L2 = (v ** 2).sum(1)
        t = np.clip(((px - a[:, 0]) * v[:, 0] + (py - a[:, 1]) * v[:, 1]) / np.where(L2 > 0, L2, 1), 0, 1)
        c = a + t[:, None] * v
        d = np.hypot(c[:, 0] - px, c[:, 1] - py)
        k = int(np.argmin(d))
        if best is None or d[k] < best[0]:
            best = (d[k], c[k])
    lon2, lat2, _ = FROM_UTM.TransformPoint(float(best[1][0]), float(best[1][1]))
    return lon2, lat2, best[0]


def write_names(path, feats):
    by_id = {f["id"]: f for f in sorted(feats, key=lambda f: f["area_km2"])}   # a shared id: the largest
    land = [f for f in feats if f["level"] == 1]
    rows, notes = [], {}
    for (nid, kind, parent, admin, jl, jn, kana, rl, rn, prio, src, pos) in NAMES:
        if pos[0] == "ring":
            f = by_id[pos[1]]
            lon, lat = visual_centre(f["geom"])
            where = "visual centre of ring %s" % pos[1]
        else:
            lon, lat, on = pos[1], pos[2], pos[3]
            where = "given"
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(lon, lat)
            inside = [f for f in land if f["geom"].Contains(pt)]
            if on == "water":
                if inside:
                    raise RuntimeError("%s: water label falls on land (%s)" % (nid, inside[0]["id"]))
            elif on == "missing":
                where = "gazetteer point (no GSHHG ring)"
            elif on is not None:
                # must lie on land of group `on` (the island itself, not an islet)
                target = by_id[on]
                if not target["geom"].Contains(pt):
                    lon2, lat2, d = snap_inland(lon, lat, target["geom"])
                    where = "moved %.0f m onto the GSHHG coast of %s" % (d, on)
                    lon, lat = lon2, lat2
        if prio is None:
            f = by_id.get(nid)
            prio = 3 if (f is not None and f["area_km2"] >= 1.0) else 5
        label_at = "point" if (pos[0] == "pt" and pos[3] == "water") or nid in LABEL_AT_POINT else "pole"
        rows.append([nid, kind, parent, admin, jl, jn, kana, rl, rn, str(prio), label_at, UNCERTAIN.get(nid, ""),
                     src,
                     "POINT (%.6f %.6f)" % (lon, lat)])
        notes[nid] = where
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(NAME_COLUMNS)
        w.writerows(rows)
    with open(path + "t", "w", encoding="utf-8") as fh:
        fh.write(",".join(NAME_TYPES) + "\n")
    with open(path[:-4] + ".prj", "w") as fh:
        s = srs_epsg(4326)
        s.MorphToESRI()
        fh.write(s.ExportToWkt())
    return notes


# ----------------------------------------------------------------------------
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(here, "..", "resources", "data"))
    ap.add_argument("--report", help="write the build report (JSON) here")
    ap.add_argument("--skip-boundaries", action="store_true")
    ap.add_argument("--add-kaigara", action="store_true",
                    help="add the SUPPLEMENT ring (Kaigara) that GSHHG lacks (not in the shipped data)")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)

    dump = run_gmt(REGION)
    rings, stats = build_rings(dump, REGION)
    rings, stats["cuts"] = split_at_latitude(rings)
    if a.add_kaigara:
        for sid, lon, lat, area, _src in SUPPLEMENT:
            rings.append(supplement_ring(lon, lat, area))
        stats["supplementary_rings"] = [x[0] for x in SUPPLEMENT]
    feats, gaz = name_rings(rings)
    write_coast(os.path.join(out, "coast.shp"), feats)

    rep = {"versions": gmt_versions(), "region": REGION, "gshhg": stats}
    rep["rings"] = len(feats)
    rep["vertices"] = int(sum(len(f["xs"]) for f in feats))
    per = {}
    for f in feats:
        k = "%s/level%d" % (f["group"], f["level"])
        per.setdefault(k, {"rings": 0, "vertices": 0})
        per[k]["rings"] += 1
        per[k]["vertices"] += len(f["xs"])
    rep["per_group"] = per
    areas = {}
    for g in GROUPS:
        areas[g] = round(sum(f["area_km2"] for f in feats if f["level"] == 1 and f["group"] == g), 2)
    rep["area_km2_level1_by_group"] = areas
    rep["area_km2_main_island"] = {k: round(by["area_km2"], 2) for k in ("etorofu", "kunashiri", "shikotan")
                                   for by in feats if by["id"] == k}
    rep["gazetteer"] = gaz
    rep["named_rings"] = {f["id"]: {"area_km2": round(f["area_km2"], 3), "vertices": len(f["xs"])}
                          for f in feats if not re.search(r"_islet_|^lake_", f["id"])}
    rep["claims"] = write_claims(os.path.join(out, "claims.shp"), feats)
    if not a.skip_boundaries:
        rep["boundaries"] = make_boundaries(os.path.join(out, "boundaries.shp"), feats,
                                            supplemented=a.add_kaigara)
    rep["names"] = write_names(os.path.join(out, "names.csv"), feats)
    txt = json.dumps(rep, indent=1, ensure_ascii=False)
    if a.report:
        with open(a.report, "w") as fh:
            fh.write(txt)
    print(txt)


if __name__ == "__main__":
    main()
