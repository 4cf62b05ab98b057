// Sharing by link with no server (issue 23, its first part): Copy link puts the example
// program into the link's fragment; the link opened in a fresh browser profile — served, and
// in planwork.html from disk — offers the program, and importing it gives the same program.
// A damaged link is refused and nothing is stored.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/share.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { launch, openPage, home, watch, chromiumOptions, baseUrl } from './helpers.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const fileUrl = pathToFileURL(join(dist, 'planwork.html')).href;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The program's name and its first ten tasks (the grid draws the rows in view only). */
const names = async (page) => {
  const tasks = (await page.locator('.plan-grid .task-row [data-col="name"]').allTextContents())
    .map((s) => s.replace('◆', '').trim())
    .slice(0, 10);
  const title = (await page.locator('#workbench-heading').textContent()).trim();
  return [title, ...tasks];
};

/** Opens `link` in `page`, imports what it offers, and returns the task names. */
async function importFrom(page, link) {
  await page.goto(link);
  const review = page.locator('[data-role="import-review"]');
  await review.waitFor({ timeout: 20_000 });
  assert.match(await review.textContent(), /Import from a link: “Platform migration \(example\)”/);
  assert.doesNotMatch(page.url(), /share=/, 'the link is taken off the address');
  await page.locator('[data-action="import-reviewed"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  return names(page);
}

test('a program copied as a link opens in a fresh profile and in planwork.html', async () => {
  const { context, page, problems } = await openPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await home(page);
  await page.locator('[data-action="open-example"]').click();
  await page.locator('.plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  const original = await names(page);
  await page.locator('[data-action="copy-link"]').click();
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${baseUrl}#share=p1.`), link.slice(0, 80));
  assert.ok(link.length < 16_000, `a link of a few kilobytes: ${link.length}`);
  await context.close();
  assert.deepEqual(problems, []);

  // A fresh profile, served.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const served = await fresh.newPage();
  const servedProblems = [];
  watch(served, servedProblems);
  assert.deepEqual(await importFrom(served, link), original);
  await served.screenshot({ path: join(process.env.PLANWORK_SHOTS ?? tmpdir(), 'share-imported.png') });
  await fresh.close();
  assert.deepEqual(servedProblems, []);

  // planwork.html from disk, its own profile: the same link's fragment.
  const profile = mkdtempSync(join(tmpdir(), 'planwork-share-'));
  const disk = await chromium.launchPersistentContext(profile, chromiumOptions);
  try {
    const page2 = disk.pages()[0] ?? await disk.newPage();
    const fragment = link.slice(link.indexOf('#'));
    assert.deepEqual(await importFrom(page2, fileUrl + fragment), original);
  } finally {
    await disk.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a damaged link is refused and nothing is stored', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${baseUrl}#share=p1.eJzLSM3JyQcABiwCFQ`);
  const error = page.locator('.notice-error');
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.textContent(), /The link's program was not imported/);
  assert.equal(await page.locator('[data-role="import-review"]').count(), 0);
  assert.equal(await page.locator('table.program-list tbody tr').count(), 0, 'nothing stored');
  await context.close();
  assert.deepEqual(problems, []);
});
