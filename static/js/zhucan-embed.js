// zhucan embed helper for the page that hosts the <iframe>. Copy this file to your own site (so a
// `script-src 'self'` policy allows it) and load it after the frame:
//
//   <iframe data-zhucan src="https://zhucan.example.gov.cn/?mode=calculator&parent=https://www.example.gov.cn"
//           title="老年助餐补贴计算器" width="100%" height="900"></iframe>
//   <script src="/js/zhucan-embed.js"></script>
//
// It resizes each `iframe[data-zhucan]` to the height the app reports. Messages are accepted only
// from the frame's own window and origin; nothing else is read, and nothing is sent anywhere.
(function () {
  "use strict";
  function watch(frame) {
    var origin;
    try {
      origin = new URL(frame.getAttribute("src"), document.baseURI).origin;
    } catch (e) {
      return;
    }
    window.addEventListener("message", function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow) { return; }
      var data = event.data;
      if (!data || data.type !== "zhucan:height") { return; }
      var height = Number(data.height);
      if (!isFinite(height) || height < 100 || height > 200000) { return; }
      // A CSSOM change, which `style-src 'self'` allows (an inline style attribute would not be).
      frame.style.height = Math.ceil(height) + "px";
    });
  }
  var frames = document.querySelectorAll("iframe[data-zhucan]");
  for (var i = 0; i < frames.length; i++) { watch(frames[i]); }
})();
