#!/usr/bin/python3
"""Check map of resources/data (not shipped): coast coloured by group with ring
ids, both boundary lines, names.csv points.

    /usr/bin/python3 tools/render_check.py OUT.png [--data resources/data]
        [--extent W,E,S,N] [--size 12] [--min-label-km2 0] [--names]

Needs python3-matplotlib (Debian).
"""
import argparse
import csv
import math
import os

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Polygon as MplPolygon
from osgeo import ogr

COLORS = {"etorofu": "#e8a87c", "kunashiri": "#c38d9e", "shikotan": "#85cdca",
          "habomai": "#e27d60", "hokkaido": "#9fd18b", "urup": "#b8b8d1"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--data", default=os.path.join(here, "..", "resources", "data"))
    ap.add_argument("--extent", default="144.5,150.5,42.9,46.3")
    ap.add_argument("--size", type=float, default=12)
    ap.add_argument("--min-label-km2", type=float, default=0.0)
    ap.add_argument("--names", action="store_true", help="draw names.csv points and ids")
    ap.add_argument("--vertices", action="store_true", help="mark boundary vertices")
    a = ap.parse_args()
    w, e, s, n = (float(v) for v in a.extent.split(","))
    aspect = 1 / math.cos(math.radians((s + n) / 2))
    fig, ax = plt.subplots(figsize=(a.size, a.size * (n - s) * aspect / (e - w)))
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect(aspect)
    ax.set_facecolor("#dbe9f6")
    ds = ogr.Open(os.path.join(a.data, "coast.shp"))
    lyr = ds.GetLayer()
    lyr.SetSpatialFilterRect(w, s, e, n)
    span = max(e - w, n - s)
    for f in lyr:
        g = f.GetGeometryRef()
        pts = g.GetGeometryRef(0).GetPoints()
        col = "#dbe9f6" if f["level"] % 2 == 0 else COLORS[f["group"]]
        ax.add_patch(MplPolygon([p[:2] for p in pts], closed=True, fc=col, ec="k", lw=0.3))
        env = g.GetEnvelope()
        big = (env[1] - env[0]) * (env[3] - env[2])
        if big * 111 * 80 >= a.min_label_km2 or f["level"] != 1:
            c = g.PointOnSurface()
            ax.annotate(f["id"], (c.GetX(), c.GetY()), fontsize=7, ha="center", va="center",
                        color="navy" if f["level"] == 1 else "blue")
    b = ogr.Open(os.path.join(a.data, "boundaries.shp"))
    if b is not None:
        for f in b.GetLayer():
            pts = f.GetGeometryRef().GetPoints()
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            ax.plot(xs, ys, "-", color="red" if f["claimant"] == "russia" else "darkgreen", lw=1.2,
                    marker="." if a.vertices else None, ms=3)
    ax.plot([145.85], [43.383333], "kx", ms=8)
    if a.names:
        with open(os.path.join(a.data, "names.csv"), encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                x, y = (float(v) for v in r["WKT"][7:-1].split())
                ax.plot([x], [y], "o", color="purple", ms=3)
                ax.annotate("%s (%s)" % (r["id"], r["priority"]), (x, y), fontsize=7, color="purple",
                            xytext=(3, 3), textcoords="offset points")
    ax.grid(True, lw=0.3)
    fig.savefig(a.out, dpi=110, bbox_inches="tight")


if __name__ == "__main__":
    main()
