// End-to-end: the worst hostile files of issue 16, imported in Chromium. Each used to kill
// the page (a wasm panic or trap, a stack overflow) or hang it with megabytes of messages;
// each must now be refused with a short message naming what is wrong, and the page must stay
// alive and unchanged. The native sweep over every kind of hostile file is scripts/hostile.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test --test-force-exit tests/e2e/hostile_import.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, home, programNames, createProgram, saved, importFile, outDir, taskRow } from './helpers.mjs';

let browser;
const scratch = mkdtempSync(join(tmpdir(), 'planwork-hostile-e2e-'));

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const HEAD = '{"format": "planwork", "version": 2, "program": {"name": "Hostile", "start": "2026-01-05"}, ' +
  '"workstreams": [{"id": "w", "name": "W"}], ';

/** `n` one-day tasks t0 … t(n-1), as JSON list items. */
function tasks(n) {
  return Array.from({ length: n }, (_, i) => `{"id": "t${i}", "name": "Task ${i}", "workstream": "w", "duration": 1}`).join(',');
}

/** Writes `text` as `name` in the scratch folder; its path. */
function file(name, text) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** About 10 MB of unknown fields nested 100 deep (the allocator's "capacity overflow"). */
function deepUnknownFields() {
  const one = '{"a":'.repeat(100) + '1' + '}'.repeat(100);
  const items = Array.from({ length: 10_000_000 / one.length }, () => one).join(',');
  return file('deep-unknown.json', `${HEAD}"tasks": [${tasks(1)}], "future": [${items}]}`);
}

/** 20,000 dependencies, all a → b (the wasm "unreachable", then 175 MB of messages). */
function samePair() {
  const link = '{"from": "t0", "to": "t1", "type": "FS", "lag": 0}';
  const links = Array.from({ length: 20_000 }, () => link).join(',');
  return file('same-pair.json', `${HEAD}"tasks": [${tasks(2)}], "dependencies": [${links}]}`);
}

/** A chain of 10,000 tasks closed into one cycle (the JavaScript stack overflowed). */
function longCycle() {
  const n = 10_000;
  const links = Array.from({ length: n }, (_, i) => `{"from": "t${i}", "to": "t${(i + 1) % n}"}`).join(',');
  return file('cycle-10000.json', `${HEAD}"tasks": [${tasks(n)}], "dependencies": [${links}]}`);
}

/** One task named with 5 million characters (a stored program that crashed every open). */
function hugeName() {
  const name = 'x'.repeat(5_000_000);
  return file('huge-name.json', `${HEAD}"tasks": [{"id": "t0", "name": "${name}", "workstream": "w", "duration": 1}]}`);
}

test('the worst hostile files are refused with a short message, and the page lives on', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Keep me');
  await saved(page);
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  const before = await programNames(page);

  const cases = [
    [deepUnknownFields(), /nested too deeply/],
    [samePair(), /t0 → t1 is linked 20,000 times \(dependencies 0, 1, 2, 3, 4 … and 19,995 more\)/],
    [longCycle(), /dependency cycle: t0 → t1 → .* … 9,984 more … → .*t9999 → t0/],
    [hugeName(), /tasks\[0\]\.name: a task name of 5,000,000 characters/],
  ];
  for (const [path, expected] of cases) {
    const file = path.split('/').pop();
    await importFile(page, path);
    const notice = page.locator('.messages .notice-error');
    await notice.waitFor({ timeout: 30_000 });
    const message = await notice.textContent();
    assert.match(message, /Import failed: nothing was changed/, file);
    assert.match(message, expected, `${file}: ${message.slice(0, 2000)}`);
    assert.ok(message.length < 5_000, `${file}: a short message, not ${message.length} characters`);
    if (file === 'same-pair.json') {
      await page.screenshot({ path: join(outDir, 'hostile-import-same-pair.png') });
    }
    // The page is alive: it still answers, and nothing was stored.
    assert.equal(await page.locator('main').getAttribute('data-view'), 'home');
    assert.deepEqual(await programNames(page), before, `${file} changed nothing`);
    await notice.locator('.notice-dismiss').click();
    await notice.waitFor({ state: 'detached' });
  }
  // Still alive: a program can be created and saved after all of them.
  await createProgram(page, 'After the storm');
  await saved(page);
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  assert.deepEqual((await programNames(page)).sort(), [...before, 'After the storm'].sort());

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('closing a 10,000-task cycle with one typed predecessor is refused, and the page lives on', async () => {
  // The plain edit of issue 16: the status stayed "Saved" and the next click panicked.
  const n = 10_000;
  const links = Array.from({ length: n - 1 }, (_, i) => `{"from": "t${i}", "to": "t${i + 1}"}`).join(',');
  const path = file('chain-10000.json', `${HEAD}"tasks": [${tasks(n)}], "dependencies": [${links}]}`);
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await importFile(page, path);
  await page.locator('main[data-view="program"] [data-task-id]').first().waitFor({ timeout: 30_000 });

  const predecessors = taskRow(page, 'Task 0').locator('[data-col="predecessors"]');
  await predecessors.click();
  await page.keyboard.type('t9999');
  await page.keyboard.press('Enter');
  const error = page.locator('[data-role="cell-error"]');
  await error.waitFor({ timeout: 30_000 });
  assert.match(await error.textContent(), /cycle/i);
  assert.ok((await error.textContent()).length < 2_000, 'a short reason');
  await page.keyboard.press('Escape');
  await error.waitFor({ state: 'detached' });
  assert.equal((await predecessors.textContent()).trim(), '', 'the plan is unchanged');

  // Alive: the next edit is made and saved.
  await taskRow(page, 'Task 1').locator('[data-col="duration"]').click();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await taskRow(page, 'Task 1').locator('[data-col="duration"]', { hasText: '3d' }).waitFor();
  await saved(page);
  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});
