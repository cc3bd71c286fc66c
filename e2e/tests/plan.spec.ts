import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { navigateTo, PM, signIn } from './helpers';

// The demo project manager plans their project in the Gantt: adds and links tasks, sees the
// dates move, sets a baseline, exports the plan and imports an MS Project file.
test.describe.configure({ mode: 'serial' });

const corpusFile = '/work/shared/corpus/mspdi/mpxj/mspdirelations.xml';
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
