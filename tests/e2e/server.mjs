// A static file server for the end-to-end tests: serves dist/ on 127.0.0.1 (random port) with the
// strict Content-Security-Policy the app must work under, the right MIME types, and nothing else.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".toml": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".geojson": "application/geo+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

/**
 * Starts the server; resolves to `{ url, close() }`. `mounts` maps URL prefixes to folders (the
 * longest prefix wins), e.g. `{ "/zhucan/": "dist", "/": "tests/e2e/host" }` to serve the app
 * from a sub-path under a host site; by default `root` is served at `/` (`dist`, or the folder in
 * `ZHUCAN_DIST`: an older build, to check that a new test fails on it). In `.html` files from a
 * folder listed in `templated`, `{{ORIGIN}}` becomes the server's origin. With `gzip`, text and
 * WebAssembly go out gzipped (level 9) to browsers that accept it, as any real web host sends them
 * (the load benchmark, tools/load-bench.mjs).
 */
export function startServer({ root = process.env.ZHUCAN_DIST || "dist", csp = STRICT_CSP, mounts, templated = [], gzip = false } = {}) {
  const table = Object.entries(mounts || { "/": root })
    .map(([prefix, dir]) => [prefix, resolve(dir), templated.includes(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  let origin = "";
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const mount = table.find(([prefix]) => path.startsWith(prefix) || path + "/" === prefix);
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const [prefix, base, template] = mount;
    if (path + "/" === prefix) {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    const rest = path.slice(prefix.length);
    const file = normalize(join(base, rest === "" || rest.endsWith("/") ? rest + "index.html" : rest));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (template && extname(file) === ".html") body = body.toString("utf8").replaceAll("{{ORIGIN}}", origin);
      const headers = {
        "Content-Type": TYPES[extname(file)] || "application/octet-stream",
        "Content-Security-Policy": csp,
        "Cache-Control": "no-store",
      };
      const compressible = /^(text\/|application\/(wasm|json|geo\+json|manifest\+json)|image\/svg)/.test(headers["Content-Type"]);
      if (gzip && compressible && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        body = gzipSync(body, { level: 9 });
        headers["Content-Encoding"] = "gzip";
        headers["Vary"] = "Accept-Encoding";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      origin = `http://127.0.0.1:${port}`;
      ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
