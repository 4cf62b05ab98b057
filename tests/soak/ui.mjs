// The soak's hands: how a person does each thing in the app (click a cell and type, drag a
// bar, pick a tab), with Playwright on Debian's Chromium. Nothing here decides what should
// happen (model.mjs does) and nothing reads the program from the page except `stored`, which
// reads the program as stored (IndexedDB) for the comparison.

/** The soak's failures that are the app's fault, not the soak's. */
export class Mismatch extends Error {}

/** A grid cell of task `id` in column `col` (`name`, `duration`, …). */
export const cellOf = (page, id, col) => page.locator(`.plan-grid .grid-cell[data-row="t:${id}"][data-col="${col}"]`);
export const newRowName = (page) => page.locator('.plan-grid .new-row [data-col="name"]');
const input = (page) => page.locator('[data-role="cell-input"]');
const cellError = (page) => page.locator('[data-role="cell-error"]');

/** Brings `locator` (a grid row's cell or a chart bar, which only exist while in view) into
 *  the DOM by scrolling the plan's panes. */
export async function reveal(page, locator) {
  await settle(page);
  if (await locator.count()) return;
  const pane = page.locator('.plan-pane-grid');
  const height = await pane.evaluate((el) => el.scrollHeight);
  for (let top = 0; top <= height; top += 300) {
    await pane.evaluate((el, top) => { el.scrollTop = top; }, top);
    try {
      await locator.first().waitFor({ state: 'attached', timeout: 300 });
      return;
    } catch { /* not in view yet: scroll on */ }
  }
  throw new Mismatch(`not found in the plan: ${locator}`);
}

/** Waits two animation frames: what the app does after an action (the active cell scrolled
 *  into view, the grid focused when a view opens) is done before the next click is aimed,
 *  as a person's next click comes after they see the page. */
export async function settle(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Opens tab `key` of the program view (plan, map, scenarios, forecast, snapshots, setup). */
export async function openTab(page, key) {
  const tab = page.locator(`main[data-view="program"] [data-tab="${key}"]`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  const ready = {
    plan: '.plan-grid',
    scenarios: '[data-role="scenarios-panel"]',
    setup: '[data-role="setup"]',
  }[key];
  if (ready) await page.locator(ready).first().waitFor({ timeout: 10_000 });
}

/** Waits until the cell editor closed (the text was taken) or says why not. Returns the
 *  reason, or null when it was taken. */
async function cellOutcome(page) {
  await page.waitForFunction(
    () => !document.querySelector('[data-role="cell-input"]') || document.querySelector('[data-role="cell-error"]'),
    null,
    { timeout: 5_000 },
  );
  if (await cellError(page).count()) {
    const reason = (await cellError(page).textContent()).trim();
    await page.keyboard.press('Escape');
    await input(page).waitFor({ state: 'detached', timeout: 5_000 });
    return reason || '(refused)';
  }
  return null;
}

/** Types `text` into `cell` the way `how` says ('type': click and type over it; 'edit':
 *  Enter, then the whole text; 'double': double click, select all, type), commits with
 *  `key` (Enter or Tab). Returns the refusal, or null. */
export async function typeInto(page, cell, text, how = 'type', key = 'Enter') {
  await reveal(page, cell);
  await cell.click();
  if (how === 'type' && text !== '') {
    await page.keyboard.type(text);
  } else if (how === 'double') {
    await cell.dblclick();
    await input(page).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Control+a');
    if (text === '') await page.keyboard.press('Delete');
    else await page.keyboard.type(text);
  } else {
    await page.keyboard.press('Enter');
    await input(page).fill(text);
  }
  await input(page).waitFor({ timeout: 5_000 });
  await page.keyboard.press(key);
  return cellOutcome(page);
}

/** Types more of a row after a Tab: the active cell takes `text`, committed with `key`. */
export async function typeOn(page, text, key) {
  await page.keyboard.type(text);
  await input(page).waitFor({ timeout: 5_000 });
  await page.keyboard.press(key);
  return cellOutcome(page);
}

/** Pastes `text` into the grid as a spreadsheet does, with the empty row active; returns the
 *  refusal, or null. */
export async function pasteRows(page, text) {
  await reveal(page, newRowName(page));
  await newRowName(page).click();
  const before = await page.locator('.plan-grid').getAttribute('aria-rowcount');
  await page.locator('.plan-grid').evaluate((grid, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(
    (before) => document.querySelector('[data-role="cell-error"]')
      || document.querySelector('.plan-grid')?.getAttribute('aria-rowcount') !== before,
    before,
    { timeout: 5_000 },
  );
  return cellOutcome(page);
}

/** Takes the focus out of any field, so that Ctrl+Z is the app's undo, not the field's. */
export async function blur(page) {
  await page.evaluate(() => document.activeElement?.blur?.());
}

/** Waits until the status line says the program is saved. */
export async function saved(page) {
  await page.locator('[data-role="save-status"].status-saved').waitFor({ timeout: 15_000 });
}

/** The program file text stored for program `id` (IndexedDB `planwork`, store `texts`). */
export async function stored(page, id) {
  return page.evaluate(async (id) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('planwork');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise((resolve, reject) => {
        const get = db.transaction('texts', 'readonly').objectStore('texts').get(id);
        get.onsuccess = () => resolve(get.result?.text ?? null);
        get.onerror = () => reject(get.error);
      });
    } finally {
      db.close();
    }
  }, id);
}

/** The program id in the page's address (`#/program/<id>`). */
export function programId(page) {
  const match = /#\/program\/(.+)$/.exec(page.url());
  return match ? decodeURIComponent(match[1]) : null;
}

/** The centre of `locator`, scrolled into view. */
export async function centre(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Mismatch(`not visible: ${locator}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Whether the point is inside the chart's pane (a drag there lands on the chart). */
export async function inChart(page, point) {
  const box = await page.locator('.plan-pane-chart').boundingBox();
  return box && point.x > box.x + 4 && point.x < box.x + box.width - 20 && point.y > box.y + 40 && point.y < box.y + box.height - 20;
}

/** Presses at `from`, drags in steps to `to` and releases. */
export async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** What is stored of program `id`'s undo history: its revision against the program's, and
 *  how many steps each way (for a report when Undo or Redo disagrees with the model). */
export async function storedHistory(page, id) {
  return page.evaluate(async (id) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('planwork');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = (store) => new Promise((resolve, reject) => {
      const request = db.transaction(store, 'readonly').objectStore(store).get(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const [program, history] = [await get('programs'), await get('history')];
      const steps = history?.json ? JSON.parse(history.json) : null;
      return `program revision ${program?.revision}, history revision ${history?.revision}, `
        + `${steps ? `${steps.done.length} to undo, ${steps.undone.length} to redo` : 'no history'}`;
    } finally {
      db.close();
    }
  }, id);
}
