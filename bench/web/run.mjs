//! Runs the engine benchmarks as wasm in headless Chromium and prints a markdown table.
//!
//!   node bench/web/run.mjs [--quick] [--schedule] [--kept] [--health] [--status]
//!
//! Serves bench/web/index.html and the wasm-bindgen output in target/bench-web (built by
//! scripts/bench) on a free 127.0.0.1 port, opens the page in Debian's Chromium with a fresh
//! profile, runs each case on a freshly loaded page and exits non-zero on any page error
//! or failed request.
//! --quick runs only the 1,000 and 10,000 task cases; --schedule only the scheduling table;
//! --kept only the table of single edits re-scheduled on a kept program; --health only the
//! schedule health table; --status only the status pack table (drafting the next pack of a
//! 5,000-task program with 200 log items and 20 packs issued: the draft, its outline as
//! Markdown and HTML, the KPI dashboard, and the three in a row). The flags add up:
//! --health --status runs both tables.

import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectErrors, launch, serve, finish } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..', '..', 'target', 'bench-web');
const quick = process.argv.includes('--quick');
const keptOnly = process.argv.includes('--kept');
const scheduleOnly = process.argv.includes('--schedule');
const healthOnly = process.argv.includes('--health');
const statusOnly = process.argv.includes('--status');
// Any table named runs only the tables named.
const only = keptOnly || scheduleOnly || healthOnly || statusOnly;
const wants = (named) => !only || named;

// Shape × (tasks, timed samples), as in engine/benches/schedule.rs.
const sizes = [[1_000, 300], [10_000, 60], [100_000, 15]].filter(([tasks]) => !quick || tasks < 100_000);
const cases = ['chain', 'layered', 'random'].flatMap((shape) =>
  sizes.map(([tasks, runs]) => ['bench_schedule', [shape, tasks, runs]]));

// The page at /, the wasm-bindgen files by name; nothing else. Cross-origin isolation
// makes Chromium's performance.now() finer (5 µs instead of 100 µs).
const server = await serve(
  (path) => (basename(path) === '' || basename(path) === 'index.html' ? join(here, 'index.html') : join(pkg, basename(path))),
  { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
);
const url = server.url;
const { context, close } = await launch('planwork-bench-');

const errors = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  collectErrors(page, errors);
  // Each case on a freshly loaded page: its own wasm instance, so the memory is its own.
  const load = async () => {
    await page.goto(url);
    await page.evaluate(() => window.benchReady);
  };
  await load();
  const isolated = await page.evaluate(() => self.crossOriginIsolated);

  console.log(`wasm in ${context.browser()?.version() ?? 'Chromium'} (headless` +
    `${isolated ? ', cross-origin isolated' : ''})\n`);
  if (wants(scheduleOnly)) {
    console.log('| shape | tasks | links | median ms | min ms | check min ms | checked → schedule min ms | wasm memory MB | runs × batch |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  }
  for (const [name, args] of wants(scheduleOnly) ? cases : []) {
    if (errors.length) break;
    await load();
    const r = await page.evaluate(([name, args]) => window.runCase(name, args), [name, args]);
    console.log(`| ${r.shape} | ${r.tasks} | ${r.links} | ${r.median_ms.toFixed(3)} | ` +
      `${r.min_ms.toFixed(3)} | ${r.check_min_ms.toFixed(3)} | ${r.reschedule_min_ms.toFixed(3)} | ` +
      `${(r.wasm_memory_bytes / 1e6).toFixed(1)} | ${r.runs} × ${r.batch} |`);
  }

  // One edit re-scheduled on a kept program (issue 17): 50 random single edits (a
  // duration, a lag, a link added, a link removed, in turn), each timed alone.
  const keptSizes = !wants(keptOnly) ? [] :
    [[10_000, 30], [100_000, 10]].filter(([tasks]) => !quick || tasks < 100_000);
  if (keptSizes.length) {
    console.log('\n| kept: shape | tasks | links | edits | edit median ms | min | max | duration / lag / link added / removed, median ms | full schedule median ms | full min ms | wasm memory MB |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|');
  }
  for (const shape of ['chain', 'layered', 'random']) {
    for (const [tasks, runs] of keptSizes) {
      if (errors.length) break;
      await load();
      const r = await page.evaluate(([shape, tasks, runs]) => window.runCase('bench_kept_edit', [shape, tasks, 50, runs]), [shape, tasks, runs]);
      console.log(`| ${r.shape} | ${r.tasks} | ${r.links} | ${r.edits} | ${r.edit_median_ms.toFixed(3)} | ` +
        `${r.edit_min_ms.toFixed(3)} | ${r.edit_max_ms.toFixed(3)} | ${r.kind_median_ms.map((ms) => ms.toFixed(3)).join(' / ')} | ` +
        `${r.full.median_ms.toFixed(2)} | ${r.full.min_ms.toFixed(2)} | ${(r.wasm_memory_bytes / 1e6).toFixed(1)} |`);
    }
  }

  if (!only) {
    // Scenario comparison (issue 6): apply + schedule + compare each of 10 scenarios.
    console.log('\n| scenarios compared | tasks | changes each | median ms | min ms | wasm memory MB | runs × batch |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    if (!errors.length) {
      await load();
      const r = await page.evaluate(() => window.runCase('bench_scenarios', [5_000, 10, 30]));
      console.log(`| ${r.scenarios} | ${r.tasks} | ${r.changes_each} | ${r.median_ms.toFixed(3)} | ` +
        `${r.min_ms.toFixed(3)} | ${(r.wasm_memory_bytes / 1e6).toFixed(1)} | ${r.runs} × ${r.batch} |`);
    }

    // Monte Carlo forecast (issue 7): 10,000 iterations of a 1,000-task program.
    console.log('\n| forecast tasks | links | risks | iterations | median ms | min ms | sensitivity ms (finish and every milestone) | wasm memory MB |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    if (!errors.length) {
      await load();
      const r = await page.evaluate(() => window.runCase('bench_forecast', [1_000, 10_000, 5]));
      console.log(`| ${r.tasks} | ${r.links} | ${r.risks} | ${r.iterations} | ${r.median_ms.toFixed(1)} | ` +
        `${r.min_ms.toFixed(1)} | ${r.sensitivity_ms.toFixed(1)} | ${(r.wasm_memory_bytes / 1e6).toFixed(1)} |`);
    }
  }

  if (wants(healthOnly)) {
    // Schedule health (issue 22): the fourteen DCMA checks of a 10,000-task program under
    // way (a baseline, a status date, resources), engine::health::assess alone.
    console.log('\n| health: shape | tasks | links | median ms | min ms | pass / fail / n/a | wasm memory MB | runs × batch |');
    console.log('|---|---:|---:|---:|---:|---|---:|---:|');
    for (const shape of ['chain', 'layered', 'random']) {
      if (errors.length) break;
      await load();
      const r = await page.evaluate((shape) => window.runCase('bench_health', [shape, 10_000, 30]), shape);
      console.log(`| ${r.shape.toLowerCase()} | ${r.tasks} | ${r.links} | ${r.median_ms.toFixed(3)} | ${r.min_ms.toFixed(3)} | ` +
        `${r.passed} / ${r.failed} / ${r.not_applicable} | ${(r.wasm_memory_bytes / 1e6).toFixed(1)} | ${r.runs} × ${r.batch} |`);
    }
  }

  if (wants(statusOnly)) {
    // Status pack (issue 22): the next pack of a 5,000-task program with 200 log items and
    // 20 packs issued, checked and scheduled beforehand as the app keeps it; each part timed
    // alone, then the three in a row. Target: ≤ 100 ms in wasm.
    if (!errors.length) {
      await load();
      const r = await page.evaluate(() => window.runCase('bench_status', [5_000, 30]));
      console.log(`\nstatus pack: ${r.tasks} tasks, ${r.links} links, ${r.milestones} milestones (${r.deadlines} with a deadline), ` +
        `${r.log_items} log items, ${r.packs} packs issued; draft ${r.overall} (${r.changes} changes, ${r.failing_checks} failing ` +
        `health checks), Markdown ${r.markdown_bytes} B, HTML ${r.html_bytes} B, ${r.charts} charts; ` +
        `wasm memory ${(r.wasm_memory_bytes / 1e6).toFixed(1)} MB\n`);
      console.log('| status: part | median ms | min ms | runs × batch |');
      console.log('|---|---:|---:|---:|');
      for (const [part, t] of [
        ['draft (draft_pack, health included)', r.draft],
        ['outline, Markdown and HTML', r.layout],
        ['KPI dashboard (20 packs + draft)', r.dashboard],
        ['all three', r.all],
      ]) {
        console.log(`| ${part} | ${t.median_ms.toFixed(3)} | ${t.min_ms.toFixed(3)} | ${t.runs} × ${t.batch} |`);
      }
    }
  }
} catch (error) {
  errors.push(String(error));
}
await finish({ close, server, errors });
