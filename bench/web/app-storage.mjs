//! Benchmarks the app's storage and file paths with a 5,000-task program, in headless
//! Chromium, and prints a markdown table.
//!
//!   node bench/web/app-storage.mjs PROGRAM.planwork.json [RUNS]
//!
//! Serves the release build in dist/ (scripts/bench builds it) on a free 127.0.0.1 port,
//! opens it with a fresh on-disk profile, and RUNS times (default 7): imports the file
//! through the file input, waits for the program view, renames the program and waits for
//! "Saved", then exports. The app wraps each step in performance.measure; this script reads
//! the measures `planwork:import` (read + parse + store), `planwork:load` (read from
//! IndexedDB + parse), `planwork:save` (serialise + one IndexedDB transaction, committed)
//! and `planwork:export` (serialise) and reports their medians. Exits non-zero on any page
//! error, console error or failed request.

import { readFile, stat } from 'node:fs/promises';
import { collectErrors, openApp, finish } from './browser.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 7);
if (!file) {
  console.error('usage: node bench/web/app-storage.mjs PROGRAM.planwork.json [RUNS]');
  process.exit(2);
}

const { server, context, close } = await openApp('planwork-app-bench-', {
  acceptDownloads: true,
  viewport: { width: 1280, height: 800 },
});
const url = server.url;

const errors = [];
const samples = { import: [], 'import-parse': [], 'import-store': [], load: [], save: [], export: [] };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const last = (page, name) =>
  page.evaluate((name) => {
    const entries = performance.getEntriesByName(name, 'measure');
    return entries.length ? entries[entries.length - 1].duration : null;
  }, name);

try {
  const page = context.pages()[0] ?? await context.newPage();
  collectErrors(page, errors);
  const bytes = (await stat(file)).size;
  const text = await readFile(file, 'utf8');
  const tasks = (text.match(/"workstream":/g) ?? []).length;

  for (let run = 0; run < runs && !errors.length; run++) {
    // A fresh page load each run: its own wasm instance.
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 30_000 });
    await page.evaluate(() => performance.clearMeasures());
    await page.locator('input[data-role="import-file"]').setInputFiles(file);
    await page.locator('main[data-view="program"] [data-role="save-status"].status-saved')
      .waitFor({ timeout: 60_000 });
    samples.import.push(await last(page, 'planwork:import'));
    samples['import-parse'].push(await last(page, 'planwork:import-parse'));
    samples['import-store'].push(await last(page, 'planwork:import-store'));
    samples.load.push(await last(page, 'planwork:load'));

    await page.locator('[data-field="program-name"]').fill(`Bench run ${run}`);
    await page.locator('[data-role="save-status"].status-saved').waitFor({ timeout: 60_000 });
    samples.save.push(await last(page, 'planwork:save'));

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.locator('[data-action="export"]').click(),
    ]);
    await download.path();
    samples.export.push(await last(page, 'planwork:export'));
  }

  const version = context.browser()?.version() ?? 'Chromium';
  console.log(`app storage in ${version} (headless), ${tasks} tasks, file ${(bytes / 1e6).toFixed(2)} MB, ${runs} runs\n`);
  console.log('| operation | what is measured | median ms | min ms | max ms | target ms |');
  console.log('|---|---|---:|---:|---:|---:|');
  const rows = [
    ['save', 'serialise + one IndexedDB readwrite transaction (revision check, put, commit)', 50],
    ['load', 'read from IndexedDB + parse and check', 100],
    ['import', 'read the file + parse and check + store', 100],
    ['import-parse', 'of which parse and check (planfile::read)', null],
    ['import-store', 'of which store (serialise + one IndexedDB transaction)', null],
    ['export', 'serialise to the program file', null],
  ];
  for (const [name, what, target] of rows) {
    const xs = samples[name].filter((x) => x !== null);
    if (xs.length !== samples[name].length || !xs.length) {
      errors.push(`no planwork:${name} measure`);
      continue;
    }
    console.log(`| ${name} | ${what} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ` +
      `${Math.max(...xs).toFixed(1)} | ${target ?? '—'} |`);
  }
} catch (error) {
  errors.push(String(error));
}
await finish({ close, server, errors });
