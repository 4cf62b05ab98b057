//! What an edit in the plan view does to the DOM: the mutations (nodes added and removed,
//! attributes set by name, texts changed) in the grid and the chart per edited duration, on
//! the release build (`$PLANWORK_DIST`, else dist/). Tells re-created rows from patched ones.
//!
//!   node bench/web/app-plan-mutations.mjs PROGRAM.planwork.json [EDITS]

import { collectErrors, finish, importProgram, openApp } from './browser.mjs';

const file = process.argv[2];
const edits = Number(process.argv[3] ?? 5);
const { server, context, close } = await openApp('planwork-plan-mutations-');
const errors = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  collectErrors(page, errors);
  const row = await importProgram(page, server.url, file);
  const id = await row.getAttribute('data-task-id');
  const cell = page.locator(`.plan-grid .task-row[data-task-id="${id}"] [data-col="duration"]`);
  for (let run = 0; run < edits + 1; run++) {
    await cell.click();
    await page.keyboard.press('Enter');
    const input = page.locator('[data-role="cell-input"]');
    await input.fill(`${3 + (run % 5)}d`);
    await page.evaluate(() => {
      window.__counts = {};
      window.__links = [...document.querySelectorAll('.gantt-link')].map((p) => p.getAttribute('d'));
      const count = (k, n = 1) => { window.__counts[k] = (window.__counts[k] ?? 0) + n; };
      window.__observer?.disconnect();
      window.__observer = new MutationObserver((records) => {
        for (const r of records) {
          const where = r.target.closest?.('.gantt') || r.target.parentElement?.closest('.gantt') ? 'chart' : 'grid';
          if (r.type === 'childList') {
            count(`${where} nodes added`, r.addedNodes.length);
            count(`${where} nodes removed`, r.removedNodes.length);
          } else if (r.type === 'attributes') count(`${where} attr ${r.attributeName}`);
          else count(`${where} text`);
        }
      });
      for (const el of document.querySelectorAll('.plan-grid .grid-body, .gantt-body')) {
        window.__observer.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
      }
    });
    const before = await page.evaluate(() => performance.getEntriesByName('planwork:edit-repaint').length);
    await input.press('Enter');
    await page.waitForFunction((n) => performance.getEntriesByName('planwork:edit-repaint').length > n, before);
    await page.waitForTimeout(50);
    const counts = await page.evaluate(() => {
      // Arrows whose path is new (not among the paths drawn before the edit), and all arrows.
      const was = new Set(window.__links);
      const now = [...document.querySelectorAll('.gantt-link')].map((p) => p.getAttribute('d'));
      return { ...window.__counts, 'chart arrows': now.length, 'chart arrows moved': now.filter((d) => !was.has(d)).length };
    });
    if (run > 0) console.log(JSON.stringify(Object.entries(counts).sort()));
  }
  if (errors.length) console.error(errors.join('\n'));
} finally {
  await close();
  server.close();
}
