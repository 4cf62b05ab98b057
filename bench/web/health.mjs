// Times schedule health (the fourteen DCMA checks, `engine::health::assess`) as wasm in
// Node (V8, as in Chromium), for a machine without the browser run.mjs drives:
//
//   cargo build --release --target wasm32-unknown-unknown -p bench
//   wasm-bindgen --target web --out-dir target/bench-web target/wasm32-unknown-unknown/release/bench.wasm
//   node bench/web/health.mjs [TASKS] [--runs 30]
//
// Prints the table run.mjs prints for its health case (wasm memory: the whole instance's).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..', '..', 'target', 'bench-web');
const bench = await import(join(pkg, 'bench.js'));
bench.initSync({ module: readFileSync(join(pkg, 'bench_bg.wasm')) });

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args[at + 1]) : 30;
const tasks = Number(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? 10_000);

console.log(`wasm in Node ${process.version}\n`);
console.log('| health: shape | tasks | links | median ms | min ms | pass / fail / n/a | wasm memory MB | runs × batch |');
console.log('|---|---:|---:|---:|---:|---|---:|---:|');
for (const shape of ['chain', 'layered', 'random']) {
  const r = JSON.parse(bench.bench_health(shape, tasks, runs));
  console.log(`| ${r.shape.toLowerCase()} | ${r.tasks} | ${r.links} | ${r.median_ms.toFixed(3)} | ${r.min_ms.toFixed(3)} | ` +
    `${r.passed} / ${r.failed} / ${r.not_applicable} | ${(bench.wasm_memory_bytes() / 1e6).toFixed(1)} | ${r.runs} × ${r.batch} |`);
}
