// End-to-end: hostile content in the planner's files — markup and script in names and headers,
// right-to-left overrides, a 10,000-character name, formula-injection strings. Everything is shown
// as text, nothing runs, and the exported CSV defuses formulas as OWASP advises (a leading ').
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { OUT_DIR, importFile, openApp, runPlan, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const LONG = "长".repeat(10_000);
const NAMES = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=2</script>`,
  `=cmd|' /C calc'!A0`,
  `+SUM(1,2)`,
  `-2+3`,
  `@SUM(1)`,
  `\u202Eevil\u202C社区`,
  LONG,
];
const csvCell = (s) => `"${s.replaceAll('"', '""')}"`;

test("hostile names and headers are shown as text, never run, and exported safely", async () => {
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.click("#tab-planner");
  await importFile(page, "demand", "static/samples/demand.csv", 1500);

  const sample = readFileSync("static/samples/candidates.csv", "utf8").trim().split("\n").slice(1, 1 + NAMES.length);
  const rows = NAMES.map((name, i) => {
    const [, lon, lat] = sample[i].split(",");
    return `${csvCell(name)},${lon},${lat}`;
  });
  const header = `名称,高德经度,高德纬度,"<b onmouseover=window.__xss=3>备注</b>"`;
  const body = [header, ...rows.map((r) => r + ",x")].join("\n") + "\n";
  await page.setInputFiles("#plan-file-candidates", { name: "<i>hostile</i>.csv", mimeType: "text/csv", buffer: Buffer.from(body) });
  await page.waitForSelector("#plan-candidates-import");
  // The hostile header is listed as a column name, as text.
  assert.ok((await page.locator(".mapping select option", { hasText: "<b onmouseover" }).count()) >= 1);
  await page.click("#plan-candidates-import");
  await page.waitForSelector(`text=正在使用：<i>hostile</i>.csv（${NAMES.length} 行）`);
  await page.fill("#plan-k", String(NAMES.length));
  await runPlan(page);

  const table = await page.textContent(".site-table");
  for (const name of NAMES.slice(0, 6)) assert.ok(table.includes(name), `shown as text: ${name.slice(0, 30)}`);
  // The 10,000-character name is cut to 40 characters in the table; its details show it whole.
  assert.ok(table.includes("长".repeat(39) + "…") && !table.includes(LONG));
  await page.getByRole("button", { name: /^详情：长长长/ }).click();
  assert.ok((await page.textContent("#plan-breakdown-heading")).includes(LONG));
  // Nothing was parsed as markup or run.
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator("img[src=x], main script, b[onmouseover], i:text('hostile')").count(), 0);
  // The long name does not push the page sideways: it scrolls inside its table.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "no sideways page scroll");
  await page.locator(".site-table").screenshot({ path: `${OUT_DIR}/hostile.png` });

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#plan-export-csv")]);
  const csv = readFileSync(await download.path(), "utf8");
  // Formula starts are defused with a leading apostrophe; the rest is kept as it was.
  for (const f of [`=cmd|' /C calc'!A0`, "+SUM(1,2)", "-2+3", "@SUM(1)"]) {
    assert.ok(csv.includes(`'${f}`) || csv.includes(csvCell(`'${f}`)), `defused: ${f}`);
    const cells = csv.split(/[\n,]/);
    assert.ok(!cells.some((c) => c === f || c === csvCell(f)), `no raw formula cell: ${f}`);
  }
  assert.ok(csv.includes(`<img src=x onerror=""window.__xss=1"">`), "markup exported as plain text");
  assert.ok(csv.includes(LONG));
  const p = await problems();
  assert.deepEqual([p.csp, p.offOrigin, p.pageErrors, p.console], [[], [], [], []]);
  await context.close();
});

test("a 600 MB file is refused before it is read, in the user's language, and the data in use stays", async () => {
  const { closeSync, ftruncateSync, openSync, unlinkSync } = await import("node:fs");
  // Tables are read by slices in the worker, so the limit is 512 MB (what the imported rows need).
  const huge = `${OUT_DIR}/huge-600mb.csv`;
  const fd = openSync(huge, "w");
  ftruncateSync(fd, 600 * 1024 * 1024); // sparse: takes no disk space
  closeSync(fd);
  const { page, problems, context } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.click("#tab-planner");
  await importFile(page, "demand", "static/samples/demand.csv", 1500);
  await page.setInputFiles("#plan-file-demand", huge);
  const alert = page.locator(".file-card .file-status.error");
  await alert.waitFor();
  assert.match(await alert.textContent(), /huge-600mb\.csv.*文件太大：600 MB，超过了上限 512 MB/);
  assert.match(await page.textContent(".file-cards"), /正在使用：demand\.csv（1500 行）/);
  // The calculator's policy file picker: a 5 MB "policy" is refused from its first megabyte.
  await page.click("#tab-calculator");
  await page.setInputFiles("#calc-policy-file", { name: "big.toml", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024, 0x61) });
  await page.waitForSelector("text=/big\\.toml/");
  assert.match(await page.textContent("section[aria-labelledby=policy-heading]"), /big\.toml[\s\S]*太大/);
  const p = await problems();
  assert.deepEqual([p.csp, p.pageErrors, p.console], [[], [], []]);
  await context.close();
  unlinkSync(huge);
});
