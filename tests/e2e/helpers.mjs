// Shared by the end-to-end tests: launching Debian's Chromium and pages that record every
// console error, page error, failed request and request to another origin.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const outDir = join(here, 'out');
export const filesDir = join(here, '..', 'files');
export const baseUrl = process.env.PLANWORK_URL;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** How every test starts Debian's Chromium: headless and quiet on a closed network. */
export const chromiumOptions = {
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Launches Chromium (a fresh temporary profile) for the served app. */
export async function launch() {
  assert.ok(baseUrl, 'set PLANWORK_URL to the served app, e.g. http://127.0.0.1:8080/');
  mkdirSync(outDir, { recursive: true });
  return chromium.launch(chromiumOptions);
}

/** Records problems on `page` into `problems` (`url`: the served app, if not PLANWORK_URL). */
export function watch(page, problems, url = baseUrl) {
  const origin = new URL(url).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    // A navigation (goto, reload) aborts requests still in flight, such as the favicon's.
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return page;
}

/** A page in its own browser with an on-disk profile (some DevTools storage overrides,
 *  such as a quota, apply only to those). Close its `context` when done. */
export async function openPersistentPage() {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'planwork-e2e-profile-')), {
    ...chromiumOptions,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  watch(page, problems);
  return { context, page, problems };
}

/** A new page in a new context (its own, empty storage). */
export async function openPage(browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  return { context, page, problems };
}

/** Loads the home view and waits until the database is open (the list has rendered). */
export async function home(page) {
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 15_000 });
}

/** Names of the programs listed on the home view. */
export async function programNames(page) {
  return (await page.locator('table.program-list tbody .program-name').allTextContents()).map((s) =>
    s.trim(),
  );
}

/** Creates a program from the home view and waits for its editor (the plan grid). */
export async function createProgram(page, name) {
  await page.locator('#new-program-name').fill(name);
  await page.locator('form.new-program button[type=submit]').click();
  await page.locator('main[data-view="program"] .plan-grid').waitFor({ timeout: 15_000 });
}

/** The plan grid's row for task `name` (the last one of that name). */
export function taskRow(page, name) {
  return page
    .locator('.plan-grid .task-row')
    .filter({ has: page.locator('[data-col="name"]', { hasText: name }) })
    .last();
}

/** Names of the tasks in the plan grid, in display order. */
export async function taskNames(page) {
  return (await page.locator('.plan-grid .task-row [data-col="name"]').allTextContents()).map((s) =>
    s.replace('◆', '').trim(),
  );
}

/** Types `text` into the grid cell `cell` (a locator) and presses Enter; waits until the
 *  editor has closed (the value was taken). */
export async function editCell(page, cell, text) {
  await cell.click();
  await page.keyboard.press('Enter');
  const input = page.locator('[data-role="cell-input"]');
  await input.fill(text);
  await input.press('Enter');
  await input.waitFor({ state: 'detached', timeout: 5_000 });
}

/** Adds a task in the plan grid: a name in the empty last row, then its duration. */
export async function addTask(page, name, days) {
  const count = await page.locator('.plan-grid .task-row').count();
  await editCell(page, page.locator('.plan-grid .new-row [data-col="name"]'), name);
  await page.locator('.plan-grid .task-row').nth(count).waitFor();
  await editCell(page, taskRow(page, name).locator('[data-col="duration"]'), `${days}d`);
  await taskRow(page, name).locator('[data-col="duration"]', { hasText: `${days}d` }).waitFor();
}

/** Waits until the status line says "Saved". */
export async function saved(page) {
  await page.locator('[data-role="save-status"].status-saved').waitFor({ timeout: 10_000 });
}

/** Exports the open program; returns the download's file name and bytes. */
export async function exportProgram(page) {
  return exportAs(page, 'export');
}

/** Exports the open program from the Export menu's item `action` (`export`, `export-csv`,
 *  `export-ics`, `export-mspdi`); returns the download's file name, path and bytes. */
export async function exportAs(page, action) {
  await page.locator('[data-action="export-menu"]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator(`[data-action="${action}"]`).click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), path, bytes: await readFile(path) };
}

/** Imports a file through the file picker. */
export async function importFile(page, path) {
  await page.locator('input[data-role="import-file"]').setInputFiles(path);
}

/** A page in its own browser on the on-disk profile `dir` (kept between launches: a
 *  relaunch on the same `dir` is the same browser after a restart). Close its `context`
 *  (which quits that browser) when done. */
export async function openProfilePage(dir) {
  const context = await chromium.launchPersistentContext(dir, {
    ...chromiumOptions,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  watch(page, problems);
  return { context, page, problems };
}

/** Types a new task's name into the plan grid's empty last row (and nothing else); waits
 *  until the cell editor has closed (the edit was made). */
export async function typeTask(page, name) {
  await editCell(page, page.locator('.plan-grid .new-row [data-col="name"]'), name);
}

/** Pastes `data` into the plan grid as a spreadsheet would (a paste event with clipboard
 *  data). */
export async function paste(page, data) {
  await page.locator('.plan-grid').evaluate((grid, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, data);
}
