#!/usr/bin/env python3
"""Independent reference for zhucan's accessibility figures (issue 15, item 3).

Computes, from a problem file in the reference checker's format, the Gaussian two-step floating
catchment area (2SFCA) score of every demand point and, over the older population, the weighted
Gini coefficient, the Lorenz curve at 21 points, the share within the radius and the mean score.
Written from the formulas in issue 15 and the module doc of src/core/planner/access.rs, not from
the Rust code; pure Python (the standard library only: numpy is not installed on the build
machine), brute force over every (point, site) pair, so it shares no spatial index with zhucan.

The problem file: {"demand": [[lon, lat, older_people], ...], "candidates": [[lon, lat] or
[lon, lat, capacity], ...], "radius_m": R, "fixed": [indices], ...}. The sites in "fixed" play the
existing canteens ("before"); "after" is every candidate open. A candidate without a capacity (or
with one that is not a positive number) supplies --default-capacity meals a day. Demand is the
older people x --need-share.

    G(d) = (exp(-(d/d0)^2 / 2) - exp(-1/2)) / (1 - exp(-1/2))   for d <= d0, else 0
    R_j  = S_j / sum_{k: d_kj <= d0} G(d_kj) P_k
    A_i  = sum_{j: d_ij <= d0} G(d_ij) R_j
    Gini = 1 - sum (x_i - x_{i-1}) (y_i + y_{i-1})   over the Lorenz curve's corners

Distances: great circle (haversine, R = 6,371,008.8 m), d0 = radius_m.

Usage (from the repository root; the native test tests/native/access_reference.rs compares):

    python3 tools/access-reference.py make-case tests/data/access/case.json
    python3 tools/access-reference.py compute tests/data/access/case.json > tests/data/access/expected.json
"""

import json
import math
import random
import sys

R_EARTH = 6371008.8
DEFAULT_CAPACITY = 100.0
NEED_SHARE = 0.221
LORENZ_POINTS = 21


def haversine(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * R_EARTH * math.asin(min(1.0, math.sqrt(h)))


def gauss(d, d0):
    if d > d0 or d < 0:
        return 0.0
    edge = math.exp(-0.5)
    return (math.exp(-0.5 * (d / d0) ** 2) - edge) / (1 - edge)


def two_step(points, people, sites, supply, d0):
    need = [p * NEED_SHARE for p in people]
    score = [0.0] * len(points)
    for s, cap in zip(sites, supply):
        near = []
        for k, q in enumerate(points):
            d = haversine(s, q)
            if d <= d0:
                near.append((k, gauss(d, d0)))
        reached = sum(g * need[k] for k, g in near)
        if reached <= 0 or cap <= 0:
            continue
        ratio = cap / reached
        for k, g in near:
            score[k] += g * ratio
    return score


def within(points, sites, d0):
    return [any(haversine(s, q) <= d0 for s in sites) for q in points]


def corners(values, weights):
    items = sorted((v, w) for v, w in zip(values, weights) if w > 0)
    tw = sum(w for _, w in items)
    ts = sum(v * w for v, w in items)
    if tw <= 0 or ts <= 0:
        return None
    out, cw, cs = [(0.0, 0.0)], 0.0, 0.0
    for v, w in items:
        cw += w
        cs += v * w
        out.append((cw / tw, cs / ts))
    return out


def gini(values, weights):
    c = corners(values, weights)
    if c is None:
        return None
    return 1 - sum((b[0] - a[0]) * (b[1] + a[1]) for a, b in zip(c, c[1:]))


def lorenz(values, weights, n=LORENZ_POINTS):
    c = corners(values, weights)
    if c is None:
        return []
    out = []
    for t in range(n):
        x = t / (n - 1)
        y = 1.0
        for a, b in zip(c, c[1:]):
            if b[0] >= x:
                y = a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])
                break
        out.append([x, y])
    return out


def summary(points, people, sites, supply, d0):
    a = two_step(points, people, sites, supply, d0)
    reach = within(points, sites, d0)
    total = sum(people)
    return {
        "scores": a,
        "gini": gini(a, people),
        "lorenz": lorenz(a, people),
        "share_within_radius": sum(p for p, r in zip(people, reach) if r) / total,
        "mean": sum(p * x for p, x in zip(people, a)) / total,
    }


def compute(path):
    with open(path, encoding="utf-8") as f:
        problem = json.load(f)
    points = [(row[0], row[1]) for row in problem["demand"]]
    people = [row[2] for row in problem["demand"]]
    sites = [(row[0], row[1]) for row in problem["candidates"]]
    supply = [row[2] if len(row) > 2 and row[2] > 0 else DEFAULT_CAPACITY for row in problem["candidates"]]
    d0 = problem["radius_m"]
    fixed = problem.get("fixed", [])
    before = summary(points, people, [sites[j] for j in fixed], [supply[j] for j in fixed], d0)
    after = summary(points, people, sites, supply, d0)
    json.dump({"catchment_m": d0, "default_capacity": DEFAULT_CAPACITY, "need_share": NEED_SHARE,
               "before": before, "after": after}, sys.stdout, indent=1)
    sys.stdout.write("\n")


def make_case(path):
    """A seeded SIMULATED case: 300 demand points in a 4 km square at Guangzhou, 12 candidates (two
    of them "fixed", i.e. existing), every third without a capacity, radius 800 m."""
    rng = random.Random(15)
    lon0, lat0 = 113.30, 23.10
    demand = [[round(lon0 + rng.random() * 0.04, 6), round(lat0 + rng.random() * 0.036, 6), rng.randint(0, 400)]
              for _ in range(300)]
    candidates = []
    for j in range(12):
        lon, lat = round(lon0 + rng.random() * 0.04, 6), round(lat0 + rng.random() * 0.036, 6)
        candidates.append([lon, lat] if j % 3 == 0 else [lon, lat, rng.choice([40, 80, 150, 300])])
    problem = {"demand": demand, "candidates": candidates, "radius_m": 800.0, "k": 3, "fixed": [0, 1]}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(problem, f)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("compute", "make-case"):
        sys.exit(__doc__)
    (compute if sys.argv[1] == "compute" else make_case)(sys.argv[2])
