// Trunk post_build hook: make dist/index.html work under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline').
//
// Trunk injects its WebAssembly loader as an inline <script type="module">. This moves every
// inline script into an external file named by its content hash, and drops build-time `nonce`
// attributes (a nonce fixed at build time protects nothing). Uses only Node's standard library.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-loader: TRUNK_STAGING_DIR is not set (run this as a Trunk hook)");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
let moved = 0;

html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (whole, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs) || body.trim() === "") return whole;
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const name = `zhucan-inline-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  moved += 1;
  const keep = attrs.replace(/\snonce\s*=\s*("[^"]*"|'[^']*'|\S+)/gi, "");
  return `<script${keep} src="./${name}"></script>`;
});
html = html.replace(/\snonce\s*=\s*("[^"]*"|'[^']*')/gi, "");

if (/<style\b/i.test(html) || /\sstyle\s*=/i.test(html)) {
  console.error("csp-loader: index.html has inline styles, which `style-src 'self'` blocks");
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`csp-loader: moved ${moved} inline script(s) out of index.html`);

// The service worker's file list must include the loader written above.
await import("./service-worker.mjs");
