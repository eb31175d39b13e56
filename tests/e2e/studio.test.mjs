// End-to-end: the policy studio (政策编辑器, issue 17), used as a civil-affairs officer would use it.
// She opens its tab (its own download, fetched only then), starts from the blank template and
// builds a new city's policy with the keyboard: one source, one quoted clause, one version, a part
// with two tiers (aged 60–79: 3 yuan a meal; 80 and over: 5 yuan) and one hand-worked example.
// The example is run at once and passes; she downloads the file, loads it in the calculator, and
// an 85-year-old's 12-yuan lunch shows the hand-computed 5 yuan (she pays 7). Everything is
// reached by its visible words; typing is at a human pace. Axe finds nothing in Chinese or
// English; a phone in large text has no sideways scrolling. Screenshots go to tests/e2e/out/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { OUT_DIR, assertClean, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

const group = (scope, name) => scope.getByRole("group", { name, exact: true });
const label = (scope, name) => scope.getByLabel(name, { exact: true });

/** Types into a field with the keyboard, replacing what is there. */
async function type(locator, text) {
  await locator.focus();
  await locator.press("Control+A");
  await locator.pressSequentially(text, { delay: 25 });
}

/** Presses a button with the keyboard. */
async function press(locator) {
  await locator.focus();
  await locator.press("Enter");
}

/** Adds a condition of the named kind to the condition group `scope`; returns its field. */
async function addCondition(page, scope, kind) {
  await label(scope, "添加条件").last().selectOption({ label: kind });
  await press(scope.getByRole("button", { name: "添加", exact: true }).last());
  // The new test's field has the focus.
  const focused = page.locator(":focus");
  await focused.waitFor();
  return focused;
}

async function openStudio(viewport) {
  const handle = await openApp(env.browser, env.server.url, { viewport });
  const { page } = handle;
  // Not downloaded before its tab opens.
  assert.ok(!handle.requests().some((u) => u.includes("zhucan-studio")), "the studio is not part of the first load");
  await page.getByRole("tab", { name: "政策编辑器" }).click();
  await page.getByRole("button", { name: "新建（空白模板）" }).waitFor({ timeout: 30_000 });
  assert.ok(handle.requests().some((u) => u.includes("zhucan-studio_bg.wasm")), "fetched when its tab opens");
  return handle;
}

async function waitForText(locator, re, timeout = 10_000) {
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

test("a new city's policy from the blank template, by keyboard: its example passes, the exported file gives the calculator's hand-computed figure", async () => {
  const { page, context, problems } = await openStudio(LAPTOP);
  const studio = page.locator("#panel-studio");
  await press(page.getByRole("button", { name: "新建（空白模板）" }));
  // The blank draft lists what is missing, each a link to its field.
  await waitForText(studio.locator(".studio-check-line"), /政策还有\d+个问题/);
  assert.ok((await studio.locator("#studio-problems a").count()) > 0, "the problems link to their fields");
  // Following the first link puts the focus in the field it names.
  await studio.locator("#studio-problems a").first().click();
  assert.match(await page.evaluate(() => document.activeElement?.tagName), /INPUT|SELECT|TEXTAREA/);

  await type(label(studio, "政策编号"), "ceshi-2025");
  await type(label(group(studio, "政策名称"), "中文"), "测试市老年助餐补贴");
  await type(label(group(studio, "适用地区"), "中文"), "测试省测试市");

  const source = group(studio, "来源1");
  await type(label(source, "编号"), "doc");
  await type(label(source, "文件标题"), "测试市老年助餐服务补贴办法");
  await type(label(source, "发文单位"), "测试市民政局");
  await type(label(source, "文号"), "测民发〔2025〕1号");
  await type(label(source, "发文日期"), "2025-01-01");

  const clause = group(studio, "条款1");
  await type(label(clause, "编号"), "amounts");
  await label(clause, "出自哪份文件").selectOption({ label: "测试市老年助餐服务补贴办法" });
  await type(label(clause, "原文"), "60至79周岁老年人每餐补贴3元，80周岁及以上老年人每餐补贴5元。");

  const version = studio.getByRole("region", { name: "版本1" });
  await type(label(version, "编号").first(), "2025");
  await type(label(group(version, "版本名称"), "中文"), "2025年办法");
  await type(label(version, "施行日期"), "2025-01-01");
  const eligibility = group(version, "享受条件");
  const atLeast = await addCondition(page, eligibility, "年满（周岁）");
  await type(atLeast, "60");
  await label(version, "享受条件出自哪条条款").selectOption({ label: "amounts" });

  const part = group(version, "补贴项目1");
  await type(label(part, "编号").first(), "meal");
  await type(label(group(part, "名称"), "中文"), "助餐补贴");
  const tier1 = group(part, "档次1");
  await type(label(tier1, "编号"), "age-60-79");
  await type(label(group(tier1, "档次名称"), "中文"), "60至79周岁");
  await type(await addCondition(page, group(tier1, "哪些人"), "年满（周岁）"), "60");
  await type(await addCondition(page, group(tier1, "哪些人"), "不满（周岁）"), "80");
  await type(label(tier1, "每餐补贴"), "3");
  await label(tier1, "出自哪条条款").selectOption({ label: "amounts" });
  await press(part.getByRole("button", { name: "添加档次" }));
  const tier2 = group(part, "档次2");
  // The new tier's first field has the focus.
  assert.equal(await label(tier2, "编号").evaluate((e) => e === document.activeElement), true);
  await type(label(tier2, "编号"), "age-80");
  await type(label(group(tier2, "档次名称"), "中文"), "80周岁及以上");
  await type(await addCondition(page, group(tier2, "哪些人"), "年满（周岁）"), "80");
  await type(label(tier2, "每餐补贴"), "5");
  await label(tier2, "出自哪条条款").selectOption({ label: "amounts" });

  await part.screenshot({ path: `${OUT_DIR}/studio-zh-1280-part.png` });

  // The example, worked by hand from the clause: 85 is "80 and over", 5 yuan; a 12-yuan lunch
  // leaves 12 − 5 = 7 yuan to pay.
  const example = group(studio, "例子1");
  await type(label(example, "例子名称"), "本地户籍85周岁，午餐12元");
  await type(label(example, "年龄（周岁）"), "85");
  await type(label(example, "就餐日期"), "2025-03-04");
  await type(label(example, "餐费"), "12");
  await type(label(example, "每餐补贴"), "5");
  await type(label(example, "本人付"), "7");

  await waitForText(studio.locator(".studio-check-line"), /政策没有问题；1个例子中1个算对了。/);
  assert.match(await example.locator(".case-result").innerText(), /✓ 这个例子算对了。/);
  assert.equal(await studio.locator("#studio-problems").count(), 0, "no problem is left");

  // A wrong expectation is caught next to its field, with both figures.
  await type(label(example, "每餐补贴"), "4");
  await waitForText(example.locator(".case-result"), /没有算对/);
  assert.match(await example.innerText(), /例子写的是4元?，按政策算出来是5元?/);
  await type(label(example, "每餐补贴"), "5");
  await waitForText(example.locator(".case-result"), /算对了/);

  // The preview: what the 85-year-old would be told.
  await waitForText(studio.locator(".studio-preview"), /每餐补贴5\s*元/);

  await page.screenshot({ path: `${OUT_DIR}/studio-zh-1280.png`, fullPage: false });
  await studio.getByRole("heading", { name: "检查结果" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/studio-zh-1280-check.png`, fullPage: false });
  assert.deepEqual(await axeViolations(page), [], "axe: the studio in Chinese");

  // Export: the download is the policy file, readable and in the policy's own words.
  const [download] = await Promise.all([page.waitForEvent("download"), press(studio.getByRole("button", { name: "下载政策文件" }))]);
  assert.equal(download.suggestedFilename(), "ceshi-2025.toml");
  const toml = readFileSync(await download.path(), "utf8");
  for (const line of ['id = "ceshi-2025"', "age_at_least = 80", "subsidy = 5", "subsidy = 3", "测民发〔2025〕1号", "[[case]]"]) {
    assert.ok(toml.includes(line), `the file has ${line}`);
  }

  // The downloaded file in the calculator, loaded as a resident's own file: the figure worked by hand.
  await page.getByRole("tab", { name: "补贴计算" }).click();
  const calc = page.locator("#panel-calculator");
  await calc.getByText("我的城市不在列表里", { exact: true }).click();
  await calc.getByLabel(/载入政策文件/).setInputFiles({ name: "ceshi-2025.toml", mimeType: "text/plain", buffer: Buffer.from(toml) });
  await calc.locator(".file-status.ok").waitFor();
  await calc.getByLabel("年龄（周岁）", { exact: true }).pressSequentially("85", { delay: 60 });
  const date = calc.getByLabel("就餐日期", { exact: true });
  if (!(await date.isVisible())) await calc.getByText("更多情况（可不填）", { exact: true }).click();
  await date.click({ clickCount: 3 });
  await date.pressSequentially("2025-03-04", { delay: 40 });
  await waitForText(calc.locator(".result-headline"), /补贴\s*5\s*元/);

  // "Open in the calculator" takes the same file there in one step.
  await page.getByRole("tab", { name: "政策编辑器" }).click();
  await press(studio.getByRole("button", { name: "在补贴计算中打开" }));
  assert.equal(await page.getByRole("tab", { name: "补贴计算" }).getAttribute("aria-selected"), "true");
  await waitForText(calc.locator(".file-status.ok"), /ceshi-2025\.toml/);
  await waitForText(calc.locator(".result-headline"), /补贴\s*5\s*元/);
  await page.screenshot({ path: `${OUT_DIR}/studio-to-calculator-zh-1280.png`, fullPage: false });

  // The same studio in English: every word changes, axe finds nothing.
  await page.getByRole("tab", { name: "政策编辑器" }).click();
  await page.getByRole("button", { name: /English/ }).click();
  await studio.getByRole("button", { name: "Download the policy file" }).waitFor();
  await waitForText(studio.locator(".studio-check-line"), /The policy has no problems; 1 of 1 examples come out right\./);
  const english = await studio.innerText();
  assert.doesNotMatch(english.replace(/测试[^\n]*|本地户籍[^\n]*|60至79周岁[^\n]*|80周岁及以上[^\n]*|2025年办法|助餐补贴|测民发〔2025〕1号/g, ""), /[\u4e00-\u9fff]/, "no Chinese words of the studio's own in English");
  await page.screenshot({ path: `${OUT_DIR}/studio-en-1280.png`, fullPage: false });
  assert.deepEqual(await axeViolations(page), [], "axe: the studio in English");
  assertClean(await problems());
  await context.close();
});

test("a phone in large text: the studio fits the screen, lists move with real buttons, axe finds nothing", async () => {
  const { page, context, problems } = await openStudio(PHONE);
  await page.getByRole("button", { name: "大字模式", exact: true }).click();
  const studio = page.locator("#panel-studio");
  await press(studio.getByRole("button", { name: "添加来源" }));
  const second = group(studio, "来源2");
  assert.equal(await label(second, "编号").evaluate((e) => e === document.activeElement), true, "the new source's first field has the focus");
  await type(label(second, "编号"), "news");
  await press(second.getByRole("button", { name: "上移来源2" }));
  // Moved: the first source is now "news", and the focus followed it.
  assert.equal(await label(group(studio, "来源1"), "编号").inputValue(), "news");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "下移");
  await press(group(studio, "来源1").getByRole("button", { name: "删除来源1" }));
  assert.equal(await label(group(studio, "来源1"), "编号").inputValue(), "");
  assert.equal(await group(studio, "来源2").count(), 0);
  // A listed policy opens with every part filled in, and its own examples pass.
  const preset = label(studio, "已收录的政策");
  const tianjin = (await preset.locator("option").allTextContents()).find((o) => o.includes("天津"));
  assert.ok(tianjin, "Tianjin is listed");
  await preset.selectOption({ label: tianjin });
  await press(studio.getByRole("button", { name: "打开这份政策" }));
  await waitForText(studio.locator(".studio-status"), /已打开“tianjin\.toml”。/);
  const line = await waitForText(studio.locator(".studio-check-line"), /政策没有问题；(\d+)个例子中\1个算对了。/);
  assert.ok(Number(/(\d+)个例子/.exec(line)[1]) > 0, "it has examples");
  assert.match(await label(studio, "政策编号").inputValue(), /^tianjin/);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= PHONE.width, `no sideways scrolling (${wide} px)`);
  await page.screenshot({ path: `${OUT_DIR}/studio-zh-390-large.png`, fullPage: false });
  await page.getByRole("button", { name: "高对比度", exact: true }).click();
  await group(studio, "例子1").screenshot({ path: `${OUT_DIR}/studio-zh-390-large-contrast-case.png` });
  assert.deepEqual(await axeViolations(page), [], "axe: the studio on a phone in large text");
  assertClean(await problems());
  await context.close();
});

test("a resident whose city is not listed is led to the studio, in Chinese and English", async () => {
  for (const english of [false, true]) {
    const handle = await openApp(env.browser, env.server.url, { viewport: PHONE });
    const { page } = handle;
    if (english) await page.getByRole("button", { name: /English/ }).click();
    await page.getByText(english ? "My city is not listed" : "我的城市不在列表里", { exact: true }).click();
    const open = page.getByRole("button", { name: english ? "Open the policy studio" : "打开政策编辑器" });
    await open.click();
    // The studio's tab is chosen and has the focus; its own download arrives and its start shows.
    const tab = page.getByRole("tab", { name: english ? "Policy studio" : "政策编辑器" });
    assert.equal(await tab.getAttribute("aria-selected"), "true");
    assert.equal(await tab.evaluate((el) => el === document.activeElement), true);
    await page.getByRole("button", { name: english ? /blank template/i : "新建（空白模板）" }).waitFor({ timeout: 30_000 });
    assertClean(await handle.problems());
    await handle.context.close();
  }
});
