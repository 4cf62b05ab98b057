// The program's logs (issue 20): on the example, a risk added and linked to a task, its score,
// the forecast with and without mitigation compared; a cross-team dependency whose provider
// task slips past need-by turning at risk in the log and on the dependency map; a decision
// recorded and its latency read; a change request raised from a scenario, its impact shown,
// approved (the scenario becomes the program) and undone; bad input refused naming the item
// and the field, nothing lost; a file naming an unknown task refused. Screenshots go to
// $PLANWORK_SHOTS.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/logs.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home, taskRow, editCell, importFile } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-logs-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tab = (page, name) => page.getByRole('tab', { name, exact: true });
const row = (page, id) => page.locator(`table.log-table tr[data-id="${id}"]`);
const cell = (page, id, field) => row(page, id).locator(`td[data-field="${field}"] input`);
/** The text of column `heading` in item `id`'s row. */
async function column(page, id, heading) {
  const headings = (await page.locator('table.log-table thead th').allTextContents()).map((h) => h.trim());
  const at = headings.indexOf(heading);
  assert.ok(at >= 0, `a column ${heading} in ${headings}`);
  const c = row(page, id).locator('th, td').nth(at);
  const input = c.locator('input');
  return (await input.count()) ? input.inputValue() : (await c.textContent()).trim();
}
/** Types `text` into a cell and commits it with Enter. */
async function type(page, id, field, text) {
  const input = cell(page, id, field);
  await input.fill(text);
  await input.press('Enter');
}

async function openExample(page) {
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
}

async function section(page, key) {
  await tab(page, 'Logs').click();
  await page.locator(`[data-section="${key}"]`).click();
}

async function addItem(page, title) {
  const rows = page.locator('table.log-table tbody tr');
  const count = await rows.count();
  await page.locator('[data-role="log-new"]').fill(title);
  await page.locator('[data-action="log-add"]').click();
  await rows.nth(count).waitFor();
  const id = await rows.last().getAttribute('data-id');
  const first = rows.last().locator('td[data-field] input').first();
  assert.equal(await first.inputValue(), title);
  return id;
}

test('a risk linked to a task, scored, and the forecast with and without mitigation', async () => {
  const { context, page, problems } = await openPage(browser);
  await openExample(page);
  await section(page, 'risks');
  assert.match(await page.locator('[data-role="log-summary"]').textContent(), /open/);
  const id = await addItem(page, 'Vendor API quota too low');
  await type(page, id, 'probability', '60%');
  await type(page, id, 'impact', '10–20');
  await type(page, id, 'severity', '4');
  await type(page, id, 'tasks', 'IN1');
  await type(page, id, 'mitigated.probability', '10%');
  await type(page, id, 'mitigated.impact', '2–4');
  // 4 × level 4 (60 %) = 16, high; after mitigation 4 × level 1 (10 %) = 4, low.
  await row(page, id).locator('td', { hasText: '16 high' }).waitFor();
  assert.equal(await column(page, id, 'Score after'), '4 low');
  // What mitigating it alone buys, forecast in a worker.
  await page.locator('[data-action="mitigation-values"]').click();
  const value = page.locator(`[data-role="mitigation-values"] li[data-risk="${id}"]`);
  await value.waitFor({ timeout: 60_000 });
  assert.match(await value.textContent(), new RegExp(`mitigating ${id} buys \\d+ working days? at P80`));
  // A mitigation action, then checked off.
  await page.locator('[data-role="risk-actions"] [data-role="detail-item"]').selectOption(id);
  await page.locator('[data-role="action-text"]').fill('Ask the vendor for a higher quota');
  await page.locator('[data-role="action-due"]').fill('2027-01-20');
  await page.locator('[data-action="add-action"]').click();
  const done = page.locator('[data-role="risk-actions"] [data-role="action-done"]');
  await done.waitFor();
  await done.check();
  await page.screenshot({ path: join(outDir, 'logs-risks.png'), fullPage: true });

  // The task's row names its open risk.
  await tab(page, 'Plan').click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Risks & issues' }).check();
  await page.keyboard.press('Escape');
  assert.match(await taskRow(page, 'Landing zone design').locator('[data-col="raid"]').textContent(), new RegExp(id));

  // The forecast as the risks stand, then after mitigation: compared.
  await tab(page, 'Forecast').click();
  await page.locator('input[name="iterations"]').fill('2000');
  await page.locator('button[data-action="run-forecast"]').click();
  await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor({ timeout: 60_000 });
  await page.locator('select[name="subject"]').selectOption({ label: 'The program, risks after mitigation' });
  await page.locator('button[data-action="run-forecast"]').click();
  await page.locator('.forecast-heading', { hasText: 'after mitigation' }).waitFor({ timeout: 60_000 });
  await page.locator('table.forecast-compare').waitFor();
  const delta = (await page.locator('table.forecast-compare tbody tr').first().locator('td[data-col="delta-p80"]').textContent()).trim();
  assert.match(delta, /earlier|−|-/, `mitigation buys time at P80: ${delta}`);
  await page.locator('[data-section="compare"]').screenshot({ path: join(outDir, 'logs-mitigation-compare.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dependency whose provider task slips past need-by turns at risk, in the log and on the map', async () => {
  const { context, page, problems } = await openPage(browser);
  await openExample(page);
  const finish = (await taskRow(page, 'Network connectivity & VPN').locator('[data-col="finish"]').textContent()).trim();
  await section(page, 'dependencies');
  const id = await addItem(page, 'VPN for the data team');
  await type(page, id, 'provider', 'infra');
  await type(page, id, 'consumer', 'data');
  await type(page, id, 'opened', '2027-01-11');
  await type(page, id, 'task', 'IN2');
  // Need-by a week after the provider's finish: on track.
  const needBy = new Date(`${finish}T00:00:00Z`);
  needBy.setUTCDate(needBy.getUTCDate() + 7);
  await type(page, id, 'need_by', needBy.toISOString().slice(0, 10));
  await type(page, id, 'status', 'committed');
  assert.equal(await column(page, id, 'Status'), 'committed');

  // The provider task slips three weeks.
  await tab(page, 'Plan').click();
  await editCell(page, taskRow(page, 'Network connectivity & VPN').locator('[data-col="duration"]'), '30d');
  await section(page, 'dependencies');
  await row(page, id).locator('td', { hasText: 'at risk' }).waitFor();
  assert.match(await row(page, id).getAttribute('class'), /flagged/);
  assert.match(await row(page, id).getAttribute('title'), /finish|after/);
  await page.screenshot({ path: join(outDir, 'logs-dependency-at-risk.png'), fullPage: true });

  await tab(page, 'Dependency map').click();
  const onMap = page.locator(`[data-role="commitments"] tr[data-id="${id}"]`);
  await onMap.waitFor();
  assert.equal((await onMap.locator('[data-col="status"]').textContent()).trim(), 'at risk');
  assert.match(await onMap.getAttribute('class'), /flagged/);
  await page.locator('[data-role="commitments"]').screenshot({ path: join(outDir, 'map-commitments.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a decision recorded and its latency; bad input refused naming the item and field', async () => {
  const { context, page, problems } = await openPage(browser);
  await openExample(page);
  await section(page, 'decisions');
  const id = await addItem(page, 'Pick the managed database');
  await type(page, id, 'approver', 'Priya Shah');
  await type(page, id, 'raised', '2027-02-01');
  await type(page, id, 'decided', '2027-02-10');
  await type(page, id, 'status', 'decided');
  // Mon 1 Feb → Wed 10 Feb 2027: seven working days.
  assert.equal(await column(page, id, 'Latency'), '7 d');
  // Its options and their trade-offs.
  await page.locator('[data-role="decision-options"] [data-role="detail-item"]').selectOption(id);
  await page.locator('[data-role="option-text"]').fill('Managed service');
  await page.locator('[data-role="decision-options"] input[aria-label="Trade-offs"]').fill('less control, no on-call');
  await page.locator('[data-action="add-option"]').click();
  await page.locator('[data-role="decision-options"] li', { hasText: 'Managed service — less control, no on-call' }).waitFor();

  // Decided before raised: refused by the check, naming the decision and the field; the
  // typed text stays in its cell.
  await type(page, id, 'decided', '2027-01-20');
  const error = page.locator('[data-role="log-error"]');
  await error.waitFor();
  assert.match(await error.textContent(), new RegExp(`${id}.*decided`));
  assert.equal(await cell(page, id, 'decided').inputValue(), '2027-01-20');
  assert.equal(await column(page, id, 'Latency'), '7 d');

  // A probability of 150 %: refused at once.
  await section(page, 'risks');
  await type(page, 'R1', 'probability', '150%');
  await page.locator('[data-role="log-error"]', { hasText: /R1 \(probability\): a probability is 0% to 100%/ }).waitFor();
  await page.screenshot({ path: join(outDir, 'logs-refused.png') });

  // The charter: a benefit added, a measurement recorded, its realization read.
  await page.locator('[data-section="charter"]').click();
  await page.locator('[data-role="charter-purpose"]').waitFor();
  await page.locator('[data-role="benefit-metric"]').fill('Deploys a week');
  await page.locator('[data-role="benefit-baseline"]').fill('2');
  await page.locator('[data-role="benefit-target"]').fill('10');
  await page.locator('[data-action="add-benefit"]').click();
  const benefit = page.locator('tr[data-benefit]').last();
  await benefit.filter({ hasText: 'Deploys a week' }).waitFor();
  const benefitId = await benefit.getAttribute('data-benefit');
  await page.locator('[data-role="measure-benefit"]').selectOption(benefitId);
  await page.locator('[data-role="measure-date"]').fill('2027-02-01');
  await page.locator('[data-role="measure-value"]').fill('6');
  await page.locator('[data-action="add-measurement"]').click();
  // Half way from 2 to 10.
  await page.locator(`tr[data-benefit="${benefitId}"]`, { hasText: '50%' }).waitFor();
  assert.match(await page.locator('[data-role="benefits-index"]').textContent(), /Benefits realization index: \d+%/);
  await page.screenshot({ path: join(outDir, 'logs-charter.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a change request raised from a scenario, its impact, approved, then undone', async () => {
  const { context, page, problems } = await openPage(browser);
  await openExample(page);
  const before = (await taskRow(page, 'Landing zone design').locator('[data-col="duration"]').textContent()).trim();
  await tab(page, 'Scenarios').click();
  await page.locator('[data-action="new-scenario"]').click();
  await page.locator('[data-action="edit-in-plan"]').click();
  await page.locator('[data-role="scenario-banner"]').waitFor();
  await editCell(page, taskRow(page, 'Landing zone design').locator('[data-col="duration"]'), '20d');
  await tab(page, 'Scenarios').click();
  await page.locator('tr[data-scenario] [data-action="open-scenario"]').first().click();
  await page.locator('[data-action="raise-change"]').click();
  await page.locator('[data-role="confirmation"]', { hasText: 'raised' }).waitFor();

  await section(page, 'changes');
  const pending = page.locator('.change-requests li').last();
  assert.match(await pending.locator('[data-role="change-impact"]').textContent(), /finish \+\d+ working days/);
  await page.screenshot({ path: join(outDir, 'logs-change-request.png'), fullPage: true });
  await pending.locator('[data-action="approve-change"]').click();
  await page.locator('[data-role="confirmation"]', { hasText: 'approved' }).waitFor({ timeout: 10_000 });
  const id = await page.locator('table.log-table tbody tr').last().getAttribute('data-id');
  assert.equal(await column(page, id, 'Decision'), 'approved');

  await tab(page, 'Plan').click();
  assert.equal((await taskRow(page, 'Landing zone design').locator('[data-col="duration"]').textContent()).trim(), '20d');
  await page.locator('[data-action="undo"]').click();
  await taskRow(page, 'Landing zone design').locator('[data-col="duration"]', { hasText: before }).waitFor();
  await section(page, 'changes');
  assert.equal(await column(page, id, 'Decision'), 'pending');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file whose log names an unknown task is refused, naming the item', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  const file = join(tmpdir(), 'planwork-bad-log.planwork.json');
  writeFileSync(file, JSON.stringify({
    format: 'planwork', version: 5,
    program: { name: 'Bad log', start: '2027-01-04' },
    workstreams: [{ id: 'w', name: 'W' }],
    tasks: [{ id: 'a', name: 'A', workstream: 'w', duration: 3 }],
    logs: { issues: [{ id: 'I1', title: 'Quota', tasks: ['nope'] }] },
  }));
  await importFile(page, file);
  const alert = page.getByText(/I1/).first();
  await alert.waitFor({ timeout: 10_000 });
  assert.match(await page.locator('body').textContent(), /nope/);
  assert.equal(await page.locator('main[data-view="program"]').count(), 0, 'nothing imported');
  problems.length = 0; // the refusal is reported on the page, as it should be
  await context.close();
});
