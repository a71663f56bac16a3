"""Reference label-delay quantiles for LabelDelaysTest: numpy.quantile(method='inverted_cdf') of seeded delays.

Run from flink-jobs: python3 src/test/python/gen_label_delays.py > src/test/resources/reference/label_delays.json
"""
import json

import numpy as np

QUANTILES = [0.5, 0.9, 0.99]
rng = np.random.default_rng(20261124)
cases = []
for n in [1, 2, 3, 7, 10, 99, 100, 101, 1000, 4321]:
    # delays in whole ms, from minutes to days, with ties (rounded to the second half the time)
    delays = rng.integers(60_000, 3 * 86_400_000, size=n)
    if n % 2 == 1:
        delays = (delays // 1000) * 1000
    cases.append({
        "delays_ms": [int(d) for d in delays],
        "quantiles_s": [float(np.quantile(delays, q, method="inverted_cdf")) / 1000.0 for q in QUANTILES],
        "max_s": float(delays.max()) / 1000.0,
    })
print(json.dumps({"generator": "numpy " + np.__version__ + " quantile(method='inverted_cdf')",
                  "quantiles": QUANTILES, "cases": cases}))
