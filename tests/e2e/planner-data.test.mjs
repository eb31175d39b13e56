// The data planners really have (issue 14): a population raster (WorldPop's GeoTIFF) as demand, a
// 高德 POI export as candidates, a workbook whose second sheet is the one wanted, and a district
// boundary that leaves some points out — loaded by clicking the labels a planner sees, planned, and
// read back from the screen and the exports. Expected figures are worked out by hand in the
// comments from tests/data/raster/README.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { OUT_DIR, assertClean, axeViolations, openApp, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const human = { delay: 60 };
const RASTER = "tests/data/raster/handmade-4x3.tif";
const PROJECTED = "tests/data/raster/austrian_capitals_model_tie_point_and_pixel_scale_pixel_is_area.tif";

// tests/data/raster/README.md: 4 × 3 cells of 0.01° from 113.00° E, 23.05° N, row by row
// 1, 2, nodata, 4 / 5, −6, 0, 8 / 9, 10, 11, 12. People: 1 + 2 + 4 + 5 + 8 + 9 + 10 + 11 + 12 = 62
// in 9 cells; skipped: 1 no-data, 1 negative (−6), 1 empty (0); 12 cells read.
//
// Three candidate sites, as 高德 exports them (one `location` column, "lng,lat", GCJ-02). In
// WGS84 they stand on cell corners: 和平社区长者饭堂 (113.03, 23.03) between the cells 8, 0, 11,
// 12; 东风街党群服务中心 (113.01, 23.03) between 5, −6, 9, 10; 幸福里活动室 (113.01, 23.04) between
// 1, 2, 5, −6. Their GCJ-02 positions are tools/sample-reference.py's wgs_to_gcj of those corners,
// rounded to 6 decimals (gcj_to_wgs brings them back within 6 cm). A corner is 756 m from each of
// its four cell centres (512 m east-west, 556 m north-south) and at least 1,632 m from any other,
// so at 800 m: 和平 reaches 8 + 11 + 12 = 31 people, 东风 5 + 9 + 10 = 24, 幸福里 1 + 2 + 5 = 8.
const POI = [
  "id,name,type,address,location,pname,cityname,adname",
  "B0FFA1,和平社区长者饭堂,生活服务;社会福利,和平路1号,\"113.035366,23.027363\",广东省,广州市,示例区",
  "B0FFA2,东风街党群服务中心,政府机构,东风路8号,\"113.015299,23.027306\",广东省,广州市,示例区",
  "B0FFA3,幸福里活动室,生活服务,幸福里3号,\"113.015299,23.03731\",广东省,广州市,示例区",
].join("\n") + "\n";

// The raster's rectangle as a 街道 with two holes: one around 幸福里活动室 (113.007–113.013 ×
// 23.037–23.043; no cell centre in it) and one around the centre of the cell of 8 people (113.035,
// 23.035). Outside: 1 of 9 demand points (8 people) and 1 of 3 candidates (幸福里活动室).
const BOUNDARY = JSON.stringify({
  type: "FeatureCollection",
  features: [{
    type: "Feature",
    properties: { name: "示例街道", adcode: "440106001" },
    geometry: {
      type: "Polygon",
      coordinates: [
        [[113.0, 23.02], [113.04, 23.02], [113.04, 23.05], [113.0, 23.05], [113.0, 23.02]],
        [[113.007, 23.037], [113.013, 23.037], [113.013, 23.043], [113.007, 23.043], [113.007, 23.037]],
        [[113.032, 23.032], [113.038, 23.032], [113.038, 23.038], [113.032, 23.038], [113.032, 23.032]],
      ],
    },
  }],
});

/** Opens the app (optionally in English) and the planner tab by its visible name. */
async function openPlanner({ viewport = { width: 1440, height: 900 }, english = false } = {}) {
  const handle = await openApp(env.browser, env.server.url, { viewport });
  const { page } = handle;
  if (english) await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("tab", { name: english ? "Site planner" : "选址规划" }).click();
  await page.getByRole("heading", { name: english ? "2. Settings" : "2. 设置" }).waitFor({ timeout: 30_000 });
  return handle;
}

const card = (page, title) => page.locator(".file-card").filter({ has: page.getByRole("heading", { name: title }) });

/** Clicks a card's visible "choose file" label and gives the file chooser `files`. */
async function choose(page, cardLocator, files, label = "选择文件") {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), cardLocator.getByText(label, { exact: true }).click()]);
  await chooser.setFiles(files);
}

/** Types into a field by its label, as a person does (select all, then type). */
async function type(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill("");
  await field.pressSequentially(text, human);
}

/** Loads the raster as demand (by its labels), after setting the radius to 800 m. */
async function loadRaster(page) {
  await type(page, "服务半径（米）", "800");
  const demand = card(page, "老年人口");
  await choose(page, demand, RASTER);
  await demand.getByText("已选择1个人口栅格文件").waitFor();
  assert.equal(await demand.getByLabel("handmade-4x3.tif").inputValue(), "people", "counted as older people unless told");
  await demand.getByRole("button", { name: "导入", exact: true }).click();
  await demand.getByText("正在使用：1个栅格文件，9个有人的格子").waitFor();
  return demand;
}

/** Loads the 高德 POI export as candidates: its location column, GCJ-02 chosen by its label. */
async function loadPoi(page) {
  const sites = card(page, "候选地点");
  await choose(page, sites, { name: "高德POI导出.csv", mimeType: "text/csv", buffer: Buffer.from(POI) });
  const lonlat = sites.getByLabel("经纬度在同一列（如 113.26,23.13）");
  await lonlat.waitFor();
  assert.equal(await lonlat.locator("option:checked").innerText(), "location", "高德's location column is recognised");
  await sites.getByLabel("坐标系").selectOption({ label: "GCJ-02（高德、腾讯地图）" });
  await sites.getByRole("button", { name: "导入", exact: true }).click();
  await sites.getByText("正在使用：高德POI导出.csv（3 行）").waitFor();
  return sites;
}

test("a GeoTIFF as demand and a 高德 POI export as candidates: read, reported, planned, exported", async () => {
  const { page, problems, context } = await openPlanner();
  const demand = await loadRaster(page);
  // No candidates yet: the whole file, and what it holds.
  let text = await demand.innerText();
  assert.match(text, /读取范围：整个文件（东经113\.000°至113\.040°，北纬23\.020°至23\.050°）/);
  assert.match(text, /读取了12个格子：9个有人，共62人。/);
  assert.match(text, /跳过的格子：无数据1个，负数1个，0人1个。/);

  await loadPoi(page);
  // Read again around the candidates: their WGS84 extent 113.01–113.03 × 23.03–23.04 widened by
  // 800 m: 800 / 6,371,008.8 rad = 0.00719° north and south, 0.00719° / cos 23.04° = 0.00782°
  // east and west: 113.002–113.038 × 23.023–23.047, still every cell of the raster.
  await demand.getByText(/读取范围：候选地点周围800米以内/).waitFor();
  text = await demand.innerText();
  assert.match(text, /候选地点周围800米以内（东经113\.002°至113\.038°，北纬23\.023°至23\.047°）/);
  assert.match(text, /读取了12个格子：9个有人，共62人。/);

  await type(page, "新建几个点", "2");
  await page.getByRole("button", { name: "开始计算" }).click();
  await page.getByRole("heading", { name: "3. 结果" }).waitFor({ timeout: 60_000 });
  // 和平 (31) and 东风 (24): 55 of 62 = 88.7 %; no other two do better (和平 + 幸福里 = 39).
  assert.match(await page.locator("#plan-covered").innerText(), /覆盖了62中的55（88\.7%）/);
  // The search after the run ends first (issue 15: until then the line rises, "still searching").
  await page.waitForSelector("#plan-stop-search", { state: "hidden", timeout: 60_000 });
  assert.match(await page.locator("#plan-bound").innerText(), /这已经是最好的方案/);
  const rows = await page.locator(".site-table tbody tr.chosen-row").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th")?.innerText.trim(), tr.querySelector("td:nth-child(3)")?.innerText.trim()]));
  assert.deepEqual(rows.map((r) => r[0]), ["和平社区长者饭堂", "东风街党群服务中心"]);
  const conditions = await page.locator(".plan-conditions").innerText();
  assert.match(conditions, /老年人口：handmade-4x3\.tif（9条，坐标系WGS84）/);
  assert.match(conditions, /候选地点：高德POI导出\.csv（3条，坐标系GCJ-02）/);

  // The export keeps the POI file's own GCJ-02 positions.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出表格（CSV）" }).click()]);
  const lines = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\n");
  assert.match(lines[0], /^排名,名称,经度\(GCJ-02\),纬度\(GCJ-02\),/);
  const first = lines[1].split(",");
  assert.deepEqual(first.slice(0, 4), ["1", "和平社区长者饭堂", "113.035366", "23.027363"]);
  await page.locator(".map").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/planner-data-zh-laptop-result.png` });
  await page.locator(".planner .form-section").first().screenshot({ path: `${OUT_DIR}/planner-data-zh-laptop-cards.png` });
  assert.deepEqual(await axeViolations(page), []);

  // After a reload the raster and the POI file are back, and so is the plan.
  await page.reload();
  await page.getByRole("tab", { name: "选址规划" }).click();
  await page.locator("#plan-covered").waitFor({ timeout: 60_000 });
  assert.match(await page.locator("#plan-covered").innerText(), /覆盖了62中的55（88\.7%）/);
  assert.match(await card(page, "老年人口").innerText(), /正在使用：1个栅格文件，9个有人的格子/);
  assertClean(await problems());
  await context.close();
});

test("several rasters add up, one can be the extra weight, and a projected or damaged raster is named in both languages", async () => {
  const { page, problems, context } = await openPlanner();
  const demand = card(page, "老年人口");
  // WorldPop ships one file per age band and sex: here the same grid twice, as women and men.
  const bytes = readFileSync(RASTER);
  await choose(page, demand, [
    { name: "chn_f_60_2020.tif", mimeType: "image/tiff", buffer: bytes },
    { name: "chn_m_60_2020.tif", mimeType: "image/tiff", buffer: bytes },
  ]);
  await demand.getByText("已选择2个人口栅格文件").waitFor();
  await demand.getByRole("button", { name: "导入", exact: true }).click();
  // 62 + 62 = 124 people in the same 9 cells; 2 × 12 cells read.
  await demand.getByText("读取了24个格子：9个有人，共124人。").waitFor();
  // Again, the men's file kept as the extra weight "80岁以上" (its default name).
  await choose(page, demand, [
    { name: "chn_f_60_2020.tif", mimeType: "image/tiff", buffer: bytes },
    { name: "chn_m_80_2020.tif", mimeType: "image/tiff", buffer: bytes },
  ]);
  await demand.getByLabel("chn_m_80_2020.tif").selectOption({ label: "额外权重（如80岁以上）" });
  assert.equal(await demand.getByLabel("额外权重的名称").inputValue(), "80岁以上");
  await demand.getByRole("button", { name: "导入", exact: true }).click();
  await demand.getByText("额外权重“80岁以上”：共62人。").waitFor();
  assert.match(await demand.innerText(), /共62人。/);
  // The extra weight can be weighted in the settings.
  await page.getByLabel("每人额外权重：80岁以上").waitFor();

  // A projected GeoTIFF (EPSG:3035, metres): refused by name, the rasters in use stay.
  await choose(page, demand, PROJECTED);
  await demand.getByRole("button", { name: "导入", exact: true }).click();
  const alert = demand.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /austrian_capitals.*没有读取：这个栅格的坐标系是EPSG:3035，不是经纬度（WGS84，EPSG:4326）。请先在GIS软件里转换到EPSG:4326。/s);
  assert.match(await alert.innerText(), /仍在使用之前读取的格子。/);
  // A damaged one (cut short).
  await choose(page, demand, { name: "cut.tif", mimeType: "image/tiff", buffer: bytes.subarray(0, 200) });
  await demand.getByRole("button", { name: "导入", exact: true }).click();
  await demand.getByText(/cut\.tif 没有读取：栅格文件已损坏或不完整/).waitFor();
  // A raster and a table together: not mixed.
  await choose(page, demand, [
    { name: "a.tif", mimeType: "image/tiff", buffer: bytes },
    { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("经度,纬度,人数\n113,23,1\n") },
  ]);
  await demand.getByText("一次选多个文件时，只能都是人口栅格（.tif、.asc、.xyz）；表格文件请一次选一个。").waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // In English: the same refusal in English words.
  await page.getByRole("button", { name: "English" }).click();
  const en = card(page, "Older population");
  await choose(page, en, PROJECTED, "Choose file");
  await en.getByRole("button", { name: "Import", exact: true }).click();
  await en.getByText(/was not read: This raster is in EPSG:3035, not longitude\/latitude \(WGS84, EPSG:4326\)\./).waitFor();
  assert.match(await en.innerText(), /The cells read before are still in use\./);
  assertClean(await problems());
  await context.close();
});

test("a district boundary leaves out the points outside it and says how many", async () => {
  const { page, problems, context } = await openPlanner();
  await loadRaster(page);
  await loadPoi(page);
  const area = card(page, "研究范围边界（可选）");
  await choose(page, area, { name: "示例街道.geojson", mimeType: "application/geo+json", buffer: Buffer.from(BOUNDARY) });
  await area.getByLabel("坐标系").selectOption({ label: "WGS84（GPS、天地图、OpenStreetMap）" });
  await area.getByRole("button", { name: "使用这个边界" }).click();
  await area.getByText("正在使用边界：示例街道.geojson（示例街道）").waitFor();
  assert.equal(await area.locator("#plan-boundary-demand-outside").innerText(), "边界外的老年人口：1个点（共9个），8人，不参与计算。");
  assert.equal(await area.locator("#plan-boundary-candidates-outside").innerText(), "边界外的候选地点：1个（共3个）：幸福里活动室，不参与计算。");
  // The raster is read in the boundary's rectangle now: the same 12 cells.
  assert.match(await card(page, "老年人口").innerText(), /读取范围：研究范围边界（东经113\.000°至113\.040°，北纬23\.020°至23\.050°）/);

  await type(page, "新建几个点", "2");
  await page.getByRole("button", { name: "开始计算" }).click();
  await page.getByRole("heading", { name: "3. 结果" }).waitFor({ timeout: 60_000 });
  // Inside: 62 − 8 = 54 people. 和平 now reaches 11 + 12 = 23, 东风 5 + 9 + 10 = 24: 47 of 54 = 87.0 %.
  assert.match(await page.locator("#plan-covered").innerText(), /覆盖了54中的47（87\.0%）/);
  assert.equal(await page.locator(".site-table tbody tr").count(), 2, "幸福里活动室 is left out");
  assert.match(await page.locator(".plan-conditions").innerText(), /研究范围\s*示例街道\.geojson（示例街道）；边界外的1个人口点（8人）和1个候选地点未参与计算/);
  const outline = await page.locator(".map path.study-area").getAttribute("d");
  assert.equal((outline.match(/M/g) || []).length, 3, "the outer ring and the two holes are drawn");
  assert.match(await page.locator(".map-section .legend").innerText(), /研究范围边界/);
  // The downloaded map has the outline too.
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载地图（SVG 矢量图）" }).click()]);
  assert.match(readFileSync(await svg.path(), "utf8"), /stroke="#6a2c91"/);
  await page.locator(".map").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT_DIR}/planner-data-zh-laptop-boundary.png` });
  assert.deepEqual(await axeViolations(page), []);

  // The project file carries the raster and the boundary; opened in a fresh profile, the same plan.
  const [project] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "保存项目文件" }).click()]);
  const json = readFileSync(await project.path(), "utf8");
  const parsed = JSON.parse(json);
  assert.equal(parsed.version, 2);
  assert.deepEqual(parsed.saved.rasters, [["handmade-4x3.tif", false]]);
  assert.deepEqual(parsed.saved.boundary, ["示例街道.geojson", "wgs84"]);
  assert.deepEqual(parsed.data.map((d) => d.kind).sort(), ["boundary", "raster", "table"]);
  const other = await openPlanner();
  await other.page.setInputFiles("#plan-project-file", { name: "p.json", mimeType: "application/json", buffer: Buffer.from(json) });
  await other.page.locator("#plan-covered").waitFor({ timeout: 60_000 });
  assert.match(await other.page.locator("#plan-covered").innerText(), /覆盖了54中的47（87\.0%）/);
  assert.match(await card(other.page, "研究范围边界（可选）").innerText(), /边界外的老年人口：1个点（共9个），8人/);
  assertClean(await other.problems());
  await other.context.close();
  assertClean(await problems());
  await context.close();
});

/** CRC-32 (IEEE), for the ZIP container below. */
function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A ZIP archive of `files` ({ name: text }), deflated, as Excel writes an .xlsx. */
function zip(files) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8"), packed = deflateRawSync(data), nameBytes = Buffer.from(name, "utf8");
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0x0800, 6); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A worksheet of rows (strings inline, numbers as numbers). */
function sheet(rows) {
  const cols = "ABCDEFGH";
  const cells = rows.map((row, r) => `<row r="${r + 1}">` + row.map((v, c) => {
    const ref = `${cols[c]}${r + 1}`;
    return typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  }).join("") + "</row>").join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;
}

/** A workbook of two sheets with data: 街道A (two sites), then 街道B (three). */
function twoSheetWorkbook() {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return zip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ct}.worksheet+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="街道A" sheetId="1" r:id="rId1"/><sheet name="街道B" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet([["名称", "经度", "纬度"], ["甲站", 113.01, 23.03], ["乙站", 113.02, 23.03]]),
    "xl/worksheets/sheet2.xml": sheet([["站点名称", "经度", "纬度"], ["丙站", 113.01, 23.04], ["丁站", 113.02, 23.04], ["戊站", 113.03, 23.04]]),
  });
}

test("a workbook with two sheets: the planner picks the second, and the choice survives a reload and a project file", async () => {
  const { page, problems, context } = await openPlanner();
  const sites = card(page, "候选地点");
  await choose(page, sites, { name: "两个街道.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: twoSheetWorkbook() });
  const choice = sites.getByLabel("工作表");
  await choice.waitFor();
  assert.match(await sites.innerText(), /这个工作簿有2个有数据的工作表，请选择要导入的一个。/);
  assert.equal(await choice.inputValue(), "街道A", "the first sheet with data is read first");
  assert.deepEqual(await choice.locator("option").allInnerTexts(), ["街道A", "街道B"]);
  await choice.selectOption({ label: "街道B" });
  // Read again: the second sheet's columns.
  await sites.getByLabel("名称", { exact: true }).locator("option:checked", { hasText: "站点名称" }).waitFor({ state: "attached" });
  assert.equal(await sites.getByLabel("工作表").inputValue(), "街道B");
  await sites.getByLabel("坐标系").selectOption({ label: "WGS84（GPS、天地图、OpenStreetMap）" });
  await sites.screenshot({ path: `${OUT_DIR}/planner-data-zh-laptop-sheets.png` });
  assert.deepEqual(await axeViolations(page), []);
  await sites.getByRole("button", { name: "导入", exact: true }).click();
  await sites.getByText("正在使用：两个街道.xlsx（3 行）").waitFor();
  assert.match(await sites.innerText(), /读取的工作表：街道B/);

  // The project file names the sheet; a reload reads the same sheet again.
  const [project] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "保存项目文件" }).click()]);
  assert.deepEqual(JSON.parse(readFileSync(await project.path(), "utf8")).saved.sheets, [["Candidates", "街道B"]]);
  await page.reload();
  await page.getByRole("tab", { name: "选址规划" }).click();
  await card(page, "候选地点").getByText("正在使用：两个街道.xlsx（3 行）").waitFor({ timeout: 30_000 });
  assert.match(await card(page, "候选地点").innerText(), /读取的工作表：街道B/);
  assertClean(await problems());
  await context.close();
});

test("on a phone, in Chinese and in English: the raster and boundary cards read well", async () => {
  for (const english of [false, true]) {
    const { page, problems, context } = await openPlanner({ viewport: { width: 390, height: 844 }, english });
    const w = english
      ? { demand: "Older population", choose: "Choose file", import: "Import", area: "Study-area boundary (optional)", use: "Use this boundary", wgs: "WGS84 (GPS, Tianditu, OpenStreetMap)" }
      : { demand: "老年人口", choose: "选择文件", import: "导入", area: "研究范围边界（可选）", use: "使用这个边界", wgs: "WGS84（GPS、天地图、OpenStreetMap）" };
    const demand = card(page, w.demand);
    const bytes = readFileSync(RASTER);
    await choose(page, demand, [
      { name: "chn_f_60_2020.tif", mimeType: "image/tiff", buffer: bytes },
      { name: "chn_f_80_2020.tif", mimeType: "image/tiff", buffer: bytes },
    ], w.choose);
    await demand.getByLabel("chn_f_80_2020.tif").selectOption("extra");
    await demand.screenshot({ path: `${OUT_DIR}/planner-data-${english ? "en" : "zh"}-phone-raster-step.png` });
    await demand.getByRole("button", { name: w.import, exact: true }).click();
    await demand.locator(".raster-report").waitFor();
    const report = await demand.locator(".raster-report").innerText();
    if (english) {
      assert.match(report, /24 cells read: 9 with people, 62 people in all\./);
      assert.match(report, /Cells skipped: 2 no data, 2 negative, 2 with nobody\./);
      assert.match(report, /Extra weight “80\+”: 62 people in all\./);
      assert.doesNotMatch(report, /[\u4e00-\u9fff]/, "no Chinese in the English card");
    } else {
      assert.match(report, /读取了24个格子：9个有人，共62人。/);
      assert.match(report, /额外权重“80岁以上”：共62人。/);
      assert.doesNotMatch(report.replace(/chn_f_\d+_2020\.tif|EPSG:\d+|WGS84/g, ""), /[A-Za-z]/, "no English in the Chinese card");
    }
    const area = card(page, w.area);
    await choose(page, area, { name: "area.geojson", mimeType: "application/geo+json", buffer: Buffer.from(BOUNDARY) }, w.choose);
    await area.getByLabel(english ? "Coordinate system" : "坐标系").selectOption({ label: w.wgs });
    await area.getByRole("button", { name: w.use }).click();
    await area.locator("#plan-boundary-demand-outside").waitFor();
    await demand.screenshot({ path: `${OUT_DIR}/planner-data-${english ? "en" : "zh"}-phone-raster.png` });
    await area.screenshot({ path: `${OUT_DIR}/planner-data-${english ? "en" : "zh"}-phone-boundary.png` });
    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axeViolations(page), []);
    assertClean(await problems());
    await context.close();
  }
});

test("a demand file over 50 MB is not kept on the device: the page says so, and again after a reload", async () => {
  // Rows like "格7,113.000007,23.000007,10" (26 bytes and up) until the file passes 52,428,800
  // bytes (50 MiB, the biggest file kept): a file chooser path, since Playwright refuses buffers
  // over 50 MB.
  const path = `${OUT_DIR}/over-50mb-demand.csv`;
  const parts = ["名称,经度,纬度,60岁以上\n"];
  let size = Buffer.byteLength(parts[0]);
  for (let i = 0; size <= 52_428_800 + 1_000_000; i++) {
    const line = `格${i},113.${String(i % 1_000_000).padStart(6, "0")},23.${String((i * 7) % 1_000_000).padStart(6, "0")},10\n`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  writeFileSync(path, parts.join(""));
  const { page, problems, context } = await openPlanner();
  const demand = card(page, "老年人口");
  await choose(page, demand, path);
  await demand.getByLabel("坐标系").selectOption({ label: "WGS84（GPS、天地图、OpenStreetMap）" });
  await demand.getByRole("button", { name: "导入", exact: true }).click();
  await demand.getByText("正在使用：over-50mb-demand.csv").waitFor({ timeout: 60_000 });
  const note = "这个文件太大（超过50 MB），不在本机保存；重新打开页面后请再选一次。设置和列的对应关系仍然保存。";
  await page.getByText(note).waitFor();
  // Not the browser's refusal: the browser keeps the other files and the settings.
  assert.equal(await page.getByText("浏览器不允许保存数据").count(), 0);
  await page.reload();
  await page.getByRole("tab", { name: "选址规划" }).click();
  await page.getByText(note).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByText("浏览器不允许保存数据").count(), 0);
  assert.doesNotMatch(await card(page, "老年人口").innerText(), /正在使用：over-50mb-demand\.csv/, "the file is asked for again");
  assertClean(await problems());
  await context.close();
  rmSync(path);
});
