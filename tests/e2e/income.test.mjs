// End-to-end: a person who only knows roughly what her household lives on (zhucan issue 16, "income
// is not asked"). She loads her city's policy file — the test-only tests/data/policy/income-test.toml,
// whose file gives the local minimum-living standards (urban 612, rural 445 yuan a month) and
// defines 低保边缘 as at most 1.5 times the standard and 低收入 as at most 2 times — types her age
// and her household's income per person, says urban, and reads the figure and what the income
// suggests: never as her category, always "needs recognition", with the figure with and without
// that recognition. Everything is reached by its visible words, typed at a human pace, in Chinese
// on a phone in large text and in English on a laptop. Screenshots go to tests/e2e/out/.
//
// Hand-computed from the test policy's clauses, aged 70, 12-yuan standard meal: basic 2 yuan; the
// income part 1 yuan when income ≤ 2 × 612 = 1224 (urban); 低保边缘 (once recognised) 3 yuan
// instead, the higher of the two. Income 900, urban: 2 + 1 = 3 now (pays 9); recognised as 低保边缘:
// 2 + 3 = 5 (pays 7); 900 ≤ 1.5 × 612 = 918, so 低保边缘 is suggested.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { OUT_DIR, assertClean, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const POLICY = readFileSync("tests/data/policy/income-test.toml");

/** The words on the screen, as she reads them. */
const W = {
  zh: {
    load: /载入政策文件/, age: "年龄（周岁）", large: "大字模式", income: "家庭人均月收入（元）", urban: "城镇",
    mode: "家庭收入怎么填", amount: "填一个数", range: "填一个范围", unsure: "不清楚", from: "家庭人均月收入，最少（元）", to: "家庭人均月收入，最多（元）",
    heading: "按收入估计（不是认定）",
    suggests: "您家人均月收入不超过当地城镇低保标准612元的1.5倍（918元），可能属于低保边缘家庭，需要向社区申请认定。",
    now: "现在（未经认定）：每餐补贴3元，您支付9元",
    withEdge: "如经认定为低保边缘家庭：每餐补贴5元，您支付7元",
    mayEdge: "如果您家人均月收入不超过当地城镇低保标准612元的1.5倍（918元），可能属于低保边缘家庭，需要向社区申请认定。",
    mayLow: "如果您家人均月收入不超过当地城镇低保标准612元的2倍（1224元），可能属于低收入家庭，需要向社区申请认定。",
    figure: /这一餐补贴\s*3\s*元/, hardship: "困难类别", hardshipNone: "以上都不是",
  },
  en: {
    load: /Load a policy file/, age: "Age (full years)", large: "Large text", income: "Household income per person per month (yuan)",
    urban: "Urban", mode: "How to give your household income", amount: "An amount", range: "A range", unsure: "Not sure",
    from: "Household income per person per month, at least (yuan)", to: "Household income per person per month, at most (yuan)",
    heading: "What your income suggests (not a recognition)",
    suggests: "Your household income per person is at most 1.5 times the local urban minimum-living standard of ¥612 (¥918): your household may count as a marginal low-income household, which needs recognition by your community office.",
    now: "Now (not recognised): subsidy ¥3 a meal, you pay ¥9",
    withEdge: "If recognised as a marginal low-income household: subsidy ¥5 a meal, you pay ¥7",
    mayEdge: "If your household income per person is at most 1.5 times the local urban minimum-living standard of ¥612 (¥918), your household may count as a marginal low-income household, which needs recognition by your community office.",
    mayLow: "If your household income per person is at most 2 times the local urban minimum-living standard of ¥612 (¥1224), your household may count as a low-income household, which needs recognition by your community office.",
    figure: /Subsidy for this meal\s*¥\s*3\b/, hardship: "Hardship category", hardshipNone: "none of these",
  },
};

/** Waits until the text of `locator` matches `re` (the result settles after typing stops). */
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

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

for (const [lang, viewport, size] of [["zh", PHONE, "large"], ["en", LAPTOP, "normal"], ["zh", LAPTOP, "normal"], ["en", PHONE, "large"]]) {
  test(`${lang}, ${size} text, ${viewport.width} px: a person who only knows her income reaches a figure and what it suggests`, async () => {
    const w = W[lang];
    const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport });
    if (lang === "en") await page.getByRole("button", { name: /English/ }).click();
    if (size === "large") await page.getByRole("button", { name: w.large, exact: true }).click();

    // No city chosen yet: no income question (no policy to say what income means).
    assert.equal(await page.getByLabel(w.income, { exact: true }).count(), 0);

    // Her city's policy file, then her age.
    await page.getByLabel(w.load).setInputFiles({ name: "income-test.toml", mimeType: "text/plain", buffer: POLICY });
    await page.locator(".file-status.ok").waitFor();
    await page.getByLabel(w.age, { exact: true }).pressSequentially("70", { delay: 80 });

    // The income: one amount (the first choice), typed at her pace, with full-width digits as a
    // Chinese input method gives them; then "urban", by its visible word.
    assert.equal(await page.getByLabel(w.amount, { exact: true }).isChecked(), true);
    const income = page.getByLabel(w.income, { exact: true });
    await income.click();
    await income.pressSequentially(lang === "zh" ? "９００" : "900", { delay: 80 });
    await page.getByText(w.urban, { exact: true }).click();

    const result = page.locator(".result");
    const estimate = page.locator(".income-estimate");
    await waitForText(page.locator(".result-headline"), w.figure);
    await waitForText(estimate, new RegExp(escape(w.withEdge)));
    const said = await estimate.innerText();
    for (const words of [w.heading, w.suggests, w.now, w.withEdge]) assert.ok(said.includes(words), `"${words}" in:\n${said}`);
    // A suggestion is never a recognition: her category is still "none of these", and the headline
    // figure is today's (3), not the one with recognition (5).
    const hardship = page.getByLabel(w.hardship, { exact: true });
    assert.equal(await hardship.evaluate((s) => s.options[s.selectedIndex]?.textContent), w.hardshipNone);
    assert.doesNotMatch(await page.locator(".result-headline").innerText(), lang === "zh" ? /5\s*元/ : /¥\s*5\b/);
    // The clause behind the suggestion is one click away.
    assert.doesNotMatch(await estimate.innerText(), /低保边缘家庭是指/);
    await estimate.locator("details.clause summary").nth(1).click();
    assert.match(await estimate.innerText(), /低保边缘家庭是指不符合最低生活保障条件，家庭人均收入不超过当地最低生活保障标准1\.5倍/);
    await page.locator(".income-question").screenshot({ path: `${OUT_DIR}/income-question-${lang}-${viewport.width}.png` });
    await page.locator(".result-headline").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT_DIR}/income-amount-${lang}-${viewport.width}.png`, fullPage: false });
    await estimate.screenshot({ path: `${OUT_DIR}/income-estimate-${lang}-${viewport.width}.png` });
    assert.deepEqual(await axeViolations(page), [], "axe: the form with the income questions and the estimate");

    // Only a range: chosen with the keyboard (arrow keys move between the choices), then typed.
    await page.getByLabel(w.amount, { exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByLabel(w.range, { exact: true }).isChecked(), true);
    const from = page.getByLabel(w.from, { exact: true });
    await from.fill("");
    await from.pressSequentially("850", { delay: 80 });
    await page.keyboard.press("Tab");
    await page.keyboard.type("1000", { delay: 80 });
    assert.equal(await page.getByLabel(w.to, { exact: true }).inputValue(), "1000", "Tab leads from the lowest to the highest");
    await waitForText(estimate, new RegExp(escape(w.mayLow)));
    const may = await estimate.innerText();
    assert.ok(may.includes(w.mayEdge), may);
    // 850 and 1000 are both under 1224: the figure does not depend on where in the range she is.
    await waitForText(page.locator(".result-headline"), w.figure);
    await page.locator(".income-question").screenshot({ path: `${OUT_DIR}/income-range-question-${lang}-${viewport.width}.png` });
    await estimate.screenshot({ path: `${OUT_DIR}/income-range-${lang}-${viewport.width}.png` });

    // Not sure: no estimate, the figure stays.
    await page.getByRole("group", { name: w.mode }).getByText(w.unsure, { exact: true }).click();
    await page.waitForTimeout(300);
    assert.equal(await estimate.count(), 0, "no income, no estimate");
    await waitForText(result, lang === "zh" ? /这一餐补贴\s*2\s*元/ : /Subsidy for this meal\s*¥\s*2\b/);
    assertClean(await problems());
    await context.close();
  });
}
