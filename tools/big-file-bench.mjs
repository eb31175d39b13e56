// A planner's big file in the browser: a 200 MB demand CSV (about 5.5 million grid cells, made
// here with a fixed seed) opened, imported and planned in the release build's worker, in headless
// Chromium. Prints the time of each step and the browser's peak memory, as figures
// to watch — not a pass/fail test. Run by `./x bench`. Usage: node tools/big-file-bench.mjs [dist] [megabytes]
import { existsSync, mkdirSync, statSync, createWriteStream } from "node:fs";
import { once } from "node:events";
import { execSync } from "node:child_process";
import { launch } from "../tests/e2e/harness.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const dist = process.argv[2] || "dist";
const megabytes = Number(process.argv[3] || 200);
const file = `target/bench-data/demand-${megabytes}mb.csv`;

/** A deterministic CSV of grid cells around Guangzhou, `megabytes` long (mulberry32 numbers). */
async function makeFile() {
  if (existsSync(file) && statSync(file).size >= megabytes * 1048576) return;
  mkdirSync("target/bench-data", { recursive: true });
  let seed = 1;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = createWriteStream(file);
  out.write("名称,经度,纬度,60岁以上,80岁以上\n");
  let size = 0;
  for (let n = 0; size < megabytes * 1048576; ) {
    let chunk = "";
    for (let i = 0; i < 10000; i++, n++) {
      chunk += `格${n},${(113 + random() * 0.8).toFixed(6)},${(22.8 + random() * 0.6).toFixed(6)},${Math.floor(random() * 400)},${Math.floor(random() * 60)}\n`;
    }
    size += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

// Peak resident memory of every Chromium process (browser, page, worker), sampled twice a second:
// the worker's WebAssembly memory is in its renderer process.
let peak = 0;
const rss = () => {
  try {
    return execSync("ps -C chromium -o rss=", { encoding: "utf8" }).split("\n").reduce((s, l) => s + (Number(l) || 0), 0);
  } catch {
    return 0;
  }
};
const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 500);

const seconds = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

await makeFile();
const bytes = statSync(file).size;
const server = await startServer({ root: dist });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.click("#tab-planner");
  await page.waitForSelector("#plan-file-demand", { state: "attached" });
  console.log(`a ${(bytes / 1048576).toFixed(0)} MB demand CSV in the browser (release build, headless Chromium, ${megabytes} MB file)`);
  // The browser with the planner open, before the file: the sum of its processes' resident
  // memory counts shared pages once per process, so the growth above this is the file's cost.
  const atRest = rss();
  console.log(`the browser at rest, planner open: ${(atRest / 1024).toFixed(0)} MB`);
  let start = Date.now();
  await page.setInputFiles("#plan-file-demand", file);
  await page.waitForSelector("#plan-demand-import", { timeout: 600_000 });
  console.log(`read, decoded, columns found   ${seconds(Date.now() - start)}   peak so far ${(peak / 1024).toFixed(0)} MB`);
  // The coordinate system must be chosen before an import.
  await page.selectOption("#plan-demand-crs", "wgs84");
  start = Date.now();
  await page.click("#plan-demand-import");
  const bar = await page.waitForSelector(".import-progress", { timeout: 600_000 }).then(() => "shown", () => "not shown");
  await page.waitForSelector("text=正在使用：demand", { timeout: 600_000 });
  console.log(`imported (every row checked)   ${seconds(Date.now() - start)}   peak so far ${(peak / 1024).toFixed(0)} MB   progress bar ${bar}`);
  await page.setInputFiles("#plan-file-candidates", "static/samples/candidates.csv");
  await page.waitForSelector("#plan-candidates-import");
  await page.selectOption("#plan-candidates-crs", "wgs84");
  await page.click("#plan-candidates-import");
  await page.waitForSelector("text=正在使用：candidates.csv", { timeout: 60_000 });
  await page.fill("#plan-k", "5");
  start = Date.now();
  await page.click("#plan-run");
  await page.waitForSelector("#plan-covered", { timeout: 600_000 });
  console.log(`planned (30 candidates, k = 5) ${seconds(Date.now() - start)}`);
  clearInterval(sampler);
  console.log(`peak memory of all Chromium processes during the run: ${(peak / 1024).toFixed(0)} MB (${((peak - atRest) / 1024).toFixed(0)} MB above the browser at rest)`);
  await context.close();
} finally {
  clearInterval(sampler);
  await browser.close();
  await server.close();
}
