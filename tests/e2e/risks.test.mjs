// End-to-end: the forecast tab of a plan built in the app (issue 15). With no estimate and
// no risk, it says plainly that nothing is uncertain (before and after a run: the dates, no
// one-bar histogram). Then risks are edited in the app: added, given a task through the
// search, retitled, refused with the reason beside the field (a probability over 100%, an
// impact whose least is more than its most, an unknown task) with nothing changed, undone,
// deleted, new ids R1, R2 … — and with a risk the forecast has a spread again.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/risks.test.mjs
// Screenshots go to $SCREENSHOTS (default tests/e2e/out/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, home, addTask, saved, outDir } from './helpers.mjs';

const shots = process.env.SCREENSHOTS ?? outDir;
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The program finish row of the dates table: [planned, p10, p50, p80, p90]. */
async function finishDates(page) {
  const row = page.locator('table.forecast-summary tr[data-finish=""]');
  return Promise.all(['deterministic', 'p10', 'p50', 'p80', 'p90'].map(async (col) =>
    (await row.locator(`td[data-col="${col}"]`).textContent()).trim()));
}

async function runForecast(page) {
  await page.getByRole('button', { name: 'Run forecast' }).click();
  await page.locator('.forecast-progress').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('table.forecast-summary tr[data-finish=""] td[data-col="p80"]').waitFor();
}

/** Commits `text` in a risk's field (Enter), as a person types it. */
async function commit(field, text) {
  await field.fill(text);
  await field.press('Enter');
}

test('nothing uncertain is said plainly; risks are added, edited, refused, undone and deleted', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setViewportSize({ width: 1366, height: 768 });
  await home(page);
  await page.getByRole('textbox', { name: 'New program' }).fill('Payments replatform');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.locator('main[data-view="program"] .plan-grid').waitFor({ timeout: 15_000 });
  await addTask(page, 'Design', 5);
  await addTask(page, 'Build', 10);
  await saved(page);

  // 1. Nothing uncertain: said before a run, with what to add.
  await page.getByRole('tab', { name: 'Forecast' }).click();
  const certain = page.locator('[data-state="nothing-uncertain"]');
  await certain.waitFor();
  assert.match(await certain.textContent(), /Nothing in this plan is uncertain/);
  assert.match(await certain.textContent(), /Estimate/);
  assert.match(await certain.textContent(), /risks/);
  await page.screenshot({ path: join(shots, 'forecast-nothing-uncertain.png') });

  // A run still gives the dates (all the planned one), and no chart of identical iterations.
  await page.getByRole('spinbutton', { name: 'Iterations' }).fill('500');
  await page.getByRole('spinbutton', { name: 'Iterations' }).dispatchEvent('change');
  await runForecast(page);
  const dates = await finishDates(page);
  assert.ok(dates.every((d) => d === dates[0]), `every percentile is the plan: ${dates}`);
  await certain.waitFor();
  assert.match(await certain.textContent(), /same dates/);
  assert.equal(await page.locator('.histogram-chart').count(), 0, 'no one-bar histogram');
  assert.equal(await page.locator('.s-curve-chart').count(), 0);
  await page.screenshot({ path: join(shots, 'forecast-nothing-uncertain-run.png'), fullPage: true });

  // 2. A risk, added with the form: R1, delaying no task yet.
  const risks = page.locator('[data-section="risks"]');
  await risks.locator('[data-role="no-risks"]').waitFor();
  const form = risks.getByRole('form', { name: 'Add a risk' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Vendor delivers late');
  await form.getByRole('textbox', { name: 'Probability (%)' }).fill('30');
  await form.getByRole('textbox', { name: 'Impact (working days)' }).fill('5-10');
  await form.getByRole('button', { name: 'Add risk' }).click();
  const r1 = risks.getByRole('group', { name: 'Risk R1' });
  await r1.waitFor();
  assert.equal(await r1.getByRole('textbox', { name: 'Title' }).inputValue(), 'Vendor delivers late');
  assert.equal(await r1.getByRole('textbox', { name: 'Probability (%)' }).inputValue(), '30%');
  assert.equal(await r1.getByRole('textbox', { name: 'Impact (working days)' }).inputValue(), '5–10');
  await r1.locator('[data-role="risk-no-task"]').waitFor();
  assert.equal(await form.getByRole('textbox', { name: 'Title' }).inputValue(), '', 'the form starts over');
  // A risk that delays nothing changes nothing: still nothing uncertain.
  assert.equal(await page.locator('.forecast-result [data-state="nothing-uncertain"]').count(), 1);

  // Its task, from the search by name.
  await r1.getByRole('searchbox', { name: 'Add a task it would delay' }).fill('buil');
  await r1.getByRole('button', { name: /Build/ }).click();
  await r1.getByRole('button', { name: 'Remove Build' }).waitFor();
  assert.equal(await r1.locator('[data-role="risk-no-task"]').count(), 0);

  // 3. Refusals beside the field, with the reason; nothing changes.
  const probability = r1.getByRole('textbox', { name: 'Probability (%)' });
  await commit(probability, '150');
  assert.match(await r1.getByRole('alert').textContent(), /a probability is 0% to 100%/);
  assert.equal(await probability.getAttribute('aria-invalid'), 'true');
  assert.equal(await probability.inputValue(), '150', 'what was typed stays');
  await probability.press('Escape');
  assert.equal(await probability.inputValue(), '30%', 'Escape puts back the value there is');
  const impact = r1.getByRole('textbox', { name: 'Impact (working days)' });
  await commit(impact, '15-5');
  assert.match(await r1.getByRole('alert').textContent(), /the least \(15\) is more than the most \(5\)/);
  await impact.press('Escape');
  const search = r1.getByRole('searchbox', { name: 'Add a task it would delay' });
  await commit(search, 'no such task');
  assert.match(await r1.getByRole('alert').textContent(), /there is no task 'no such task' in the plan/);
  await search.fill('');
  // The form refuses too, beside its field.
  await form.getByRole('textbox', { name: 'Title' }).fill('Second');
  await form.getByRole('textbox', { name: 'Probability (%)' }).fill('0.3');
  await form.getByRole('textbox', { name: 'Impact (working days)' }).fill('3');
  await form.getByRole('button', { name: 'Add risk' }).click();
  assert.match(await form.getByRole('alert').textContent(), /30%/);
  assert.equal(await risks.getByRole('group').count(), 1, 'no risk was added');
  await page.screenshot({ path: join(shots, 'forecast-risk-refused.png') });

  // 4. Edits, each one undoable step: a new title, then Undo (Ctrl+Z outside a field).
  await commit(r1.getByRole('textbox', { name: 'Title' }), 'Vendor delivers three weeks late');
  await commit(probability, '45');
  assert.equal(await probability.inputValue(), '45%');
  await risks.getByRole('heading', { name: 'Risks' }).click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() =>
    document.querySelector('#risk-R1-probability')?.value === '30%');
  assert.equal(await r1.getByRole('textbox', { name: 'Title' }).inputValue(), 'Vendor delivers three weeks late');

  // 5. A second risk is R2; deleting R1 keeps R2, and a third is R3 (ids never clash).
  await form.getByRole('textbox', { name: 'Probability (%)' }).fill('10%');
  await form.getByRole('button', { name: 'Add risk' }).click();
  await risks.getByRole('group', { name: 'Risk R2' }).waitFor();
  await r1.getByRole('button', { name: 'Delete risk' }).click();
  await r1.waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await r1.waitFor();
  assert.deepEqual(
    await risks.locator('legend').allTextContents(), ['Risk R1', 'Risk R2'],
    'undo puts the risk back in its place');

  // 6. With a risk on the plan, the forecast has a spread: the message goes, the charts come.
  await runForecast(page);
  await page.locator('.histogram-chart').waitFor();
  assert.equal(await page.locator('[data-state="nothing-uncertain"]').count(), 0);
  const spread = await finishDates(page);
  assert.ok(spread[4] > spread[0], `P90 later than planned: ${spread}`);
  await saved(page);
  // At 1366×768, the section as one scrolls to it.
  await risks.evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(shots, 'forecast-risks.png') });
  await risks.screenshot({ path: join(shots, 'forecast-risks-section.png') });

  // It lasts: after a reload the risks are there.
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await page.locator('[data-section="risks"]').getByRole('group', { name: 'Risk R2' }).waitFor({ timeout: 15_000 });
  assert.deepEqual(problems, []);
  await context.close();
});
