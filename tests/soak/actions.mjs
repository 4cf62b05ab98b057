// The soak's actions: each is what a user does (ui.mjs) together with what it should do to
// the program (a `Model.act` edit, model.mjs). An action picks its target and its text from
// the seeded random source, works out the expected effect on the model — done, nothing
// (no undo step), or refused, with why — does it in the app, and checks that the app took or
// refused it the same way (a `Mismatch` if not). The stored program is compared with the
// model after every reload and at checkpoints (run.mjs).
//
// Adding a kind of edit: write `async function myEdit(s)` below (pick what to change with
// `s.rng`, make the model's edit with `s.model.act`, do it with ui.mjs, then `agree`), add it
// to `ACTIONS` with a weight, and teach model.mjs the field it changes.

import {
  NOOP, addDays, applyScenario, defaultWs, displayOrder, newTask, nextId, nextItemId,
  scenarioProblem, taskById, workingDays, wsByName,
} from './model.mjs';
import {
  Mismatch, blur, cellOf, centre, drag, inChart, newRowName, openTab, pasteRows, reveal,
  saved, storedHistory, typeInto, typeOn,
} from './ui.mjs';

/** Dates near the program's start (set to Monday 2027-01-04 when the soak begins). */
export const START = '2027-01-04';
const date = (rng) => addDays(START, rng.int(-10, 120));
const WORDS = ['Design', 'Build', 'Test', 'Review', 'Migrate', 'Train', 'Audit', 'Deploy', 'Plan', 'Sign-off'];
const ODD = ['<b>bold</b>', '"quoted" & more', 'Ünïcödé ✓', "O'Brien's", '</script>', '  spaced  '];

/** A task name not used before in this run (`plain`: no odd characters). */
function freshName(s, plain = false) {
  s.counter += 1;
  const odd = !plain && s.rng.chance(0.1) ? ` ${s.rng.pick(ODD)}` : '';
  return `${s.rng.pick(WORDS)} ${s.counter}${odd}`;
}

/** Checks that the app did what the model expects: `expected` is the model's answer
 *  ({done}, {noop} or {refused}), `refusal` the app's (null: taken). */
function agree(s, expected, refusal, what) {
  if (expected.refused && !refusal) {
    throw new Mismatch(`${what}: the app took it, the model refuses it (${expected.refused})`);
  }
  if (!expected.refused && refusal) {
    throw new Mismatch(`${what}: the app refused it (${refusal}), the model takes it`);
  }
  s.note(`${what} → ${expected.refused ? `refused (${refusal.split('\n')[0]})` : expected.noop ? 'no change' : 'done'}`);
}

// --- the plan grid ---------------------------------------------------------------------------

/** The columns a soak edits, each with a text generator and the edit the text means. */
const COLUMNS = {
  name(s, t) {
    const text = s.rng.chance(0.06) ? s.rng.pick(['', '   ']) : freshName(s);
    return [text, (d) => {
      if (!text.trim()) return 'a task needs a name';
      const task = taskById(d, t.id);
      if (task.name === text.trim()) return NOOP;
      task.name = text.trim();
    }];
  },
  duration(s, t) {
    const n = s.rng.int(0, 25);
    const [text, days] = s.rng.pick([[`${n}`, n], [`${n}d`, n], [`${Math.ceil(n / 5)}w`, 5 * Math.ceil(n / 5)],
      ['abc', null], ['-3', null], ['2.5', null], ['5x', null]]);
    return [text, (d) => {
      if (days === null) return 'not a duration';
      const task = taskById(d, t.id);
      if (task.duration === days && task.milestone === (days === 0)) return NOOP;
      task.duration = days;
      task.milestone = days === 0;
    }];
  },
  predecessors(s, t) {
    const others = s.model.doc.tasks.filter((o) => o.id !== t.id);
    const links = s.rng.sample(others, s.rng.int(0, Math.min(3, others.length))).map((o) => {
      const type = s.rng.pick(['FS', 'FS', 'SS', 'FF', 'SF']);
      const lag = s.rng.chance(0.4) ? s.rng.pick([1, 2, -1, 5]) : 0;
      const unit = lag === 5 ? '+1w' : `${lag > 0 ? '+' : ''}${lag}d`;
      const token = type === 'FS' && lag === 0 && s.rng.chance(0.7) ? o.id : `${o.id}${type}${lag ? unit : ''}`;
      return { token, dep: { from: o.id, to: t.id, type, lag } };
    });
    const tokens = links.map((l) => l.token);
    let bad = null;
    const roll = s.rng.next();
    if (roll < 0.05) [bad] = [tokens.push('999') && 'unknown'];
    else if (roll < 0.08) [bad] = [tokens.push(t.id) && 'itself'];
    else if (roll < 0.11 && links.length) [bad] = [tokens.push(`${links[0].dep.from}SS`) && 'twice'];
    const text = tokens.join(s.rng.pick([', ', ',', '; ']));
    return [text, (d) => {
      if (bad) return `predecessor ${bad}`;
      const rest = d.deps.filter((x) => x.to !== t.id);
      const mine = links.map((l) => l.dep);
      const key = (list) => list.map((x) => `${x.from}${x.type}${x.lag}`).sort().join();
      if (key(mine) === key(d.deps.filter((x) => x.to === t.id))) return NOOP;
      d.deps = [...rest, ...mine];
    }];
  },
  start(s, t) {
    const text = s.rng.chance(0.25) ? '' : date(s.rng);
    return [text, (d) => {
      const task = taskById(d, t.id);
      const before = JSON.stringify(task.constraint);
      if (text) task.constraint = { type: 'SNET', date: text };
      else if (task.constraint?.type === 'SNET') task.constraint = null;
      if (JSON.stringify(task.constraint) === before) return NOOP;
    }];
  },
  constraint(s, t) {
    const kind = s.rng.pick(['SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO', 'ASAP', 'ALAP', '', 'date', 'MSO-bad', 'XYZ']);
    const day = date(s.rng);
    const text = { ASAP: 'ASAP', ALAP: 'ALAP', '': '', date: day, 'MSO-bad': 'MSO', XYZ: `XYZ ${day}` }[kind] ?? `${kind} ${day}`;
    return [text, (d) => {
      if (kind === 'MSO-bad' || kind === 'XYZ') return 'not a constraint';
      const task = taskById(d, t.id);
      // As late as possible has no date.
      const next = kind === 'ASAP' || kind === '' ? null
        : kind === 'ALAP' ? { type: 'ALAP' } : { type: kind === 'date' ? 'SNET' : kind, date: day };
      if (JSON.stringify(next) === JSON.stringify(task.constraint)) return NOOP;
      task.constraint = next;
    }];
  },
  deadline(s, t) {
    const text = s.rng.pick([date(s.rng), date(s.rng), '', 'soon']);
    return [text, (d) => {
      if (text === 'soon') return 'not a date';
      const task = taskById(d, t.id);
      if (task.deadline === (text || null)) return NOOP;
      task.deadline = text || null;
    }];
  },
  estimate(s, t) {
    const o = s.rng.int(0, 6);
    const l = o + s.rng.int(0, 6);
    const p = l + s.rng.int(0, 10);
    const [text, points] = s.rng.pick([
      [`${o}/${l}/${p}`, [o, l, p]], [`${o}/${l}/${p}`, [o, l, p]], [`${o}.5d/${l + 1}/${p + 2}`, [o + 0.5, l + 1, p + 2]],
      ['1w/2w/3w', [5, 10, 15]], ['', null], [`${p + 1}/${l}/${o}`, 'bad'], ['5/8', 'bad'],
    ]);
    return [text, (d) => {
      if (points === 'bad') return 'not an estimate';
      const task = taskById(d, t.id);
      const next = points && { o: points[0], l: points[1], p: points[2], dist: task.estimate?.dist ?? 'pert' };
      if (JSON.stringify(next) === JSON.stringify(task.estimate)) return NOOP;
      task.estimate = next;
    }];
  },
  distribution(s, t) {
    const [text, dist] = s.rng.pick([['PERT', 'pert'], ['tri', 'triangular'], ['Triangular', 'triangular'],
      ['uniform', 'uniform'], ['', 'pert'], ['normal', null]]);
    return [text, (d) => {
      const task = taskById(d, t.id);
      if (!task.estimate) return 'no estimate to shape';
      if (!dist) return 'not a distribution';
      if (task.estimate.dist === dist) return NOOP;
      task.estimate.dist = dist;
    }];
  },
  percent(s, t) {
    const n = s.rng.int(0, 100);
    const [text, value] = s.rng.pick([[`${n}`, n], [`${n}%`, n], ['', 0], ['100', 100], ['150', null], ['half', null]]);
    return [text, (d) => {
      if (value === null) return 'not a percentage';
      const task = taskById(d, t.id);
      if (task.percent === value) return NOOP;
      task.percent = value;
    }];
  },
  'actual-start': (s, t) => actualDate(s, t, 'actualStart'),
  'actual-finish': (s, t) => actualDate(s, t, 'actualFinish'),
  workstream(s, t) {
    const ws = s.rng.pick(s.model.doc.workstreams);
    const text = s.rng.chance(0.1) ? 'Nowhere team' : s.rng.chance(0.3) ? ws.name.toUpperCase() : ws.name;
    return [text, (d) => {
      const found = wsByName(d, text);
      if (!found) return 'no such workstream';
      const task = taskById(d, t.id);
      if (task.ws === found.key) return NOOP;
      task.ws = found.key;
    }];
  },
};

function actualDate(s, t, field) {
  const text = s.rng.pick([date(s.rng), date(s.rng), '', 'soon']);
  return [text, (d) => {
    if (text === 'soon') return 'not a date';
    const task = taskById(d, t.id);
    if (task[field] === (text || null)) return NOOP;
    task[field] = text || null;
  }];
}

const COLUMN_WEIGHTS = {
  name: 3, duration: 6, predecessors: 6, start: 3, constraint: 2, deadline: 2, estimate: 2,
  distribution: 1, percent: 1, 'actual-start': 1, 'actual-finish': 1, workstream: 2,
};

/** One cell of a task typed over. */
async function cellEdit(s) {
  const t = s.rng.pick(s.model.doc.tasks);
  const col = s.rng.weighted(COLUMN_WEIGHTS);
  const [text, edit] = COLUMNS[col](s, t);
  const how = text.trim() === '' ? 'edit' : s.rng.pick(['type', 'type', 'edit', 'double']);
  const expected = s.model.act('program', edit);
  await openTab(s.page, 'plan');
  const refusal = await typeInto(s.page, cellOf(s.page, t.id, col), text, how);
  agree(s, expected, refusal, `cell ${t.id}.${col} ← ${JSON.stringify(text)} (${how})`);
}

/** A name typed into the empty last row (Enter), or a row typed along with Tab. */
async function newRow(s) {
  const name = s.rng.chance(0.05) ? '' : freshName(s);
  const tabFlow = name !== '' && s.rng.chance(0.4);
  const id = nextId(s.model.doc);
  const expected = s.model.act('program', (d) => {
    if (!name.trim()) return NOOP;
    d.tasks.push(newTask(id, name.trim(), defaultWs(d)));
  });
  await openTab(s.page, 'plan');
  const refusal = await typeInto(s.page, newRowName(s.page), name, name ? 'type' : 'edit', tabFlow ? 'Tab' : 'Enter');
  agree(s, expected, refusal, `new row ${JSON.stringify(name)}${tabFlow ? ' + Tab' : ''}`);
  if (!tabFlow) return;
  // Tab goes on along the new task's row: its workstream, then its duration.
  const ws = s.rng.pick(s.model.doc.workstreams);
  const wsExpected = s.model.act('program', (d) => {
    if (taskById(d, id).ws === ws.key) return NOOP;
    taskById(d, id).ws = ws.key;
  });
  agree(s, wsExpected, await typeOn(s.page, ws.name, 'Tab'), `  then workstream ${JSON.stringify(ws.name)} + Tab`);
  const days = s.rng.int(1, 15);
  const durExpected = s.model.act('program', (d) => {
    if (days === 1) return NOOP;
    taskById(d, id).duration = days;
  });
  agree(s, durExpected, await typeOn(s.page, `${days}d`, 'Enter'), `  then duration ${days}d`);
}

/** Insert on a task's row: a new task below it, in its workstream. */
async function insertRow(s) {
  const t = s.rng.pick(s.model.doc.tasks);
  const id = nextId(s.model.doc);
  const expected = s.model.act('program', (d) => {
    const at = d.tasks.findIndex((x) => x.id === t.id);
    d.tasks.splice(at + 1, 0, newTask(id, 'New task', t.ws));
  });
  await openTab(s.page, 'plan');
  const cell = cellOf(s.page, t.id, 'id');
  await reveal(s.page, cell);
  await cell.click();
  await s.page.keyboard.press('Insert');
  await cellOf(s.page, id, 'name').waitFor({ timeout: 5_000 }).catch(() => {
    throw new Mismatch(`Insert on ${t.id}: no task ${id} appeared`);
  });
  agree(s, expected, null, `Insert below ${t.id} → ${id}`);
}

/** Delete of the selected rows: one clicked, more by Ctrl+click or a Shift+click range. */
async function deleteRows(s) {
  const order = displayOrder(s.model.doc);
  const first = s.rng.int(0, order.length - 1);
  let chosen;
  let clicks;
  if (s.rng.chance(0.3) && order.length > 1) {
    const last = Math.min(order.length - 1, first + s.rng.int(1, 2));
    chosen = order.slice(first, last + 1).map((t) => t.id);
    clicks = [[order[first].id, null], [order[last].id, 'Shift']];
  } else {
    chosen = s.rng.sample(order, s.rng.int(1, Math.min(2, order.length))).map((t) => t.id);
    clicks = chosen.map((id, i) => [id, i ? 'Control' : null]);
  }
  const expected = s.model.act('program', (d) => {
    d.tasks = d.tasks.filter((t) => !chosen.includes(t.id));
    d.deps = d.deps.filter((x) => !chosen.includes(x.from) && !chosen.includes(x.to));
  });
  await openTab(s.page, 'plan');
  for (const [id, modifier] of clicks) {
    const cell = cellOf(s.page, id, 'id');
    await reveal(s.page, cell);
    await cell.click({ modifiers: modifier ? [modifier] : [] });
  }
  await s.page.keyboard.press('Delete');
  for (const id of chosen) {
    await cellOf(s.page, id, 'id').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {
      throw new Mismatch(`Delete of ${chosen}: task ${id} is still shown`);
    });
  }
  agree(s, expected, null, `Delete ${chosen.join(', ')} (${clicks.map(([, m]) => m ?? 'click').join(', ')})`);
}

/** Rows pasted from a spreadsheet, with a heading row or without. */
async function paste(s) {
  const doc = s.model.doc;
  const heading = s.rng.chance(0.5);
  const columns = heading
    ? ['Name', ...s.rng.sample(['Duration', 'Predecessors', 'Workstream', 'Start', 'ID'], s.rng.int(1, 4))]
    : ['Name', 'Duration', 'Predecessors', 'Workstream', 'Start'].slice(0, s.rng.int(1, 5));
  const n = s.rng.int(1, 4);
  const taken = [];
  const rows = [];
  for (let i = 0; i < n; i++) {
    s.counter += 1;
    const customId = columns.includes('ID') && s.rng.chance(0.6) ? `X${s.counter}` : '';
    const id = customId || nextId(doc, taken);
    taken.push(id);
    rows.push({ id, customId, name: freshName(s) });
  }
  const cellText = (row, col) => ({
    Name: row.name, Duration: row.duration, Predecessors: row.preds.join(', '), Workstream: row.ws,
    Start: row.start, ID: row.customId,
  })[col];
  const bad = s.rng.chance(0.1) ? s.rng.pick(['duration', 'workstream', 'predecessor', 'name', 'id']) : null;
  for (const [i, row] of rows.entries()) {
    const days = s.rng.int(0, 12);
    row.duration = s.rng.chance(0.2) ? '' : s.rng.pick([`${days}`, `${days}d`]);
    row.days = row.duration === '' ? 1 : days;
    const pool = [...doc.tasks.map((t) => t.id), ...taken.filter((x) => x !== row.id)];
    row.preds = s.rng.chance(0.5) ? s.rng.sample(pool, s.rng.int(1, 2)) : [];
    const ws = s.rng.chance(0.5) ? s.rng.pick(doc.workstreams) : null;
    row.ws = ws?.name ?? '';
    row.start = s.rng.chance(0.3) ? date(s.rng) : '';
    if (bad && i === rows.length - 1) {
      if (bad === 'duration' && columns.includes('Duration')) row.duration = 'abc';
      else if (bad === 'workstream' && columns.includes('Workstream')) row.ws = 'Nowhere team';
      else if (bad === 'predecessor' && columns.includes('Predecessors')) row.preds = ['999'];
      else if (bad === 'id' && row.customId && doc.tasks.length) row.customId = doc.tasks[0].id;
      else if (columns.some((c) => c !== 'Name' && cellText(row, c))) row.name = '';
    }
  }
  const lines = rows.map((row) => columns.map((c) => cellText(row, c)).join('\t'));
  const text = `${heading ? `${columns.join('\t')}\n` : ''}${lines.join(s.rng.pick(['\n', '\r\n']))}\n`;
  const expected = s.model.act('program', (d) => {
    const added = [];
    for (const row of rows) {
      if (!row.name) return 'a row without a name';
      const has = (c) => columns.includes(c);
      let ws;
      if (has('Workstream') && row.ws) {
        const found = wsByName(d, row.ws);
        if (!found) return 'no such workstream';
        ws = found.key;
      } else {
        ws = defaultWs(doc);
      }
      if (has('ID') && row.customId && (doc.tasks.some((t) => t.id === row.customId) || added.some((t) => t.id === row.customId))) {
        return 'the id is used already';
      }
      const id = has('ID') && row.customId ? row.customId : nextId(doc, added.map((t) => t.id));
      const task = newTask(id, row.name.trim(), ws);
      if (has('Duration') && row.duration) {
        if (!/^\d+d?$/.test(row.duration)) return 'not a duration';
        task.duration = Number.parseInt(row.duration, 10);
        task.milestone = task.duration === 0;
      }
      if (has('Start') && row.start) task.constraint = { type: 'SNET', date: row.start };
      added.push(task);
    }
    const known = [...doc.tasks, ...added].map((t) => t.id);
    const deps = [];
    added.forEach((task, i) => {
      if (columns.includes('Predecessors')) {
        for (const p of rows[i].preds) deps.push({ from: p, to: task.id, type: 'FS', lag: 0 });
      }
    });
    if (deps.some((x) => !known.includes(x.from))) return 'an unknown predecessor';
    d.tasks.push(...added);
    d.deps.push(...deps);
  });
  // The rows' ids depend on which had an ID: the model's ids must be the ones the text named.
  await openTab(s.page, 'plan');
  const refusal = await pasteRows(s.page, text);
  agree(s, expected, refusal, `paste ${JSON.stringify(text)}`);
}

// --- the Gantt chart ---------------------------------------------------------------------------

const bar = (page, id) => page.locator(`.gantt-task[data-id="${id}"]`);

/** Tasks a drag can move or stretch: with a bar (not a milestone), not started. */
const draggable = (doc) => doc.tasks.filter((t) => t.duration > 0 && !t.milestone && !t.percent && !t.actualStart && !t.actualFinish);

/** Waits for a chart action to be made (the program changes) or refused; returns the
 *  refusal or null. */
async function chartOutcome(page, expectRefusal) {
  const changed = page.locator('[data-role="save-status"]:not(.status-saved)');
  const refused = page.locator('[data-role="plan-refusal"]');
  try {
    await (expectRefusal ? refused : changed).waitFor({ timeout: 3_000 });
  } catch {
    /* the other outcome, or none: looked at below */
  }
  if (await refused.count()) return (await refused.textContent()).trim();
  return (await changed.count()) ? null : '(nothing happened)';
}

/** A bar dragged by whole weeks: a start-no-earlier-than constraint on the day it lands. */
async function ganttMove(s) {
  // Held near its start: on a short bar the middle is the end's grip.
  const t = s.rng.pick(draggable(s.model.doc).filter((x) => x.duration >= 3));
  if (!t) return s.note('gantt move: no bar to drag');
  const weeks = s.rng.pick([1, 2, -1]);
  await openTab(s.page, 'plan');
  await saved(s.page);
  const startCell = cellOf(s.page, t.id, 'start');
  await reveal(s.page, startCell);
  const shownStart = (await startCell.textContent()).trim();
  await reveal(s.page, bar(s.page, t.id));
  const middle = await centre(bar(s.page, t.id).locator('.gantt-bar'));
  const box = await bar(s.page, t.id).locator('.gantt-bar').boundingBox();
  const from = { x: box.x + 5, y: middle.y };
  const to = { x: from.x + weeks * 7 * 8, y: from.y };
  if (!(await inChart(s.page, from)) || !(await inChart(s.page, to))) return s.note(`gantt move ${t.id}: off the chart`);
  const day = addDays(shownStart, weeks * 7);
  const expected = s.model.act('program', (d) => {
    const task = taskById(d, t.id);
    if (task.constraint?.type === 'SNET' && task.constraint.date === day) return NOOP;
    task.constraint = { type: 'SNET', date: day };
  });
  await drag(s.page, from, to);
  agree(s, expected, expected.noop ? null : await chartOutcome(s.page, false), `gantt move ${t.id} ${weeks}w (from ${shownStart}: SNET ${day})`);
}

/** A bar's end dragged by whole weeks: its duration, in working days from its start. */
async function ganttResize(s) {
  const t = s.rng.pick(draggable(s.model.doc));
  if (!t) return s.note('gantt resize: no bar to drag');
  const weeks = s.rng.pick([1, 2, -1]);
  await openTab(s.page, 'plan');
  await saved(s.page);
  await reveal(s.page, cellOf(s.page, t.id, 'start'));
  const start = (await cellOf(s.page, t.id, 'start').textContent()).trim();
  const finish = (await cellOf(s.page, t.id, 'finish').textContent()).trim();
  await reveal(s.page, bar(s.page, t.id));
  await bar(s.page, t.id).hover();
  const from = await centre(bar(s.page, t.id).locator('.gantt-resize'));
  const to = { x: from.x + weeks * 7 * 8, y: from.y };
  if (!(await inChart(s.page, from)) || !(await inChart(s.page, to))) return s.note(`gantt resize ${t.id}: off the chart`);
  const days = Math.max(1, workingDays(start, addDays(finish, weeks * 7), s.model.doc.holidays));
  const expected = s.model.act('program', (d) => {
    const task = taskById(d, t.id);
    if (task.duration === days) return NOOP;
    task.duration = days;
    task.milestone = false;
  });
  await drag(s.page, from, to);
  agree(s, expected, expected.noop ? null : await chartOutcome(s.page, false),
    `gantt resize ${t.id} ${weeks}w (${start}..${finish} → ${days}d)`);
}

/** A link drawn from one bar's connector onto another bar (finish-to-start). */
async function ganttLink(s) {
  const doc = s.model.doc;
  if (doc.tasks.length < 2) return s.note('gantt link: too few tasks');
  // Half the time a link back along an existing one: a loop, refused.
  const back = doc.deps.length && s.rng.chance(0.3) ? s.rng.pick(doc.deps) : null;
  const [a, b] = back ? [taskById(doc, back.to), taskById(doc, back.from)] : s.rng.sample(doc.tasks, 2);
  await openTab(s.page, 'plan');
  await saved(s.page);
  await reveal(s.page, bar(s.page, b.id));
  const to = await centre(bar(s.page, b.id).locator('.gantt-bar, .gantt-diamond').first());
  await reveal(s.page, bar(s.page, a.id));
  await bar(s.page, a.id).hover();
  const from = await centre(bar(s.page, a.id).locator('.gantt-connector'));
  // Both in view at once: bringing one into view must not have moved the other.
  const again = await bar(s.page, b.id).locator('.gantt-bar, .gantt-diamond').first().boundingBox();
  if (!again || Math.abs(again.x + again.width / 2 - to.x) > 1 || Math.abs(again.y + again.height / 2 - to.y) > 1) {
    return s.note(`gantt link ${a.id} → ${b.id}: not both in view`);
  }
  if (!(await inChart(s.page, from)) || !(await inChart(s.page, to))) return s.note(`gantt link ${a.id} → ${b.id}: off the chart`);
  const expected = s.model.act('program', (d) => {
    d.deps.push({ from: a.id, to: b.id, type: 'FS', lag: 0 });
  });
  await drag(s.page, from, to);
  agree(s, expected, await chartOutcome(s.page, Boolean(expected.refused)), `gantt link ${a.id} → ${b.id}`);
}

// --- undo and redo -----------------------------------------------------------------------------

async function undoRedo(s, which) {
  const can = which === 'undo' ? s.model.canUndo : s.model.canRedo;
  const cut = which === 'undo' ? s.model.doneCut : s.model.undoneCut;
  const button = s.page.locator(`[data-action="${which}"]`);
  if (!can) {
    if (!cut && (await button.isEnabled())) throw new Mismatch(`${which}: the button is enabled with nothing to ${which}`);
    return s.note(`${which}: nothing to ${which}`);
  }
  if (!(await button.isEnabled())) {
    throw new Mismatch(`${which}: the model has a step, the button is disabled (stored: ${await storedHistory(s.page, s.programId)})`);
  }
  if (which === 'undo') s.model.undo();
  else s.model.redo();
  const by = s.rng.pick(['key', 'button']);
  if (by === 'button') {
    await button.click();
  } else {
    await blur(s.page);
    await s.page.keyboard.press(which === 'undo' ? 'Control+z' : s.rng.pick(['Control+y', 'Control+Shift+z']));
  }
  await s.page.locator('[data-role="confirmation"]').waitFor({ timeout: 5_000 }).catch(() => {});
  s.note(`${which} (${by}) → done`);
}

// --- scenarios and baselines -------------------------------------------------------------------

/** Quick impact: tasks slipped (or given a new duration), saved as a scenario. */
async function quickImpact(s) {
  const doc = s.model.doc;
  const tasks = s.rng.sample(doc.tasks, s.rng.int(1, Math.min(2, doc.tasks.length)));
  const slip = s.rng.chance(0.7);
  const days = slip ? s.rng.pick([1, 3, 5, 10, 15, -2]) : s.rng.int(0, 20);
  const amount = slip
    ? (days === 15 ? s.rng.pick(['+15d', '3w', '+3w']) : `${days > 0 ? '+' : ''}${days}d`)
    : `${days}d`;
  const changes = tasks.map((t) => ({ change: slip ? 'slip' : 'estimate', task: t.id, days }));
  const name = `Scenario ${freshName(s)}`;
  const id = nextItemId('s', doc.scenarios);
  const problem = scenarioProblem(doc, changes);
  const expected = problem ? { refused: problem } : s.model.act('document', (d) => {
    d.scenarios.push({ id, name: name.trim(), description: '', changes });
  });
  await openTab(s.page, 'scenarios');
  const page = s.page;
  while (await page.locator('.qi-chip-remove').count()) await page.locator('.qi-chip-remove').first().click();
  await page.locator(`[data-action="${slip ? 'qi-slip' : 'qi-duration'}"]`).click();
  for (const t of tasks) {
    await page.locator('[data-field="qi-search"]').fill(`${t.name.trim()} ${t.id}`);
    await page.locator(`.qi-match[data-task="${t.id}"]`).first().click({ timeout: 5_000 });
  }
  await page.locator('[data-field="qi-amount"]').fill(amount);
  const save = page.locator('[data-action="qi-save"]');
  const error = page.locator('.qi-error');
  await save.or(error).first().waitFor({ timeout: 5_000 });
  const what = `quick impact ${tasks.map((t) => t.id).join('+')} ${slip ? 'slip' : 'new duration'} ${amount}`;
  if (await error.count()) {
    agree(s, expected, (await error.textContent()).trim(), what);
    return;
  }
  if (expected.refused) agree(s, expected, null, what);
  await page.locator('[data-field="qi-name"]').fill(name);
  await save.click();
  await page.locator(`tr[data-scenario="${id}"]`).waitFor({ timeout: 5_000 }).catch(() => {
    throw new Mismatch(`${what}: no scenario ${id} appeared`);
  });
  agree(s, expected, null, `${what} saved as ${id}`);
}

/** An empty scenario from "New scenario". */
async function newScenario(s) {
  const id = nextItemId('s', s.model.doc.scenarios);
  const expected = s.model.act('document', (d) => {
    d.scenarios.push({ id, name: `Scenario ${d.scenarios.length + 1}`, description: '', changes: [] });
  });
  await openTab(s.page, 'scenarios');
  await s.page.locator('[data-action="new-scenario"]').click();
  await s.page.locator(`tr[data-scenario="${id}"]`).waitFor({ timeout: 5_000 });
  agree(s, expected, null, `new scenario ${id}`);
}

/** Opens scenario `id`'s changes (its row's name toggles them). */
async function openScenario(page, id) {
  const row = page.locator(`tr[data-scenario="${id}"]`);
  if ((await row.locator('[data-action="open-scenario"]').getAttribute('aria-expanded')) !== 'true') {
    await row.locator('[data-action="open-scenario"]').click();
  }
  await page.locator('[data-action="delete-scenario"]').waitFor({ timeout: 5_000 });
}

async function deleteScenario(s) {
  const sc = s.rng.pick(s.model.doc.scenarios);
  const expected = s.model.act('document', (d) => {
    d.scenarios = d.scenarios.filter((x) => x.id !== sc.id);
  });
  await openTab(s.page, 'scenarios');
  await openScenario(s.page, sc.id);
  await s.page.locator('[data-action="delete-scenario"]').click();
  await s.page.locator(`tr[data-scenario="${sc.id}"]`).waitFor({ state: 'detached', timeout: 5_000 });
  agree(s, expected, null, `delete scenario ${sc.id}`);
}

/** Promote: the scenario becomes the program (refused, its button disabled, when the
 *  scenario cannot be scheduled). */
async function promote(s) {
  const sc = s.rng.pick(s.model.doc.scenarios);
  const problem = scenarioProblem(s.model.doc, sc.changes);
  const expected = problem ? { refused: problem } : s.model.act('document', (d) => {
    const applied = applyScenario(d, sc.changes);
    d.tasks = applied.tasks;
    d.scenarios = d.scenarios.filter((x) => x.id !== sc.id);
  }, { withProgram: true });
  await openTab(s.page, 'scenarios');
  await openScenario(s.page, sc.id);
  const button = s.page.locator('[data-action="promote-scenario"]');
  if (await button.isDisabled()) {
    agree(s, expected, 'the Promote button is disabled', `promote ${sc.id}`);
    return;
  }
  await button.click();
  await s.page.locator(`tr[data-scenario="${sc.id}"]`).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  const refused = await s.page.locator(`tr[data-scenario="${sc.id}"]`).count();
  agree(s, expected, refused ? 'still there' : null, `promote ${sc.id}`);
}

async function saveBaseline(s) {
  const doc = s.model.doc;
  const id = nextItemId('b', doc.baselines);
  const name = `Baseline ${freshName(s)}`;
  const expected = s.model.act('document', (d) => {
    d.baselines.push({ id, name: name.trim(), tasks: d.tasks.map((t) => t.id) });
    d.active = id;
  });
  await openTab(s.page, 'scenarios');
  await s.page.locator('[data-field="baseline-name"]').fill(name);
  await s.page.locator('[data-action="save-baseline"]').click();
  await s.page.locator(`.baseline-row[data-baseline="${id}"]`).waitFor({ timeout: 5_000 });
  agree(s, expected, null, `baseline ${id} saved`);
}

async function deleteBaseline(s) {
  const b = s.rng.pick(s.model.doc.baselines);
  const expected = s.model.act('document', (d) => {
    d.baselines = d.baselines.filter((x) => x.id !== b.id);
    if (d.active === b.id) d.active = d.baselines.length ? d.baselines[d.baselines.length - 1].id : null;
  });
  await openTab(s.page, 'scenarios');
  await s.page.locator(`.baseline-row[data-baseline="${b.id}"] [data-action="delete-baseline"]`).click();
  await s.page.locator(`.baseline-row[data-baseline="${b.id}"]`).waitFor({ state: 'detached', timeout: 5_000 });
  agree(s, expected, null, `baseline ${b.id} deleted`);
}

// --- Setup -------------------------------------------------------------------------------------

const section = (page, name) => page.locator('[data-role="setup"]').getByRole('region', { name, exact: true });
const team = (page, name) => section(page, 'Workstreams (teams)').getByRole('group', { name, exact: true });

/** Waits for a Setup field's refusal (returned) or for `done` to show. */
async function setupOutcome(page, scope, done) {
  const error = scope.locator('[data-role="setup-error"]');
  await done.or(error).first().waitFor({ timeout: 5_000 });
  return (await error.count()) ? (await error.first().textContent()).trim() : null;
}

async function addHoliday(s) {
  const doc = s.model.doc;
  const day = doc.holidays.length && s.rng.chance(0.15) ? s.rng.pick(doc.holidays) : date(s.rng);
  const expected = s.model.act('program', (d) => {
    if (d.holidays.includes(day)) return 'a holiday already';
    d.holidays = [...d.holidays, day].sort();
  });
  await openTab(s.page, 'setup');
  const calendar = section(s.page, 'Working calendar');
  await calendar.getByLabel('Holiday', { exact: true }).fill(day);
  await calendar.getByRole('button', { name: 'Add holiday' }).click();
  const refusal = expected.refused
    ? await setupOutcome(s.page, calendar, s.page.locator('#never-there'))
    : await setupOutcome(s.page, calendar, calendar.locator(`.holiday[data-date="${day}"]`));
  agree(s, expected, refusal, `holiday ${day}`);
}

async function addWorkstream(s) {
  const doc = s.model.doc;
  const name = doc.workstreams.length > 1 && s.rng.chance(0.15)
    ? s.rng.pick(doc.workstreams).name.toLowerCase()
    : `Team ${freshName(s, true)}`;
  s.wsCount = (s.wsCount ?? 0) + 1;
  const expected = s.model.act('program', (d) => {
    if (wsByName(d, name)) return 'a workstream of that name exists';
    d.workstreams.push({ key: `w${s.wsCount}`, name: name.trim() });
  });
  await openTab(s.page, 'setup');
  const teams = section(s.page, 'Workstreams (teams)');
  await teams.getByRole('textbox', { name: 'New workstream' }).fill(name);
  await teams.getByRole('button', { name: 'Add workstream' }).click();
  const refusal = await setupOutcome(s.page, teams, expected.refused ? s.page.locator('#never-there') : team(s.page, name.trim()));
  agree(s, expected, refusal, `add workstream ${JSON.stringify(name)}`);
}

async function renameWorkstream(s) {
  const doc = s.model.doc;
  const ws = s.rng.pick(doc.workstreams);
  const other = doc.workstreams.find((w) => w !== ws);
  const name = other && s.rng.chance(0.15) ? other.name : `Team ${freshName(s, true)}`;
  const expected = s.model.act('program', (d) => {
    const clash = d.workstreams.find((w) => w.key !== ws.key && w.name.toLowerCase() === name.trim().toLowerCase());
    if (clash) return 'a workstream of that name exists';
    d.workstreams.find((w) => w.key === ws.key).name = name.trim();
  });
  await openTab(s.page, 'setup');
  const row = team(s.page, ws.name);
  const field = row.getByRole('textbox', { name: 'Name', exact: true });
  await field.fill(name);
  await field.press('Enter');
  const refusal = await setupOutcome(s.page, row, expected.refused ? s.page.locator('#never-there') : team(s.page, name.trim()));
  agree(s, expected, refusal, `rename workstream ${JSON.stringify(ws.name)} → ${JSON.stringify(name)}`);
  if (refusal) await field.fill(ws.name);
}

/** The program's name, typed into the field at the head of the program. */
async function renameProgram(s) {
  const name = s.rng.chance(0.1) ? '' : `Soak ${freshName(s)}`;
  const expected = s.model.act('program', (d) => {
    if (!name.trim()) return 'a program needs a name';
    if (d.name === name.trim()) return NOOP;
    d.name = name.trim();
  });
  const field = s.page.locator('[data-field="program-name"]');
  await field.fill(name);
  await field.press('Enter');
  const error = s.page.locator('[data-role="program-name-error"]');
  if (expected.refused) await error.waitFor({ timeout: 2_000 }).catch(() => {});
  agree(s, expected, (await error.count()) ? (await error.textContent()).trim() : null, `rename program ${JSON.stringify(name)}`);
}

// --- tabs ---------------------------------------------------------------------------------------

async function switchTab(s) {
  const key = s.rng.pick(['plan', 'plan', 'map', 'scenarios', 'forecast', 'snapshots', 'setup']);
  await openTab(s.page, key);
  s.note(`tab ${key}`);
}

/** Every action, with its weight given the program as the model has it (0: not now). */
export function weights(model) {
  const doc = model.doc;
  const n = doc.tasks.length;
  const few = n < 6;
  const many = n > 30;
  return {
    cellEdit: n ? 30 : 0,
    newRow: few ? 20 : many ? 1 : 6,
    insertRow: n && !many ? 3 : 0,
    deleteRows: n ? (many ? 12 : 3) : 0,
    paste: many ? 0 : few ? 8 : 3,
    ganttMove: n ? 3 : 0,
    ganttResize: n ? 3 : 0,
    ganttLink: n > 1 ? 4 : 0,
    undo: 10,
    redo: 5,
    quickImpact: n ? 3 : 0,
    newScenario: 1,
    deleteScenario: doc.scenarios.length ? 1.5 : 0,
    promote: doc.scenarios.length ? 1.5 : 0,
    saveBaseline: doc.baselines.length < 3 ? 1 : 0,
    deleteBaseline: doc.baselines.length ? 0.7 : 0,
    addHoliday: 1.5,
    addWorkstream: doc.workstreams.length < 5 ? 1 : 0,
    renameWorkstream: 1,
    renameProgram: 0.7,
    switchTab: 3,
  };
}

export const ACTIONS = {
  cellEdit, newRow, insertRow, deleteRows, paste, ganttMove, ganttResize, ganttLink,
  undo: (s) => undoRedo(s, 'undo'),
  redo: (s) => undoRedo(s, 'redo'),
  quickImpact, newScenario, deleteScenario, promote, saveBaseline, deleteBaseline,
  addHoliday, addWorkstream, renameWorkstream, renameProgram, switchTab,
};
