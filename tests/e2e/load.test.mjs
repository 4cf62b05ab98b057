// Resources and their load (issue 19): a shared pool defined on the Setup tab, two tasks
// demanding it in the plan's Resources column (one typed by name with MS Project's
// percentage), a demand on no resource refused beside the cell, the Load tab showing the
// days over capacity in red, and a period chosen selecting its tasks in the plan; the
// example program's teams and shared SRE pool, and their load under the Gantt chart on its
// time axis; Level (in a worker), its scenario and reasons, promoted and undone; leveling
// within float; a long run's progress, Use best so far and Cancel. Screenshots go to
// $PLANWORK_SHOTS.
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

/** Two tasks side by side that both need the one SRE on-call, ready on the Load tab. */
async function overAllocated(page, name) {
  await home(page);
  await createProgram(page, name);
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
  for (const task of ['DB cut-over', 'Failover drill']) {
    await editCell(page, taskRow(page, task).locator('[data-col="resources"]'), 'sre-on-call');
  }
  await taskRow(page, 'Failover drill').locator('[data-col="resources"]').filter({ hasText: 'sre-on-call' }).waitFor();
  await tab(page, 'Load').click();
  await page.locator('[data-resource="sre-on-call"] .load-bar.over').first().waitFor();
}

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

  // The same load under the Gantt chart, on its time axis: the strip is as wide as the
  // chart and scrolls with it; a red block selects its period's tasks.
  await tab(page, 'Plan').click();
  await page.locator('[data-action="toggle-load-strip"]').click();
  const strip = page.locator('[data-role="load-strip"]');
  await strip.locator('[data-resource="sre"] .load-bar.over').first().waitFor();
  assert.equal(await page.locator('.load-strip-label').count(), await strip.locator('.load-strip-row').count());
  const widths = await page.evaluate(() => [
    document.querySelector('[data-role="load-strip"] svg').getAttribute('width'),
    document.querySelector('.gantt-body').getAttribute('width'),
  ]);
  assert.equal(widths[0], widths[1]);
  await page.screenshot({ path: join(outDir, 'load-strip.png') });
  await strip.locator('[data-resource="sre"] .load-bar.over').first().click();
  await page.locator('.plan-grid .task-row.selected').first().waitFor();
  assert.ok(await page.locator('.plan-grid .task-row.selected').count() >= 2);
  await page.locator('[data-action="hide-load-strip"]').click();
  await strip.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('Level: a leveled scenario with its reasons, promoted, then undone', async () => {
  const { context, page, problems } = await openPage(browser);
  await overAllocated(page, 'Level me');
  const cell = (name, col) => taskRow(page, name).locator(`[data-col="${col}"]`);
  await tab(page, 'Plan').click();
  const before = (await cell('Failover drill', 'start').textContent()).trim();
  await tab(page, 'Load').click();
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

test('Level within float: no finish moves, and what cannot fit is named', async () => {
  const { context, page, problems } = await openPage(browser);
  await overAllocated(page, 'Within float');
  await page.locator('[data-role="level-within-float"]').check();
  await page.locator('[data-action="level"]').click();
  await page.locator('[data-role="scenario-banner"]').waitFor({ timeout: 20_000 });
  assert.match(await page.locator('[data-role="scenario-banner"]').textContent(), /Leveled within float — /);
  // The drill has one day of float and needs four: it cannot be kept within it.
  assert.match(await page.locator('[data-role="confirmation"]').textContent(),
    /Not kept within their float: Failover drill/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A program of `count` tasks in parallel chains, each demanding two units of one of
 * three teams of three (so two never fit together, while the resource bound counts as if
 * they packed): no result reaches the bound, and leveling takes the search's whole time. */
function bigProgram(count) {
  const tasks = [];
  const links = [];
  for (let i = 0; i < count; i++) {
    const demands = [{ resource: `r${i % 3}`, units: 2 }];
    tasks.push({ id: `t${i}`, name: `Task ${i}`, workstream: 'w', duration: 1 + ((i * 7) % 9), demands });
    if (i >= 10 && i % 3 !== 0) links.push({ from: `t${i - 10}`, to: `t${i}`, type: 'FS' });
  }
  return JSON.stringify({
    format: 'planwork', version: 4,
    program: { name: 'Big leveling', start: '2027-01-04' },
    workstreams: [{ id: 'w', name: 'Work' }],
    resources: [0, 1, 2].map((r) => ({ id: `r${r}`, name: `Team ${r}`, capacity: 3 })),
    tasks, dependencies: links,
  });
}

test('a long leveling shows its progress; Use best so far and Cancel', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await page.locator('input[data-role="import-file"]').setInputFiles({
    name: 'big.planwork.json', mimeType: 'application/json', buffer: Buffer.from(bigProgram(1500)),
  });
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 30_000 });
  await tab(page, 'Load').click();
  await page.locator('[data-resource="r0"] .load-bar.over').first().waitFor();

  // Cancel: the worker is stopped and nothing is made.
  await page.locator('[data-action="level"]').click();
  await page.locator('[data-action="level-cancel"]').click();
  await page.getByText('Leveling cancelled: nothing was changed.').waitFor();
  await tab(page, 'Scenarios').click();
  assert.equal(await page.locator('tr[data-scenario]').count(), 0);

  // Use best so far: the progress names the best finish so far; the scenario is made from it.
  await tab(page, 'Load').click();
  await page.locator('[data-action="level"]').click();
  const status = page.locator('[data-role="level-status"]');
  await status.filter({ hasText: /schedules tried; best finish so far \d{4}-\d\d-\d\d \(none can be before/ }).waitFor();
  await page.screenshot({ path: join(outDir, 'leveling-progress.png') });
  await page.locator('[data-action="level-stop"]').click();
  await page.locator('[data-role="scenario-banner"]').waitFor({ timeout: 20_000 });
  assert.match(await page.locator('[data-role="confirmation"]').textContent(), /stopped at your request after [\d,]+ schedules/);
  assert.deepEqual(problems, []);
  await context.close();
});
