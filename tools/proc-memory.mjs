// Memory of the browser's processes from /proc, shared by the in-browser benchmarks
// (tools/big-file-bench.mjs, tools/network-bench.mjs).
import { readFileSync } from "node:fs";

/**
 * The WebAssembly memories in a renderer, by guess: V8 gives each one a region of its own, of which
 * the part in use is an anonymous read-write mapping as big as the memory (the rest of the
 * region, kept for growth and as a guard, is not accessible). Such mappings of at least 64 MB,
 * biggest first: their resident sizes in kB (the planner's worker's is the one that grows).
 */
export function wasmMemories(pid) {
  const out = [];
  try {
    const text = readFileSync(`/proc/${pid}/smaps`, "utf8");
    let candidate = false;
    for (const line of text.split("\n")) {
      const head = line.match(/^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/);
      if (head) {
        const size = (parseInt(head[2], 16) - parseInt(head[1], 16)) / 1024;
        candidate = head[3].startsWith("rw") && head[4] === "" && size >= 64 << 10;
        continue;
      }
      const m = candidate && line.match(/^Rss:\s+(\d+) kB/);
      if (m) out.push(Number(m[1]));
    }
  } catch {
    // The process ended.
  }
  return out.sort((a, b) => b - a);
}
