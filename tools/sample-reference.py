#!/usr/bin/env python3
"""An independent answer for the planner's sample district (static/samples/*.csv), for the e2e test.

Written apart from the Rust core, from public definitions only:
- GCJ-02 → WGS84: the published forward transform (Krasovsky 1940 ellipsoid, a = 6378245 m,
  ee = 0.00669342162296594323), inverted by fixed-point iteration to 1e-10 degrees;
- distance: the haversine great-circle distance on a sphere of the IUGG mean radius 6,371,008.8 m;
- a person is served if some site (chosen or existing) is within the radius (1,000 m, inclusive);
- the best k sites by exhaustive search over every set of k candidates (C(30, 5) = 142,506 sets),
  with coverage as bitsets. No heuristics: the answer is the true optimum.

Usage: tools/sample-reference.py [K] [RADIUS_M]    (defaults 5 and 1000)
"""
import csv
import itertools
import math
import sys

A, EE = 6378245.0, 0.00669342162296594323
R = 6371008.8


def _lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs_to_gcj(lon, lat):
    dlat = _lat(lon - 105.0, lat - 35.0)
    dlon = _lon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(rad) ** 2
    sq = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sq) * math.pi)
    dlon = (dlon * 180.0) / (A / sq * math.cos(rad) * math.pi)
    return lon + dlon, lat + dlat


def gcj_to_wgs(lon, lat):
    w = (lon, lat)
    for _ in range(50):
        f = wgs_to_gcj(*w)
        d = (f[0] - lon, f[1] - lat)
        w = (w[0] - d[0], w[1] - d[1])
        if abs(d[0]) < 1e-10 and abs(d[1]) < 1e-10:
            break
    return w


def haversine(a, b):
    (lo1, la1), (lo2, la2) = a, b
    p1, p2 = math.radians(la1), math.radians(la2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lo2 - lo1) / 2) ** 2
    return 2 * R * math.asin(min(1.0, math.sqrt(h)))


def read(path, count_col=None):
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    out = []
    for r in rows[1:]:
        p = gcj_to_wgs(float(r[1]), float(r[2]))
        out.append((p, float(r[count_col]) if count_col is not None else 0.0))
    return out


def main():
    k = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    radius = float(sys.argv[2]) if len(sys.argv) > 2 else 1000.0
    demand = read("static/samples/demand.csv", 3)
    cands = read("static/samples/candidates.csv")
    existing = read("static/samples/existing.csv")
    total = sum(c for _, c in demand)
    mask = lambda site: sum(1 << i for i, (p, _) in enumerate(demand) if haversine(site, p) <= radius)
    base = 0
    for s, _ in existing:
        base |= mask(s)
    masks = [mask(s) for s, _ in cands]
    counts = [c for _, c in demand]

    def people(m):
        return sum(counts[i] for i in range(len(counts)) if m >> i & 1)

    best, best_set = -1.0, None
    for combo in itertools.combinations(range(len(cands)), k):
        m = base
        for c in combo:
            m |= masks[c]
        v = people(m)
        if v > best:
            best, best_set = v, combo
    print(f"total {total:,.0f}; existing alone {people(base):,.0f}; best {k} sites cover {best:,.0f} "
          f"(candidates {', '.join(str(c + 1) for c in best_set)})")


if __name__ == "__main__":
    main()
