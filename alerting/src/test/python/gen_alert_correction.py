"""Reference values for the alert evaluator's multiple-testing step.

Seeded p-values for several windows of many series (a few small ones per window, some ties, a 1.0),
corrected with statsmodels' multipletests (bonferroni, fdr_bh) at alpha 0.05. Run with /usr/bin/python3;
writes alerting/src/test/resources/reference/alert_correction.json (inputs and expected outputs).
"""
import json
import os

import numpy as np
from statsmodels.stats.multitest import multipletests

SEED = 20261124
ALPHA = 0.05
SERIES = 20
WINDOWS = 4

rng = np.random.default_rng(SEED)
windows = []
for w in range(WINDOWS):
    p = rng.uniform(0.0, 1.0, SERIES)
    drifting = rng.choice(SERIES, size=2 + w, replace=False)
    p[drifting] = rng.uniform(0.0, 0.004, drifting.size)
    p[0] = 1.0
    p[1] = p[2]  # a tie
    entry = {"p_values": p.tolist()}
    for method in ("bonferroni", "fdr_bh"):
        reject, adjusted, _, _ = multipletests(p, alpha=ALPHA, method=method)
        entry[method] = {"adjusted": adjusted.tolist(), "reject": reject.tolist()}
    windows.append(entry)

out = os.path.join(os.path.dirname(__file__), "..", "resources", "reference", "alert_correction.json")
with open(out, "w") as f:
    json.dump({"generator": "statsmodels.stats.multitest.multipletests", "seed": SEED, "alpha": ALPHA,
               "series": SERIES, "windows": windows}, f, indent=1)
print("wrote", os.path.normpath(out))
