// The street basemap of a big city in the browser: a seeded street grid of 550 × 550 = 302,500
// nodes (streets every 50 m over 27 km, every vertex moved up to 3 m at random so the lines do
// not simplify away), 2,000 demand points and 20 candidate sites, a 15-minute walk along the
// roads, in the release build. Prints the time to read the road file and build its network, to
// plan on foot, and each frame while zooming in from the whole city to street level and panning
// (click → the frame painted: two animation frames). Figures to watch, not a pass/fail test.
// Usage: node tools/streets-bench.mjs [dist]
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { launch } from "../tests/e2e/harness.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const dist = process.argv[2] || "dist";
const N = 550;
const STEP_M = 50;
const DIR = "target/bench-data";
const roadsFile = `${DIR}/streets-${N}x${N}.geojson`;

let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// The planner's local projection around 113.3° E, 23.1° N (core::geo::LocalProjection).
const R = 6371008.8, LON0 = 113.3, LAT0 = 23.1, COS = Math.cos((LAT0 * Math.PI) / 180);
const lonlat = (x, y) => [+(LON0 + ((x / (R * COS)) * 180) / Math.PI).toFixed(7), +(LAT0 + ((y / R) * 180) / Math.PI).toFixed(7)];

function makeFiles() {
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(roadsFile)) {
    // One position per grid node, shared by its east-west and north-south streets.
    const node = [];
    for (let j = 0; j < N; j++) {
      for (let i = 0; i < N; i++) node.push(lonlat((i - N / 2) * STEP_M + (random() - 0.5) * 6, (j - N / 2) * STEP_M + (random() - 0.5) * 6));
    }
    const features = [];
    for (let j = 0; j < N; j++) features.push({ type: "Feature", properties: { highway: "residential" }, geometry: { type: "LineString", coordinates: node.slice(j * N, (j + 1) * N) } });
    for (let i = 0; i < N; i++) {
      const line = [];
      for (let j = 0; j < N; j++) line.push(node[j * N + i]);
      features.push({ type: "Feature", properties: { highway: "residential" }, geometry: { type: "LineString", coordinates: line } });
    }
    writeFileSync(roadsFile, JSON.stringify({ type: "FeatureCollection", features }));
  }
  const half = (N / 2) * STEP_M;
  const demand = ["名称,经度,纬度,60岁以上"];
  for (let k = 0; k < 2000; k++) demand.push(`点${k},${lonlat((random() * 2 - 1) * half, (random() * 2 - 1) * half).join(",")},${1 + Math.floor(random() * 200)}`);
  writeFileSync(`${DIR}/streets-demand.csv`, demand.join("\n") + "\n");
  const sites = ["名称,经度,纬度"];
  for (let k = 0; k < 20; k++) sites.push(`站${k},${lonlat((random() * 2 - 1) * half * 0.5, (random() * 2 - 1) * half * 0.5).join(",")}`);
  writeFileSync(`${DIR}/streets-candidates.csv`, sites.join("\n") + "\n");
}

const ms = (v) => `${v.toFixed(0).padStart(5)} ms`;

makeFiles();
const server = await startServer({ root: dist });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.click("#tab-planner");
  await page.waitForSelector("#plan-file-demand", { state: "attached" });
  for (const [role, file] of [["demand", "streets-demand.csv"], ["candidates", "streets-candidates.csv"]]) {
    await page.setInputFiles(`#plan-file-${role}`, `${DIR}/${file}`);
    await page.waitForSelector(`#plan-${role}-crs`);
    await page.selectOption(`#plan-${role}-crs`, "wgs84");
    await page.click(`#plan-${role}-import`);
    await page.waitForSelector(`text=正在使用：${file}`, { timeout: 60_000 });
  }
  let start = Date.now();
  await page.setInputFiles("#plan-file-roads", roadsFile);
  await page.waitForSelector("#plan-roads-crs");
  await page.selectOption("#plan-roads-crs", "wgs84");
  await page.click("#plan-roads-use");
  await page.waitForSelector("#plan-roads-report", { timeout: 600_000 });
  console.log(`a street grid of ${N * N} nodes in the browser (release build, headless Chromium)`);
  console.log(`road file read, network built   ${ms(Date.now() - start)}   ${(await page.locator("#plan-roads-report p").nth(1).innerText()).trim()}`);
  await page.getByText("按步行时间（分钟）", { exact: true }).click();
  await page.fill("#plan-k", "5");
  start = Date.now();
  await page.click("#plan-run");
  await page.waitForSelector("#plan-on-foot-note", { timeout: 600_000 });
  console.log(`planned on foot (20 sites, k = 5, 15 min) ${ms(Date.now() - start)}`);
  // One frame: press a map button, wait for the frame after the next one (painted).
  const frame = (label) =>
    page.evaluate(async (label) => {
      const button = [...document.querySelectorAll(".map-controls button")].find((b) => b.getAttribute("aria-label") === label || b.textContent === label);
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const d = document.querySelector(".map path.streets")?.getAttribute("d") || "";
      return { ms: performance.now() - t0, vertices: (d.match(/[ML]/g) || []).length };
    }, label);
  const zoomIn = await page.locator(".map-controls button").nth(0).getAttribute("aria-label");
  const right = await page.locator(".map-controls button").nth(3).getAttribute("aria-label");
  const zoomOut = await page.locator(".map-controls button").nth(1).getAttribute("aria-label");
  let worst = 0;
  for (const [what, label, times] of [["zoom in", zoomIn, 10], ["pan", right, 5], ["zoom out", zoomOut, 10]]) {
    for (let k = 0; k < times; k++) {
      const f = await frame(label);
      worst = Math.max(worst, f.ms);
      console.log(`${what.padEnd(8)} ${ms(f.ms)}   ${String(f.vertices).padStart(7)} street vertices drawn`);
    }
  }
  console.log(`slowest frame: ${ms(worst)} (budget 200 ms)`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
