// Offline after one visit: the service worker precaches the whole build (see sw.js).
// For the benchmark: when the wasm module has started (Trunk fires this after init).
addEventListener("TrunkApplicationStarted", function () { performance.mark("wasm-started"); });
if ("serviceWorker" in navigator) {
  addEventListener("load", function () { navigator.serviceWorker.register(new URL("sw.js", document.baseURI)); });
}
