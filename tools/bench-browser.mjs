// Runs a wasm benchmark module in headless Chromium and prints its figures.
// Usage: node tools/bench-browser.mjs <dir with zhucan-bench-web.js> [people]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "../tests/e2e/harness.mjs";
import { startServer } from "../tests/e2e/server.mjs";

const dir = process.argv[2];
const people = Number(process.argv[3] || 100000);
writeFileSync(join(dir, "index.html"), "<!DOCTYPE html><title>zhucan bench</title>\n");
const server = await startServer({ root: dir });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const json = await page.evaluate(async (n) => {
    const m = await import("./zhucan-bench-web.js");
    await m.default();
    return m.bench_assess(n);
  }, people);
  const rows = JSON.parse(json);
  console.log(`assessments per second, in Chromium (wasm, release build), ${people} people`);
  console.log("policy".padEnd(16) + "figures/s".padStart(14) + "full/s".padStart(12) + "total subsidy".padStart(16));
  let figMs = 0, fullMs = 0, fullN = 0;
  for (const r of rows) {
    figMs += r.figures_ms; fullMs += r.full_ms; fullN += r.full_people;
    console.log(
      r.policy.padEnd(16) +
        String(Math.round((r.people / r.figures_ms) * 1000)).padStart(14) +
        String(Math.round((r.full_people / r.full_ms) * 1000)).padStart(12) +
        String(r.total_fen).padStart(16),
    );
  }
  console.log(
    "all presets".padEnd(16) +
      String(Math.round(((people * rows.length) / figMs) * 1000)).padStart(14) +
      String(Math.round((fullN / fullMs) * 1000)).padStart(12),
  );
  const plan = JSON.parse(
    await page.evaluate(async () => {
      const m = await import("./zhucan-bench-web.js");
      await m.default();
      return m.bench_plan(1000000, 5000, 200);
    }),
  );
  console.log(`\nsite planner in Chromium (wasm, release build): ${plan.points} demand points, ${plan.candidates} candidates, 1 km, k = ${plan.k}`);
  console.log(`coverage build   ${(plan.coverage_ms / 1000).toFixed(3)} s   (${plan.pairs} pairs)`);
  console.log(`selection        ${(plan.select_ms / 1000).toFixed(3)} s   covered ${plan.covered}, bound ${plan.bound}: at least ${(plan.guarantee * 100).toFixed(2)} % of the best possible`);
  console.log(`total            ${((plan.coverage_ms + plan.select_ms) / 1000).toFixed(3)} s`);
  console.log(`wasm memory      ${plan.memory_mb} MB`);
  const costs = JSON.parse(
    await page.evaluate(async () => {
      const m = await import("./zhucan-bench-web.js");
      await m.default();
      return m.bench_scenario();
    }),
  );
  console.log("\nscenario costing in Chromium: 1,000,000 older people, 200 sites");
  for (const r of costs) console.log(r.policy.padEnd(16) + `${(r.ms / 1000).toFixed(3)} s`.padStart(10) + `${r.subsidy_year} yuan`.padStart(20));
} finally {
  await browser.close();
  await server.close();
}
