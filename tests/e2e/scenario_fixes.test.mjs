// End-to-end: the Scenarios tab's defects of issue 15, on the example at 1366×768. Quick
// impact reads `3w` back as typed, lists every missed deadline (never folded) and says it in
// the email summary, writes no "(s)"; its chips' remove buttons name the task; after "Save
// as scenario" it starts fresh (no chips or amount carried into the next scenario). "Edit in
// plan" and "Promote" leave the banner and the "Done" message in view, with the focus
// where the next action is. Every control clicked is found by its role and visible name.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/scenario_fixes.test.mjs
// Screenshots go to $SCREENSHOTS (default tests/e2e/out/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, home, saved, outDir } from './helpers.mjs';

const shots = process.env.SCREENSHOTS ?? outDir;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function openExampleScenarios(page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await home(page);
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.locator('[data-role="scenarios-panel"]').waitFor({ timeout: 15_000 });
}

/** Chooses a task in quick impact: search, then its button. */
async function pick(page, query, name) {
  await page.getByRole('searchbox', { name: 'Tasks' }).fill(query);
  await page.getByRole('button', { name: new RegExp(name) }).click();
}

/** Whether the element is wholly inside the window. */
async function inView(locator) {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

/** Waits until the page has drawn twice (what the app does after a render has run). */
async function frames(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Scrolls the page to its end (where the user is after working down the tab). */
async function scrollToEnd(page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

test('quick impact: as typed, every missed deadline, plain plurals, named chips, fresh after a save', async () => {
  const { context, page, problems } = await openPage(browser);
  await openExampleScenarios(page);

  // Landing zone design three weeks late: Identity federation live misses its deadline.
  await pick(page, 'Landing zone', 'Landing zone design');
  await page.getByRole('textbox', { name: /Working days/ }).fill('3w');
  const answer = page.locator('[data-role="qi-answer"]');
  await answer.locator('[data-role="qi-finish"]').waitFor();
  // 3w reads back as 3w, with its working days.
  assert.equal((await answer.locator('[data-role="qi-change"]').textContent()).trim(),
    'Slip +3w (15 working days)');
  assert.equal(await page.getByRole('textbox', { name: 'Scenario name' }).inputValue(),
    'Landing zone design +3w');
  // Every missed deadline is listed, whatever the length of the negative-float list.
  const missed = answer.locator('[data-role="qi-missed"] li');
  assert.deepEqual((await missed.allTextContents()).map((s) => s.trim()), [
    'Identity federation live: deadline 2027-03-26, finishes 2027-04-06 — 5 working days late (was on time)',
  ]);
  assert.equal(await answer.getByText(/and \d+ more/).count() > 0, true,
    'the negative-float list is long enough to fold: the deadline must not be under it');
  assert.doesNotMatch(await answer.textContent(), /\(s\)/);
  // The chip's remove button names the task.
  await page.getByRole('button', { name: 'Remove Landing zone design' }).waitFor();
  await page.screenshot({ path: join(shots, 'qi-missed-deadline.png'), fullPage: true });

  // Saved: quick impact starts fresh, the focus on its search.
  await page.getByRole('button', { name: 'Save as scenario' }).click();
  await page.locator('tr[data-scenario="s1"]').waitFor();
  assert.equal((await page.locator('tr[data-scenario="s1"] .scenario-name').textContent()).trim(),
    'Landing zone design +3w');
  assert.equal(await page.locator('.qi-chip').count(), 0, 'no chip carried over');
  assert.equal(await page.getByRole('textbox', { name: /Working days/ }).inputValue(), '');
  // The focus moves a frame after the render.
  await page.waitForFunction(() => document.activeElement?.id === 'qi-search', null, { timeout: 5_000 });
  assert.ok(await inView(page.getByRole('status').filter({ hasText: 'Saved as scenario' })), 'the "Saved" message is in view');
  await page.screenshot({ path: join(shots, 'qi-after-save.png') });

  // The summary for an email names the missed deadline, in words.
  const summary = await page.getByRole('textbox', { name: 'Summary for an email' }).inputValue();
  assert.match(summary, /Deadline missed: Identity federation live \(deadline 2027-03-26, finishes 2027-04-06, 5 working days late\)/);
  assert.doesNotMatch(summary, /\(s\)/);

  // A second scenario holds only its own task.
  await pick(page, 'quality fixes', 'Data quality fixes');
  await page.getByRole('textbox', { name: /Working days/ }).fill('+2d');
  await page.getByRole('button', { name: 'Save as scenario' }).click();
  await page.locator('tr[data-scenario="s2"]').waitFor();
  assert.deepEqual((await page.locator('.scenario-open .change-text').allTextContents()).map((s) => s.trim()),
    ["Data: 'Data quality fixes' +2d"]);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens the example and saves a scenario (opened) from quick impact. */
async function withScenario(page) {
  await openExampleScenarios(page);
  await pick(page, 'quality fixes', 'Data quality fixes');
  await page.getByRole('textbox', { name: /Working days/ }).fill('+5d');
  await page.getByRole('button', { name: 'Save as scenario' }).click();
  await page.locator('tr[data-scenario="s1"]').waitFor();
}

test('Edit in plan shows the banner, with the grid focused', async () => {
  const { context, page, problems } = await openPage(browser);
  await withScenario(page);

  // Edit in plan, from far down the tab: the banner is in view, the grid has the focus.
  await scrollToEnd(page);
  await page.getByRole('button', { name: 'Edit in plan' }).click();
  const banner = page.locator('[data-role="scenario-banner"]');
  await banner.waitFor();
  await frames(page);
  assert.ok(await inView(banner), 'the scenario banner is in view');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'grid');
  await page.screenshot({ path: join(shots, 'scen-edit-in-plan-banner.png') });

  assert.deepEqual(problems, []);
  await context.close();
});

test('Promote shows the "Done" message in view, focused', async () => {
  const { context, page, problems } = await openPage(browser);
  await withScenario(page);
  await saved(page);
  await scrollToEnd(page);
  await page.getByRole('button', { name: 'Promote to program' }).click();
  const message = page.getByRole('status').filter({ hasText: 'is now the program' });
  await message.waitFor({ timeout: 10_000 });
  await frames(page);
  assert.ok(await inView(message), 'the "Done" message is in view');
  assert.ok(await message.evaluate((e) => document.activeElement?.contains(e)), 'the focus is on the message');
  await page.screenshot({ path: join(shots, 'scen-promoted-message.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
