// End-to-end: programs that last and travel. Creating, editing and reloading; export,
// delete, import (byte-identical); broken and hostile files; two tabs on one program.
// Every page fails the test on a console error, a page error, a failed request or a
// request to another origin (helpers.mjs).
//
// scripts/test builds dist/, serves it and sets PLANWORK_URL; to run by hand:
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launch, openPage, openPersistentPage, watch, home, programNames, createProgram, addTask, taskNames, taskRow, editCell, saved, exportProgram,
  importFile, outDir, filesDir,
} from './helpers.mjs';

let browser;
const scratch = mkdtempSync(join(tmpdir(), 'planwork-e2e-'));

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});


test('a program created and edited is there after a reload', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Roadmap 2027');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Roadmap 2027');
  await addTask(page, 'Design', 5);
  await addTask(page, 'Build', 10);
  await addTask(page, 'Launch', 0);
  await page.locator('[data-task-id]').nth(2).waitFor();
  // Each task shows its computed start and finish.
  const finishes = await page.locator('.plan-grid .task-row [data-col="finish"]').allTextContents();
  assert.equal(finishes.length, 3);
  for (const f of finishes) assert.match(f.trim(), /^\d{4}-\d{2}-\d{2}$/);
  // Edit a name in place: saved within about a second.
  await editCell(page, taskRow(page, 'Build').locator('[data-col="name"]'), 'Build and test');
  await saved(page);
  await page.screenshot({ path: join(outDir, 'program-editor.png'), fullPage: true });

  await page.reload({ waitUntil: 'load' });
  await page.locator('[data-task-id]').nth(2).waitFor({ timeout: 15_000 });
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Roadmap 2027');
  assert.deepEqual(await taskNames(page), ['Design', 'Build and test', 'Launch']);

  // Home lists it with its last change and size.
  await page.locator('.breadcrumb a').click();
  await page.locator('main[data-view="home"] table.program-list').waitFor();
  assert.deepEqual(await programNames(page), ['Roadmap 2027']);
  assert.match(await page.locator('.program-updated').first().textContent(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  assert.match(await page.locator('.program-size').first().textContent(), /^\d+(\.\d)? (B|KB)$/);

  // Rename and duplicate from the home view; delete the copy and restore it from the bin.
  await page.locator('tbody tr').first().locator('[data-action="rename"]').click();
  await page.locator('.rename-form input').fill('Roadmap 2027 v2');
  await page.locator('.rename-form button[type=submit]').click();
  await page.locator('.program-name', { hasText: 'Roadmap 2027 v2' }).waitFor();
  await page.locator('tbody tr').first().locator('[data-action="duplicate"]').click();
  await page.locator('.program-name', { hasText: '(copy)' }).waitFor();
  assert.deepEqual((await programNames(page)).sort(), ['Roadmap 2027 v2', 'Roadmap 2027 v2 (copy)']);
  await page.locator('table.program-list tr', { hasText: '(copy)' }).locator('[data-action="delete"]').click();
  await page.locator('.bin-list tbody tr').waitFor();
  assert.deepEqual(await programNames(page), ['Roadmap 2027 v2']);
  assert.equal(await page.locator('.bin-days').textContent(), '30 more days');
  await page.screenshot({ path: join(outDir, 'home-programs.png'), fullPage: true });
  await page.locator('.bin-list [data-action="restore"]').click();
  // In the program list: the bin's row names it too until the bin is redrawn.
  await page.locator('table.program-list .program-name', { hasText: '(copy)' }).waitFor();
  await page.locator('.bin-list').waitFor({ state: 'detached' });

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('export, delete, import gives back the identical file; an existing program asks first', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Travel plan');
  await addTask(page, 'Pack', 2);
  await addTask(page, 'Fly', 1);
  await page.locator('[data-task-id]').nth(1).waitFor();
  await saved(page);
  const first = await exportProgram(page);
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  assert.equal(first.name, `travel-plan-${date}.planwork.json`);
  const text = first.bytes.toString('utf8');
  assert.match(text, /"format": "planwork"/);
  assert.match(text, /"id": "p-[0-9a-z]+-[0-9a-z]{8}"/, 'the program id travels in the file');

  // Delete it, then import the file: the same program, byte for byte.
  await page.locator('.breadcrumb a').click();
  await page.locator('tbody [data-action="delete"]').click();
  await page.locator('.bin-list tbody tr').waitFor();
  assert.deepEqual(await programNames(page), []);
  await importFile(page, first.path);
  await page.locator('main[data-view="program"] [data-task-id]').nth(1).waitFor({ timeout: 15_000 });
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Travel plan');
  const second = await exportProgram(page);
  assert.ok(second.bytes.equals(first.bytes), 'export → import → export is byte-identical');

  // Importing it again: its program is here, so the app asks. A copy first…
  await page.locator('.breadcrumb a').click();
  await importFile(page, first.path);
  await page.locator('.import-choice').waitFor();
  assert.match(await page.locator('.import-choice').textContent(), /Travel plan/);
  await page.locator('[data-action="import-copy"]').click();
  await page.locator('main h1', { hasText: 'Travel plan (copy)' }).waitFor({ timeout: 15_000 });
  // (An edit of the copy, saved even though the view is left at once.)
  await page.locator('[data-field="program-name"]').fill('Travel plan, edited');
  await page.locator('[data-field="program-name"]').press('Enter');
  // …then a replace, which keeps the replaced version as a snapshot.
  await page.locator('.breadcrumb a').click();
  await importFile(page, first.path);
  await page.locator('[data-action="import-replace"]').click();
  await page.locator('main h1', { hasText: 'Travel plan' }).waitFor({ timeout: 15_000 });
  await page.locator('[data-tab="snapshots"]').click();
  await page.locator('.snapshot-list li', { hasText: 'before import' }).waitFor({ timeout: 15_000 });
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Travel plan');
  const third = await exportProgram(page);
  assert.ok(third.bytes.equals(first.bytes), 'the replaced program is the file');
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  await page.locator('.program-name', { hasText: 'Travel plan, edited' }).waitFor();
  assert.deepEqual((await programNames(page)).sort(), ['Travel plan', 'Travel plan, edited']);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('broken or oversize files get a clear message and change nothing', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Keep me');
  await saved(page);
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  const before = await programNames(page);

  // A file just over 50 MB: refused before it is read.
  const oversize = join(scratch, 'oversize.planwork.json');
  const fd = openSync(oversize, 'w');
  writeSync(fd, '{"format": "planwork", "version": 1, "padding": "');
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  for (let i = 0; i < 51; i++) writeSync(fd, chunk);
  writeSync(fd, '"}');
  closeSync(fd);

  const cases = [
    [join(filesDir, 'broken', 'truncated.json'), /truncated/i],
    [join(filesDir, 'broken', 'wrong-types.json'), /tasks\[0\]\.duration/],
    [join(filesDir, 'broken', 'cycle.json'), /cycle/i],
    [join(filesDir, 'broken', 'deep-nesting.json'), /nest/i],
    [join(filesDir, 'broken', 'not-an-object.json'), /./],
    [oversize, /50 MB/],
  ];
  for (const [path, expected] of cases) {
    await importFile(page, path);
    const notice = page.locator('.messages .notice-error');
    await notice.waitFor({ timeout: 15_000 });
    const message = await notice.textContent();
    const file = path.split('/').pop();
    assert.match(message, /Import failed: nothing was changed/, file);
    assert.ok(message.includes(`“${file}”`), `the message names ${file}: ${message}`);
    assert.match(message, expected, `${file}: ${message}`);
    if (file === 'wrong-types.json') {
      await page.screenshot({ path: join(outDir, 'import-error.png'), fullPage: true });
    }
    assert.equal(await page.locator('main').getAttribute('data-view'), 'home');
    assert.deepEqual(await programNames(page), before, `${file} changed nothing`);
    await notice.locator('.notice-dismiss').click();
    await notice.waitFor({ state: 'detached' });
  }
  // Still nothing changed after a reload.
  await home(page);
  await page.locator('table.program-list').waitFor();
  assert.deepEqual(await programNames(page), before);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('text from a dropped file is shown as text: no script runs', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  const hostile = {
    format: 'planwork',
    version: 1,
    program: { name: '<img src=x onerror="window.__pwned=1">Plan', start: '2026-03-02' },
    workstreams: [{ id: 'w', name: '<b>W</b>' }],
    tasks: [
      { id: 'a', name: '<script>window.__pwned=2</script>', workstream: 'w', duration: 3 },
      { id: 'b', name: '"><svg onload="window.__pwned=3">', workstream: 'w', duration: 2 },
    ],
    dependencies: [{ from: 'a', to: 'b' }],
  };
  const text = JSON.stringify(hostile, null, 2);
  // Dropped anywhere on the page.
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'hostile.planwork.json', { type: 'application/json' }));
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
    document.querySelector('main').dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
    document.querySelector('main').dispatchEvent(drop);
  }, text);
  await page.locator('main[data-view="program"] [data-task-id]').nth(1).waitFor({ timeout: 15_000 });
  assert.equal((await page.locator('main h1').textContent()).trim(), hostile.program.name);
  assert.deepEqual(await taskNames(page), [hostile.tasks[0].name, hostile.tasks[1].name]);
  // (The Gantt chart is SVG of its own; nothing from the file became an element.)
  assert.equal(await page.locator('main img, main script, main b, main svg[onload]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  assert.deepEqual(await programNames(page), [hostile.program.name]);
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('snapshots: take, view, restore (which keeps the replaced version)', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  await createProgram(page, 'Workshop');
  await addTask(page, 'Agenda', 1);
  await page.locator('[data-task-id]').first().waitFor();
  await page.locator('[data-tab="snapshots"]').click();
  await page.locator('[data-field="snapshot-name"]').fill('before workshop');
  await page.locator('.snapshots form button[type=submit]').click();
  await page.locator('.snapshot-list li', { hasText: 'before workshop' }).waitFor({ timeout: 10_000 });
  await page.locator('[data-tab="plan"]').click();
  await addTask(page, 'Sticky notes', 2);
  await page.locator('[data-task-id]').nth(1).waitFor();
  await saved(page);
  await page.locator('[data-tab="snapshots"]').click();

  await page.locator('.snapshot-list li', { hasText: 'before workshop' }).locator('[data-action="view-snapshot"]').click();
  await page.locator('.snapshot-view').waitFor();
  assert.match(await page.locator('.snapshot-view').textContent(), /1 task\(s\)/);
  assert.deepEqual(await page.locator('.snapshot-tasks li').allTextContents(), ['Agenda (1 d)']);
  await page.screenshot({ path: join(outDir, 'snapshots.png'), fullPage: true });

  await page.locator('.snapshot-list li', { hasText: 'before workshop' }).locator('[data-action="restore-snapshot"]').click();
  await page.locator('.snapshot-list li', { hasText: 'before restore' }).waitFor({ timeout: 10_000 });
  await page.locator('[data-tab="plan"]').click();
  await page.locator('[data-task-id]').first().waitFor();
  assert.deepEqual(await taskNames(page), ['Agenda']);
  await page.reload({ waitUntil: 'load' });
  await page.locator('[data-task-id]').first().waitFor({ timeout: 15_000 });
  assert.deepEqual(await taskNames(page), ['Agenda']);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('two tabs on one program: the second is told, and chooses', async () => {
  const { context, page: tabA, problems } = await openPage(browser);
  await home(tabA);
  await createProgram(tabA, 'Shared');
  await saved(tabA);
  const url = tabA.url();
  const tabB = watch(await context.newPage(), problems);
  await tabB.goto(url, { waitUntil: 'load' });
  await tabB.locator('[data-field="program-name"]').waitFor({ timeout: 15_000 });

  // A saves; B is told and loads A's version.
  await tabA.locator('[data-field="program-name"]').fill('Shared, by A');
  await tabA.locator('[data-field="program-name"]').press('Enter');
  await saved(tabA);
  await tabB.locator('.conflict-banner').waitFor({ timeout: 10_000 });
  await tabB.screenshot({ path: join(outDir, 'two-tabs.png'), fullPage: true });
  await tabB.locator('[data-action="load-theirs"]').click();
  await tabB.locator('main h1', { hasText: 'Shared, by A' }).waitFor({ timeout: 10_000 });
  assert.equal(await tabB.locator('.conflict-banner').count(), 0);

  // Both edit: B saves first; A's save would overwrite B's, so A is asked instead.
  await tabB.locator('[data-field="program-name"]').fill('Shared, by B');
  await tabB.locator('[data-field="program-name"]').press('Enter');
  await saved(tabB);
  await tabA.locator('.conflict-banner').waitFor({ timeout: 10_000 });
  await tabA.locator('[data-field="program-name"]').fill('Shared, by A again');
  await tabA.locator('[data-field="program-name"]').press('Enter');
  await tabA.waitForTimeout(1000);
  // Nothing was written over B's version while A waited.
  await tabB.reload({ waitUntil: 'load' });
  await tabB.locator('main h1', { hasText: 'Shared, by B' }).waitFor({ timeout: 15_000 });
  // A keeps its version: B's is kept as a snapshot first.
  await tabA.locator('[data-action="keep-mine"]').click();
  await tabA.locator('.conflict-banner').waitFor({ state: 'detached', timeout: 10_000 });
  await tabA.locator('[data-tab="snapshots"]').click();
  await tabA.locator('.snapshot-list li', { hasText: 'before replace' }).waitFor({ timeout: 10_000 });
  await saved(tabA);
  await tabB.locator('.conflict-banner').waitFor({ timeout: 10_000 });
  await tabB.locator('[data-action="load-theirs"]').click();
  await tabB.locator('main h1', { hasText: 'Shared, by A again' }).waitFor({ timeout: 10_000 });

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('without IndexedDB: the error is shown plainly, the program stays in memory and exports', async () => {
  const { context, page, problems } = await openPage(browser);
  // As in a browser that blocks site storage.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  await home(page);
  await page.locator('.messages .notice-error', { hasText: 'Programs cannot be saved in this browser' })
    .waitFor({ timeout: 15_000 });
  await createProgram(page, 'Offline plan');
  await addTask(page, 'Think', 3);
  await page.locator('[data-task-id]').first().waitFor();
  const status = page.locator('[data-role="save-status"]');
  await page.locator('[data-role="save-status"].status-failed').waitFor({ timeout: 10_000 });
  assert.match(await status.textContent(), /Not saved/);
  await page.screenshot({ path: join(outDir, 'storage-unavailable.png'), fullPage: true });
  const exported = await exportProgram(page);
  const text = exported.bytes.toString('utf8');
  assert.match(text, /"name": "Offline plan"/);
  assert.match(text, /"name": "Think"/);
  // A visit to the home view does not lose it.
  await editCell(page, taskRow(page, 'Think').locator('[data-col="name"]'), 'Think harder');
  await page.locator('.breadcrumb a').click();
  await page.locator('main[data-view="home"]').waitFor();
  await page.goBack();
  await page.locator('main[data-view="program"] [data-task-id]').first().waitFor({ timeout: 10_000 });
  assert.deepEqual(await taskNames(page), ['Think harder']);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});

test('a full quota is said plainly and changes nothing', async () => {
  const { context, page, problems } = await openPersistentPage();
  await home(page);
  // Chromium's DevTools protocol can shrink this origin's quota to nothing. (It bites on
  // the first writes to a new database; on a database already written to, this Chromium
  // went on accepting saves, so the editor's save-failure path is covered by the
  // no-IndexedDB test instead.)
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.locator('#new-program-name').fill('Quota plan');
  await page.locator('form.new-program button[type=submit]').click();
  const notice = page.locator('.messages .notice-error');
  await notice.waitFor({ timeout: 10_000 });
  assert.match(await notice.textContent(), /The program was not created/);
  assert.match(await notice.textContent(), /storage for Planwork is full/);
  assert.equal(await page.locator('main').getAttribute('data-view'), 'home');
  assert.deepEqual(await programNames(page), []);
  await page.screenshot({ path: join(outDir, 'quota-exceeded.png'), fullPage: true });

  // With room again, it works.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await notice.locator('.notice-dismiss').click();
  await createProgram(page, 'Quota plan');
  await saved(page);
  await page.locator('.breadcrumb a').click();
  await page.locator('table.program-list').waitFor();
  assert.deepEqual(await programNames(page), ['Quota plan']);

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await context.close();
});
