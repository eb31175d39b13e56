// End-to-end: the calculator's first screen, pre-rendered into index.html at build time
// (src/bin/prerender.rs), on the release build under the strict CSP (issue 17). While the
// WebAssembly is held back, the real form must be on screen, in the language and text size the
// app will start with, and pass axe; when the app arrives it takes the screen's place without
// moving anything, and what the resident typed meanwhile (choices, digits, the caret) is in the app.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertClean, axeViolations, openPage, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const PHONE = { width: 390, height: 844 };
const CALCULATOR_WASM = /zhucan-web-[0-9a-f]+_bg\.wasm$/;

/**
 * Opens `path` with the calculator's WebAssembly held back until `release()` is called (or made to
 * fail with `fail: true`). No service worker, so that every request can be held.
 */
async function openHeld(path = "", { viewport = PHONE, initScript, fail = false } = {}) {
  const handle = await openPage(env.browser, env.server.url, { viewport, initScript, serviceWorkers: "block" });
  let release;
  const gate = new Promise((done) => (release = done));
  await handle.page.route(CALCULATOR_WASM, async (route) => {
    if (fail) return route.abort();
    await gate;
    return route.continue();
  });
  await handle.page.goto(env.server.url + path);
  return { ...handle, release };
}

/** Waits until the app runs: its own age field (the first screen's ids are prefixed). */
const appReady = (page) => page.waitForSelector("#calc-age", { timeout: 30_000 });

/** Where the page's landmarks and questions are (their boxes), to compare before and after. */
function boxes(page) {
  return page.evaluate(() => {
    const visible = (el) => el && el.getBoundingClientRect().height > 0;
    const pick = (selector) => [...document.querySelectorAll(selector)].find(visible);
    const spots = {
      header: ".site-header",
      cityLabel: 'label[for$="calc-policy"]',
      city: 'select[id$="calc-policy"]',
      ageLabel: 'label[for$="calc-age"]',
      age: 'input[id$="calc-age"]',
      hukou: 'select[id$="calc-hukou"]',
      more: "details.more > summary",
      result: ".calc-result h3",
      footer: ".site-footer",
    };
    const out = { scrollY: window.scrollY };
    for (const [name, selector] of Object.entries(spots)) {
      const r = pick(selector)?.getBoundingClientRect();
      out[name] = r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : null;
    }
    return out;
  });
}

test("the real form is in the page's HTML and on screen before the WebAssembly runs; the app takes its place where it is", async () => {
  // In the HTML itself, not drawn by a script: both languages' copies, the Chinese one first.
  const html = await (await fetch(env.server.url)).text();
  assert.match(html, /<label for="prerender-zh-CN-calc-age">年龄（周岁）<\/label>/);
  assert.match(html, /<label for="prerender-en-calc-age">Age \(full years\)<\/label>/);
  assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/, "nothing inline for the CSP to block");

  const { page, problems, release, context } = await openHeld();
  const age = page.getByLabel("年龄（周岁）", { exact: true });
  await age.waitFor({ state: "visible", timeout: 15_000 });
  assert.equal(await page.locator("#calc-age").count(), 0, "the app has not run");
  assert.ok(await page.getByLabel("政策", { exact: true }).isVisible(), "the city question is on screen");
  assert.equal(await page.locator(".prerender[lang=en]").isVisible(), false, "the English copy is not shown");
  assert.equal(await page.locator("#boot-loading [lang=zh-CN]").textContent(), "正在加载…");
  assert.equal(await page.locator("#boot-loading [lang=en]").isVisible(), false, "the notice in the page's language only");
  assert.equal(await page.locator(".prerender .storage-notice").first().isVisible(), false, "storage works: no notice");
  // Its buttons need the app: they say so (disabled), rather than doing nothing.
  assert.ok(await page.getByRole("button", { name: "大字模式" }).isDisabled());
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on the first screen: ${JSON.stringify(violations, null, 1)}`);
  const before = await boxes(page);

  release();
  await appReady(page);
  assert.equal(await page.locator(".prerender").count(), 0, "the first screen is gone");
  assert.equal(await page.locator("#boot").count(), 0, "so is the loading notice");
  assert.deepEqual(await boxes(page), before, "nothing moved when the app took the first screen's place");
  assert.ok(await page.getByRole("button", { name: "大字模式" }).isEnabled());

  // Typing in the app at human pace: Guangzhou, 85, registered here, 12-yuan standard meal:
  // 3 (city) + 3 (district) + 3 (town) = 9; pays 3 (static/policies/guangzhou-2020.toml).
  await page.selectOption("#calc-policy", "guangzhou-2020");
  await page.locator("#calc-age").pressSequentially("85", { delay: 150 });
  await page.waitForFunction(() => /这一餐补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""), null, { timeout: 15_000 });
  assert.match(await page.textContent(".result-headline"), /您支付\s*3元/);
  assertClean(await problems());
  await context.close();
});

test("what the resident types before the app runs is in the app: city, folds, digits, focus and caret", async () => {
  const { page, problems, release, context } = await openHeld();
  // The city's file is held back too, so the screen can be compared before the figure arrives.
  let releasePolicy;
  const policyGate = new Promise((done) => (releasePolicy = done));
  await page.route(/guangzhou-2020\.toml$/, async (route) => {
    await policyGate;
    await route.continue();
  });
  await page.getByLabel("政策", { exact: true }).selectOption("guangzhou-2020");
  await page.getByText("更多情况（可不填）", { exact: true }).click();
  await page.getByLabel("哪一餐", { exact: true }).selectOption("dinner");
  // The age last, at human pace: "8" now, "5" after the app has arrived.
  await page.getByLabel("年龄（周岁）", { exact: true }).pressSequentially("8", { delay: 150 });
  // Enter in the first screen's form must not send it (a reload would lose everything).
  await page.evaluate(() => (window.__stillHere = true));
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => window.__stillHere), true, "Enter did not reload the page");
  const before = await boxes(page);

  release();
  await appReady(page);
  assert.equal(await page.inputValue("#calc-policy"), "guangzhou-2020");
  assert.equal(await page.inputValue("#calc-meal"), "dinner");
  assert.equal(await page.inputValue("#calc-age"), "8");
  assert.ok(await page.locator("details.more").evaluate((d) => d.open), "更多情况 stays open");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "calc-age", "the age field keeps the focus");
  const after = await boxes(page);
  // The result box says the city's file is on its way instead of "choose your city"; it is below
  // the form on a phone, so nothing above it moves.
  for (const spot of ["header", "cityLabel", "city", "ageLabel", "age", "hukou", "more", "scrollY"]) {
    assert.deepEqual(after[spot], before[spot], `${spot} did not move`);
  }

  // The next key goes on where the first left off, with no click in between.
  await page.keyboard.type("5", { delay: 150 });
  assert.equal(await page.inputValue("#calc-age"), "85");
  releasePolicy();
  // Guangzhou, 85, registered here, dinner, 12-yuan standard meal: 3 + 3 + 3 = 9; pays 3.
  await page.waitForFunction(() => /这一餐补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""), null, { timeout: 15_000 });
  assert.match(await page.textContent(".result-headline"), /您支付\s*3元/);
  assertClean(await problems());
  await context.close();
});

test("in English, in large text, as saved: the first screen starts as the app will", async () => {
  const { page, problems, release, context } = await openHeld("", {
    initScript: () => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("zhucan.settings.v1", '{"locale":"en","large_text":true,"extra_large":false,"high_contrast":false}');
        sessionStorage.setItem("seeded", "1");
      }
    },
  });
  await page.getByLabel("Age (full years)", { exact: true }).waitFor({ state: "visible", timeout: 15_000 });
  assert.equal(await page.locator(".prerender[lang=zh-CN]").isVisible(), false, "the Chinese copy is not shown");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains("large-text")), true);
  assert.equal(await page.getByRole("button", { name: "Large text" }).getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("#boot-loading [lang=en]").textContent(), "Loading…");
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on the English first screen: ${JSON.stringify(violations, null, 1)}`);
  const before = await boxes(page);
  release();
  await appReady(page);
  assert.deepEqual(await boxes(page), before, "nothing moved when the app took the first screen's place");
  assert.equal(await page.getAttribute("#toggle-large-text", "aria-pressed"), "true");
  assertClean(await problems());
  await context.close();
});

test("on a wide screen with ?large=2 (extra-large text): the same screen, nothing moves", async () => {
  const { page, release, context } = await openHeld("?large=2", { viewport: { width: 1280, height: 900 } });
  await page.getByLabel("年龄（周岁）", { exact: true }).waitFor({ state: "visible", timeout: 15_000 });
  assert.deepEqual(
    await page.evaluate(() => ["large-text", "extra-large"].map((c) => document.documentElement.classList.contains(c))),
    [true, true],
  );
  assert.equal(await page.getByRole("button", { name: "特大字" }).getAttribute("aria-pressed"), "true");
  const before = await boxes(page);
  release();
  await appReady(page);
  assert.deepEqual(await boxes(page), before, "nothing moved when the app took the first screen's place");
  await context.close();
});

test("where the page can keep nothing, the first screen says so as the app will", async () => {
  const { page, release, context } = await openHeld("", {
    initScript: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  });
  await page.getByLabel("年龄（周岁）", { exact: true }).waitFor({ state: "visible", timeout: 15_000 });
  const notice = page.locator(".prerender .storage-notice");
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), /不允许本页在设备上保存内容/);
  const before = await boxes(page);
  release();
  await appReady(page);
  assert.ok(await page.locator(".storage-notice").isVisible());
  assert.deepEqual(await boxes(page), before, "nothing moved when the app took the first screen's place");
  await context.close();
});

test("?lang=en and ?mode=calculator are followed by the first screen; ?mode=planner shows none", async () => {
  {
    const { page, release, context } = await openHeld("?lang=en&mode=calculator");
    await page.getByLabel("Age (full years)", { exact: true }).waitFor({ state: "visible", timeout: 15_000 });
    assert.equal(await page.locator(".prerender[lang=en] .tab-list").isVisible(), false, "no tabs: the calculator alone");
    const before = await boxes(page);
    release();
    await appReady(page);
    assert.equal(await page.locator(".tab-list").count(), 0);
    assert.deepEqual(await boxes(page), before, "nothing moved");
    await context.close();
  }
  {
    const { page, release, context } = await openHeld("?mode=planner");
    await page.waitForSelector("#boot-loading", { state: "visible" });
    assert.equal(await page.locator(".prerender").first().isVisible(), false);
    assert.equal(await page.locator(".prerender").nth(1).isVisible(), false);
    release();
    await context.close();
  }
});

test("when the app cannot load, the first screen gives way to the failure message in both languages", async () => {
  const { page, context } = await openHeld("", { fail: true });
  await page.waitForSelector("#boot-failed:not([hidden])", { timeout: 15_000 });
  assert.ok(await page.locator("#boot-failed [lang=zh-CN]").isVisible());
  assert.ok(await page.locator("#boot-failed [lang=en]").isVisible());
  assert.equal(await page.getByLabel("年龄（周岁）", { exact: true }).isVisible(), false, "no form that cannot work");
  await context.close();
});
