import { expect, test } from './fixtures';
import { ADMIN, bodyRows, columnTexts, nav, navigateTo, PM, signedInContext, signIn } from './helpers';

test('a project manager sees only their projects and no administration', async ({ page, browser }) => {
  await signIn(page, PM);
  await expect(nav(page).getByRole('link', { name: 'Projects', exact: true })).toBeVisible();
  // Soft: report every administration entry shown, and go on checking the rest.
  for (const admin of ['Users & roles', 'Audit trail'])
    await expect.soft(nav(page).getByRole('link', { name: admin }), `no "${admin}" link`).toHaveCount(0);
  await expect.soft(nav(page).getByText('Administration', { exact: true })).toHaveCount(0);

  await navigateTo(page, 'Projects');
  await expect(bodyRows(page, 'Projects').first().getByRole('link').first()).toBeVisible();
  const mine = await columnTexts(page, 'Projects', 0);
  expect(mine).toContain('PRJ-0001');

  // The admin sees more projects than the project manager does.
  const { context: admin, page: adminPage } = await signedInContext(browser, ADMIN);
  try {
    const all = (await (await adminPage.request.get('/api/v1/projects?pageSize=1')).json()) as {
      total: number;
    };
    const pmTotal = (await (await page.request.get('/api/v1/projects?pageSize=1')).json()) as {
      total: number;
    };
    expect(pmTotal.total).toBeLessThan(all.total);
    expect(mine.length).toBe(Math.min(pmTotal.total, 25));
  } finally {
    await admin.close();
  }

  // The audit trail is not open to them either, even by its address.
  expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
  await page.goto('/audit');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Audit events' })).toHaveCount(0);
});
