import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { field, label, navigateTo, PM, signIn } from './helpers';

// RAID (C8) end to end: a project manager adds a risk and finds it on the heat map, escalates an
// issue to the program office, and the PMO director sees it in that office's queue and takes it on.
test.describe.configure({ mode: 'serial' });

const DIRECTOR = 'director@pharos.demo';
const stamp = Date.now().toString(36).toUpperCase();
const riskTitle = `Browser risk ${stamp}`;
const issueTitle = `Browser issue ${stamp}`;
let projectUrl = '';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/raid-${name}.png` });
}

/** Picks an option of a select inside `scope` by its label. */
async function choose(page: Page, scope: Locator, text: string, option: string | RegExp) {
  await scope.getByRole('textbox', { name: label(text) }).click();
  await page.getByRole('listbox').last().getByRole('option', { name: option }).first().click();
}

/** Opens the RAID tab of the project manager's project. */
async function openRaidTab(page: Page) {
  if (!projectUrl) {
    await navigateTo(page, 'Projects');
    await page.getByRole('searchbox', { name: 'Search projects' }).fill('PRJ-0001');
    await page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: 'PRJ-0001' }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}/);
    projectUrl = new URL(page.url()).pathname;
  }
  await page.goto(`${projectUrl}?tab=raid`);
  await expect(page.getByRole('table', { name: 'RAID register' })).toBeVisible();
}

async function newItem(page: Page, kind: string) {
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: kind }).click();
  const form = page.getByRole('form', { name: `New ${kind.toLowerCase()}` });
  await expect(form).toBeVisible();
  return form;
}

test('a project manager adds a risk, scored as it is rated, and finds it on the heat map', async ({
  page,
}) => {
  await signIn(page, PM);
  await openRaidTab(page);
  const form = await newItem(page, 'Risk');
  // Without an impact the risk is refused beside the impacts, and nothing is written.
  await field(form, 'Title').fill(riskTitle);
  await form.getByRole('button', { name: 'Add risk' }).click();
  await expect(form.getByText('Rate the impact on at least one area')).toBeVisible();

  await choose(page, form, 'Probability', /^4 · Likely/);
  await choose(page, form, 'Impact on schedule', /^3 · Moderate/);
  await expect(form.getByLabel('Inherent rating 12, high')).toBeVisible();
  await choose(page, form, 'Impact on cost', /^5 · Severe/);
  // The score follows the worst impact: 4 × 5.
  await expect(form.getByLabel('Inherent rating 20, critical')).toBeVisible();
  await choose(page, form, 'Impact on cost', /^2 · Minor/);
  await expect(form.getByLabel('Inherent rating 12, high')).toBeVisible();
  await form.getByRole('button', { name: 'Add an action' }).click();
  await form
    .getByRole('textbox', { name: 'Action 1', exact: true })
    .fill('Agree a fallback date with the vendor');
  await shot(page, 'new-risk');
  await form.getByRole('button', { name: 'Add risk' }).click();

  const drawer = page.getByRole('dialog', { name: riskTitle });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(/^R-\d{4} · in /)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // On the heat map, probability 4 × impact 3; its count filters the register to that cell.
  const cell = page.getByRole('button', { name: /^Probability 4, impact 3: \d+ risks?$/ });
  await expect(cell).toBeEnabled();
  await cell.click();
  await expect(page.getByText('Inherent P4 × I3')).toBeVisible();
  const register = page.getByRole('table', { name: 'RAID register' });
  await expect(register.getByRole('button', { name: riskTitle })).toBeVisible();
  await expect(register.getByText('Issue', { exact: true })).toHaveCount(0);
  await shot(page, 'heat-map-cell');
});

test('a project manager escalates an issue to the program office, with the reason on its trail', async ({
  page,
}) => {
  await signIn(page, PM);
  await openRaidTab(page);
  const form = await newItem(page, 'Issue');
  await field(form, 'Title').fill(issueTitle);
  await choose(page, form, 'Severity', 'Low');
  await form.getByRole('button', { name: 'Add issue' }).click();

  const drawer = page.getByRole('dialog', { name: issueTitle });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('tab', { name: 'Escalation' }).click();
  await expect(drawer.getByText('Never escalated')).toBeVisible();
  await drawer.getByRole('button', { name: 'Escalate' }).click();
  const modal = page.getByRole('dialog', { name: /^Escalate: I-/ });
  await modal.getByRole('textbox', { name: 'Reason' }).fill('The fix needs budget the project does not hold');
  await modal.getByRole('button', { name: 'Escalate' }).click();
  await expect(modal).toHaveCount(0);

  const trail = drawer.getByRole('region', { name: 'Escalation trail' });
  await expect(trail).toContainText('The fix needs budget the project does not hold');
  await expect(trail).toContainText('Digital Transformation Program Office');
  await expect(drawer.getByText('Escalated ↑1').first()).toBeVisible();
  await shot(page, 'escalated-issue');
});

test('the PMO director finds it in the program office queue and acknowledges it', async ({ page }) => {
  await signIn(page, DIRECTOR);
  await navigateTo(page, 'Escalations');
  await page.getByRole('button', { name: /^Digital Transformation Program Office/ }).click();
  const entry = page.getByRole('article', { name: new RegExp(issueTitle) });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Waiting');
  await expect(entry).toContainText('The fix needs budget the project does not hold');
  await entry.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(entry).toContainText(/Acknowledged by /);
  await shot(page, 'queue');
});
