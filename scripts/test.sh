#!/usr/bin/env bash
# Run every test: native core tests, storage tests in headless Chromium (wasm-bindgen-test),
# and end-to-end tests of the built release app in headless Chromium. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
log=$(mktemp)
trap 'rm -f "$log"' EXIT
exec > >(tee "$log") 2>&1
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

echo "== 0/3 formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p motcua --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p motcua --target wasm32-unknown-unknown --no-default-features --features excel --bin excel -- -D warnings
cargo clippy -p motcua --target wasm32-unknown-unknown --no-default-features --features scan --bin scan -- -D warnings
cargo clippy -p motcua --target wasm32-unknown-unknown --no-default-features --features lookup --bin lookup -- -D warnings

echo "== 1/3 domain and formats unit tests (native)"
cargo test -p motcua-domain -p motcua-formats

echo "== 2/3 storage and chart tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p motcua --target wasm32-unknown-unknown --tests

echo "== 3/3 end-to-end tests of the release build in headless Chromium"
trunk build --release
# The same app built for a sub-path (/motcua/): the deployment test serves it there.
trunk build --release --public-url /motcua/ --dist dist-sub
cargo test -p motcua-e2e --tests -- --test-threads=1

# One closing line over all three suites.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "all suites: %d passed, %d failed\n", p, f }' "$log"
