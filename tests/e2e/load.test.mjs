// Resources and their load (issue 19): a shared pool defined on the Setup tab, two tasks
// demanding it in the plan's Resources column (one typed by name with MS Project's
// percentage), a demand on no resource refused beside the cell, the Load tab showing the
// days over capacity in red, and a period chosen selecting its tasks in the plan; the
// example program's teams and shared SRE pool; Level, its scenario and reasons, promoted
// and undone. Screenshots go to $PLANWORK_SHOTS.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/load.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home, createProgram, taskRow, editCell, addTask } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-load-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tab = (page, name) => page.getByRole('tab', { name, exact: true });

test('a shared pool over-allocated, seen in red, its tasks selected', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Shared SRE');
  await addTask(page, 'DB cut-over', 4);
  await addTask(page, 'Failover drill', 3);

  await tab(page, 'Setup').click();
  await page.locator('#new-resource-name').fill('SRE on-call');
  await page.locator('#new-resource-capacity').fill('1');
  await page.getByRole('button', { name: 'Add resource' }).click();
  await page.locator('[data-resource="sre-on-call"]').waitFor();

  await tab(page, 'Plan').click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Resources' }).check();
  await page.keyboard.press('Escape');
  const cell = (name) => taskRow(page, name).locator('[data-col="resources"]');
  await editCell(page, cell('DB cut-over'), 'sre-on-call');
  await editCell(page, cell('Failover drill'), 'SRE on-call[50%]');
  await cell('Failover drill').filter({ hasText: 'sre-on-call:0.5' }).waitFor();
  // A resource that does not exist: refused beside the cell, naming the resources there are.
  await cell('DB cut-over').click();
  await page.keyboard.type('DBA');
  await page.keyboard.press('Enter');
  await page.getByText(/there is no resource 'DBA' \(the resources: sre-on-call\)/).first().waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await tab(page, 'Load').click();
  const sre = page.locator('[data-resource="sre-on-call"]');
  await sre.waitFor();
  // 1.5 demanded of 1 on the three days both run.
  assert.equal(await sre.locator('.load-bar.over').count(), 3);
  assert.equal(await sre.locator('.load-bar').count(), 4);
  const period = sre.locator('[data-role="overload"]');
  assert.match(await period.textContent(), /1\.5 demanded, 1 offered — DB cut-over, Failover drill/);
  await page.screenshot({ path: join(outDir, 'load-over.png') });
  await period.click();
  await page.locator('.plan-grid').waitFor();
  assert.equal(await page.locator('.plan-grid .task-row.selected').count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the example program has teams and a shared SRE pool to look at', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  await tab(page, 'Load').click();
  await page.locator('[data-resource="sre"] .load-bar.over').first().waitFor();
  assert.ok(await page.locator('.load-resource').count() >= 7);
  await page.screenshot({ path: join(outDir, 'load-example.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('Level: a leveled scenario with its reasons, promoted, then undone', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Level me');
  await addTask(page, 'DB cut-over', 4);
  await addTask(page, 'Failover drill', 3);
  await tab(page, 'Setup').click();
  await page.locator('#new-resource-name').fill('SRE on-call');
  await page.locator('#new-resource-capacity').fill('1');
  await page.getByRole('button', { name: 'Add resource' }).click();
  await page.locator('[data-resource="sre-on-call"]').waitFor();
  await tab(page, 'Plan').click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Resources' }).check();
  await page.keyboard.press('Escape');
  const cell = (name, col) => taskRow(page, name).locator(`[data-col="${col}"]`);
  await editCell(page, cell('DB cut-over', 'resources'), 'sre-on-call');
  await editCell(page, cell('Failover drill', 'resources'), 'sre-on-call');
  await cell('Failover drill', 'resources').filter({ hasText: 'sre-on-call' }).waitFor();
  const before = (await cell('Failover drill', 'start').textContent()).trim();

  await tab(page, 'Load').click();
  await page.locator('[data-resource="sre-on-call"] .load-bar.over').first().waitFor();
  await page.locator('[data-action="level"]').click();
  // The plan shows the new scenario: the drill after the cut-over, with its reason.
  await page.locator('[data-role="scenario-banner"]').waitFor({ timeout: 20_000 });
  assert.match(await page.locator('[data-role="scenario-banner"]').textContent(), /Leveled — /);
  const after = (await cell('Failover drill', 'start').textContent()).trim();
  assert.ok(after > before, `${after} after ${before}`);
  const cutoverFinish = (await cell('DB cut-over', 'finish').textContent()).trim();
  assert.ok(after > cutoverFinish, `the drill (${after}) after the cut-over (${cutoverFinish})`);
  const bar = page.locator('.gantt-task', { has: page.locator('title', { hasText: 'Failover drill' }) });
  assert.match(await bar.locator('title').first().textContent(), /Leveled to start .*: starts 4 d later: SRE on-call \(1 a day\) is used by 'DB cut-over'/);
  await page.screenshot({ path: join(outDir, 'leveled-scenario.png') });
  // The scenario's load: nothing over capacity.
  await tab(page, 'Load').click();
  await page.locator('[data-resource="sre-on-call"]').waitFor();
  assert.equal(await page.locator('[data-resource="sre-on-call"] .load-bar.over').count(), 0);

  // Promote it: the program is leveled (a snapshot first); Undo gives it back.
  await tab(page, 'Scenarios').click();
  await page.locator('tr[data-scenario] [data-action="open-scenario"]').first().click();
  await page.locator('[data-action="promote-scenario"]').click();
  await page.locator('tr[data-scenario]').first().waitFor({ state: 'detached', timeout: 10_000 });
  await tab(page, 'Plan').click();
  assert.equal((await cell('Failover drill', 'start').textContent()).trim(), after);
  await page.locator('.plan-grid').focus();
  await page.keyboard.press('Control+z');
  await cell('Failover drill', 'start').filter({ hasText: before }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
