// End-to-end: a new program manager's first plan, entirely in the app (issue 15). At 1366×768,
// on a browser profile kept on disk: a two-team program with a holiday, typed in the grid
// (Tab after each name), with three-point estimates and a risk; forecast, then a scenario of
// it forecast and found later; a last task typed and the tab closed at once, the browser
// quit; after a restart everything is there: tasks, teams, holiday, estimates, risk,
// scenario. Screenshots go to tests/e2e/out/.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/new_user.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumOptions, watch, home, taskNames, taskRow, editCell, saved, outDir } from './helpers.mjs';

const profile = mkdtempSync(join(tmpdir(), 'planwork-e2e-new-user-'));
after(() => rmSync(profile, { recursive: true, force: true }));

/** The browser on the kept profile, at a laptop's size. */
async function start() {
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumOptions,
    viewport: { width: 1366, height: 768 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  watch(page, problems);
  return { context, page, problems };
}

const tab = (page, name) => page.getByRole('tab', { name, exact: true });
const cell = (page, name, col) => taskRow(page, name).locator(`[data-col="${col}"]`);
const section = (page, name) => page.locator('[data-role="setup"]').getByRole('region', { name, exact: true });

/** Types a task in the empty row as people do: its name, Tab, its duration, Enter. */
async function typeTask(page, name, duration) {
  await page.locator('.plan-grid').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(duration);
  await page.keyboard.press('Enter');
  await cell(page, name, 'duration').filter({ hasText: duration }).waitFor();
}

/** Runs the forecast of `subject`; returns the finish row's P50. */
async function forecast(page, subject) {
  await page.getByRole('combobox', { name: 'Forecast' }).selectOption({ label: subject });
  await page.getByRole('button', { name: 'Run forecast' }).click();
  await page.locator('.forecast-heading', { hasText: subject }).waitFor({ timeout: 60_000 });
  await page.locator('.forecast-progress').waitFor({ state: 'detached', timeout: 60_000 });
  const p50 = page.locator('table.forecast-summary tr[data-finish=""] td[data-col="p50"]');
  return (await p50.textContent()).trim();
}

test('a two-team plan built in the app, forecast with a scenario, closed mid-edit, all there after a restart', async () => {
  let { context, page, problems } = await start();
  await home(page);
  await page.getByRole('textbox', { name: 'New program' }).fill('Payments replatform');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.locator('main[data-view="program"] .plan-grid').waitFor({ timeout: 15_000 });

  // Setup: the start, a second team (the first renamed), a holiday.
  await tab(page, 'Setup').click();
  const startField = section(page, 'Program').getByLabel('Start', { exact: true });
  await startField.fill('2027-03-01');
  await startField.press('Enter');
  const teams = section(page, 'Workstreams (teams)');
  const general = teams.getByRole('group', { name: 'General', exact: true });
  await general.getByRole('textbox', { name: 'Name', exact: true }).fill('Platform');
  await general.getByRole('textbox', { name: 'Name', exact: true }).press('Enter');
  await teams.getByRole('group', { name: 'Platform', exact: true }).waitFor();
  await teams.getByRole('textbox', { name: 'New workstream' }).fill('Mobile');
  await teams.getByRole('button', { name: 'Add workstream' }).click();
  await teams.getByRole('group', { name: 'Mobile', exact: true }).waitFor();
  const calendar = section(page, 'Working calendar');
  await calendar.getByLabel('Holiday', { exact: true }).fill('2027-03-10');
  await calendar.getByRole('button', { name: 'Add holiday' }).click();
  await calendar.locator('.holiday[data-date="2027-03-10"]').waitFor();

  // Plan: tasks typed with Tab, links, the second team's tasks, estimates.
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid').focus();
  await typeTask(page, 'Design API', '5d');
  await typeTask(page, 'Build API', '10d');
  await typeTask(page, 'Launch', '0');
  await editCell(page, cell(page, 'Build API', 'predecessors'), '1');
  await editCell(page, cell(page, 'Launch', 'predecessors'), '2');
  await page.getByRole('button', { name: 'Columns' }).click();
  for (const col of ['workstream', 'estimate']) await page.locator(`.column-picker input[data-col="${col}"]`).check();
  await page.keyboard.press('Escape');
  // With the Workstream column shown, Tab goes from the name to the team, then the duration.
  await page.locator('.plan-grid').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Mobile screens');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Mobile');
  await page.keyboard.press('Tab');
  await page.keyboard.type('8d');
  await page.keyboard.press('Enter');
  await cell(page, 'Mobile screens', 'duration').filter({ hasText: '8d' }).waitFor();
  assert.equal((await cell(page, 'Mobile screens', 'workstream').textContent()).trim(), 'Mobile');
  await editCell(page, cell(page, 'Mobile screens', 'predecessors'), '1');
  await editCell(page, cell(page, 'Launch', 'predecessors'), '2, 4');
  await editCell(page, cell(page, 'Design API', 'estimate'), '4/5/8');
  await editCell(page, cell(page, 'Build API', 'estimate'), '8/10/18');
  await editCell(page, cell(page, 'Mobile screens', 'estimate'), '6/8/12');
  // Design API runs Mon 03-01 to Fri 03-05; Build API's ten days skip the holiday on
  // Wednesday 03-10: 03-08 … 03-22 (without it, 03-19).
  assert.equal((await cell(page, 'Build API', 'finish').textContent()).trim(), '2027-03-22');
  assert.equal(await page.locator('.plan-grid .group-row').count(), 2, 'two teams');
  await page.screenshot({ path: join(outDir, 'new-user-plan.png') });

  // A risk, in the Forecast tab, on Build API.
  await tab(page, 'Forecast').click();
  const risks = page.locator('[data-section="risks"]');
  const form = risks.getByRole('form', { name: 'Add a risk' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Card network certification slips');
  await form.getByRole('textbox', { name: 'Probability (%)' }).fill('30');
  await form.getByRole('textbox', { name: 'Impact (working days)' }).fill('5-10');
  await form.getByRole('button', { name: 'Add risk' }).click();
  const r1 = risks.getByRole('group', { name: 'Risk R1' });
  await r1.getByRole('searchbox', { name: 'Add a task it would delay' }).fill('build');
  await r1.getByRole('button', { name: /Build API/ }).click();
  await r1.getByRole('button', { name: 'Remove Build API' }).waitFor();

  // Forecast the program: estimates and the risk make it uncertain.
  await page.getByRole('spinbutton', { name: 'Iterations' }).fill('1000');
  await page.getByRole('spinbutton', { name: 'Iterations' }).dispatchEvent('change');
  const programP50 = await forecast(page, 'The program');
  assert.equal(await page.locator('.forecast-result [data-state="nothing-uncertain"]').count(), 0);
  assert.ok(await page.locator('.histogram-chart rect.chart-bar').count() > 3, 'a real spread');

  // A scenario: Build API two weeks late; its forecast is later.
  await tab(page, 'Scenarios').click();
  while (await page.locator('.qi-chip-remove').count()) await page.locator('.qi-chip-remove').first().click();
  await page.getByRole('searchbox', { name: 'Tasks' }).fill('Build');
  await page.getByRole('button', { name: /Build API/ }).click();
  await page.getByRole('textbox', { name: /Working days/ }).fill('2w');
  await page.locator('[data-role="qi-finish"]', { hasText: '+10 working days' }).waitFor();
  await page.locator('[data-field="qi-name"]').fill('Build API two weeks late');
  await page.getByRole('button', { name: 'Save as scenario' }).click();
  await page.locator('tr[data-scenario="s1"]').waitFor();
  await tab(page, 'Forecast').click();
  const scenarioP50 = await forecast(page, 'Scenario: Build API two weeks late');
  assert.ok(scenarioP50 > programP50, `the scenario's P50 ${scenarioP50} after the program's ${programP50}`);
  await page.screenshot({ path: join(outDir, 'new-user-forecast.png'), fullPage: true });

  // Mid-edit: one more task, and at once the tab is closed and the browser quit.
  await tab(page, 'Plan').click();
  await saved(page);
  await page.locator('.plan-grid').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Pilot with one bank');
  await page.keyboard.press('Enter');
  await taskRow(page, 'Pilot with one bank').waitFor();
  await page.close();
  const before = [...problems];
  await context.close();

  // A restart: everything is there.
  ({ context, page, problems } = await start());
  await home(page);
  await page.locator('.program-name', { hasText: 'Payments replatform' }).click();
  await page.locator('main[data-view="program"] .plan-grid .task-row').first().waitFor({ timeout: 15_000 });
  await taskRow(page, 'Pilot with one bank').waitFor();
  assert.deepEqual((await taskNames(page)).sort(),
    ['Build API', 'Design API', 'Launch', 'Mobile screens', 'Pilot with one bank'].sort());
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.locator('.column-picker input[data-col="estimate"]').check();
  await page.keyboard.press('Escape');
  assert.equal((await cell(page, 'Build API', 'estimate').textContent()).trim(), '8/10/18');
  assert.equal((await cell(page, 'Build API', 'finish').textContent()).trim(), '2027-03-22');
  await tab(page, 'Setup').click();
  await section(page, 'Working calendar').locator('.holiday[data-date="2027-03-10"]').waitFor();
  await section(page, 'Workstreams (teams)').getByRole('group', { name: 'Mobile', exact: true }).waitFor();
  await tab(page, 'Forecast').click();
  await page.locator('[data-section="risks"]').getByRole('group', { name: 'Risk R1' }).waitFor();
  await tab(page, 'Scenarios').click();
  await page.locator('tr[data-scenario="s1"]', { hasText: 'Build API two weeks late' }).waitFor();
  await page.screenshot({ path: join(outDir, 'new-user-after-restart.png') });
  assert.deepEqual([...before, ...problems], []);
  await context.close();
});
