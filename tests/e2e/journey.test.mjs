// End-to-end: the main journey never talks to another origin (issue 8). Open the example,
// edit a duration in the grid, slip a task and save that as a scenario, run a forecast on
// the scenario, export the program — once in the served app and once in the one-file app
// opened from disk. Every request the browser makes for the page and its workers is
// recorded; any that is not the app's own (its origin, or the file itself, data: and blob:
// URLs made by the app) fails the test. The Content-Security-Policy would block such a
// request anyway: this checks the app never even tries.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/journey.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { baseUrl, launch, editCell, exportProgram, saved, taskRow, outDir } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const singleFile = pathToFileURL(join(here, '..', '..', 'dist', 'planwork.html')).href;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A fresh context whose every request (pages and workers) lands in `requests`. */
async function recordingPage() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('worker', (worker) => worker.on('console', () => {}));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  return { context, page, requests, problems };
}

/** The journey: example → grid edit → scenario → forecast on it → export. */
async function journey(page, start) {
  await page.goto(start);
  await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 20_000 });
  await page.locator('[data-action="open-example"]').click();
  await page.locator('main[data-view="program"] .plan-grid').waitFor({ timeout: 20_000 });

  // Edit: the landing zone design takes 12 days instead of 10.
  const duration = taskRow(page, 'Landing zone design').locator('[data-col="duration"]');
  await editCell(page, duration, '12d');
  await taskRow(page, 'Landing zone design').locator('[data-col="duration"]', { hasText: '12d' }).waitFor();

  // Scenario: data quality fixes three weeks late, saved from quick impact.
  await page.locator('[data-tab="scenarios"]').click();
  // Quick impact starts from the grid's selection (the task just edited): start afresh.
  while (await page.locator('.qi-chip-remove').count()) await page.locator('.qi-chip-remove').first().click();
  await page.locator('[data-field="qi-search"]').fill('quality fixes');
  await page.locator('.qi-match[data-task="DA5"]').click();
  await page.locator('[data-field="qi-amount"]').fill('+15d');
  await page.locator('[data-role="qi-finish"]', { hasText: '+15 working days' }).waitFor();
  await page.locator('[data-field="qi-name"]').fill('Data fixes 3 weeks late');
  await page.locator('[data-action="qi-save"]').click();
  await page.locator('tr[data-scenario="s1"]').waitFor();
  assert.deepEqual(
    (await page.locator('.scenario-open .change-text').allTextContents()).map((t) => t.trim()),
    ["Data: 'Data quality fixes' +15d"],
  );

  // Forecast the scenario (in the worker).
  await page.locator('[data-tab="forecast"]').click();
  const target = page.locator('.forecast-panel select[name="subject"]');
  await target.selectOption({ label: 'Scenario: Data fixes 3 weeks late' });
  await page.locator('input[name="iterations"]').fill('2000');
  await page.locator('input[name="iterations"]').dispatchEvent('change');
  await page.locator('button[data-action="run-forecast"]').click();
  await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('tr[data-finish=""] td[data-col="p80"]').textContent(), /^\s*\d{4}-\d{2}-\d{2}\s*$/);
  assert.match(await page.locator('.forecast-heading').textContent(), /Scenario: Data fixes 3 weeks late/);

  // Export: the file carries the edit and the scenario.
  await saved(page);
  const { bytes } = await exportProgram(page);
  const file = JSON.parse(bytes.toString('utf8'));
  assert.equal(file.tasks.find((t) => t.name === 'Landing zone design').duration, 12);
  assert.deepEqual(file.scenarios.map((s) => s.name), ['Data fixes 3 weeks late']);
}

/** The requests that are not the app's own. */
function foreign(requests, isOwn) {
  return requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && !isOwn(url));
}

test('the served app: the main journey requests nothing from another origin', async () => {
  const { context, page, requests, problems } = await recordingPage();
  const origin = new URL(baseUrl).origin;
  await journey(page, baseUrl);
  await page.screenshot({ path: join(outDir, 'journey-served.png'), fullPage: true });
  await context.close();
  assert.ok(requests.length > 0, 'requests were recorded');
  assert.deepEqual(foreign(requests, (url) => new URL(url).origin === origin), []);
  assert.deepEqual(problems, []);
});

test('planwork.html from disk: the main journey requests nothing but the file itself', async () => {
  assert.ok(readFileSync(fileURLToPath(singleFile)).length > 0);
  const { context, page, requests, problems } = await recordingPage();
  await journey(page, singleFile);
  await page.screenshot({ path: join(outDir, 'journey-file.png'), fullPage: true });
  await context.close();
  assert.deepEqual(foreign(requests, (url) => url === singleFile), []);
  assert.deepEqual(problems, []);
});
