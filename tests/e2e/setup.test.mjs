// The Setup tab (issue 15): a two-team program set up from scratch in the app — its name,
// start, a second workstream renamed, coloured, moved up and given its own working days, a
// holiday added and a list pasted (each moving a task's finish in the plan grid as worked
// by hand), a status date, a committed finish, the critical-path rule, a workstream deleted
// with its tasks moved, undo, and everything still there after a reload. And the home
// view's Import button (a real button opening the file picker) and an import error left
// behind when a program opens. Screenshots (1366×768) go to tests/e2e/out/.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/setup.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  launch, openPage, home, createProgram, taskRow, saved, outDir, filesDir, paste,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tab = (page, name) => page.getByRole('tab', { name, exact: true });
const section = (page, name) =>
  page.locator('[data-role="setup"]').getByRole('region', { name, exact: true });
const team = (page, name) =>
  section(page, 'Workstreams (teams)').getByRole('group', { name, exact: true });

/** Waits until task `name`'s finish in the plan grid is `date`. */
async function finishes(page, name, date) {
  await tab(page, 'Plan').click();
  await taskRow(page, name).locator('[data-col="finish"]', { hasText: date }).waitFor({ timeout: 5_000 });
}

/** The workstream group rows of the plan grid, in order (their ids). */
async function groupRows(page) {
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid .group-row').first().waitFor();
  return (await page.locator('.plan-grid .group-row').evaluateAll((rows) => rows.map((r) => r.dataset.key)));
}

/** Types `value` into `field` and commits it with Enter. */
async function commit(field, value) {
  await field.fill(value);
  await field.press('Enter');
}

/** Waits until the focus is on the button `text` (the row gives it back a frame after a move). */
async function focusOn(page, text) {
  await page.waitForFunction((t) => document.activeElement?.textContent === t, text, { timeout: 5_000 });
}

/** The names of the Setup tab's workstream rows, in order. */
async function teamNames(page) {
  return section(page, 'Workstreams (teams)').locator('.ws-row').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('aria-label')));
}

test('a two-team program set up from scratch in the Setup tab, undone in part, reloaded', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1366, height: 768 });
  await home(page);
  await createProgram(page, 'Payments');
  await tab(page, 'Setup').click();

  // The name, in the program's head; the start in Setup, committed on Enter; a refused date
  // says why, beside it.
  const program = section(page, 'Program');
  await commit(page.getByRole('textbox', { name: 'Program name' }), 'Payments replatform');
  await page.waitForFunction(() => document.title.startsWith('\u2068Payments replatform\u2069'));
  const start = program.getByLabel('Start', { exact: true });
  await start.fill('0200-01-01');
  const startError = program.locator('[data-field="start"] [data-role="setup-error"]');
  await startError.waitFor();
  assert.match(await startError.textContent(), /^Start: .*outside the supported dates/);
  assert.equal(await start.getAttribute('aria-invalid'), 'true');
  await start.fill('2026-03-02');
  await startError.waitFor({ state: 'detached' });

  // Workstreams: add one, rename it, colour it, move it up (by mouse, then by keyboard).
  const teams = section(page, 'Workstreams (teams)');
  await teams.getByRole('textbox', { name: 'New workstream' }).fill('Mobile team');
  await teams.getByRole('button', { name: 'Add workstream' }).click();
  await commit(team(page, 'Mobile team').getByRole('textbox', { name: 'Name', exact: true }), 'Mobile');
  const mobile = team(page, 'Mobile');
  await mobile.waitFor();
  assert.equal(await mobile.getByLabel('Colour').inputValue(), '#d9822b', 'the default of its place');
  await mobile.getByLabel('Colour').fill('#7b3fd6');
  await mobile.getByRole('button', { name: 'Default colour' }).waitFor();
  await mobile.getByRole('button', { name: 'Move up' }).click();
  await mobile.getByRole('button', { name: 'Move up' }).and(page.locator(':disabled')).waitFor();
  assert.deepEqual(await teamNames(page), ['Mobile', 'General']);
  // At the top, the focus is on "Move down": Enter moves it back, Enter on "Move up" again.
  await focusOn(page, 'Move down');
  await page.keyboard.press('Enter');
  await mobile.getByRole('button', { name: 'Move down' }).and(page.locator(':disabled')).waitFor();
  await focusOn(page, 'Move up');
  await page.keyboard.press('Enter');
  await mobile.getByRole('button', { name: 'Move up' }).and(page.locator(':disabled')).waitFor();
  assert.deepEqual(await teamNames(page), ['Mobile', 'General']);

  // Two tasks of 8 days, one per team: from Monday 2026-03-02 both end Wednesday 03-11.
  // The grid's groups follow the new order.
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid .new-row [data-col="name"]').click();
  await paste(page, 'Name\tDuration\tWorkstream\nBuild API\t8d\tGeneral\nMobile app\t8d\tMobile\n');
  await finishes(page, 'Build API', '2026-03-11');
  await finishes(page, 'Mobile app', '2026-03-11');
  assert.deepEqual(await groupRows(page), ['g:mobile-team', 'g:general']);
  assert.match(await page.locator('.plan-grid .group-row').first().textContent(), /Mobile \(1\)/);

  // Mobile works Monday to Thursday: Mon 2 … Thu 5, Mon 9 … Thu 12.
  await tab(page, 'Setup').click();
  await mobile.getByRole('button', { name: 'Working days' }).click();
  await mobile.getByRole('checkbox', { name: 'Fri' }).uncheck();
  await mobile.locator('[data-role="team-days"]', { hasText: 'Mon–Thu (own)' }).waitFor();
  assert.ok(await mobile.getByRole('checkbox', { name: 'Sat' }).isDisabled(), 'not a program day');
  await page.screenshot({ path: join(outDir, 'setup-team-days.png'), fullPage: true });
  await finishes(page, 'Mobile app', '2026-03-12');
  await finishes(page, 'Build API', '2026-03-11');

  // A holiday on Tuesday 03-03 takes a day from both.
  await tab(page, 'Setup').click();
  const calendar = section(page, 'Working calendar');
  await calendar.getByLabel('Holiday', { exact: true }).fill('2026-03-03');
  await calendar.getByRole('button', { name: 'Add holiday' }).click();
  await calendar.locator('.holiday[data-date="2026-03-03"]').waitFor();
  await finishes(page, 'Build API', '2026-03-12');
  await finishes(page, 'Mobile app', '2026-03-16');

  // A pasted list: a range and a date; a bad part is named and nothing changes.
  await tab(page, 'Setup').click();
  const pasted = calendar.getByRole('textbox', { name: 'Paste dates' });
  await pasted.fill('2026-03-09..2026-03-10, soon');
  await calendar.getByRole('button', { name: 'Add dates' }).click();
  const calendarError = calendar.locator('[data-role="setup-error"]');
  await calendarError.waitFor();
  assert.match(await calendarError.textContent(), /'soon': not a date/);
  assert.equal(await calendar.locator('.holiday').count(), 1, 'nothing added');
  await pasted.fill('2026-03-09..2026-03-10\n2026-12-25');
  await calendar.getByRole('button', { name: 'Add dates' }).click();
  await calendarError.waitFor({ state: 'detached' });
  assert.deepEqual(
    await calendar.locator('.holiday-date').allTextContents(),
    ['2026-03-03', '2026-03-09', '2026-03-10', '2026-12-25'],
  );
  assert.equal(
    (await calendar.locator('[data-role="holiday-summary"]').textContent()).trim(),
    '4 holidays, 4 of them on working days.',
  );
  assert.equal(await pasted.inputValue(), '', 'the list was taken');
  await finishes(page, 'Build API', '2026-03-16');
  await finishes(page, 'Mobile app', '2026-03-18');

  // Status date and a committed finish far ahead: with total float ≤ 0 nothing is
  // critical; the longest path marks the chain that sets the finish (Mobile app).
  await tab(page, 'Setup').click();
  await program.getByLabel('Status date', { exact: true }).fill('2026-03-02');
  await program.getByLabel('Finish by', { exact: true }).fill('2026-06-30');
  await program.getByRole('button', { name: 'Clear finish by' }).and(page.locator(':enabled')).waitFor();
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid .task-row').nth(1).waitFor();
  assert.equal(await page.locator('.plan-grid .task-row.critical').count(), 0);
  await tab(page, 'Setup').click();
  await program.getByRole('radio', { name: 'Longest path' }).check();
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid .task-row.critical').first().waitFor();
  assert.equal(await page.locator('.plan-grid .task-row.critical').count(), 1);
  assert.match(await page.locator('.plan-grid .task-row.critical').textContent(), /Mobile app/);
  await tab(page, 'Setup').click();
  await program.getByRole('radio', { name: 'Total float ≤' }).check();
  assert.ok(await program.getByLabel('Total float in working days').isEnabled());
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid .task-row.critical').first().waitFor({ state: 'detached' });
  // N = 200 working days: both are within it. The Undo button takes it back.
  await tab(page, 'Setup').click();
  await commit(program.getByLabel('Total float in working days'), '200');
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid .task-row.critical').nth(1).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.plan-grid .task-row.critical').first().waitFor({ state: 'detached' });
  await tab(page, 'Setup').click();
  assert.equal(await program.getByLabel('Total float in working days').inputValue(), '0');

  // The last workstream cannot go; General goes, its task moving to Mobile.
  await page.screenshot({ path: join(outDir, 'setup-tab.png') });
  await page.screenshot({ path: join(outDir, 'setup-tab-full.png'), fullPage: true });
  const general = team(page, 'General');
  await general.getByRole('button', { name: 'Delete…' }).click();
  const deletion = general.locator('[data-role="workstream-delete"]');
  assert.match(await deletion.textContent(), /Its task moves to another workstream/);
  assert.equal(await deletion.getByLabel('Move its tasks to').inputValue(), 'mobile-team');
  await deletion.screenshot({ path: join(outDir, 'setup-delete.png') });
  await deletion.getByRole('button', { name: 'Delete workstream' }).click();
  await general.waitFor({ state: 'detached' });
  assert.equal(await mobile.locator('[data-role="task-count"]').textContent(), '2 tasks');
  await mobile.getByRole('button', { name: 'Delete…' }).click();
  const lastError = mobile.locator('[data-role="setup-error"]');
  await lastError.waitFor();
  assert.match(await lastError.textContent(), /'Mobile' is the only workstream/);
  assert.deepEqual(await groupRows(page), ['g:mobile-team']);
  await finishes(page, 'Build API', '2026-03-18'); // now on Mobile's four-day week

  // Ctrl+Z (outside a field) brings General back with its task.
  await page.locator('.gantt-legend').click();
  await page.keyboard.press('Control+z');
  await finishes(page, 'Build API', '2026-03-16');
  assert.deepEqual(await groupRows(page), ['g:mobile-team', 'g:general']);

  // Reload: everything is still there.
  await saved(page);
  await page.reload();
  await page.locator('main[data-view="program"] .plan-grid').waitFor({ timeout: 15_000 });
  await finishes(page, 'Mobile app', '2026-03-18');
  await finishes(page, 'Build API', '2026-03-16');
  assert.deepEqual(await groupRows(page), ['g:mobile-team', 'g:general']);
  await tab(page, 'Setup').click();
  assert.equal(await page.getByRole('textbox', { name: 'Program name' }).inputValue(), 'Payments replatform');
  assert.equal(await program.getByLabel('Start', { exact: true }).inputValue(), '2026-03-02');
  assert.equal(await program.getByLabel('Status date', { exact: true }).inputValue(), '2026-03-02');
  assert.equal(await program.getByLabel('Finish by', { exact: true }).inputValue(), '2026-06-30');
  assert.ok(await program.getByRole('radio', { name: 'Total float ≤' }).isChecked());
  assert.deepEqual(await teamNames(page), ['Mobile', 'General']);
  assert.equal(await mobile.getByLabel('Colour').inputValue(), '#7b3fd6');
  assert.equal(await mobile.locator('[data-role="team-days"]').textContent(), 'Mon–Thu (own)');
  assert.equal(await calendar.locator('.holiday').count(), 4);
  await section(page, 'Workstreams (teams)').screenshot({ path: join(outDir, 'setup-workstreams.png') });
  await page.getByRole('button', { name: 'Dark' }).click();
  await page.screenshot({ path: join(outDir, 'setup-tab-dark.png'), fullPage: true });

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('the Import button opens the file picker; an import error does not follow into a program', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Kept');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'All programs' }).click();
  await page.locator('main[data-view="home"] table.program-list').waitFor();

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 5_000 }),
    page.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await chooser.setFiles(join(filesDir, 'broken', 'cycle.json'));
  const notice = page.locator('.messages .notice-error');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.textContent(), /Import failed/);

  await page.locator('table.program-list .program-link', { hasText: 'Kept' }).click();
  await page.locator('main[data-view="program"] .plan-grid').waitFor();
  assert.equal(await page.locator('.messages .notice').count(), 0, 'the home view\'s error stayed there');

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});
