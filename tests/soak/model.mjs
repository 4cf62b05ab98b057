// The soak's independent model of a program: what the program should be after each user
// action, worked out here in plain JavaScript from the rules in README.md (the plan grid,
// the chart, scenarios, baselines, Setup) and never read from the app. `Model` holds the
// document (tasks, links, workstreams, holidays, scenarios, baselines) and an undo history
// that mirrors the app's (one user action, one step; the last 50 steps each way survive a
// reload). `normalise` turns a stored program file into the same shape, so the two can be
// compared field by field (`differences`).
//
// Adding a kind of edit: give the document the field (in `emptyDoc`, `normaliseModel` and
// `normalise`), and write the edit as a function of a draft document that returns nothing
// (done), NOOP (nothing changes: no undo step) or a refusal string — then call it through
// `Model.act` from the action (actions.mjs).

export const NOOP = Symbol('no change');

/** Steps kept across a reload, and the bytes they may take (src/history.rs). */
const STORED_STEPS = 50;
const STORED_BYTES = 256 * 1024;
/** Steps kept in memory (engine::edit::UNDO_LIMIT), and document steps among them. */
const UNDO_LIMIT = 500;
const DOCUMENT_STEPS = 100;
const MAX_DAYS = 100_000;

const clone = (value) => structuredClone(value);

// --- dates (ISO strings, UTC arithmetic) -----------------------------------------------------

const DAY = 86_400_000;
export const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekday = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`)).getUTCDay();

/** Working days (Monday to Friday, not a holiday) from `from` to `to`, both included. */
export function workingDays(from, to, holidays) {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6 && !holidays.includes(d)) n += 1;
  }
  return n;
}

// --- the document ---------------------------------------------------------------------------

/** A new program as the app makes it: one workstream, "General", no tasks. */
export function emptyDoc(name, start) {
  return {
    name,
    start,
    holidays: [],
    workstreams: [{ key: 'w0', name: 'General' }],
    tasks: [],
    deps: [],
    scenarios: [],
    baselines: [],
    active: null,
  };
}

/** A new task as the grid makes it: one day, not a milestone, nothing else set. */
export function newTask(id, name, ws) {
  return {
    id, name, ws, duration: 1, milestone: false, constraint: null, deadline: null,
    estimate: null, actualStart: null, actualFinish: null, percent: 0,
  };
}

export const taskById = (doc, id) => doc.tasks.find((t) => t.id === id);
export const wsByName = (doc, name) =>
  doc.workstreams.find((w) => w.name.trim().toLowerCase() === name.trim().toLowerCase());

/** The next numeric task id: one more than the largest number used, skipping `taken`. */
export function nextId(doc, taken = []) {
  const ids = [...doc.tasks.map((t) => t.id), ...taken];
  let n = ids.filter((id) => /^\d+$/.test(id)).reduce((m, id) => Math.max(m, Number(id)), 0) + 1;
  while (ids.includes(String(n))) n += 1;
  return String(n);
}

/** The first free `prefix` + number (scenario s1, s2 …; baseline b1 …). */
export function nextItemId(prefix, items) {
  for (let n = 1; ; n++) if (!items.some((i) => i.id === `${prefix}${n}`)) return `${prefix}${n}`;
}

/** Where a task typed into the empty row (or pasted) goes: the last task's workstream, else
 *  the first. */
export const defaultWs = (doc) => (doc.tasks.length ? doc.tasks[doc.tasks.length - 1].ws : doc.workstreams[0].key);

/** Tasks in the grid's order: by workstream, then as in the program. */
export function displayOrder(doc) {
  return doc.workstreams.flatMap((w) => doc.tasks.filter((t) => t.ws === w.key));
}

/** Whether the links `deps` have a cycle. */
export function hasCycle(tasks, deps) {
  const next = new Map(tasks.map((t) => [t.id, []]));
  for (const d of deps) next.get(d.from)?.push(d.to);
  const state = new Map();
  const visit = (id) => {
    // Iterative depth-first search: 0 new, 1 on the stack, 2 done.
    const stack = [[id, 0]];
    state.set(id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const succ = next.get(top[0]) ?? [];
      if (top[1] < succ.length) {
        const s = succ[top[1]++];
        if (state.get(s) === 1) return true;
        if (!state.get(s)) {
          state.set(s, 1);
          stack.push([s, 0]);
        }
      } else {
        state.set(top[0], 2);
        stack.pop();
      }
    }
    return false;
  };
  return tasks.some((t) => !state.get(t.id) && visit(t.id));
}

/** What the engine's check refuses in a program (the subset the soak can produce). */
export function programProblem(doc) {
  for (const t of doc.tasks) {
    if (t.milestone && t.duration !== 0) return `milestone ${t.id} has a duration`;
    if (t.actualStart && t.actualFinish && t.actualFinish < t.actualStart) return `${t.id} finished before it started`;
    if (t.duration > MAX_DAYS) return `${t.id} is too long`;
  }
  const pairs = new Set();
  for (const d of doc.deps) {
    if (d.from === d.to) return `${d.from} depends on itself`;
    if (pairs.has(`${d.from}>${d.to}`)) return `${d.from} → ${d.to} is linked more than once`;
    pairs.add(`${d.from}>${d.to}`);
  }
  if (hasCycle(doc.tasks, doc.deps)) return 'a dependency cycle';
  return null;
}

// --- scenarios ------------------------------------------------------------------------------

const clampDays = (x) => Math.min(Math.max(x, 0), MAX_DAYS);

/** The program's tasks with scenario `changes` applied (a change whose task is gone is
 *  skipped), as docs/file-format.md describes `slip` and `estimate`. */
export function applyScenario(doc, changes) {
  const out = clone(doc);
  for (const c of changes) {
    const t = taskById(out, c.task);
    if (!t) continue;
    if (c.change === 'slip') {
      t.duration = Math.max(t.duration + c.days, 0);
      if (t.estimate) for (const k of ['o', 'l', 'p']) t.estimate[k] = clampDays(t.estimate[k] + c.days);
    } else if (c.change === 'estimate') {
      const [old, now] = [t.duration, Math.max(c.days, 0)];
      t.duration = now;
      if (t.estimate) {
        for (const k of ['o', 'l', 'p']) {
          t.estimate[k] = clampDays(old > 0 ? (t.estimate[k] * now) / old : t.estimate[k] + now);
        }
      }
    } else {
      throw new Error(`the model cannot apply a ${c.change} change`);
    }
  }
  return out;
}

/** Why scenario `changes` cannot be scheduled (null: they can). */
export const scenarioProblem = (doc, changes) => programProblem(applyScenario(doc, changes));

// --- the model and its history ----------------------------------------------------------------

/** A rough upper bound of the JSON bytes a history step takes in the app's stored form. */
function stepBytes(kind, before, after) {
  const size = (x) => JSON.stringify(x).length;
  if (kind === 'document') {
    const baselines = before.baselines.reduce((n, b) => n + 40 + b.tasks.length * 60, 0);
    const program = before.withProgram ? size(before.tasks) * 2 + size(before.deps) * 2 : 0;
    return 2 * (200 + size(before.scenarios) + baselines + program);
  }
  // A program step holds its edits and their inverses: the tasks and links that differ.
  const key = (t) => JSON.stringify(t);
  const changed = (a, b) => a.filter((x) => !b.some((y) => key(y) === key(x)));
  const touched = [
    ...changed(before.tasks, after.tasks), ...changed(after.tasks, before.tasks),
    ...changed(before.deps, after.deps), ...changed(after.deps, before.deps),
  ];
  const other = key(before.workstreams) !== key(after.workstreams) || key(before.holidays) !== key(after.holidays)
    ? size(before.workstreams) + size(after.workstreams) + size(before.holidays) + size(after.holidays) : 0;
  // Inserting or removing a task rewrites the predecessors it had (as whole lists).
  return 400 + 3 * (touched.reduce((n, x) => n + size(x) + 120, 0) + other);
}

/** The program as it should be, with undo and redo. */
export class Model {
  constructor(name, start) {
    this.doc = emptyDoc(name, start);
    this.done = [];
    this.undone = [];
    // The app may hold older steps than the model knows (after a reload cut the history by
    // its size): then the model never undoes past what it knows.
    this.doneCut = false;
    this.undoneCut = false;
  }

  /** Makes one user action: `edit(draft)` changes a copy of the document and returns
   *  nothing (done), NOOP, or a refusal. `kind`: 'program' (the engine's edits) or
   *  'document' (scenarios, baselines; `withProgram` when it replaces the program too).
   *  Returns {done} or {refused: reason} or {noop}. */
  act(kind, edit, { withProgram = false } = {}) {
    const draft = clone(this.doc);
    const result = edit(draft);
    if (result === NOOP) return { noop: true };
    if (typeof result === 'string') return { refused: result };
    if (kind === 'program') {
      const problem = programProblem(draft);
      if (problem) return { refused: problem };
    }
    const before = { ...clone(this.doc), withProgram };
    this.done.push({ kind, state: before, bytes: stepBytes(kind, before, draft) });
    this.undone = [];
    this.undoneCut = false;
    if (this.done.length > UNDO_LIMIT) {
      this.done.shift();
      this.doneCut = true;
    }
    if (this.done.filter((s) => s.kind === 'document').length > DOCUMENT_STEPS) {
      this.done.splice(0, this.done.findIndex((s) => s.kind === 'document') + 1);
      this.doneCut = true;
    }
    this.doc = draft;
    return { done: true };
  }

  /** Undo: whether the model knows a step to undo (else the action is not tried). */
  get canUndo() {
    return this.done.length > 0;
  }

  get canRedo() {
    return this.undone.length > 0;
  }

  undo() {
    this.#swap(this.done, this.undone);
  }

  redo() {
    this.#swap(this.undone, this.done);
  }

  #swap(from, to) {
    const step = from.pop();
    const now = { ...clone(this.doc), withProgram: step.state.withProgram };
    const bytes = step.kind === 'document' ? stepBytes('document', now, step.state) : step.bytes;
    to.push({ kind: step.kind, state: now, bytes });
    const { withProgram, ...restored } = step.state;
    if (step.kind === 'document' && !withProgram) {
      // A document step swaps the scenarios and baselines only.
      this.doc = { ...this.doc, scenarios: restored.scenarios, baselines: restored.baselines, active: restored.active };
    } else if (step.kind === 'document') {
      this.doc = restored;
    } else {
      this.doc = { ...restored, scenarios: this.doc.scenarios, baselines: this.doc.baselines, active: this.doc.active };
    }
  }

  /** After a reload: the history as it was stored (newest first, 50 each way, within the
   *  byte budget; the done steps first). */
  reloaded() {
    let budget = STORED_BYTES;
    const keep = (steps) => {
      const kept = [];
      for (const step of [...steps].reverse().slice(0, STORED_STEPS)) {
        if (step.bytes + 1 > budget) break;
        budget -= step.bytes + 1;
        kept.unshift(step);
      }
      return kept;
    };
    const done = keep(this.done);
    const undone = keep(this.undone);
    this.doneCut ||= done.length < this.done.length;
    this.undoneCut ||= undone.length < this.undone.length;
    this.done = done;
    this.undone = undone;
  }

  /** A program opened afresh (an imported copy): no history. */
  forgetHistory() {
    this.done = [];
    this.undone = [];
    this.doneCut = false;
    this.undoneCut = false;
  }
}

// --- comparison -------------------------------------------------------------------------------

const estimateText = (o, l, p, dist) => `${o}/${l}/${p} ${dist ?? 'pert'}`;
const linkText = (d) => `${d.from}→${d.to} ${d.type ?? 'FS'}${d.lag ? (d.lag > 0 ? `+${d.lag}` : d.lag) : ''}`;
const sortedKeys = (value) =>
  JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** The model's document in the compared shape. */
export function normaliseModel(doc) {
  const wsName = new Map(doc.workstreams.map((w) => [w.key, w.name]));
  return {
    name: doc.name,
    start: doc.start,
    holidays: [...doc.holidays].sort(),
    workstreams: doc.workstreams.map((w) => w.name),
    tasks: doc.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      workstream: wsName.get(t.ws),
      duration: t.duration,
      milestone: t.milestone,
      constraint: t.constraint ? `${t.constraint.type} ${t.constraint.date}` : null,
      deadline: t.deadline,
      estimate: t.estimate ? estimateText(t.estimate.o, t.estimate.l, t.estimate.p, t.estimate.dist) : null,
      actual_start: t.actualStart,
      actual_finish: t.actualFinish,
      percent: t.percent,
    })),
    links: doc.deps.map(linkText).sort(),
    scenarios: doc.scenarios.map((s) => ({ id: s.id, name: s.name, changes: s.changes.map(sortedKeys) })),
    baselines: doc.baselines.map((b) => ({ id: b.id, name: b.name, tasks: b.tasks })),
    active_baseline: doc.active,
  };
}

/** A stored program file (the JSON text of `texts` or an export) in the compared shape. */
export function normalise(file) {
  const wsName = new Map(file.workstreams.map((w) => [w.id, w.name]));
  return {
    name: file.program.name,
    start: file.program.start,
    holidays: [...(file.calendar?.holidays ?? [])].sort(),
    workstreams: file.workstreams.map((w) => w.name),
    tasks: file.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      workstream: wsName.get(t.workstream) ?? `(unknown workstream ${t.workstream})`,
      duration: t.duration,
      milestone: Boolean(t.milestone),
      constraint: t.constraint ? `${t.constraint.type} ${t.constraint.date}` : null,
      deadline: t.deadline ?? null,
      estimate: t.estimate
        ? estimateText(t.estimate.optimistic, t.estimate.likely, t.estimate.pessimistic, t.estimate.distribution)
        : null,
      actual_start: t.actual_start ?? null,
      actual_finish: t.actual_finish ?? null,
      percent: t.percent_complete ?? 0,
    })),
    links: (file.dependencies ?? []).map(linkText).sort(),
    scenarios: (file.scenarios ?? []).map((s) => ({ id: s.id, name: s.name, changes: s.changes.map(sortedKeys) })),
    baselines: (file.baselines ?? []).map((b) => ({ id: b.id, name: b.name, tasks: b.tasks.map((t) => t.id) })),
    active_baseline: file.active_baseline ?? null,
  };
}

/** The fields in which `stored` differs from `expected` (both normalised), as lines. */
export function differences(expected, stored) {
  const out = [];
  const show = (v) => JSON.stringify(v);
  for (const key of ['name', 'start', 'holidays', 'workstreams', 'links', 'active_baseline']) {
    if (show(expected[key]) !== show(stored[key])) out.push(`${key}: expected ${show(expected[key])}, stored ${show(stored[key])}`);
  }
  const ids = (list) => list.map((x) => x.id);
  for (const key of ['tasks', 'scenarios', 'baselines']) {
    if (show(ids(expected[key])) !== show(ids(stored[key]))) {
      out.push(`${key} ids: expected ${show(ids(expected[key]))}, stored ${show(ids(stored[key]))}`);
      continue;
    }
    expected[key].forEach((item, i) => {
      for (const [field, value] of Object.entries(item)) {
        if (show(value) !== show(stored[key][i][field])) {
          out.push(`${key} ${item.id}.${field}: expected ${show(value)}, stored ${show(stored[key][i][field])}`);
        }
      }
    });
  }
  return out;
}

/** The model's document read back from a stored program file: after a mismatch, with
 *  --keep-going, the soak goes on from what was stored. */
export function fromFile(file) {
  const key = new Map(file.workstreams.map((w, i) => [w.id, `f${i}`]));
  return {
    name: file.program.name,
    start: file.program.start,
    holidays: [...(file.calendar?.holidays ?? [])].sort(),
    workstreams: file.workstreams.map((w) => ({ key: key.get(w.id), name: w.name })),
    tasks: file.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      ws: key.get(t.workstream),
      duration: t.duration,
      milestone: Boolean(t.milestone),
      constraint: t.constraint ? { type: t.constraint.type, date: t.constraint.date } : null,
      deadline: t.deadline ?? null,
      estimate: t.estimate ? {
        o: t.estimate.optimistic, l: t.estimate.likely, p: t.estimate.pessimistic, dist: t.estimate.distribution ?? 'pert',
      } : null,
      actualStart: t.actual_start ?? null,
      actualFinish: t.actual_finish ?? null,
      percent: t.percent_complete ?? 0,
    })),
    deps: (file.dependencies ?? []).map((d) => ({ from: d.from, to: d.to, type: d.type ?? 'FS', lag: d.lag ?? 0 })),
    scenarios: (file.scenarios ?? []).map((sc) => ({ id: sc.id, name: sc.name, description: sc.description ?? '', changes: sc.changes })),
    baselines: (file.baselines ?? []).map((b) => ({ id: b.id, name: b.name, tasks: b.tasks.map((t) => t.id) })),
    active: file.active_baseline ?? null,
  };
}
