//! Where an edit's time goes in the plan view: Chromium's timeline trace over 10 edits of
//! a duration (after 3 not counted), the main thread's events inside each
//! `planwork:edit-repaint` measure summed by name (script, style, layout, paint …), per edit.
//!
//!   node bench/web/app-plan-trace.mjs PROGRAM.planwork.json
//!
//! Serves the release build as `app-plan.mjs` does (`$PLANWORK_DIST`, else dist/). The
//! names of wasm functions need a build without wasm-opt's stripping (see BENCHMARKS.md).

import { importProgram, openApp } from './browser.mjs';
const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/web/app-plan-trace.mjs PROGRAM.planwork.json');
  process.exit(2);
}
const { server, context, close } = await openApp('trace-');
const page = context.pages()[0] ?? await context.newPage();
const row = await importProgram(page, server.url, file);
const id = await row.getAttribute('data-task-id');
const cell = page.locator(`.plan-grid .task-row[data-task-id="${id}"] [data-col="duration"]`);
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.on('Tracing.tracingComplete', r));
for (let run = 0; run < 13; run++) {
  if (run === 3) await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,v8.execute', transferMode: 'ReportEvents' });
  const before = await page.evaluate(() => performance.getEntriesByName('planwork:edit-repaint').length);
  await cell.click();
  await page.keyboard.press('Enter');
  const input = page.locator('[data-role="cell-input"]');
  await input.fill(`${3 + (run % 5)}d`);
  await input.press('Enter');
  await page.waitForFunction((n) => performance.getEntriesByName('planwork:edit-repaint').length > n, before);
}
await cdp.send('Tracing.end');
await done;
// Events inside the edit-repaint measures.
const marks = events.filter((e) => e.name === 'planwork:edit-repaint' && e.ph === 'b' || e.name === 'planwork:edit-repaint' && e.ph === 'e');
const windows = [];
for (let i = 0; i + 1 < marks.length; i += 2) windows.push([marks[i].ts, marks[i + 1].ts]);
const inside = (e) => windows.some(([a, b]) => e.ts >= a && e.ts <= b);
const total = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur || !inside(e)) continue;
  total.set(e.name, (total.get(e.name) ?? 0) + e.dur / 1000);
}
console.log(`edits traced: ${windows.length}; edit → repaint ms: ${windows.map(([a, b]) => ((b - a) / 1000).toFixed(1)).join(' ')}`);
console.log('\n| main-thread event | ms per edit |\n|---|---:|');
for (const [n, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`| ${n} | ${(ms / windows.length).toFixed(2)} |`);
// How much each step touched: elements restyled, objects laid out (of all).
const sum = (name, get) => events.filter((e) => e.name === name && e.ph === 'X' && inside(e))
  .reduce((n, e) => n + (get(e) ?? 0), 0) / windows.length;
console.log(`\nper edit: ${sum('UpdateLayoutTree', (e) => e.args?.elementCount).toFixed(0)} elements restyled, `
  + `${sum('Layout', (e) => e.args?.beginData?.dirtyObjects).toFixed(0)} of `
  + `${sum('Layout', (e) => e.args?.beginData?.totalObjects).toFixed(0)} layout objects laid out`);
await close();
server.close();
