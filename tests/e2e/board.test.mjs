// The program board (issue 23), on the example: red strings where a dependency lands after
// it is needed; the late card (IN5, held by its licence date) dragged one iteration earlier:
// its string turns and the milestone it feeds moves, in a new workshop scenario; undo; the
// same move from the keyboard; the scenario compared; risks sorted in ROAM; an objective
// added beside its team's row; the board exported as SVG and printed; present mode at
// 1920×1080. Screenshots go to $PLANWORK_SHOTS.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/board.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-board-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const tab = (page, name) => page.getByRole('tab', { name, exact: true });
const card = (page, id) => page.locator(`.board-card[data-card="${id}"]`);
const string = (page, from, to) => page.locator(`path[data-from="${from}"][data-to="${to}"]`);

/** The class of the string `from → to` (board-fine, board-tight or board-broken). */
async function tie(page, from, to) {
  const cls = await string(page, from, to).getAttribute('class');
  return cls.split(' ').find((c) => c !== 'board-string');
}

async function openBoard(page) {
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  await tab(page, 'Board').click();
  await page.locator('.board .board-card').first().waitFor();
}

/** Drags card `id` with the mouse onto iteration column `column` (0-based). */
async function drag(page, id, column) {
  await card(page, id).scrollIntoViewIfNeeded();
  const from = await card(page, id).boundingBox();
  const to = await page.locator(`.board-column[data-column="${column}"] .board-column-head`).boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, from.y + from.height / 2, { steps: 8 });
  await page.mouse.up();
}

test('red strings, a late card dragged earlier in a workshop scenario, undo, keyboard, compare', async () => {
  const { context, page, problems } = await openPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openBoard(page);
  const board = page.locator('.board');
  assert.match(await page.locator('.board-heading').textContent(), /^PI 27\.1 · 6 iterations of 10 working days from 2027-01-11$/);

  // Red strings: the landing zone is due in I5 (19 March) but the observability stack it
  // waits for lands in I6 (its licences arrive on 23 March).
  assert.match(await page.locator('[data-role="board-red"]').textContent(), /[1-9]\d* red strings/);
  assert.equal(await tie(page, 'IN5', 'M1'), 'board-broken');
  assert.equal(await card(page, 'IN5').getAttribute('data-column'), '5');
  assert.equal(await card(page, 'M1').getAttribute('data-column'), '4');
  assert.match(await card(page, 'M1').textContent(), /lands I6/);
  assert.match(await card(page, 'M1').getAttribute('title'), /finishes 2027-04-01/);
  await board.screenshot({ path: join(outDir, 'board-example.png') });

  // Drag IN5 one iteration earlier: its licence date moves two weeks back, in a new scenario.
  await drag(page, 'IN5', 4);
  const note = page.locator('[data-role="board-note"]');
  await note.getByText(/IN5 starts no earlier than 2027-03-09 \(in Workshop — \d{4}-\d{2}-\d{2}\)\./).waitFor();
  await page.locator('[data-role="board-scenario"]', { hasText: 'Workshop — ' }).waitFor();
  await page.locator('.board-card[data-card="IN5"][data-column="4"]').waitFor();
  assert.equal(await tie(page, 'IN5', 'M1'), 'board-tight');
  assert.doesNotMatch(await card(page, 'M1').textContent(), /lands/);
  assert.match(await card(page, 'M1').getAttribute('title'), /finishes 2027-03-18/);
  await board.screenshot({ path: join(outDir, 'board-moved.png') });

  // Undo takes the move and the scenario back: the program is shown, the string is red.
  await page.locator('[data-action="undo"]').click();
  await page.locator('.board-card[data-card="IN5"][data-column="5"]').waitFor();
  assert.equal(await page.locator('[data-role="board-scenario"]').count(), 0);
  assert.equal(await tie(page, 'IN5', 'M1'), 'board-broken');

  // The same move from the keyboard: focus, Space, ←, Space.
  await card(page, 'IN5').focus();
  await page.keyboard.press('Space');
  await page.locator('.board-column.board-aim[data-column="5"]').waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator('.board-column.board-aim[data-column="4"]').waitFor();
  await page.keyboard.press('Space');
  await page.locator('.board-card[data-card="IN5"][data-column="4"]').waitFor();
  assert.equal(await tie(page, 'IN5', 'M1'), 'board-tight');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.card), 'IN5');
  // Arrows move between cards.
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.card), 'IN5');

  // The scenario alone, shared by link: opened in a fresh profile, the program arrives with
  // the workshop scenario as its one scenario.
  await page.locator('[data-role="board-scenario-link"]').click();
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#share=p1\./);
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await other.locator('[data-role="import-review"]').waitFor({ timeout: 20_000 });
  await other.locator('[data-action="import-reviewed"]').click();
  await other.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  await other.getByRole('tab', { name: 'Scenarios', exact: true }).click();
  await other.locator('.scenario-name', { hasText: 'Workshop — ' }).waitFor();
  assert.equal(await other.locator('.scenario-name').count(), 1);
  await fresh.close();

  // The workshop scenario is a scenario like any other: compared with the program.
  await page.locator('[data-role="board-compare"]').click();
  const head = page.locator('.compare-scenario-head', { hasText: 'Workshop — ' });
  await head.waitFor();
  const landing = page.locator('tr[data-milestone="Landing zone ready"]');
  assert.match(await landing.textContent(), /-10/);
  await page.locator('.compare-section').screenshot({ path: join(outDir, 'board-compare.png') });
  assert.deepEqual(problems, []);
});

test('ROAM sort, an objective beside its row, SVG, print, present mode at 1920×1080', async () => {
  const { page, problems } = await openPage(browser);
  await openBoard(page);

  // ROAM: R5 (accepted) now owned; R7 (mitigated) resolved; each is the risk's own fields.
  await page.locator('[data-section="roam"]').click();
  const lane = (name) => page.locator(`.roam-lane[data-lane="${name}"]`);
  await lane('Accepted').locator('[data-risk="R5"]').waitFor();
  await page.getByRole('button', { name: 'Owned R5', exact: true }).click();
  await lane('Owned').locator('[data-risk="R5"]').waitFor();
  await page.getByRole('button', { name: 'Resolved R7', exact: true }).click();
  await lane('Resolved').locator('[data-risk="R7"]').waitFor();
  assert.equal(await lane('Mitigated').locator('[data-risk="R7"]').count(), 0);
  await page.locator('.roam-board').screenshot({ path: join(outDir, 'board-roam.png') });
  await page.locator('[data-action="undo"]').click();
  await lane('Mitigated').locator('[data-risk="R7"]').waitFor();

  // A new objective for Data, then shown beside the Data row.
  await page.locator('[data-section="objectives"]').click();
  await page.getByRole('textbox', { name: 'New objective for Data' }).fill('Production cut-over rehearsed twice');
  await page.locator('table[data-team="data"] + .board-add-objective button').click();
  const added = page.locator('input[data-objective="O9"][data-field="text"]');
  await added.waitFor();
  const value = page.locator('input[data-objective="O9"][data-field="business_value"]');
  await value.fill('11');
  await value.press('Enter');
  await value.blur();
  await page.locator('[data-role="board-error"]', { hasText: 'a value from 1 to 10' }).waitFor();
  await value.fill('7');
  await value.press('Enter');
  await value.blur();
  await page.locator('[data-section="board"]').click();
  await page.locator('.board-row[data-row="data"] .board-objective', { hasText: 'Production cut-over rehearsed twice' }).waitFor();
  assert.match(await page.locator('.board-row[data-row="data"]').textContent(), /Committed BV 7/);

  // The board as an SVG file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-role="board-svg"]').click(),
  ]);
  assert.match(download.suggestedFilename(), /board\.svg$/);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /Production cut-over rehearsed twice/);
  assert.ok((svg.match(/<path /g) ?? []).length > 10);

  // Printed: the board alone on landscape pages.
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: join(outDir, 'board-print.pdf'), landscape: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // Present mode on a 1920×1080 projector: chrome hidden, large text, high contrast.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('[data-action="present"]').click();
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-presenting'));
  assert.equal(await page.locator('.app-header').isVisible(), false);
  assert.equal(await page.locator('.board-toolbar').isVisible(), false);
  const size = await card(page, 'IN5').evaluate((el) => {
    const name = el.querySelector('.board-card-name');
    return parseFloat(getComputedStyle(name).fontSize);
  });
  assert.ok(size >= 18, `card text of ${size}px at 1920×1080`);
  await page.screenshot({ path: join(outDir, 'board-present-1920.png') });
  // Any tab presents: the plan's Gantt chart.
  await tab(page, 'Plan').click();
  await page.locator('.plan-grid .task-row').first().waitFor();
  await page.screenshot({ path: join(outDir, 'plan-present-1920.png') });
  await page.locator('[data-action="end-present"]').click();
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-presenting'));
  assert.equal(await page.locator('.app-header').isVisible(), true);
  assert.deepEqual(problems, []);
});
