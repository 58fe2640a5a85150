#!/usr/bin/env bash
# Trunk post_build hook: list every built file in sw.js so the app starts offline after one
# visit; the list's hash names the cache, so a new build replaces the old cache.
set -euo pipefail
cd "${TRUNK_STAGING_DIR:?run by trunk}"
# The staff app is built as Trunk's second ("worker") module, which Trunk leaves unhashed, and
# its stylesheet is copied as it is: name these files by their content, as Trunk names the
# kiosk's, and point the loader at them.
hash=$(cat motcua.js motcua_bg.wasm | sha256sum | cut -c1-16)
mv motcua.js "motcua-$hash.js"
mv motcua_bg.wasm "motcua-${hash}_bg.wasm"
css="staff-$(sha256sum staff.css | cut -c1-16).css"
mv staff.css "$css"
sed -i "s|__STAFF_JS__|motcua-$hash.js|; s|__STAFF_WASM__|motcua-${hash}_bg.wasm|; s|__STAFF_CSS__|$css|" index.html
# The Excel module, likewise: the staff app finds it by <meta name="motcua-excel">.
xhash=$(cat excel.js excel_bg.wasm | sha256sum | cut -c1-16)
mv excel.js "excel-$xhash.js"
mv excel_bg.wasm "excel-${xhash}_bg.wasm"
sed -i "s|__EXCEL_JS__|excel-$xhash.js|" index.html
# The scan module, likewise: the kiosk finds it by <meta name="motcua-scan">.
shash=$(cat scan.js scan_bg.wasm | sha256sum | cut -c1-16)
mv scan.js "scan-$shash.js"
mv scan_bg.wasm "scan-${shash}_bg.wasm"
sed -i "s|__SCAN_JS__|scan-$shash.js|" index.html
# The look-up module, likewise: the kiosk finds it by <meta name="motcua-lookup">.
lhash=$(cat lookup.js lookup_bg.wasm | sha256sum | cut -c1-16)
mv lookup.js "lookup-$lhash.js"
mv lookup_bg.wasm "lookup-${lhash}_bg.wasm"
sed -i "s|__LOOKUP_JS__|lookup-$lhash.js|" index.html
# Minify the two modules' JS glue (wasm-bindgen writes it readable): a few KB of each download.
for js in kiosk-*.js "motcua-$hash.js" "excel-$xhash.js" "scan-$shash.js" "lookup-$lhash.js"; do
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
