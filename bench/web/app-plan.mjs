//! Benchmarks the plan view of the built app: from an edited duration to the repainted grid
//! and chart, on a program of 2,000 tasks, in headless Chromium; prints a markdown table.
//!
//!   node bench/web/app-plan.mjs PROGRAM.planwork.json [RUNS]
//!
//! Serves the release build in dist/ (scripts/bench builds it) on a free 127.0.0.1 port,
//! imports the program through the file input, then RUNS times (default 30) types a new
//! duration into the first task's duration cell and presses Enter. The app marks
//! `planwork:edit-repaint:start` when the cell's edit is committed and measures
//! `planwork:edit-repaint` after the next animation frame (the edit made, the program
//! checked and scheduled, the rows rebuilt, the grid and chart updated and painted); this
//! script checks that the cell shows the new value and reports the measures. Exits non-zero
//! on any page error, console error or failed request.

import { readFile, stat } from 'node:fs/promises';
import { collectErrors, openApp, finish, importProgram, quantile, selfTimes } from './browser.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 30);
if (!file) {
  console.error('usage: node bench/web/app-plan.mjs PROGRAM.planwork.json [RUNS]');
  process.exit(2);
}

const { server, context, close } = await openApp('planwork-plan-bench-');

const errors = [];
const samples = [];
const rowSamples = [];

try {
  const page = context.pages()[0] ?? await context.newPage();
  collectErrors(page, errors);
  const bytes = (await stat(file)).size;
  const tasks = ((await readFile(file, 'utf8')).match(/"workstream":/g) ?? []).length;

  const row = await importProgram(page, server.url, file);
  const id = await row.getAttribute('data-task-id');
  const cell = page.locator(`.plan-grid .task-row[data-task-id="${id}"] [data-col="duration"]`);

  // PLAN_PROFILE=1: Chromium's sampling profiler over the counted edits, the functions
  // with the most self time printed after the table (where an edit's time goes).
  const profiler = process.env.PLAN_PROFILE ? await context.newCDPSession(page) : null;
  for (let run = 0; run < runs + 3 && !errors.length; run++) {
    if (profiler && run === 3) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await profiler.send('Profiler.start');
    }
    const days = `${3 + (run % 5)}d`;
    const before = await page.evaluate(() => performance.getEntriesByName('planwork:edit-repaint').length);
    await cell.click();
    await page.keyboard.press('Enter');
    const input = page.locator('[data-role="cell-input"]');
    await input.fill(days);
    await input.press('Enter');
    await page.waitForFunction(
      (n) => performance.getEntriesByName('planwork:edit-repaint').length > n, before, { timeout: 10_000 });
    const shown = (await cell.textContent()).trim();
    if (shown !== days) errors.push(`run ${run}: the cell shows ${shown}, not ${days}`);
    const ms = await page.evaluate(() => {
      const all = performance.getEntriesByName('planwork:edit-repaint');
      return all[all.length - 1].duration;
    });
    const rows = await page.evaluate(() => {
      const all = performance.getEntriesByName('planwork:plan-rows');
      return all[all.length - 1]?.duration ?? null;
    });
    // The first runs warm up (JIT, first layout of the chart's rows).
    if (run >= 3) {
      samples.push(ms);
      if (rows !== null) rowSamples.push(rows);
    }
  }

  const hot = profiler ? selfTimes((await profiler.send('Profiler.stop')).profile) : [];
  const version = context.browser()?.version() ?? 'Chromium';
  console.log(`plan view in ${version} (headless), ${tasks} tasks, file ${(bytes / 1e6).toFixed(2)} MB, ${samples.length} edits\n`);
  console.log('| operation | what is measured | median ms | p90 ms | max ms | target ms |');
  console.log('|---|---|---:|---:|---:|---:|');
  if (samples.length) {
    console.log(`| edit → repaint | a duration typed and committed → edit, check, schedule, rows, grid and chart DOM, next frame | ` +
      `${quantile(samples, 0.5).toFixed(1)} | ${quantile(samples, 0.9).toFixed(1)} | ${Math.max(...samples).toFixed(1)} | 50 |`);
    if (rowSamples.length) {
      console.log(`| of which rows | the program derived (the kept schedule read) and the plan's layout: every row's key and bar, the links (planwork:plan-rows) | ` +
        `${quantile(rowSamples, 0.5).toFixed(1)} | ${quantile(rowSamples, 0.9).toFixed(1)} | ${Math.max(...rowSamples).toFixed(1)} | — |`);
    }
  } else {
    errors.push('no planwork:edit-repaint measure');
  }
  if (hot.length) {
    console.log('\n| function (self time over the counted edits) | ms |\n|---|---:|');
    for (const [name, ms] of hot.slice(0, 30)) console.log(`| ${name} | ${ms.toFixed(1)} |`);
  }
} catch (error) {
  errors.push(String(error));
}
await finish({ close, server, errors });
