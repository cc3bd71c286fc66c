import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { field, navigateTo, pickOption, signIn } from './helpers';

// Demand (C2) end to end: a requester proposes, an analyst screens and scores, the ranking shows
// it, and a framework's AHP matrix reports its consistency ratio.
test.describe.configure({ mode: 'serial' });

const REQUESTER = 'requester@pharos.demo';
const ANALYST = 'analyst@pharos.demo';
const stamp = Date.now().toString(36).toUpperCase();
const title = `Browser test proposal ${stamp}`;
let proposalUrl = '';
let proposalCode = '';

async function shot(page: Page, name: string, fullPage = true) {
  // A full-page shot of a scrolled page draws the fixed shell twice: start from the top.
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/demand-${name}.png`, fullPage });
}

/** Confirms the pipeline step named `verb` in its dialog, with a reason. */
async function step(page: Page, verb: string, reason = '') {
  await page.getByRole('button', { name: verb, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (reason) await dialog.getByRole('textbox', { name: /Reason/ }).fill(reason);
  await dialog.getByRole('button', { name: verb, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('a requester creates a proposal with a business case and submits it', async ({ page }) => {
  await signIn(page, REQUESTER);
  await navigateTo(page, 'Proposals');
  await expect(page.getByRole('navigation', { name: 'Pipeline steps' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Proposal board' })).toBeVisible();
  await shot(page, 'pipeline-board');

  await page.getByRole('button', { name: 'New proposal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New proposal' })).toBeVisible();
  const form = page.getByRole('form', { name: 'New proposal' });

  // Saving an empty form names what is missing, beside the fields.
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form.locator('[aria-invalid="true"]').first()).toBeVisible();

  await field(form, 'Title').fill(title);
  await field(form, 'Problem').fill('Branch staff re-key every loan application into three systems.');
  await field(form, 'Outcome').fill('One intake screen; loan decisions in a day instead of a week.');
  await pickOption(page, 'Business unit');
  await pickOption(page, 'Office', /Enterprise Portfolio Office/, 'Enterprise');

  // The business case in major units; the measures follow as it is typed.
  const years = await form.getByRole('table', { name: 'Business case editor' }).locator('tbody tr').count();
  expect(years).toBeGreaterThanOrEqual(3);
  const first = Number((await field(form, 'First year').inputValue()) || '0');
  await form.getByRole('textbox', { name: `Capex ${first}` }).fill('1,200,000.50');
  await form.getByRole('textbox', { name: `Opex ${first + 1}` }).fill('150000');
  await form.getByRole('textbox', { name: `Benefits ${first + 1}` }).fill('700000');
  await form.getByRole('textbox', { name: `Benefits ${first + 2}` }).fill('900000');
  const measures = form.getByRole('region', { name: 'Measures (computed as you type)' });
  await expect(measures).toContainText('NPV');
  await expect(measures).toContainText('IRR');
  // A bad amount is refused at its field.
  await form.getByRole('textbox', { name: `Opex ${first + 2}` }).fill('12.345');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form.getByText('Use at most 2 decimals')).toBeVisible();
  await form.getByRole('textbox', { name: `Opex ${first + 2}` }).fill('20000');

  await form.getByRole('button', { name: 'Add a risk' }).click();
  await form
    .getByRole('textbox', { name: 'Description of risk 1' })
    .fill('Core banking vendor delivers the API late');
  await shot(page, 'new-proposal');
  await form.getByRole('button', { name: 'Save draft' }).click();

  await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  proposalUrl = new URL(page.url()).pathname;
  proposalCode =
    (
      await page
        .getByText(/^PR-\d+/)
        .first()
        .textContent()
    )?.match(/PR-\d+/)?.[0] ?? '';
  expect(proposalCode).toMatch(/^PR-\d+$/);
  // The server's measures, exact to the cent.
  await expect(page.getByRole('table', { name: 'Business case by year' })).toContainText('1,200,001');

  await step(page, 'Submit');
  await expect(page.getByText('Submitted', { exact: true }).first()).toBeVisible();
  await shot(page, 'proposal-overview');
});

test('an analyst screens the proposal and scores it', async ({ page }) => {
  expect(proposalUrl, 'the proposal made by the previous test').toBeTruthy();
  await signIn(page, ANALYST);
  await page.goto(proposalUrl);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await step(page, 'Start screening');
  await expect(page.getByText('Screening', { exact: true }).first()).toBeVisible();

  await page.getByRole('tab', { name: 'Scoring' }).click();
  const picker = page.getByRole('textbox', { name: 'Scoring framework' });
  if ((await picker.inputValue()) === '') {
    await pickOption(page, 'Scoring framework');
    await page.getByRole('button', { name: 'Use this framework' }).click();
  }
  const mine = page.getByRole('region', { name: 'My scores' });
  await expect(mine).toBeVisible();
  // One level per criterion: the highest on benefit criteria, the lowest on risk ones.
  const groups = mine.getByRole('radiogroup');
  const n = await groups.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 0; i < n; i++) {
    // The radios of a segmented control are hidden behind their labels: click the label.
    const labels = groups.nth(i).locator('label');
    const pick = i % 2 === 0 ? labels.last() : labels.nth(Math.floor((await labels.count()) / 2));
    await pick.click();
  }
  await mine.getByRole('button', { name: 'Save my scores' }).click();
  await expect(page.getByText(`Your scores of ${proposalCode} are saved.`)).toBeVisible();
  const total = page.getByLabel('Total score');
  await expect(total).not.toHaveText('—');
  await shot(page, 'scoring');

  await step(page, 'Mark as scored');
  await expect(page.getByText('Scored', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'Pipeline moves' })).toContainText('Screening');
});

test('the ranking lists the scored proposal', async ({ page }) => {
  expect(proposalCode).toBeTruthy();
  await signIn(page, ANALYST);
  await navigateTo(page, 'Ranking');
  const table = page.getByRole('table', { name: 'Ranked proposals' });
  await expect(table.getByRole('link', { name: new RegExp(`${proposalCode} · `) })).toBeVisible();
  await shot(page, 'ranking');
});

test("a framework's AHP matrix shows its consistency ratio, live", async ({ page }) => {
  await signIn(page, ANALYST);
  await navigateTo(page, 'Scoring frameworks');
  const rows = page.getByRole('table', { name: 'Scoring frameworks' }).locator('tbody tr');
  await rows
    .filter({ hasText: 'AHP' })
    .filter({ hasText: 'Published' })
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('table', { name: 'Pairwise comparisons' })).toBeVisible();
  await expect(page.getByLabel(/^Consistency ratio /)).toBeVisible();

  // A new draft revision: its matrix can be changed, and CR follows each judgement.
  await page.getByRole('button', { name: 'Revise', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start a revision' }).click();
  await expect(page.getByRole('tab', { name: 'Edit draft' })).toHaveAttribute('aria-selected', 'true');
  const matrix = page.getByRole('table', { name: 'Pairwise comparisons' });
  const cells = matrix.getByRole('combobox');
  expect(await cells.count()).toBeGreaterThanOrEqual(3);
  const before = await page.getByLabel(/^Consistency ratio /).getAttribute('aria-label');
  // Row 1 far above row 2, row 2 far above row 3, yet row 3 far above row 1: inconsistent.
  await cells.nth(0).selectOption('9');
  await cells.nth(1).selectOption('1/9');
  await cells.last().selectOption('9');
  await expect(page.getByLabel(/^Consistency ratio /)).not.toHaveAttribute('aria-label', before ?? '');
  await expect(page.getByText('The judgements are inconsistent')).toBeVisible();
  await expect(page.getByText(/the other judgements suggest/)).toBeVisible();
  await page.getByRole('region', { name: 'Weights' }).scrollIntoViewIfNeeded();
  await shot(page, 'ahp-editor', false);
});

test('work roles show their capacity for the next 24 months', async ({ page }) => {
  await signIn(page, ANALYST);
  await navigateTo(page, 'Work roles');
  await page.getByText('Capacity, 24 months', { exact: true }).click();
  const table = page.getByRole('table', { name: 'Capacity by role and month' });
  await expect(table.locator('thead th')).toHaveCount(25);
  await shot(page, 'capacity');
});
