#!/usr/bin/env bash
# Trunk post_build hook: list every built file in sw.js so the app starts offline after one
# visit; the list's hash names the cache, so a new build replaces the old cache.
set -euo pipefail
cd "${TRUNK_STAGING_DIR:?run by trunk}"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | sort)
list=$(printf '%s\n' "./" $files | sed 's/.*/"&"/' | paste -sd, -)
version=$(cat $files | sha256sum | cut -c1-12)
sed -i "s|self.__PRECACHE__|[$list]|; s|__BUILD__|$version|" sw.js
