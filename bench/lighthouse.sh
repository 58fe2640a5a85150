#!/usr/bin/env bash
# Lighthouse's mobile performance audit (its default profile: slow 4G, 4× CPU slowdown,
# simulated) of one URL, RUNS times; prints the medians as
#   LH <name> <interactive ms> <total blocking time ms> <bytes transferred> <first contentful paint ms>
# Usage: bench/lighthouse.sh NAME URL [RUNS]
set -euo pipefail
name=$1 url=$2 runs=${3:-3}
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq "$runs"); do
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} node_modules/.bin/lighthouse "$url" \
    --only-categories=performance --output=json --quiet --output-path="$out/$i.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
done
python3 - "$name" "$out" <<'PY'
import json, statistics, sys, glob
name, out = sys.argv[1], sys.argv[2]
rows = []
for f in sorted(glob.glob(out + "/*.json")):
    a = json.load(open(f))["audits"]
    v = lambda k: a[k].get("numericValue")
    if v("interactive") is None:
        continue
    rows.append((v("interactive"), v("total-blocking-time"), v("total-byte-weight"), v("first-contentful-paint")))
if not rows:
    print(f"LH {name} - - - -")
else:
    med = [round(statistics.median(c)) for c in zip(*rows)]
    print("LH", name, *med)
PY
