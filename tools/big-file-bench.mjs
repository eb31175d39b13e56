// A planner's big file in the browser: a 200 MB demand CSV (about 5.5 million grid cells, made
// here with a fixed seed) opened, imported and planned in the release build's worker, in headless
// Chromium. Prints the time of each step and the browser's peak memory, as figures
// to watch — not a pass/fail test. Run by `./x bench`. Usage: node tools/big-file-bench.mjs [dist] [megabytes]
import { existsSync, mkdirSync, statSync, createWriteStream, readdirSync, readFileSync } from "node:fs";
import { once } from "node:events";
import { launch } from "../tests/e2e/harness.mjs";
import { startServer } from "../tests/e2e/server.mjs";
import { wasmMemories } from "./proc-memory.mjs";

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

// Memory of the Chromium this script started (its processes are the descendants of this Node
// process, so another browser on the machine is not counted), sampled every 100 ms:
// - PSS (proportional set size, /proc/PID/smaps_rollup): each shared page divided among the
//   processes sharing it, so the sum over the processes counts it once — the browser's real
//   footprint. The figure to hold to the 1 GB target.
// - RSS summed over the processes (what this bench printed before): each shared page once per
//   process that maps it, so it overstates.
// - the busiest renderer's own PSS and RSS: the page's process, where the planner's worker (and its
//   WebAssembly memory) lives.
const MB = (kb) => `${(kb / 1024).toFixed(0)} MB`;

/** Every process descended from this one: pid → its command line. */
function ours() {
  const parent = new Map();
  const cmd = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^[0-9]+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and brackets, so split after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(name), ppid);
      cmd.set(Number(name), readFileSync(`/proc/${name}/cmdline`, "utf8").split(/[\0 ]/));
    } catch {
      // The process ended while being looked at.
    }
  }
  const mine = new Map();
  for (const [pid, args] of cmd) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        if (/chrom/.test(args[0] || "")) mine.set(pid, args);
        break;
      }
    }
  }
  return mine;
}

/** A process's kind: browser, renderer, gpu-process, utility, zygote … */
const kind = (args) => (args.find((a) => a.startsWith("--type=")) || "--type=browser").slice(7);

/** PSS and RSS in kB of one process (zero if it has ended). */
function rollup(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const field = (name) => Number((text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m")) || [])[1] || 0);
    return { pss: field("Pss"), rss: field("Rss") };
  } catch {
    return { pss: 0, rss: 0 };
  }
}

/** One look at every process of ours: the sums, and the biggest renderer. */
function sample() {
  let pss = 0, rss = 0;
  let renderer = { pid: 0, pss: 0, rss: 0 };
  const each = [];
  for (const [pid, args] of ours()) {
    const m = rollup(pid);
    pss += m.pss;
    rss += m.rss;
    each.push({ pid, kind: kind(args), ...m });
    if (kind(args) === "renderer" && m.pss > renderer.pss) renderer = { pid, ...m };
  }
  return { pss, rss, renderer, each };
}

const peak = { pss: 0, rss: 0, rendererPss: 0, rendererRss: 0, wasm: 0 };
let looks = 0;
/** Once a second: seconds since the file was chosen, and the PSS of the browser process, of the renderer, and of all. */
const timeline = [];
let chosenAt = 0;
/** Each process's own peak PSS: pid → { kind, pss }. */
const peaks = new Map();
const watch = () => {
  const s = sample();
  for (const p of s.each) {
    const was = peaks.get(p.pid);
    if (!was || was.pss < p.pss) peaks.set(p.pid, { kind: p.kind, pss: p.pss });
  }
  peak.pss = Math.max(peak.pss, s.pss);
  peak.rss = Math.max(peak.rss, s.rss);
  peak.rendererPss = Math.max(peak.rendererPss, s.renderer.pss);
  peak.rendererRss = Math.max(peak.rendererRss, s.renderer.rss);
  // The full memory map is slower to read: every fifth look.
  if (looks % 5 === 0 && s.renderer.pid) peak.wasm = Math.max(peak.wasm, wasmMemories(s.renderer.pid)[0] || 0);
  if (looks % 10 === 0) {
    const browserPss = s.each.filter((p) => p.kind === "browser").reduce((a, p) => a + p.pss, 0);
    timeline.push(`${((Date.now() - chosenAt) / 1000).toFixed(0)} s ${MB(browserPss)} / ${MB(s.renderer.pss)} / ${MB(s.pss)}`);
  }
  looks++;
};
let sampler;
const peakSoFar = () => `peak so far: PSS ${MB(peak.pss)} all, renderer ${MB(peak.rendererPss)}`;

const seconds = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

await makeFile();
const bytes = statSync(file).size;
const server = await startServer({ root: dist });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  // ZHUCAN_BENCH_NO_DEVICE_COPY=1: the page cannot keep files on the device (the Cache API
  // refuses), to see what keeping the 200 MB file there costs the browser.
  if (process.env.ZHUCAN_BENCH_NO_DEVICE_COPY) {
    await context.addInitScript(() => {
      CacheStorage.prototype.open = () => Promise.reject(new Error("refused for the benchmark"));
    });
  }
  const page = await context.newPage();
  await page.goto(server.url);
  await page.click("#tab-planner");
  await page.waitForSelector("#plan-file-demand", { state: "attached" });
  console.log(`a ${(bytes / 1048576).toFixed(0)} MB demand CSV in the browser (release build, headless Chromium, ${megabytes} MB file)`);
  // The browser with the planner open (its worker started), before the file: the growth above
  // this is the file's cost.
  await page.waitForTimeout(1000);
  const atRest = sample();
  console.log(`the browser at rest, planner open: PSS ${MB(atRest.pss)} (all its processes; RSS summed ${MB(atRest.rss)}), the page's renderer PSS ${MB(atRest.renderer.pss)}`);
  for (const p of atRest.each) console.log(`  ${p.kind.padEnd(12)} pid ${String(p.pid).padEnd(8)} PSS ${MB(p.pss).padStart(7)}  RSS ${MB(p.rss).padStart(7)}`);
  const wasmAtRest = wasmMemories(atRest.renderer.pid);
  console.log(`  the renderer's WebAssembly memories at rest (resident): ${wasmAtRest.map(MB).join(", ")}`);
  sampler = setInterval(watch, 100);
  let start = Date.now();
  chosenAt = start;
  await page.setInputFiles("#plan-file-demand", file);
  await page.waitForSelector("#plan-demand-import", { timeout: 600_000 });
  console.log(`read, decoded, columns found   ${seconds(Date.now() - start)}   ${peakSoFar()}`);
  // The coordinate system must be chosen before an import.
  await page.selectOption("#plan-demand-crs", "wgs84");
  start = Date.now();
  await page.click("#plan-demand-import");
  const bar = await page.waitForSelector(".import-progress", { timeout: 600_000 }).then(() => "shown", () => "not shown");
  await page.waitForSelector("text=正在使用：demand", { timeout: 600_000 });
  console.log(`imported (every row checked)   ${seconds(Date.now() - start)}   ${peakSoFar()}   progress bar ${bar}`);
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
  watch();
  // Over the planner's limit (50 MiB), the file is not copied to the device, and the page says so.
  const kept = await page.$("#plan-persist-too-big").then((e) => (e ? "not kept on the device (over the limit; the page says so)" : "kept on the device"));
  console.log(`the file: ${kept}`);
  console.log(`peak memory during the run (sampled every 100 ms):`);
  console.log(`  PSS of all the browser's processes (shared pages once): ${MB(peak.pss)} — ${MB(peak.pss - atRest.pss)} above the browser at rest (the target: ≤ 1 GB)`);
  console.log(`  PSS of the page's renderer (the page and the planner's worker): ${MB(peak.rendererPss)} — ${MB(peak.rendererPss - atRest.renderer.pss)} above rest`);
  console.log(`  the biggest WebAssembly memory in the renderer (the planner's worker; resident pages, never given back): ${MB(peak.wasm)} (at rest ${MB(wasmAtRest[0] || 0)}; at the end ${MB(wasmMemories(atRest.renderer.pid)[0] || 0)})`);
  console.log(`  each process's own peak PSS (not at the same moment), above its PSS at rest:`);
  for (const [pid, p] of peaks) {
    const rest = atRest.each.find((q) => q.pid === pid);
    console.log(`    ${p.kind.padEnd(12)} pid ${String(pid).padEnd(8)} ${MB(p.pss).padStart(7)}  (+${MB(p.pss - (rest ? rest.pss : 0))})`);
  }
  console.log(`  once a second from the file's choice: PSS of the browser process / the renderer / all:\n    ${timeline.join("\n    ")}`);
  console.log(`  RSS summed over the processes (shared pages counted in each; the old measure): ${MB(peak.rss)} — ${MB(peak.rss - atRest.rss)} above rest; the renderer's own RSS ${MB(peak.rendererRss)}`);
  await context.close();
} finally {
  clearInterval(sampler);
  await browser.close();
  await server.close();
}
