// zhucan as a custom element: one <script> and one tag in the host page.
//
//   <script src="/zhucan/zhucan-element.js"></script>
//   <zhucan-calculator policy="shenzhen-2025" lang="zh-CN" large="1"></zhucan-calculator>
//
// Tags: <zhucan-calculator>, <zhucan-planner>, and <zhucan-app mode="both|calculator|planner">.
// Attributes (all optional, the same as the iframe's URL options in docs/embedding.md): policy,
// policy-url, lang, large (0/1/2), contrast (high/normal), theme (#0b4f8a), label (the accessible
// name; a sensible one by default), app (where zhucan's dist/ is; by default the folder this
// script was loaded from).
//
// The app runs inside the element's shadow root, in a frame of its own document. That keeps the
// host's CSS out of zhucan and zhucan's out of the host in both directions, and lets zhucan's
// large-text mode scale its own root font size (rem) without touching the host page's. The frame
// is exactly as tall as the app: the app posts its height to this page's origin only, and this
// script accepts it only from that frame's window and the app's origin. Everything it sets is
// through the CSSOM (no inline style attributes), so `style-src 'self'` allows it. No request
// leaves the app's origin; nothing is sent anywhere.
(function () {
  "use strict";
  if (!window.customElements || !window.HTMLElement || customElements.get("zhucan-app")) { return; }
  var scriptSrc = document.currentScript ? document.currentScript.src : document.baseURI;
  var OPTIONS = ["policy", "policy-url", "lang", "large", "contrast", "theme"];
  var NAMES = {
    calculator: { "zh-CN": "老年助餐补贴计算器", en: "Elderly meal subsidy calculator" },
    planner: { "zh-CN": "老年食堂选址规划", en: "Senior canteen site planner" },
    both: { "zh-CN": "老年助餐补贴计算与选址规划", en: "Elderly meal subsidy calculator and canteen site planner" },
  };

  class ZhucanElement extends HTMLElement {
    static get observedAttributes() { return OPTIONS.concat(["mode", "label", "app"]); }

    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      this.frame = null;
      this.onMessage = this.onMessage.bind(this);
    }

    mode() {
      var fixed = this.constructor.fixedMode;
      if (fixed) { return fixed; }
      var m = this.getAttribute("mode");
      return m === "calculator" || m === "planner" ? m : "both";
    }

    appUrl() {
      try {
        return new URL(this.getAttribute("app") || "./", scriptSrc);
      } catch (e) {
        return new URL("./", scriptSrc);
      }
    }

    frameUrl() {
      var url = this.appUrl();
      url.search = "";
      url.hash = "";
      var q = url.searchParams;
      q.set("mode", this.mode());
      for (var i = 0; i < OPTIONS.length; i++) {
        var value = this.getAttribute(OPTIONS[i]);
        if (value !== null && value !== "") { q.set(OPTIONS[i], value); }
      }
      q.set("parent", location.origin);
      return url.href;
    }

    label() {
      var lang = (this.getAttribute("lang") || document.documentElement.lang || "zh-CN").toLowerCase().indexOf("en") === 0 ? "en" : "zh-CN";
      return this.getAttribute("label") || NAMES[this.mode()][lang];
    }

    connectedCallback() {
      if (!this.frame) {
        var frame = document.createElement("iframe");
        // Sized through the CSSOM, which a strict style-src allows.
        frame.style.display = "block";
        frame.style.width = "100%";
        frame.style.height = "900px";
        frame.style.border = "0";
        this.shadowRoot.appendChild(frame);
        this.frame = frame;
        if (!this.style.display) { this.style.display = "block"; }
      }
      window.addEventListener("message", this.onMessage);
      this.update();
    }

    disconnectedCallback() {
      window.removeEventListener("message", this.onMessage);
    }

    attributeChangedCallback() {
      if (this.frame) { this.update(); }
    }

    update() {
      var src = this.frameUrl();
      this.frame.title = this.label();
      if (this.frame.src !== src) { this.frame.src = src; }
    }

    onMessage(event) {
      if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== this.appUrl().origin) { return; }
      var data = event.data;
      if (!data || data.type !== "zhucan:height") { return; }
      var height = Number(data.height);
      if (!isFinite(height) || height < 100 || height > 200000) { return; }
      this.frame.style.height = Math.ceil(height) + "px";
    }
  }

  function fixed(mode) {
    return class extends ZhucanElement {
      static get fixedMode() { return mode; }
    };
  }
  customElements.define("zhucan-app", class extends ZhucanElement {});
  customElements.define("zhucan-calculator", fixed("calculator"));
  customElements.define("zhucan-planner", fixed("planner"));
})();
