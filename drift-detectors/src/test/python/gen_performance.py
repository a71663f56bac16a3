#!/usr/bin/python3
"""Reference values for io.driftwatch.detectors.performance.

Run with Debian's interpreter (sklearn 1.2.1, numpy 1.24):
    /usr/bin/python3 drift-detectors/src/test/python/gen_performance.py
Writes src/test/resources/reference/performance_{binary,multiclass,regression,estimated}.json.
Inputs are seeded and written into the JSON so Java reads the exact same data. NaN is written as null.
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, confusion_matrix,
                             f1_score, log_loss, mean_absolute_error, mean_absolute_percentage_error,
                             mean_squared_error, precision_score, r2_score, recall_score, roc_auc_score)

warnings.simplefilter("ignore")  # sklearn's UndefinedMetricWarning on the single-class cases

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "reference")
RELIABILITY_BINS = 10
LOG_LOSS_EPS = 1e-15


def clean(x):
    """JSON-safe: NaN -> None, numpy scalars -> python."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, np.ndarray)):
        return [clean(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return None if math.isnan(x) else float(x)
    return x


def reliability(y, s, n_bins):
    # Same binning as sklearn.calibration.calibration_curve(strategy='uniform'), keeping empty bins.
    bins = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(bins[1:-1], s)
    count = np.bincount(ids, minlength=n_bins)
    sum_s = np.bincount(ids, weights=s, minlength=n_bins)
    sum_y = np.bincount(ids, weights=y, minlength=n_bins)
    out = []
    for b in range(n_bins):
        c = int(count[b])
        out.append({"count": c,
                    "mean_predicted": sum_s[b] / c if c else float("nan"),
                    "fraction_positive": sum_y[b] / c if c else float("nan")})
    return out, count


def ece_mce(y, s, n_bins):
    prob_true, prob_pred = calibration_curve(y, s, n_bins=n_bins, strategy="uniform")
    _, count = reliability(y, s, n_bins)
    weights = count[count > 0] / len(s)
    gaps = np.abs(prob_true - prob_pred)
    return float(np.sum(weights * gaps)), float(np.max(gaps))


def ace(y, s, groups):
    order = np.argsort(s, kind="stable")
    total = 0.0
    for group in np.array_split(order, groups):
        if len(group) == 0:
            continue
        total += len(group) / len(s) * abs(np.mean(y[group]) - np.mean(s[group]))
    return total


def binary_case(name, s, y, threshold, note="", n_bins=RELIABILITY_BINS):
    s = np.asarray(s, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    pred = (s >= threshold).astype(np.int64)
    two_classes = len(np.unique(y)) == 2
    ece, mce = ece_mce(y, s, n_bins)
    rel, _ = reliability(y, s, n_bins)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    expected = {
        "ece": ece, "mce": mce, "ace": ace(y, s, n_bins),
        "brier": brier_score_loss(y, s),
        "log_loss": log_loss(y, s, eps=LOG_LOSS_EPS, labels=[0, 1]),
        # Undefined with one class: sklearn raises for AUC and returns 0 (no positives) or 1 (no
        # negatives) for AP with a warning; Driftwatch returns NaN for both (see sklearn_ fields).
        "roc_auc": roc_auc_score(y, s) if two_classes else float("nan"),
        "average_precision": average_precision_score(y, s) if two_classes else float("nan"),
        "precision": precision_score(y, pred, zero_division=0),
        "recall": recall_score(y, pred, zero_division=0),
        "f1": f1_score(y, pred, zero_division=0),
        "accuracy": accuracy_score(y, pred),
        "confusion_matrix": [[tn, fp], [fn, tp]],
        "reliability": rel,
    }
    case = {"name": name, "note": note, "threshold": threshold, "bins": n_bins, "scores": s.tolist(), "labels": y.tolist(),
            "expected": expected}
    if not two_classes:
        case["sklearn_average_precision"] = average_precision_score(y, s)
    return case


def binary_cases(rng):
    cases = []
    s = rng.uniform(0, 1, 2000)
    cases.append(binary_case("well_calibrated_n2000", s, rng.binomial(1, s), 0.5))
    s = rng.uniform(0, 1, 1000)
    cases.append(binary_case("well_calibrated_n1000_threshold_0.3", s, rng.binomial(1, s), 0.3))
    s = rng.beta(2, 5, 3000)
    cases.append(binary_case("miscalibrated_overconfident", s, rng.binomial(1, np.clip(1.6 * s, 0, 1)), 0.5))
    edges = np.array([0.0, 0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 0.7, 0.9, 1.0])
    s = rng.choice(edges, 400)
    cases.append(binary_case("ties_zero_one_and_bin_edges", s, rng.binomial(1, np.clip(s, 0.05, 0.95)), 0.3,
                             "scores exactly 0, 1 and on reliability bin edges; threshold 0.3 equals a score"))
    s = rng.beta(1, 8, 5000)
    cases.append(binary_case("imbalanced_2pct", s, rng.binomial(1, np.full(5000, 0.02)), 0.1,
                             "about 2% positives, scores unrelated to labels"))
    s = np.round(rng.uniform(0, 1, 30), 2)
    cases.append(binary_case("small_n30", s, rng.binomial(1, s), 0.5, "scores rounded to 2 decimals: ties"))
    s = rng.uniform(0, 1, 50)
    cases.append(binary_case("single_class_negative", s, np.zeros(50, dtype=np.int64), 0.5,
                             "AUC/AP undefined: NaN"))
    s = rng.uniform(0, 1, 50)
    cases.append(binary_case("single_class_positive", s, np.ones(50, dtype=np.int64), 0.5,
                             "AUC/AP undefined: NaN"))
    s = rng.beta(2, 3, 1500)
    cases.append(binary_case("five_bins", s, rng.binomial(1, s), 0.5, "calibration_curve(n_bins=5)", n_bins=5))
    s = rng.beta(3, 2, 1500)
    cases.append(binary_case("fifteen_bins", s, rng.binomial(1, np.clip(s * 0.8, 0, 1)), 0.5,
                             "calibration_curve(n_bins=15), miscalibrated", n_bins=15))
    s = rng.uniform(0, 1, 7)
    cases.append(binary_case("n7_fewer_than_adaptive_bins", s, np.array([0, 1, 0, 1, 1, 0, 1]), 0.5,
                             "n < 10: array_split gives 3 empty groups, skipped"))
    return cases


def multiclass_case(name, probs, y, note=""):
    probs = np.asarray(probs, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    pred = np.argmax(probs, axis=1)  # first maximum on ties, as numpy
    return {"name": name, "note": note, "classes": probs.shape[1], "probabilities": probs.tolist(),
            "labels": y.tolist(), "predicted": pred.tolist(),
            "expected": {"top1_accuracy": accuracy_score(y, pred),
                         "macro_f1": f1_score(y, pred, average="macro", zero_division=0),
                         "expected_top1_accuracy": float(np.mean(np.max(probs, axis=1)))}}


def multiclass_cases(rng):
    cases = []
    probs = rng.dirichlet([1, 1, 1, 1], 1500)
    y = np.array([rng.choice(4, p=p) for p in probs])
    cases.append(multiclass_case("calibrated_k4", probs, y))
    probs = rng.dirichlet([2, 2, 2, 0.05, 2], 300)
    y = rng.choice([0, 1, 2], 300)
    cases.append(multiclass_case("class_3_and_4_never_true", probs, y,
                                 "macro F1 averages over labels in y_true union y_pred"))
    probs = np.round(rng.dirichlet([1, 1, 1], 30), 1)
    y = rng.choice(3, 30)
    cases.append(multiclass_case("small_n30_ties", probs, y, "rounded probabilities: argmax ties go to the first"))
    return cases


def regression_case(name, y, yhat, note=""):
    y = np.asarray(y, dtype=np.float64)
    yhat = np.asarray(yhat, dtype=np.float64)
    return {"name": name, "note": note, "y_true": y.tolist(), "y_pred": yhat.tolist(),
            "expected": {"mae": mean_absolute_error(y, yhat),
                         "rmse": math.sqrt(mean_squared_error(y, yhat)),
                         "mape": mean_absolute_percentage_error(y, yhat),
                         "r2": r2_score(y, yhat)}}


def regression_cases(rng):
    cases = []
    y = rng.normal(10, 3, 2000)
    cases.append(regression_case("gaussian", y, y + rng.normal(0.5, 1, 2000)))
    y = rng.normal(0, 1, 200)
    y[::10] = 0.0
    cases.append(regression_case("zeros_in_y_true", y, y + rng.normal(0, 0.1, 200),
                                 "MAPE divides by max(|y|, float64 eps) = 2.220446049250313e-16"))
    cases.append(regression_case("constant_y_true_imperfect", np.full(20, 2.5), 2.5 + rng.normal(0, 1, 20),
                                 "R2 is 0 (sklearn force_finite)"))
    cases.append(regression_case("constant_y_true_perfect", np.full(20, 2.5), np.full(20, 2.5), "R2 is 1"))
    y = rng.normal(1e6, 1, 500)
    cases.append(regression_case("large_offset", y, y + rng.normal(0, 0.5, 500),
                                 "mean 1e6, sd 1: naive sum-of-squares variance would cancel"))
    cases.append(regression_case("single_point", [3.0], [4.0], "R2 undefined with n < 2: NaN"))
    return cases


def estimated_case(name, s, threshold):
    s = np.asarray(s, dtype=np.float64)
    pos = s >= threshold
    tp = np.sum(s[pos])
    fp = np.sum(1 - s[pos])
    fn = np.sum(s[~pos])
    tn = np.sum(1 - s[~pos])
    n = len(s)
    return {"name": name, "threshold": threshold, "scores": s.tolist(),
            "expected": {"expected_tp": tp, "expected_fp": fp, "expected_fn": fn, "expected_tn": tn,
                         "accuracy": (tp + tn) / n,
                         "precision": tp / (tp + fp) if tp + fp > 0 else 0.0,
                         "recall": tp / (tp + fn) if tp + fn > 0 else 0.0,
                         "f1": 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0}}


def estimated_cases(rng):
    return [estimated_case("uniform_scores", rng.uniform(0, 1, 2000), 0.5),
            estimated_case("skewed_scores_edges", np.concatenate([rng.beta(1, 6, 500), [0.0, 1.0, 0.3, 0.3]]), 0.3),
            estimated_case("all_below_threshold", rng.uniform(0, 0.4, 40), 0.5)]


def write(name, cases):
    doc = {"generator": "gen_performance.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
           "cases": clean(cases)}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, allow_nan=False)
        f.write("\n")


def main():
    rng = np.random.default_rng(20261124)
    write("performance_binary.json", binary_cases(rng))
    write("performance_multiclass.json", multiclass_cases(rng))
    write("performance_regression.json", regression_cases(rng))
    write("performance_estimated.json", estimated_cases(rng))


if __name__ == "__main__":
    main()
