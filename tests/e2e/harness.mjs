// Shared end-to-end helpers: launch Debian's Chromium through playwright-core, watch every page for
// CSP violations, console errors and requests that leave the origin, and run axe-core.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const OUT_DIR = "tests/e2e/out";
mkdirSync(OUT_DIR, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/**
 * A new page in a fresh context, with watchers. `problems()` lists CSP violations, failed
 * responses, console errors, page errors and requests to other origins seen so far.
 */
export async function openPage(browser, baseUrl, { viewport = { width: 1280, height: 900 }, initScript, serviceWorkers = "allow" } = {}) {
  const context = await browser.newContext({ viewport, locale: "zh-CN", serviceWorkers });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const seen = { csp: [], console: [], pageErrors: [], offOrigin: [], failed: [], requests: [] };
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  if (initScript) await page.addInitScript(initScript);
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.console.push(msg.text());
  });
  page.on("pageerror", (err) => seen.pageErrors.push(String(err)));
  page.on("response", (res) => {
    if (res.status() >= 400) seen.failed.push(`${res.status()} ${res.url()}`);
  });
  page.on("request", (req) => {
    const url = req.url();
    seen.requests.push(url);
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      seen.offOrigin.push(url);
    }
  });
  const problems = async () => {
    const csp = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
    return { csp, failed: seen.failed, console: seen.console, pageErrors: seen.pageErrors, offOrigin: seen.offOrigin };
  };
  return { context, page, problems, requests: () => [...seen.requests] };
}

/** Opens the app and waits until it has mounted (the boot notice is gone, the tabs are there). */
export async function openApp(browser, baseUrl, options) {
  const handle = await openPage(browser, baseUrl, options);
  await handle.page.goto(baseUrl);
  await handle.page.waitForSelector("#tab-calculator", { timeout: 30_000 });
  return handle;
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) and returns its violations, summarised. */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
}

/**
 * For a test file: starts the static server (`startServer(serverOptions)`) and Chromium before its
 * tests and closes both after. Returns `{ server, browser }`, filled in once they are running.
 */
export function useServerAndBrowser(serverOptions = {}) {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Presses the planner's run button and waits for the result. */
export async function runPlan(page) {
  await page.click("#plan-run");
  await page.waitForSelector("#plan-covered", { timeout: 60_000 });
}

/**
 * Chooses `path` for a planner file card (`demand`, `candidates`, `existing`), imports it with the
 * guessed column mapping, and waits until it is in use with `rows` rows.
 */
export async function importFile(page, role, path, rows) {
  await page.setInputFiles(`#plan-file-${role}`, path);
  await page.waitForSelector(`#plan-${role}-import`);
  await page.click(`#plan-${role}-import`);
  await page.waitForSelector(`text=正在使用：${path.split("/").pop()}（${rows} 行）`);
}

/** Fails on any CSP violation, request off the origin, failed request, page or console error. */
export function assertClean(p) {
  assert.deepEqual(p.csp, [], "no CSP violations");
  assert.deepEqual(p.offOrigin, [], "no request leaves the origin");
  assert.deepEqual(p.failed, [], "every request succeeds");
  assert.deepEqual(p.pageErrors, [], "no page errors");
  assert.deepEqual(p.console, [], "no console errors");
}

/**
 * A SIMULATED city from a seeded generator (not real data), written to
 * `${OUT_DIR}/${name}-demand.csv` (`points` points with 1 to `most` older people each) and
 * `${OUT_DIR}/${name}-candidates.csv` (`sites` sites), all in the 0.2° square from 113.2° E, 23.0° N.
 */
export function writeSimulatedCity(name, { seed, points, most, sites }) {
  let x = BigInt(seed);
  const next = () => {
    x = (x * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    return Number(x >> 11n) / 2 ** 53;
  };
  const demand = ["名称,经度,纬度,60岁以上"];
  for (let i = 0; i < points; i++) {
    demand.push(`p${i},${(113.2 + next() * 0.2).toFixed(5)},${(23.0 + next() * 0.2).toFixed(5)},${1 + Math.floor(next() * most)}`);
  }
  const candidates = ["名称,经度,纬度"];
  for (let i = 0; i < sites; i++) candidates.push(`c${i},${(113.2 + next() * 0.2).toFixed(5)},${(23.0 + next() * 0.2).toFixed(5)}`);
  writeFileSync(`${OUT_DIR}/${name}-demand.csv`, demand.join("\n") + "\n");
  writeFileSync(`${OUT_DIR}/${name}-candidates.csv`, candidates.join("\n") + "\n");
}
