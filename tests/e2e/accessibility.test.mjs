// End-to-end: every control has a name a person and a test can find it by (issue 15). On the
// home view and each tab of the example program (with the Plan tab's column list, filters
// and help open, a forecast run, a scenario opened), Chromium's own accessibility tree is
// read and every button, link, field, list, check box, radio button and tab must have a
// non-empty accessible name. After opening a program the keyboard focus is in the plan
// grid, not on the page's body.
//
//   PLANWORK_URL=http://127.0.0.1:8080/ node --test tests/e2e/accessibility.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, home } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The roles a person operates. */
const CONTROLS = new Set([
  'button', 'link', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio', 'spinbutton',
  'tab', 'slider', 'switch', 'menuitem', 'option',
]);

/** The controls on `page` that have no accessible name: "role <tag attrs…>". */
async function unnamed(page) {
  const client = await page.context().newCDPSession(page);
  const { nodes } = await client.send('Accessibility.getFullAXTree');
  const missing = [];
  for (const node of nodes) {
    const role = node.role?.value;
    if (node.ignored || !CONTROLS.has(role)) continue;
    if ((node.name?.value ?? '').trim() !== '') continue;
    let where = '';
    if (node.backendDOMNodeId) {
      const { node: dom } = await client.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId });
      where = `<${dom.localName} ${(dom.attributes ?? []).join(' ')}>`;
    }
    missing.push(`${role} ${where}`);
  }
  await client.detach();
  return missing;
}

test('every control on the home view and on each tab of a program has a name', async () => {
  const { context, page, problems } = await openPage(browser);
  await home(page);
  assert.deepEqual(await unnamed(page), [], 'home view');

  await page.getByRole('button', { name: 'Open example' }).click();
  await page.locator('main[data-view="program"] .plan-grid .task-row').first().waitFor({ timeout: 20_000 });
  // The focus is in the grid, ready for typing, not lost on the page's body.
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'grid');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('button', { name: 'Keys and formats' }).click();
  assert.deepEqual(await unnamed(page), [], 'the Plan tab');
  await page.keyboard.press('Escape');

  for (const name of ['Dependency map', 'Load', 'Scenarios', 'Forecast', 'Snapshots', 'Setup']) {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.locator(`[role="tabpanel"], main section`).first().waitFor();
    if (name === 'Scenarios') {
      await page.getByRole('searchbox', { name: 'Tasks' }).fill('Landing zone');
      await page.getByRole('button', { name: /Landing zone design/ }).click();
      await page.getByRole('textbox', { name: /Working days/ }).fill('1w');
      await page.getByRole('button', { name: 'Save as scenario' }).click();
      await page.locator('tr[data-scenario="s1"]').waitFor();
    }
    if (name === 'Forecast') {
      await page.getByRole('spinbutton', { name: 'Iterations' }).fill('500');
      await page.getByRole('spinbutton', { name: 'Iterations' }).dispatchEvent('change');
      await page.getByRole('button', { name: 'Run forecast' }).click();
      await page.locator('table.forecast-summary tr[data-finish=""] td[data-col="p80"]').waitFor({ timeout: 60_000 });
    }
    assert.deepEqual(await unnamed(page), [], `the ${name} tab`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
