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
  // The buttons of the "something went wrong" panel (src/ui/crash.rs). Handled here, not in
  // WebAssembly, because after a panic the app's own code cannot be relied on.
  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("[data-zhucan-action]") : null;
    if (!button) { return; }
    var action = button.getAttribute("data-zhucan-action");
    if (action === "reload") {
      window.location.reload();
    } else if (action === "copy-report") {
      var report = document.getElementById("crash-report");
      if (!report) { return; }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(report.value).catch(function () { report.select(); });
      } else {
        report.select();
      }
    }
  });
  // Offline after the first visit (dist/sw.js, generated at build time). Not over file:// or where
  // the browser has no service workers; a failure here never stops the app.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("./sw.js").catch(function () {});
    });
  }
  // The module loader rejects when the .js or .wasm cannot be fetched or compiled.
  window.addEventListener("unhandledrejection", function () {
    if (document.getElementById("boot")) { show(hasWasm ? "boot-failed" : "boot-no-wasm"); }
  });
})();
