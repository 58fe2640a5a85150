#!/usr/bin/env bash
# Installs what building (and, with --test, testing) motcua needs and is missing; idempotent.
# Assumes a Debian machine with rustup. Everything comes from crates.io, npm or Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml || { echo "Trunk.toml [tools] wasm_bindgen must be $WB_VERSION (Cargo.lock)"; exit 1; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (a few minutes, once)"
  # Trunk's fat-LTO release profile takes 16 min on 2 cores; thin codegen builds the same tool.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  say "cargo install wasm-bindgen-cli $WB_VERSION (a few minutes, once)"
  # No --locked: the CLI's own lockfile pins a crate the registry no longer serves.
  CARGO_PROFILE_RELEASE_LTO=false cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

command -v npm >/dev/null || apt_install nodejs npm
if ! wasm-opt --version 2>/dev/null | grep -q "version 132" || [ ! -x node_modules/.bin/lighthouse ] \
  || [ ! -x node_modules/.bin/esbuild ]; then
  say "npm ci (wasm-opt from binaryen@132; esbuild to minify the JS glue; lighthouse for the accessibility audit)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ]; then
  apt_install chromium chromium-driver
fi

# Trunk builds offline: fetch crates first.
cargo fetch --quiet
