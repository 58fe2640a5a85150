#!/usr/bin/env bash
# Trunk post_build hook: list every built file in sw.js so the app starts offline after one
# visit; the list's hash names the cache, so a new build replaces the old cache.
set -euo pipefail
cd "${TRUNK_STAGING_DIR:?run by trunk}"
# Every module but the kiosk is built as a Trunk "worker" module, which Trunk leaves unhashed,
# and the staff stylesheet is copied as it is: name these files by their content, as Trunk
# names the kiosk's, and put the names where the page looks for them (`__NAME_JS__`): the
# loader for the staff modules (Trunk.toml), a <meta name="motcua-…"> for those loaded on
# first use (excel by the staff screens, scan and lookup by the kiosk).
css="staff-$(sha256sum staff.css | cut -c1-16).css"
mv staff.css "$css"
sed -i "s|__STAFF_CSS__|$css|" index.html
glue=(kiosk-*.js)
for module in desk dashboard admin excel scan lookup; do
  hash=$(cat "$module.js" "${module}_bg.wasm" | sha256sum | cut -c1-16)
  mv "$module.js" "$module-$hash.js"
  mv "${module}_bg.wasm" "$module-${hash}_bg.wasm"
  grep -q "__${module^^}_JS__" index.html || { echo "precache: index.html names no __${module^^}_JS__"; exit 1; }
  sed -i "s|__${module^^}_JS__|$module-$hash.js|g" index.html
  glue+=("$module-$hash.js")
done
# Minify the modules' JS glue (wasm-bindgen writes it readable): a few KB of each download.
for js in "${glue[@]}"; do
  "${TRUNK_SOURCE_DIR:?run by trunk}/node_modules/.bin/esbuild" "$js" --minify --format=esm --log-level=warning \
    --outfile="$js" --allow-overwrite
done
# The page's comments explain the source (index.html); the tablet need not download them.
node -e '
  const fs = require("fs");
  const html = fs.readFileSync("index.html", "utf8");
  fs.writeFileSync("index.html", html.replace(/<!--[\s\S]*?-->/g, "").replace(/\n\s*\n/g, "\n"));
'
# The loader (Trunk.toml's `pattern_script`) minified as the glue is: it is in every page.
node -e '
  const fs = require("fs");
  const m = fs.readFileSync("index.html", "utf8").match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
  if (!m) { console.error("loader: no inline module script"); process.exit(1); }
  fs.writeFileSync("loader.tmp.js", m[1]);
'
"${TRUNK_SOURCE_DIR:?run by trunk}/node_modules/.bin/esbuild" loader.tmp.js --minify --format=esm --log-level=warning \
  --outfile=loader.min.js
node -e '
  const fs = require("fs");
  const html = fs.readFileSync("index.html", "utf8");
  const min = fs.readFileSync("loader.min.js", "utf8").trim();
  fs.writeFileSync("index.html", html.replace(/(<script type="module"[^>]*>)[\s\S]*?(<\/script>)/, (_, a, b) => a + min + b));
'
rm -f loader.tmp.js loader.min.js
# Content-Security-Policy: the one inline script (Trunk's loader) is allowed by its hash; no
# other inline script runs. Style *attributes* are allowed (the charts' SVG carries them; they
# cannot run code); style elements come only from the build's stylesheet. Node comes with the
# build tools (setup.sh).
node -e '
  const fs = require("fs"), crypto = require("crypto");
  const html = fs.readFileSync("index.html", "utf8");
  const hashes = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)]
    .map(m => "\x27sha256-" + crypto.createHash("sha256").update(m[1]).digest("base64") + "\x27");
  const csp = ["default-src \x27self\x27", "script-src \x27self\x27 \x27wasm-unsafe-eval\x27 " + hashes.join(" "),
    "style-src \x27self\x27", "style-src-attr \x27unsafe-inline\x27", "img-src \x27self\x27 data: blob:", "connect-src \x27self\x27", "object-src \x27none\x27",
    "base-uri \x27self\x27", "form-action \x27self\x27", "worker-src \x27self\x27", "manifest-src \x27self\x27"].join("; ");
  if (!html.includes("__CSP__") || hashes.length !== 1) { console.error("CSP: expected one loader script and the placeholder"); process.exit(1); }
  fs.writeFileSync("index.html", html.replace("__CSP__", csp));
'
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | sort)
list=$(printf '%s\n' "./" $files | sed 's/.*/"&"/' | paste -sd, -)
version=$(cat $files | sha256sum | cut -c1-12)
sed -i "s|self.__PRECACHE__|[$list]|; s|__BUILD__|$version|" sw.js
