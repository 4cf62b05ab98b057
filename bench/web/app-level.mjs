//! Benchmarks leveling in the built app, as a user runs it: from the click on Level to the
//! first result on screen (the progress line naming a best finish) and to the scenario
//! made, in headless Chromium; prints a markdown table.
//!
//!   node bench/web/app-level.mjs PROGRAM.planwork.json [RUNS]
//!
//! Serves the release build in dist/ (scripts/bench builds it) on a free 127.0.0.1 port,
//! imports the program through the file input, opens the Load tab and, RUNS times (default
//! 3), clicks Level and waits for the scenario's confirmation: a worker started on the app's
//! wasm module (one is started ahead when the tab opens), the program sent and laid out,
//! the priority rules' result posted, the search in 50 ms slices until the budget (5,000
//! schedules), the 2 s time limit or a proven best. Times are the page's own
//! (`performance.now()` at the click, and when the progress line and the confirmation
//! appear, seen by a MutationObserver). The schedules generated are read from the
//! confirmation. Main-thread tasks over 50 ms are recorded. Exits non-zero on any page
//! error, console error or failed request.
//!
//! A program to level: `planwork generate --shape random --tasks 1000 --resources 10`.

import { readFile } from 'node:fs/promises';
import { collectErrors, openApp } from './browser.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!file) {
  console.error('usage: node bench/web/app-level.mjs PROGRAM.planwork.json [RUNS]');
  process.exit(2);
}

const { server, context, close } = await openApp('planwork-level-bench-');
await context.addInitScript(() => {
  window.__first = null;
  window.__done = null;
  new MutationObserver(() => {
    const status = document.querySelector('[data-role="level-status"]');
    if (window.__first === null && status && status.textContent.includes('best finish so far')) {
      window.__first = performance.now();
    }
    const done = document.querySelector('[data-role="confirmation"]');
    if (window.__done === null && done && done.textContent.includes('held back')) {
      window.__done = { at: performance.now(), text: done.textContent };
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});

const PAUSE_MS = 1_000;
const errors = [];
const rows = [];
let longest = 0;
try {
  const page = context.pages()[0] ?? await context.newPage();
  collectErrors(page, errors);
  const text = await readFile(file, 'utf8');
  const program = JSON.parse(text);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 30_000 });
  await page.locator('input[data-role="import-file"]').setInputFiles(file);
  await page.locator('main[data-view="program"] [data-tab="load"]').waitFor({ timeout: 60_000 });
  for (let run = 0; run < runs && !errors.length; run++) {
    await page.locator('[data-tab="load"]').click();
    await page.locator('[data-action="level"]:not([disabled])').waitFor({ timeout: 30_000 });
    // The last run's confirmation gone, so that this run's is the one seen.
    await page.locator('[data-role="confirmation"]').waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForTimeout(PAUSE_MS);
    const started = await page.evaluate(() => {
      window.__first = null;
      window.__done = null;
      return performance.now();
    });
    await page.locator('[data-action="level"]').click();
    await page.waitForFunction(() => window.__done !== null, null, { timeout: 60_000 });
    const { first, done } = await page.evaluate(() => ({ first: window.__first, done: window.__done }));
    const schedules = /(?:after|best of) ([\d,]+) schedules/.exec(done.text)?.[1] ?? 'proven best';
    rows.push({ first: first === null ? null : first - started, done: done.at - started, schedules, text: done.text });
    const long = await page.evaluate(([from, to]) =>
      window.__longTasks.filter((t) => t.start + t.duration >= from && t.start <= to), [started, done.at]);
    longest = Math.max(longest, ...long.map((t) => t.duration));
    if (process.env.BENCH_VERBOSE) {
      console.log(`run ${run + 1} long tasks:`, long.map((t) => `${(t.start - started).toFixed(0)}+${t.duration.toFixed(0)}`).join(' '));
      console.log('  measures:', await page.evaluate((from) => performance.getEntriesByType('measure')
        .filter((e) => e.startTime >= from).map((e) => `${e.name}@${(e.startTime - from).toFixed(0)}+${e.duration.toFixed(0)}`).join(' '), started));
    }
  }
  console.log(`load average: ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ')}`);
  console.log('');
  console.log(`| tasks | resources | run | click → first result ms | click → scenario made ms | schedules |`);
  console.log('|---:|---:|---:|---:|---:|---:|');
  rows.forEach((r, i) => console.log(`| ${program.tasks.length} | ${(program.resources ?? []).length} | ${i + 1} | ` +
    `${r.first === null ? '— (done first)' : r.first.toFixed(0)} | ${r.done.toFixed(0)} | ${r.schedules} |`));
  console.log('');
  console.log(`longest main-thread task during the runs: ${longest ? `${longest.toFixed(0)} ms` : 'none over 50 ms'}`);
  console.log(`last result: ${rows.at(-1)?.text}`);
} catch (error) {
  errors.push(String(error));
} finally {
  await close();
  server.close();
}
for (const error of errors) console.error(`bench: ${error}`);
process.exit(errors.length ? 1 : 0);
