// Walking along streets at the issue's scale, in the browser (issue 13): the release site in
// headless Chromium, through the real page and its worker. A seeded SIMULATED city: a street grid
// of 550 × 550 = 302,500 nodes (streets every 50 m over 27 km, every vertex moved up to 3 m at
// random), a river drawn across it as a water area, a railway and 400 parks (not walkable: the
// network is the grid's); 1,000,000 demand points and 5,000 candidate sites at random; a
// 15-minute walk at 60 m a minute (900 m on foot), 20 sites chosen. Prints the time to import the
// tables, to read the road file and build its network, then the plan's steps as the page shows
// them (coverage on foot: snapping and the searches from every site; scoring and choosing; the
// planning models; the map and table), the slowest basemap frame while zooming and panning, how
// long a cancel takes, and peak memory of the browser's processes.
//
// Memory: the processes started by this script (Chromium's browser, zygotes, GPU, page and worker
// renderers) found through /proc, sampled four times a second. PSS (proportional set size, from
// /proc/PID/smaps_rollup) counts a page shared by several processes once in all (split between
// them): the browser's real cost. The summed RSS counts shared pages (Chromium's code, fonts) once
// per process: an overestimate, printed for comparison with tools/big-file-bench.mjs.
//
// Issue targets: ≤ 30 s in the browser with progress and cancel, peak ≤ 1 GB; basemap ≤ 200 ms
// per frame on zoom/pan. Figures to watch, not a pass/fail test.
// Usage: node tools/network-bench.mjs [dist]   (ZHUCAN_BENCH_POINTS, ZHUCAN_BENCH_SITES to scale)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { launch } from "../tests/e2e/harness.mjs";
import { startServer } from "../tests/e2e/server.mjs";
import { wasmMemories } from "./proc-memory.mjs";

const dist = process.argv[2] || "dist";
const N = 550;
const STEP_M = 50;
const POINTS = Number(process.env.ZHUCAN_BENCH_POINTS || 1_000_000);
const SITES = Number(process.env.ZHUCAN_BENCH_SITES || 5_000);
const K = 20;
const DIR = "target/bench-data";
const roadsFile = `${DIR}/network-${N}x${N}.geojson`;
const demandFile = `${DIR}/network-demand-${POINTS}.csv`;
const sitesFile = `${DIR}/network-candidates-${SITES}.csv`;

let seed = 13;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// The planner's local projection around 113.3° E, 23.1° N (core::geo::LocalProjection).
const R = 6371008.8, LON0 = 113.3, LAT0 = 23.1, COS = Math.cos((LAT0 * Math.PI) / 180);
const lonlat = (x, y) => [+(LON0 + ((x / (R * COS)) * 180) / Math.PI).toFixed(7), +(LAT0 + ((y / R) * 180) / Math.PI).toFixed(7)];
const half = (N / 2) * STEP_M;

function makeFiles() {
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(roadsFile)) {
    const node = [];
    for (let j = 0; j < N; j++) {
      for (let i = 0; i < N; i++) node.push(lonlat((i - N / 2) * STEP_M + (random() - 0.5) * 6, (j - N / 2) * STEP_M + (random() - 0.5) * 6));
    }
    const features = [];
    const feature = (properties, type, coordinates) => ({ type: "Feature", properties, geometry: { type, coordinates } });
    for (let j = 0; j < N; j++) features.push(feature({ highway: "residential" }, "LineString", node.slice(j * N, (j + 1) * N)));
    for (let i = 0; i < N; i++) {
      const line = [];
      for (let j = 0; j < N; j++) line.push(node[j * N + i]);
      features.push(feature({ highway: "residential" }, "LineString", line));
    }
    // A river 120 m wide meandering west to east (a vertex every 100 m), a railway north to south.
    const bank = (off) => Array.from({ length: (2 * half) / 100 + 1 }, (_, k) => [-half + 100 * k, 2000 * Math.sin((-half + 100 * k) / 3000) + off]);
    const ring = [...bank(-60), ...bank(60).reverse()].map(([x, y]) => lonlat(x, y));
    ring.push(ring[0]);
    features.push(feature({ natural: "water", name: "河" }, "Polygon", [ring]));
    features.push(feature({ railway: "rail" }, "LineString", Array.from({ length: (2 * half) / 200 + 1 }, (_, k) => lonlat(3000 + 500 * Math.sin(k / 20), -half + 200 * k))));
    for (let k = 0; k < 400; k++) {
      const [x, y, s] = [(random() * 2 - 1) * half, (random() * 2 - 1) * half, 100 + random() * 400];
      const park = [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]].map(([a, b]) => lonlat(a, b));
      features.push(feature({ leisure: "park" }, "Polygon", [park]));
    }
    writeFileSync(roadsFile, JSON.stringify({ type: "FeatureCollection", features }));
  }
  if (!existsSync(demandFile)) {
    const demand = ["名称,经度,纬度,60岁以上"];
    for (let k = 0; k < POINTS; k++) demand.push(`点${k},${lonlat((random() * 2 - 1) * half, (random() * 2 - 1) * half).join(",")},${1 + Math.floor(random() * 20)}`);
    writeFileSync(demandFile, demand.join("\n") + "\n");
  }
  if (!existsSync(sitesFile)) {
    const sites = ["名称,经度,纬度"];
    for (let k = 0; k < SITES; k++) sites.push(`站${k},${lonlat((random() * 2 - 1) * half, (random() * 2 - 1) * half).join(",")}`);
    writeFileSync(sitesFile, sites.join("\n") + "\n");
  }
}

// The processes this script started (Chromium and its children), from /proc.
function descendants() {
  const children = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // The process ended meanwhile.
    }
  }
  const out = [];
  const stack = [process.pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()) || []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

/** PSS and RSS summed over Chromium's processes, kB. */
function memory() {
  let pss = 0, rss = 0;
  for (const pid of descendants()) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      pss += Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] || 0);
      rss += Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] || 0);
    } catch {
      // Ended, or not readable.
    }
  }
  return { pss, rss };
}

/** Each process's PSS by kind (browser, renderer, gpu-process …), kB, and the renderers' WebAssembly memories. */
function breakdown() {
  const kinds = new Map();
  const wasm = [];
  for (const pid of descendants()) {
    try {
      const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] || 0);
      const type = /--type=(\S+)/.exec(readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " "))?.[1] || "browser";
      kinds.set(type, (kinds.get(type) || 0) + pss);
      if (type === "renderer") wasm.push(...wasmMemories(pid));
    } catch {
      // Ended.
    }
  }
  return { kinds, wasm: wasm.sort((a, b) => b - a) };
}

const ms = (v) => `${v.toFixed(0).padStart(6)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0).padStart(5)} MB`;

let t = Date.now();
makeFiles();
console.log(`network benchmark in the browser (SIMULATED city, seeded; release site, headless Chromium)`);
console.log(`data written or reused (${roadsFile}, ${POINTS} points, ${SITES} sites) ${ms(Date.now() - t)}`);
const server = await startServer({ root: dist });
const browser = await launch();
let peak = { pss: 0, rss: 0 };
// What made the peak: the breakdown at the highest look (taken again when it rises by 5 MB).
let peakBreakdown = null;
const sample = () => {
  const m = memory();
  if (m.pss > peak.pss + 5 * 1024) peakBreakdown = breakdown();
  peak = { pss: Math.max(peak.pss, m.pss), rss: Math.max(peak.rss, m.rss) };
};
const sampler = setInterval(sample, 250);
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(server.url);
  await page.click("#tab-planner");
  await page.waitForSelector("#plan-file-demand", { state: "attached" });
  const rest = memory();
  for (const [role, file] of [["demand", demandFile], ["candidates", sitesFile]]) {
    t = Date.now();
    await page.setInputFiles(`#plan-file-${role}`, file);
    await page.waitForSelector(`#plan-${role}-crs`);
    await page.selectOption(`#plan-${role}-crs`, "wgs84");
    await page.click(`#plan-${role}-import`);
    await page.waitForSelector(`text=正在使用：${file.split("/").pop()}`);
    console.log(`${role.padEnd(10)} imported ${ms(Date.now() - t)}`);
  }
  const tablesIn = memory();
  const tablesBreakdown = breakdown();
  t = Date.now();
  await page.setInputFiles("#plan-file-roads", roadsFile);
  await page.waitForSelector("#plan-roads-crs");
  await page.selectOption("#plan-roads-crs", "wgs84");
  await page.click("#plan-roads-use");
  await page.waitForSelector("#plan-roads-report");
  const network = (await page.locator("#plan-roads-report p").nth(1).innerText()).trim();
  const phases = [["tables imported", tablesIn, tablesBreakdown], ["roads read, network built", memory(), breakdown()]];
  console.log(`road file read, network built ${ms(Date.now() - t)}   ${network}`);
  await page.getByText("按步行时间（分钟）", { exact: true }).click();
  await page.fill("#plan-k", String(K));

  // The plan: the progress bar's steps as the page shows them, timed in the page.
  const steps = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        let last = "start";
        const t0 = performance.now();
        const timer = setInterval(() => {
          const bar = document.querySelector("#plan-progress");
          const now = bar ? bar.getAttribute("value") : "done";
          if (now !== last) {
            seen.push([now, performance.now() - t0]);
            last = now;
          }
          if (now === "done" && document.querySelector("#plan-on-foot-note")) {
            clearInterval(timer);
            resolve(seen);
          }
        }, 5);
        document.querySelector("#plan-run").click();
      }),
  );
  phases.push(["plan shown", memory(), breakdown()]);
  sample();
  const planPeak = { ...peak };
  const at = Object.fromEntries(steps);
  const names = { 1: "coverage on foot (snap + search)", 2: "scoring and choosing", 3: "planning models", 4: "map and table" };
  console.log(`planned on foot: ${POINTS} points, ${SITES} candidates, 15 min, k = ${K}`);
  for (const [k, name] of Object.entries(names)) {
    const next = at[String(Number(k) + 1)] ?? at.done;
    if (at[k] !== undefined && next !== undefined) console.log(`  ${name.padEnd(34)} ${ms(next - at[k])}`);
  }
  console.log(`  ${"whole plan (click → results)".padEnd(34)} ${ms(at.done)}   (target ≤ 30,000 ms)`);
  console.log(`  ${(await page.locator("#plan-covered").innerText()).trim().split("\n")[0]}`);

  // Basemap frames: press a map button, wait for the frame after the next one (painted).
  await page.locator(".map").scrollIntoViewIfNeeded();
  const frame = (index) =>
    page.evaluate(async (index) => {
      const button = document.querySelectorAll(".map-controls button")[index];
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const count = (sel) => ((document.querySelector(sel)?.getAttribute("d") || "").match(/[ML]/g) || []).length;
      return { ms: performance.now() - t0, vertices: count(".map path.streets") + count(".map path.water") + count(".map path.parks") + count(".map path.rail") };
    }, index);
  let worst = { ms: 0 };
  // ZHUCAN_BENCH_TRACE=1: a Chromium trace of the frames, summed by event on the page's main thread.
  const tracing = Boolean(process.env.ZHUCAN_BENCH_TRACE);
  if (tracing) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "toplevel", "cc", "gpu", "viz"] });
  for (const [what, index, times] of [["zoom in", 0, 10], ["pan", 3, 5], ["zoom out", 1, 12]]) {
    const all = [];
    for (let k = 0; k < times; k++) {
      const f = await frame(index);
      all.push(`${f.ms.toFixed(0)} (${f.vertices})`);
      if (f.ms > worst.ms) worst = { ...f, what };
    }
    if (process.env.ZHUCAN_BENCH_FRAMES) console.log(`  ${what}: ms (vertices) ${all.join(", ")}`);
  }
  if (tracing) {
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const sums = new Map();
    for (const e of events) {
      if (e.ph === "X" && e.pid === main?.pid && e.tid === main?.tid && e.dur) sums.set(e.name, (sums.get(e.name) || 0) + e.dur / 1000);
    }
    const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(`  trace of the 27 frames, page main thread (ms, nested events overlap): ${top.map(([n, v]) => `${n} ${v.toFixed(0)}`).join("; ")}`);
    // Every thread's busiest top-level tasks, to see where a frame's time goes off the main thread.
    const names = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}/${e.tid}`, e.args?.name]));
    const busy = new Map();
    for (const e of events) {
      if (e.ph !== "X" || !e.dur || !["RunTask", "ThreadControllerImpl::RunTask", "TaskGraphRunner::RunTask"].includes(e.name)) continue;
      const key = names.get(`${e.pid}/${e.tid}`) || `${e.pid}/${e.tid}`;
      busy.set(key, (busy.get(key) || 0) + e.dur / 1000);
    }
    const threads = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`  busiest threads (ms in tasks): ${threads.map(([n, v]) => `${n} ${v.toFixed(0)}`).join("; ")}`);
    const other = new Map();
    for (const e of events) {
      const key = names.get(`${e.pid}/${e.tid}`);
      if (e.ph === "X" && e.dur && key && key !== "CrRendererMain" && threads.slice(0, 3).some(([n]) => n === key)) other.set(`${key}:${e.name}`, (other.get(`${key}:${e.name}`) || 0) + e.dur / 1000);
    }
    console.log(`  their events: ${[...other].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, v]) => `${n} ${v.toFixed(0)}`).join("; ")}`);
  }
  console.log(`basemap: slowest of 27 zoom/pan frames ${ms(worst.ms)} (${worst.what}, ${worst.vertices} vertices drawn; target ≤ 200 ms)`);

  phases.push(["the map's frames", memory(), breakdown()]);
  // Cancel: start the plan again and cancel it once the coverage step shows.
  await page.click("#plan-run");
  await page.waitForSelector("#plan-cancel");
  await page.waitForTimeout(1000);
  t = Date.now();
  const clicked = await page.evaluate(() => {
    const button = document.querySelector("#plan-cancel");
    button?.click();
    return Boolean(button);
  });
  if (clicked) {
    await page.waitForSelector("#plan-progress", { state: "detached" });
    console.log(`cancel 1 s into a plan: progress gone after ${ms(Date.now() - t)}`);
    // What the cancel does to memory: the cancelled worker goes (Chromium forces a busy worker
    // to stop within 2 s), a fresh one is given the data again.
    const after = [];
    for (let k = 0; k < 10; k++) {
      await page.waitForTimeout(500);
      const b = breakdown();
      after.push(`${((Date.now() - t) / 1000).toFixed(1)} s ${mb(memory().pss).trim()} [${b.wasm.filter((v) => v > 1024).map((v) => mb(v).trim()).join(", ")}]`);
    }
    console.log(`  after the cancel: PSS [WebAssembly memories] ${after.join("; ")}`);
  } else {
    console.log("cancel: the plan was done within 1 s, nothing to cancel");
  }
  sample();
  console.log(`memory of Chromium's processes (browser, GPU, page, worker): PSS (shared pages counted once)`);
  console.log(`  at rest, planner open       PSS ${mb(rest.pss)}   summed RSS ${mb(rest.rss)}`);
  console.log(`  peak up to the plan shown   PSS ${mb(planPeak.pss)}   summed RSS ${mb(planPeak.rss)}`);
  console.log(`  peak during the run         PSS ${mb(peak.pss)}   summed RSS ${mb(peak.rss)}   (target ≤ 1 GB; the map's frames and a cancel included)`);
  console.log(`  peak above the page at rest PSS ${mb(peak.pss - rest.pss)}   summed RSS ${mb(peak.rss - rest.rss)}`);
  phases.push(["a cancel, 5 s on", memory(), breakdown()]);
  if (peakBreakdown) phases.push(["(at the peak)", peak, peakBreakdown]);
  for (const [what, m, b] of phases) {
    const kinds = [...b.kinds].filter(([, v]) => v > 10 * 1024).map(([k, v]) => `${k} ${mb(v).trim()}`).join(", ");
    console.log(`  after: ${what.padEnd(29)} PSS ${mb(m.pss)}   summed RSS ${mb(m.rss)}   (by kind: ${kinds}; WebAssembly memories resident: ${b.wasm.map((v) => mb(v).trim()).join(", ")})`);
  }
  await context.close();
} finally {
  clearInterval(sampler);
  await browser.close();
  await server.close();
}
