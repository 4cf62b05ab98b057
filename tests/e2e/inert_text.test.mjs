// End-to-end: hostile text is inert everywhere (issue 16). A program whose every text field
// (the program's name and id, task names and ids, workstream names and ids, scenario names,
// descriptions and changes, baseline names, risk titles, a milestone) carries HTML that would
// run script if it were ever parsed — `<img src=x onerror=…>`, `</script><script>…`,
// `"><svg onload=…>` — and bidi and control characters is imported, and every view is
// visited: the plan (grid, chart, filters), the exports (the program file, the schedule's
// CSV, the milestones' calendar), the print view, the dependency map, the scenarios (a scenario opened,
// compared), the forecast (tables, charts, risks), the snapshots (one named likewise), the
// setup, the page title, the home view's list, the import choice that quotes the program's
// name and the import error that quotes a file's content. Each time: no dialog, no element
// from the file (`img[src=x]`, `svg[onload]`, any `on…` attribute), no script with the
// payload, no Content-Security-Policy violation, and the text shown as written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, openPage, home, importFile, programNames, taskNames, exportProgram, exportAs, outDir,
} from './helpers.mjs';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  '"><svg onload=alert(3)>',
];
/** Right-to-left override, isolates, a zero-width space, a bell: shown, never obeyed as
 *  markup (the browser's own bidi rendering is the text's). */
const BIDI = '\u202Eexe.txt\u202C \u2067rtl\u2069 zero\u200Bwidth \u0007bell';
const hostile = (label) => `${label} ${PAYLOADS.join(' ')} ${BIDI}`;
/** Ids carry the HTML (printable characters only: ids are what files link by). */
const hostileId = (n) => `${n}${PAYLOADS[(n.length + n.charCodeAt(0)) % 3]}`;

const W1 = hostileId('w1');
const W2 = hostileId('w22');
const T1 = hostileId('t1');
const T2 = hostileId('t2');
const T3 = hostileId('t333');
const M = hostileId('m');

const NAMES = {
  // Ends in an override never closed: left alone it would reverse what follows it.
  program: `${hostile('Program')} \u202Eopen`,
  w1: hostile('Team one'),
  w2: hostile('Team two'),
  t1: hostile('Design'),
  t2: hostile('Build'),
  t3: hostile('Test'),
  m: hostile('Launch'),
  scenario: hostile('Slip scenario'),
  description: hostile('Why'),
  added: hostile('Added in the scenario'),
  baseline: hostile('Signed off'),
  risk: hostile('Vendor late'),
  snapshot: hostile('Snapshot'),
};

const program = {
  format: 'planwork',
  version: 2,
  id: `p-${PAYLOADS[0]}`,
  program: { name: NAMES.program, start: '2026-03-02' },
  workstreams: [
    { id: W1, name: NAMES.w1 },
    { id: W2, name: NAMES.w2 },
  ],
  tasks: [
    { id: T1, name: NAMES.t1, workstream: W1, duration: 5,
      estimate: { optimistic: 4, likely: 5, pessimistic: 9, distribution: 'pert' } },
    { id: T2, name: NAMES.t2, workstream: W2, duration: 8,
      estimate: { optimistic: 6, likely: 8, pessimistic: 14, distribution: 'triangular' } },
    { id: T3, name: NAMES.t3, workstream: W2, duration: 3 },
    { id: M, name: NAMES.m, workstream: W1, duration: 0, milestone: true, deadline: '2026-03-20' },
  ],
  dependencies: [
    { from: T1, to: T2, type: 'FS', lag: 0 },
    { from: T2, to: T3, type: 'FS', lag: 0 },
    { from: T3, to: M, type: 'FS', lag: 0 },
  ],
  risks: [
    { id: hostileId('r'), title: NAMES.risk, probability: 0.4, impact: { min: 2, max: 6 }, tasks: [T2] },
  ],
  scenarios: [
    {
      id: hostileId('s'),
      name: NAMES.scenario,
      description: NAMES.description,
      changes: [
        { change: 'slip', task: T2, days: 5 },
        { change: 'add_task', task: { id: hostileId('x'), name: NAMES.added, workstream: W2, duration: 2 } },
      ],
    },
  ],
  baselines: [
    {
      id: hostileId('b'),
      name: NAMES.baseline,
      saved_on: '2026-02-27',
      tasks: [
        { id: T1, start: '2026-03-02', finish: '2026-03-06' },
        { id: M, start: '2026-03-20', finish: '2026-03-20' },
      ],
    },
  ],
  active_baseline: hostileId('b'),
};

let browser;
const scratch = mkdtempSync(join(tmpdir(), 'planwork-e2e-inert-'));

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Records dialogs and Content-Security-Policy violations (an injected handler or script
 *  would be blocked by the policy, and reported: that counts as a failure too). */
async function guard(page) {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return dialogs;
}

/** Fails if anything from the file became markup or ran, on the page as it is now. */
async function assertInert(page, dialogs, where) {
  const found = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    handlers: [...document.querySelectorAll('*')]
      .flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
    scripts: [...document.scripts].filter((s) => s.textContent.includes('alert(')).length,
    violations: window.__violations,
  }));
  assert.deepEqual(found, { images: 0, svgOnload: 0, handlers: [], scripts: 0, violations: [] }, where);
  assert.deepEqual(dialogs, [], `${where}: no dialog`);
}

/** Fails unless the text of `locator` holds each of `texts` exactly as written. */
async function assertShown(locator, texts, where) {
  const shown = await locator.evaluateAll((els) => els.map((el) => el.textContent).join('\n'));
  for (const text of texts) {
    assert.ok(shown.includes(text), `${where}: ${JSON.stringify(text)} is shown as written`);
  }
}

async function openTab(page, key) {
  await page.locator(`[data-tab="${key}"]`).click();
  await page.locator(`[data-tab="${key}"][aria-selected="true"]`).waitFor();
}

test('hostile text in every field of every view is shown as text and runs nothing', async () => {
  const { context, page, problems } = await openPage(browser);
  const dialogs = await guard(page);
  await home(page);
  const file = join(scratch, 'hostile.planwork.json');
  writeFileSync(file, JSON.stringify(program, null, 2));
  await importFile(page, file);
  await page.locator('main[data-view="program"] .plan-grid .task-row').nth(3).waitFor({ timeout: 15_000 });

  // The plan: the head, the page title, the grid (names, ids, workstreams), the chart.
  const main = page.locator('main');
  assert.equal((await page.locator('main h1').textContent()).trim(), NAMES.program);
  // The name is isolated in the title (its override cannot reverse " · Planwork"). (The
  // browser drops control characters from a title: the rest is as written.)
  assert.equal(await page.title(), `\u2068${NAMES.program}\u2069 · Planwork`.replace(/[\u0000-\u001f]/g, ''));
  assert.deepEqual(await taskNames(page), [NAMES.t1, NAMES.m, NAMES.t2, NAMES.t3]);
  await assertShown(page.locator('.plan-grid'), [NAMES.w1, NAMES.w2, T1, T2, T3, M], 'the grid');
  await assertShown(page.locator('.gantt'), [NAMES.t1, NAMES.m], 'the chart');
  const options = await page.locator('select[aria-label="Workstream shown"] option').allTextContents();
  assert.ok(options.includes(NAMES.w1) && options.includes(NAMES.w2), `the workstream filter: ${options}`);
  await assertInert(page, dialogs, 'the plan');
  await page.screenshot({ path: join(outDir, 'inert-plan.png'), fullPage: true });

  // The exports. The program file: every text as written, JSON-escaped, read back the same.
  const exported = JSON.parse((await exportProgram(page)).bytes.toString('utf8'));
  assert.equal(exported.program.name, NAMES.program);
  assert.deepEqual(exported.tasks.map((t) => [t.id, t.name]), program.tasks.map((t) => [t.id, t.name]));
  assert.deepEqual(exported.workstreams.map((w) => w.name), [NAMES.w1, NAMES.w2]);
  assert.equal(exported.risks[0].title, NAMES.risk);
  // The schedule's CSV: every task's name as written (quotes doubled inside quoted cells).
  const csv = (await exportAs(page, 'export-csv')).bytes.toString('utf8');
  for (const task of program.tasks) {
    assert.ok(csv.includes(task.name.replaceAll('"', '""')), `task ${task.id}'s name in the CSV`);
  }
  // The milestones' calendar: it downloads, and nothing runs.
  const ics = (await exportAs(page, 'export-ics')).bytes.toString('utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
  await assertInert(page, dialogs, 'the export');

  // The print view.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: 'Print plan…' }).click();
  await page.waitForFunction(() => window.__printed === true);
  await assertShown(page.locator('[data-role="print-plan"]'), [NAMES.program, NAMES.t1, NAMES.w2], 'the print view');
  await assertInert(page, dialogs, 'the print view');

  // The dependency map.
  await openTab(page, 'map');
  await assertShown(main, [NAMES.w1, NAMES.w2], 'the dependency map');
  await assertInert(page, dialogs, 'the dependency map');
  await page.screenshot({ path: join(outDir, 'inert-map.png'), fullPage: true });

  // The scenarios: the list, one opened (its changes), compared, the baselines.
  await openTab(page, 'scenarios');
  await assertShown(main, [NAMES.scenario, NAMES.description, NAMES.baseline], 'the scenarios');
  await page.locator('[data-action="open-scenario"]').first().click();
  await assertShown(main, [NAMES.added], 'the scenario\'s changes');
  await page.locator('[data-action="compare-scenario"]').first().check();
  await assertShown(main, [NAMES.m], 'the comparison');
  await assertInert(page, dialogs, 'the scenarios');
  await page.screenshot({ path: join(outDir, 'inert-scenarios.png'), fullPage: true });

  // The forecast: its tables and charts (the milestone's, then the finish's), the risks.
  await openTab(page, 'forecast');
  await page.locator('button[data-action="run-forecast"]').click();
  await page.locator('tr[data-finish=""] td[data-col="p80"]').waitFor({ timeout: 60_000 });
  await assertShown(main, [NAMES.m, NAMES.risk], 'the forecast');
  await page.locator('[data-action="select-finish"]', { hasText: NAMES.m }).click();
  await assertShown(page.locator('svg'), [NAMES.t2], 'the charts\' labels');
  await assertInert(page, dialogs, 'the forecast');
  await page.screenshot({ path: join(outDir, 'inert-forecast.png'), fullPage: true });

  // The snapshots: one named with the same text.
  await openTab(page, 'snapshots');
  await page.locator('[data-field="snapshot-name"]').fill(NAMES.snapshot);
  await page.locator('.snapshots form button[type=submit]').click();
  await page.locator('.snapshot-list li').first().waitFor({ timeout: 10_000 });
  await assertShown(page.locator('.snapshot-list'), [NAMES.snapshot], 'the snapshots');
  await page.locator('[data-action="view-snapshot"]').first().click();
  await page.locator('.snapshot-tasks li').first().waitFor();
  await assertShown(page.locator('.snapshot-view'), [NAMES.t1], 'a snapshot viewed');
  await assertInert(page, dialogs, 'the snapshots');

  // The setup: the names in its fields, as typed.
  await openTab(page, 'setup');
  const values = await main.locator('input').evaluateAll((inputs) => inputs.map((i) => i.value));
  for (const name of [NAMES.program, NAMES.w1, NAMES.w2]) {
    assert.ok(values.includes(name), `the setup shows ${JSON.stringify(name)} in a field`);
  }
  await assertInert(page, dialogs, 'the setup');
  await page.screenshot({ path: join(outDir, 'inert-setup.png'), fullPage: true });

  // The home view's list, and the import choice quoting the program's name.
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  assert.deepEqual(await programNames(page), [NAMES.program]);
  assert.equal(await page.title(), 'Planwork');
  await assertInert(page, dialogs, 'the home view');
  // (A program id that could not stand in an address was replaced on import: the choice
  // needs the same id twice, so this copy has a plain one.)
  const again = join(scratch, 'hostile-again.planwork.json');
  writeFileSync(again, JSON.stringify({ ...program, id: 'p-hostile-again' }));
  await importFile(page, again);
  await page.locator('main[data-view="program"] [data-role="save-status"].status-saved').waitFor({ timeout: 15_000 });
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  assert.deepEqual(await programNames(page), [NAMES.program, NAMES.program]);
  await importFile(page, again);
  await page.locator('.import-choice').waitFor();
  await assertShown(page.locator('.import-choice'), [NAMES.program], 'the import choice');
  await assertInert(page, dialogs, 'the import choice');
  await page.locator('.import-choice [data-action="import-cancel"]').click();

  // An import error quoting the file's content.
  const broken = join(scratch, 'hostile-broken.planwork.json');
  writeFileSync(broken, JSON.stringify({
    ...program,
    id: 'p-broken',
    dependencies: [{ from: PAYLOADS[0], to: PAYLOADS[2], type: 'FS', lag: 0 }],
  }));
  await importFile(page, broken);
  const notice = page.locator('.messages .notice-error');
  await notice.waitFor({ timeout: 15_000 });
  await assertShown(notice, [PAYLOADS[0]], 'the import error');
  await assertInert(page, dialogs, 'the import error');
  await page.screenshot({ path: join(outDir, 'inert-import-error.png'), fullPage: true });

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('the checks above would see markup that came from a file', async () => {
  const { context, page } = await openPage(browser);
  const dialogs = await guard(page);
  await home(page);
  await assertInert(page, dialogs, 'the home view, untouched');
  // What a view rendering a name as HTML would do (the policy blocks the handler, and says so).
  await page.evaluate((html) => document.querySelector('main').insertAdjacentHTML('beforeend', html), PAYLOADS.join(''));
  await page.waitForFunction(() => window.__violations.length > 0);
  await assert.rejects(assertInert(page, dialogs, 'injected'), /injected/);
  await context.close();
});
