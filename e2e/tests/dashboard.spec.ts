import { expect, test } from './fixtures';
import { navigateTo, signIn } from './helpers';

// The executive dashboard (C7): an executive signs in, sees what needs attention and why, drills
// down to a project's status, and opens a portfolio's health with its trend and its parts.
const EXECUTIVE = 'executive@pharos.demo';

test('an executive sees what needs attention today and drills down to a project', async ({ page }) => {
  await signIn(page, EXECUTIVE);
  await navigateTo(page, 'Dashboard');
  await expect(page.getByText(/reporting period \d{4}-W\d\d/)).toBeVisible();

  // The headline: the overall colour and the counts that say where to look.
  await expect(page.getByText('Overall health')).toBeVisible();
  for (const tile of ['Red projects', 'Worsening', 'Escalations', 'Decisions waiting', 'Late reports'])
    await expect(page.getByRole('button', { name: new RegExp(`^${tile}: \\d+`) })).toBeVisible();

  // The attention list: red projects and why, each with its colour history.
  const attention = page.getByRole('region', { name: 'Needs attention' });
  const rows = attention.getByTestId('attention-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  const first = rows.first();
  await expect(first.getByText(/^(Red|Amber)$/).first()).toBeVisible();
  await expect(first.getByRole('img', { name: /overall:/ })).toBeVisible();
  for (const section of ['Worst movers', 'Escalations', 'Decisions waiting', 'Late and missing reports'])
    await expect(page.getByRole('region', { name: section })).toBeVisible();
  await expect(page.getByTestId('health-trend').locator('canvas')).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

  // Drill down: the project's page opens on its status reports.
  const link = first.getByRole('link').first();
  const name = (await link.textContent())?.replace(/^PRJ-\d+/, '').trim() ?? '';
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Status', selected: true })).toBeVisible();
  expect(page.url()).toMatch(/\/projects\/[0-9a-f-]{36}\?tab=status/);
});

test("a portfolio's Health tab rolls it up, with its trend and its parts worst first", async ({ page }) => {
  await signIn(page, EXECUTIVE);
  await navigateTo(page, 'Portfolios');
  await page
    .getByRole('link', { name: /Digital & Technology/ })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Health' }).click();
  await expect(page.getByText(/projects · Worst of the projects/)).toBeVisible();
  await expect(page.getByTestId('health-trend').locator('canvas')).toBeVisible();
  const parts = page.getByTestId('rollup-row');
  await expect(parts.first()).toBeVisible();
  expect(await parts.count()).toBeGreaterThan(2);
  await expect(page.getByRole('link', { name: 'Status deck (PowerPoint)' })).toHaveAttribute(
    'href',
    /\/api\/v1\/health\/deck\.pptx\?scope=portfolio&id=/,
  );
  // The deck downloads.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Status deck (PowerPoint)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^PF-DIG-status-\d{4}-W\d\d\.pptx$/);
  await page.screenshot({ path: 'test-results/portfolio-health.png', fullPage: true });
});
