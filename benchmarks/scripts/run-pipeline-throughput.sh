#!/usr/bin/env bash
# End-to-end throughput of the Driftwatch job vs a bare KafkaConsumer + EventParser pass, on embedded Kafka and
# ClickHouse (io.driftwatch.benchmarks.pipeline.PipelineThroughput). Prints a table; takes a few minutes.
#
# Usage: benchmarks/scripts/run-pipeline-throughput.sh [--events N] [--models 2] [--parallelism 1,2] [--bundle-events 1000,1]
#        [--warmup-runs 2] [--state-backend hashmap|rocksdb]
# Environment: PIPELINE_HEAP (default 3g); PIPELINE_JAVA_OPTS (more JVM options); PIPELINE_THREADS=1 prints
# each section's busiest threads; PIPELINE_JFR=FILE records a JFR profile of the whole run to FILE.
# Builds the benchmarks module and the modules it depends on offline from this checkout (-am), so the classpath
# points at this checkout's target/classes, never at other checkouts' snapshots in the shared local repository.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HEAP="${PIPELINE_HEAP:-3g}"
CP_FILE="$ROOT/benchmarks/target/pipeline.classpath"

(cd "$ROOT" && mvn -B -q -o compile dependency:build-classpath -pl benchmarks -am \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime)
EXTRA=()
if [[ -n "${PIPELINE_THREADS:-}" ]]; then
  EXTRA+=("-Dpipeline.threads=true")
fi
if [[ -n "${PIPELINE_JFR:-}" ]]; then
  EXTRA+=("-XX:+UnlockDiagnosticVMOptions" "-XX:+DebugNonSafepoints" "-XX:StartFlightRecording=filename=$PIPELINE_JFR,settings=profile,dumponexit=true")
fi
echo "== $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), Java $(java -version 2>&1 | head -1)"
# The TaskManager's G1 region size from deploy/kubernetes/flinkdeployment.yaml (flink-jobs/PIPELINE.md,
# "Kafka consumer defaults").
# shellcheck disable=SC2086 # PIPELINE_JAVA_OPTS is a list of JVM options
exec java -Xms"$HEAP" -Xmx"$HEAP" -XX:G1HeapRegionSize=16m ${PIPELINE_JAVA_OPTS:-} "${EXTRA[@]}" -cp "$ROOT/benchmarks/target/classes:$(cat "$CP_FILE")" \
  io.driftwatch.benchmarks.pipeline.PipelineThroughput "$@"
