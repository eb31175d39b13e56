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
  // The site planner is its own WebAssembly app (zhucan-planner), fetched the first time its tab
  // opens (src/ui/planner_host.rs) so residents never download it. Its files sit beside this
  // script. Resolves once it has mounted; rejects (and may be called again) if it cannot load.
  var here = document.currentScript ? document.currentScript.src : location.href;
  var planner = null;
  function startPlanner() {
    /* global wasm_bindgen: defined by zhucan-planner.js (wasm-bindgen "no-modules") */
    return wasm_bindgen({ module_or_path: new URL("zhucan-planner_bg.wasm", here) });
  }
  window.zhucanLoadPlanner = function () {
    if (planner) { return planner; }
    planner = new Promise(function (resolve, reject) {
      if (typeof wasm_bindgen === "function") { startPlanner().then(resolve, reject); return; }
      var script = document.createElement("script");
      script.src = new URL("zhucan-planner.js", here).href;
      script.onload = function () { startPlanner().then(resolve, reject); };
      script.onerror = function () { script.remove(); reject(new Error("zhucan-planner.js did not load")); };
      document.head.appendChild(script);
    }).then(function () { return true; }, function (error) { planner = null; throw error; });
    return planner;
  };
  // The module loader rejects when the .js or .wasm cannot be fetched or compiled.
  window.addEventListener("unhandledrejection", function () {
    if (document.getElementById("boot")) { show(hasWasm ? "boot-failed" : "boot-no-wasm"); }
  });
})();
