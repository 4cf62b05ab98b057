//! Opening a large program in the built app: from the file handed to the import input to
//! its first rows on screen (read, parse, check, store, schedule, the plan model, the first
//! paint), in headless Chromium; then scrolling the plan by 300 px steps to the painted
//! frame. Prints a markdown table.
//!
//!   node bench/web/app-open.mjs PROGRAM.planwork.json [RUNS] [SCROLLS]
//!
//! Serves the release build (`$PLANWORK_DIST`, else dist/) as the other app benchmarks do;
//! each run opens a fresh page (the browser's profile is new for the whole script). Exits
//! non-zero on any page error, console error or failed request.

import { stat } from 'node:fs/promises';
import { collectErrors, openApp, finish } from './browser.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const scrolls = Number(process.argv[4] ?? 30);
if (!file) {
  console.error('usage: node bench/web/app-open.mjs PROGRAM.planwork.json [RUNS] [SCROLLS]');
  process.exit(2);
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const { server, context, close } = await openApp('planwork-open-bench-');
const errors = [];
const opens = [];
const imports = [];
const steps = [];
try {
  for (let run = 0; run < runs && !errors.length; run++) {
    const page = await context.newPage();
    collectErrors(page, errors);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 30_000 });
    const start = Date.now();
    await page.locator('input[data-role="import-file"]').setInputFiles(file);
    await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 120_000 });
    // The frame that shows them.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    opens.push(Date.now() - start);
    imports.push(await page.evaluate(() => performance.getEntriesByName('planwork:import').at(-1)?.duration ?? NaN));
    if (run === runs - 1) {
      const pane = page.locator('.plan-pane-grid');
      for (let i = 0; i < scrolls; i++) {
        steps.push(await pane.evaluate((el) => new Promise((done) => {
          const t0 = performance.now();
          el.scrollTop += 300;
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
        })));
      }
    }
    await page.close();
  }
  const bytes = (await stat(file)).size;
  console.log(`open in ${context.browser()?.version() ?? 'Chromium'} (headless), file ${(bytes / 1e6).toFixed(1)} MB, ${opens.length} runs\n`);
  console.log('| operation | median ms | runs |\n|---|---:|---:|');
  console.log(`| file given → first rows painted | ${median(opens).toFixed(0)} | ${opens.length} |`);
  console.log(`| of which import (read, parse, check, store: planwork:import) | ${median(imports).toFixed(0)} | ${imports.length} |`);
  if (steps.length) console.log(`| a 300 px scroll of the plan → painted frame | ${median(steps).toFixed(1)} (p90 ${sorted(steps)[Math.floor(0.9 * steps.length)].toFixed(1)}) | ${steps.length} |`);
} catch (error) {
  errors.push(String(error));
}
await finish({ close, server, errors });
