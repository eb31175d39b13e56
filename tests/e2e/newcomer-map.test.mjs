// What a new planner found on the site planner's map (issue 11, item 3): it could not be read as a
// place. Done the way they did it — the tab, the demo and the run by their visible text — then the
// map is read: the numbers on it against the table's rank column and names, the names not
// covering each other or a marker, the scale bar against the distance between two chosen sites
// (their positions from the exported table), the corner coordinates against a site's position, the
// north arrow, the downloads (an SVG that parses, a PNG that is a PNG) and the printed report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { OUT_DIR, assertClean, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const ZH = {
  tab: "选址规划", demo: /模拟数据/, run: "开始计算", csv: "导出表格（CSV）", svg: "下载地图（SVG 矢量图）", png: "下载地图（PNG 图片）",
  north: "北", scale: /^(\d+(?:\.\d+)?) (米|公里)$/, km: "公里", title: "老年食堂选址规划图",
  corner: /^(北|南)纬 ([\d.]+)°，(东|西)经 ([\d.]+)°$/,
};
const EN = {
  tab: "Site planner", demo: /simulated/, run: "Run", csv: "Export table (CSV)", svg: "Download map (SVG vector)", png: "Download map (PNG image)",
  north: "N", scale: /^(\d+(?:\.\d+)?) (m|km)$/, km: "km", title: "Canteen site plan",
  corner: /^([\d.]+)° (N|S), ([\d.]+)° (E|W)$/,
};

/** Opens the planner by its tab's text, loads the demo and runs the plan by their buttons' text. */
async function planDemo(w, { viewport, english = false, large = false, extraLarge = false, contrast = false }) {
  const handle = await openApp(env.browser, env.server.url, { viewport });
  const { page } = handle;
  if (english) await page.getByRole("button", { name: "English" }).click();
  if (large) await page.getByRole("button", { name: english ? "Large text" : "大字模式" }).click();
  if (extraLarge) await page.getByRole("button", { name: english ? "Extra large" : "特大字" }).click();
  if (contrast) await page.getByRole("button", { name: english ? "High contrast" : "高对比度" }).click();
  await page.getByRole("tab", { name: w.tab }).click();
  await page.getByRole("button", { name: w.demo }).click();
  await page.locator(".file-status.ok").first().waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: w.run, exact: true }).click();
  await page.locator(".site-table tbody tr").first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300); // the map measures itself once laid out
  return handle;
}

/** The chosen sites as the table shows them: rank → name. */
async function tableRanks(page) {
  const rows = await page.locator(".site-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("td")?.innerText.trim(), tr.querySelector("th")?.innerText.trim()]));
  return new Map(rows.filter(([r]) => r).map(([r, n]) => [Number(r), n]));
}

/** Everything written on the map, with screen boxes. */
function readMap(page) {
  return page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; };
    const circle = (el) => { const b = box(el); return { cx: (b.x0 + b.x1) / 2, cy: (b.y0 + b.y1) / 2, r: (b.x1 - b.x0) / 2 }; };
    const map = document.querySelector(".map svg");
    const q = (s) => [...map.querySelectorAll(s)];
    return {
      map: box(map),
      numbers: q(".rank-number").map((el) => ({ text: el.textContent, ...box(el), visible: el.getBoundingClientRect().width > 0 })),
      chosen: q(".chosen-mark").map((g) => ({ rank: Number(g.querySelector(".rank-number").textContent), ...circle(g.querySelector("circle")) })),
      markers: q("circle.site.chosen, rect.existing").map(circle),
      labels: q(".map-label").map((el) => ({ text: el.textContent, rank: el.dataset.rank ? Number(el.dataset.rank) : null, kind: el.dataset.kind, ...box(el) })),
      scale: q(".scale-text").map((el) => el.textContent),
      scaleBar: q(".scale-bar rect").map(box),
      north: q(".north-arrow text").map((el) => el.textContent),
      northArrow: q(".north-arrow path").map(box),
      northText: q(".north-arrow text").map(box),
      corners: q(".map-corner").map((el) => ({ text: el.textContent, ...box(el) })),
      dropped: document.querySelector("#plan-map-dropped")?.innerText || "",
    };
  });
}

const overlaps = (a, b, tol = 0.5) => a.x0 < b.x1 - tol && b.x0 < a.x1 - tol && a.y0 < b.y1 - tol && b.y0 < a.y1 - tol;
const distToBox = (x, y, b) => Math.hypot(x - Math.min(Math.max(x, b.x0), b.x1), y - Math.min(Math.max(y, b.y0), b.y1));

/** The checks every map must pass, whatever the language and size. */
function checkMap(m, ranks, w, what, { whole = true } = {}) {
  // Numbers 1..k on the map, one per chosen site in the table, each inside its marker and readable.
  // Zoomed in (not `whole`), those in view.
  assert.ok(ranks.size >= 1, `${what}: the table ranks some sites`);
  const shown = m.numbers.map((n) => Number(n.text)).sort((a, b) => a - b);
  if (whole) {
    assert.deepEqual(shown, [...ranks.keys()].sort((a, b) => a - b), `${what}: numbers on the map = the table's ranks`);
  } else {
    assert.ok(shown.length >= 1 && shown.every((n) => ranks.has(n)) && new Set(shown).size === shown.length, `${what}: numbers on the map are table ranks: ${shown}`);
  }
  for (const c of m.chosen) {
    const n = m.numbers.find((x) => Number(x.text) === c.rank);
    assert.ok(Math.abs((n.x0 + n.x1) / 2 - c.cx) < 2 && Math.abs((n.y0 + n.y1) / 2 - c.cy) < c.r, `${what}: number ${c.rank} sits in its marker`);
    assert.ok(c.r >= 9, `${what}: marker ${c.rank} is big enough to read (radius ${c.r.toFixed(1)} px)`);
    assert.ok(n.y1 - n.y0 >= 12, `${what}: number ${c.rank} is at least 12 px high`);
  }
  // Each chosen site named beside its own marker (the table's name), or listed as left off.
  for (const [rank, name] of ranks) {
    if (!shown.includes(rank)) continue;
    const label = m.labels.find((l) => l.rank === rank);
    if (label) {
      assert.equal(label.text, name, `${what}: the name by marker ${rank} is the table's`);
      const mark = m.chosen.find((c) => c.rank === rank);
      assert.ok(distToBox(mark.cx, mark.cy, label) <= mark.r * 1.8, `${what}: the name of ${rank} is next to its marker`);
    } else {
      assert.ok(m.dropped.includes(`${rank} ${name}`), `${what}: ${rank} ${name} is neither on the map nor listed as left off`);
    }
  }
  // Existing canteens are named too (or listed).
  const canteens = m.labels.filter((l) => l.kind === "canteen");
  assert.ok(canteens.length >= 1 || m.dropped.length > 0, `${what}: existing canteens are named`);
  // No name covers another name, a chosen site's or existing canteen's marker, a number, the scale
  // bar, the arrow or the corner coordinates. (Unchosen candidates' small dots give way to a name
  // that has no other room.)
  for (let i = 0; i < m.labels.length; i++) {
    for (let j = i + 1; j < m.labels.length; j++) {
      assert.ok(!overlaps(m.labels[i], m.labels[j]), `${what}: “${m.labels[i].text}” overlaps “${m.labels[j].text}”`);
    }
    for (const c of m.markers) {
      assert.ok(distToBox(c.cx, c.cy, m.labels[i]) >= c.r - 1, `${what}: “${m.labels[i].text}” covers a marker`);
    }
    for (const other of [...m.numbers, ...m.scaleBar, ...m.northArrow, ...m.corners]) {
      assert.ok(!overlaps(m.labels[i], other), `${what}: “${m.labels[i].text}” covers the map's furniture`);
    }
    assert.ok(m.labels[i].x0 >= m.map.x0 - 1 && m.labels[i].x1 <= m.map.x1 + 1, `${what}: “${m.labels[i].text}” is inside the map`);
  }
  // The scale bar: one round length (1, 2 or 5 × 10ⁿ) in the interface's language.
  assert.equal(m.scale.length, 1, `${what}: one scale bar`);
  const s = m.scale[0].match(w.scale);
  assert.ok(s, `${what}: scale bar text “${m.scale[0]}”`);
  const metres = Number(s[1]) * (s[2] === w.km ? 1000 : 1);
  const lead = metres / 10 ** Math.floor(Math.log10(metres) + 1e-9);
  assert.ok([1, 2, 5].some((v) => Math.abs(lead - v) < 1e-9), `${what}: ${metres} m is a round length`);
  // The north arrow: a shape above the word for north, at the top of the map.
  assert.deepEqual(m.north, [w.north], `${what}: north arrow word`);
  assert.equal(m.northArrow.length, 1);
  assert.ok(m.northArrow[0].y1 <= m.northText[0].y0 + 2 && m.northArrow[0].y0 < m.map.y0 + (m.map.y1 - m.map.y0) / 4, `${what}: the arrow is above its word, near the top`);
  // Two corners with their coordinates, in the interface's language.
  assert.equal(m.corners.length, 2, `${what}: corner coordinates`);
  for (const c of m.corners) assert.match(c.text, w.corner, `${what}: corner text`);
  return metres;
}

/** Metres between two positions (haversine, the mean Earth radius). */
function haversine(lon1, lat1, lon2, lat2) {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

test("the planner's map reads as a place: numbers match the table, names, scale bar, north arrow, coordinates, downloads, print", async () => {
  const { page, problems, context } = await planDemo(ZH, { viewport: { width: 1440, height: 900 } });
  const ranks = await tableRanks(page);
  assert.equal(ranks.size, 10, "the demo plans ten sites");
  await page.locator(".map").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/newcomer-map-zh-laptop.png` });
  const m = await readMap(page);
  const metres = checkMap(m, ranks, ZH, "zh laptop");
  // At a laptop's width every chosen site is named on the map.
  assert.equal(m.labels.filter((l) => l.kind === "chosen").length, 10, `all ten named; left off: ${m.dropped}`);
  assert.ok(m.labels.filter((l) => l.kind === "canteen").every((l) => /现有食堂/.test(l.text)));

  // The scale bar against the ground: two chosen sites' positions from the exported table, their
  // distance in metres and on screen.
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: ZH.csv }).click()]);
  const rows = readFileSync(await csvDownload.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\n").slice(1).map((l) => l.split(","));
  const pos = new Map(rows.filter((r) => r[0]).map((r) => [Number(r[0]), { lon: Number(r[2]), lat: Number(r[3]) }]));
  let best = null;
  for (const a of m.chosen) for (const b of m.chosen) {
    const px = Math.hypot(a.cx - b.cx, a.cy - b.cy);
    if (!best || px > best.px) best = { px, a, b };
  }
  const pa = pos.get(best.a.rank), pb = pos.get(best.b.rank);
  const metresPerPx = haversine(pa.lon, pa.lat, pb.lon, pb.lat) / best.px;
  const bar = { x0: Math.min(...m.scaleBar.map((b) => b.x0)), x1: Math.max(...m.scaleBar.map((b) => b.x1)) };
  const barMetres = (bar.x1 - bar.x0) * metresPerPx;
  assert.ok(Math.abs(barMetres - metres) / metres < 0.03, `the scale bar says ${metres} m; on the ground it is ${barMetres.toFixed(0)} m`);
  assert.ok(bar.x1 - bar.x0 >= 40, "the bar is long enough to use");

  // The corner coordinates against a site's position: where rank 1 sits between the corners.
  const corner = (t) => { const c = t.match(ZH.corner); return { lat: Number(c[2]) * (c[1] === "南" ? -1 : 1), lon: Number(c[4]) * (c[3] === "西" ? -1 : 1) }; };
  const [tl, br] = [corner(m.corners[0].text), corner(m.corners[1].text)];
  assert.ok(tl.lat > br.lat && tl.lon < br.lon, "top-left is north-west of bottom-right");
  const one = m.chosen.find((c) => c.rank === 1), p1 = pos.get(1);
  const fx = (p1.lon - tl.lon) / (br.lon - tl.lon), fy = (tl.lat - p1.lat) / (tl.lat - br.lat);
  const expectX = m.map.x0 + fx * (m.map.x1 - m.map.x0), expectY = m.map.y0 + fy * (m.map.y1 - m.map.y0);
  assert.ok(Math.abs(expectX - one.cx) < 4 && Math.abs(expectY - one.cy) < 4, `site 1 drawn at ${one.cx.toFixed(0)},${one.cy.toFixed(0)}; corners put it at ${expectX.toFixed(0)},${expectY.toFixed(0)}`);
  assert.match(await page.locator(".map-section").innerText(), /坐标系：WGS 84 经纬度/);
  assert.match(await page.locator(".map-section .legend").innerText(), /排名/, "the legend explains the numbers");

  // Zoom in with the keyboard (three steps of 1.5: 3.4 times; round lengths are at most 2.5
  // apart): a shorter round scale, names still apart.
  await page.locator("#plan-map").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("+");
  const zoomed = await readMap(page);
  const zoomedMetres = checkMap(zoomed, ranks, ZH, "zh zoomed", { whole: false });
  assert.ok(zoomedMetres < metres, `zoomed in: ${zoomedMetres} m < ${metres} m`);
  await page.keyboard.press("0");

  // Downloads. The SVG parses and carries the title, numbers, scale, arrow, legend, attribution.
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: ZH.svg }).click()]);
  assert.match(svgDownload.suggestedFilename(), /\.svg$/);
  const svgText = readFileSync(await svgDownload.path(), "utf8");
  await svgDownload.saveAs(`${OUT_DIR}/newcomer-map-download.svg`);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const texts = [...doc.querySelectorAll("text")].map((t) => t.textContent);
    return { error: doc.querySelector("parsererror")?.textContent || null, root: doc.documentElement.localName, width: Number(doc.documentElement.getAttribute("width")), texts };
  }, svgText);
  assert.equal(parsed.error, null, "the SVG parses");
  assert.equal(parsed.root, "svg");
  assert.ok(parsed.width >= 1000);
  for (const word of [ZH.title, ZH.north, "候选地点", "现有食堂"]) assert.ok(parsed.texts.includes(word), `the SVG says “${word}”`);
  for (let n = 1; n <= 10; n++) assert.ok(parsed.texts.includes(String(n)), `the SVG has number ${n}`);
  assert.ok(parsed.texts.some((t) => ZH.scale.test(t)), "the SVG has a scale bar");
  assert.ok(parsed.texts.some((t) => /助餐/.test(t)), "the SVG has the attribution");
  assert.ok(parsed.texts.some((t) => /WGS 84/.test(t)), "the SVG names the coordinate system");
  assert.ok(parsed.texts.some((t) => ZH.corner.test(t)), "the SVG has corner coordinates");
  // The PNG, by keyboard: a real PNG of the drawn size, not an empty canvas.
  await page.getByRole("button", { name: ZH.png }).focus();
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(pngDownload.suggestedFilename(), /\.png$/);
  const png = readFileSync(await pngDownload.path());
  await pngDownload.saveAs(`${OUT_DIR}/newcomer-map-download.png`);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
  assert.equal(png.subarray(12, 16).toString("latin1"), "IHDR");
  const [pw, ph] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(pw >= 2000 && ph > pw * 0.75, `PNG ${pw}×${ph}: the map plus title and legend`);
  assert.ok(png.length > 60_000, `PNG of ${png.length} bytes: something is drawn`);

  // Accessibility of the page with the map, and nothing blocked by the CSP.
  assert.deepEqual(await axeViolations(page), []);
  assertClean(await problems());

  // The printed report: the same map with its numbers, names, scale bar and arrow; no buttons. The
  // browser says it is about to print: the map is laid out for paper (about 700 px wide), so the
  // names take a larger share of its width than on this wide screen and stay readable on paper.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await page.waitForTimeout(300);
  const printed = await readMap(page);
  checkMap(printed, ranks, ZH, "zh print");
  const share = (mm) => Math.min(...mm.labels.map((l) => l.y1 - l.y0)) / (mm.map.x1 - mm.map.x0);
  assert.ok(share(printed) > 1.3 * share(m), `names for paper: ${share(printed).toFixed(4)} of the width, on screen ${share(m).toFixed(4)}`);
  assert.equal(await page.getByRole("button", { name: ZH.svg }).isVisible(), false, "no download buttons on paper");
  assert.ok(await page.locator(".map-section .legend").isVisible(), "the legend prints");
  await page.locator(".map").screenshot({ path: `${OUT_DIR}/newcomer-map-zh-print.png` });
  // Printed: back to the screen's layout.
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.waitForTimeout(300);
  const after = await readMap(page);
  assert.ok(Math.abs(share(after) - share(m)) < 0.1 * share(m), "after printing, the screen's layout again");
  await context.close();
});

test("in English on a phone with large text: the same map in English words, still readable", async () => {
  const { page, problems, context } = await planDemo(EN, { viewport: { width: 390, height: 844 }, english: true, large: true });
  const ranks = await tableRanks(page);
  await page.locator(".map").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/newcomer-map-en-phone.png` });
  const m = await readMap(page);
  checkMap(m, ranks, EN, "en phone large");
  // The words the map writes itself are English (site names are the data's own).
  for (const t of [...m.scale, ...m.north, ...m.corners.map((c) => c.text)]) assert.doesNotMatch(t, /[\u3000-\u9fff\uff00-\uffef]/, t);
  assert.match(await page.locator(".map-section").innerText(), /Coordinates: WGS 84/);
  // Left-off names, if any, are said in English.
  if (m.dropped) assert.match(m.dropped, /^No room on the map/);
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: EN.svg }).click()]);
  const svgText = readFileSync(await svgDownload.path(), "utf8");
  assert.match(svgText, /<title>Canteen site plan<\/title>/);
  assert.doesNotMatch(svgText.replace(/候选点 ?\d*|现有食堂 ?\d*/g, ""), /[\u3000-\u9fff\uff00-\uffef]/, "no Chinese words in the English map");
  assert.deepEqual(await axeViolations(page), []);
  assertClean(await problems());
  await context.close();
});

test("extra-large text and high contrast on a laptop: bigger numbers and names, none overlapping", async () => {
  const { page, problems, context } = await planDemo(ZH, { viewport: { width: 1440, height: 900 }, large: true, extraLarge: true, contrast: true });
  const ranks = await tableRanks(page);
  await page.locator(".map").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/newcomer-map-zh-xl-contrast.png` });
  const m = await readMap(page);
  checkMap(m, ranks, ZH, "zh extra-large");
  const tall = Math.min(...m.labels.map((l) => l.y1 - l.y0));
  assert.ok(tall >= 20, `names at extra-large text are at least 20 px high (${tall.toFixed(1)})`);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(await problems());
  await context.close();
});

test("Chinese on a phone and English on a laptop: the same readable map", async () => {
  for (const [w, english, viewport, name] of [
    [ZH, false, { width: 390, height: 844 }, "zh-phone"],
    [EN, true, { width: 1440, height: 900 }, "en-laptop"],
  ]) {
    const { page, problems, context } = await planDemo(w, { viewport, english });
    const ranks = await tableRanks(page);
    await page.locator(".map").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT_DIR}/newcomer-map-${name}.png` });
    const m = await readMap(page);
    checkMap(m, ranks, w, name);
    if (!english && m.dropped) assert.match(m.dropped, /^地图上放不下这些名称/);
    assert.deepEqual(await axeViolations(page), []);
    assertClean(await problems());
    await context.close();
  }
});
