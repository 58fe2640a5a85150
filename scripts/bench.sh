#!/usr/bin/env bash
# Size and speed of the release build, against Enketo's figures on the same survey.
# Prints a table for BENCHMARKS.md. Not part of the test command: numbers are measured, not
# asserted. `bash scripts/bench.sh lighthouse` stops after the sizes and the Lighthouse table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release >/dev/null 2>&1

gz() { gzip -9 -c "$@" | wc -c; }
# What a kiosk tablet downloads (the kiosk's wasm and js, main.css, the page) and what each
# staff module adds when a screen of it is first opened (its wasm and js, staff.css).
kwasm=$(ls dist/kiosk-*_bg.wasm); kjs=$(ls dist/kiosk-*.js); css=$(ls dist/main-*.css)
scss=$(ls dist/staff-*.css)
kiosk=$(( $(gz "$kwasm") + $(gz "$kjs") + $(gz "$css") + $(gz dist/index.html) ))
staff_module() { echo $(( $(gz dist/"$1"-*_bg.wasm) + $(gz dist/"$1"-*.js) + $(gz "$scss") )); }
total=$(( kiosk + $(gz "$scss") ))
for m in desk dashboard admin; do
  total=$(( total + $(gz dist/"$m"-*_bg.wasm) + $(gz dist/"$m"-*.js) ))
done

# The floor: a bare app on the same stack (bench/floor), built as the app is.
floor_out=$(mktemp -d)
(cd bench/floor && RUSTFLAGS="--cfg erase_components" cargo build -q --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir "$floor_out" bench/floor/target/wasm32-unknown-unknown/release/floor.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue "$floor_out/floor_bg.wasm" -o "$floor_out/floor_bg.wasm"
floor=$(( $(gz "$floor_out/floor_bg.wasm") + $(gz "$floor_out/floor.js") ))

# Lighthouse's mobile performance audit (slow 4G, 4x CPU, simulated) of the kiosk, each staff
# screen and the floor, every file served gzip -9 as a host would (bench/serve_gzip.py); a fresh
# profile each run, so staff screens open without a PIN, as on first use.
cat > "$floor_out/index.html" <<'HTML'
<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title>
<script type="module">import init from "./floor.js"; init({ module_or_path: "./floor_bg.wasm" });</script></head><body></body></html>
HTML
port=$((20000 + RANDOM % 20000))
python3 bench/serve_gzip.py dist "$port" & app_server=$!
python3 bench/serve_gzip.py "$floor_out" $((port + 1)) & floor_server=$!
trap 'kill $app_server $floor_server 2>/dev/null || true' EXIT
sleep 1
runs=${LH_RUNS:-3}
lh=$(
  for screen in kiosk staff dossiers dashboard data settings; do
    bench/lighthouse.sh "$screen" "http://127.0.0.1:$port/$screen" "$runs"
  done
  bench/lighthouse.sh floor "http://127.0.0.1:$((port + 1))/" "$runs"
)
lh_row() { echo "$lh" | awk -v k="$1" '$2 == k { printf "%.1f s | %d ms | %d KB", $3 / 1000, $4, $5 / 1024 }'; }
cat <<TABLE
| Lighthouse mobile (median of $runs) | time to interactive | total blocking time | bytes | target |
|---|---|---|---|---|
| kiosk | $(lh_row kiosk) | ≤ 2.5 s / ≤ 300 ms / ≤ 200 KB (Enketo: 2.8 s / 336 ms / 299 KB) |
| desk (/staff) | $(lh_row staff) | ≤ 3.5 s / – / ≤ 350 KB |
| register (/dossiers) | $(lh_row dossiers) | ≤ 3.5 s / – / ≤ 350 KB |
| dashboard | $(lh_row dashboard) | ≤ 3.5 s / – / ≤ 350 KB |
| data (/data) | $(lh_row data) | ≤ 3.5 s / – / ≤ 350 KB |
| settings | $(lh_row settings) | ≤ 3.5 s / – / ≤ 350 KB |
| the floor (bench/floor) | $(lh_row floor) | – |
TABLE
echo
if [ "${1:-}" = lighthouse ]; then
  echo "download of the kiosk (wasm + js + css + html), gzip: $(( kiosk / 1024 )) KB; the floor's: $(( floor / 1024 )) KB"
  echo "download of a staff module (wasm + js + staff.css), gzip: desk $(( $(staff_module desk) / 1024 )) KB, dashboard $(( $(staff_module dashboard) / 1024 )) KB, admin $(( $(staff_module admin) / 1024 )) KB"
  exit 0
fi

out=$(cargo test --release -q -p motcua-e2e --test bench -- --ignored --nocapture --test-threads=1 2>/dev/null | grep -o 'BENCH .*')
val() { echo "$out" | awk -v k="$1" '$2 == k { print $3 }'; }

cat <<TABLE
| measure | motcua | Enketo |
|---|---|---|
| download of the kiosk, gzip (its wasm + js + css + html) | $(( kiosk / 1024 )) KB | 299 KB (issue 22's measure) |
| download of a staff module, gzip (its wasm + js + staff.css): desk / dashboard / admin | $(( $(staff_module desk) / 1024 )) / $(( $(staff_module dashboard) / 1024 )) / $(( $(staff_module admin) / 1024 )) KB | – (target ≤ 350 KB) |
| download of the whole app, gzip (+ the three staff modules) | $(( total / 1024 )) KB (floor of the stack: $(( floor / 1024 )) KB) | 299 KB |
| cold start to a clickable form, first visit (median of 7) | $(val cold_start_ms) ms | 426 ms |
| start with the service worker's cache (median of 7) | $(val warm_start_ms) ms | – |
| fill 19 items + 3 questions and submit (median of 20) | $(val fill_submit_ms) ms | 17 ms |
| unlock (PIN OK → the desk) / lock (→ the kiosk's start), across the module's page load (median of 7) | $(val unlock_ms) / $(val lock_ms) ms | – (target ≤ 400 / ≤ 400 ms) |
| characters stored per response | $(val stored_chars_per_response) | ~1 000 |
| the Excel module, gzip (loaded on first use by the staff app) | $(( $(gz dist/excel-*_bg.wasm) / 1024 )) KB | – |
| a 14 200-row .xlsx register: picked → columns shown / rows checked / imported (median of 3) | $(val excel_open_ms) / $(val excel_check_ms) / $(val excel_import_ms) ms | – |
TABLE
echo
cat <<TABLE
Generated set imported through the app: $(val import_records) records (3.5 years of the seed department, tests/e2e/src/gen.rs)

| measure (capacity issue) | motcua | target |
|---|---|---|
| UTF-16 units per response / per dossier / per record | $(val units_per_response) / $(val units_per_dossier) / $(val units_per_record) | ≤ 17 per record |
| records that fit in 5,242,880 units | $(val records_that_fit) | ≥ 300 000 |
| import of the set: file read and previewed / written | $(val import_read_ms) ms / $(val import_ms) ms | ≤ 2 s for 100 000 |
| export of the set | $(val export_ms) ms | ≤ 2 s for 100 000 |
| kiosk / desk / worklist / dashboard start with the set (median of 5) | $(val start_kiosk_full_ms) / $(val start_desk_full_ms) / $(val start_worklist_full_ms) / $(val start_dashboard_full_ms) ms (the whole report: $(val start_dashboard_whole_full_ms) ms) | 200 / 300 / 300 / 300 ms |
| dashboard period change (median of 5) | $(val dashboard_period_change_ms) ms | ≤ 150 ms |
| worklist search keystroke | $(val worklist_search_ms) ms | ≤ 50 ms |

A decade written through the app's codec: $(val decade_browser_records) records in $(val decade_browser_units) units (bench_decade_in_the_browser)

| measure at a decade | motcua | target |
|---|---|---|
| kiosk start (median of 3) | $(val decade_start_kiosk_ms) ms | ≤ 200 ms, as with none |
| desk / worklist / dashboard start (median of 3) | $(val decade_start_desk_ms) / $(val decade_start_worklist_ms) / $(val decade_start_dashboard_ms) ms (the whole report: $(val decade_start_dashboard_whole_ms) ms) | 300 / 300 / 300 ms |
| where the last dashboard start went (the app's marks, ms from navigation) | $(echo "$out" | awk '$2 == "decade_dashboard_marks" { $1 = ""; $2 = ""; print }') | – |
| moving between screens, the app up on the desk: to the register (same module, records in memory) / to the dashboard, the whole report (another module: a page load, its months read again) / back to the desk (median of 3) | $(val decade_register_open_in_app_ms) / $(val decade_dashboard_open_in_app_ms) / $(val decade_desk_from_dashboard_ms) ms | ≤ 300 ms |
| dashboard period change / filter change (median of 3) | $(val decade_dashboard_period_change_ms) / $(val decade_dashboard_filter_change_ms) ms | ≤ 150 ms |
| worklist search keystroke | $(val decade_worklist_search_ms) ms | ≤ 50 ms |
| a dossier received → shown in the register | $(val decade_worklist_save_ms) ms | ≤ 50 ms |
| tap "Gửi" to the response stored (median of 7) | $(val decade_submit_to_persisted_ms) ms | ≤ 10 ms |
| another tablet's month (≈ 2 400 records) imported into the decade: read and previewed / in all (median of 3 tablets) | $(val decade_import_month_read_ms) / $(val decade_import_month_ms) ms | – (≤ 2 s for 100 000) |

Natively (no browser), 10 generated years: $(val decade_records) records, $(val decade_units_per_response) units a response, $(val decade_units_per_dossier) a dossier, $(val decade_units_per_record) a record: $(val decade_records_that_fit) records fit; a month chunk encodes in $(val decade_encode_ms_per_chunk) ms, a dossier month decodes in $(val decade_decode_ms_per_dossier_chunk) ms. Dashboard figures over the decade (a year): table $(val native_dossier_table_ms) ms, index $(val native_satisfaction_ms) ms, monthly series $(val native_monthly_ms) ms, ratings joined to dossiers $(val native_rated_ms) ms, 766's indicators $(val native_indicators_ms) ms, late by division $(val native_late_by_division_ms) ms; the timeline they read, built once per data set, $(val native_timeline_ms) ms.
TABLE
echo
echo "kiosk: wasm $(stat -c %s "$kwasm") bytes raw, $(gz "$kwasm") gzip; js $(gz "$kjs") gzip; css $(gz "$css") gzip; html $(gz dist/index.html) gzip"
for m in desk dashboard admin; do
  echo "$m: wasm $(stat -c %s dist/"$m"-*_bg.wasm) bytes raw, $(gz dist/"$m"-*_bg.wasm) gzip; js $(gz dist/"$m"-*.js) gzip; staff css $(gz "$scss") gzip"
done
