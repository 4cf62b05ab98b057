// The Gantt chart and the dependency map (issue 5), on the example program: bars and
// diamonds, a link drawn by dragging from one bar's connector to another (the successor
// moves, the grid shows the predecessor), a bar dragged to a new start (a start-no-earlier-
// than constraint) and by its end (a longer duration), a cyclic link refused with a reason,
// undo; every zoom level and the dark
// theme photographed; the map's six workstreams and a team pair's links.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/gantt.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home, taskRow } from './helpers.mjs';

// Screenshots to look at, kept out of the repository.
const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-gantt-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const shot = (page, name) => page.screenshot({ path: join(outDir, `gantt-${name}.png`) });
const bar = (page, id) => page.locator(`.gantt-task[data-id="${id}"]`);
const cell = (page, name, col) => taskRow(page, name).locator(`[data-col="${col}"]`);
const text = async (locator) => (await locator.textContent()).trim();

/** Opens the example program on the Plan tab, in a wide window. */
async function openExample(browser) {
  const opened = await openPage(browser);
  await opened.page.setViewportSize({ width: 1600, height: 1000 });
  await home(opened.page);
  await opened.page.locator('[data-action="open-example"]').click();
  await opened.page.locator('.gantt-body .gantt-bar').first().waitFor({ timeout: 15_000 });
  return opened;
}

/** Waits until the last change is saved, and dismisses the one-time storage notice the
 *  first save raises (it appears above the plan and would shift it under the pointer). */
async function settle(page) {
  await page.locator('[data-role="save-status"].status-saved').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  const notice = page.locator('.notice', { hasText: 'Storage is not guaranteed' });
  if (await notice.count()) await notice.locator('.notice-dismiss').click();
}

/** The centre of `locator` in the viewport (scrolled into view first). */
async function centre(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  assert.ok(box, 'visible on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses at `from`, drags in steps to `to` and releases. */
async function dragMouse(page, from, to) {
  await settle(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** Drags from task `from`'s connector onto task `to`'s bar. */
async function linkByDrag(page, from, to) {
  await settle(page);
  await bar(page, from).hover();
  const start = await centre(bar(page, from).locator('.gantt-connector'));
  const end = await centre(bar(page, to).locator('.gantt-bar, .gantt-diamond'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  // While dragging: a draft line and the target row highlighted.
  assert.equal(await page.locator('.gantt-link-draft').count(), 1);
  assert.equal(await page.locator('.gantt-link-target').count(), 1);
  await page.screenshot({ path: join(outDir, `gantt-drag-${from}-${to}.png`) });
  await page.mouse.up();
}

test('the chart shows the example; link, move, a refused cycle and undo by dragging', async () => {
  const { context, page, problems } = await openExample(browser);

  // Bars, milestone diamonds, arrows, the critical path, roll-ups and the time scale.
  assert.ok((await page.locator('.gantt-bar').count()) > 20, 'task bars');
  assert.ok((await page.locator('.gantt-diamond').count()) >= 1, 'milestone diamonds');
  assert.ok((await page.locator('.gantt-link').count()) > 20, 'dependency arrows');
  assert.ok((await page.locator('.gantt-task.critical').count()) > 3, 'the critical path');
  assert.ok((await page.locator('.gantt-rollup').count()) >= 2, 'workstream roll-ups');
  assert.ok((await page.locator('.gantt-float').count()) > 3, 'float');
  assert.ok((await page.locator('.gantt-scale-label').count()) > 10, 'a labelled scale');
  await shot(page, 'weeks');

  // Link IN7 (Backup & disaster recovery) → SE1 (Threat model): SE1 starts after IN7.
  const se1Start = await text(cell(page, 'Threat model of target platform', 'start'));
  const in7Finish = await text(cell(page, 'Backup & disaster recovery', 'finish'));
  assert.ok(se1Start < in7Finish, 'SE1 starts before IN7 finishes, for now');
  const links = await page.locator('.gantt-link').count();
  await linkByDrag(page, 'IN7', 'SE1');
  await cell(page, 'Threat model of target platform', 'predecessors')
    .filter({ hasText: 'IN7' })
    .waitFor({ timeout: 5_000 });
  const moved = await text(cell(page, 'Threat model of target platform', 'start'));
  assert.ok(moved > in7Finish, `SE1 now starts ${moved}, after IN7's finish ${in7Finish}`);
  assert.equal(await page.locator('.gantt-link').count(), links + 1, 'one more arrow');
  await shot(page, 'linked');

  // A link that would close a cycle (IN2 → IN1, while IN1 → IN2) is refused with a reason.
  const before = await text(cell(page, 'Landing zone design', 'predecessors'));
  await linkByDrag(page, 'IN2', 'IN1');
  const refusal = page.locator('[data-role="plan-refusal"]');
  await refusal.waitFor({ timeout: 5_000 });
  assert.match(await text(refusal), /cycle|loop|circular/i);
  assert.equal(await text(cell(page, 'Landing zone design', 'predecessors')), before);
  assert.equal(await page.locator('.gantt-link').count(), links + 1, 'no arrow added');
  await shot(page, 'refused');

  // Drag IN9 (Capacity & cost review) two weeks later (weeks zoom: 8 px a day).
  assert.equal(await text(cell(page, 'Capacity & cost review', 'constraint')), '');
  const in9Start = await text(cell(page, 'Capacity & cost review', 'start'));
  await settle(page);
  const from = await centre(bar(page, 'IN9').locator('.gantt-bar'));
  await dragMouse(page, from, { x: from.x + 14 * 8, y: from.y });
  const constraint = cell(page, 'Capacity & cost review', 'constraint');
  await constraint.filter({ hasText: 'SNET' }).waitFor({ timeout: 5_000 });
  assert.ok((await text(cell(page, 'Capacity & cost review', 'start'))) > in9Start, 'later');
  await shot(page, 'moved');

  // Undo takes back the move, then the link.
  await page.locator('[data-action="undo"]').click();
  await constraint.filter({ hasNotText: 'SNET' }).waitFor({ timeout: 5_000 });
  assert.equal(await text(cell(page, 'Capacity & cost review', 'start')), in9Start);
  await page.locator('[data-action="undo"]').click();
  await cell(page, 'Threat model of target platform', 'predecessors')
    .filter({ hasNotText: 'IN7' })
    .waitFor({ timeout: 5_000 });
  assert.equal(await text(cell(page, 'Threat model of target platform', 'start')), se1Start);
  assert.equal(await page.locator('.gantt-link').count(), links);

  // Drag IN9's end two weeks later: it finishes two weeks later, with a longer duration.
  const duration = cell(page, 'Capacity & cost review', 'duration');
  assert.equal(await text(duration), '3d');
  const finish = await text(cell(page, 'Capacity & cost review', 'finish'));
  const later = new Date(Date.parse(`${finish}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  await settle(page);
  const grip = await centre(bar(page, 'IN9').locator('.gantt-resize'));
  await dragMouse(page, grip, { x: grip.x + 14 * 8, y: grip.y });
  await cell(page, 'Capacity & cost review', 'finish').filter({ hasText: later }).waitFor({ timeout: 5_000 });
  assert.ok(parseInt(await text(duration), 10) > 10, 'about ten more working days');
  await page.locator('[data-action="undo"]').click();
  await duration.filter({ hasText: /^\s*3d\s*$/ }).waitFor({ timeout: 5_000 });

  // A click on a bar selects its task in the grid and the chart.
  await bar(page, 'IN4').locator('.gantt-bar').click();
  await page.locator('.gantt-task.selected[data-id="IN4"]').waitFor({ timeout: 5_000 });

  // Every zoom level, then the dark theme.
  for (const zoom of ['days', 'months', 'quarters']) {
    await page.locator(`[data-zoom="${zoom}"]`).first().click();
    await page.locator(`.gantt[data-zoom="${zoom[0].toUpperCase()}${zoom.slice(1)}"]`).waitFor();
    await shot(page, zoom);
  }
  const dark = page.locator('[data-action="theme"], button:has-text("Dark")').first();
  if (await dark.count()) {
    await page.locator('[data-zoom="weeks"]').first().click();
    await dark.click();
    await shot(page, 'dark');
  }

  assert.deepEqual(problems, []);
  await context.close();
});

test('the dependency map shows the six workstreams and lists a team pair\'s links', async () => {
  const { context, page, problems } = await openExample(browser);
  await page.locator('[data-tab="map"]').click();
  await page.locator('.dependency-map .map-team').first().waitFor({ timeout: 5_000 });
  assert.deepEqual(
    (await page.locator('.map-team-name').allTextContents()).map((s) => s.trim()),
    ['Infrastructure', 'Identity & Access', 'Data', 'Applications', 'Quality & Release', 'Change & Support'],
  );
  const flows = await page.locator('.map-flow').count();
  assert.ok(flows >= 6, `cross-team arrows (${flows})`);
  assert.equal(await page.locator('.map-pair').count(), flows, 'one list entry per arrow');
  assert.ok((await page.locator('.map-flow.map-flow-critical').count()) >= 1, 'critical flows');
  await page.screenshot({ path: join(outDir, 'gantt-map.png'), fullPage: true });

  // From the list, by keyboard: the first pair's links are listed.
  const first = page.locator('.map-pair').first();
  const summary = await text(first.locator('.map-pair-summary'));
  const count = Number(summary.match(/^(\d+) link/)[1]);
  await first.focus();
  await page.keyboard.press('Enter');
  const table = page.locator('.map-links-table tbody tr');
  await table.first().waitFor({ timeout: 5_000 });
  assert.equal(await table.count(), count);
  assert.match(await text(page.locator('.map-links h3')), /^Infrastructure → /);

  // By clicking an arrow on the map.
  const arrow = page.locator('.map-flow').nth(flows - 1);
  const from = await arrow.getAttribute('data-from');
  const to = await arrow.getAttribute('data-to');
  await arrow.locator('.map-flow-pill').click();
  await page
    .locator(`.map-pair[aria-pressed="true"][data-from="${from}"][data-to="${to}"]`)
    .waitFor({ timeout: 5_000 });
  assert.ok((await table.count()) >= 1);
  await page.screenshot({ path: join(outDir, 'gantt-map-links.png'), fullPage: true });

  assert.deepEqual(problems, []);
  await context.close();
});
