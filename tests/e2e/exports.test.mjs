// Exports for other tools (issue 18, "Out"): from the Export menu, the schedule as a CSV
// file for a spreadsheet, the milestones and deadlines as an iCalendar file and the plan as
// an MS Project XML file, each read back here and checked against the plan's dates; the
// program file from the same menu.
// Screenshots go to $PLANWORK_SHOTS (default: planwork-exports-shots in the system temp dir).
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/exports.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home, importFile, exportAs } from './helpers.mjs';

const outDir = process.env.PLANWORK_SHOTS ?? join(tmpdir(), 'planwork-exports-shots');
mkdirSync(outDir, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Launch: Design 5d → Build 10d (deadline Fri 23 Jan; Monday 19th a holiday, so it finishes
// Mon 26th: missed) → Go-live (milestone, Mon 26th). A task named like a formula.
const program = {
  program: { name: 'Launch', start: '2026-01-05' },
  calendar: { workdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], holidays: ['2026-01-19'] },
  workstreams: [{ id: 'eng', name: 'Engineering' }],
  tasks: [
    { id: 'design', name: 'Design', workstream: 'eng', duration: 5 },
    { id: 'build', name: 'Build', workstream: 'eng', duration: 10, deadline: '2026-01-23' },
    { id: 'go-live', name: 'Go-live', workstream: 'eng', duration: 0, milestone: true },
    { id: 'sum', name: '=SUM(A1:A9)', workstream: 'eng', duration: 1 },
  ],
  dependencies: [
    { from: 'design', to: 'build' },
    { from: 'build', to: 'go-live' },
  ],
};

test('the schedule as CSV, the milestones as a calendar and the plan for MS Project, from the Export menu', async () => {
  const { context, page, problems } = await openPage(browser);
  const dir = mkdtempSync(join(tmpdir(), 'planwork-exports-'));
  const file = join(dir, 'launch.planwork.json');
  writeFileSync(file, JSON.stringify(program));
  await home(page);
  await importFile(page, file);
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });

  await page.locator('[data-action="export-menu"]').click();
  await page.locator('[data-action="export-csv"]').waitFor();
  await page.screenshot({ path: join(outDir, 'export-menu.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-action="export-csv"]').count(), 0, 'Escape closes it');

  const csv = await exportAs(page, 'export-csv');
  assert.match(csv.name, /^launch-\d{4}-\d{2}-\d{2}-schedule\.csv$/);
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeffID,Name,Workstream,Start,Finish,'), 'a BOM and the headings');
  const rows = text.slice(1).trim().split('\r\n').map((line) => line.split(','));
  assert.equal(rows.length, 5);
  assert.deepEqual(rows[2].slice(0, 5), ['build', 'Build', 'Engineering', '2026-01-12', '2026-01-26']);
  assert.deepEqual(rows[3].slice(0, 5), ['go-live', 'Go-live', 'Engineering', '2026-01-26', '2026-01-26']);
  assert.equal(rows[2][9], 'design', 'predecessors as typed');
  assert.equal(rows[4][1], "'=SUM(A1:A9)", 'a formula-like name stays text');

  const ics = await exportAs(page, 'export-ics');
  assert.match(ics.name, /^launch-\d{4}-\d{2}-\d{2}-milestones\.ics$/);
  const calendar = ics.bytes.toString('utf8').replaceAll('\r\n ', '');
  const events = calendar.split('BEGIN:VEVENT').slice(1);
  assert.equal(events.length, 2, 'the milestone and the deadline');
  const field = (event, name) => event.split('\r\n').find((l) => l.startsWith(name))?.slice(name.length);
  const uids = events.map((e) => field(e, 'UID:'));
  assert.ok(uids.every((uid) => /\.(build\.deadline|go-live\.milestone)@planwork$/.test(uid)), uids.join(' '));
  const goLive = events.find((e) => field(e, 'UID:').endsWith('go-live.milestone@planwork'));
  assert.equal(field(goLive, 'DTSTART;VALUE=DATE:'), '20260126');
  const deadline = events.find((e) => field(e, 'UID:').endsWith('build.deadline@planwork'));
  assert.equal(field(deadline, 'DTSTART;VALUE=DATE:'), '20260123');
  assert.match(deadline, /after this deadline/);

  // A second export: the same events (same UIDs), a sequence at least as high.
  const again = (await exportAs(page, 'export-ics')).bytes.toString('utf8').replaceAll('\r\n ', '');
  const againEvents = again.split('BEGIN:VEVENT').slice(1);
  assert.deepEqual(againEvents.map((e) => field(e, 'UID:')), uids);
  assert.ok(
    againEvents.every((e, i) => Number(field(e, 'SEQUENCE:')) >= Number(field(events[i], 'SEQUENCE:'))),
  );

  const msp = await exportAs(page, 'export-mspdi');
  assert.match(msp.name, /^launch-\d{4}-\d{2}-\d{2}\.xml$/);
  const xml = msp.bytes.toString('utf8');
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), xml.slice(0, 200));
  assert.ok(xml.includes('<Project xmlns="http://schemas.microsoft.com/project">'), xml.slice(0, 300));
  assert.ok(xml.includes('<SaveVersion>12</SaveVersion>'));
  // The workstream as a summary row over the four tasks.
  for (const name of ['Engineering', 'Design', 'Build', 'Go-live', '=SUM(A1:A9)']) {
    assert.ok(xml.includes(`<Name>${name}</Name>`), `${name} in the MS Project file`);
  }
  assert.equal(xml.match(/<Task>/g).length, 6, "the project's row, the summary and the four tasks");
  // Build as the grid dates it, Mon 12 – Mon 26 Jan, with its deadline Fri 23.
  assert.ok(xml.includes('<Start>2026-01-12T08:00:00</Start>'));
  assert.ok(xml.includes('<Finish>2026-01-26T17:00:00</Finish>'));
  assert.ok(xml.includes('<Deadline>2026-01-23T17:00:00</Deadline>'));
  // The ids are not numbers: the tasks are numbered 1..4 and each keeps its id in Text1.
  assert.ok(xml.includes('<Alias>Planwork ID</Alias>'));
  assert.ok(xml.includes('<Value>go-live</Value>'));

  const json = await exportAs(page, 'export');
  assert.match(json.name, /\.planwork\.json$/);
  assert.equal(JSON.parse(json.bytes.toString('utf8')).tasks.length, 4);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});
