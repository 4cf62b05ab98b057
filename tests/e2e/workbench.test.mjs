// The plan workbench (issue 15): the grid's keyboard and layout (Tab after a new name, a
// computed cell that says so, frozen ID and Task columns, Ctrl+Home/End and PageDown, the
// cursor on the first task, the type-to-replace cue, no page text selected by Shift-click),
// the estimate and progress columns, find and filters, the compact header at 1366×768 and a
// notice that does not push the grid, the Gantt's holidays and legend, printing, and the
// confirmations after a paste and an undo. Screenshots go to tests/e2e/out/.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/workbench.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  launch, openPage, home, createProgram, taskNames, taskRow, editCell, outDir, saved, exportProgram, paste,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const cell = (page, name, col) => taskRow(page, name).locator(`[data-col="${col}"]`);
const text = async (locator) => (await locator.textContent()).replace('◆', '').trim();

/** A page at a laptop's size. */
async function laptopPage(width = 1366, height = 768) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

/** Opens the example program. */
async function openExample(page) {
  await home(page);
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.locator('main[data-view="program"] .plan-grid .task-row').first().waitFor({ timeout: 20_000 });
}

test('Tab after a new name goes on in the new task; a computed cell says so; the cue', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Payments replatform');

  // The reported case: a name in the empty row, Tab, 5d, Enter → the task takes 5 days.
  await page.locator('.plan-grid .new-row [data-col="name"]').click();
  await page.keyboard.type('Design API');
  await page.keyboard.press('Tab');
  await page.keyboard.type('5d');
  await page.keyboard.press('Enter');
  await cell(page, 'Design API', 'duration').filter({ hasText: '5d' }).waitFor();
  assert.deepEqual(await taskNames(page), ['Design API']);

  // Enter after a name stays on the empty row: the next name makes the next task.
  await page.locator('.plan-grid .new-row [data-col="name"]').click();
  await page.keyboard.type('Build API');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Launch');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await taskRow(page, 'Launch').waitFor();
  assert.deepEqual(await taskNames(page), ['Design API', 'Build API', 'Launch']);
  assert.equal(await text(cell(page, 'Launch', 'duration')), '0d');
  assert.equal(await text(cell(page, 'Build API', 'duration')), '1d');
  assert.equal(await page.locator('[data-role="plan-count"]').textContent(), '3 tasks');

  // Typing into Float: nothing happens silently; it says the column is computed.
  await cell(page, 'Design API', 'float').click();
  await page.keyboard.type('3');
  const error = page.locator('[data-role="cell-error"]');
  await error.waitFor();
  assert.match(await error.textContent(), /Float is computed/);
  assert.equal(await page.locator('[data-role="cell-input"]').count(), 0);
  await page.keyboard.press('Escape');

  // Type-to-replace: the cue says what the text was and that Escape keeps it.
  await cell(page, 'Design API', 'duration').click();
  await page.keyboard.type('8');
  const cue = page.locator('[data-role="replace-cue"]');
  await cue.waitFor();
  assert.match(await cue.textContent(), /Replacing “5d”.*Esc keeps it/);
  await page.screenshot({ path: join(outDir, 'workbench-replace-cue.png') });
  await page.keyboard.press('Escape');
  await cue.waitFor({ state: 'detached' });
  assert.equal(await text(cell(page, 'Design API', 'duration')), '5d');

  // Shift-click selects rows, never the page's text.
  await cell(page, 'Design API', 'name').click();
  await cell(page, 'Launch', 'name').click({ modifiers: ['Shift'] });
  assert.equal(await page.locator('.plan-grid .task-row.selected').count(), 3);
  assert.equal(await page.evaluate(() => String(window.getSelection())), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: the cursor starts on the first task, Ctrl+End, Ctrl+Home, PageDown', async () => {
  const { context, page, problems } = await laptopPage();
  await openExample(page);
  // Opening a program puts the focus in the grid, on the first task (not a workstream row).
  await page.waitForFunction(() => document.activeElement?.classList.contains('plan-grid'));
  await page.keyboard.press('Enter');
  const input = page.locator('[data-role="cell-input"]');
  await input.waitFor();
  const first = (await taskNames(page))[0];
  assert.equal(first, 'Landing zone design');
  assert.equal(await input.inputValue(), first);
  await page.keyboard.press('Escape');

  // PageDown moves the cursor a screenful down (about 14 rows of 28 px at this size).
  const cursorTop = () => page.locator('.grid-cursor').evaluate((c) => parseFloat(c.style.top));
  const top = await cursorTop();
  await page.keyboard.press('PageDown');
  await page.waitForFunction((was) => parseFloat(document.querySelector('.grid-cursor').style.top) > was, top);
  const rows = ((await cursorTop()) - top) / 28;
  assert.ok(rows >= 8 && rows <= 20, `PageDown moved ${rows} rows`);
  await page.keyboard.press('PageUp');
  await page.waitForFunction((was) => parseFloat(document.querySelector('.grid-cursor').style.top) === was, top);

  // Ctrl+End: the empty row, where a name adds a task.
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Hypercare');
  await page.keyboard.press('Enter');
  await taskRow(page, 'Hypercare').waitFor();
  // Ctrl+Home: back to the first task's first cell (the ID: it says it is fixed).
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await input.waitFor();
  assert.equal(await input.inputValue(), first);
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  await context.close();
});

test('frozen ID and Task columns; estimate and progress columns', async () => {
  const { context, page, problems } = await laptopPage();
  await openExample(page);
  await page.getByRole('button', { name: 'Columns' }).click();
  for (const col of ['estimate', 'distribution', 'actual-start', 'actual-finish', 'percent']) {
    await page.locator(`.column-picker input[data-col="${col}"]`).check();
  }
  await page.keyboard.press('Escape');
  const head = page.locator('.plan-grid .grid-head');
  for (const label of ['Estimate', 'Distribution', 'Actual start', 'Actual finish', '% done']) {
    await head.getByText(label, { exact: true }).waitFor();
  }
  // The example's estimates show as typed: optimistic/likely/pessimistic and the shape.
  assert.match(await text(cell(page, 'Landing zone design', 'estimate')), /^\d+(\.\d+)?\/\d+(\.\d+)?\/\d+(\.\d+)?$/);

  // Scrolled all the way right, the ID and Task cells stay where they were.
  const name = cell(page, 'Landing zone design', 'name');
  const before = await name.boundingBox();
  await page.locator('.plan-pane-grid').evaluate((pane) => { pane.scrollLeft = pane.scrollWidth; });
  await page.waitForFunction(() => document.querySelector('.plan-pane-grid').scrollLeft > 100);
  const afterBox = await name.boundingBox();
  assert.ok(Math.abs(afterBox.x - before.x) < 1, `the name stayed (x ${before.x} → ${afterBox.x})`);
  const id = cell(page, 'Landing zone design', 'id');
  assert.ok((await id.boundingBox()).x < afterBox.x);
  await page.screenshot({ path: join(outDir, 'workbench-frozen-columns.png') });

  // Typed: a new estimate and its distribution, the actual start and finish, % complete.
  await editCell(page, cell(page, 'Network connectivity & VPN', 'estimate'), '10/12/20');
  await editCell(page, cell(page, 'Network connectivity & VPN', 'distribution'), 'tri');
  await editCell(page, cell(page, 'Network connectivity & VPN', 'actual-start'), '2027-02-01');
  await editCell(page, cell(page, 'Network connectivity & VPN', 'percent'), '40');
  await cell(page, 'Network connectivity & VPN', 'percent').filter({ hasText: '40%' }).waitFor();
  assert.equal(await text(cell(page, 'Network connectivity & VPN', 'estimate')), '10/12/20');
  assert.equal(await text(cell(page, 'Network connectivity & VPN', 'distribution')), 'Triangular');
  assert.equal(await text(cell(page, 'Network connectivity & VPN', 'actual-start')), '2027-02-01');
  // A bad estimate is refused with the reason, and nothing changes.
  await cell(page, 'Network connectivity & VPN', 'estimate').click();
  await page.keyboard.type('20/10/5');
  await page.keyboard.press('Enter');
  await page.locator('[data-role="cell-error"]', { hasText: 'optimistic ≤ likely ≤ pessimistic' }).waitFor();
  await page.keyboard.press('Escape');
  // A distribution without an estimate is refused too.
  await cell(page, 'Landing zone ready', 'distribution').click();
  await page.keyboard.type('uniform');
  await page.keyboard.press('Enter');
  await page.locator('[data-role="cell-error"]', { hasText: 'three-point estimate first' }).waitFor();
  await page.keyboard.press('Escape');

  // In the file: the estimate with its distribution, the actual start, the percent.
  await saved(page);
  const { bytes } = await exportProgram(page);
  const file = JSON.parse(bytes.toString());
  const task = file.tasks.find((t) => t.name === 'Network connectivity & VPN');
  assert.deepEqual(task.estimate, { optimistic: 10, likely: 12, pessimistic: 20, distribution: 'triangular' });
  assert.equal(task.actual_start, '2027-02-01');
  assert.equal(task.percent_complete, 40);
  assert.deepEqual(problems, []);
  await context.close();
});

test('find and filters: text, critical, late, milestones, a workstream; Ctrl+F', async () => {
  const { context, page, problems } = await laptopPage();
  await openExample(page);
  const count = page.locator('[data-role="plan-count"]');
  assert.equal(await count.textContent(), '80 tasks');

  // Ctrl+F goes to the plan's find box (the browser's find cannot see rows out of view).
  await page.keyboard.press('Control+f');
  await page.waitForFunction(() => document.activeElement?.dataset.field === 'plan-find');
  await page.keyboard.type('kubernetes');
  await count.filter({ hasText: '2 of 80 tasks shown' }).waitFor();
  assert.deepEqual(await taskNames(page), ['Kubernetes clusters (non-prod)', 'Kubernetes clusters (prod)']);
  // The workstream's row says how many of its tasks are shown.
  assert.match(await page.locator('.plan-grid .group-row [data-col="name"]').first().textContent(), /Infrastructure \(2 of 15\)/);
  await page.screenshot({ path: join(outDir, 'workbench-find.png') });

  // By ID and by workstream name too.
  await page.getByRole('searchbox', { name: 'Find tasks' }).fill('IN12');
  await count.filter({ hasText: '1 of 80 tasks shown' }).waitFor();
  await page.getByRole('searchbox', { name: 'Find tasks' }).fill('');
  await count.filter({ hasText: /^80 tasks$/ }).waitFor();

  // Milestones only: every row shown is a milestone.
  await page.getByRole('button', { name: 'Milestones' }).click();
  await count.filter({ hasText: 'of 80 tasks shown' }).waitFor();
  const rows = page.locator('.plan-grid .task-row');
  const shown = await rows.count();
  assert.ok(shown > 3);
  assert.equal(await page.locator('.plan-grid .task-row.milestone').count(), shown);
  await page.getByRole('button', { name: 'Milestones' }).click();

  // Critical only: every row shown is critical.
  await page.getByRole('button', { name: 'Critical' }).click();
  await count.filter({ hasText: 'of 80 tasks shown' }).waitFor();
  const critical = await rows.count();
  assert.ok(critical > 3);
  assert.equal(await page.locator('.plan-grid .task-row.critical').count(), critical);

  // One workstream, with Critical still on: both filters apply.
  await page.getByRole('combobox', { name: 'Workstream shown' }).selectOption({ label: 'Infrastructure' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.plan-grid .group-row [data-col="name"]')].every((c) => c.textContent.startsWith('Infrastructure')));
  assert.equal(await page.locator('.plan-grid .group-row').count(), 1);
  // Clear brings every task back.
  await page.getByRole('button', { name: 'Clear' }).click();
  await count.filter({ hasText: /^80 tasks$/ }).waitFor();

  // Late: in the example, the landing zone misses its deadline (2027-03-19), held by the
  // observability stack's licences (available from 2027-03-23): both run 9 days late.
  await page.getByRole('button', { name: 'Late' }).click();
  await count.filter({ hasText: '2 of 80 tasks shown' }).waitFor();
  assert.deepEqual(await taskNames(page), ['Observability stack', 'Landing zone ready']);
  await page.getByRole('button', { name: 'Late' }).click();
  await editCell(page, cell(page, 'Landing zone design', 'deadline'), '2027-01-20');
  await page.getByRole('button', { name: 'Late' }).click();
  await count.filter({ hasText: /[1-9]\d* of 80 tasks shown/ }).waitFor();
  assert.ok((await taskNames(page)).includes('Landing zone design'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('1366×768: a compact header, and a notice that does not push the grid down', async () => {
  const { context, page, problems } = await laptopPage();
  await openExample(page);
  const gridTop = async () => (await page.locator('.plan-grid .grid-head').boundingBox()).y;
  const top = await gridTop();
  await page.screenshot({ path: join(outDir, 'workbench-1366x768.png') });
  assert.ok(top < 260, `the grid starts at y=${top}`);
  // The legend names the critical-path rule; the example's holidays are shaded.
  assert.match(await page.locator('[data-role="legend-critical"]').textContent(), /Critical: total float ≤ 0d/);
  assert.notEqual(await page.locator('.gantt [data-role="holidays"]').getAttribute('d'), '');
  await page.screenshot({ path: join(outDir, 'workbench-1366x768.png') });

  // The first save asks for persistent storage; refused (as headless Chromium does), the
  // warning is a small button in the header bar: the grid does not move.
  await editCell(page, cell(page, 'Landing zone design', 'duration'), '11d');
  await saved(page);
  await page.waitForTimeout(300);
  assert.equal(await gridTop(), top, 'the grid stayed where it was after the first save');
  const warning = page.locator('[data-role="header-warning"] button');
  if (await warning.count()) {
    await warning.click();
    await page.locator('.header-warning-text', { hasText: 'persistent storage' }).waitFor();
    assert.equal(await gridTop(), top);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  // A message raised mid-edit (here a broken file dropped on the page) floats over the
  // corner: the grid does not move.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{ not json'], 'broken.planwork.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.locator('.messages .notice').first().waitFor();
  assert.equal(await gridTop(), top, 'the grid stayed where it was');
  await page.screenshot({ path: join(outDir, 'workbench-notice.png') });
  problems.length = 0; // the broken file's error is logged on purpose
  await context.close();
});

test('print: the whole plan as a table with its heading on every page', async () => {
  const { context, page, problems } = await laptopPage();
  await openExample(page);
  // The browser's print dialog is not part of the test: what it would print is.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: 'Print plan…' }).click();
  await page.waitForFunction(() => window.__printed === true);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('[data-role="print-plan"]');
  await sheet.waitFor();
  assert.match(await sheet.locator('h2').textContent(), /Platform migration \(example\)/);
  assert.match(await sheet.locator('.print-title p').textContent(), /Plan as of \d{4}-\d{2}-\d{2}/);
  // Every task and workstream row, not only those in view on screen.
  assert.equal(await sheet.locator('tbody tr.print-task').count(), 80);
  assert.equal(await sheet.locator('tbody tr.print-group').count(), 6);
  assert.ok(await sheet.locator('.print-bar').count() > 60);
  // The app's chrome is not printed.
  assert.equal(await page.locator('.plan-split').isVisible(), false);
  assert.equal(await page.locator('.app-header').isVisible(), false);
  await page.screenshot({ path: join(outDir, 'workbench-print.png'), fullPage: true });
  const pdf = await page.pdf({ landscape: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 2, `${pages} pages`);
  await import('node:fs').then((fs) => fs.writeFileSync(join(outDir, 'workbench-print.pdf'), pdf));
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a paste says how many tasks it added; undo says what it took back', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Pasted plan');
  await page.locator('.plan-grid .new-row [data-col="name"]').click();
  await paste(page, 'Name\tDuration\nDesign\t5d\nBuild\t10d\nTest\t3d\n');
  await taskRow(page, 'Test').waitFor();
  const confirmation = page.locator('[data-role="confirmation"]');
  await confirmation.filter({ hasText: '3 tasks added' }).waitFor();
  await page.locator('.plan-grid').focus();
  await page.keyboard.press('Control+z');
  await confirmation.filter({ hasText: 'Undone: 3 tasks removed' }).waitFor();
  assert.deepEqual(await taskNames(page), []);
  await page.getByRole('button', { name: 'Redo' }).click();
  await confirmation.filter({ hasText: 'Redone: 3 tasks added' }).waitFor();
  assert.deepEqual(await taskNames(page), ['Design', 'Build', 'Test']);
  assert.deepEqual(problems, []);
  await context.close();
});
