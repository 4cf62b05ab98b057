// Times the leveler as wasm in Node (V8, as in Chromium) on PSPLIB instances read from
// disk, which the browser page cannot reach:
//
//   cargo build --release --target wasm32-unknown-unknown -p bench
//   wasm-bindgen --target web --out-dir target/bench-web target/wasm32-unknown-unknown/release/bench.wasm
//   node bench/web/leveling.mjs [DIR] [--schedules 5000] [--runs 3] [--limit 10]
//
// DIR holds `.sm` files (default: ../shared/psplib/j120-sample from the repository root).
// Prints one row per instance and the mean.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const pkg = join(root, 'target', 'bench-web');
const { initSync, bench_leveling } = await import(join(pkg, 'bench.js'));
initSync({ module: readFileSync(join(pkg, 'bench_bg.wasm')) });

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const schedules = option('--schedules', 5000);
const runs = option('--runs', 3);
const limit = option('--limit', 10);
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const candidates = [join(root, '..', 'shared', 'psplib', 'j120-sample'),
  join(root, '..', '..', 'shared', 'psplib', 'j120-sample')];
const dir = positional[0] ?? candidates.find(existsSync) ?? candidates[0];

const files = readdirSync(dir).filter((f) => f.endsWith('.sm')).sort().slice(0, limit);
console.log(`wasm in Node ${process.version}, ${schedules} schedules, ${dir}\n`);
console.log('| instance | tasks | finish | LB0 | generated | median ms | min ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
let total = 0;
for (const file of files) {
  const r = JSON.parse(bench_leveling(readFileSync(join(dir, file), 'utf8'), schedules, runs));
  total += r.median_ms;
  console.log(`| ${file} | ${r.tasks} | ${r.finish} | ${r.critical_path} | ${r.generated} | ` +
    `${r.median_ms.toFixed(1)} | ${r.min_ms.toFixed(1)} |`);
}
console.log(`\nmean median: ${(total / files.length).toFixed(1)} ms per instance`);
