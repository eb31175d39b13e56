// Before the WebAssembly app runs: the pre-rendered first screen and its hand-over to the app, a
// loading notice, a clear message where WebAssembly is missing, and a load-failure message. An
// external file (not inline) so a strict Content-Security-Policy without 'unsafe-inline' allows
// it. No network access.
(function () {
  "use strict";
  function show(id) {
    var loading = document.getElementById("boot-loading");
    var el = document.getElementById(id);
    if (loading) { loading.hidden = true; }
    if (el) { el.hidden = false; }
    // Without the app the pre-rendered form below is of no use: only the message, in both languages.
    document.documentElement.classList.remove("prerendered", "prerendered-alone");
  }
  var hasWasm = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";

  // The calculator's first screen, rendered at build time from the app's own components, one copy
  // per language (index.html; src/bin/prerender.rs). Shown at once (html.prerendered, see app.css)
  // in the language and text size the app will start with, so a slow phone shows the real form
  // seconds before the WebAssembly arrives. Its fields, choices and folds work without the app;
  // what the resident changes in them is handed to the app when it runs (zhucanFirstScreen below,
  // called by src/main.rs and src/ui/app.rs); its buttons wait for the app (disabled).
  // The start-up settings are read as the app reads them (Settings::initial in
  // src/ui/settings.rs): the saved settings, then the page address's options (core::embed).
  var root = document.documentElement;
  function param(name) {
    var m = new RegExp("[?&]" + name + "=([^&]*)").exec(location.search);
    if (!m) { return null; }
    try { return decodeURIComponent(m[1]); } catch (e) { return null; }
  }
  function language(tag) {
    var primary = String(tag || "").trim().split(/[-_]/)[0].toLowerCase();
    return primary === "zh" ? "zh-CN" : primary === "en" ? "en" : null;
  }
  var saved = "";
  try { saved = (window.localStorage.getItem("zhucan.settings.v1") || "").replace(/\s/g, ""); } catch (e) { saved = ""; }
  function savedOn(key) { return saved.indexOf('"' + key + '":true') >= 0; }
  var savedLocale = /"locale":"([^"]*)"/.exec(saved);
  var lang = language(param("lang")) || (savedLocale && language(savedLocale[1])) || "zh-CN";
  var large = savedOn("large_text"), extra = savedOn("extra_large"), contrast = savedOn("high_contrast");
  var largeParam = param("large");
  if (largeParam === "1" || largeParam === "true" || largeParam === "on") { large = true; }
  if (largeParam === "2") { large = true; extra = true; }
  if (largeParam === "0" || largeParam === "false" || largeParam === "off") { large = false; extra = false; }
  if (param("contrast") === "high") { contrast = true; }
  if (param("contrast") === "normal") { contrast = false; }
  var mode = param("mode");
  var firstScreen = hasWasm && mode !== "planner";
  var prefix = "prerender-" + lang + "-";
  root.lang = lang;
  root.classList.toggle("large-text", large);
  root.classList.toggle("extra-large", extra);
  root.classList.toggle("high-contrast", contrast);
  // The notice that nothing will be kept, where the page can keep nothing (as storage::available
  // in src/ui/storage.rs finds out).
  var keeps = true;
  try {
    window.localStorage.setItem("zhucan.probe", "1");
    window.localStorage.removeItem("zhucan.probe");
  } catch (e) { keeps = false; }
  root.classList.toggle("storage-blocked", !keeps);
  if (firstScreen) {
    root.classList.add("prerendered");
    // The calculator alone (an embedding's ?mode=calculator) has no tabs.
    if (mode === "calculator") { root.classList.add("prerendered-alone"); }
  }
  // The screen was rendered with the default settings: its toggles show the saved ones as soon as
  // they are parsed (mutation observers run before the browser paints).
  var pressed = { "toggle-large-text": large, "toggle-extra-large": extra, "toggle-contrast": contrast };
  if (firstScreen && (large || extra || contrast) && typeof MutationObserver === "function") {
    var press = function () {
      for (var id in pressed) {
        var button = document.getElementById(prefix + id);
        if (button) { button.setAttribute("aria-pressed", String(pressed[id])); }
      }
    };
    var observer = new MutationObserver(press);
    observer.observe(root, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () { press(); observer.disconnect(); });
  }
  // The screen's form has no action: Enter in a field must not reload the page (and lose it).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form && form.closest && form.closest(".prerender")) { event.preventDefault(); }
  }, true);
  var carried = null;
  function fire(el, type) {
    var event;
    try { event = new Event(type, { bubbles: true }); } catch (e) { return; }
    el.dispatchEvent(event);
  }
  window.zhucanFirstScreen = {
    // Before the app draws: note what the resident changed in the screen (fields that differ from
    // how they were rendered, open folds, the focused field and its caret), then remove the copies.
    take: function () {
      var shown = firstScreen ? document.querySelector('.prerender[lang="' + lang + '"]') : null;
      carried = { fields: [], open: [], focus: null, x: window.scrollX, y: window.scrollY };
      if (shown) {
        var controls = shown.querySelectorAll("input[id], select[id], textarea[id]");
        for (var i = 0; i < controls.length; i++) {
          var el = controls[i];
          if (el.id.indexOf(prefix) !== 0) { continue; }
          var id = el.id.slice(prefix.length);
          if (el.type === "checkbox" || el.type === "radio") {
            if (el.checked !== el.defaultChecked && (el.checked || el.type === "checkbox")) {
              carried.fields.push({ id: id, checked: el.checked });
            }
          } else if (el.tagName === "SELECT") {
            var first = null;
            for (var j = 0; j < el.options.length; j++) {
              if (el.options[j].defaultSelected) { first = el.options[j]; break; }
            }
            var initial = first ? first.value : el.options.length ? el.options[0].value : "";
            if (el.value !== initial) { carried.fields.push({ id: id, value: el.value }); }
          } else if (el.value !== el.defaultValue) {
            carried.fields.push({ id: id, value: el.value });
          }
        }
        var folds = shown.querySelectorAll("details[open]");
        for (var k = 0; k < folds.length; k++) { carried.open.push(folds[k].className); }
        var active = document.activeElement;
        if (active && active !== document.body && shown.contains(active) && active.id.indexOf(prefix) === 0) {
          carried.focus = { id: active.id.slice(prefix.length), start: null, end: null };
          try {
            carried.focus.start = active.selectionStart;
            carried.focus.end = active.selectionEnd;
          } catch (e) { carried.focus.start = null; }
        }
      }
      var screens = document.querySelectorAll(".prerender");
      for (var s = 0; s < screens.length; s++) { screens[s].remove(); }
    },
    // Once the app has drawn: the same changes, made in its form as the resident would make them
    // (its own input and change events), so nothing typed is lost; focus and scrolling as they were.
    restore: function () {
      var c = carried;
      carried = null;
      root.classList.remove("prerendered", "prerendered-alone");
      if (!c) { return; }
      for (var i = 0; i < c.open.length; i++) {
        var fold = c.open[i] ? document.querySelector("#main-top details." + c.open[i].split(" ").join(".")) : null;
        if (fold && !fold.open) { fold.open = true; }
      }
      var focusId = c.focus ? c.focus.id : null;
      for (var f = 0; f < c.fields.length; f++) {
        var field = c.fields[f];
        var el = document.getElementById(field.id);
        if (!el) { continue; }
        if ("checked" in field) {
          if (el.checked !== field.checked) { el.click(); }
        } else {
          el.value = field.value;
          fire(el, "input");
          // A field still being typed into is not "left" yet (a date's problem waits until it is).
          if (field.id !== focusId || el.tagName !== "INPUT") { fire(el, "change"); }
        }
      }
      if (focusId) {
        var target = document.getElementById(focusId);
        if (target && target.focus) {
          target.focus({ preventScroll: true });
          if (c.focus.start !== null && target.setSelectionRange) {
            try { target.setSelectionRange(c.focus.start, c.focus.end); } catch (e) { /* not a text field */ }
          }
        }
      }
      if (window.scrollX !== c.x || window.scrollY !== c.y) { window.scrollTo(c.x, c.y); }
    },
  };
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
  // opens (src/ui/lazy_app.rs) so residents never download it. Its files sit beside this
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
  // The policy studio (zhucan-studio) likewise, fetched the first time its tab opens
  // (src/ui/lazy_app.rs). Built as an ES module (index.html: data-bindgen-target="web"), so it
  // defines no global and cannot clash with the planner's `wasm_bindgen`; imported from beside
  // this script (a file of the same origin: `script-src 'self'` allows it).
  var studio = null;
  window.zhucanLoadStudio = function () {
    if (studio) { return studio; }
    studio = import(new URL("zhucan-studio.js", here).href).then(function (module) {
      return module.default({ module_or_path: new URL("zhucan-studio_bg.wasm", here) });
    }).then(function () { return true; }, function (error) { studio = null; throw error; });
    return studio;
  };
  // "Open in the calculator" (src/ui/studio): the studio's policy file reaches the calculator
  // the way a resident's own file does, through the calculator's file field (#calc-policy-file,
  // its own change event), then the calculator's tab is shown. The two apps share no memory, only
  // the page. Resolves true when the calculator took the file.
  window.zhucanOpenInCalculator = function (name, text) {
    var input = document.getElementById("calc-policy-file");
    var tab = document.getElementById("tab-calculator");
    if (!input || typeof DataTransfer !== "function" || typeof File !== "function") { return false; }
    try {
      var transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: "text/plain" }));
      input.files = transfer.files;
    } catch (e) { return false; }
    fire(input, "change");
    if (tab) { tab.click(); tab.focus(); }
    return true;
  };
  // The module loader rejects when the .js or .wasm cannot be fetched or compiled: an unhandled
  // rejection, or (its top-level await) an error reported on the window. Either, before the app
  // has removed the notice, means it will not start.
  function failed() {
    if (document.getElementById("boot")) { show(hasWasm ? "boot-failed" : "boot-no-wasm"); }
  }
  window.addEventListener("unhandledrejection", failed);
  window.addEventListener("error", function (event) {
    // Only this page's own scripts (not, say, a browser extension's).
    if (!event.filename || event.filename.indexOf(location.origin + "/") === 0) { failed(); }
  });
  // Once the page is parsed, only the copy of the first screen in use stays (both are hidden
  // until then but for that one; the other would still be in the accessibility tree's order).
  document.addEventListener("DOMContentLoaded", function () {
    var screens = document.querySelectorAll(".prerender");
    for (var i = 0; i < screens.length; i++) {
      if (!firstScreen || screens[i].getAttribute("lang") !== lang) { screens[i].remove(); }
    }
  });
})();
