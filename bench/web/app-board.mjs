//! Benchmarks the program board of the built app: a card moved to another iteration →
//! strings, milestones and loads repainted, on a 500-card board (a 2,000-task program),
//! in headless Chromium; prints a markdown table.
//!
//!   node bench/web/app-board.mjs PROGRAM.planwork.json [RUNS]
//!
//! PROGRAM is a generated program (`planwork generate --shape random --tasks 2000`). The
//! script groups its tasks four by four, within each workstream, under summary tasks (the
//! features: about 500 of them), with a board whose cards are those summaries over 52
//! two-week iterations (two years: the program's span), imports it, opens the Board tab and RUNS times (default 30) moves a
//! feature card one iteration to the right or back to the left from the keyboard (Space,
//! arrow, Space). The app marks `planwork:board-move:start` when the board reports the drop
//! and measures `planwork:board-move` after the next animation frame: the move made (in
//! the workshop scenario the first move opened), the scenario applied and scheduled, the
//! board laid out again (`planwork:board`), the DOM updated and painted. 3 warm-up moves are
//! not counted. Exits non-zero on any page error, console error or failed request.

import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectErrors, openApp, finish, importProgram, quantile, selfTimes } from './browser.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 30);
if (!file) {
  console.error('usage: node bench/web/app-board.mjs PROGRAM.planwork.json [RUNS]');
  process.exit(2);
}

/** `program` with its tasks under summaries of four, and a board of those summaries. */
function withFeatures(program) {
  const features = [];
  const open = new Map();
  for (const task of program.tasks) {
    let group = open.get(task.workstream);
    if (!group || group.size === 4) {
      const id = `F${features.length + 1}`;
      features.push({ id, name: `Feature ${features.length + 1}`, workstream: task.workstream, duration: 0, summary: true });
      group = { id, size: 0 };
      open.set(task.workstream, group);
    }
    if (task.duration > 0) {
      task.parent = group.id;
      group.size += 1;
    }
  }
  const used = new Set(program.tasks.map((t) => t.parent).filter(Boolean));
  program.tasks = [...features.filter((f) => used.has(f.id)), ...program.tasks];
  program.board = { interval: { start: program.program.start, iterations: 52, length: 10, cards: 'summaries' } };
  return program;
}

const { server, context, close } = await openApp('planwork-board-bench-');
const errors = [];
const samples = [];
const layoutSamples = [];
const editSamples = [];
const deriveSamples = [];

try {
  const program = withFeatures(JSON.parse(await readFile(file, 'utf8')));
  const path = join(await mkdtemp(join(tmpdir(), 'planwork-board-')), 'features.planwork.json');
  await writeFile(path, JSON.stringify(program));
  const tasks = program.tasks.filter((t) => !t.summary).length;

  const page = context.pages()[0] ?? await context.newPage();
  collectErrors(page, errors);
  await importProgram(page, server.url, path);
  await page.getByRole('tab', { name: 'Board', exact: true }).click();
  await page.locator('.board .board-card').first().waitFor({ timeout: 60_000 });
  // BOARD_HIDE=selector: that part of the board not painted (where the time goes).
  if (process.env.BOARD_HIDE) await page.addStyleTag({ content: `${process.env.BOARD_HIDE} { display: none !important; }` });
  const cards = await page.locator('.board-card').count();
  const columns = await page.locator('.board-card').evaluateAll((cards) => {
    const count = {};
    for (const c of cards) count[c.dataset.column] = (count[c.dataset.column] ?? 0) + 1;
    return count;
  });
  console.log(`cards per column: ${JSON.stringify(columns)}`);
  // A feature card in the fullest iteration: it moves one iteration on and back.
  const last = Math.max(...Object.keys(columns).map(Number));
  const fullest = Object.entries(columns).filter(([c]) => Number(c) < last).sort((a, b) => b[1] - a[1])[0][0];
  const id = await page.locator(`.board-card[data-column="${fullest}"]:not(.board-milestone)`).first().getAttribute('data-card');
  // BOARD_PROFILE=1: Chromium's sampling profiler over the counted moves, the functions
  // with the most self time printed after the table.
  const profiler = process.env.BOARD_PROFILE ? await context.newCDPSession(page) : null;
  for (let run = 0; run < runs + 3 && !errors.length; run++) {
    if (profiler && run === 3) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await profiler.send('Profiler.start');
    }
    const before = await page.evaluate(() => performance.getEntriesByName('planwork:board-move').length);
    await page.locator(`.board-card[data-card="${id}"]`).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press(run % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (n) => performance.getEntriesByName('planwork:board-move').length > n, before, { timeout: 20_000 });
    const [ms, laid, edit, derive] = await page.evaluate(() => {
      const last = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? null;
      return [last('planwork:board-move'), last('planwork:board'), last('planwork:board-edit'), last('planwork:derive')];
    });
    if (run >= 3) {
      samples.push(ms);
      if (laid !== null) layoutSamples.push(laid);
      if (edit !== null) editSamples.push(edit);
      if (derive !== null) deriveSamples.push(derive);
    }
  }
  const hot = profiler ? selfTimes((await profiler.send('Profiler.stop')).profile) : [];
  const version = context.browser()?.version() ?? 'Chromium';
  console.log(`board in ${version} (headless), ${tasks} tasks, ${cards} cards, ${samples.length} moves\n`);
  console.log('| operation | what is measured | median ms | p90 ms | max ms | target ms |');
  console.log('|---|---|---:|---:|---:|---:|');
  if (samples.length) {
    console.log(`| move → repaint | a card dropped on the next iteration → the move in the scenario, scheduled, the board laid out, DOM, next frame | ` +
      `${quantile(samples, 0.5).toFixed(1)} | ${quantile(samples, 0.9).toFixed(1)} | ${Math.max(...samples).toFixed(1)} | 16 |`);
    const row = (what, how, xs) => console.log(`| ${what} | ${how} | ` +
      `${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.9).toFixed(1)} | ${Math.max(...xs).toFixed(1)} | — |`);
    row('of which the move', 'the card\'s constraint found and recorded in the scenario (planwork:board-edit)', editSamples);
    row('of which the derive', 'the scenario applied, checked and scheduled (planwork:derive)', deriveSamples);
    row('of which the board', 'the board model: cards placed, strings, loads (planwork:board)', layoutSamples);
  } else {
    errors.push('no planwork:board-move measure');
  }
  if (hot.length) {
    console.log('\n| function (self time over the counted moves) | ms |\n|---|---:|');
    for (const [name, ms] of hot.slice(0, 25)) console.log(`| ${name} | ${ms.toFixed(1)} |`);
  }
} catch (error) {
  errors.push(String(error));
}
await finish({ close, server, errors });
