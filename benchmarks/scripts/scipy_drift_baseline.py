#!/usr/bin/env python3
"""The scipy/numpy side of the drift speed comparison.

Generates seeded reference and current data (ROWS x COLS float64, some columns shifted), writes them as
raw little-endian column-major float64 files for the Java side to read, then times the computations a
drift report makes per column with scipy/numpy: two-sample KS (scipy.stats.ks_2samp, default method),
PSI on reference deciles, Jensen-Shannon distance on the same bins, and Wasserstein-1 normed by the
reference std. Prints one JSON object: timings and the values (the Java side checks it gets the same).

Run with Debian's interpreter: /usr/bin/python3 scipy_drift_baseline.py --rows 1000000 --cols 20 --out DIR
(--repeats N times the statistics N times and reports the fastest as "seconds", all of them as "all_seconds";
the same for the process CPU time as "cpu_seconds" and "all_cpu_seconds", less disturbed on a shared machine).
"""
import argparse
import json
import os
import time

import numpy as np
from scipy import stats
from scipy.spatial import distance

PSI_FLOOR = 1e-4  # proportions clipped below, as Driftwatch's default
DECILES = np.linspace(0.1, 0.9, 9)


def generate(rows, cols, seed):
    rng = np.random.default_rng(seed)
    ref = np.empty((cols, rows))
    cur = np.empty((cols, rows))
    for c in range(cols):
        shift = 0.25 if c % 4 == 0 else 0.0  # every fourth column drifts
        if c % 2 == 0:
            ref[c] = rng.normal(0.0, 1.0, rows)
            cur[c] = rng.normal(shift, 1.0, rows)
        else:
            ref[c] = rng.lognormal(0.0, 0.5, rows)
            cur[c] = rng.lognormal(shift, 0.5, rows)
    return ref, cur


def column_stats(r, c):
    ks = stats.ks_2samp(r, c)
    edges = np.quantile(r, DECILES)  # interior edges; outer bins open
    rp = np.bincount(np.searchsorted(edges, r, side="right"), minlength=10) / len(r)
    cp = np.bincount(np.searchsorted(edges, c, side="right"), minlength=10) / len(c)
    rc = np.clip(rp, PSI_FLOOR, None)
    cc = np.clip(cp, PSI_FLOOR, None)
    psi = float(np.sum((cc - rc) * np.log(cc / rc)))
    js = float(distance.jensenshannon(rp, cp, base=2))
    wasserstein = float(stats.wasserstein_distance(r, c) / np.std(r))
    return {"ks_statistic": float(ks.statistic), "ks_pvalue": float(ks.pvalue), "psi": psi,
            "jensenshannon": js, "wasserstein": wasserstein}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cols", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    parser.add_argument("--repeats", type=int, default=1,
                        help="time the statistics this many times and report the fastest (shared machines)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    ref, cur = generate(args.rows, args.cols, args.seed)
    ref.astype("<f8").tofile(os.path.join(args.out, "reference.f64"))
    cur.astype("<f8").tofile(os.path.join(args.out, "current.f64"))
    all_seconds = []
    all_cpu_seconds = []
    for _ in range(max(1, args.repeats)):
        start = time.perf_counter()
        cpu_start = time.process_time()
        columns = [column_stats(ref[c], cur[c]) for c in range(args.cols)]
        all_cpu_seconds.append(time.process_time() - cpu_start)
        all_seconds.append(time.perf_counter() - start)
    print(json.dumps({"rows": args.rows, "cols": args.cols, "seconds": min(all_seconds),
                      "all_seconds": all_seconds, "cpu_seconds": min(all_cpu_seconds),
                      "all_cpu_seconds": all_cpu_seconds, "columns": columns}))


if __name__ == "__main__":
    main()
