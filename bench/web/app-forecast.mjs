//! Benchmarks a forecast in the built app, as a user runs it: from the click on Run forecast
//! to the result on the page, in headless Chromium; prints a markdown table.
//!
//!   [BENCH_CORES=N] node bench/web/app-forecast.mjs PROGRAM.planwork.json [ITERATIONS] [RUNS]
//!
//! Serves the release build in dist/ (scripts/bench builds it) on a free 127.0.0.1 port,
//! imports the program through the file input, opens the Forecast tab, sets ITERATIONS
//! (default 10,000) and seed 1, then RUNS times (default 3) clicks Run forecast and waits for
//! the dates table (a second after the last, as a user would): Web Workers started on the app's wasm module, the program sent, the
//! simulation in chunks with progress, the drivers of the finish and every milestone, the
//! result back and drawn. The time is the page's own (`performance.now()` at the click and
//! when the table appears, seen by a MutationObserver). Main-thread tasks over 50 ms are
//! recorded throughout, and the run's steps by the app's measures
//! (`planwork:forecast-parts`, `-merge`, `-sums`, `-finish`). Exits
//! non-zero on any page error, console error or failed request.

import { readFile } from 'node:fs/promises';
import { collectErrors, openApp } from './browser.mjs';

const file = process.argv[2];
const iterations = Number(process.argv[3] ?? 10_000);
const runs = Number(process.argv[4] ?? 3);
if (!file) {
  console.error('usage: node bench/web/app-forecast.mjs PROGRAM.planwork.json [ITERATIONS] [RUNS]');
  process.exit(2);
}

const { server, context, close } = await openApp('planwork-forecast-bench-');
// BENCH_CORES=N: the page sees N processors (navigator.hardwareConcurrency), so the
// forecast runs on that many workers (at most the app's cap).
const cores = Number(process.env.BENCH_CORES ?? 0);
if (cores > 0) {
  await context.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  }, cores);
}
await context.addInitScript(() => {
  // When the result of a run is on the page (its dates table, no progress bar), by the
  // page's clock: the script's own waiting adds a round trip or two.
  window.__shown = null;
  new MutationObserver(() => {
    if (window.__shown === null && !document.querySelector('.forecast-progress')
      && document.querySelector('tr[data-finish=""] td[data-col="p80"]')) window.__shown = performance.now();
  }).observe(document, { subtree: true, childList: true });
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});

/** The pause before each click. */
const PAUSE_MS = 1_000;
const errors = [];
const times = [];
let longest = 0;
try {
  const page = context.pages()[0] ?? await context.newPage();
  collectErrors(page, errors);
  const text = await readFile(file, 'utf8');
  const tasks = (text.match(/"workstream":/g) ?? []).length;
  const estimates = (text.match(/"estimate":/g) ?? []).length;

  await page.goto(server.url, { waitUntil: 'load' });
  await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 30_000 });
  await page.locator('input[data-role="import-file"]').setInputFiles(file);
  await page.locator('main[data-view="program"] [data-tab="forecast"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-tab="forecast"]').click();
  await page.locator('[data-role="save-status"].status-saved').waitFor({ timeout: 30_000 });
  await page.locator('input[name="seed"]').fill('1');
  // BENCH_WARM=N: one run of N iterations first, not counted (does a small run make the
  // first real one warm?).
  const warm = Number(process.env.BENCH_WARM ?? 0);
  if (warm > 0) {
    await page.locator('input[name="iterations"]').fill(String(warm));
    await page.locator('button[data-action="run-forecast"]').click();
    await page.locator('.forecast-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor();
  }
  await page.locator('input[name="iterations"]').fill(String(iterations));

  for (let run = 0; run < runs && !errors.length; run++) {
    // As a user reads the tab (or the last result) before clicking: the app starts its
    // workers ahead, in the background, and a click a moment after a result finds them ready.
    await page.waitForTimeout(PAUSE_MS);
    const started = await page.evaluate(() => {
      window.__shown = null;
      return performance.now();
    });
    await page.locator('button[data-action="run-forecast"]').click();
    await page.locator('.forecast-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor();
    const ended = await page.evaluate(() => window.__shown ?? performance.now());
    const heading = await page.locator('.forecast-heading').textContent();
    if (!heading.includes(`${iterations.toLocaleString('en-US')} iterations`)) {
      errors.push(`run ${run}: the result says "${heading}"`);
    }
    times.push(ended - started);
    const long = await page.evaluate(([from, to]) =>
      window.__longTasks.filter((t) => t.start + t.duration >= from && t.start <= to), [started, ended]);
    longest = Math.max(longest, ...long.map((t) => t.duration));
  }
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  // The run's steps, by the app's measures (see src/forecast/forecast_run.rs), each run's.
  const steps = await page.evaluate(() => Object.fromEntries(['parts', 'merge', 'sums', 'finish']
    .map((step) => [step, performance.getEntriesByName(`planwork:forecast-${step}`).map((e) => e.duration)])));
  console.log(`navigator.hardwareConcurrency: ${workers}; load average: ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ')}`);
  console.log('');
  console.log('| tasks | with estimates | iterations | runs | click → result, each (ms) | longest main-thread task during runs |');
  console.log('|---:|---:|---:|---:|---|---|');
  console.log(`| ${tasks} | ${estimates} | ${iterations} | ${times.length} | ` +
    `${times.map((t) => t.toFixed(0)).join(', ')} | ${longest ? `${longest.toFixed(0)} ms` : 'none over 50 ms'} |`);
  if (steps.parts.length) {
    console.log('');
    console.log('| step (ms, each run) | |');
    console.log('|---|---|');
    const labels = {
      parts: 'click → every part in (workers run their iterations)',
      merge: 'parts merged, ranks sent (page)',
      sums: 'ranks sent → every part\'s sums in (workers)',
      finish: 'sums merged into the drivers (page)',
    };
    for (const [step, label] of Object.entries(labels)) {
      console.log(`| ${label} | ${steps[step].map((t) => t.toFixed(0)).join(', ')} |`);
    }
  }
} catch (error) {
  errors.push(String(error));
} finally {
  await close();
  server.close();
}
for (const error of errors) console.error(`bench: ${error}`);
process.exit(errors.length ? 1 : 0);
