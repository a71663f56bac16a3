#!/usr/bin/python3
"""numpy's expected per-segment profiles of the committed training CSV, for BaselineCommandITCase's
--segment-column country case.

Run from the repository root: /usr/bin/python3 app/src/test/python/gen_baseline_segments.py
Reads app/src/test/resources/baseline/train.csv (written by gen_baseline_case.py), writes expected_segments.json
there: per country value (segment "country=<value>"), the rows, and for the numeric columns amount, clicks, age
(empty cells left out) count, min, max, mean, std and the decile edges and bin counts (numpy quantiles, method
'linear', at i/10, equal edges collapsed; bin i counts values with exactly i interior edges at or below them);
for zip (categorical) the value counts.
"""
import collections
import csv
import json
import os

import numpy as np

DIR = os.path.join(os.path.dirname(__file__), "..", "resources", "baseline")
NUMERIC = ["amount", "clicks", "age"]
DECILES = 10


def main():
    with open(os.path.join(DIR, "train.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    segments = {}
    for country in sorted({r["country"] for r in rows}):
        members = [r for r in rows if r["country"] == country]
        entry = {"rows": len(members), "numeric": {}, "categorical": {}}
        for name in NUMERIC:
            values = np.array([float(r[name]) for r in members if r[name].strip() != ""])
            interior = np.unique(np.quantile(values, np.arange(1, DECILES) / DECILES))
            counts = np.bincount(np.searchsorted(interior, values, side="right"), minlength=len(interior) + 1)
            entry["numeric"][name] = {"count": int(values.size), "min": float(values.min()),
                                      "max": float(values.max()), "mean": float(np.mean(values)),
                                      "std": float(np.std(values)), "interior_edges": interior.tolist(),
                                      "bin_counts": counts.tolist()}
        entry["categorical"]["zip"] = dict(sorted(collections.Counter(r["zip"] for r in members).items()))
        segments["country=" + country] = entry
    with open(os.path.join(DIR, "expected_segments.json"), "w") as f:
        json.dump(segments, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
