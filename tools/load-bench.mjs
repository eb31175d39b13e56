// Time to first result for a resident on a slow phone: the release build served locally, opened in
// headless Chromium with the CPU slowed 4× and DevTools' "Fast 3G" network profile (562.5 ms
// latency, 1.6 Mbit/s down, 750 kbit/s up, as Chrome defines it). Prints when the app is ready to
// type into and when the first subsidy figure is on screen, for a first visit (empty cache) and a
// repeat visit (service worker cache). Usage: node tools/load-bench.mjs [dist]
import { launch } from "../tests/e2e/harness.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024) / 8 * 0.9, uploadThroughput: (750 * 1024) / 8 * 0.9 };
const server = await startServer({ root: process.argv[2] || "dist" });
const browser = await launch();

async function visit(context, label) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", FAST_3G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const start = Date.now();
  await page.goto(server.url, { waitUntil: "commit" });
  await page.waitForSelector("#calc-age", { timeout: 120_000 });
  const ready = Date.now() - start;
  // No city is chosen for the resident (issue 11): she chooses hers (its policy file is fetched
  // then), then types her age.
  await page.selectOption("#calc-policy", "shenzhen-2025");
  await page.fill("#calc-age", "85");
  await page.waitForFunction(() => /\d元/.test(document.querySelector(".result-headline")?.textContent || ""), null, { timeout: 60_000 });
  const figure = Date.now() - start;
  console.log(`${label.padEnd(34)} ready ${(ready / 1000).toFixed(2).padStart(6)} s   first figure ${(figure / 1000).toFixed(2).padStart(6)} s`);
  await page.close();
}

try {
  console.log("time to first result, 4x CPU slowdown, Fast 3G (release build, headless Chromium)");
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  await visit(context, "first visit (nothing cached)");
  // Give the service worker time to finish precaching before the repeat visit.
  const p = await context.newPage();
  await p.goto(server.url);
  await p.evaluate(() => navigator.serviceWorker.ready);
  await p.close();
  await visit(context, "repeat visit (service worker cache)");
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
