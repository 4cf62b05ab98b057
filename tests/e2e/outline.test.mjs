// Summary tasks (issue 18): a plan typed in the grid, two tasks indented under the one
// above (Alt+Shift+→), which becomes a summary whose dates roll up from them; a link out of
// the summary; the summary folded and unfolded; a task outdented from the toolbar and the
// step undone; a duration typed into the summary refused; the program exported and the
// file read back with its outline; a stored version 4 file with an outline imported.
// Screenshots go to $PLANWORK_SHOTS (default: planwork-outline-shots in the temp dir).
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/outline.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, openPage, home, createProgram, taskRow, editCell, exportProgram, importFile, filesDir,
} from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-outline-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const cell = (page, name, col) => taskRow(page, name).locator(`[data-col="${col}"]`);
const text = async (locator) => (await locator.textContent()).replace(/[◆▾▸]/g, '').trim();
/** The shown tasks as `name@level`, in display order. */
async function outline(page) {
  return page.locator('.plan-grid .task-row [data-col="name"]').evaluateAll((cells) =>
    cells.map((c) => `${c.textContent.replace(/[◆▾▸]/g, '').trim()}@${c.dataset.level ?? 0}`),
  );
}

test('indent under a summary, fold, outdent, undo, and the outline in the file', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Outlined release');
  for (const name of ['Release', 'API', 'UI', 'Ship']) {
    await editCell(page, page.locator('.plan-grid .new-row [data-col="name"]'), name);
    await taskRow(page, name).waitFor();
  }
  await editCell(page, cell(page, 'API', 'duration'), '3d');
  await editCell(page, cell(page, 'UI', 'duration'), '2d');
  await editCell(page, cell(page, 'Ship', 'duration'), '0');
  await editCell(page, cell(page, 'UI', 'predecessors'), '2');
  await cell(page, 'UI', 'predecessors').filter({ hasText: '2' }).waitFor();

  // API and UI selected, then Alt+Shift+→: both go under Release, which becomes a summary.
  await cell(page, 'API', 'id').click();
  await cell(page, 'UI', 'id').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.locator('.plan-grid .task-row.summary').waitFor();
  assert.deepEqual(await outline(page), ['Release@0', 'API@1', 'UI@1', 'Ship@0']);
  // Release spans API (3 days) then UI (2 days): 5 working days, from API's start to UI's
  // finish.
  assert.equal(await text(cell(page, 'Release', 'duration')), '5d');
  assert.equal(await text(cell(page, 'Release', 'start')), await text(cell(page, 'API', 'start')));
  assert.equal(await text(cell(page, 'Release', 'finish')), await text(cell(page, 'UI', 'finish')));
  assert.equal(await page.locator('.gantt-task.summary .gantt-summary').count(), 1);

  // Ship after Release: a link out of the summary leaves from its finish.
  await editCell(page, cell(page, 'Ship', 'predecessors'), '1');
  await cell(page, 'Ship', 'predecessors').filter({ hasText: '1' }).waitFor();
  assert.equal(await text(cell(page, 'Ship', 'start')), await text(cell(page, 'UI', 'finish')));
  await page.screenshot({ path: join(outDir, 'outline-summary.png') });

  // A summary's duration is its tasks': typing one is refused, saying why.
  await cell(page, 'Release', 'duration').click();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await page.getByText(/roll up from its tasks/).first().waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  assert.equal(await text(cell(page, 'Release', 'duration')), '5d');

  // Fold and unfold from the summary's mark.
  await taskRow(page, 'Release').locator('.outline-toggle').click();
  await page.waitForFunction(() => document.querySelectorAll('.plan-grid .task-row').length === 2);
  assert.deepEqual(await outline(page), ['Release@0', 'Ship@0']);
  await taskRow(page, 'Release').locator('.outline-toggle').click();
  await taskRow(page, 'API').waitFor();

  // Outdent UI from the toolbar, then undo it.
  await cell(page, 'UI', 'id').click();
  await page.locator('[data-action="outdent"]').click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.plan-grid .task-row [data-col="name"]')]
      .some((c) => c.textContent.includes('UI') && (c.dataset.level ?? '0') === '0'));
  assert.deepEqual(await outline(page), ['Release@0', 'API@1', 'UI@0', 'Ship@0']);
  await page.locator('.plan-grid').focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.plan-grid .task-row [data-col="name"]')]
      .some((c) => c.textContent.includes('UI') && c.dataset.level === '1'));

  // The file carries the outline (version 4 on; a file is written as the current version).
  const { bytes } = await exportProgram(page);
  const file = JSON.parse(bytes.toString('utf8'));
  assert.ok(file.version >= 4, `version ${file.version}`);
  const byName = Object.fromEntries(file.tasks.map((t) => [t.name, t]));
  assert.equal(byName.Release.summary, true);
  assert.equal(byName.API.parent, byName.Release.id);
  assert.equal(byName.UI.parent, byName.Release.id);
  assert.equal(byName.Ship.parent, undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a stored version 4 file opens with its outline', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await importFile(page, join(filesDir, 'v4', 'release-outline.planwork.json'));
  await page.locator('.plan-grid .task-row.summary').waitFor({ timeout: 30_000 });
  assert.deepEqual(await outline(page), [
    'Specification@0', 'Build@0', 'API@1', 'UI@1', 'Docs@1', 'Ship@0',
  ]);
  // Build's deadline (Mon 12 Jan) is missed: it finishes Tue 13 Jan.
  assert.equal(await text(cell(page, 'Build', 'finish')), '2026-01-13');
  await page.screenshot({ path: join(outDir, 'outline-imported.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
