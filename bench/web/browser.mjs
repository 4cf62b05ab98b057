//! Shared by the benchmark runners: a static file server on a free 127.0.0.1 port,
//! Debian's Chromium with a fresh on-disk profile, quiet on a closed network, and the
//! page's errors collected (a benchmark of a failing page measures nothing).

import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const types = {
  '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/** Serves the file `fileFor(pathname)` names (404 when it names none) with `headers`. */
export async function serve(fileFor, headers = {}) {
  const server = createServer(async (request, response) => {
    const file = fileFor(new URL(request.url, 'http://localhost').pathname);
    try {
      if (!file) throw new Error('not served');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...headers });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Serves the folder `dir` (`/` is its index.html), nothing outside it. */
export function serveDir(dir, headers = {}) {
  return serve((pathname) => {
    const path = normalize(pathname).replace(/^\/+/, '');
    const target = join(dir, path === '' ? 'index.html' : path);
    return target.startsWith(dir) ? target : null;
  }, headers);
}

/** The app's release build (`$PLANWORK_DIST`, else dist/) served, nothing outside it, and
 *  Chromium on a fresh profile (`launch` with `options`): how every benchmark of the built
 *  app starts. */
export async function openApp(prefix, options = {}) {
  const dist = process.env.PLANWORK_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
  const server = await serveDir(dist);
  const { context, close } = await launch(prefix, { viewport: { width: 1440, height: 900 }, ...options });
  return { server, context, close };
}

/** Chromium with a fresh profile (named after `prefix`); `close()` removes the profile. */
export async function launch(prefix, options = {}) {
  const profile = await mkdtemp(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Pushes onto `errors` every page error, console error, failed request (other than one the
 *  page aborted itself) and HTTP error response of `page`. */
export function collectErrors(page, errors) {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

/** Ends a benchmark: closes the browser and the server, prints each error, and exits
 *  non-zero if there was one. */
export async function finish({ close, server, errors }) {
  await close();
  server.close();
  for (const error of errors) console.error(`bench: ${error}`);
  process.exit(errors.length ? 1 : 0);
}

/** Opens the app at `url`, imports `file` through the home view's file input and waits for
 *  the plan grid's first task row, which it returns. */
export async function importProgram(page, url, file) {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 30_000 });
  await page.locator('input[data-role="import-file"]').setInputFiles(file);
  const row = page.locator('.plan-grid .task-row').first();
  await row.waitFor({ timeout: 120_000 });
  return row;
}

/** Self time per function of a CDP CPU profile, most first: [name, ms]. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}` : '?';
    total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...total].sort((a, b) => b[1] - a[1]);
}

/** The `q` quantile of `xs` (the sample at rank ⌊q·n⌋ of the sorted samples). */
export function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(xs.length - 1, Math.floor(q * xs.length))];
}
