import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { navigateTo, PM, signIn } from './helpers';

// The demo project manager plans their project in the Gantt: adds and links tasks, sees the
// dates move, sets a baseline, exports the plan and imports an MS Project file.
test.describe.configure({ mode: 'serial' });

// The shared corpus sits beside the repository (the tests run from e2e/).
const corpusFile = fileURLToPath(
  new URL('../../../shared/corpus/mspdi/mpxj/mspdirelations.xml', import.meta.url),
);
const shots = 'test-results/plan';

async function openPlan(page: Page) {
  await signIn(page, PM);
  await navigateTo(page, 'Projects');
  await page.getByRole('link', { name: 'PRJ-0001' }).first().click();
  await page.getByRole('tab', { name: 'Plan' }).click();
  const grid = page.getByRole('grid', { name: /^Tasks of / });
  await expect(grid).toBeVisible();
  return grid;
}

const row = (grid: Locator, name: string) =>
  grid.getByRole('row').filter({ has: grid.page().getByText(name, { exact: true }) });
const cell = (r: Locator, column: number) => r.locator(`[aria-colindex="${column}"]`);
const START = 5;
const FINISH = 6;
const DURATION = 4;

/** Adds a task at the end of the plan and names it (the new row opens its name for typing). */
async function addTask(page: Page, grid: Locator, name: string) {
  await page.getByRole('button', { name: 'Add task' }).click();
  const editor = grid.getByRole('textbox', { name: /^Task name of New task/ });
  await expect(editor).toBeVisible();
  await editor.fill(name);
  await editor.press('Enter');
  await expect(row(grid, name)).toBeVisible();
}

test('add tasks, link them and see the dates move', async ({ page }) => {
  const grid = await openPlan(page);
  const stamp = Date.now().toString(36);
  const design = `Design ${stamp}`;
  const build = `Build ${stamp}`;
  await addTask(page, grid, design);
  await addTask(page, grid, build);

  // A longer design: type into the Duration cell like a spreadsheet.
  await cell(row(grid, design), DURATION).click();
  await page.keyboard.type('5d');
  await page.keyboard.press('Enter');
  await expect(cell(row(grid, design), DURATION)).toHaveText('5d');

  const buildStart = (await cell(row(grid, build), START).textContent()) ?? '';
  // Select both rows (click, then Shift+Down) and link them, finish to start.
  await cell(row(grid, design), 3).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.getByRole('button', { name: 'Link tasks' }).click();
  await expect(cell(row(grid, build), START)).not.toHaveText(buildStart);
  const designFinish = await cell(row(grid, design), FINISH).textContent();
  const movedStart = await cell(row(grid, build), START).textContent();
  expect(Date.parse(movedStart ?? '')).toBeGreaterThanOrEqual(Date.parse(designFinish ?? ''));

  // Start no earlier than a typed date, as MS Project sets it.
  await cell(row(grid, design), START).click();
  await page.keyboard.press('Enter');
  const editor = grid.getByRole('textbox', { name: `Start of ${design}` });
  await editor.fill('2027-03-01');
  await editor.press('Enter');
  await expect(cell(row(grid, design), START)).toHaveText('Mar 1, 2027');
  await expect(cell(row(grid, build), START)).toHaveText('Mar 8, 2027');

  await expect(page.getByRole('switch', { name: 'Critical path' })).toBeChecked();
  await page.screenshot({ path: `${shots}-gantt.png` });
});

/**
 * Where a task's bar is on screen: the longest run of coloured pixels across the middle of its
 * row on the bars canvas (bars are drawn, not elements, so the test reads the picture).
 */
async function barOf(page: Page, grid: Locator, name: string) {
  const box = (await cell(row(grid, name), 3).boundingBox())!;
  const y = box.y + box.height / 2;
  const canvas = page.locator('canvas').nth(1);
  const c = (await canvas.boundingBox())!;
  type Canvas = {
    width: number;
    getBoundingClientRect(): { width: number };
    getContext(kind: '2d'): {
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
  const span = await canvas.evaluate((node, yy: number) => {
    const el = node as unknown as Canvas;
    const ctx = el.getContext('2d');
    const scale = el.width / el.getBoundingClientRect().width;
    const data = ctx.getImageData(0, Math.round(yy * scale), el.width, 1).data;
    let best = [0, 0];
    let from = -1;
    for (let x = 0; x <= el.width; x++) {
      const i = x * 4;
      const coloured =
        x < el.width &&
        Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60;
      if (coloured && from < 0) from = x;
      if (!coloured && from >= 0) {
        if (x - from > best[1]! - best[0]!) best = [from, x];
        from = -1;
      }
    }
    return best.map((v) => v / scale);
  }, y - c.y);
  expect(span[1]! - span[0]!, `the bar of ${name} is in view`).toBeGreaterThan(8);
  return { x1: c.x + span[0]!, x2: c.x + span[1]!, y };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await page.mouse.up();
}

test('drag bars to move, resize and link them', async ({ page }) => {
  const grid = await openPlan(page);
  const stamp = Date.now().toString(36);
  const a = `Survey ${stamp}`;
  const b = `Report ${stamp}`;
  await addTask(page, grid, a);
  await addTask(page, grid, b);
  await page.getByText('Days', { exact: true }).click();
  await cell(row(grid, a), 3).click(); // brings its bar into view

  // Move: drag the bar three days or so to the right; it starts later.
  const startBefore = await cell(row(grid, a), START).textContent();
  let bar = await barOf(page, grid, a);
  await drag(
    page,
    { x: (bar.x1 + bar.x2) / 2 - 4, y: bar.y },
    { x: (bar.x1 + bar.x2) / 2 - 4 + (bar.x2 - bar.x1) * 3, y: bar.y },
  );
  await expect(cell(row(grid, a), START)).not.toHaveText(startBefore ?? '');

  // Resize: drag its right end; it lasts longer.
  await cell(row(grid, a), 3).click();
  bar = await barOf(page, grid, a);
  await drag(page, { x: bar.x2 - 2, y: bar.y }, { x: bar.x2 - 2 + (bar.x2 - bar.x1) * 2, y: bar.y });
  await expect(cell(row(grid, a), DURATION)).not.toHaveText('1d');

  // Link: drag from the handle past its finish onto the other bar; that one now follows.
  await cell(row(grid, a), 3).click();
  bar = await barOf(page, grid, a);
  const other = await barOf(page, grid, b);
  const finishA = await cell(row(grid, a), FINISH).textContent();
  await drag(page, { x: bar.x2 + 8, y: bar.y }, { x: other.x1 + 2, y: other.y });
  await expect
    .poll(async () => Date.parse((await cell(row(grid, b), START).textContent()) ?? ''))
    .toBeGreaterThan(Date.parse(finishA ?? ''));
  await page.screenshot({ path: `${shots}-gestures.png` });
});

test('task information: constraint, predecessor with a lag, notes', async ({ page }) => {
  const grid = await openPlan(page);
  const stamp = Date.now().toString(36);
  const a = `Order ${stamp}`;
  const b = `Deliver ${stamp}`;
  await addTask(page, grid, a);
  await addTask(page, grid, b);
  await cell(row(grid, a), 3).click();
  await page.keyboard.press('Shift+F2');
  let dialog = page.getByRole('dialog', { name: new RegExp(`Task \\d+: ${a}`) });
  await dialog.getByRole('tab', { name: 'Advanced' }).click();
  await dialog.getByRole('textbox', { name: 'Constraint', exact: true }).click();
  await page.getByRole('option', { name: 'Must start on' }).click();
  await dialog.getByLabel('Constraint date').fill('2027-04-05T08:00');
  await dialog.getByRole('tab', { name: 'Notes' }).click();
  await dialog.getByRole('textbox', { name: 'Notes' }).fill('Three quotes needed');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(row(grid, a), START)).toHaveText('Apr 5, 2027');

  await cell(row(grid, b), 3).click();
  await page.getByRole('button', { name: 'Task information' }).click();
  dialog = page.getByRole('dialog', { name: new RegExp(`Task \\d+: ${b}`) });
  await dialog.getByRole('tab', { name: /Predecessors/ }).click();
  await dialog.getByRole('button', { name: 'Add a predecessor' }).click();
  await dialog.getByRole('textbox', { name: 'Predecessor' }).fill(a);
  await page.getByRole('option', { name: new RegExp(a) }).click();
  await dialog.getByRole('textbox', { name: 'Lag' }).fill('2d');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // Order runs Apr 5 (a one-day task); Deliver follows two working days later.
  await expect(cell(row(grid, b), START)).toHaveText('Apr 8, 2027');
  await page.screenshot({ path: `${shots}-task-information.png` });
});

test('a day off in the project calendar moves the work after it', async ({ page }) => {
  const grid = await openPlan(page);
  const name = `Pour ${Date.now().toString(36)}`;
  await addTask(page, grid, name);
  await cell(row(grid, name), DURATION).click();
  await page.keyboard.type('3d');
  await page.keyboard.press('Enter');
  await cell(row(grid, name), START).click();
  await page.keyboard.press('Enter');
  const start = grid.getByRole('textbox', { name: `Start of ${name}` });
  await start.fill('2027-03-01');
  await start.press('Enter');
  await expect(cell(row(grid, name), FINISH)).toHaveText('Mar 3, 2027');

  await page.getByRole('button', { name: 'Calendars' }).click();
  const dialog = page.getByRole('dialog', { name: 'Working calendars' });
  await dialog.getByRole('button', { name: 'Add an exception' }).click();
  await dialog.getByRole('textbox', { name: 'Exception name' }).last().fill('Site closed');
  await dialog.getByLabel('From').last().fill('2027-03-02');
  await dialog.getByLabel('To').last().fill('2027-03-02');
  await page.screenshot({ path: `${shots}-calendars.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(row(grid, name), FINISH)).toHaveText('Mar 4, 2027');
});

test('set a baseline and export the plan', async ({ page }) => {
  await openPlan(page);
  await page.getByRole('button', { name: 'Set baseline' }).click();
  await page.getByRole('menuitem', { name: /^Baseline 1\b/ }).click();
  await expect(page.locator('input[aria-label="Baseline shown"]')).toHaveValue('Baseline 1');
  await page.getByText('Days', { exact: true }).click();
  await page.screenshot({ path: `${shots}-baseline-days.png` });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export' }).click();
  const file = await (await download).path();
  const xml = readFileSync(file, 'utf8');
  expect(xml).toContain('<Project');
  expect(xml).toContain('<Tasks>');
});

test('import an MS Project file', async ({ page }) => {
  const grid = await openPlan(page);
  await page.locator('input[type="file"]').setInputFiles(corpusFile);
  const dialog = page.getByRole('dialog', { name: /^Import / });
  await expect(dialog.getByText(/^\d+ tasks, \d+ links/)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${shots}-import.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row(grid, 'Task 5')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(6); // the header and the file's five tasks
  await page.getByText('Weeks', { exact: true }).click();
  await page.screenshot({ path: `${shots}-imported.png` });
});

test("a program's timeline shows its projects and their milestones", async ({ page }) => {
  await signIn(page, 'program@pharos.demo');
  await navigateTo(page, 'Programs');
  await page.getByRole('link', { name: 'Cloud First' }).first().click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('img', { name: /^Timeline of \d+ projects/ })).toBeVisible();
  const table = page.getByRole('table').last();
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(table).toContainText('PRJ-');
  await page.screenshot({ path: `${shots}-timeline.png`, fullPage: true });
});
