// The plan view (issue 5): a plan typed from scratch in the grid, rows pasted from a
// spreadsheet, refused cells (a cycle, "abc"), undo and redo, the example program, a
// 10,000-task program that keeps only the rows in view in the DOM, themes and large text.
// Screenshots go to $PLANWORK_SHOTS (default: planwork-plan-shots in the system temp dir).
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/plan.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, openPage, home, createProgram, taskNames, taskRow, importFile, paste,
} from './helpers.mjs';

// Screenshots to look at, kept out of the repository.
const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-plan-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const cell = (page, name, col) => taskRow(page, name).locator(`[data-col="${col}"]`);
const text = async (locator) => (await locator.textContent()).replace('◆', '').trim();

/** Types into a cell the way a person does: click it, type, press `key`. */
async function type(page, target, value, key = 'Enter') {
  await target.click();
  await page.keyboard.type(value);
  await page.keyboard.press(key);
}

test('a plan typed from scratch, a refused cycle, undo and redo', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Workshop plan');
  assert.equal(await page.locator('.plan-grid .task-row').count(), 0, 'an empty program');

  // Type names into the empty last row: each makes a task (ids 1, 2, 3).
  for (const name of ['Design', 'Build', 'Launch']) {
    await type(page, page.locator('.plan-grid .new-row [data-col="name"]'), name);
    await taskRow(page, name).waitFor();
  }
  assert.deepEqual(await taskNames(page), ['Design', 'Build', 'Launch']);
  assert.deepEqual(
    await page.locator('.plan-grid .task-row [data-col="id"]').allTextContents(),
    ['1', '2', '3'],
  );

  await type(page, cell(page, 'Design', 'duration'), '5d');
  await type(page, cell(page, 'Build', 'duration'), '2w');
  await type(page, cell(page, 'Launch', 'duration'), '0');
  await type(page, cell(page, 'Build', 'predecessors'), '1');
  await type(page, cell(page, 'Launch', 'predecessors'), '2');
  await cell(page, 'Launch', 'predecessors').filter({ hasText: '2' }).waitFor();
  assert.equal(await text(cell(page, 'Build', 'duration')), '10d');
  assert.equal(await text(cell(page, 'Launch', 'duration')), '0d');
  assert.match(await taskRow(page, 'Launch').getAttribute('class'), /milestone/);
  // Scheduled: Build starts after Design finishes, Launch after Build.
  const designFinish = await text(cell(page, 'Design', 'finish'));
  const buildStart = await text(cell(page, 'Build', 'start'));
  const buildFinish = await text(cell(page, 'Build', 'finish'));
  const launchStart = await text(cell(page, 'Launch', 'start'));
  assert.ok(buildStart > designFinish, `${buildStart} after ${designFinish}`);
  assert.ok(launchStart >= buildFinish, `${launchStart} not before ${buildFinish}`);
  // All three are on the critical path.
  assert.equal(await page.locator('.plan-grid .task-row.critical').count(), 3);

  // Tab moves (from the name to the duration: the workstream column is hidden at first);
  // typing there and Escape changes nothing.
  await cell(page, 'Design', 'name').click();
  await page.keyboard.press('Tab');
  await page.keyboard.type('zzz');
  assert.equal(await page.locator('[data-role="cell-input"]').inputValue(), 'zzz');
  await page.keyboard.press('Escape');
  await page.locator('[data-role="cell-input"]').waitFor({ state: 'detached' });
  assert.equal(await text(cell(page, 'Design', 'duration')), '5d');

  // A link that would close a cycle is refused, with the reason next to the cell.
  await type(page, cell(page, 'Design', 'predecessors'), '3');
  const error = page.locator('[data-role="cell-error"]');
  await error.waitFor();
  assert.match(await error.textContent(), /cycle/i);
  await page.screenshot({ path: join(outDir, 'plan-refused-cycle.png') });
  await page.keyboard.press('Escape');
  await error.waitFor({ state: 'detached' });
  assert.equal(await text(cell(page, 'Design', 'predecessors')), '', 'the plan is unchanged');
  assert.equal(await text(cell(page, 'Build', 'start')), buildStart);

  // "abc" is not a duration; an unknown predecessor is named.
  await type(page, cell(page, 'Build', 'duration'), 'abc');
  await error.waitFor();
  assert.match(await error.textContent(), /not a duration/);
  await page.keyboard.press('Escape');
  await type(page, cell(page, 'Build', 'predecessors'), '1, 99');
  await error.waitFor();
  assert.match(await error.textContent(), /99/);
  await page.keyboard.press('Escape');
  assert.equal(await text(cell(page, 'Build', 'duration')), '10d');
  assert.equal(await text(cell(page, 'Build', 'predecessors')), '1');

  // Undo and redo with the keyboard (focus on the grid, not in a cell) and the buttons.
  await type(page, cell(page, 'Build', 'duration'), '3d');
  await cell(page, 'Build', 'duration').filter({ hasText: '3d' }).waitFor();
  await page.keyboard.press('Control+z');
  await cell(page, 'Build', 'duration').filter({ hasText: '10d' }).waitFor();
  await page.keyboard.press('Control+y');
  await cell(page, 'Build', 'duration').filter({ hasText: '3d' }).waitFor();
  await page.locator('[data-action="undo"]').click();
  await cell(page, 'Build', 'duration').filter({ hasText: '10d' }).waitFor();
  await page.locator('[data-action="redo"]').click();
  await cell(page, 'Build', 'duration').filter({ hasText: '3d' }).waitFor();

  // Insert adds a task below the active row; Delete removes the selected rows.
  await cell(page, 'Design', 'id').click();
  await page.keyboard.press('Insert');
  await taskRow(page, 'New task').waitFor();
  assert.deepEqual(await taskNames(page), ['Design', 'New task', 'Build', 'Launch']);
  await cell(page, 'New task', 'id').click();
  await page.keyboard.press('Delete');
  await taskRow(page, 'New task').waitFor({ state: 'detached' });
  assert.deepEqual(await taskNames(page), ['Design', 'Build', 'Launch']);

  await page.screenshot({ path: join(outDir, 'plan-from-scratch.png') });
  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('rows pasted from a spreadsheet become tasks in one undoable step; a bad row is refused', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Pasted plan');
  await page.locator('.plan-grid .new-row [data-col="name"]').click();

  // A bad row refuses the whole paste, naming the row.
  await paste(page, 'Name\tDuration\nSurvey\t3d\nReport\tabc\n');
  const error = page.locator('[data-role="cell-error"]');
  await error.waitFor();
  assert.match(await error.textContent(), /Row 3/);
  assert.match(await error.textContent(), /not a duration/);
  assert.equal(await page.locator('.plan-grid .task-row').count(), 0, 'nothing was pasted');
  await page.keyboard.press('Escape');

  // With a heading row (in another order, with ids), then without one.
  await paste(page, 'ID\tTask Name\tPredecessors\tDuration\nA\tSurvey\t\t3d\nB\tReport\tA\t1w\n');
  await taskRow(page, 'Report').waitFor();
  assert.deepEqual(await taskNames(page), ['Survey', 'Report']);
  assert.equal(await text(cell(page, 'Report', 'duration')), '5d');
  assert.equal(await text(cell(page, 'Report', 'predecessors')), 'A');
  await paste(page, 'Present\t2\tB\r\nCelebrate\t0\t1\r\n');
  await taskRow(page, 'Celebrate').waitFor();
  assert.deepEqual(await taskNames(page), ['Survey', 'Report', 'Present', 'Celebrate']);
  assert.equal(await text(cell(page, 'Present', 'predecessors')), 'B');
  assert.equal(await text(cell(page, 'Celebrate', 'predecessors')), '1');

  // One paste, one undo step.
  await page.locator('[data-action="undo"]').click();
  await taskRow(page, 'Celebrate').waitFor({ state: 'detached' });
  assert.deepEqual(await taskNames(page), ['Survey', 'Report']);

  await page.screenshot({ path: join(outDir, 'plan-pasted.png') });
  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('the example: six workstreams, collapsible; dark theme and large text', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 15_000 });
  // 80 tasks and milestones under 6 workstream rows, plus the empty row.
  assert.equal(await page.locator('.plan-grid').getAttribute('aria-rowcount'), String(80 + 6 + 1));
  assert.match(await page.locator('.plan-count').textContent(), /80 tasks/);
  await page.screenshot({ path: join(outDir, 'plan-example-light.png') });

  // A workstream closes and opens.
  const group = page.locator('.plan-grid .group-row').first();
  const shown = Number(await page.locator('.plan-grid').getAttribute('aria-rowcount'));
  await group.locator('[data-col="id"]').click();
  await page.locator('.plan-grid .group-row[aria-expanded="false"]').waitFor();
  assert.ok(Number(await page.locator('.plan-grid').getAttribute('aria-rowcount')) < shown);
  // It stays closed after a visit to another tab.
  await page.locator('[data-tab="map"]').click();
  await page.locator('[data-tab="plan"]').click();
  await page.locator('.plan-grid .group-row[aria-expanded="false"]').waitFor();
  await group.locator('[data-col="id"]').click();
  await page.locator('.plan-grid .group-row[aria-expanded="false"]').waitFor({ state: 'detached' });

  // Insert on a workstream's row adds a task to that workstream; Ctrl+Z takes it back.
  await group.locator('[data-col="name"]').click();
  await page.keyboard.press('Insert');
  await taskRow(page, 'New task').waitFor();
  assert.match(await page.locator('.plan-count').textContent(), /81 tasks/);
  assert.equal(await page.locator('.plan-grid .group-row').first().locator('[data-col="name"]').textContent(),
    'Infrastructure (16)');
  await page.keyboard.press('Control+z');
  await taskRow(page, 'New task').waitFor({ state: 'detached' });

  // Themes and large text, remembered after a reload.
  await page.locator('[data-action="toggle-theme"]').click();
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  await page.screenshot({ path: join(outDir, 'plan-example-dark.png') });
  await page.locator('[data-action="toggle-theme"]').click();
  await page.locator('[data-action="toggle-large-text"]').click();
  assert.equal(await page.locator('html').getAttribute('data-text'), 'large');
  const rowHeight = await page.locator('.plan-grid .task-row').first().evaluate((r) => r.offsetHeight);
  assert.ok(rowHeight >= 38, `large rows (${rowHeight}px)`);
  await page.screenshot({ path: join(outDir, 'plan-example-large.png') });
  await page.reload({ waitUntil: 'load' });
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('html').getAttribute('data-text'), 'large');
  await page.locator('[data-action="toggle-large-text"]').click();

  // Columns can be shown and hidden, and the choice is kept.
  const head = (col) => page.locator(`.plan-grid .grid-head [data-col="${col}"]`);
  assert.equal(await head('workstream').count(), 0, 'hidden at first: rows are grouped by it');
  await page.locator('[data-action="columns"]').click();
  await page.locator('.column-picker input[data-col="workstream"]').check();
  await head('workstream').waitFor();
  await page.locator('.column-picker input[data-col="float"]').uncheck();
  await head('float').waitFor({ state: 'detached' });
  await page.reload({ waitUntil: 'load' });
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 15_000 });
  assert.equal(await head('workstream').count(), 1);
  assert.equal(await head('float').count(), 0);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

/** A program of `n` tasks in 10 workstreams: chains of 10 with links between chains. */
function bigProgram(n) {
  const workstreams = Array.from({ length: 10 }, (_, i) => ({ id: `w${i}`, name: `Team ${i + 1}` }));
  const tasks = [];
  const dependencies = [];
  for (let i = 0; i < n; i++) {
    tasks.push({ id: `T${i}`, name: `Task ${i}`, workstream: `w${i % 10}`, duration: 1 + (i % 7) });
    if (i % 10 !== 0) dependencies.push({ from: `T${i - 1}`, to: `T${i}`, type: 'FS', lag: 0 });
    else if (i >= 10) dependencies.push({ from: `T${i - 7}`, to: `T${i}`, type: 'FS', lag: 0 });
  }
  return {
    format: 'planwork',
    version: 1,
    program: { name: `Big program (${n} tasks)`, start: '2027-01-04' },
    workstreams,
    tasks,
    dependencies,
  };
}

test('a 10,000-task program opens with only the rows in view in the DOM, scrolls, and is edited far from the top', async () => {
  const { context, page, problems } = await openPage(browser);
  const dir = mkdtempSync(join(tmpdir(), 'planwork-plan-'));
  const file = join(dir, 'big.planwork.json');
  writeFileSync(file, JSON.stringify(bigProgram(10_000)));
  await home(page);
  await importFile(page, file);
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('.plan-grid').getAttribute('aria-rowcount'), String(10_000 + 10 + 1));
  const rows = await page.locator('.plan-grid .grid-row').count();
  assert.ok(rows < 150, `${rows} rows in the DOM`);
  await page.screenshot({ path: join(outDir, 'plan-10k.png') });

  // Scroll to the end: the last rows come into the DOM, the chart follows.
  const pane = page.locator('.plan-pane-grid');
  await pane.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.locator('.plan-grid .new-row').waitFor({ timeout: 10_000 });
  assert.ok((await page.locator('.plan-grid .grid-row').count()) < 150);
  // The chart follows on the grid's scroll event: give it that event (a frame or two).
  await page.waitForFunction(() =>
    document.querySelector('.plan-pane-chart').scrollTop === document.querySelector('.plan-pane-grid').scrollTop,
  null, { timeout: 5_000 }).catch(() => {});
  const [gridTop, chartTop] = await page.evaluate(() => [
    document.querySelector('.plan-pane-grid').scrollTop,
    document.querySelector('.plan-pane-chart').scrollTop,
  ]);
  assert.ok(gridTop > 100_000, `scrolled (${gridTop}px)`);
  assert.equal(chartTop, gridTop, 'the chart scrolls with the grid');
  await page.screenshot({ path: join(outDir, 'plan-10k-end.png') });

  // The middle: only the rows in view (and a margin) are built, so each scroll that leaves
  // them builds those it reaches — their names in the grid and their bars in the chart.
  await pane.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await page.waitForFunction(() => {
    const top = document.querySelector('.plan-pane-grid').scrollTop;
    const rows = [...document.querySelectorAll('.plan-grid .task-row')]
      .filter((r) => Math.abs(parseFloat(r.style.top) - top) < 600);
    return rows.length > 10 && rows.every((r) => r.querySelector('[data-col="name"]').textContent.trim() !== '');
  }, null, { timeout: 10_000 });
  const middle = await page.evaluate(() => {
    const top = document.querySelector('.plan-pane-grid').scrollTop;
    const row = [...document.querySelectorAll('.plan-grid .task-row')]
      .find((r) => parseFloat(r.style.top) > top + 100);
    return { key: row.dataset.key, name: row.querySelector('[data-col="name"]').textContent.trim() };
  });
  const id = middle.key.slice('t:'.length);
  const bar = page.locator(`.gantt-task[data-id="${id}"] .gantt-bar, .gantt-task[data-id="${id}"] polygon`);
  assert.ok(await bar.count() > 0, `a bar for ${middle.key} in the chart`);

  // A cell made active there, the view scrolled far away (its row no longer built), then
  // typing: the row comes back into view and its cell takes the text (nothing typed is lost).
  await page.locator(`.plan-grid [data-key="${middle.key}"] [data-col="name"]`).click();
  await pane.evaluate((el) => { el.scrollTop = 0; });
  await page.waitForFunction(() => document.querySelector('.plan-pane-grid').scrollTop === 0);
  await page.waitForTimeout(100);
  await page.keyboard.type('Renamed far away');
  await page.keyboard.press('Enter');
  const renamed = page.locator(`.plan-grid [data-key="${middle.key}"] [data-col="name"]`);
  await renamed.filter({ hasText: 'Renamed far away' }).waitFor({ timeout: 10_000 });
  assert.notEqual(middle.name, 'Renamed far away');
  await page.screenshot({ path: join(outDir, 'plan-10k-renamed.png') });

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});
