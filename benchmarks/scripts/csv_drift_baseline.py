#!/usr/bin/env python3
"""The pandas/scipy side of the end-to-end CSV comparison with `driftwatch drift`.

Writes seeded reference and current CSVs (ROWS x COLS numeric columns f0..f{COLS-1}, the same data shape as
scipy_drift_baseline.py) into --out, then times what a drift report from CSV costs in pandas/scipy: reading
both files with pandas.read_csv and computing, per column, KS, PSI and Jensen-Shannon on reference deciles and
the normed Wasserstein distance (scipy_drift_baseline.column_stats). Prints one JSON object with the seconds.

Run with Debian's interpreter: /usr/bin/python3 csv_drift_baseline.py --rows 100000 --cols 20 --out DIR
"""
import argparse
import json
import os
import time

import pandas as pd

from scipy_drift_baseline import column_stats, generate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--cols", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    parser.add_argument("--repeats", type=int, default=1, help="report the fastest of this many timed runs")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    ref, cur = generate(args.rows, args.cols, args.seed)
    names = [f"f{c}" for c in range(args.cols)]
    reference_csv = os.path.join(args.out, "reference.csv")
    current_csv = os.path.join(args.out, "current.csv")
    pd.DataFrame(ref.T, columns=names).to_csv(reference_csv, index=False, float_format="%.17g")
    pd.DataFrame(cur.T, columns=names).to_csv(current_csv, index=False, float_format="%.17g")
    all_seconds = []
    for _ in range(max(1, args.repeats)):
        start = time.perf_counter()
        r = pd.read_csv(reference_csv)
        c = pd.read_csv(current_csv)
        columns = [column_stats(r[name].to_numpy(), c[name].to_numpy()) for name in names]
        all_seconds.append(time.perf_counter() - start)
    print(json.dumps({"rows": args.rows, "cols": args.cols, "seconds": min(all_seconds),
                      "all_seconds": all_seconds, "columns": columns}))


if __name__ == "__main__":
    main()
