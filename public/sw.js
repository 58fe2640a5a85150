// motcua service worker: precache the hashed build so the app starts with no network.
// scripts/precache.sh (a Trunk post_build hook) fills in the file list and the build id.
const CACHE = "motcua-__BUILD__";
const PRECACHE = self.__PRECACHE__;

self.addEventListener("install", (event) => {
  // cache: "reload" goes past the browser's HTTP cache, so a stale copy of index.html never
  // becomes the offline copy of a new build.
  event.waitUntil(
    caches.open(CACHE)
      .then((c) => Promise.all(PRECACHE.map((url) =>
        fetch(new Request(url, { cache: "reload" })).then((r) => {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return c.put(url, r);
        }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  // A new build replaces the old cache.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("motcua-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// Only this build's own cache answers: `caches.match` would search every cache of the origin
// (the records' pending copy, another app's on a shared origin).
const own = (key) => caches.open(CACHE).then((c) => c.match(key));

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    // Every route is the same single page.
    event.respondWith(own("./").then((hit) => hit || fetch(req)));
    return;
  }
  event.respondWith(own(req).then((hit) => hit || fetch(req)));
});
