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

out=$(cargo test -q -p motcua-e2e --test bench -- --ignored --nocapture --test-threads=1 2>/dev/null | grep -o 'BENCH .*')
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
cat <<TABLE
Generated set: $(val import_records) records (a quarter of the seed department's year, tests/e2e/src/gen.rs)

| measure (capacity issue) | motcua | target |
|---|---|---|
| UTF-16 units per response / per dossier / per record | $(val units_per_response) / $(val units_per_dossier) / $(val units_per_record) | ≤ 17 per record |
| records that fit in 5,242,880 units | $(val records_that_fit) | ≥ 300 000 |
| kiosk start with the set stored (median of 5) | $(val start_kiosk_full_ms) ms | ≤ 200 ms |
| desk screen start with the set (median of 5) | $(val start_desk_full_ms) ms | ≤ 300 ms |
| worklist start with the set (median of 5) | $(val start_worklist_full_ms) ms | ≤ 300 ms at 142 000 dossiers |
| worklist search keystroke | $(val worklist_search_ms) ms | ≤ 50 ms |
| dashboard open with the set (median of 5) | $(val start_dashboard_full_ms) ms | ≤ 300 ms at 300 000 |
| dashboard period change (median of 5) | $(val dashboard_period_change_ms) ms | ≤ 150 ms at 300 000 |
| import of the set (pick → written) | $(val import_ms) ms | ≤ 2 s for 100 000 |
| export of the set | $(val export_ms) ms | ≤ 2 s for 100 000 |
TABLE
echo
echo "wasm $(stat -c %s "$wasm") bytes raw, $(gz "$wasm") gzip; js $(gz "$js") gzip; css $(gz "$css") gzip"
