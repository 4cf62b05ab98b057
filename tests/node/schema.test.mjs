// The published JSON Schema (public/planwork.schema.json) agrees with the reader: every
// stored example file of versions 1 to 7 and of the current version 8 validates (the
// reader takes them all), and so does every file the `planwork` command line writes. Runs under
// node's test runner; no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'public', 'planwork.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function examples(dir) {
  const folder = join(root, 'tests', 'files', dir);
  return readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => join(folder, f));
}

function validates(file) {
  const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
  assert.ok(ok, `${file}: ${JSON.stringify(validate.errors, null, 2)}`);
}

test('every version 1 example validates', () => {
  const files = examples('v1');
  assert.ok(files.length >= 2);
  files.forEach(validates);
});

test('every version 2 example validates', () => {
  const files = examples('v2');
  assert.ok(files.length >= 3);
  files.forEach(validates);
  const colours = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v2', 'colours-and-rules.planwork.json'), 'utf8'));
  assert.equal(colours.version, 2);
  assert.ok(colours.workstreams.some((w) => w.color), 'the v2 examples use the v2 fields');
  assert.ok(colours.scenarios.some((s) => s.changes.some((c) => c.change === 'set_estimate')));
});

test('every version 3 example validates', () => {
  const files = examples('v3');
  assert.ok(files.length >= 2);
  files.forEach(validates);
  const late = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v3', 'just-in-time.planwork.json'), 'utf8'));
  assert.equal(late.version, 3);
  assert.ok(late.tasks.some((t) => t.constraint?.type === 'ALAP' && !('date' in t.constraint)), 'the v3 examples use ALAP');
});

test('every version 4 example validates', () => {
  const files = examples('v4');
  assert.ok(files.length >= 3);
  files.forEach(validates);
  const outline = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v4', 'release-outline.planwork.json'), 'utf8'));
  assert.ok(outline.tasks.some((t) => t.summary) && outline.tasks.some((t) => t.parent), 'the v4 examples use the outline');
  const sre = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v4', 'shared-sre.planwork.json'), 'utf8'));
  assert.ok(sre.resources.length > 0 && sre.tasks.some((t) => t.demands?.length), 'and resources');
});

test('every version 5 example, and the example shipped with the app, validates', () => {
  const files = [...examples('v5'), join(root, 'public', 'examples', 'platform-migration.planwork.json')];
  assert.ok(files.length >= 4);
  files.forEach(validates);
  const logs = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v5', 'launch-logs.planwork.json'), 'utf8'));
  for (const log of ['assumptions', 'issues', 'dependencies', 'decisions', 'changes']) {
    assert.ok(logs.logs[log].length > 0, `the v5 examples fill the ${log} log`);
  }
  assert.ok(logs.logs.charter.benefits.length > 0, 'and the charter with its benefits');
});

test('every version 6 example validates, readiness filled', () => {
  const files = examples('v6');
  assert.ok(files.length >= 4);
  files.forEach(validates);
  const file = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v6', 'launch-readiness.planwork.json'), 'utf8'));
  for (const part of ['checklists', 'templates', 'go_no_go', 'runbooks', 'reviews']) {
    assert.ok(file.readiness[part].length > 0, `the v6 example fills ${part}`);
  }
});

test('every version 7 example validates, status packs issued', () => {
  const files = examples('v7');
  assert.ok(files.length >= 5);
  files.forEach(validates);
  const file = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v7', 'launch-status.planwork.json'), 'utf8'));
  assert.equal(file.status.packs.length, 2, 'the v7 example has two packs issued');
  assert.equal(file.status.packs[1].overrides[0].reason, 'Recovery plan agreed with the vendor');
});

test('every version 8 example validates, a board filled, and the shipped example', () => {
  const files = examples('v8');
  assert.ok(files.length >= 6);
  files.forEach(validates);
  const file = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v8', 'launch-board.planwork.json'), 'utf8'));
  assert.equal(file.board.interval.name, 'Launch PI');
  assert.ok(file.board.objectives.some((o) => o.stretch), 'the v8 example has a stretch objective');
  const shipped = JSON.parse(readFileSync(join(root, 'public', 'examples', 'platform-migration.planwork.json'), 'utf8'));
  assert.equal(shipped.version, 8);
  assert.ok(shipped.readiness.checklists.length > 0 && shipped.readiness.runbooks.length > 0, 'the shipped example has readiness');
});

test('the schema refuses an override without a reason', () => {
  const file = JSON.parse(readFileSync(join(root, 'tests', 'files', 'v7', 'launch-status.planwork.json'), 'utf8'));
  file.status.packs[1].overrides[0].reason = '';
  assert.equal(validate(file), false);
});

test('the schema rejects what the reader rejects', () => {
  const bad = [
    { format: 'gantt-pro', version: 1, program: { name: 'X', start: '2026-01-05' } },
    { format: 'planwork', version: 1 },
    { format: 'planwork', version: 1, program: { name: 'X', start: '5 Jan 2026' } },
    { format: 'planwork', version: 1, program: { name: 'X', start: '2026-01-05' }, tasks: [{ id: 'a', name: 'A', workstream: 'w', duration: 'abc' }] },
    { format: 'planwork', version: 1, program: { name: 'X', start: '2026-01-05' }, dependencies: [{ from: 'a', to: 'b', type: 'XX' }] },
    { format: 'planwork', version: 3, program: { name: 'X', start: '2026-01-05' }, tasks: [{ id: 'a', name: 'A', workstream: 'w', duration: 1, constraint: { type: 'LATE' } }] },
    { format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05', critical_path: { rule: 'total_float', max_days: -1 } } },
    { format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05', critical_path: { rule: 'shortest' } } },
    { format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05' }, workstreams: [{ id: 'w', name: 'W', color: '#zz' }] },
    { format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05' }, workstreams: [{ id: 'w', name: 'W', color: 'blue' }] },
    {
      format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05' },
      scenarios: [{ id: 's', name: 'S', changes: [{ change: 'set_estimate', task: 'a', estimate: { optimistic: 'x', likely: 1, pessimistic: 2 } }] }],
    },
    { format: 'planwork', version: 4, program: { name: 'X', start: '2026-01-05' }, resources: [{ id: 'r', name: 'R', capacity: 0 }] },
    { format: 'planwork', version: 4, program: { name: 'X', start: '2026-01-05' }, tasks: [{ id: 'a', name: 'A', workstream: 'w', demands: [{ resource: 'r', units: -1 }] }] },
    { format: 'planwork', version: 4, program: { name: 'X', start: '2026-01-05' }, tasks: [{ id: 'a', name: 'A', workstream: 'w', priority: 1001 }] },
    { format: 'planwork', version: 5, program: { name: 'X', start: '2026-01-05' }, risks: [{ id: 'R1', title: 'T', probability: 1.5, impact: { min: 1, max: 2 } }] },
    { format: 'planwork', version: 5, program: { name: 'X', start: '2026-01-05' }, logs: { dependencies: [{ id: 'D1', title: 'API', need_by: 'soon' }] } },
    { format: 'planwork', version: 5, program: { name: 'X', start: '2026-01-05' }, logs: { issues: [{ id: 'I1', title: 'Quota', status: 'sleeping' }] } },
    { format: 'planwork', version: 6, program: { name: 'X', start: '2026-01-05' }, readiness: { checklists: [{ milestone: 'm', items: [{ id: 'RC1', status: 'done' }] }] } },
    { format: 'planwork', version: 6, program: { name: 'X', start: '2026-01-05' }, readiness: { go_no_go: [{ milestone: 'm', outcome: 'maybe' }] } },
    { format: 'planwork', version: 6, program: { name: 'X', start: '2026-01-05' }, readiness: { runbooks: [{ milestone: 'm', steps: [{ id: 'S1', planned_start: '10pm' }] }] } },
    { format: 'planwork', version: 6, program: { name: 'X', start: '2026-01-05' }, readiness: { runbooks: [{ milestone: 'm', steps: [{ id: 'S1', duration_minutes: 0 }] }] } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { interval: { start: '2026-01-05', iterations: 0 } } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { interval: { start: '2026-01-05', length: 61 } } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { interval: { name: 'PI 1' } } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { interval: { start: '2026-01-05', rows: 'teams' } } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { objectives: [{ id: 'O1', team: 'w', text: 'T', business_value: 11 }] } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { objectives: [{ id: 'O1', team: 'w', text: 'T', business_value: 0 }] } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { objectives: [{ id: 'O1', team: 'w', text: 'T', actual_value: -1 }] } },
    { format: 'planwork', version: 8, program: { name: 'X', start: '2026-01-05' }, board: { objectives: [{ id: 'O1', text: 'T' }] } },
  ];
  for (const file of bad) {
    assert.equal(validate(file), false, JSON.stringify(file));
  }
});

test('the schema accepts what the reader accepts of versions 2 and 3', () => {
  const good = [
    { format: 'planwork', version: 3, program: { name: 'X', start: '2026-01-05' }, tasks: [{ id: 'a', name: 'A', workstream: 'w', duration: 1, constraint: { type: 'ALAP' } }] },
    { format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05', critical_path: { rule: 'longest_path' } } },
    { format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05', critical_path: { rule: 'total_float' } } },
    { format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05' }, workstreams: [{ id: 'w', name: 'W', color: '#2F6fde' }] },
    {
      format: 'planwork', version: 2, program: { name: 'X', start: '2026-01-05' },
      scenarios: [{ id: 's', name: 'S', changes: [{ change: 'set_estimate', task: 'a', estimate: null }, { change: 'set_estimate', task: 'a' }] }],
    },
  ];
  for (const file of good) {
    assert.ok(validate(file), `${JSON.stringify(file)}: ${JSON.stringify(validate.errors)}`);
  }
});
