// Shown before the WebAssembly app runs: a loading notice, a clear message where WebAssembly is
// missing, and a load-failure message. An external file (not inline) so a strict
// Content-Security-Policy without 'unsafe-inline' allows it. No network access.
(function () {
  "use strict";
  function show(id) {
    var loading = document.getElementById("boot-loading");
    var el = document.getElementById(id);
    if (loading) { loading.hidden = true; }
    if (el) { el.hidden = false; }
  }
  var hasWasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  function onReady() {
    if (!hasWasm) { show("boot-no-wasm"); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onReady);
  } else {
    onReady();
  }
  // The module loader rejects when the .js or .wasm cannot be fetched or compiled.
  window.addEventListener("unhandledrejection", function () {
    if (document.getElementById("boot")) { show(hasWasm ? "boot-failed" : "boot-no-wasm"); }
  });
})();
