// MS Project XML in (issue 18): a real MS Project plan (tests/files/mspdi/, 108 rows, 19
// summary tasks, 118 links) picked in the import button is converted and reviewed before
// anything is stored — its counts and every note shown as text — then imported as a new
// program whose dates are MS Project's; Cancel stores nothing; a file with a document type
// declaration (the door to entity bombs) is refused with a message, nothing changed.
// Screenshots go to $PLANWORK_SHOTS (default: planwork-mspdi-shots in the system temp dir).
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/ms_project_import.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, home, importFile, programNames, taskRow } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-mspdi-shots');
mkdirSync(outDir, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const construction = join(here, '..', 'files', 'mspdi', 'aspose__Residential_Construction.xml');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an MS Project plan is reviewed, then imported with MS Project\'s dates', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  const before = await programNames(page);

  // Cancel: nothing stored.
  await importFile(page, construction);
  const review = page.locator('[data-role="import-review"]');
  await review.waitFor({ timeout: 20_000 });
  await page.locator('[data-action="import-review-cancel"]').click();
  await review.waitFor({ state: 'detached' });
  assert.deepEqual(await programNames(page), before, 'Cancel stores nothing');

  await importFile(page, construction);
  await review.waitFor({ timeout: 20_000 });
  assert.equal(
    await page.locator('[data-role="import-summary"]').textContent(),
    '83 tasks, 6 milestones, 118 links; 19 summary tasks; 23 resources, 95 demands',
  );
  const notes = await page.locator('[data-role="import-notes"] li').allTextContents();
  // Summaries below the top level come in as summary tasks, resources and assignments as
  // resources and demands: nothing to note.
  assert.equal(notes.length, 0, notes.join('\n'));
  await page.screenshot({ path: join(outDir, 'mspdi-review.png') });

  await page.locator('[data-action="import-reviewed"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  // Tasks of the plan, found by name (only the rows in view are in the page), on MS
  // Project's own dates.
  const find = page.getByPlaceholder(/^Find:/);
  const dates = async (name) => {
    await find.fill(name);
    const row = taskRow(page, name);
    await row.waitFor();
    return [
      (await row.locator('[data-col="start"]').textContent()).trim(),
      (await row.locator('[data-col="finish"]').textContent()).trim(),
    ];
  };
  assert.deepEqual(await dates('Complete punch list items'), ['2014-03-21', '2014-03-27']);
  assert.deepEqual(await dates('Sign contract and notice to proceed'), ['2013-09-25', '2013-09-25']);
  await find.fill('');
  assert.ok(await page.locator('.plan-grid .task-row.summary').count() > 0, 'its summary tasks');
  await page.screenshot({ path: join(outDir, 'mspdi-imported.png') });
  await home(page);
  // The list renders once the database answers.
  await page.locator('table.program-list tbody .program-name').nth(before.length).waitFor();
  assert.equal((await programNames(page)).length, before.length + 1, 'a new program');

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('an XML file with a document type declaration is refused, nothing changed', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  const before = await programNames(page);
  const dir = mkdtempSync(join(tmpdir(), 'planwork-mspdi-'));
  const bomb = join(dir, 'bomb.xml');
  writeFileSync(bomb, '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Project>&b;</Project>');
  await importFile(page, bomb);
  const alert = page.locator('[role="alert"]', { hasText: 'document type' });
  await alert.waitFor({ timeout: 10_000 });
  assert.match(await alert.textContent(), /“bomb\.xml” cannot be imported: not readable as XML: it declares a document type/);
  assert.deepEqual(await programNames(page), before);
  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});
