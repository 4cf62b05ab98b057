// End-to-end: the built app (dist/, served over HTTP) in Debian's Chromium, driven by
// playwright-core. Fails on any console error or uncaught page error.
//
// scripts/test builds dist/, serves it and sets PLANWORK_URL; to run by hand:
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');
const baseUrl = process.env.PLANWORK_URL;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let browser;

before(async () => {
  assert.ok(baseUrl, 'set PLANWORK_URL to the served app, e.g. http://127.0.0.1:8080/');
  mkdirSync(outDir, { recursive: true });
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // Quiet on a closed network. Playwright gives each launch a fresh temporary profile.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

/** A new page that records every console error, page error and failed request. */
async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    // A navigation (goto, reload) aborts requests still in flight, such as the favicon's.
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, problems };
}

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
