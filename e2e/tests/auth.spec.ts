import { expect, test } from './fixtures';
import { ADMIN, field, nav, signIn } from './helpers';

test.describe('signing in', () => {
  test('the admin signs in and sees the app shell', async ({ page }) => {
    await signIn(page, ADMIN);
    await expect(page.getByRole('link', { name: 'Pharos home' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    for (const link of ['Offices', 'Portfolios', 'Programs', 'Projects', 'Users & roles', 'Audit trail'])
      await expect(nav(page).getByRole('link', { name: link, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Account menu for / })).toBeVisible();
  });

  test('a wrong password shows an error and stays on the sign-in form', async ({ page }) => {
    await page.goto('/login');
    await field(page, 'Email').fill(ADMIN);
    await field(page, 'Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText(/not right|invalid|incorrect|wrong/i);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  });

  test('an app page asks to sign in first, then opens', async ({ page }) => {
    await page.goto('/projects');
    await expect(page).toHaveURL(/\/login/);
    await field(page, 'Email').fill(ADMIN);
    await field(page, 'Password').fill('pharos-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  });

  test('signing out returns to the sign-in form', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByRole('button', { name: /^Account menu for / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.goto('/projects');
    await expect(page).toHaveURL(/\/login/);
  });
});
