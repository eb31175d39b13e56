// Time to first result for a resident on a slow phone: the release build served locally, opened in
// headless Chromium with the CPU slowed 4× and DevTools' "Fast 3G" network profile (562.5 ms
// latency, 1.6 Mbit/s down, 750 kbit/s up, as Chrome defines it), for a first visit (empty cache)
// and a repeat visit (service worker cache). All times from the start of navigation, taken in the
// page at animation frames (so when the browser could paint):
//   form     the real form is on screen: the city question in the viewport and the age question's
//            label laid out below it (the first screen pre-rendered into index.html,
//            src/bin/prerender.rs; the app itself on a build without it)
//   ready    the app runs: its own age field (#calc-age) is there
//   figure   the first subsidy figure is on screen
// The resident acts as soon as she sees the form, at human pace: she chooses her city (its policy
// file is fetched once the app runs) and types her age one key every 150 ms, into the first screen
// or the app, whichever is there (what she types before the app runs is handed over to it).
// Issue 17's targets on the first visit: form within 2.5 s, figure within 5 s. Served twice: gzipped,
// as any web host sends text and WebAssembly (the figures that count), and uncompressed (the
// end-to-end tests' server; the worst case: 2.5 times the bytes).
// Usage: node tools/load-bench.mjs [dist] [runs]
import { launch } from "../tests/e2e/harness.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 };
const TARGETS = { form: 2.5, figure: 5 };
const root = process.argv[2] || "dist";
const runs = Math.max(1, Number(process.argv[3]) || 1);
const browser = await launch();

// In the page, before any of its own scripts: note the first frame at which each milestone holds.
function watch() {
  const seen = {};
  window.__zhucanMilestones = seen;
  const onScreen = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  };
  const look = () => {
    const now = performance.now();
    const laidOut = (el) => el && el.getBoundingClientRect().height > 0;
    if (seen.form === undefined && [...document.querySelectorAll('select[id$="calc-policy"]')].some(onScreen) &&
        [...document.querySelectorAll('label[for$="calc-age"]')].some(laidOut)) seen.form = now;
    if (seen.ready === undefined && document.getElementById("calc-age")) seen.ready = now;
    if (seen.figure === undefined && /\d元/.test(document.querySelector(".result-headline")?.textContent || "")) seen.figure = now;
    if (seen.figure === undefined) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function visit(context, server) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", FAST_3G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(watch);
  await page.goto(server.url, { waitUntil: "commit" });
  // Whichever form is on screen: the first screen's and the app's have the same labels.
  const city = page.getByLabel("政策", { exact: true });
  await city.selectOption("shenzhen-2025", { timeout: 120_000 });
  await page.getByLabel("年龄（周岁）", { exact: true }).pressSequentially("85", { delay: 150, timeout: 60_000 });
  await page.waitForFunction(() => window.__zhucanMilestones.figure !== undefined, null, { timeout: 60_000 });
  const seen = await page.evaluate(() => window.__zhucanMilestones);
  await page.close();
  return seen;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2).padStart(5)} s`;

async function measure(gzip) {
  const server = await startServer({ root, gzip });
  const first = [];
  const repeat = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
      first.push(await visit(context, server));
      // Give the service worker time to finish precaching before the repeat visit.
      const p = await context.newPage();
      await p.goto(server.url);
      await p.evaluate(() => navigator.serviceWorker.ready);
      await p.close();
      repeat.push(await visit(context, server));
      await context.close();
    }
  } finally {
    await server.close();
  }
  const how = gzip ? "gzipped" : "uncompressed";
  const line = (label, list) => {
    const m = (key) => median(list.map((x) => x[key]));
    const note = runs > 1 ? ` (median of ${runs})` : "";
    console.log(`${label.padEnd(40)} form ${s(m("form"))}   ready ${s(m("ready"))}   first figure ${s(m("figure"))}${note}`);
    return { form: m("form") / 1000, figure: m("figure") / 1000 };
  };
  const got = line(`first visit, ${how}`, first);
  line(`repeat visit (service worker), ${how}`, repeat);
  return got;
}

try {
  console.log("time to first result, 4x CPU slowdown, Fast 3G (release build, headless Chromium)");
  const gzipped = await measure(true);
  const raw = await measure(false);
  const verdict = (got) => {
    const over = Object.keys(TARGETS).filter((k) => got[k] > TARGETS[k]);
    return over.length ? `missed (${over.join(", ")})` : "met";
  };
  console.log(
    `issue 17's targets for the first visit (real form within ${TARGETS.form} s, first figure within ${TARGETS.figure} s): ` +
      `gzipped ${verdict(gzipped)}; uncompressed ${verdict(raw)}`,
  );
} finally {
  await browser.close();
}
