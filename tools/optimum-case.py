#!/usr/bin/env python3
"""A large, seeded, SIMULATED site-planning case and its exact optimum (issue 15, item 5).

Writes a problem in the reference checker's format (`{"demand": [[lon, lat, weight], ...],
"candidates": [[lon, lat], ...], "radius_m": R, "k": K}`) for a city-like spread of older
residents: `clusters` residential clusters (Gaussian blobs, sigma 0.3 km to extent/12 km) holding
80 % of the points, the rest spread evenly over a square `extent_km` wide; weights (older people
per point) 1-60; candidates within about 300 m (Gaussian jitter) of a random demand point. The same
recipe as `city()` / `candidates_near()` in src/core/planner/sample.rs, with numpy's seeded
generator instead of zhucan's (so the points differ, the shape does not). Not planning truth.

Then, with `solve`, runs the independent reference checker (../shared/reference/ref_mclp.py: exact
MCLP optimum by HiGHS) on it. numpy, scipy and highspy come from a venv under target/ (created on
first use, like `./x bench` does for pandas).

Usage (from the repository root):

    python3 tools/optimum-case.py make target/optimum/city_200k_c5000.json
    python3 tools/optimum-case.py solve target/optimum/city_200k_c5000.json   # writes *.result.json
    cargo test --release --test native optimum::large_city_case -- --ignored --nocapture

Options for `make`: --points 200000 --candidates 5000 --extent-km 80 --clusters 150 --radius-m 1000
--k 200 --seed 2025.
"""
import argparse
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(ROOT, "target", "reference-venv")
CHECKER = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference", "ref_mclp.py"))
if not os.path.exists(CHECKER):
    CHECKER = "/work/shared/reference/ref_mclp.py"


def venv_python():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "--quiet", "numpy", "scipy", "highspy"])
    return py


def make(a):
    import numpy as np  # noqa: imported here so `solve` runs without numpy outside the venv

    rng = np.random.default_rng(a.seed)
    lon0, lat0 = 113.30, 23.12
    km_lat = 1.0 / 111.195
    km_lon = km_lat / math.cos(math.radians(lat0))
    e = a.extent_km
    hubs = np.column_stack(((rng.random(a.clusters) - 0.5) * e, (rng.random(a.clusters) - 0.5) * e,
                            0.3 + rng.random(a.clusters) * e / 12.0))
    n = a.points
    in_hub = rng.random(n) < 0.8
    h = hubs[rng.integers(0, a.clusters, n)]
    gx = h[:, 0] + rng.standard_normal(n) * h[:, 2]
    gy = h[:, 1] + rng.standard_normal(n) * h[:, 2]
    ux = (rng.random(n) - 0.5) * e
    uy = (rng.random(n) - 0.5) * e
    dx = np.where(in_hub, gx, ux)
    dy = np.where(in_hub, gy, uy)
    w = rng.integers(1, 61, n).astype(float)
    lon = lon0 + dx * km_lon
    lat = lat0 + dy * km_lat
    pick = rng.integers(0, n, a.candidates)
    jitter = 300.0 / 111195.0
    clon = lon[pick] + rng.standard_normal(a.candidates) * jitter
    clat = lat[pick] + rng.standard_normal(a.candidates) * jitter
    prob = {
        "note": f"SIMULATED city (tools/optimum-case.py, seed {a.seed}); not planning data",
        "demand": [[round(float(x), 7), round(float(y), 7), float(v)] for x, y, v in zip(lon, lat, w)],
        "candidates": [[round(float(x), 7), round(float(y), 7)] for x, y in zip(clon, clat)],
        "radius_m": a.radius_m,
        "k": a.k,
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        json.dump(prob, f, separators=(",", ":"))
    print(f"{a.out}: {n} demand points, {a.candidates} candidates, radius {a.radius_m} m, k = {a.k}")


def solve(a):
    out = a.problem[:-len(".json")] + ".result.json" if a.problem.endswith(".json") else a.problem + ".result.json"
    cmd = [venv_python(), CHECKER, a.problem, "--no-lscp", "--per-candidate", "none", "--time-limit", str(a.time_limit)]
    with open(out, "w") as f:
        subprocess.check_call(cmd, stdout=f)
    r = json.load(open(out))
    m = r["mclp"]
    print(f"{out}: optimum {m['objective']} (proven {m['proven_optimal']}, {m['solve_s']:.1f} s), "
          f"greedy {r['greedy_mclp']['covered_weight']}, classes {r['n_demand_classes']}, pairs {r['coverage_pairs']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("out")
    m.add_argument("--points", type=int, default=200_000)
    m.add_argument("--candidates", type=int, default=5_000)
    m.add_argument("--extent-km", type=float, default=80.0)
    m.add_argument("--clusters", type=int, default=150)
    m.add_argument("--radius-m", type=float, default=1000.0)
    m.add_argument("--k", type=int, default=200)
    m.add_argument("--seed", type=int, default=2025)
    s = sub.add_parser("solve")
    s.add_argument("problem")
    s.add_argument("--time-limit", type=float, default=600.0)
    a = ap.parse_args()
    if a.cmd == "make":
        if "numpy" not in sys.modules and not os.environ.get("VIRTUAL_ENV"):
            try:
                import numpy  # noqa: F401
            except ImportError:
                os.execv(venv_python(), [venv_python()] + sys.argv)
        make(a)
    else:
        solve(a)


if __name__ == "__main__":
    main()
