// Spreadsheets in (issue 18): a Jira CSV export and Excel's "Unicode text" (UTF-16, tabs)
// picked in the import button open the mapping step — each column's guessed field, the
// rules, what every row becomes and its problems — a field and a rule changed there change
// the preview, and Import makes a new program (Cancel stores nothing). Test files are in
// tests/files/sheets/. Screenshots go to $PLANWORK_SHOTS (default: planwork-sheet-shots in the
// system temp dir).
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/sheet_import.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, home, importFile, programNames, taskNames } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-sheet-shots');
mkdirSync(outDir, { recursive: true });
const sheets = join(dirname(fileURLToPath(import.meta.url)), '..', 'files', 'sheets');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const summary = (page) => page.locator('[data-role="sheet-summary"]').textContent();

test('a Jira export through the mapping step: fields guessed, a rule changed, imported', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  const before = await programNames(page);

  await importFile(page, join(sheets, 'jira-export.csv'));
  const step = page.locator('[data-role="sheet-mapping"]');
  await step.waitFor({ timeout: 20_000 });
  // The guesses, under their headings.
  const field = (i) => page.locator(`[data-role="sheet-columns"] select[data-col="${i}"] option:checked`).textContent();
  assert.equal(await field(0), 'Name', 'Summary');
  assert.equal(await field(1), 'ID', 'Issue key');
  assert.equal(await summary(page), '5 tasks, 1 milestone, 5 links; 3 summary tasks; 1 row skipped');
  const skipped = page.locator('[data-role="sheet-rows"] tr.sheet-row-problem');
  assert.ok((await skipped.count()) >= 1, 'the row without a name shows its problem');
  await page.screenshot({ path: join(outDir, 'sheet-jira-mapping.png'), fullPage: true });

  // Cancel stores nothing.
  await page.locator('[data-action="sheet-cancel"]').click();
  await step.waitFor({ state: 'detached' });
  assert.deepEqual(await programNames(page), before);

  // Again, with 2 days a story point: the story-pointed tasks double.
  await importFile(page, join(sheets, 'jira-export.csv'));
  await step.waitFor({ timeout: 20_000 });
  await page.locator('[data-role="days-per-point"]').fill('2');
  await page.locator('[data-role="days-per-point"]').dispatchEvent('change');
  await page.locator('[data-role="sheet-notes"] li', { hasText: 'points × 2 working days a point' }).waitFor();
  // Reading the Component/s column as nothing changes no task count.
  await page.locator('[data-role="sheet-columns"] select[data-col="10"]').selectOption({ label: '(not read)' });
  await page.locator('[data-action="sheet-import"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  const names = await taskNames(page);
  assert.ok(names.includes('Cart page layout'), names.join(', '));
  assert.equal(await page.locator('[data-field="program-name"]').inputValue(), 'jira-export');
  await page.screenshot({ path: join(outDir, 'sheet-jira-imported.png') });
  await home(page);
  // The list renders once the database answers.
  await page.locator('table.program-list tbody .program-name').nth(before.length).waitFor();
  assert.equal((await programNames(page)).length, before.length + 1);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('Excel\'s Unicode text (UTF-16, tabs) imports through the mapping step', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await importFile(page, join(sheets, 'excel-unicode-text.txt'));
  await page.locator('[data-role="sheet-mapping"]').waitFor({ timeout: 20_000 });
  assert.match(await summary(page), /^\d+ tasks?, /);
  await page.screenshot({ path: join(outDir, 'sheet-excel-mapping.png'), fullPage: true });
  await page.locator('[data-action="sheet-import"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  const names = await taskNames(page);
  assert.ok(names.some((n) => /[À-ÿ]|[\u0400-\u04FF]|[\u3040-\u30ff\u4e00-\u9fff]/.test(n)), names.join(', '));
  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});
