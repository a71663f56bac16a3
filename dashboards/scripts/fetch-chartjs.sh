#!/usr/bin/env bash
# Puts Chart.js's UMD build (MIT licence) and its licence into the dashboards jar, for the self-contained HTML
# report (`driftwatch report`). Called by the Maven build (generate-resources) with the output folder.
# The package is fetched once with `npm pack` into a cache outside the repository (DRIFTWATCH_CACHE, default
# ~/.cache/driftwatch) and checked against a pinned SHA-256, so a build never ships an unexpected script.
set -euo pipefail

VERSION="4.6.1"
SHA256="87364cc2b2a76a6684929e7d6b80b18a897794db38400caff1fcf1791c6925d2"
OUT="${1:?usage: fetch-chartjs.sh OUTPUT_DIR}"
CACHE="${DRIFTWATCH_CACHE:-$HOME/.cache/driftwatch}/chartjs-$VERSION"
FILE="package/dist/chart.umd.min.js"

mkdir -p "$CACHE" "$OUT"
if [ ! -f "$CACHE/$FILE" ]; then
  (cd "$CACHE" && npm pack --silent "chart.js@$VERSION" >/dev/null \
    && tar -xzf "chart.js-$VERSION.tgz" "$FILE" package/LICENSE.md)
fi
ACTUAL="$(sha256sum "$CACHE/$FILE" | cut -d' ' -f1)"
if [ "$ACTUAL" != "$SHA256" ]; then
  echo "chart.js $VERSION: SHA-256 $ACTUAL of $CACHE/$FILE is not the pinned $SHA256; delete $CACHE to refetch" >&2
  exit 1
fi
cp "$CACHE/$FILE" "$OUT/chart.umd.min.js"
cp "$CACHE/package/LICENSE.md" "$OUT/chart.js-LICENSE.md"
echo "$VERSION" > "$OUT/chart.js-version.txt"
