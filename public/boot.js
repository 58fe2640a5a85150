// Offline after one visit: the service worker precaches the whole build (see sw.js).
// It is registered once the app has started (the loader in Trunk.toml says so), not at the
// page's `load`: its install fetches every module of the build (~12 MB), which on a tablet's
// slow link would compete with the first screen's own download. This script is deferred, so
// the app may have started before it runs.
function registerWorker() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(new URL("sw.js", document.baseURI));
  }
}
if (self.motcuaStarted) {
  registerWorker();
} else {
  addEventListener("TrunkApplicationStarted", registerWorker);
}
