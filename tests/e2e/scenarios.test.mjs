// End-to-end: scenario planning and baselines on the example program (issue 6). Quick
// impact (slip a task, read the milestones that move, save it as a scenario), a second
// scenario, the comparison of two scenarios, promoting one and undoing it, and a baseline
// whose variance shows in the comparison after an edit.
//
// scripts/test builds dist/, serves it and sets PLANWORK_URL; to run by hand:
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/scenarios.test.mjs
// SCREENSHOTS=/some/dir keeps screenshots there (default: tests/e2e/out).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, home, saved, outDir } from './helpers.mjs';

let browser;
const shots = process.env.SCREENSHOTS ?? outDir;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Opens the example program and its Scenarios tab. */
async function openExampleScenarios(page) {
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('main[data-view="program"] [data-tab="scenarios"]').click();
  await page.locator('[data-role="scenarios-panel"]').waitFor({ timeout: 15_000 });
}

/** Chooses a task in quick impact by searching for `query`, then clicking task `id`. */
async function pickTask(page, query, id) {
  await page.locator('[data-field="qi-search"]').fill(query);
  await page.locator(`.qi-match[data-task="${id}"]`).click();
}

async function cellTexts(locator) {
  return (await locator.allTextContents()).map((s) => s.trim());
}

/** The program finish date shown in the compare table. */
async function programFinish(page) {
  return (await page.locator('.compare-finish td').first().textContent()).trim();
}

test('slip, save, compare, promote, undo; baseline then edit shows the variance', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openExampleScenarios(page);
  assert.ok(await page.locator('[data-role="no-scenarios"]').isVisible());
  const finishBefore = await programFinish(page);

  // Quick impact, first on a task with float: identity federation (10 days of float)
  // slipping three weeks moves its milestone 15 days, misses its deadline, not the finish.
  await pickTask(page, 'federation', 'ID2');
  await page.locator('[data-field="qi-amount"]').fill('+15d');
  const answer = page.locator('[data-role="qi-answer"]');
  await answer.locator('[data-role="qi-finish"]').waitFor();
  assert.match(await answer.locator('[data-role="qi-finish"]').textContent(), /unchanged/);
  assert.deepEqual(await cellTexts(page.locator('[data-role="qi-milestones"] tr', { hasText: 'Identity federation live' }).locator('td.num')), ['+15']);
  assert.ok(await page.locator('[data-role="qi-late"] li', { hasText: 'Identity provider federation (SSO)' }).count());
  assert.ok(await page.locator('[data-role="qi-absorbed"] li').count());
  await page.screenshot({ path: join(shots, 'scen-quick-impact-float.png'), fullPage: true });

  // Then on the critical path: data quality fixes three weeks late move every later milestone.
  await page.locator('.qi-chip-remove').click();
  await pickTask(page, 'quality fixes', 'DA5');
  await page.locator('[data-role="qi-finish"]', { hasText: '+15 working days' }).waitFor();
  const moved = await cellTexts(page.locator('[data-role="qi-milestones"] tbody th'));
  assert.deepEqual(moved, ['Data migrated', 'Go/no-go decision', 'Go-live', 'Programme closed']);
  const deltas = await cellTexts(page.locator('[data-role="qi-milestones"] tbody td.num'));
  assert.ok(deltas.every((d) => d === '+15'), `deltas: ${deltas}`);
  assert.equal(await page.locator('[data-field="qi-name"]').inputValue(), 'Data quality fixes +15d');
  await page.screenshot({ path: join(shots, 'scen-quick-impact.png'), fullPage: true });

  // A bad entry says what is wrong, at once.
  await page.locator('[data-field="qi-amount"]').fill('soon');
  assert.match(await page.locator('.qi-error').textContent(), /not a duration/);
  await page.locator('[data-field="qi-amount"]').fill('+15d');

  // Save as scenario, named.
  await page.locator('[data-field="qi-name"]').fill('Data fixes 3 weeks late');
  await page.locator('[data-action="qi-save"]').click();
  const first = page.locator('tr[data-scenario="s1"]');
  await first.waitFor();
  assert.equal((await first.locator('.scenario-name').textContent()).trim(), 'Data fixes 3 weeks late');
  assert.equal((await first.locator('[data-role="scenario-delta"]').textContent()).trim(), '+15');
  assert.deepEqual(await cellTexts(page.locator('.scenario-open .change-text')), [
    "Data: 'Data quality fixes' +15d",
  ]);

  // An empty scenario, renamed; then a second real one from quick impact: data fixes in
  // half the time.
  await page.locator('[data-action="new-scenario"]').click();
  await page.locator('tr[data-scenario="s2"]').waitFor();
  await page.locator('[data-field="scenario-name"]').fill('Empty idea');
  await page.locator('[data-field="scenario-name"]').press('Tab');
  await page.locator('tr[data-scenario="s2"] .scenario-name', { hasText: 'Empty idea' }).waitFor();
  // Quick impact started afresh after the save: no chip is left to remove.
  assert.equal(await page.locator('.qi-chip').count(), 0);
  await pickTask(page, 'quality fixes', 'DA5');
  await page.locator('[data-action="qi-duration"]').click();
  await page.locator('[data-field="qi-amount"]').fill('5d');
  await page.locator('[data-role="qi-finish"]', { hasText: /-\d+ working days/ }).waitFor();
  await page.locator('[data-field="qi-name"]').fill('Faster data fixes');
  await page.locator('[data-action="qi-save"]').click();
  const third = page.locator('tr[data-scenario="s3"]');
  await third.waitFor();
  const fasterDelta = (await third.locator('[data-role="scenario-delta"]').textContent()).trim();
  assert.match(fasterDelta, /^-\d+$/, `a shorter critical task finishes earlier: ${fasterDelta}`);

  // Compare the two scenarios side by side (both were ticked when saved).
  const heads = await cellTexts(page.locator('.compare-scenario-head'));
  assert.deepEqual(heads, ['Data fixes 3 weeks late', 'Faster data fixes']);
  const goLive = await cellTexts(page.locator('tr[data-milestone="Go-live"] td'));
  assert.equal(goLive[3], '+15', `Go-live row: ${goLive}`);
  assert.equal(goLive[6], fasterDelta, `Go-live row: ${goLive}`);
  const summary = await page.locator('[data-field="compare-summary"]').inputValue();
  assert.match(summary, /^Scenario 'Data fixes 3 weeks late': .*Go-live \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2} \(\+15 working days\)/m);
  assert.match(summary, /Scenario 'Faster data fixes'/);
  // Copy as text: copied, or (clipboard refused) a plain hint; never an error.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.locator('[data-action="copy-summary"]').click();
  await page.locator('[data-role="copy-note"]', { hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), summary);
  await page.locator('.compare-section').screenshot({ path: join(shots, 'scen-compare.png') });
  await page.screenshot({ path: join(shots, 'scen-scenarios.png'), fullPage: true });

  // Promote the late scenario: the program now finishes 15 working days later.
  await page.locator('tr[data-scenario="s1"] [data-action="open-scenario"]').click();
  await page.locator('[data-action="promote-scenario"]').click();
  await page.locator('tr[data-scenario="s1"]').waitFor({ state: 'detached', timeout: 10_000 });
  const finishPromoted = await programFinish(page);
  assert.notEqual(finishPromoted, finishBefore);
  await saved(page);
  // The snapshot was taken first.
  await page.locator('[data-tab="snapshots"]').click();
  await page.locator('.snapshot-name', { hasText: 'Before promoting “Data fixes 3 weeks late”' }).waitFor();
  await page.locator('[data-tab="scenarios"]').click();

  // Undo (Ctrl+Z, focus outside any field) restores the program and the scenario.
  await page.locator('h2#compare-title').click();
  await page.keyboard.press('Control+z');
  await page.locator('tr[data-scenario="s1"]').waitFor();
  assert.equal(await programFinish(page), finishBefore);

  // Baseline, then an edit: the comparison shows the variance against it.
  await page.locator('[data-field="baseline-name"]').fill('Signed-off plan');
  await page.locator('[data-action="save-baseline"]').click();
  await page.locator('[data-role="active-baseline"]').waitFor();
  const variance = page.locator('tr[data-milestone="Go-live"] [data-role="baseline-variance"]');
  assert.equal((await variance.textContent()).trim(), '0');
  await page.locator('tr[data-scenario="s1"] [data-action="open-scenario"]').click();
  await page.locator('[data-action="promote-scenario"]').click();
  await page.locator('tr[data-scenario="s1"]').waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal((await variance.textContent()).trim(), '+15');
  assert.equal((await page.locator('.compare-finish [data-role="baseline-variance"]').textContent()).trim(), '+15');
  await saved(page);
  await page.screenshot({ path: join(shots, 'scen-baseline.png'), fullPage: true });

  // It lasts: after a reload the scenarios and the baseline are still there.
  await page.reload({ waitUntil: 'load' });
  await page.locator('[data-tab="scenarios"]').click();
  await page.locator('tr[data-scenario="s3"]').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('.baseline-name').count(), 1);

  assert.deepEqual(problems, []);
  await context.close();
});

test('edits in the plan while a scenario is shown become its changes; a rename is refused', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openExampleScenarios(page);
  await page.locator('[data-action="new-scenario"]').click();
  await page.locator('[data-action="edit-in-plan"]').click();
  await page.locator('[data-role="scenario-banner"]').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('[data-role="scenario-banner"]').textContent(), /Scenario 1/);

  // A new duration in the grid becomes an Estimate change of the scenario.
  const duration = page.locator('.grid-cell[data-row="t:ID2"][data-col="duration"]');
  await duration.dblclick();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await page.locator('.grid-cell[data-row="t:ID2"][data-col="duration"]', { hasText: '20d' }).waitFor();

  // A rename cannot be a scenario change: refused, saying so.
  await page.locator('.grid-cell[data-row="t:ID2"][data-col="name"]').dblclick();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Renamed');
  await page.keyboard.press('Enter');
  await page.getByText('A scenario cannot rename a task').waitFor();
  await page.screenshot({ path: join(shots, 'scen-edit-in-plan.png') });
  await page.keyboard.press('Escape');

  // The dependency map follows the plan view: it says it shows the scenario.
  await page.locator('[data-tab="map"]').click();
  assert.match(await page.locator('[data-role="map-scenario"]').textContent(), /Scenario “Scenario 1”/);

  await page.locator('[data-tab="scenarios"]').click();
  await page.locator('tr[data-scenario="s1"] [data-action="open-scenario"]').click();
  assert.deepEqual(await cellTexts(page.locator('.scenario-open .change-text')), [
    "Identity & Access: 'Identity provider federation (SSO)' re-estimated to 20d",
  ]);
  // The program itself did not change.
  await page.locator('[data-action="edit-in-plan"]').click();
  await page.locator('[data-action="back-to-program"]').click();
  await page.locator('[data-role="scenario-banner"]').waitFor({ state: 'detached' });
  await page.locator('.grid-cell[data-row="t:ID2"][data-col="duration"]', { hasText: '15d' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('quick impact starts from the grid selection; a change whose task is deleted is kept, marked', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('.grid-cell[data-row="t:ID6"][data-col="name"]').click();
  await page.locator('[data-tab="scenarios"]').click();
  assert.deepEqual(await cellTexts(page.locator('.qi-chip-name')), ['SSO cut-over rehearsal']);
  // Enter in the search picks the first match.
  await page.locator('[data-field="qi-search"]').fill('retire legacy');
  await page.locator('[data-field="qi-search"]').press('Enter');
  assert.deepEqual(await cellTexts(page.locator('.qi-chip-name')), ['SSO cut-over rehearsal', 'Retire legacy directory']);
  await page.locator('[data-field="qi-amount"]').fill('+5d');
  assert.equal(await page.locator('[data-field="qi-name"]').inputValue(), '2 tasks +5d');
  await page.locator('[data-action="qi-save"]').click();
  await page.locator('tr[data-scenario="s1"]').waitFor();

  // The rehearsal is deleted from the program: its change no longer applies, and says so.
  await page.locator('[data-tab="plan"]').click();
  await page.locator('.grid-cell[data-row="t:ID6"][data-col="name"]').click();
  await page.keyboard.press('Delete');
  await page.locator('.grid-cell[data-row="t:ID6"]').first().waitFor({ state: 'detached' });
  await page.locator('[data-tab="scenarios"]').click();
  await page.locator('tr[data-scenario="s1"] [data-action="open-scenario"]').click();
  assert.equal((await page.locator('[data-role="change-count"]').textContent()).trim(), '2 (1 no longer applies)');
  assert.match(await page.locator('.change-stale .change-stale-note').textContent(), /No longer applies: task 'ID6' no longer exists/);
  assert.equal(await page.locator('.change-row:not(.change-stale)').count(), 1);
  await page.locator('.scenario-section').screenshot({ path: join(shots, 'scen-stale.png') });

  // Undo (the toolbar button) brings the task back, and the change applies again.
  await page.locator('[data-action="undo"]').click();
  await page.locator('[data-role="change-count"]', { hasText: /^\s*2\s*$/ }).waitFor();
  assert.equal(await page.locator('.change-stale').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every tab reads the one derived program: the map counts the shown scenario; deleting it shows the program everywhere', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openExampleScenarios(page);
  const pairs = async () => {
    await page.locator('[data-tab="map"]').click();
    await page.locator('.map-pair-summary').first().waitFor();
    return cellTexts(page.locator('.map-pair-summary'));
  };
  const own = await pairs();

  // Landing zone design 30 working days late: the links after it go late on the map too.
  await page.locator('[data-tab="scenarios"]').click();
  await pickTask(page, 'Landing zone', 'IN1');
  await page.locator('[data-field="qi-amount"]').fill('30d');
  await page.getByRole('button', { name: 'Save as scenario' }).click();
  await page.locator('tr[data-scenario="s1"]').waitFor();
  await page.getByRole('button', { name: 'Edit in plan' }).click();
  await page.locator('[data-role="scenario-banner"]').waitFor({ timeout: 10_000 });
  const slipped = await pairs();
  assert.match(await page.locator('[data-role="map-scenario"]').textContent(), /Landing zone design/);
  await page.screenshot({ path: join(shots, 'scen-map-shows-scenario.png') });
  assert.notDeepEqual(slipped, own, 'the map counts the scenario, not the program');
  const late = (list) => list.join(' ').match(/(\d+) late/g)?.length ?? 0;
  assert.ok(late(slipped) > late(own), `more late pairs: ${own} → ${slipped}`);

  // Deleting the scenario shown: the plan, the map and the forecast show the program.
  await page.locator('[data-tab="scenarios"]').click();
  const remove = page.locator('[data-action="delete-scenario"]');
  if (!(await remove.isVisible())) {
    await page.locator('tr[data-scenario="s1"] [data-action="open-scenario"]').click();
  }
  await remove.click();
  await page.locator('tr[data-scenario="s1"]').waitFor({ state: 'detached' });
  assert.deepEqual(await pairs(), own);
  assert.equal(await page.locator('[data-role="map-scenario"]').count(), 0);
  await page.locator('[data-tab="plan"]').click();
  await page.locator('.plan-grid').waitFor();
  assert.equal(await page.locator('[data-role="scenario-banner"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
