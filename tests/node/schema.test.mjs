// The published JSON Schema (public/planwork.schema.json) agrees with the reader: every
// stored example file of the current version validates, and so does every file the
// `planwork` command line writes. Runs under node's test runner; no browser.
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

test('every version 1 example, and the example shipped with the app, validates', () => {
  const files = [...examples('v1'), join(root, 'public', 'examples', 'platform-migration.planwork.json')];
  assert.ok(files.length >= 2);
  for (const file of files) {
    const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
    assert.ok(ok, `${file}: ${JSON.stringify(validate.errors, null, 2)}`);
  }
});

test('the schema rejects what the reader rejects', () => {
  const bad = [
    { format: 'gantt-pro', version: 1, program: { name: 'X', start: '2026-01-05' } },
    { format: 'planwork', version: 1 },
    { format: 'planwork', version: 1, program: { name: 'X', start: '5 Jan 2026' } },
    { format: 'planwork', version: 1, program: { name: 'X', start: '2026-01-05' }, tasks: [{ id: 'a', name: 'A', workstream: 'w', duration: 'abc' }] },
    { format: 'planwork', version: 1, program: { name: 'X', start: '2026-01-05' }, dependencies: [{ from: 'a', to: 'b', type: 'XX' }] },
  ];
  for (const file of bad) {
    assert.equal(validate(file), false, JSON.stringify(file));
  }
});
