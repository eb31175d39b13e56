// End-to-end: a newcomer's path through the subsidy calculator (zhucan issue 11, items 7, 8, 9 and
// 14), done as the people who reported them did it: an older resident on a phone (390 × 844) in
// large or extra-large text, her daughter on a laptop. Everything is reached by its visible words
// (labels, button texts, option names), typed at a human pace, and checked by what is on the screen
// (text, boxes, lines). Expected figures come from the presets' quoted clauses; the screenshots
// go to tests/e2e/out/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { OUT_DIR, assertClean, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const WIDE = { width: 1440, height: 900 };

/** The words on the screen, as a person reads them. */
const W = {
  zh: {
    city: "政策", choose: "请选择您所在的城市", notListed: "我的城市不在列表里", template: /下载政策文件模板/,
    load: /载入政策文件/, age: "年龄（周岁）", more: "更多情况（可不填）", date: "就餐日期", compare: "对比所有城市",
    details: /看详细说明/, large: "大字模式", xl: "特大字", result: "计算结果", hardship: "困难类别",
    notInForce: "这一天没有有效版本",
  },
  en: {
    city: "Policy", choose: "Choose your city", notListed: "My city is not listed", template: /Download the policy file template/,
    load: /Load a policy file/, age: "Age (full years)", more: "More details (optional)", date: "Meal date", compare: "Compare all policies",
    details: /Details/, large: "Large text", xl: "Extra large", result: "Result", hardship: "Hardship category",
    notInForce: "No version in force on this day",
  },
};

/** Opens the calculator, switches the language and the text size with the page's own buttons. */
async function open(viewport, { lang = "zh", size = "normal", path = "" } = {}) {
  const handle = await openApp(env.browser, env.server.url + path, { viewport });
  const { page } = handle;
  if (lang === "en") await page.getByRole("button", { name: /English/ }).click();
  if (size === "large") await page.getByRole("button", { name: W[lang].large, exact: true }).click();
  if (size === "xl") await page.getByRole("button", { name: W[lang].xl, exact: true }).click();
  return handle;
}

/** Chooses a city in the list by the name she reads in it. */
async function chooseCity(page, lang, name) {
  const select = page.getByLabel(W[lang].city, { exact: true });
  const label = (await select.locator("option").allTextContents()).find((o) => o.includes(name));
  assert.ok(label, `${name} is in the list`);
  await select.selectOption({ label });
}

async function typeAge(page, lang, age) {
  await page.getByLabel(W[lang].age, { exact: true }).pressSequentially(age, { delay: 80 });
}

/** Types the meal's date (under "更多情况" when it is folded there). */
async function typeDate(page, lang, date) {
  const field = page.getByLabel(W[lang].date, { exact: true });
  if (!(await field.isVisible())) await page.getByText(W[lang].more, { exact: true }).click();
  await field.click({ clickCount: 3 });
  await field.pressSequentially(date, { delay: 50 });
}

/** Waits until the text of `locator` matches `re` (the result may settle after typing stops). */
async function waitForText(locator, re, timeout = 5000) {
  const end = Date.now() + timeout;
  let text = "";
  while (Date.now() < end) {
    text = (await locator.innerText().catch(() => "")) || "";
    if (re.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(text, re);
  return text;
}

const figure = (lang, yuan) => (lang === "zh" ? new RegExp(`${yuan}\\s*元`) : new RegExp(`¥\\s*${yuan}\\b`));
const anyFigure = /\d+(\.\d+)?\s*元|¥\s*\d/;

// ---- Item 8: a city that is not listed never gets Shenzhen's figures ----------------------------

for (const [lang, viewport, size] of [["zh", PHONE, "large"], ["en", LAPTOP, "normal"]]) {
  test(`${lang}, ${size} text, ${viewport.width} px: from a city that is not listed, no figure until a city is chosen, and what to do instead`, async () => {
    const { page, problems, context } = await open(viewport, { lang, size });
    const w = W[lang];
    const select = page.getByLabel(w.city, { exact: true });
    assert.equal(await select.evaluate((s) => s.options[s.selectedIndex]?.textContent), w.choose, "no city is chosen for her");
    // Someone from 成都 types her age: no figure (not Shenzhen's, not anyone's), and she is told why.
    await typeAge(page, lang, "85");
    await page.waitForTimeout(1500);
    const headline = await page.locator(".result-headline").innerText();
    assert.doesNotMatch(headline, anyFigure, `no figure before a city is chosen: ${headline}`);
    assert.match(headline, lang === "zh" ? /选择您所在的城市/ : /Choose your city/);
    assert.equal(await page.locator(".result-bar").isVisible(), false, "no figure in a bar either");

    // "My city is not listed" says what to do, in plain words.
    await page.getByText(w.notListed, { exact: true }).click();
    const help = await page.locator("details.not-listed").innerText();
    if (lang === "zh") {
      for (const words of [/社区/, /民政/, /政策文件/, /模板/]) assert.match(help, words);
    } else {
      for (const words of [/community office/, /civil-affairs/, /policy file/, /template/]) assert.match(help, words);
    }
    await page.screenshot({ path: `${OUT_DIR}/newcomer-not-listed-${lang}-${viewport.width}.png`, fullPage: false });
    assert.deepEqual(await axeViolations(page), [], "axe: the open explanation");

    // The template downloads, is the shipped file, and loads as it is (its own example passes).
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: w.template }).click()]);
    assert.equal(download.suggestedFilename(), "template.toml");
    const text = readFileSync(await download.path(), "utf8");
    assert.equal(text, readFileSync("static/policies/template.toml", "utf8"), "the shipped template");
    await page.getByLabel(w.load).setInputFiles({ name: "template.toml", mimeType: "text/plain", buffer: Buffer.from(text) });
    await page.locator(".file-status.ok").waitFor();
    // The template's clause: "80周岁及以上老年人每餐补贴4元".
    await waitForText(page.locator(".result-headline"), figure(lang, 4));
    assert.match(await select.evaluate((s) => s.options[s.selectedIndex]?.textContent), lang === "zh" ? /示例市/ : /Example City/);

    // Choosing a listed city by its name gives that city's figure: Guangzhou, 85, registered here,
    // 12-yuan standard meal: 3 (city) + 3 (district) + 3 (town) = 9.
    await chooseCity(page, lang, lang === "zh" ? "广州" : "Guangzhou");
    await typeDate(page, lang, "2025-03-04");
    await waitForText(page.locator(".result-headline"), figure(lang, 9));
    assertClean(await problems());
    await context.close();
  });
}

test("only a choice chooses the city: hers, an embedding's policy=, or a share link — never a default", async () => {
  const plain = await open(PHONE);
  const shown = (p) => p.getByLabel("政策", { exact: true }).evaluate((s) => s.options[s.selectedIndex]?.textContent);
  assert.equal(await shown(plain.page), "请选择您所在的城市", "nothing is chosen for her");
  await plain.context.close();
  const { page, context } = await open(PHONE, { path: "?policy=tianjin" });
  const select = page.getByLabel("政策", { exact: true });
  assert.match(await select.evaluate((s) => s.options[s.selectedIndex]?.textContent), /天津/);
  await typeAge(page, "zh", "85");
  await typeDate(page, "zh", "2025-03-04");
  // Tianjin 2024: 80 and over, 3 yuan a meal.
  await waitForText(page.locator(".result-headline"), /这一餐补贴\s*3\s*元/);
  const link = page.url();
  await context.close();
  const again = await openApp(env.browser, link, { viewport: PHONE });
  assert.match(await again.page.getByLabel("政策", { exact: true }).evaluate((s) => s.options[s.selectedIndex]?.textContent), /天津/);
  await waitForText(again.page.locator(".result-headline"), /这一餐补贴\s*3\s*元/);
  await again.context.close();
});

test("on a phone in extra-large text, the place she chose is read whole, not cut by the closed list", async () => {
  for (const lang of ["zh", "en"]) {
    const { page, context } = await open(PHONE, { lang, size: "xl" });
    const select = page.getByLabel(W[lang].city, { exact: true });
    const labels = (await select.locator("option").allTextContents()).slice(1);
    const longest = labels.reduce((a, b) => (b.length > a.length ? b : a));
    await select.selectOption({ label: longest });
    // The closed list is narrower than the name at this size: the whole name is on the screen
    // under it, inside the screen's width.
    const exactly = new RegExp(`^${longest.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    const whole = page.locator("p").filter({ hasText: exactly });
    await whole.waitFor({ state: "visible" });
    const box = await whole.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width + 0.5, `${lang}: the name fits the screen (${JSON.stringify(box)})`);
    await page.screenshot({ path: `${OUT_DIR}/chosen-place-${lang}-phone-xl.png` });
    await context.close();
  }
});

// ---- Item 7: the comparison shows every number, with names and reasons ---------------------------

const COMPARE_CASES = [
  ["zh", PHONE, "large"], ["zh", PHONE, "xl"], ["en", PHONE, "large"], ["en", PHONE, "xl"],
  ["zh", LAPTOP, "normal"], ["en", WIDE, "normal"], ["en", LAPTOP, "large"], ["zh", WIDE, "xl"],
];

for (const [lang, viewport, size] of COMPARE_CASES) {
  test(`${lang}, ${size} text, ${viewport.width} px: the comparison across cities fits, names tiers and says why a figure is 0 or missing`, async () => {
    const { page, problems, context } = await open(viewport, { lang, size });
    const w = W[lang];
    await chooseCity(page, lang, lang === "zh" ? "深圳" : "Shenzhen");
    await typeAge(page, lang, "85");
    // Monday 30 November 2026: Dandong's two-year trial ("有效期两年", inferred end 17 October 2026) is over.
    await typeDate(page, lang, "2026-11-30");
    await page.getByRole("button", { name: w.compare }).click();
    const compare = page.locator(".compare");
    await compare.waitFor();
    // Every city's file is in (they are fetched when the comparison opens): one card per preset in
    // the city list (its first option is the "choose your city" prompt).
    const cities = (await page.locator("#calc-policy option").count()) - 1;
    await page.waitForFunction((n) => document.querySelectorAll(".compare .compare-card").length === n, cities, { timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(300);

    // It fits: nothing wider than the screen or its column, so no number is hidden off to the side.
    const fit = await page.evaluate(() => {
      const c = document.querySelector(".compare");
      const box = c.getBoundingClientRect();
      const wide = [...c.querySelectorAll("*")].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible");
      const out = [...c.querySelectorAll("*")].filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1); });
      return { page: document.documentElement.scrollWidth - innerWidth, right: box.right - innerWidth, hidden: wide.length + out.length };
    });
    assert.ok(fit.page <= 0, `the page is ${fit.page} px wider than the screen`);
    assert.ok(fit.right <= 0, `the comparison runs ${fit.right} px off the screen`);
    assert.equal(fit.hidden, 0, "nothing in the comparison is cut off or scrolled out of its column");

    const text = await compare.innerText();
    // Human names, in her language, never internal ids ("priority", "city+district+hardship", "age-80").
    assert.doesNotMatch(text, /\bpriority\b|\w\+\w|\bage-\d|basic-recipient|\bsame_town\b/, "no internal ids");
    assert.match(text, lang === "zh" ? /户籍70至99周岁/ : /Registered here, aged 70–99/, "Shenzhen's tier by its name");
    assert.match(text, lang === "zh" ? /市级补贴/ : /City part/, "Guangzhou's parts by their names");
    // Dandong: no version in force, and why (the trial's end).
    assert.match(text, new RegExp(w.notInForce));
    assert.match(text, lang === "zh" ? /2026年10月17日/ : /17 October 2026/);
    // Beijing pays only "居家养老的基本养老服务对象": 0, and that is what it says.
    assert.match(text, lang === "zh" ? /基本养老服务对象/ : /Basic elderly-care service recipient/);

    // Every "0", "—" or "no version in force" carries its reason in the same place.
    const bare = await page.evaluate(({ notInForce }) => {
      const cells = [...document.querySelectorAll(".compare td, .compare dd")];
      const isBare = (t) => /^(0元|¥0|—|0元 – 0元)$/.test(t) || t === notInForce;
      return cells.map((c) => c.innerText.trim()).filter((t) => isBare(t) || /^(0元|¥0|—)/.test(t) && t.length < 6);
    }, { notInForce: w.notInForce });
    assert.deepEqual(bare, [], "no zero or dash without a reason");

    await page.screenshot({ path: `${OUT_DIR}/newcomer-compare-${lang}-${size}-${viewport.width}.png`, fullPage: true });
    if (viewport === PHONE) {
      // Back up among the questions, the bar's button brings her back to the comparison.
      await page.mouse.wheel(0, -100000);
      await page.waitForTimeout(400);
      await page.getByRole("button", { name: w.details }).click();
      await page.waitForTimeout(400);
      const top = await page.evaluate(() => document.getElementById("compare-heading").getBoundingClientRect().top);
      assert.ok(top >= 0 && top <= 0.1 * PHONE.height, `the comparison's heading is at ${top} px`);
    }
    assert.deepEqual(await axeViolations(page), []);
    assertClean(await problems());
    await context.close();
  });
}

// ---- Item 9: the result bar is one short line, and never in the way --------------------------------

/** The bar's height, and how many lines each of its texts takes (a word broken over two lines = 2). */
async function barLines(page) {
  return page.evaluate(() => {
    const bar = document.querySelector(".result-bar");
    if (!bar || bar.hidden || getComputedStyle(bar).display === "none") return null;
    const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const lines = new Set(rects.map((r) => Math.round(r.top))).size;
      const parent = n.parentElement.getBoundingClientRect();
      const clip = n.parentElement.closest(".result-bar-text");
      const shown = !clip || rects.every((r) => r.bottom <= clip.getBoundingClientRect().bottom + 1);
      texts.push({ text: n.textContent, lines, shown, cut: parent.right > bar.getBoundingClientRect().right + 1 });
    }
    return { height: bar.getBoundingClientRect().height, texts, visibleText: bar.innerText };
  });
}

for (const lang of ["zh", "en"]) {
  for (const size of ["normal", "large", "xl"]) {
    test(`${lang}, ${size} text, phone: the result bar is one short line, goes to the result, and never covers it`, async () => {
      const { page, problems, context } = await open(PHONE, { lang, size });
      const w = W[lang];
      await chooseCity(page, lang, lang === "zh" ? "深圳" : "Shenzhen");
      await typeDate(page, lang, "2025-03-04");
      await page.getByLabel(w.age, { exact: true }).scrollIntoViewIfNeeded();
      await typeAge(page, lang, "85");
      // Shenzhen, registered, 85, on Tuesday 4 March 2025: the 70–99 tier, 5 yuan.
      await page.waitForTimeout(1500);
      await page.getByLabel(w.age, { exact: true }).scrollIntoViewIfNeeded();
      const bar = await barLines(page);
      assert.ok(bar, "the bar is there while she answers the questions (extra-large text too)");
      assert.match(bar.visibleText, figure(lang, 5));
      assert.ok(bar.height <= 0.15 * PHONE.height, `the bar is ${bar.height} px, over 15 % of the screen`);
      for (const t of bar.texts.filter((t) => t.shown)) {
        assert.equal(t.lines, 1, `“${t.text}” is on one line, no word broken`);
        assert.equal(t.cut, false, `“${t.text}” is not cut off`);
      }
      await page.screenshot({ path: `${OUT_DIR}/newcomer-bar-${lang}-${size}.png` });
      assert.deepEqual(await axeViolations(page), [], "axe: the questions with the bar");

      // "看详细说明": the result's heading comes to the top of the screen, and nothing covers it.
      await page.getByRole("button", { name: w.details }).click();
      await page.waitForTimeout(400);
      const after = await page.evaluate(() => {
        const h = document.getElementById("result-heading").getBoundingClientRect();
        const fig = document.querySelector(".result-headline").getBoundingClientRect();
        const bar = document.querySelector(".result-bar");
        const b = bar && !bar.hidden && getComputedStyle(bar).display !== "none" ? bar.getBoundingClientRect() : null;
        return { top: h.top, figBottom: fig.bottom, barTop: b ? b.top : null, focused: document.activeElement?.id };
      });
      assert.ok(after.top >= 0 && after.top <= 0.1 * PHONE.height, `the heading is at ${after.top} px, not at the top`);
      assert.equal(after.barTop, null, "the bar is gone while the result is on screen");
      assert.ok(after.figBottom <= PHONE.height, "the figure is on screen");
      assert.equal(after.focused, "result-heading", "the focus moved to the result");
      await page.screenshot({ path: `${OUT_DIR}/newcomer-bar-details-${lang}-${size}.png` });

      if (lang === "en") {
        // English has English punctuation in the calculator's own words (no "：", "（", "）", "，").
        const own = await page.evaluate(() =>
          [".calc-form", "#policy-heading", ".policy-about", ".result-bar", ".calc-result .actions"]
            .flatMap((s) => [...document.querySelectorAll(s)].map((e) => (s === "#policy-heading" ? e.parentElement : e).textContent))
            .join("\n"),
        );
        assert.doesNotMatch(own, /[：（），]/, "no full-width punctuation in English");
      }
      assertClean(await problems());
      await context.close();
    });
  }
}

// ---- Item 14: a short way to the figure --------------------------------------------------------------

/** Screens of scrolling before the figure, of questions, and of the whole page. */
async function screens(page) {
  return page.evaluate(() => {
    const fig = document.querySelector(".result-headline").getBoundingClientRect();
    const form = document.querySelector(".calc-form").getBoundingClientRect();
    return {
      toFigure: (fig.top + scrollY) / innerHeight,
      questions: form.height / innerHeight,
      page: document.documentElement.scrollHeight / innerHeight,
    };
  });
}

// Measured on the build before this change (390 × 844, Shenzhen, 85, nothing else answered): in
// large text the figure was 7.3 screens down a 12.5-screen page, in extra-large text 17.0 screens
// down a 36.9-screen page; the questions alone were about 6 and 14 screens. The page's own header,
// settings bar and introduction (not the calculator) take 0.8 screens in large text and 2 in
// extra-large. Bound: the figure within 3 screens in large text and 7 in extra-large (less than
// half of before: the city, the age and three short questions, then the result), the questions
// that stay on the way within 2 and 4.5 screens, and the page no longer than before (its length is
// mostly the explanation under the figure, which a person reads after the figure).
const BOUNDS = { large: { toFigure: 3, questions: 2, page: 12.5 }, xl: { toFigure: 7, questions: 4.5, page: 36.9 } };

for (const size of ["large", "xl"]) {
  test(`zh, ${size} text, phone: the figure comes within a few screens, right after the last answer`, async () => {
    const { page, problems, context } = await open(PHONE, { size });
    await chooseCity(page, "zh", "深圳");
    await typeAge(page, "zh", "85");
    await page.getByLabel(W.zh.hardship, { exact: true }).selectOption({ label: "以上都不是" });
    await waitForText(page.locator(".result-headline"), /元/);
    const m = await screens(page);
    console.log(`${size}: figure ${m.toFigure.toFixed(1)} screens down, questions ${m.questions.toFixed(1)} screens, page ${m.page.toFixed(1)} screens`);
    assert.ok(m.toFigure <= BOUNDS[size].toFigure, `the figure is ${m.toFigure.toFixed(1)} screens down`);
    assert.ok(m.questions <= BOUNDS[size].questions, `the questions take ${m.questions.toFixed(1)} screens`);
    assert.ok(m.page <= BOUNDS[size].page, `the page is ${m.page.toFixed(1)} screens long`);
    // The result follows the last question she answered.
    const gap = await page.evaluate(() => {
      // The last question on the way: the end of "2. 您的情况" (hardship, then the city's own categories).
      const last = document.getElementById("about-you").closest("section").getBoundingClientRect();
      const heading = document.getElementById("result-heading").getBoundingClientRect();
      return (heading.top - last.bottom) / innerHeight;
    });
    assert.ok(gap <= 0.5, `the result starts ${gap.toFixed(2)} screens after the last answer`);
    await page.getByLabel(W.zh.hardship, { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT_DIR}/newcomer-short-${size}.png` });
    // With the folded questions in view, the result is on screen just below them: no bar. Opening
    // them pushes the result down, and the bar comes back with the figure.
    const more = page.getByText(W.zh.more, { exact: true });
    await more.evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(300);
    assert.equal(await page.locator(".result-bar").isVisible(), false, "no bar while the result is on screen");
    await more.click();
    await page.waitForTimeout(300);
    assert.equal(await page.locator(".result-bar").isVisible(), true, "the bar is back once the result is pushed off screen");
    assert.match(await page.locator(".result-bar").innerText(), /5\s*元/);
    assertClean(await problems());
    await context.close();
  });
}

test("she types her age while her city's file is still arriving: no keystroke is lost, the cursor stays", async () => {
  // The city's file comes over the network; on a slow line she is already typing when it lands.
  // When it did, the questions it adds (Tianjin's two) made the page rebuild the fields above
  // them, and the age box she was typing in was replaced: the next digit went nowhere ("8"
  // instead of "85") and a screen reader lost its place.
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: PHONE, serviceWorkers: "block" });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/tianjin.toml", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByLabel(W.zh.city, { exact: true }).selectOption({ label: "天津市 · 天津市老年人助餐补贴" });
  const age = page.getByLabel(W.zh.age, { exact: true });
  await age.pressSequentially("8", { delay: 120 });
  release();
  // Tianjin's own questions appear once its file is in.
  await page.getByText("享受天津市居家养老服务（护理）补贴").first().waitFor({ timeout: 10_000 });
  await page.keyboard.type("5", { delay: 120 });
  assert.equal(await age.inputValue(), "85", "both digits are in the box");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "calc-age", "the cursor is still in the age box");
  // Tianjin 2024, 85 years old, a 13-yuan meal: "每餐补贴3元".
  await page.waitForFunction(() => /补贴\s*3元/.test(document.querySelector(".result-headline")?.textContent || ""), null, { timeout: 10_000 });
  assertClean(await problems());
  await context.close();
});
