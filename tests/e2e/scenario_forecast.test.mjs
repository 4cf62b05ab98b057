// End-to-end: a scenario's forecast reflects its slip on an estimated task (issue 15). The
// journey reported: the example → Scenarios → quick impact on "Landing zone design" (on the
// critical path, estimated 8/10/15), slip 2w → Save → Forecast → the program, then that
// scenario → Run (a fixed seed, 2,000 iterations) → every percentile of the scenario is
// later than the program's by most of the slip, its P10 sits where the program's does
// against its own planned finish, and "Compare forecasts" shows the difference.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/scenario_forecast.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, home, outDir } from './helpers.mjs';

const shots = process.env.SCREENSHOTS ?? outDir;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const DAY = 86_400_000;
/** Calendar days from date text `a` to date text `b`. */
const days = (a, b) => (Date.parse(b) - Date.parse(a)) / DAY;

/** The program finish row of the dates table: { planned, p10, p50, p80, p90 }. */
async function finishRow(page) {
  const row = page.locator('table.forecast-summary tr[data-finish=""]');
  const cell = async (col) => (await row.locator(`td[data-col="${col}"]`).textContent()).trim();
  return {
    planned: await cell('deterministic'),
    p10: await cell('p10'),
    p50: await cell('p50'),
    p80: await cell('p80'),
    p90: await cell('p90'),
  };
}

/** Chooses `subject` (its label), runs the forecast and waits for its result. */
async function forecast(page, subject) {
  await page.getByRole('combobox', { name: 'Forecast' }).selectOption({ label: subject });
  await page.getByRole('button', { name: 'Run forecast' }).click();
  await page.locator('.forecast-heading', { hasText: subject }).waitFor({ timeout: 60_000 });
  await page.locator('.forecast-progress').waitFor({ state: 'detached', timeout: 60_000 });
  return finishRow(page);
}

test('a scenario slipping an estimated task forecasts later than the program', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1366, height: 768 });
  await home(page);
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('tab', { name: 'Scenarios' }).click();

  // Quick impact: Landing zone design, slip 2w, saved.
  await page.getByRole('searchbox', { name: 'Tasks' }).fill('Landing zone');
  await page.getByRole('button', { name: /Landing zone design/ }).click();
  await page.getByRole('textbox', { name: /Working days/ }).fill('2w');
  await page.locator('[data-role="qi-finish"]', { hasText: '+10 working days' }).waitFor();
  await page.getByRole('button', { name: 'Save as scenario' }).click();
  await page.locator('tr[data-scenario="s1"]').waitFor();
  const name = (await page.locator('tr[data-scenario="s1"] .scenario-name').textContent()).trim();

  // Forecast the program, then the scenario: same seed, 2,000 iterations.
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await page.getByRole('spinbutton', { name: 'Iterations' }).fill('2000');
  await page.getByRole('spinbutton', { name: 'Iterations' }).dispatchEvent('change');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  await page.getByRole('spinbutton', { name: 'Seed' }).dispatchEvent('change');
  const program = await forecast(page, 'The program');
  const scenario = await forecast(page, `Scenario: ${name}`);
  await page.screenshot({ path: join(shots, 'scenario-forecast.png'), fullPage: true });

  // The plan: 10 working days later is two calendar weeks (the task is critical).
  assert.equal(days(program.planned, scenario.planned), 14, `planned: ${program.planned} → ${scenario.planned}`);
  // Every percentile moves with it: the slip shifts all three points of the estimate, so
  // nothing can make up most of it (at least 10 of the 14 calendar days).
  for (const p of ['p10', 'p50', 'p80', 'p90']) {
    assert.ok(days(program[p], scenario[p]) >= 10, `${p}: program ${program[p]}, scenario ${scenario[p]}`);
  }
  // The scenario's P10 stands to its planned finish as the program's does to its own
  // (within a week): the optimistic estimates allow no more than they did.
  const programSpread = days(program.planned, program.p10);
  const scenarioSpread = days(scenario.planned, scenario.p10);
  assert.ok(Math.abs(scenarioSpread - programSpread) <= 7,
    `P10 − planned: program ${programSpread} days, scenario ${scenarioSpread} days`);

  // Compare forecasts: the program (A) against the scenario (B), later by days.
  const compare = page.locator('[data-section="compare"]');
  await compare.getByRole('combobox', { name: 'A' }).selectOption({ label: 'The program' });
  await compare.getByRole('combobox', { name: 'B' }).selectOption({ label: `Scenario: ${name}` });
  const finish = compare.locator('table.forecast-compare tbody tr').first();
  for (const col of ['delta-p50', 'delta-p80']) {
    const text = (await finish.locator(`td[data-col="${col}"]`).textContent()).trim();
    const match = text.match(/^\+(\d+) days$/);
    assert.ok(match && Number(match[1]) >= 10, `${col}: ${text}`);
  }
  await compare.screenshot({ path: join(shots, 'scenario-forecast-compare.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
