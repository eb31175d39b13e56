// End-to-end: a host page served under the strict CSP embeds the calculator and the planner from a
// sub-path (/zhucan/), as docs/embedding.md tells an admin to. The frames follow their options,
// resize to their content, keep the host's CSS out, and nothing breaks the policy or leaves the origin.
import assert from "node:assert/strict";
import { test } from "node:test";
import { OUT_DIR, axeViolations, openPage, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser({ mounts: { "/zhucan/": "dist", "/": "tests/e2e/host" }, templated: ["tests/e2e/host"] });

const cspIn = (frame) => frame.evaluate(() => window.__cspViolations || []);

test("host page under the strict CSP: calculator and planner embedded from a sub-path", async () => {
  const { page, problems, context, requests } = await openPage(env.browser, env.server.url, { viewport: { width: 1024, height: 800 } });
  await page.goto(env.server.url);
  const calcHandle = await page.waitForSelector("#calc-frame");
  const calc = await calcHandle.contentFrame();
  await calc.waitForSelector("#calc-age", { timeout: 30_000 });

  // Options from the snippet: calculator only (no tabs), Guangzhou preselected, the theme colour.
  assert.equal(await calc.locator("[role=tablist]").count(), 0);
  assert.equal(await calc.locator("#panel-planner").count(), 0);
  assert.equal(await calc.inputValue("#calc-policy"), "guangzhou-2020");
  assert.equal((await calc.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand"))).trim(), "#a0001e");

  // The host's loud button style does not reach the app's buttons.
  const hostButton = await calc.evaluate(() => getComputedStyle(document.querySelector("button")).backgroundColor);
  assert.notEqual(hostButton, "rgb(255, 105, 180)");

  // Fill the calculator: Guangzhou, 85, the 12-yuan standard meal: subsidy 9, pays 3.
  await calc.fill("#calc-age", "85");
  await calc.waitForFunction(() => /补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""));

  // The frame is as tall as its content: the helper applied the height the app posted.
  await page.waitForFunction(() => document.querySelector("#calc-frame").style.height !== "");
  const frameHeight = await page.evaluate(() => document.querySelector("#calc-frame").getBoundingClientRect().height);
  const contentHeight = await calc.evaluate(() => document.getElementById("app").getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - contentHeight) <= 4, `frame ${frameHeight} px, content ${contentHeight} px`);
  const inner = await calc.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight, document.body.getBoundingClientRect().height, getComputedStyle(document.body).marginTop, getComputedStyle(document.body).paddingBottom]);
  assert.ok(inner[0] <= inner[1] + 1, `no scroll bar inside the frame: ${inner}`);

  // The planner frame: planner only, in English.
  const plan = await (await page.waitForSelector("#plan-frame")).contentFrame();
  await plan.waitForSelector("#plan-demo", { timeout: 30_000 });
  assert.equal(await plan.locator("[role=tablist]").count(), 0);
  assert.equal(await plan.getAttribute("html", "lang"), "en");
  assert.equal(await plan.locator("#panel-calculator").count(), 0);
  await page.screenshot({ path: `${OUT_DIR}/embed-host.png`, fullPage: true });

  // Zero violations: the host, both frames; zero requests outside the origin.
  assert.deepEqual(await axeViolations(calc), []);
  assert.deepEqual(await axeViolations(plan), []);
  assert.deepEqual([await cspIn(calc), await cspIn(plan)], [[], []]);
  const p = await problems();
  assert.deepEqual([p.csp, p.offOrigin, p.pageErrors, p.failed], [[], [], [], []]);
  assert.ok(requests().some((u) => u.endsWith(".wasm")), "the app's wasm was loaded from the origin");
  await context.close();
});
