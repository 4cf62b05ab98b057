// Milestone readiness (issue 21), on the example: the go-live's checklist completed in part,
// an item waived by a named approver, a Go over unmet hard gates refused with their list, a
// Conditional Go recorded with a risk accepted; a checklist made from a template on another
// milestone; the readiness badge on the Gantt chart; the cutover runbook's step checked off
// with actual times, a step added; a post-launch review with a follow-up action made an
// issue; the whole as Markdown, and printed (rendered to PDF, and as a print-media
// screenshot). Screenshots go to $PLANWORK_SHOTS.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/readiness.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-readiness-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tab = (page, name) => page.getByRole('tab', { name, exact: true });
const cell = (page, log, id, field) =>
  page.locator(`table.log-table[data-log="${log}"] tr[data-id="${id}"] td[data-field="${field}"] input`);
async function type(page, log, id, field, text) {
  const input = cell(page, log, id, field);
  await input.fill(text);
  await input.press('Enter');
}

async function openReadiness(page) {
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  await tab(page, 'Readiness').click();
  await page.locator('[data-role="readiness"]').waitFor();
}

test('a checklist completed in part, a waiver, a Go refused, a Conditional Go recorded', async () => {
  const { context, page, problems } = await openPage(browser);
  await openReadiness(page);
  // The go-live (M6) has the example's checklist.
  assert.equal(await page.locator('[data-role="readiness-milestone"]').inputValue(), 'M6');
  const summary = page.locator('[data-role="readiness-summary"]');
  assert.match(await summary.textContent(), /% ready/);
  assert.match(await page.locator('[data-role="readiness-by-area"]').textContent(), /quality \d+\/\d+/);
  await type(page, 'checklist', 'RC2', 'status', 'met');
  await type(page, 'checklist', 'RC6', 'status', 'met');

  // Waived, by a named approver with a reason.
  await page.locator('[data-role="waive-item"]').fill('RC8');
  await page.locator('[data-role="waive-approver"]').fill('Elena Novak');
  await page.locator('[data-role="waive-reason"]').fill('Covered by the vendor SLA until go-live + 30 days');
  await page.locator('[data-action="waive"]').click();
  await page.waitForFunction(() => document.querySelector(
    'table.log-table[data-log="checklist"] tr[data-id="RC8"] td[data-field="waiver.approver"] input')?.value === 'Elena Novak');

  // A Go while RC12 (a hard gate) is neither met nor waived: refused, naming it.
  await page.locator('[data-role="go-attendees"]').fill('Elena Novak, Sofia Rossi, Jonas Berg');
  await page.locator('[data-action="record-go"]').click();
  const refusal = page.locator('[data-role="log-error"]');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /RC12/);
  await page.screenshot({ path: join(outDir, 'readiness-go-refused.png'), fullPage: true });

  // A Conditional Go, the risk accepted by name.
  await page.locator('[data-role="go-outcome"]').selectOption({ label: 'Conditional Go' });
  await page.locator('[data-role="go-risks"]').fill('R2');
  await page.locator('[data-role="go-conditions"]').fill('RC12 signed off by T-1');
  await page.locator('[data-role="go-recommendations"]').fill('quality: go\nrollback: conditional — rehearsal on Friday');
  await page.locator('[data-action="record-go"]').click();
  const record = page.locator('[data-role="go-record"]');
  await record.waitFor();
  assert.match(await record.textContent(), /Conditional Go/);
  assert.match(await record.textContent(), /R2/);
  assert.match(await record.textContent(), /rehearsal on Friday/);

  // The go-live's checklist kept in this browser as a template, then used on another
  // milestone; exported as a file and imported back.
  await page.locator('[data-role="template-name"]').fill('Our release');
  await page.locator('[data-action="save-template"]').click();
  await page.locator('[data-role="templates-said"]', { hasText: 'kept in this browser' }).waitFor();
  await page.locator('[data-role="readiness-milestone"]').selectOption('M4');
  await page.locator('[data-role="readiness-template"]').selectOption({ label: 'Yours: Our release' });
  await page.locator('[data-action="create-checklist"]').click();
  await page.locator('table.log-table[data-log="checklist"] tr[data-id="RC12"]').waitFor();
  const [templates] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="export-templates"]').click(),
  ]);
  const file = JSON.parse(readFileSync(await templates.path(), 'utf8'));
  assert.equal(file.format, 'planwork-templates');
  assert.equal(file.templates[0].name, 'Our release');
  await page.locator('[data-role="import-templates"]').setInputFiles(await templates.path());
  await page.locator('[data-role="templates-said"]', { hasText: '1 template imported' }).waitFor();

  // Another milestone: a checklist from a built-in template.
  await page.locator('[data-role="readiness-milestone"]').selectOption('M3');
  await page.locator('[data-role="readiness-template"]').selectOption('data migration');
  await page.locator('[data-action="create-checklist"]').click();
  await page.locator('table.log-table[data-log="checklist"] tr[data-id]').first().waitFor();
  assert.ok(await page.locator('table.log-table[data-log="checklist"] tr[data-id]').count() >= 5);

  // The badge beside the milestones on the Gantt chart.
  await tab(page, 'Plan').click();
  await page.getByRole('button', { name: 'Milestones', exact: true }).click();
  await page.locator('[data-role="readiness-badge"]').first().waitFor();
  await page.screenshot({ path: join(outDir, 'readiness-badges.png') });
  assert.match(await page.locator('[data-role="readiness-badge"]').first().textContent(), /ready · \d+%/);
  // And on the dependency map, the milestones and their readiness.
  await tab(page, 'Dependency map').click();
  const onMap = page.locator('[data-role="milestone-readiness"]', { hasText: 'Go-live' });
  await onMap.waitFor();
  assert.match(await onMap.textContent(), /% ready/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the runbook checked off, a post-launch review, Markdown and print', async () => {
  const { context, page, problems } = await openPage(browser);
  await openReadiness(page);
  // The runbook's time zone (kept as its name: its times are its own).
  await page.locator('[data-role="runbook-time-zone"]').fill('Europe/London');
  await page.locator('[data-role="runbook-time-zone"]').press('Tab');
  await page.locator('[data-role="runbook-summary"]', { hasText: 'Europe/London' }).waitFor();
  const step = 'S1';
  await type(page, 'runbook', step, 'actual_start', '2027-05-27 18:05');
  await type(page, 'runbook', step, 'actual_finish', '2027-05-27 18:25');
  await type(page, 'runbook', step, 'done', 'yes');
  const row = page.locator(`table.log-table[data-log="runbook"] tr[data-id="${step}"]`);
  // Planned 18:00 for 15 minutes; finished at 18:25: ten minutes behind.
  await row.locator('td', { hasText: /behind/ }).waitFor();
  assert.match(await row.textContent(), /T-/);
  await page.locator('[data-role="new-step"]').fill('Smoke test the portal');
  await page.locator('form:has([data-role="new-step"]) button[type="submit"]').click();
  await page.waitForFunction(() => [...document.querySelectorAll('table.log-table[data-log="runbook"] td[data-field="title"] input')]
    .some((i) => i.value === 'Smoke test the portal'));

  // The post-launch review, a follow-up action made an issue.
  const review = page.locator('[data-role="review"]');
  await review.locator('textarea[data-field="went_well"]').fill('Cut-over finished inside the window');
  await review.locator('textarea[data-field="went_well"]').blur();
  await page.locator('[data-role="outcome-metric"]').fill('Availability in hypercare (%)');
  await page.locator('[data-role="outcome-target"]').fill('>= 99.9');
  await page.locator('[data-role="outcome-actual"]').fill('99.95');
  await page.locator('[data-action="add-outcome"]').click();
  await page.locator('[data-role="review-outcome"]', { hasText: /— met$/ }).waitFor();
  // The items waived before launch are listed for the review (RC5 is, in the example).
  assert.match(await page.locator('[data-role="review-waived"]').first().textContent(), /RC5 .*waived by/);
  const outcome = page.locator('[data-role="review-waived"]').first().locator('[data-role="waived-outcome"]');
  await outcome.fill('Patched in 1.0.1, no incident');
  await outcome.press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-role="waived-outcome"]').value === 'Patched in 1.0.1, no incident');
  await page.locator('[data-role="review-action-text"]').fill('Tune the alert thresholds');
  await review.locator('input[aria-label="Owner"]').fill('Jonas Berg');
  await review.locator('input[aria-label="Due"]').fill('2027-06-15');
  await page.locator('[data-action="add-review-action"]').click();
  await page.locator('[data-role="review-action"]').first().waitFor();
  await page.locator('[data-action="action-to-issue"]').first().click();
  await page.locator('[data-role="review-action"]', { hasText: /→ issue I\d+/ }).waitFor();
  await page.screenshot({ path: join(outDir, 'readiness-runbook-review.png'), fullPage: true });

  // Markdown, for a wiki or an email.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="readiness-markdown"]').click(),
  ]);
  const markdown = readFileSync(await download.path(), 'utf8');
  assert.match(download.suggestedFilename(), /readiness-M6\.md$/);
  assert.match(markdown, /Go-live/);
  assert.match(markdown, /Tune the alert thresholds/);

  // Printed: no editing chrome; rendered to PDF and as the print media shows it.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-action="readiness-markdown"]').isVisible(), false);
  await page.screenshot({ path: join(outDir, 'readiness-print.png'), fullPage: true });
  await page.pdf({ path: join(outDir, 'readiness.pdf'), format: 'A4', landscape: true });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await context.close();
});
