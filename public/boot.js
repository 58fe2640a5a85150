// Offline after one visit: the service worker precaches the whole build (see sw.js).
// It is registered once the app has started (Trunk fires this after init), not at the page's
// `load`: its install fetches every module of the build (~12 MB), which on a tablet's slow link
// would compete with the first screen's own download, and a page taken over by the worker
// while its module was still being imported has been seen to stay blank.
addEventListener("TrunkApplicationStarted", function () {
  // For the benchmark: when the wasm module has started.
  performance.mark("wasm-started");
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(new URL("sw.js", document.baseURI));
  }
});
