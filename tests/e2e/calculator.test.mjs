// End-to-end: the subsidy calculator, as residents use it, on the release build under the strict CSP.
// Expected figures come from the presets' quoted clauses (see static/policies/*.toml).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { OUT_DIR, assertClean, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const headline = (page) => page.textContent(".result-headline");

/** Every preset, in the city selector's order (src/core/policy/presets.rs). */
const PRESET_IDS = [
  "shenzhen-2025",
  "guangzhou-2020",
  "beijing-2022",
  "tianjin",
  "dandong-2024",
  "zhuhai-gaoxin-2024",
  "zhongshan-tanzhou-2024",
  "changchun-2023",
  "jilin-city-2024",
  "zibo-yiyuan-2023",
  "qingdao-jimo-2021",
  "xiangyang-2023",
  "xian-yanta-2023",
  "sinan-wantang-2024",
  "changsha-kaifu-2020",
];

/** Chooses a city in the list by the name shown in it (nothing is chosen at first). */
async function chooseCity(page, name) {
  const label = (await page.locator("#calc-policy option").allTextContents()).find((o) => o.includes(name));
  await page.selectOption("#calc-policy", { label });
}

/** Opens "更多情况（可不填）", where the meal, its date and price and the rarer questions are. */
async function openMore(page, label = "更多情况（可不填）") {
  if (!(await page.isVisible("#calc-date"))) await page.getByText(label, { exact: true }).click();
}

/** Presses Tab until `selector` has focus; returns how many presses it took. */
async function tabTo(page, selector, limit = 40) {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return n;
  }
  throw new Error(`${selector} not reached in ${limit} Tab presses`);
}

for (const lang of ["zh", "en"]) {
  test(`${lang}: phone, keyboard only, from landing to the figure and its explanation in a few keystrokes`, async () => {
    const { page, problems, context } = await openApp(env.browser, env.server.url + (lang === "en" ? "?lang=en" : ""), {
      viewport: { width: 390, height: 844 },
    });
    let keys = 0;
    keys += await tabTo(page, "#calc-policy");
    // No city is chosen at first ("请选择您所在的城市"); presets in order: Shenzhen, Guangzhou, …;
    // two arrows move to Guangzhou.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    keys += 2;
    assert.equal(await page.inputValue("#calc-policy"), "guangzhou-2020");
    keys += await tabTo(page, "#calc-age");
    await page.keyboard.type("85");
    keys += 2;
    // Guangzhou, 85, registered here, 12-yuan standard meal: 3 (city) + 3 (district) + 3 (town) = 9; pays 3.
    // Read once the screen has settled on the last key (as a person would), not between the 8 and the 5.
    const nine = lang === "zh" ? "这一餐补贴\\s*9元" : "Subsidy for this meal\\s*¥9";
    await page.waitForFunction((src) => new RegExp(src).test(document.querySelector(".result-headline")?.textContent || ""), nine, { timeout: 5_000 }).catch(() => {});
    const text = await headline(page);
    if (lang === "zh") {
      assert.match(text, /这一餐补贴\s*9元/);
      assert.match(text, /您支付\s*3元/);
    } else {
      assert.match(text, /Subsidy for this meal\s*¥9/);
      assert.match(text, /You pay\s*¥3/);
    }
    // The explanation is there, with the quoted clause available.
    const steps = await page.textContent("ol.steps");
    assert.match(steps, lang === "zh" ? /市级补贴：符合“市财政每餐3元”/ : /City part: you are in “3 yuan a meal from the city”/);
    assert.ok(await page.locator("details.clause").count() >= 3);
    // Small screens keep the figure in view at the bottom.
    assert.match(await page.textContent(".result-bar-text"), lang === "zh" ? /9元/ : /¥9/);
    assert.ok(keys <= 25, `${keys} key presses from landing to the figure`);
    await page.screenshot({ path: `${OUT_DIR}/calc-${lang}-phone.png` });
    assertClean(await problems());
    await context.close();
  });
}

test("why not and when: the missing condition and the date it will be met", async () => {
  const { page, context } = await openApp(env.browser, env.server.url);
  await page.selectOption("#calc-policy", "dandong-2024");
  await page.check("#calc-age-mode-birth");
  await page.fill("#calc-birth-date", "1945-03-05");
  await openMore(page);
  await page.fill("#calc-date", "2025-03-04");
  // The day before the 80th birthday: 65–79 band, 2 yuan; the 80+ band (3 yuan) from 5 March 2025.
  assert.match(await headline(page), /这一餐补贴\s*2元/);
  const hints = await page.textContent("ul.hints");
  assert.match(hints, /80周岁及以上.*年满80周岁（您现在79周岁，将于2025年3月5日满80周岁）/);
  await context.close();
});

test("not sure of a category shows the range and the question that decides it", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  await page.selectOption("#calc-policy", "shenzhen-2025");
  await page.fill("#calc-age", "65");
  await openMore(page);
  await page.fill("#calc-date", "2025-03-04");
  await page.fill("#calc-price", "20");
  await page.selectOption("#calc-hardship", "unsure");
  // Registered, 65: nothing unless in a priority group (up to 15 yuan of a 20-yuan meal).
  assert.match(await headline(page), /0元\s*–\s*15元/);
  assert.match(await page.textContent(".depends"), /困难类别/);
  assertClean(await problems());
  await context.close();
});

test("a month with the person's habits: days, meals, total and unused entitlement", async () => {
  const { page, context } = await openApp(env.browser, env.server.url);
  await page.selectOption("#calc-policy", "tianjin");
  await page.fill("#calc-age", "85");
  await openMore(page);
  await page.fill("#calc-date", "2025-03-04");
  // Default plan: Monday–Friday lunch. March 2025 (Tianjin, at most 5 a week): 21 weekdays → 63 yuan,
  // and the week of 24 February has used its 5 on the weekdays before the 1st.
  assert.equal(await page.textContent(".month-total"), "63元");
  // Only Monday and Tuesday: 3,4,10,11,17,18,24,25,31 → 9 × 3 = 27; the policy's most 69 (after the
  // same February Monday and Tuesday, 1–2 March still have 2 of that week's 5): 42 more than the habit.
  for (const day of [2, 3, 4]) await page.uncheck(`#calc-plan-day-${day}`);
  assert.equal(await page.textContent(".month-total"), "27元");
  assert.equal(await page.textContent(".month-max"), "69元");
  await context.close();
});

test("comparison: the same person under every policy", async () => {
  const { page, context } = await openApp(env.browser, env.server.url);
  await page.fill("#calc-age", "85");
  await openMore(page);
  await page.fill("#calc-date", "2025-03-04");
  await page.fill("#calc-price", "13");
  await page.click("#calc-compare");
  // The other cities' files are fetched now (only the chosen one was before): read once they are in.
  await page.waitForFunction((n) => document.querySelectorAll(".compare .compare-card").length === n, PRESET_IDS.length, { timeout: 10_000 }).catch(() => {});
  // One card per policy: its name, then each figure (subsidy third, as the table's columns were).
  const rows = await page.$$eval(".compare .compare-card", (cards) =>
    cards.map((c) => [c.querySelector("h4").textContent.trim(), "", c.querySelector(".cmp-subsidy .cmp-value")?.textContent.trim()]),
  );
  const byPolicy = Object.fromEntries(rows.map((r) => [r[0], r]));
  assert.equal(rows.length, PRESET_IDS.length);
  // 13-yuan lunch, 85, registered: Shenzhen 5 (70–99), Guangzhou 9 (fixed amounts), Beijing 0 (not a
  // basic-care recipient), Tianjin 3 (80+), Dandong 3 (80+).
  const subsidy = (region) => rows.find((r) => r[0].startsWith(region))?.[2];
  assert.equal(subsidy("广东省深圳市"), "5元");
  assert.equal(subsidy("广东省广州市"), "9元");
  assert.equal(subsidy("北京市"), "0元");
  assert.equal(subsidy("天津市"), "3元");
  assert.equal(subsidy("辽宁省丹东市"), "3元");
  // The places added for issue 16, same person and meal: Zhuhai 高新区 3 (city part only: no
  // High-tech Zone hukou; 13 ≥ 10), 坦洲 13 × 20 % = 2.6, Changchun 0 (no senior meal card), Jilin
  // city 0 (under 90), 沂源 13 − 0 (80+ free), 即墨 13 − 5 (70+ pays 5), Xiangyang 13 × 25 % =
  // 3.25 (80–89), 雁塔 0 (no senior card), 万塘 13 − 2 (80–89 pays 2), 开福 4 (district hukou).
  assert.equal(subsidy("广东省珠海市高新区"), "3元");
  assert.equal(subsidy("广东省中山市坦洲镇"), "2.6元");
  assert.equal(subsidy("吉林省长春市"), "0元");
  assert.equal(subsidy("吉林省吉林市"), "0元");
  assert.equal(subsidy("山东省淄博市沂源县"), "13元");
  assert.equal(subsidy("山东省青岛市即墨区"), "8元");
  assert.equal(subsidy("湖北省襄阳市"), "3.25元");
  assert.equal(subsidy("陕西省西安市雁塔区"), "0元");
  assert.equal(subsidy("贵州省铜仁市思南县"), "11元");
  assert.equal(subsidy("湖南省长沙市开福区"), "4元");
  assert.ok(Object.keys(byPolicy).length === PRESET_IDS.length);
  await page.screenshot({ path: `${OUT_DIR}/calc-compare.png`, fullPage: true });
  await page.click("#calc-compare");
  assert.equal(await page.locator(".compare").count(), 0);
  await context.close();
});

const BROKEN = `[policy]
id = "mine"
name = "我的政策"
region = "某县"

[[source]]
id = "s"
title = "某文件"
url = "https://example.gov.cn/x"

[[clause]]
id = "c"
source = "s"
text = "每餐补贴3元"

[[version]]
id = "v"
label = "第一版"
from = 2024-01-01

  [[version.component]]
  id = "m"
  name = "补贴"

    [[version.component.tier]]
    id = "all"
    name = "60岁以上"
    when = { age_at_least = 60 }
    subsiddy = 3
    clause = "c"
`;

test("a broken policy file lists its problems by line and loses nothing", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  await page.selectOption("#calc-policy", "tianjin");
  await page.fill("#calc-age", "85");
  await openMore(page);
  await page.fill("#calc-date", "2025-03-04");
  const before = await headline(page);
  // Tianjin 2024, 80 and over: "每餐补贴3元" of the 13-yuan standard meal; she pays 13 − 3 = 10.
  assert.match(before, /这一餐补贴\s*3元\s*，?\s*您支付\s*10元/);
  await page.setInputFiles("#calc-policy-file", { name: "mine.toml", mimeType: "text/plain", buffer: Buffer.from(BROKEN) });
  const alert = page.locator(".file-status.error");
  await alert.waitFor();
  const text = await alert.textContent();
  // BROKEN has two mistakes: the misspelt key `subsiddy` (line 29, after 4 spaces of indent, so
  // column 5) and, because of it, a tier with none of subsidy / pay / percent.
  assert.match(text, /mine\.toml 有 2 处问题/);
  assert.match(text, /第 29 行第 5 列.*“subsiddy”/);
  assert.match(text, /必须且只能填一项：subsidy, pay, percent/);
  // Nothing lost: same policy, same answers, same result.
  assert.equal(await page.inputValue("#calc-policy"), "tianjin");
  assert.equal(await page.inputValue("#calc-age"), "85");
  assert.equal(await headline(page), before);
  await page.screenshot({ path: `${OUT_DIR}/calc-broken-file.png` });

  // Fixed, it loads, is selected and computes.
  await page.setInputFiles("#calc-policy-file", {
    name: "mine.toml",
    mimeType: "text/plain",
    buffer: Buffer.from(BROKEN.replace("subsiddy", "subsidy")),
  });
  await page.locator(".file-status.ok").waitFor();
  assert.equal(await page.inputValue("#calc-policy"), "mine");
  assert.match(await headline(page), /这一餐补贴\s*3元/);

  // A file whose own test case fails is refused amounts.
  const failing = BROKEN.replace("subsiddy", "subsidy") +
    `\n[[case]]\nname = "错的"\nperson = { age = 70 }\nmeal = { date = 2025-03-04 }\nexpect = { subsidy = 4 }\n`;
  await page.setInputFiles("#calc-policy-file", { name: "mine.toml", mimeType: "text/plain", buffer: Buffer.from(failing) });
  await page.locator(".result-blocked").waitFor();
  assert.match(await page.textContent(".result-blocked"), /1 \/ 1/);

  // Not text at all.
  await page.setInputFiles("#calc-policy-file", { name: "photo.toml", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0xff, 0xfe, 0x00]) });
  await page.locator(".file-status.error").waitFor();
  assert.match(await page.textContent(".file-status.error"), /photo\.toml不是文字文件/);
  assertClean(await problems());
  await context.close();
});

// A made-up policy with the format's newer keys (see the file's header and its hand-worked cases).
const NEW_KEYS = readFileSync(new URL("../data/policy/new-keys.toml", import.meta.url));

for (const lang of ["zh", "en"]) {
  test(`${lang}: a policy file's delivery fee, its version's notes and a month's money cap are shown`, async () => {
    const { page, problems, context } = await openApp(env.browser, env.server.url + (lang === "en" ? "?lang=en" : ""));
    await page.setInputFiles("#calc-policy-file", { name: "new-keys.toml", mimeType: "text/plain", buffer: NEW_KEYS });
    await page.locator(".file-status.ok").waitFor();
    await page.fill("#calc-age", "70");
    await openMore(page, lang === "zh" ? "更多情况（可不填）" : "More details (optional)");
    await page.fill("#calc-date", "2025-03-04");
    await page.fill("#calc-price", "16");
    await page.check("#calc-delivery");
    // 2024 rules, "按餐费七五折优惠，每餐最高优惠5元": 16 × 25% = 4; "上门送餐费为2元，由服务对象
    // 个人自付": she pays 16 − 4 + 2 = 14.
    const text = await headline(page);
    if (lang === "zh") {
      assert.match(text, /这一餐补贴\s*4元/);
      assert.match(text, /您支付\s*14元/);
      assert.equal(await page.textContent(".delivery-fee-line"), "送餐费每次2元，由您自付");
      assert.match(await page.textContent("ul.notes"), /实施办法自2024年7月1日起施行。/);
    } else {
      assert.match(text, /Subsidy for this meal\s*¥4/);
      assert.match(text, /You pay\s*¥14/);
      assert.equal(await page.textContent(".delivery-fee-line"), "Delivery fee: ¥2 each time, paid by you");
      assert.match(await page.textContent("ul.notes"), /The rules are in force from 1 July 2024\./);
    }
    // Lunch and dinner every day of March 2025 at 4 yuan, "每人每月最多150元": meals 1–37 (to 19 March
    // lunch) get 148; 19 March dinner the 2 left; the 24 meals after it nothing. Total 150.
    for (const day of [5, 6]) await page.check(`#calc-plan-day-${day}`);
    await page.check("#calc-plan-meal-dinner");
    if (lang === "zh") {
      assert.equal(await page.textContent(".month-total"), "150元");
      assert.match(
        await page.textContent("ol.month-caps"),
        /2025年3月19日晚餐：政策每月最多补贴150元，之前已补贴148元，这一餐只补剩下的2元（原本4元）；这个月之后的24餐也没有补贴/,
      );
    } else {
      assert.equal(await page.textContent(".month-total"), "¥150");
      assert.match(
        await page.textContent("ol.month-caps"),
        /19 March 2025, dinner: the policy pays at most ¥150 a month; ¥148 was already paid, so this meal gets only the ¥2 left \(instead of ¥4\); the 24 meals after it in the month get nothing either/,
      );
    }
    // A meal before the 2024 rules: the trial rules, whose start the source does not state, said so.
    await page.fill("#calc-date", "2024-03-05");
    const steps = await page.textContent("ol.steps");
    assert.match(steps, lang === "zh" ? /开始日期不详，来源没有写明/ : /start date not stated in the source/);
    assertClean(await problems());
    await context.close();
  });
}

test("the share link reopens the same calculation, and never leaves the page", async () => {
  const first = await openApp(env.browser, env.server.url);
  await first.page.selectOption("#calc-policy", "shenzhen-2025");
  await first.page.check("#calc-age-mode-birth");
  await first.page.fill("#calc-birth-date", "1947年3月5日");
  await openMore(first.page);
  await first.page.fill("#calc-date", "2025-03-04");
  await first.page.fill("#calc-price", "15");
  await first.page.check("#calc-delivery");
  await first.page.selectOption("#calc-care-level", "moderate");
  const url = first.page.url();
  assert.ok(url.includes("#"), "the answers are in the fragment");
  const expected = await headline(first.page);
  // Born 5 March 1947, so 77 on 4 March 2025 (a Tuesday, a working day), registered: the 70–99 tier,
  // 5 yuan of the 15-yuan lunch, she pays 15 − 5 = 10; moderate care + delivery: 2 yuan to the provider.
  assert.match(expected, /这一餐补贴\s*5元\s*，?\s*您支付\s*10元/);
  assert.match(expected, /送餐上门补贴：2元（付给送餐机构）/);
  await first.context.close();

  const second = await openApp(env.browser, url);
  // The city's policy file loads first ("正在载入这座城市的政策……"), then the figure shows.
  await second.page.waitForFunction((e) => document.querySelector(".result-headline")?.textContent === e, expected, { timeout: 10_000 }).catch(() => {});
  assert.equal(await headline(second.page), expected);
  assert.equal(await second.page.inputValue("#calc-birth-date"), "1947年3月5日");
  assert.equal(await second.page.isChecked("#calc-delivery"), true);
  // The server saw only the page, never the answers.
  assert.deepEqual(second.problems && (await second.problems()).offOrigin, []);
  await second.context.close();
});

test("print view shows the result and its sources, not the form", async () => {
  const { page, context } = await openApp(env.browser, env.server.url);
  await chooseCity(page, "深圳");
  await page.fill("#calc-age", "85");
  await openMore(page);
  await page.fill("#calc-date", "2025-03-04");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".calc-form"), false);
  assert.equal(await page.isVisible(".result-headline"), true);
  assert.equal(await page.isVisible(".print-only"), true);
  await page.pdf({ path: `${OUT_DIR}/calc-print.pdf` }).catch(() => {});
  await context.close();
});

test("axe-core: no violations on the calculator's screens", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  const report = {};
  report["empty"] = await axeViolations(page);
  await page.fill("#calc-age", "abc");
  report["error"] = await axeViolations(page);
  await page.fill("#calc-age", "85");
  await openMore(page);
  await page.fill("#calc-date", "2025-03-04");
  await page.selectOption("#calc-policy", "guangzhou-2020");
  await page.locator("details.clause").first().evaluate((d) => (d.open = true));
  report["result"] = await axeViolations(page);
  await page.selectOption("#calc-hardship", "unsure");
  report["range"] = await axeViolations(page);
  await page.click("#calc-compare");
  report["compare"] = await axeViolations(page);
  await page.click("#language-en");
  await page.click("#toggle-large-text");
  report["compare en large"] = await axeViolations(page);
  await page.click("#calc-compare");
  report["range en large"] = await axeViolations(page);
  for (const [screen, v] of Object.entries(report)) {
    assert.deepEqual(v, [], `axe on ${screen}: ${JSON.stringify(v, null, 1)}`);
  }
  assertClean(await problems());
  await context.close();
});

test("the accessibility tree (what a screen reader is given): named controls, headings, a live result", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url);
  await page.selectOption("#calc-policy", "guangzhou-2020");
  await page.fill("#calc-age", "85");
  await page.waitForFunction(() => /补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""));
  // Chromium's own accessibility tree, as screen readers receive it (not the DOM).
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const shown = nodes.filter((n) => !n.ignored);
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  const controls = ["textbox", "combobox", "spinbutton", "radio", "checkbox", "button", "tab", "link"];
  const unnamed = shown
    .filter((n) => controls.includes(n.role?.value) && prop(n, "hidden") !== true)
    .filter((n) => !(n.name?.value || "").trim())
    .map((n) => `${n.role.value} #${n.backendDOMNodeId}`);
  const checked = shown.filter((n) => controls.includes(n.role?.value)).length;
  assert.ok(checked >= 15, `the tree has the form's controls (${checked})`);
  assert.deepEqual(unnamed, [], "every control has an accessible name");
  const named = (role, re) => shown.some((n) => n.role?.value === role && re.test(n.name?.value || ""));
  assert.ok(named("heading", /^助餐$/), "the page's name is its top heading");
  assert.ok(named("combobox", /补贴政策|政策/), "the policy list is named");
  assert.ok(named("spinbutton", /年龄|岁/) || named("textbox", /年龄|岁/), "the age field is named by its label");
  assert.ok(named("tab", /补贴计算/) && named("tab", /选址规划/), "the two tabs");
  // The result is a polite, atomic live region whose text carries the figure.
  const live = shown.filter((n) => prop(n, "live") === "polite" && prop(n, "atomic") === true);
  assert.ok(live.length >= 1, "a polite atomic live region");
  // It is announced once the answers have settled (about a second after the last keystroke).
  await page.waitForFunction(() => /补贴\s*9元/.test(document.querySelector("[aria-live=polite][aria-atomic=true]")?.textContent || ""));
  const liveText = await page.evaluate(() => document.querySelector("[aria-live=polite][aria-atomic=true]").textContent);
  assert.match(liveText, /补贴\s*9元/);
  assertClean(await problems());
  await context.close();
});

test("a resident downloads only the chosen city's policy; the comparison fetches the others", async () => {
  const { page, problems, context, requests } = await openApp(env.browser, env.server.url, {
    viewport: { width: 1280, height: 900 },
    serviceWorkers: "block",
  });
  const presets = PRESET_IDS;
  const fetched = () => presets.filter((id) => requests().some((u) => u.endsWith(`/${id}.toml`)));
  assert.deepEqual(fetched(), [], "no policy file before a city is chosen");
  await page.getByLabel("政策", { exact: true }).selectOption({ label: "天津市 · 天津市老年人助餐补贴" });
  await page.getByLabel("年龄（周岁）", { exact: true }).pressSequentially("85", { delay: 80 });
  // Tianjin 2024 on a 13-yuan meal: 3 yuan for people 80+ ("每餐补贴3元"), pays 10.
  await page.waitForFunction(() => /补贴\s*3元/.test(document.querySelector(".result-headline")?.textContent || ""), null, { timeout: 10_000 });
  assert.deepEqual(fetched(), ["tianjin"], "only Tianjin's file");
  await page.getByRole("button", { name: "对比所有城市" }).click();
  await page.waitForFunction((n) => document.querySelectorAll(".compare .compare-card").length === n, presets.length, { timeout: 10_000 });
  assert.deepEqual(fetched(), presets, "the comparison fetched the rest");
  assertClean(await problems());
  await context.close();
});
