// Walking along real streets (issue 13): a planner loads older people, a candidate site and a road
// file of a small hand-made city with a river and one bridge (tests/data/network/river/README.md,
// every figure below computed by hand there), chooses a 15-minute walk, runs, and sees fewer
// people reached across the river than in a straight line, the streets reached drawn on the map
// over the city's streets, and the legend naming the distance model; exports, saves the project,
// opens it elsewhere and reloads. axe reports nothing, in Chinese and English, laptop and phone.

import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { OUT_DIR, assertClean, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const human = { delay: 40 };
const DIR = "tests/data/network/river";

async function openPlanner({ viewport = { width: 1440, height: 900 }, english = false } = {}) {
  const handle = await openApp(env.browser, env.server.url, { viewport });
  const { page } = handle;
  if (english) await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("tab", { name: english ? "Site planner" : "选址规划" }).click();
  await page.getByRole("heading", { name: english ? "2. Settings" : "2. 设置" }).waitFor({ timeout: 30_000 });
  return handle;
}

const card = (page, title) => page.locator(".file-card").filter({ has: page.getByRole("heading", { name: title }) });

async function choose(page, cardLocator, files, label = "选择文件") {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), cardLocator.getByText(label, { exact: true }).click()]);
  await chooser.setFiles(files);
}

async function type(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill("");
  await field.pressSequentially(text, human);
}

/** A table file into its card, in WGS84. */
async function loadTable(page, title, file, rows) {
  const c = card(page, title);
  await choose(page, c, `${DIR}/${file}`);
  await c.getByLabel("坐标系").selectOption({ label: "WGS84（GPS、天地图、OpenStreetMap）" });
  await c.getByRole("button", { name: "导入", exact: true }).click();
  await c.getByText(`正在使用：${file}（${rows} 行）`).waitFor();
}

async function run(page) {
  await page.getByRole("button", { name: "开始计算" }).click();
  await page.getByRole("heading", { name: "3. 结果" }).waitFor({ timeout: 60_000 });
  await page.locator("#plan-covered").waitFor();
}

/** Every y of an SVG path's points ("M x y L x y …"). */
function ys(d) {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[2]));
}

test("a walk time along the roads of a river city: fewer people across the river, the streets reached on the map", async () => {
  const { page, problems, context } = await openPlanner();
  await loadTable(page, "老年人口", "demand.csv", 5);
  await loadTable(page, "候选地点", "candidates.csv", 1);
  await page.getByText("按步行时间（分钟）", { exact: true }).click();
  await type(page, "步行时间（分钟）", "15");
  await type(page, "新建几个点", "1");

  // Straight line × 1.3: 900 ÷ 1.3 = 692 m reaches P1–P4: 260 of 280 people (92.9 %).
  await run(page);
  assert.match(await page.locator("#plan-covered").innerText(), /覆盖了280中的260（92\.9%）/);
  assert.match(await page.locator("#plan-map-model").innerText(), /距离计算：直线距离692米/);

  // The road file: 5 walkable lines (4.8 km), the motorway bridge and the river left out.
  const roads = card(page, "道路文件（可选）");
  await choose(page, roads, `${DIR}/roads.geojson`);
  await roads.getByLabel("坐标系").selectOption({ label: "WGS84（GPS、天地图、OpenStreetMap）" });
  await roads.getByRole("button", { name: "使用这个道路文件" }).click();
  await roads.getByText("正在使用道路文件：roads.geojson（5条可步行道路，共4.8公里）").waitFor({ timeout: 30_000 });
  const report = await roads.locator("#plan-roads-report").innerText();
  assert.match(report, /路网：56个节点，55段道路，连通部分1个。/);
  assert.match(report, /1条线不可步行（高速路、禁止行人、私有道路），没有使用。/);
  assert.match(report, /1个要素不是线（点或面），没有使用。/);
  // The snap distance, with its reason, appears with the settings.
  const snap = page.getByLabel("最大接入距离（米）");
  assert.equal(await snap.getAttribute("placeholder"), "300");
  assert.match(await page.locator("#plan-max-snap-help").innerText(), /默认300米/);

  // On foot: P1 (360 m) and P4 (760 m), 130 of 280 (46.4 %); P2 and P3 are across the river.
  await run(page);
  assert.match(await page.locator("#plan-covered").innerText(), /覆盖了280中的130（46\.4%）/);
  const note = await page.locator("#plan-on-foot-note").innerText();
  assert.match(note, /距离计算：沿道路步行900米（道路文件：roads\.geojson）。/);
  assert.match(note, /5个需求点中有1个离道路超过300米，按直线距离乘绕行系数1\.3计算。/);
  assert.equal(await page.locator(".site-table tbody tr").first().locator("td").nth(6).innerText(), "260→130（−50%）");
  // The map: the city's streets, the service area instead of a circle, the legend's model.
  assert.equal(await page.locator(".map circle.service").count(), 0, "no circle when walking along the roads");
  const area = await page.locator(".map path.service-area").getAttribute("d");
  const streets = await page.locator(".map path.streets").getAttribute("d");
  assert.ok(area.length > 0 && streets.length > 0);
  // The map's origin is the demand's centre, 188 m south of the river's middle (README): the north
  // bank (50 m north of it) is 238 m north of the origin, SVG y = −238; the south bank is SVG y = −138.
  assert.ok(ys(area).every((y) => y >= -139), "the streets reached are all south of the river");
  assert.ok(ys(streets).some((y) => y <= -237), "the streets north of the river are drawn");
  const legend = await page.locator(".map-section .legend").innerText();
  assert.match(legend, /街道/);
  assert.match(legend, /步行服务范围（可达街道）/);
  assert.match(legend, /距离计算：沿道路步行900米/);
  // The site's details: straight line vs on foot.
  await page.locator(".site-table tbody tr").first().getByRole("button").click();
  const details = await page.locator(".breakdown dl").innerText();
  assert.match(details, /直线900米内老人\s*260/);
  assert.match(details, /沿道路步行可达老人\s*130/);
  assert.match(details, /因河流、铁路、围墙和绕行减少\s*50%/);
  await page.locator(".map").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/roads-zh-laptop-map.png` });
  await roads.screenshot({ path: `${OUT_DIR}/roads-zh-laptop-card.png` });
  assert.deepEqual(await axeViolations(page), []);

  // The downloaded map has the streets (grey) too.
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载地图（SVG 矢量图）" }).click()]);
  assert.match(readFileSync(await svg.path(), "utf8"), /stroke="#8a8a8a"/);

  // The export lists the site with what it reaches on foot.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出表格（CSV）" }).click()]);
  const lines = readFileSync(await csv.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\n");
  assert.equal(lines.length, 2);
  assert.match(lines[1], /^1,南岸站,/);
  assert.ok(lines[1].split(",").includes("130"), lines[1]);

  // A broken road file is refused by name; the roads in use stay.
  await choose(page, roads, { name: "坏.geojson", mimeType: "application/geo+json", buffer: Buffer.from("{\"type\":") });
  await roads.getByRole("button", { name: "使用这个道路文件" }).click();
  await roads.getByText(/道路文件坏\.geojson没有使用：不是有效的 GeoJSON 文件/).waitFor();
  assert.match(await roads.innerText(), /之前的道路文件仍在使用。/);

  // The project file carries the road file; opened in a fresh profile, the same plan on foot.
  const [project] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "保存项目文件" }).click()]);
  const json = readFileSync(await project.path(), "utf8");
  const parsed = JSON.parse(json);
  assert.deepEqual(parsed.saved.roads, ["roads.geojson", "wgs84"]);
  assert.deepEqual(parsed.data.map((d) => d.kind).sort(), ["roads", "table", "table"]);
  const other = await openPlanner();
  await other.page.setInputFiles("#plan-project-file", { name: "p.json", mimeType: "application/json", buffer: Buffer.from(json) });
  await other.page.locator("#plan-on-foot-note").waitFor({ timeout: 60_000 });
  assert.match(await other.page.locator("#plan-covered").innerText(), /覆盖了280中的130（46\.4%）/);
  assert.match(await card(other.page, "道路文件（可选）").innerText(), /正在使用道路文件：roads\.geojson/);
  // Reloaded: the work comes back from the device, roads included.
  await other.page.reload();
  await other.page.getByRole("tab", { name: "选址规划" }).click();
  await other.page.locator("#plan-on-foot-note").waitFor({ timeout: 60_000 });
  assert.match(await other.page.locator("#plan-covered").innerText(), /覆盖了280中的130（46\.4%）/);
  assertClean(await other.problems());
  await other.context.close();
  assertClean(await problems());
  await context.close();
});

test("on a phone, in English and Chinese: the road card, the walking figures and the map read well", async () => {
  for (const english of [true, false]) {
    const { page, problems, context } = await openPlanner({ viewport: { width: 390, height: 844 }, english });
    const roads = card(page, english ? "Road file (optional)" : "道路文件（可选）");
    await choose(page, roads, `${DIR}/roads.geojson`, english ? "Choose file" : "选择文件");
    await roads.getByRole("button", { name: english ? "Use this road file" : "使用这个道路文件" }).click();
    // No coordinate system chosen yet: asked for, then used.
    await roads.locator("#plan-roads-crs-error").waitFor();
    await roads.locator("#plan-roads-crs").selectOption("wgs84");
    await roads.getByRole("button", { name: english ? "Use this road file" : "使用这个道路文件" }).click();
    await roads.locator("#plan-roads-report").waitFor({ timeout: 30_000 });
    const text = await roads.innerText();
    if (english) {
      assert.match(text, /Road file in use: roads\.geojson \(5 walkable roads, 4\.8 km in all\)/);
      assert.match(text, /Network: 56 nodes, 55 road segments, connected parts: 1\./);
    } else {
      assert.match(text, /正在使用道路文件：roads\.geojson（5条可步行道路，共4\.8公里）/);
    }
    // An invalid snap distance is said at the field.
    await page.locator("#plan-max-snap").fill("abc");
    await page.locator("#plan-max-snap-error").waitFor();
    assert.equal(await page.locator("#plan-max-snap-error").innerText(), english ? "Enter a number (metres)." : "请输入数字（米）。");
    await page.locator("#plan-max-snap").fill("300");
    await roads.screenshot({ path: `${OUT_DIR}/roads-${english ? "en" : "zh"}-phone-card.png` });
    assert.deepEqual(await axeViolations(page), []);
    assertClean(await problems());
    await context.close();
  }
});

test("an OpenStreetMap extract (.osm.pbf) as the road file; a download cut short is refused and the roads in use stay", async () => {
  const { page, problems, context } = await openPlanner();
  const roads = card(page, "道路文件（可选）");
  // The Helsinki extract of tests/data/network (© OpenStreetMap contributors, ODbL): libosmium and
  // scipy, independently (tools/network-reference-pbf.py → expected-pbf.json), find 6,127 nodes,
  // 7,322 segments in 22 connected parts and 96.56 km of walkable roads.
  await choose(page, roads, "tests/data/network/helsinki.osm.pbf");
  await roads.getByLabel("坐标系").selectOption({ label: "WGS84（GPS、天地图、OpenStreetMap）" });
  await roads.getByRole("button", { name: "使用这个道路文件" }).click();
  await roads.locator("#plan-roads-report").waitFor({ timeout: 30_000 });
  let text = await roads.innerText();
  assert.match(text, /正在使用道路文件：helsinki\.osm\.pbf（\d+条可步行道路，共96\.6公里）/);
  assert.match(text, /路网：6127个节点，7322段道路，连通部分22个。/);
  // The same file cut in the middle of a block: said in words, and Helsinki's roads stay in use.
  const whole = readFileSync("tests/data/network/helsinki.osm.pbf");
  await choose(page, roads, { name: "cut.osm.pbf", mimeType: "application/octet-stream", buffer: whole.subarray(0, 300_000) });
  await roads.getByRole("button", { name: "使用这个道路文件" }).click();
  await roads.getByText(/\.osm\.pbf 文件不完整：在第 \d+ 块中途结束/).waitFor({ timeout: 30_000 });
  text = await roads.innerText();
  assert.match(text, /之前的道路文件仍在使用。/);
  assert.match(text, /路网：6127个节点，7322段道路，连通部分22个。/);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(await problems());
  await context.close();
});

test("a road file changed on disk after it was chosen: the page says to choose it again, and the roads in use stay", async () => {
  const { page, problems, context } = await openPlanner();
  const roads = card(page, "道路文件（可选）");
  // The river city's roads in use (README: 5 walkable lines).
  await choose(page, roads, `${DIR}/roads.geojson`);
  await roads.getByLabel("坐标系").selectOption({ label: "WGS84（GPS、天地图、OpenStreetMap）" });
  await roads.getByRole("button", { name: "使用这个道路文件" }).click();
  await roads.locator("#plan-roads-report").waitFor({ timeout: 30_000 });
  const before = await roads.locator("#plan-roads-report").innerText();
  // A copy chosen, then saved again by another program (QGIS, say) before "use" is pressed: the
  // browser refuses to read a file that changed after it was chosen.
  const copy = `${OUT_DIR}/roads-changed.geojson`;
  copyFileSync(`${DIR}/roads.geojson`, copy);
  await choose(page, roads, copy);
  writeFileSync(copy, readFileSync(`${DIR}/roads.geojson`, "utf8") + "\n");
  const later = new Date(Date.now() + 60_000);
  utimesSync(copy, later, later);
  await roads.getByRole("button", { name: "使用这个道路文件" }).click();
  await roads.getByText("读取道路文件时出错：文件可能在选择后被移动或修改了，请重新选择这个文件。").waitFor({ timeout: 30_000 });
  assert.match(await roads.innerText(), /之前的道路文件仍在使用。/);
  assert.equal(await roads.locator("#plan-roads-report").innerText(), before);
  assert.deepEqual(await axeViolations(page), []);
  assertClean(await problems());
  await context.close();
});

/** A table file into its card by the card's ids, in WGS84, whatever the language. */
async function loadById(page, role, file, english) {
  await page.setInputFiles(`#plan-file-${role}`, `${DIR}/${file}`);
  await page.locator(`#plan-${role}-crs`).selectOption("wgs84");
  await page.locator(`#plan-${role}-import`).click();
  await page.getByText(english ? `In use: ${file}` : `正在使用：${file}`).waitFor({ timeout: 30_000 });
}

test("the road file's water, railway and park on the map, and an existing canteen's streets on foot (zh laptop, en phone with large text)", async () => {
  for (const [english, viewport] of [[false, { width: 1440, height: 900 }], [true, { width: 390, height: 844 }]]) {
    const { page, problems, context } = await openPlanner({ viewport, english });
    if (english) await page.click("#toggle-large-text");
    await loadById(page, "demand", "demand.csv", english);
    await loadById(page, "candidates", "candidates.csv", english);
    await loadById(page, "existing", "existing.csv", english);
    // roads-map.geojson: the river city's roads, its river (a water polygon), a railway and a park
    // (README): the same 5 walkable lines; the motorway bridge and the railway not walkable.
    await page.setInputFiles("#plan-file-roads", `${DIR}/roads-map.geojson`);
    await page.locator("#plan-roads-crs").selectOption("wgs84");
    await page.locator("#plan-roads-use").click();
    await page.locator("#plan-roads-report").waitFor({ timeout: 30_000 });
    const report = await page.locator("#plan-roads-report").innerText();
    assert.match(report, english ? /2 lines are not walkable/ : /2条线不可步行/);
    await page.getByText(english ? "Walking time (minutes)" : "按步行时间（分钟）", { exact: true }).click();
    await page.fill("#plan-k", "1");
    await page.locator("#plan-run").click();
    await page.locator("#plan-on-foot-note").waitFor({ timeout: 60_000 });

    // The legend names each layer drawn, in the page's language.
    const legend = await page.locator(".map-section .legend").innerText();
    const words = english
      ? ["Streets", "Water (rivers, lakes)", "Parks", "Railways", "Existing canteens' walking service areas (streets reached)"]
      : ["街道", "水体（河流、湖泊）", "公园", "铁路", "现有食堂的步行服务范围（可达街道）"];
    for (const w of words) assert.ok(legend.includes(w), `${w} in ${legend}`);
    // The layers are on the map, under the density (in the SVG before it).
    const layers = await page.evaluate(() => {
      const svg = document.querySelector(".map svg");
      const order = [...svg.children].map((e) => e.getAttribute("class") || e.tagName);
      const d = (c) => svg.querySelector(`path.${c}`)?.getAttribute("d") || "";
      return { order, water: d("water"), parks: d("parks"), rail: d("rail"), existing: d("existing-area"), area: d("service-area") };
    });
    for (const c of ["water", "parks", "rail", "existing", "area"]) assert.ok(layers[c].length > 0, `${c} drawn`);
    const at = (c) => layers.order.findIndex((x) => x.startsWith(c));
    assert.ok(at("parks") < at("streets") && at("water") < at("streets") && at("rail") < at("streets") && at("streets") < at("density"), layers.order.join(" "));
    // The existing canteen 北岸站 walks on the north bank (SVG y ≤ −237, README) and across 西桥 to
    // the south bank; the chosen 南岸站's streets stay south of the river (y ≥ −139).
    assert.ok(ys(layers.existing).some((y) => y <= -237) && ys(layers.existing).some((y) => y >= -139));
    assert.ok(ys(layers.area).every((y) => y >= -139));
    await page.locator(".map").scrollIntoViewIfNeeded();
    await page.locator(".map-section").screenshot({ path: `${OUT_DIR}/roads-${english ? "en-phone-large" : "zh-laptop"}-basemap.png` });
    assert.deepEqual(await axeViolations(page), []);
    assertClean(await problems());
    await context.close();
  }
});
