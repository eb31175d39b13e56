// Prints the size of the release bundle (raw and gzip -9) and fails when the calculator's first
// load (page + JS + wasm + CSS, gzipped) is over its budget: 300 KB (issues #5 and #17). The
// newcomer fixes of issue #11 and the language tables had taken it to 323.8 KB; issue #17 brought
// it back to about 253 KB: the policy files' own spanned TOML reader instead of the `toml` crate
// (src/core/toml.rs), one small stable sort (src/core/sort.rs), no float or Unicode-case
// formatting in the calculator (locale::one_decimal, ASCII capitals in the English advice).
// Usage: node tools/bundle-size.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] || "dist";
const kinds = { ".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html" };
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  const kind = kinds[extname(name)];
  if (!kind || !statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  rows.push({ name, kind, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
}
if (rows.length === 0) {
  console.error(`bundle-size: no .wasm/.js/.css/.html files in ${dir}`);
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
console.log("file".padEnd(44) + "raw".padStart(11) + "gzip".padStart(11));
for (const r of rows) console.log(r.name.padEnd(44) + kb(r.raw) + kb(r.gz));
for (const kind of ["wasm", "js", "css", "html"]) {
  const sel = rows.filter((r) => r.kind === kind);
  if (sel.length === 0) continue;
  const raw = sel.reduce((s, r) => s + r.raw, 0), gz = sel.reduce((s, r) => s + r.gz, 0);
  console.log(`total ${kind}`.padEnd(44) + kb(raw) + kb(gz));
}
// The planner (its page app and its worker) is fetched only when the planner is opened; the host
// helpers (zhucan-embed.js, zhucan-element.js) run in pages that embed the app, not in it.
const planner = (r) => r.name.startsWith("zhucan-worker") || r.name.startsWith("zhucan-planner");
// The policy studio (政策编辑器) likewise: fetched only when its tab is opened.
const studio = (r) => r.name.startsWith("zhucan-studio");
const hostHelper = (r) => r.name === "zhucan-embed.js" || r.name === "zhucan-element.js";
const first = rows.filter((r) => !planner(r) && !studio(r) && !hostHelper(r));
const studioRows = rows.filter(studio);
const later = rows.filter(planner);
const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);
const BUDGET_GZ = 300 * 1024;
const firstGz = sum(first, "gz");
console.log("first load (page, calculator, styles)".padEnd(44) + kb(sum(first, "raw")) + kb(firstGz));
if (later.length) console.log("planner app + worker (loaded when opened)".padEnd(44) + kb(sum(later, "raw")) + kb(sum(later, "gz")));
if (studioRows.length) console.log("policy studio (loaded when opened)".padEnd(44) + kb(sum(studioRows, "raw")) + kb(sum(studioRows, "gz")));
console.log(`budget for the first load: ${kb(BUDGET_GZ).trim()} gzip; used ${((100 * firstGz) / BUDGET_GZ).toFixed(0)} %`);
if (firstGz > BUDGET_GZ) {
  console.error(`bundle-size: the first load is ${kb(firstGz).trim()} gzip, over the ${kb(BUDGET_GZ).trim()} budget`);
  process.exit(1);
}
