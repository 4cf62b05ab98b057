// The weekly status pack (issue 22), on the example: a pack issued; a milestone slipped and
// a risk added; the next pack shows what changed and a computed Red; the overall rating
// overridden to Green with a reason, both shown; the pack issued, a past pack opened as it
// was; the KPI dashboard across the packs; schedule health's failing checks with their
// tasks; the pack as Markdown, copied for email, and printed (rendered to PDF).
// Screenshots go to $PLANWORK_SHOTS.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/status.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home, taskRow, editCell } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-status-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tab = (page, name) => page.getByRole('tab', { name, exact: true });
const pack = (page) => page.locator('[data-role="status-pack"]');

async function openStatus(page) {
  await tab(page, 'Status').click();
  await page.locator('[data-role="status"]').waitFor();
}

async function setStatusDate(page, date) {
  const input = page.locator('[data-role="status-date"]');
  await input.fill(date);
  await input.press('Enter');
  await input.blur();
  await pack(page).getByText(`status ${date} (draft)`).waitFor();
}

test('two packs issued: what changed, a computed Red, an override shown beside it', async () => {
  const { context, page, problems } = await openPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  await openStatus(page);

  // The first pack, for 2027-03-01, with a highlight.
  await setStatusDate(page, '2027-03-01');
  const highlights = page.locator('[data-role="narrative-highlights"]');
  await highlights.fill('Identity federation design signed off\nData migration dry run 1 complete');
  await highlights.blur();
  await pack(page).getByText('Identity federation design signed off').waitFor();
  assert.match(await pack(page).textContent(), /The first pack: nothing to compare with\./);
  await page.locator('[data-action="issue-pack"]').click();
  await pack(page).getByText(/status 2027-03-01, SP1/).waitFor();
  assert.equal(await page.locator('[data-role="pack-shown"]').inputValue(), 'SP1');

  // The plan moves: privileged access management takes 30 days, not 10 (M2 slips); a risk
  // is raised in the log.
  await tab(page, 'Plan').click();
  await editCell(page, taskRow(page, 'Privileged access management').locator('[data-col="duration"]'), '30d');
  await tab(page, 'Logs').click();
  await page.locator('[data-section="risks"]').click();
  const rows = page.locator('table.log-table tbody tr');
  const before = await rows.count();
  await page.locator('[data-role="log-new"]').fill('Vendor support contract lapses');
  await page.locator('[data-action="log-add"]').click();
  await rows.nth(before).waitFor();

  // The next pack: what changed since SP1, and the schedule computed Red.
  await openStatus(page);
  await page.locator('[data-role="pack-shown"]').selectOption('');
  await setStatusDate(page, '2027-03-08');
  // 2027-04-13, not 04-09: Good Friday and Easter Monday are the calendar's holidays.
  const text = await pack(page).textContent();
  assert.match(text, /What changed since SP1/);
  assert.match(text, /M2 Identity federation live moved 20 working days later: 2027-03-12 → 2027-04-13/);
  assert.match(text, /New risks: R\d+ Vendor support contract lapses/);
  const schedule = pack(page).locator('tr', { hasText: /^Schedule/ }).first();
  const overall = pack(page).locator('tr', { hasText: /^Overall/ }).first();
  assert.equal((await overall.locator('td').nth(2).textContent()).trim(), 'Red');
  assert.equal((await schedule.locator('td').nth(2).textContent()).trim(), 'Red');
  assert.match(await schedule.textContent(), /M2 Identity federation live forecast 10 working days late/);
  await page.screenshot({ path: join(outDir, 'status-draft.png'), fullPage: true });

  // An override without a reason is refused; with one, both ratings show.
  await page.locator('[data-role="override-dimension"]').selectOption('overall');
  await page.locator('[data-role="override-rating"]').selectOption('green');
  await page.locator('[data-role="override-form"] button[type=submit]').click();
  assert.match(await page.locator('[data-role="status-error"]').textContent(), /needs a reason/);
  await page.locator('[data-role="override-reason"]').fill('Vendor committed to a recovery plan on 2027-03-05');
  await page.locator('[data-role="override-form"] button[type=submit]').click();
  await pack(page).getByText('Overall: Green — computed Red: Vendor committed to a recovery plan on 2027-03-05').waitFor();
  assert.match(await pack(page).textContent(), /Overrides/);

  // Copied for email: rich text with the ratings coloured, and its plain twin.
  await page.locator('[data-action="pack-copy-email"]').click();
  await page.locator('[data-role="pack-note"]', { hasText: 'Copied.' }).waitFor();
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const html = await (await item.getType('text/html')).text();
    const plain = await (await item.getType('text/plain')).text();
    return { html, plain };
  });
  assert.match(copied.html, /Green — computed Red/);
  assert.match(copied.html, /background:#f9d4d4/);
  assert.match(copied.plain, /^Platform migration \(example\) — status 2027-03-08 \(draft\)/);

  // Markdown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="pack-markdown"]').click(),
  ]);
  const markdown = readFileSync(await download.path(), 'utf8');
  assert.match(markdown, /\| Dimension \| Reported \| Computed \| Why \|/);
  assert.match(markdown, /## What changed since SP1/);

  // Issued: SP2 keeps the override; SP1 opens as it was.
  await page.locator('[data-action="issue-pack"]').click();
  await pack(page).getByText(/status 2027-03-08, SP2/).waitFor();
  assert.match(await pack(page).textContent(), /Overall: Green — computed Red/);
  await page.locator('[data-role="pack-shown"]').selectOption('SP1');
  await pack(page).getByText(/status 2027-03-01, SP1/).waitFor();
  assert.doesNotMatch(await pack(page).textContent(), /Vendor support contract lapses/);
  await page.locator('[data-role="pack-shown"]').selectOption('SP2');
  await pack(page).getByText(/SP2/).first().waitFor();

  // Printed: the pack alone, as a PDF.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(outDir, 'status-print.png'), fullPage: true });
  await page.pdf({ path: join(outDir, 'status.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // The dashboard: each KPI over SP1, SP2 and the draft.
  await page.locator('[data-section="dashboard"]').click();
  const charts = page.locator('[data-role="kpi-dashboard"] .kpi-chart');
  await charts.first().waitFor();
  assert.equal(await charts.count(), 11);
  const variance = page.locator('[data-kpi="schedule_variance"]');
  assert.equal(await variance.locator('text.chart-tick', { hasText: '2027-03-01' }).count(), 1);
  assert.equal(await variance.locator('text.chart-tick', { hasText: '2027-03-08' }).count(), 1);
  assert.equal(await variance.locator('text.chart-tick', { hasText: 'Draft' }).count(), 1);
  assert.ok((await variance.locator('circle.kpi-dot').count()) >= 3, 'a point per pack and the draft');
  assert.ok((await page.locator('.kpi-target').count()) === 11, 'every chart has its target line');
  await page.screenshot({ path: join(outDir, 'status-dashboard.png'), fullPage: true });

  // Schedule health: failing checks with their tasks, a task selected in the plan.
  await page.locator('[data-section="health"]').click();
  const health = page.locator('[data-role="health-panel"]');
  await health.waitFor();
  assert.equal(await health.locator('tbody tr').count(), 14);
  const failing = health.locator('tbody tr.health-fail');
  assert.ok((await failing.count()) >= 1, 'the example fails some checks');
  await page.screenshot({ path: join(outDir, 'status-health.png'), fullPage: true });
  const link = failing.first().locator('[data-action="select-tasks"]');
  await link.click();
  await page.locator('.plan-grid .task-row.selected').first().waitFor();


  // The rules are the program's: Amber allowed up to 15 days late makes M2's 10 Amber; a
  // threshold that is not a number is refused naming it.
  await tab(page, 'Status').click();
  await page.locator('[data-section="rules"]').click();
  const amberDays = page.locator('[data-rule="schedule.amber_days"]');
  await amberDays.fill('abc');
  await amberDays.press('Enter');
  assert.match(await page.locator('[data-role="status-error"]').textContent(), /schedule\.amber_days.*whole number/);
  await amberDays.fill('15');
  await amberDays.press('Enter');
  await page.locator('[data-section="pack"]').click();
  await page.locator('[data-role="pack-shown"]').selectOption('');
  const rule = pack(page).locator('tr', { hasText: /^Schedule/ }).first();
  await pack(page).getByText('Amber ≤ 15 days').first().waitFor();
  assert.equal((await rule.locator('td').nth(2).textContent()).trim(), 'Amber');

  assert.deepEqual(problems, []);
  await context.close();
});
