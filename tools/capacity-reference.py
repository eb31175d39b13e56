#!/usr/bin/env python3
"""Independent reference for zhucan's capacitated coverage (issue 15, items 1, 2 and 4).

Computes, for a small case, the meals a day served by every choice of k candidates (with the
existing canteens always open), by the max-flow min-cut theorem written out as brute force:

    served(open) = min over Y subset of open of  capacity(open - Y) + need(reach(Y))

where need(reach(Y)) adds the meals needed at every demand layer point some site of Y reaches.
Written from the definitions in issue 15 and the module docs of src/core/planner/capacity.rs and
layers.rs, not from the Rust code: no flow, no augmenting paths, no spatial index, brute force
over every (point, site) pair and every subset. Pure Python (the standard library only).

The layers: a demand point's walk-in layer holds its older people minus the delivery column
(失能) and is reached within radius_m of a site, unless a competitor is within radius_m (then the
competitor serves it and the plan needs nothing there); its delivery layer holds the delivery
column and is reached within delivery_radius_m. A layer point needs people x need_share meals a
day. A site serves at most its capacity, default_capacity where the case gives none.

The case file: {"demand": [[lon, lat, older_people, disabled], ...], "candidates": [[lon, lat,
capacity or null], ...], "existing": [[lon, lat, capacity or null], ...], "competitors":
[[lon, lat], ...], "radius_m": R, "delivery_radius_m": D, "k": K, "need_share": S,
"default_capacity": C}, WGS84 degrees. Distances: great circle (haversine, R = 6,371,008.8 m).

Usage (from the repository root; tests/native/planner_models.rs compares):

    python3 tools/capacity-reference.py make-case tests/data/capacity/case.json
    python3 tools/capacity-reference.py compute tests/data/capacity/case.json > tests/data/capacity/expected.json
"""

import itertools
import json
import math
import random
import sys

R_EARTH = 6371008.8


def haversine(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * R_EARTH * math.asin(min(1.0, math.sqrt(h)))


def capacity(row, default):
    c = row[2] if len(row) > 2 else None
    return c if c is not None and c > 0 else default


def layer_points(case):
    """(position, meals needed, reach radius) of every layer point with a need, and the meals the
    competitors serve."""
    share = case["need_share"]
    points, by_competitors = [], 0.0
    for lon, lat, older, disabled in case["demand"]:
        p = (lon, lat)
        walk_in = (older - disabled) * share
        if any(haversine(c, p) <= case["radius_m"] for c in case["competitors"]):
            by_competitors += walk_in
        elif walk_in > 0:
            points.append((p, walk_in, case["radius_m"]))
        if disabled > 0:
            points.append((p, disabled * share, case["delivery_radius_m"]))
    return points, by_competitors


def served(open_sites, points):
    """The minimum cut: open_sites is a list of ((lon, lat), capacity)."""
    reach = [[haversine(s, p) <= r for (p, _, r) in points] for s, _ in open_sites]
    best = math.inf
    for y in range(1 << len(open_sites)):
        inside = [j for j in range(len(open_sites)) if y >> j & 1]
        cut_sites = sum(c for j, (_, c) in enumerate(open_sites) if not y >> j & 1)
        cut_need = sum(need for i, (_, need, _) in enumerate(points) if any(reach[j][i] for j in inside))
        best = min(best, cut_sites + cut_need)
    return best


def compute(path):
    with open(path, encoding="utf-8") as f:
        case = json.load(f)
    default = case["default_capacity"]
    existing = [((r[0], r[1]), capacity(r, default)) for r in case["existing"]]
    candidates = [((r[0], r[1]), capacity(r, default)) for r in case["candidates"]]
    points, by_competitors = layer_points(case)
    by_choice = {}
    for choice in itertools.combinations(range(len(candidates)), case["k"]):
        by_choice[",".join(map(str, choice))] = served(existing + [candidates[j] for j in choice], points)
    best = max(by_choice.values())
    json.dump({
        "need": sum(n for _, n, _ in points) + by_competitors,
        "by_competitors": by_competitors,
        "existing_only": served(existing, points),
        "all_open": served(existing + candidates, points),
        "best": best,
        "best_choices": [k for k, v in by_choice.items() if abs(v - best) <= 1e-9 * max(1.0, best)],
        "served": by_choice,
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


def make_case(path):
    """A seeded SIMULATED case: 40 demand points in a 3 km square at Guangzhou (older people and
    失能 among them), 8 candidates (every third without a capacity), 2 existing canteens, one
    competitor; walk 700 m, delivery 1,500 m, k = 3, need share 22.1 %, default 100 meals. Points
    closer than 1 m to a radius of any site are drawn again, so rounding cannot decide a pair."""
    rng = random.Random(151)
    lon0, lat0 = 113.30, 23.10
    spot = lambda: (round(lon0 + rng.random() * 0.03, 6), round(lat0 + rng.random() * 0.027, 6))
    candidates = []
    for j in range(8):
        lon, lat = spot()
        candidates.append([lon, lat, None if j % 3 == 0 else rng.choice([40, 80, 150, 300])])
    existing = [[*spot(), rng.choice([60, 120])] for _ in range(2)]
    competitors = [list(spot())]
    sites = [(r[0], r[1]) for r in candidates + existing + competitors]
    radii = (700.0, 1500.0)
    demand = []
    while len(demand) < 40:
        p = spot()
        if any(abs(haversine(s, p) - r) < 1.0 for s in sites for r in radii):
            continue
        older = rng.randint(5, 200)
        demand.append([p[0], p[1], older, rng.randint(0, older // 5)])
    case = {"demand": demand, "candidates": candidates, "existing": existing, "competitors": competitors,
            "radius_m": radii[0], "delivery_radius_m": radii[1], "k": 3, "need_share": 0.221,
            "default_capacity": 100.0}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(case, f)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("compute", "make-case"):
        sys.exit(__doc__)
    (compute if sys.argv[1] == "compute" else make_case)(sys.argv[2])
