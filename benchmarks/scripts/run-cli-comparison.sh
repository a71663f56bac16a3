#!/usr/bin/env bash
# End-to-end, for information: `driftwatch drift` on CSV files vs pandas.read_csv + scipy on the same files
# (csv_drift_baseline.py). Both sides include reading and parsing the CSVs; the Java side also includes JVM
# start-up. Data in a temporary directory outside the repository, deleted on exit.
#
# Usage: benchmarks/scripts/run-cli-comparison.sh [ROWS] [COLS] [REPEATS]   (defaults 100000 20 3)
# Needs app/target/driftwatch.jar: mvn -B -q -o package -DskipTests -pl app -am (from the repository root).
set -euo pipefail

ROWS="${1:-100000}"
COLS="${2:-20}"
REPEATS="${3:-3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/../../app/target/driftwatch.jar"
TESTS="ks,psi,jensenshannon,wasserstein"
EXIT_DRIFT=3  # DriftCommand.EXIT_DRIFT

if [[ ! -f "$JAR" ]]; then
  echo "missing $JAR: run 'mvn -B -q -o package -DskipTests -pl app -am' in the repository root first" >&2
  exit 2
fi
DATA="$(mktemp -d "${TMPDIR:-/tmp}/driftwatch-cli-comparison.XXXXXX")"
trap 'rm -rf "$DATA"' EXIT

echo "== pandas/scipy from CSV: $ROWS rows x $COLS columns"
/usr/bin/python3 "$HERE/csv_drift_baseline.py" --rows "$ROWS" --cols "$COLS" --out "$DATA" --repeats "$REPEATS" \
  > "$DATA/pandas.json"
PANDAS_SECONDS="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$DATA/pandas.json")"
ls -l "$DATA"/*.csv

echo "== driftwatch drift --tests $TESTS"
best=""
for _ in $(seq "$REPEATS"); do
  start=$(date +%s.%N)
  status=0
  java -jar "$JAR" drift --reference "$DATA/reference.csv" --current "$DATA/current.csv" --tests "$TESTS" \
    > "$DATA/driftwatch.out" || status=$?
  end=$(date +%s.%N)
  # Exit status 3 means "drift found" (some columns are shifted on purpose); anything else non-zero is an error.
  if [[ "$status" != 0 && "$status" != "$EXIT_DRIFT" ]]; then
    echo "driftwatch drift failed with status $status" >&2
    exit "$status"
  fi
  seconds=$(echo "$end - $start" | bc -l)
  echo "run: $seconds s"
  if [[ -z "$best" ]] || (( $(echo "$seconds < $best" | bc -l) )); then best="$seconds"; fi
done
/usr/bin/python3 - "$DATA/pandas.json" "$DATA/driftwatch.out" <<'PY'
import json, sys
pandas = json.load(open(sys.argv[1]))["columns"]
cli = json.load(open(sys.argv[2]))["columns"]
names = {"ks": "ks_statistic", "psi": "psi", "jensenshannon": "jensenshannon", "wasserstein": "wasserstein"}
worst = {}
for expected, column in zip(pandas, cli):
    for result in column["results"]:
        key = names[result["test"]]
        a, b = result["statistic"], expected[key]
        rel = abs(a - b) / max(abs(a), abs(b)) if max(abs(a), abs(b)) > 0 else 0.0
        worst[result["test"]] = max(worst.get(result["test"], 0.0), rel)
print("max relative difference CLI vs pandas/scipy per statistic:",
      ", ".join("%s %.1e" % kv for kv in sorted(worst.items())))
PY
printf 'pandas/scipy %.3f s, driftwatch CLI %.3f s (fastest of %s each): pandas/cli = %.1fx\n' \
  "$PANDAS_SECONDS" "$best" "$REPEATS" "$(echo "$PANDAS_SECONDS / $best" | bc -l)"
