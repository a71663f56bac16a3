#!/usr/bin/env bash
# Side-by-side drift speed comparison: scipy/numpy (scipy_drift_baseline.py) vs Driftwatch's exact and
# streaming paths (io.driftwatch.benchmarks.DriftComparison), on the same generated data, in one go.
# The data live in a temporary directory outside the repository, deleted on exit.
#
# Usage: benchmarks/scripts/run-drift-comparison.sh [ROWS] [COLS] [THREADS] [REPEATS]
#        (defaults 1000000 20 nproc 3; both sides report their fastest of REPEATS timed runs)
# Needs benchmarks/target/benchmarks.jar, built with the drift-detectors of this checkout (not a snapshot
# another checkout installed): mvn -B -q -o package -DskipTests -pl benchmarks -am (from the repository root).
set -euo pipefail

ROWS="${1:-1000000}"
COLS="${2:-20}"
THREADS="${3:-$(nproc)}"
REPEATS="${4:-3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/../target/benchmarks.jar"
# Two 1M x 20 float64 matrices are 320 MB; sorting copies on two threads needs a few hundred MB more.
HEAP="${DRIFT_COMPARISON_HEAP:-4g}"

if [[ ! -f "$JAR" ]]; then
  echo "missing $JAR: run 'mvn -B -q -o package -DskipTests -pl benchmarks -am' in the repository root first" >&2
  exit 2
fi
DATA="$(mktemp -d "${TMPDIR:-/tmp}/driftwatch-comparison.XXXXXX")"
trap 'rm -rf "$DATA"' EXIT

echo "== scipy/numpy: $ROWS rows x $COLS columns (data in $DATA)"
/usr/bin/python3 "$HERE/scipy_drift_baseline.py" --rows "$ROWS" --cols "$COLS" --out "$DATA" \
  --repeats "$REPEATS" > "$DATA/scipy.json"
/usr/bin/python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); print("scipy seconds per run:", " ".join("%.3f" % s for s in d["all_seconds"]))' \
  "$DATA/scipy.json"

echo "== Driftwatch (Java $(java -version 2>&1 | head -1))"
java -Xms"$HEAP" -Xmx"$HEAP" -cp "$JAR" io.driftwatch.benchmarks.DriftComparison \
  --data "$DATA" --scipy-json "$DATA/scipy.json" --threads "$THREADS" --repeats "$REPEATS"
