// End-to-end: the release build of the app shell, served under the strict CSP, in headless Chromium.
import assert from "node:assert/strict";
import { test } from "node:test";
import { OUT_DIR, assertClean, axeViolations, openApp, openPage, runPlan, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

test("loads under the strict CSP in Chinese, with no outside requests", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.textContent("#tab-calculator"), "补贴计算");
  assert.equal(await page.textContent("#tab-planner"), "选址规划");
  assert.equal(await page.locator("#boot").count(), 0, "the loading notice is removed");
  assert.match(await page.title(), /助餐/);
  await page.screenshot({ path: `${OUT_DIR}/shell-zh-desktop.png`, fullPage: true });
  assertClean(await problems());
  await context.close();
});

test("tabs and the language switch change what the user sees", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  await page.click("#tab-planner");
  assert.equal(await page.getAttribute("#tab-planner", "aria-selected"), "true");
  assert.equal(await page.isVisible("#panel-planner"), true);
  assert.equal(await page.isVisible("#panel-calculator"), false);

  await page.click("#language-en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("#tab-planner"), "Site planner");
  assert.match(await page.textContent("#panel-planner h2"), /Site planner/);
  assert.match(await page.title(), /^zhucan/);
  await page.screenshot({ path: `${OUT_DIR}/shell-en-planner.png`, fullPage: true });

  // The choice survives a reload.
  await page.reload();
  await page.waitForSelector("#tab-calculator");
  assert.equal(await page.textContent("#tab-calculator"), "Subsidy calculator");
  assertClean(await problems());
  await context.close();
});

test("the language choice: a button per language in its own name, the current one pressed, by keyboard, fits 320 px", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 390, height: 844 } });
  const buttons = () =>
    page.$$eval(".language-choice button", (bs) => bs.map((b) => [b.id, b.textContent.trim(), b.lang, b.getAttribute("aria-pressed")]));
  assert.equal(await page.getAttribute(".language-choice", "role"), "group");
  assert.equal(await page.getAttribute(".language-choice", "aria-label"), "切换语言");
  assert.deepEqual(await buttons(), [
    ["language-zh-CN", "中文", "zh-CN", "true"],
    ["language-en", "English", "en", "false"],
  ]);
  await page.screenshot({ path: `${OUT_DIR}/language-choice-zh-phone.png` });
  // By keyboard: Tab reaches each language; Enter and Space choose it.
  await page.focus("#language-zh-CN");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "language-en");
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.getAttribute(".language-choice", "aria-label"), "Switch language");
  assert.deepEqual((await buttons()).map((b) => b[3]), ["false", "true"]);
  assert.equal(await page.evaluate(() => document.activeElement.id), "language-en", "the focus stays on the button");
  await page.click("#toggle-large-text");
  await page.screenshot({ path: `${OUT_DIR}/language-choice-en-phone-large.png` });
  await page.focus("#language-zh-CN");
  await page.keyboard.press("Space");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.screenshot({ path: `${OUT_DIR}/language-choice-zh-phone-large.png` });
  // At 320 px with extra-large text, in both languages: the buttons are 60 px targets and nothing
  // is wider than the screen.
  await page.setViewportSize({ width: 320, height: 720 });
  await page.click("#toggle-extra-large");
  for (const lang of ["zh-CN", "en"]) {
    await page.click(`#language-${lang}`);
    const sizes = await page.$$eval(".language-choice button", (bs) => bs.map((b) => b.getBoundingClientRect()).map((r) => [r.width, r.height, r.right]));
    for (const [w, h, right] of sizes) {
      assert.ok(w >= 60 && h >= 60, `${lang}: a language button is ${w} × ${h} px`);
      assert.ok(right <= 320, `${lang}: a language button ends at ${right} px`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${lang}: page is ${overflow} px wider than the screen`);
    await page.locator(".language-choice").evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${OUT_DIR}/language-choice-${lang}-320-extra-large.png` });
  }
  // A laptop, both languages, normal text.
  await page.click("#toggle-large-text");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT_DIR}/language-choice-en-laptop.png` });
  await page.click("#language-zh-CN");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT_DIR}/language-choice-zh-laptop.png` });
  assertClean(await problems());
  await context.close();
});

test("keyboard only: skip link, tab list arrows, visible focus", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  assert.equal(await page.isVisible(".skip-link"), true, "the focused skip link is on screen");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");

  await page.focus("#tab-calculator");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-planner");
  assert.equal(await page.getAttribute("#tab-planner", "aria-selected"), "true");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, "solid", "focus is visible");
  await page.keyboard.press("Home");
  assert.equal(await page.getAttribute("#tab-calculator", "aria-selected"), "true");
  assertClean(await problems());
  await context.close();
});

test("phone width 320 px with large text: 24 px base text, 44 px targets, no sideways scrolling", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, {
    viewport: { width: 320, height: 720 },
  });
  const rootPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.equal(await rootPx(), 18);
  await page.click("#toggle-large-text");
  assert.equal(await page.getAttribute("#toggle-large-text", "aria-pressed"), "true");
  assert.equal(await rootPx(), 24, "large text is 24 px = 18 pt");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow} px wider than the screen`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button")]
      .filter((b) => b.offsetParent !== null) // visible ones (hidden panels have no boxes)
      .map((b) => ({ id: b.id || b.textContent, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ id }) => id),
  );
  assert.deepEqual(small, [], "every visible button is at least 44 × 44 px");
  // The planner tab too, with its results.
  await page.click("#tab-planner");
  await page.click("#plan-demo");
  await page.waitForSelector(".file-status.ok");
  await runPlan(page);
  const smallPlanner = await page.evaluate(() =>
    [...document.querySelectorAll("#panel-planner button")]
      .filter((b) => b.offsetParent !== null && !b.classList.contains("link-button"))
      .filter((b) => { const r = b.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
      .map((b) => b.id || b.textContent),
  );
  assert.deepEqual(smallPlanner, [], "planner buttons are at least 44 × 44 px");
  const plannerOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(plannerOverflow <= 0, `the planner page is ${plannerOverflow} px wider than the screen`);
  await page.screenshot({ path: `${OUT_DIR}/planner-phone-large.png`, fullPage: false });
  await page.screenshot({ path: `${OUT_DIR}/shell-zh-phone-large.png`, fullPage: true });
  assertClean(await problems());
  await context.close();
});

test("300 % zoom of a 1280 px window (427 CSS px) with extra-large text: both halves reflow, no sideways scrolling", async () => {
  // Browser zoom shrinks the viewport in CSS pixels: 1280 / 3 ≈ 427 px wide, 900 / 3 = 300 px high.
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 427, height: 300 } });
  await page.click("#toggle-extra-large");
  await page.fill("#calc-age", "85");
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok((await sideways()) <= 0, `calculator: ${await sideways()} px too wide`);
  await page.click("#tab-planner");
  await page.click("#plan-demo");
  await page.waitForSelector(".file-status.ok");
  await runPlan(page);
  assert.ok((await sideways()) <= 0, `planner: ${await sideways()} px too wide`);
  assertClean(await problems());
  await context.close();
});

test("axe-core finds no accessibility violations (both languages, both tabs, large text)", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  const report = {};
  report["zh calculator"] = await axeViolations(page);
  await page.click("#tab-planner");
  await page.waitForSelector("#plan-demo");
  report["zh planner"] = await axeViolations(page);
  await page.click("#language-en");
  await page.waitForFunction(() => /sample/i.test(document.querySelector("#plan-demo").textContent));
  report["en planner"] = await axeViolations(page);
  await page.click("#toggle-large-text");
  await page.click("#tab-calculator");
  report["en calculator large"] = await axeViolations(page);
  for (const [screen, violations] of Object.entries(report)) {
    assert.deepEqual(violations, [], `axe violations on ${screen}: ${JSON.stringify(violations, null, 1)}`);
  }
  assertClean(await problems());
  await context.close();
});

test("a browser without WebAssembly gets a clear message in both languages", async () => {
  const { page, context } = await openPage(env.browser, env.server.url, {
    initScript: () => {
      delete window.WebAssembly;
    },
  });
  await page.goto(env.server.url);
  await page.waitForSelector("#boot-no-wasm:not([hidden])", { timeout: 10_000 });
  const text = await page.textContent("#boot-no-wasm");
  assert.match(text, /不支持 WebAssembly/);
  assert.match(text, /does not support WebAssembly/);
  assert.equal(await page.isVisible("#boot-loading"), false);
  await context.close();
});

test("a panic shows the recovery panel with a copyable report, and a reload brings the inputs back", async () => {
  const { page, context } = await openApp(env.browser, env.server.url, { viewport: { width: 390, height: 844 } });
  await page.fill("#calc-age", "85");
  await page.waitForFunction(() => location.hash.length > 1);
  await page.evaluate(() => {
    try {
      window.wasmBindings.zhucanTestPanic();
    } catch (e) {
      // The panic surfaces as a WebAssembly trap: expected.
    }
  });
  await page.waitForSelector("#crash");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "crash");
  assert.equal(await page.getAttribute("#crash", "role"), "alert");
  assert.match(await page.textContent("#crash h2"), /出了点问题/);
  await page.click("#crash summary");
  const report = await page.inputValue("#crash-report");
  assert.match(report, /^zhucan \d+\.\d+\.\d+/);
  assert.match(report, /triggered on purpose by zhucanTestPanic/);
  await page.screenshot({ path: `${OUT_DIR}/crash-panel.png` });
  assert.deepEqual(await axeViolations(page), []);
  // Reload (handled by boot.js, not by the crashed module): the age is still there.
  await Promise.all([page.waitForEvent("load"), page.click("[data-zhucan-action=reload]")]);
  await page.waitForSelector("#calc-age");
  assert.equal(await page.inputValue("#calc-age"), "85");
  assert.equal(await page.locator("#crash").count(), 0);
  await context.close();
});

test("after the first visit the calculator works offline (service worker), residents never fetch the planner, and a planner used once works offline", async () => {
  const { page, context, problems } = await openApp(env.browser, env.server.url);
  const swRequests = [];
  context.on("request", (r) => swRequests.push(r.url()));
  // Wait until the worker is installed (precache done) and active, then go offline and come back.
  const state = await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker && worker.state !== "activated") {
      await new Promise((done) => worker.addEventListener("statechange", () => worker.state === "activated" && done()));
    }
    return worker?.state;
  });
  assert.equal(state, "activated");
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("#calc-age", { timeout: 30_000 });
  await page.fill("#calc-age", "85");
  await page.selectOption("#calc-policy", "guangzhou-2020");
  await page.waitForFunction(() => /补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""));
  // Offline with an embedding's query string: the same cached page.
  await page.goto(env.server.url + "?mode=calculator&lang=en");
  await page.waitForSelector("#calc-age", { timeout: 30_000 });
  assert.equal(await page.locator("[role=tablist]").count(), 0);
  await context.setOffline(false);
  const cacheNames = await page.evaluate(() => caches.keys());
  assert.equal(cacheNames.filter((k) => k.startsWith("zhucan-app-")).length, 1);
  const cached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.startsWith("zhucan-app-"));
    return (await (await caches.open(name)).keys()).map((r) => r.url);
  });
  assert.ok(cached.some((u) => u.endsWith(".wasm")), "the app's wasm is cached");
  assert.ok(!cached.some((u) => /zhucan-(worker|planner)/.test(u)), "the planner's app and worker are not precached");
  assert.ok(!swRequests.some((u) => /zhucan-(worker|planner)/.test(u)), "nor fetched");
  // A planner who opened the planner once online can use it offline too (cached on first use).
  await page.goto(env.server.url);
  await page.click("#tab-planner");
  await page.click("#plan-demo");
  await page.waitForSelector(".file-status.ok");
  await context.setOffline(true);
  await page.reload();
  await page.click("#tab-planner");
  await page.click("#plan-demo");
  await page.waitForSelector(".file-status.ok", { timeout: 30_000 });
  await context.setOffline(false);
  const p = await problems();
  assert.deepEqual([p.csp, p.offOrigin], [[], []]);
  await context.close();
});

test("extra-large text (30 pt) and high contrast: 60 px targets, no sideways scrolling at 320 px, no axe violations", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 320, height: 720 } });
  await page.click("#toggle-extra-large");
  assert.equal(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)), 40, "40 px = 30 pt");
  await page.click("#toggle-contrast");
  await page.fill("#calc-age", "85");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow} px wider than the screen`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button")]
      .filter((b) => b.offsetParent !== null && !b.classList.contains("link-button"))
      .filter((b) => { const r = b.getBoundingClientRect(); return r.width < 60 || r.height < 60; })
      .map((b) => b.id || b.textContent),
  );
  assert.deepEqual(small, [], "every button is at least 60 × 60 px in large-text modes");
  // High contrast: body text is black on white.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), "rgb(0, 0, 0)");
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${OUT_DIR}/shell-extra-large-contrast.png`, fullPage: false });
  // Both survive a reload.
  await page.reload();
  await page.waitForSelector("#toggle-contrast");
  assert.equal(await page.getAttribute("#toggle-contrast", "aria-pressed"), "true");
  assert.equal(await page.getAttribute("#toggle-extra-large", "aria-pressed"), "true");
  assertClean(await problems());
  await context.close();
});

test("storage blocked (private mode, full quota): the page says nothing will be kept, and still works", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, {
    initScript: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  });
  assert.match(await page.textContent(".storage-notice"), /不允许本页在设备上保存内容/);
  await page.fill("#calc-age", "85");
  await page.selectOption("#calc-policy", "guangzhou-2020");
  await page.waitForFunction(() => /补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""));
  await page.click("#toggle-large-text");
  assert.equal(await page.getAttribute("#toggle-large-text", "aria-pressed"), "true");
  assert.deepEqual(await axeViolations(page), []);
  const p = await problems();
  assert.deepEqual([p.csp, p.pageErrors, p.console], [[], [], []]);
  await context.close();
});
