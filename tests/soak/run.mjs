// The soak (issue 16): thousands of random user actions against the built app in Debian's
// Chromium, each checked against an independent model of what the program should be
// (model.mjs); after every reload, tab close and browser restart, and every 25 actions, the
// program as stored (IndexedDB) must equal the model, and so must every export.
//
// Design, in short:
// - actions.mjs: the user's actions (cell edits, the empty row with Enter and Tab, Insert,
//   Delete, paste, Gantt drags, undo/redo by keys and buttons, scenarios, baselines, Setup),
//   each with its expected effect on the model (done, no change, or refused); this file adds
//   the session's own: tab switches, reloads, closing the tab, quitting the browser, export,
//   and importing an exported copy ("Open as a copy").
// - model.mjs: the model (plain data and the rules) and its undo history, which mirrors the
//   app's: one user action, one step; the last 50 steps each way survive a reload.
// - ui.mjs: how each thing is done in the page.
// Every action is drawn from a seeded generator, so `--seed S` replays a run exactly (the
// program's start is set to 2027-01-04, so no date depends on the day it runs).
//
//   node tests/soak/run.mjs --url http://127.0.0.1:8080/ [--actions N] [--seed S]
//                           [--keep-going] [--trail N]
// scripts/soak builds and serves the app and runs this. Exit status 1 on any mismatch or
// page error.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { chromiumOptions, outDir, watch } from '../e2e/helpers.mjs';
import { Model, differences, fromFile, normalise, normaliseModel } from './model.mjs';
import { ACTIONS, START, weights } from './actions.mjs';
import { Rng } from './rng.mjs';
import { Mismatch, openTab, programId, saved, stored } from './ui.mjs';

/** The known loss of redo steps when a page goes with an undone edit not yet saved (see
 *  `leaving`); set it to false once `Store::recover` keeps the journal's history. */
const KNOWN_REDO_LOSS = true;
/** The session's own actions and their weights (beside actions.mjs's). */
const SESSION = { reload: 2, closeTab: 0.6, closeBrowser: 0.3, exportFile: 1, importCopy: 0.3 };
const CHECK_EVERY = 25;
/** Columns the soak types into that the grid hides at first. */
const HIDDEN_COLUMNS = ['workstream', 'estimate', 'distribution', 'actual-start', 'actual-finish', 'percent'];

/** Today in the browser's time zone: the start of a new program. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Runs a soak of `actions` actions against the app at `url`. Returns the counts:
 * {seed, actions, byKind, reloads, checks, mismatches, pageErrors, problems, seconds}.
 * `log` gets one line per action when `verbose`, and the report.
 */
export async function soak({ url, actions = 300, seed = Date.now() % 2 ** 31, keepGoing = false, verbose = false, trail = 40, log = console.log, inspect }) {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'planwork-soak-'));
  const started = Date.now();
  const rng = new Rng(seed);
  const notes = [];
  const counts = { seed, actions: 0, byKind: {}, reloads: 0, checks: 0, exports: 0, imports: 0, mismatches: 0, pageErrors: 0, dialogs: 0, problems: [], failures: [] };
  const s = {
    rng, counter: 0, model: null, page: null, context: null, programId: null,
    note(text) {
      notes.push(`#${counts.actions} ${text}`);
      if (notes.length > trail) notes.shift();
      if (verbose) log(`  #${counts.actions} ${text}`);
    },
  };

  /** A browser on the soak's profile (kept across restarts) and a page watched for errors. */
  async function launchBrowser() {
    s.context = await chromium.launchPersistentContext(profile, {
      ...chromiumOptions,
      viewport: { width: 1600, height: 1100 },
      acceptDownloads: true,
    });
    await openPage(s.context.pages()[0] ?? (await s.context.newPage()));
  }

  async function openPage(page) {
    s.page = page;
    s.problems = [];
    watch(page, s.problems, url);
    page.on('dialog', async (dialog) => {
      counts.dialogs += 1;
      await dialog.accept();
    });
  }

  /** Collects the page's problems (console errors, page errors, failed requests). */
  function collect() {
    if (!s.problems?.length) return;
    counts.pageErrors += s.problems.length;
    for (const p of s.problems) {
      counts.problems.push(`after action #${counts.actions}: ${p}`);
      log(`PAGE ERROR after action #${counts.actions}: ${p}`);
    }
    s.problems.length = 0;
  }

  /** Waits for the program view of the soak's program. */
  async function programShown() {
    await s.page.locator('main[data-view="program"] .plan-grid').waitFor({ timeout: 20_000 });
    await saved(s.page);
  }

  /** The stored program must equal the model. */
  async function check(where) {
    await saved(s.page);
    const text = await stored(s.page, s.programId);
    if (text === null) throw new Mismatch(`${where}: program ${s.programId} is not stored`);
    const diffs = differences(normaliseModel(s.model.doc), normalise(JSON.parse(text)));
    counts.checks += 1;
    if (diffs.length) throw new Mismatch(`${where}: the stored program differs from the model:\n    ${diffs.join('\n    ')}`, { cause: JSON.parse(text) });
    s.note(`${where}: stored program = model`);
  }

  const programUrl = () => `${url.replace(/#.*$/, '')}#/program/${encodeURIComponent(s.programId)}`;

  /** Exports the program and compares the file with the model; returns its path. */
  async function exportFile() {
    const [download] = await Promise.all([
      s.page.waitForEvent('download', { timeout: 10_000 }),
      s.page.locator('[data-action="export"]').click(),
    ]);
    const path = join(profile, `export-${counts.exports}.planwork.json`);
    await download.saveAs(path);
    counts.exports += 1;
    const { readFile } = await import('node:fs/promises');
    const file = JSON.parse(await readFile(path, 'utf8'));
    const diffs = differences(normaliseModel(s.model.doc), normalise(file));
    if (diffs.length) throw new Mismatch(`export: the file differs from the model:\n    ${diffs.join('\n    ')}`, { cause: file });
    s.note(`export ${download.suggestedFilename()} = model`);
    return path;
  }

  /** The page is about to go (reload, close, quit): the history the model expects back. */
  async function leaving(how) {
    const status = (await s.page.locator('[data-role="save-status"]').textContent()).trim();
    s.model.reloaded();
    s.note(`${how} while the status said ${JSON.stringify(status)}`);
    if (status !== 'Saved' && KNOWN_REDO_LOSS) {
      // Known (reported, in src/storage/journal.rs): when the journal written as the page
      // goes holds the stored text (an edit undone before its save), recovery keeps the
      // stored undo history, whose redo list is older: the redo steps may be lost.
      s.model.undone = [];
      s.model.undoneCut = true;
    }
  }

  const session = {
    async reload() {
      await leaving('reload');
      await s.page.reload({ waitUntil: 'load' });
      await programShown();
      counts.reloads += 1;
      await check('after a reload');
    },
    async closeTab() {
      await leaving('tab closed');
      await s.page.close();
      collect();
      await openPage(await s.context.newPage());
      await s.page.goto(programUrl(), { waitUntil: 'load' });
      await programShown();
      counts.reloads += 1;
      await check('after closing the tab and opening the program again');
    },
    async closeBrowser() {
      await leaving('browser quit');
      await s.page.close();
      collect();
      await s.context.close();
      await launchBrowser();
      await s.page.goto(programUrl(), { waitUntil: 'load' });
      await programShown();
      counts.reloads += 1;
      await check('after quitting the browser and starting it again');
    },
    exportFile,
    async importCopy() {
      const path = await exportFile();
      await s.page.goto(url.replace(/#.*$/, ''), { waitUntil: 'load' });
      await s.page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 15_000 });
      await s.page.locator('input[data-role="import-file"]').setInputFiles(path);
      await s.page.locator('[data-action="import-copy"]').click({ timeout: 10_000 });
      const before = s.programId;
      await s.page.waitForFunction((before) => {
        const m = /#\/program\/(.+)$/.exec(location.href);
        return m && decodeURIComponent(m[1]) !== before;
      }, before, { timeout: 15_000 });
      s.programId = programId(s.page);
      await programShown();
      s.model.doc.name = `${s.model.doc.name} (copy)`;
      s.model.forgetHistory();
      counts.imports += 1;
      await check(`after importing a copy (${s.programId})`);
    },
  };

  /** A new program, its hidden columns shown and its start on 2027-01-04. */
  async function begin() {
    await s.page.goto(url, { waitUntil: 'load' });
    await s.page.locator('main[data-view="home"] form.new-program').waitFor({ timeout: 15_000 });
    const name = `Soak ${seed}`;
    await s.page.locator('#new-program-name').fill(name);
    await s.page.locator('form.new-program button[type=submit]').click();
    await programShown();
    s.programId = programId(s.page);
    s.model = new Model(name, today());
    await s.page.locator('[data-action="columns"]').click();
    for (const col of HIDDEN_COLUMNS) await s.page.locator(`.column-picker input[data-col="${col}"]`).check();
    await s.page.locator('[data-action="columns"]').click();
    await openTab(s.page, 'setup');
    const start = s.page.locator('[data-role="setup"]').getByRole('region', { name: 'Program', exact: true }).getByLabel('Start', { exact: true });
    await start.fill(START);
    await start.press('Enter');
    s.model.act('program', (d) => {
      d.start = START;
    });
    await check('after creating the program');
  }

  log(`soak: seed ${seed}, ${actions} actions against ${url}`);
  await launchBrowser();
  let stopped = null;
  try {
    await begin();
    while (counts.actions < actions) {
      counts.actions += 1;
      const kind = rng.weighted({ ...weights(s.model), ...SESSION });
      counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
      try {
        if (ACTIONS[kind]) await ACTIONS[kind](s);
        else await session[kind]();
        if (counts.actions % CHECK_EVERY === 0) await check(`checkpoint after ${counts.actions} actions`);
      } catch (error) {
        collect();
        counts.mismatches += 1;
        const kindOf = error instanceof Mismatch ? 'MISMATCH' : 'FAILURE';
        const report = [
          `${kindOf} at action #${counts.actions} (${kind}), seed ${seed}: ${error.message.split('\n')[0]}`,
          ...error.message.split('\n').slice(1),
          `  the last ${notes.length} actions:`,
          ...notes.map((n) => `    ${n}`),
        ].join('\n');
        counts.failures.push(report);
        log(report);
        const shot = join(outDir, `soak-${seed}-${counts.actions}.png`);
        if (await s.page.screenshot({ path: shot, fullPage: true }).then(() => true, () => false)) log(`  screenshot: ${shot}`);
        if (!keepGoing || !(error instanceof Mismatch)) {
          stopped = error;
          break;
        }
        // Go on from what was stored: the model takes the stored program, and undoes no
        // further back than the steps made from here.
        const text = await stored(s.page, s.programId).catch(() => null);
        if (!text) {
          stopped = error;
          break;
        }
        s.model.doc = fromFile(JSON.parse(text));
        s.model.forgetHistory();
        s.model.doneCut = true;
        s.model.undoneCut = true;
        await session.reload().catch(() => {});
      }
      collect();
    }
    if (!stopped) await check('at the end');
    await inspect?.(s);
  } finally {
    collect();
    await s.context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  counts.seconds = Math.round((Date.now() - started) / 1000);
  const kinds = Object.entries(counts.byKind).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ');
  log(`soak: seed ${seed}: ${counts.actions} actions run (${kinds}); ${counts.reloads} reloads (with closes and restarts), `
    + `${counts.checks} comparisons with the stored program, ${counts.exports} exports, ${counts.imports} imports; `
    + `${counts.mismatches} mismatches, ${counts.pageErrors} page errors; ${counts.seconds} s`);
  return counts;
}

/** `--name value` from the command line. */
function option(args, name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const url = option(args, 'url', process.env.PLANWORK_URL);
  if (!url) {
    console.error('usage: node tests/soak/run.mjs --url http://127.0.0.1:PORT/ [--actions N] [--seed S] [--keep-going] [--verbose]');
    process.exit(2);
  }
  const result = await soak({
    url,
    actions: Number(option(args, 'actions', 3000)),
    seed: option(args, 'seed') === undefined ? undefined : Number(option(args, 'seed')),
    keepGoing: args.includes('--keep-going'),
    verbose: args.includes('--verbose'),
    trail: Number(option(args, 'trail', 40)),
  });
  process.exit(result.mismatches || result.pageErrors ? 1 : 0);
}
