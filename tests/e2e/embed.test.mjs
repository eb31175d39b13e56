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

test("custom elements: one script and one tag each, the host's CSS and the app's kept apart, options as attributes", async () => {
  const { page, problems, context, requests } = await openPage(env.browser, env.server.url, { viewport: { width: 1024, height: 800 } });
  await page.goto(env.server.url + "element.html");
  const calcHandle = await page.waitForSelector("#calc iframe");
  assert.equal(await calcHandle.getAttribute("title"), "老年助餐补贴计算器", "the frame has an accessible name");
  const calc = await calcHandle.contentFrame();
  await calc.waitForSelector("#calc-age", { timeout: 30_000 });

  // Attributes: calculator only, large text on, and the policy file from the host's own site
  // (policy-url), loaded, checked and selected.
  assert.equal(await calc.locator("[role=tablist]").count(), 0);
  assert.equal(await calc.evaluate(() => document.documentElement.classList.contains("large-text")), true);
  await calc.waitForFunction(() => document.querySelector("#calc-policy").value === "testcity-2026");
  assert.match(await calc.textContent(".file-status.ok"), /testcity\.toml/);
  await calc.fill("#calc-age", "85");
  await calc.waitForFunction(() => /补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""));

  // Styles stay apart in both directions: the host shrinks rem to 10 px and spaces letters; the
  // app's large text is still 24 px (18 pt) with normal spacing, and the host's page gets none of
  // the app's classes or style sheets.
  assert.equal(await calc.evaluate(() => getComputedStyle(document.documentElement).fontSize), "24px");
  assert.equal(await calc.evaluate(() => getComputedStyle(document.querySelector(".intro")).letterSpacing), "normal");
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "10px");
  assert.equal(await page.evaluate(() => document.documentElement.className), "");
  assert.deepEqual(await page.evaluate(() => [...document.styleSheets].map((s) => new URL(s.href).pathname)), ["/host.css", "/element-host.css"]);

  // As tall as its content (the element accepted the height from its own frame only).
  await page.waitForFunction(() => {
    const frame = document.querySelector("#calc").shadowRoot.querySelector("iframe");
    return frame.style.height !== "900px";
  });
  const frameHeight = await calcHandle.evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = await calc.evaluate(() => document.getElementById("app").getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - contentHeight) <= 4, `frame ${frameHeight} px, content ${contentHeight} px`);

  // The planner element, in English.
  const planHandle = await page.waitForSelector("#plan iframe");
  assert.equal(await planHandle.getAttribute("title"), "Senior canteen site planner");
  const plan = await planHandle.contentFrame();
  await plan.waitForSelector("#plan-demo", { timeout: 30_000 });
  assert.equal(await plan.getAttribute("html", "lang"), "en");
  assert.equal(await plan.locator("#panel-calculator").count(), 0);

  assert.deepEqual(await axeViolations(page), [], "the host page with both elements");
  assert.deepEqual(await axeViolations(calc), []);
  assert.deepEqual(await axeViolations(plan), []);
  assert.deepEqual([await cspIn(calc), await cspIn(plan)], [[], []]);

  // Changing an attribute re-renders the app with it.
  await page.evaluate(() => document.querySelector("#calc").setAttribute("lang", "en"));
  const again = await (await page.waitForSelector("#calc iframe")).contentFrame();
  await again.waitForFunction(() => document.documentElement.lang === "en" && document.querySelector("#calc-age"));
  assert.equal(await page.getAttribute("#calc iframe", "title"), "Elderly meal subsidy calculator");

  const p = await problems();
  assert.deepEqual([p.csp, p.offOrigin, p.pageErrors, p.failed, p.console], [[], [], [], [], []]);
  assert.ok(requests().some((u) => u.endsWith("/policies/testcity.toml")), "the policy file came from the host's own site");
  await context.close();
});

test("a policy-url that cannot be fetched: a message, and the calculator works with the built-in policies", async () => {
  const { page, context } = await openPage(env.browser, env.server.url);
  await page.goto(env.server.url + "zhucan/?mode=calculator&policy-url=/policies/missing.toml");
  await page.waitForSelector("#calc-age", { timeout: 30_000 });
  const alert = page.locator(".file-status.error");
  await alert.waitFor();
  assert.match(await alert.textContent(), /missing\.toml 没有取到/);
  await page.fill("#calc-age", "85");
  await page.selectOption("#calc-policy", "guangzhou-2020");
  await page.waitForFunction(() => /补贴\s*9元/.test(document.querySelector(".result-headline")?.textContent || ""));
  await context.close();
});

test("axe-core in every embedded combination: both halves, both languages, normal and large text", async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url, { viewport: { width: 1024, height: 800 } });
  await page.goto(env.server.url + "element.html");
  const report = {};
  for (const lang of ["zh-CN", "en"]) {
    for (const large of ["0", "1"]) {
      for (const id of ["calc", "plan"]) {
        await page.evaluate(([id, lang, large]) => {
          const el = document.getElementById(id);
          el.setAttribute("lang", lang);
          el.setAttribute("large", large);
        }, [id, lang, large]);
        const frame = await (await page.waitForSelector(`#${id} iframe`)).contentFrame();
        await frame.waitForFunction(
          ([lang, large, ready]) =>
            document.documentElement.lang === lang &&
            document.documentElement.classList.contains("large-text") === (large === "1") &&
            document.querySelector(ready),
          [lang, large, id === "calc" ? "#calc-age" : "#plan-demo"],
          { timeout: 30_000 },
        );
        if (id === "calc") {
          await frame.fill("#calc-age", "85");
          await frame.waitForFunction(() => /\d/.test(document.querySelector(".result-headline")?.textContent || ""));
        }
        report[`${id} ${lang} large=${large}`] = await axeViolations(frame);
      }
    }
  }
  for (const [screen, v] of Object.entries(report)) {
    assert.deepEqual(v, [], `axe on ${screen}: ${JSON.stringify(v, null, 1)}`);
  }
  const p = await problems();
  assert.deepEqual([p.csp, p.offOrigin, p.pageErrors, p.failed], [[], [], [], []]);
  await context.close();
});
