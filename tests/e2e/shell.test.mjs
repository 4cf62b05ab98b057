// End-to-end: the built app (dist/, served over HTTP) in Debian's Chromium, driven by
// playwright-core. Fails on any console error, uncaught page error or request elsewhere.
//
// scripts/test builds dist/, serves it and sets PLANWORK_URL; to run by hand:
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage as openIn, outDir, baseUrl } from './helpers.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A new page that records every console error, page error, failed request and request
 * to another origin. */
const openPage = () => openIn(browser);

test('the app shell renders: header, empty Programs view, main region', async () => {
  const { page, problems } = await openPage();
  await page.goto(baseUrl, { waitUntil: 'load' });

  const brand = page.locator('header.app-header .brand-name');
  await brand.waitFor({ timeout: 15_000 });
  assert.equal((await brand.textContent()).trim(), 'Planwork');

  const main = page.locator('main');
  assert.equal(await main.count(), 1, 'exactly one <main> region');
  assert.equal(await main.getAttribute('data-view'), 'home');
  assert.equal((await main.locator('h1').textContent()).trim(), 'Programs');
  assert.equal(
    (await main.locator('.empty-state-title').textContent()).trim(),
    'No programs yet',
  );
  assert.equal(await main.locator('tbody tr').count(), 0, 'no programs listed');
  assert.equal(await main.locator('form.new-program').count(), 1, 'a form for a new program');
  assert.equal(await page.title(), 'Planwork');

  // Only our own origin was contacted: no CDN, no web fonts.
  const origin = new URL(baseUrl).origin;
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => r.name),
  );
  for (const url of resources) {
    assert.ok(url.startsWith(origin) || url.startsWith('data:'), `external request: ${url}`);
  }

  await page.screenshot({ path: join(outDir, 'home.png'), fullPage: true });

  // A program's hash opens the workbench region, and a reload keeps it.
  await page.goto(new URL('#/program/demo-1', baseUrl).href);
  await page.reload({ waitUntil: 'load' });
  await page.locator('main[data-view="program"]').waitFor({ timeout: 15_000 });
  assert.equal(
    await page.locator('main section.workbench').getAttribute('data-program-id'),
    'demo-1',
  );
  // There is no such program in a fresh browser: said plainly.
  await page.locator('main .notice-error').waitFor({ timeout: 15_000 });
  assert.match(await page.locator('main .notice-error').textContent(), /There is no program “demo-1”/);
  await page.screenshot({ path: join(outDir, 'program.png'), fullPage: true });

  // "All programs" leads back home.
  await page.locator('main .breadcrumb a').click();
  await page.locator('main[data-view="home"]').waitFor({ timeout: 15_000 });

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
  await page.close();
});
