// Trunk post_build hook: write dist/sw.js, the service worker that makes the app work offline after
// the first visit. It precaches what the first load needs (page, app, styles, icon) under a cache
// named after a hash of those files, so every build gets a fresh cache and the old one is dropped.
// The planner's app and worker files are cached when first used, never precached: residents who
// only use the calculator never download them. Uses only Node's standard library.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("service-worker: TRUNK_STAGING_DIR is not set (run this as a Trunk hook)");
  process.exit(1);
}
const all = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => e.name)
  .filter((n) => n !== "sw.js")
  .sort();
// Loaded on use, so not precached: the planner app and its worker, the policy studio (their names carry no hash).
const onUse = (n) => n === "zhucan-embed.js" || n === "zhucan-element.js" || n.startsWith("zhucan-worker") || n.startsWith("zhucan-planner") || n.startsWith("zhucan-studio");
const files = all.filter((n) => !onUse(n));
// The version covers every file, the ones loaded on use too: a new planner gets a new cache.
const hash = createHash("sha256");
for (const f of all) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest("hex").slice(0, 16);
const precache = ["./", ...files.filter((f) => f !== "index.html").map((f) => `./${f}`)];
const template = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8");
writeFileSync(
  join(dir, "sw.js"),
  template.replace("__VERSION__", version).replace("__PRECACHE__", JSON.stringify(precache, null, 2)),
);
console.log(`service-worker: sw.js for build ${version}, ${precache.length} files precached`);
