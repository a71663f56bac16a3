#!/usr/bin/env bash
# Regenerates dashboards/src/test/resources/grafana-dashboard.schema.json, the strict JSON Schema
# (draft-07, additionalProperties: false everywhere) of Grafana's classic dashboard JSON model.
#
# Source: the TypeScript type `Dashboard` that the @grafana/schema npm package generates from Grafana's CUE
# kinds and ships as dist/types/raw/dashboard/x/types.gen.d.ts (the v1 / "classic" model that file-provisioned
# dashboards use). Converted with ts-json-schema-generator. Both are fetched with npm into a cache outside the
# repository (DRIFTWATCH_CACHE, default ~/.cache/driftwatch); nothing is installed into the repository.
set -euo pipefail

GRAFANA_SCHEMA_VERSION="${GRAFANA_SCHEMA_VERSION:-13.2.3}"
GENERATOR_VERSION="${GENERATOR_VERSION:-2.4.0}"
CACHE="${DRIFTWATCH_CACHE:-$HOME/.cache/driftwatch}/grafana-schema-$GRAFANA_SCHEMA_VERSION"
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/../src/test/resources/grafana-dashboard.schema.json"
TYPES="package/dist/types/raw/dashboard/x/types.gen.d.ts"

mkdir -p "$CACHE"
cd "$CACHE"
if [ ! -f "$TYPES" ]; then
  npm pack --silent "@grafana/schema@$GRAFANA_SCHEMA_VERSION" >/dev/null
  tar -xzf "grafana-schema-$GRAFANA_SCHEMA_VERSION.tgz" "$TYPES"
fi
if [ ! -x generator/node_modules/.bin/ts-json-schema-generator ]; then
  mkdir -p generator
  npm install --silent --no-audit --no-fund --prefix generator "ts-json-schema-generator@$GENERATOR_VERSION"
fi
# --no-type-check: the .d.ts imports nothing, but skipping the full type check keeps this fast.
generator/node_modules/.bin/ts-json-schema-generator --path "$TYPES" --type Dashboard --no-type-check \
  -o "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
# AnnotationQuery.target is typed as the built-in datasource's fields only; SQL annotations need a DataQuery.
python3 "$HERE/patch-annotation-target.py" "$OUT"
echo "wrote $OUT from @grafana/schema@$GRAFANA_SCHEMA_VERSION ($TYPES)"
