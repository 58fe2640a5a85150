#!/usr/bin/env bash
# Size and speed of the release build, against Enketo's figures on the same survey.
# Prints a table for BENCHMARKS.md. Not part of the test command: numbers are measured, not
# asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release >/dev/null 2>&1

gz() { gzip -9 -c "$@" | wc -c; }
wasm=$(ls dist/*_bg.wasm); js=$(ls dist/motcua-*.js); css=$(ls dist/*.css)
total=$(( $(gz "$wasm") + $(gz "$js") + $(gz "$css") + $(gz dist/index.html) ))

out=$(cargo test -q -p motcua-e2e --test bench -- --ignored --nocapture --test-threads=1 2>/dev/null | grep '^BENCH')
val() { echo "$out" | awk -v k="$1" '$2 == k { print $3 }'; }

cat <<TABLE
| measure | motcua | Enketo |
|---|---|---|
| download, gzip (wasm + js + css + html) | $(( total / 1024 )) KB | 291 KB |
| cold start to a clickable form, first visit (median of 7) | $(val cold_start_ms) ms | 426 ms |
| start with the service worker's cache (median of 7) | $(val warm_start_ms) ms | – |
| fill 19 items + 3 questions and submit (median of 20) | $(val fill_submit_ms) ms | 17 ms |
| characters stored per response | $(val stored_chars_per_response) | ~1 000 |
TABLE
echo
echo "wasm $(stat -c %s "$wasm") bytes raw, $(gz "$wasm") gzip; js $(gz "$js") gzip; css $(gz "$css") gzip"
