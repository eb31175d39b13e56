// End-to-end: the demo district through a cost estimate under one policy, compared with another,
// and the report exported with its assumptions and sources.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { OUT_DIR, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const number = (text) => Number(text.replace(/[^\d.-]/g, ""));

test("demo district: cost under Guangzhou, compared with Dandong, report exported", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.click("#tab-planner");
  await page.click("#plan-demo");
  await page.waitForSelector(".file-status.ok");
  await page.click("#plan-run");
  await page.waitForSelector("#sc-run", { timeout: 60_000 });
  // The demo data has an 80岁以上 column: its share is prefilled (not the census-only default 0).
  assert.ok(Number(await page.inputValue("#sc-age-3")) > 0, "80–99 share from the data");
  await page.selectOption("#sc-policy-a", "guangzhou-2020");
  await page.selectOption("#sc-policy-b", "dandong-2024");
  // 5% on the minimum-living allowance: each age band with people now has two rows in the comparison.
  await page.fill("#sc-hardship-1", "5");
  await page.click("#sc-run");
  await page.waitForSelector("#sc-year-total");
  const year = number(await page.textContent("#sc-year-total"));
  assert.ok(year > 0, `yearly total ${year}`);
  // The table's per-site subsidies add up to the total (rounding to a yuan per site).
  const perSite = await page.$$eval("#sc-sites-table tbody tr td:last-child", (tds) => tds.map((td) => td.textContent));
  assert.equal(perSite.length, 10);
  const sum = perSite.map(number).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - year) <= 10, `${sum} vs ${year}`);
  // Guangzhou pays more than Dandong for every age band here: the change in total is negative.
  assert.match(await page.textContent("#sc-cost-change"), /-[\d,]+元/);
  // Age bands with people: 60–64, 65–69 and 80–99 (census split, 80+ from the data) × {none, 低保}.
  assert.equal(await page.locator("#sc-compare-table tbody tr").count(), 6);
  await page.screenshot({ path: `${OUT_DIR}/scenario.png`, fullPage: false });

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#sc-export")]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(csv.startsWith("\uFEFF"));
  assert.match(csv, /广州市长者饭堂助餐配餐服务申请指南 http:\/\/www\.zc\.gov\.cn/);
  assert.match(csv, /丹东市老年助餐服务补贴支持办法/);
  assert.match(csv, /实际来吃的老年人比例（%）,22\.1/);
  // Every label and its value on a line of their own (the rows once ran together on one line).
  assert.match(csv, /^实际来吃的老年人比例（%）,22\.1$/m);
  assert.match(csv, /^每年补贴,\d+$/m);
  // The report shows every assumption, with the policies' sources as links.
  const assumptions = await page.textContent(".sc-assumptions");
  assert.match(assumptions, /22\.1%/);
  assert.match(assumptions, /丹东市/);
  assert.ok((await page.locator(".sc-assumptions a[href^='http']").count()) >= 2);

  // Two plans under the same policy: keep this one (10 sites), plan 5 sites, and compare.
  await page.click("#sc-pin");
  assert.equal(await page.getAttribute("#sc-pin", "aria-pressed"), "true");
  await page.fill("#plan-k", "5");
  await page.click("#plan-run");
  await page.waitForSelector("#sc-plans-table");
  const cells = await page.$$eval("#sc-plans-table tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  assert.deepEqual(cells[0].slice(0, 2).map(number), [10, 5], "sites: kept 10, now 5");
  // The first five sites are the same greedy picks: fewer sites cover fewer people and cost less.
  const [keptCovered, nowCovered, covChange] = cells[2].map(number);
  assert.ok(nowCovered < keptCovered);
  assert.equal(covChange, nowCovered - keptCovered);
  const [keptYear, nowYear] = cells[4].map(number);
  assert.ok(nowYear < keptYear, `${nowYear} < ${keptYear}`);
  // The year total shown above now belongs to the 5-site plan.
  assert.equal(number(await page.textContent("#sc-year-total")), nowYear);
  assert.equal(await page.locator("#sc-sites-table tbody tr").count(), 5);
  await page.locator(".scenario-result").screenshot({ path: `${OUT_DIR}/scenario-plans.png` });

  assert.equal((await axeViolations(page)).length, 0);
  const p = await problems();
  assert.deepEqual([p.csp, p.offOrigin, p.pageErrors, p.console], [[], [], [], []]);
  await context.close();
});
