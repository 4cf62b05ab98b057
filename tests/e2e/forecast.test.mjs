// End-to-end: Monte Carlo forecasts in the browser (issue 7). On the example program: run
// 5,000 iterations in the worker, watch the progress, read the P80 of the program finish;
// the same seed gives the same numbers; cancel stops a run; an edit marks the result stale;
// a scenario is forecast and compared; main-thread tasks over 50 ms during a run are reported
// (timed by bench/web/app-forecast.mjs, not here); a worker that dies is a message. Then
// the one-file app (planwork.html from disk) forecasts too, through its blob: worker.
//
// Screenshots go to $FORECAST_SHOTS (default /tmp), as forecast-*.png.
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/forecast.test.mjs
// PLANWORK_SINGLE names the one-file app (default dist/planwork.html).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { launch, openPage, home, chromiumOptions, watch } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = process.env.FORECAST_SHOTS ?? '/tmp';
const single = process.env.PLANWORK_SINGLE ?? join(here, '..', '..', 'dist', 'planwork.html');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Records every main-thread long task (over 50 ms) from page start in window.__longTasks. */
async function watchLongTasks(context) {
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Records each progress text shown, in window.__progress. */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    const seen = () => {
      const text = document.querySelector('.forecast-progress-text')?.textContent;
      if (text && window.__progress.at(-1) !== text) window.__progress.push(text);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function openExampleForecast(page) {
  await page.locator('[data-action="open-example"]').click();
  await page.locator('main[data-view="program"] [data-tab="forecast"]').waitFor({ timeout: 20_000 });
  await page.locator('[data-tab="forecast"]').click();
  await page.locator('.forecast-panel button[data-action="run-forecast"]').waitFor();
  // Let opening settle (the first save, the schedule) so that a run is measured alone.
  await page.locator('[data-role="save-status"].status-saved').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
}

/** Every row of the dates table: [finish, planned, p10, p50, p80, p90, mean, on time]. */
async function table(page) {
  return page.locator('table.forecast-summary tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
  );
}

/** Runs the forecast and waits for its result; returns the long tasks seen meanwhile. */
async function run(page) {
  const started = await page.evaluate(() => performance.now());
  const before = await page.locator('.forecast-result').count()
    ? await page.locator('.forecast-heading').textContent() : null;
  await page.locator('button[data-action="run-forecast"]').click();
  await page.locator('.forecast-progress').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor();
  const ended = await page.evaluate(() => performance.now());
  const long = await page.evaluate(([from, to]) =>
    window.__longTasks.filter((t) => t.start + t.duration >= from && t.start <= to), [started, ended]);
  return { long, before, ms: ended - started };
}

test('forecast the example program in a worker: progress, P80, same seed, cancel, stale, scenario', async (t) => {
  const { context, page, problems } = await openPage(browser);
  await watchLongTasks(context);
  await home(page);
  await openExampleForecast(page);
  assert.equal(await page.locator('input[name="iterations"]').inputValue(), '5000');
  assert.match(await page.locator('input[name="seed"]').inputValue(), /^\d+$/);

  // 1. A run: progress shown, then the dates. Main-thread long tasks during it are reported,
  // not asserted: that is speed, measured by bench/web/app-forecast.mjs (BENCHMARKS.md) on a
  // quiet machine; a test machine busy with other work cannot promise it.
  await watchProgress(page);
  const first = await run(page);
  if (first.long.length) t.diagnostic(`long main-thread tasks during the run: ${JSON.stringify(first.long)}`);
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.length >= 2, `progress was shown as it went: ${JSON.stringify(progress)}`);
  assert.match(progress.at(-1), /of 5,000 iterations$/);
  const rows = await table(page);
  assert.equal(rows[0][0], 'Program finish');
  for (const cell of rows[0].slice(1, 7)) assert.match(cell, DATE);
  assert.ok(rows[0][2] <= rows[0][3] && rows[0][3] <= rows[0][4] && rows[0][4] <= rows[0][5], 'P10 ≤ P50 ≤ P80 ≤ P90');
  assert.ok(rows.length > 1, 'milestones are listed');
  const p80 = rows[0][4];
  assert.match(await page.locator('.forecast-heading').textContent(), /5,000 iterations, seed/);
  assert.equal(await page.locator('.histogram-chart rect.chart-bar').count() > 3, true);
  assert.equal(await page.locator('.s-curve-chart polyline.chart-curve').count(), 1);
  assert.ok(await page.locator('.tornado-chart rect.tornado-bar').count() > 0, 'drivers are shown');
  assert.ok(await page.locator('.criticality-table tbody tr').count() > 0);
  await page.screenshot({ path: join(shots, 'forecast-result.png'), fullPage: true });

  // A milestone's charts.
  await page.locator('table.forecast-summary tbody tr').nth(1).locator('button').click();
  await page.locator('tr.selected').nth(0).waitFor();
  const milestone = await page.locator('table.forecast-summary tbody tr').nth(1).getAttribute('data-finish');
  await page.locator(`.forecast-charts[data-finish="${milestone}"]`).waitFor();
  await page.locator('.forecast-charts').screenshot({ path: join(shots, 'forecast-milestone.png') });

  // 2. The same seed again: the same numbers.
  await run(page);
  assert.deepEqual(await table(page), rows, 'same seed, same forecast');

  // 3. Cancel: a long run stops, and the last result stays.
  await page.locator('input[name="iterations"]').fill('100000');
  await page.locator('input[name="iterations"]').dispatchEvent('change');
  // Cancel at once: 100,000 iterations of the example take well under a second across warm
  // workers, less than waiting for the first progress report may take.
  await page.locator('button[data-action="run-forecast"]').click();
  await page.locator('button[data-action="cancel-forecast"]').click({ timeout: 2_000 });
  await page.locator('.forecast-progress').waitFor({ state: 'detached' });
  assert.equal(await page.locator('button[data-action="run-forecast"]').isEnabled(), true);
  assert.match(await page.locator('.forecast-heading').textContent(), /5,000 iterations/);
  assert.equal((await table(page))[0][4], p80);
  await page.locator('input[name="iterations"]').fill('5000');
  await page.locator('input[name="iterations"]').dispatchEvent('change');

  // 4. An edit to the plan: the result is marked stale.
  assert.equal(await page.locator('[data-state="stale"]').count(), 0);
  await page.locator('[data-tab="setup"]').click();
  await page.getByLabel('Start', { exact: true }).fill('2027-01-04');
  await page.getByLabel('Start', { exact: true }).press('Enter');
  await page.locator('[data-tab="forecast"]').click();
  await page.locator('p.forecast-stale').waitFor({ timeout: 5_000 });
  assert.match(await page.locator('p.forecast-stale').textContent(), /Stale/);
  await page.screenshot({ path: join(shots, 'forecast-stale.png'), fullPage: true });
  await run(page);
  assert.equal(await page.locator('p.forecast-stale').count(), 0, 'a new run is current');

  // 5. A scenario (an empty one, if the scenarios tab can make one): forecast and compare.
  await page.locator('[data-tab="scenarios"]').click();
  const create = page.locator('[data-action="new-scenario"]');
  if (await create.count()) {
    await create.click();
    await page.locator('[data-tab="forecast"]').click();
    const options = await page.locator('select[name="subject"] option').allTextContents();
    assert.ok(options.length >= 2, `a scenario to forecast: ${options}`);
    const scenario = options.find((o) => o.startsWith('Scenario: '));
    await page.locator('select[name="subject"]').selectOption({ label: scenario });
    await run(page);
    assert.match(await page.locator('.forecast-heading').textContent(), /^Scenario: /);
    await page.locator('table.forecast-compare').waitFor();
    const delta = await page.locator('table.forecast-compare tbody tr').first().locator('td[data-col="delta-p80"]').textContent();
    assert.equal(delta.trim(), 'same', 'an empty scenario forecasts like the program');
    await page.locator('[data-section="compare"]').screenshot({ path: join(shots, 'forecast-compare.png') });
  } else {
    test.diagnostic('no scenario UI: the scenario part is skipped');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline, the served app still forecasts: the service worker keeps the worker script', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload({ waitUntil: 'load' });
  const cached = await page.evaluate(async () =>
    (await (await caches.open('planwork-shell-v1')).keys()).map((r) => new URL(r.url).pathname));
  assert.ok(cached.includes('/forecast-worker.js'), `cached: ${cached}`);
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await openExampleForecast(page);
  await page.locator('button[data-action="run-forecast"]').click();
  await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor({ timeout: 30_000 });
  assert.match((await page.locator('tr[data-finish=""] td[data-col="p80"]').textContent()).trim(), DATE);
  // Offline, the page's own requests fail by design; only the app's errors count.
  assert.deepEqual(problems.filter((p) => !p.startsWith('request failed') && !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('a worker that dies is a message on the page, not an uncaught error', async () => {
  // No service worker: it would serve its cached copy of the script instead of this one.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  await context.route('**/forecast-worker.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "throw new Error('the test broke the worker');" }));
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  await home(page);
  // The tab starts a spare worker, which dies (unseen); the run starts another, which dies too.
  await openExampleForecast(page);
  await page.getByRole('button', { name: 'Run forecast' }).click();
  await page.getByText('The forecast worker stopped: Uncaught Error: the test broke the worker').waitFor();
  // Both deaths were handled: an error event left uncancelled would be a page error.
  assert.deepEqual(problems, []);
  await context.close();
});

test('the one-file app forecasts from disk, through a blob: worker', { skip: !existsSync(single) && `no ${single}` }, async () => {
  const context = await chromium.launchPersistentContext('', { ...chromiumOptions, viewport: { width: 1280, height: 800 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(pathToFileURL(single).href);
    await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 20_000 });
    await openExampleForecast(page);
    await page.locator('button[data-action="run-forecast"]').click();
    await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor({ timeout: 60_000 });
    assert.match((await page.locator('tr[data-finish=""] td[data-col="p80"]').textContent()).trim(), DATE);
    await page.screenshot({ path: join(shots, 'forecast-single-file.png') });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
