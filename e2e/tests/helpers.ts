import { type Browser, type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import { watchErrors } from './fixtures';

export const DEMO_PASSWORD = 'pharos-demo';
export const ADMIN = 'admin@pharos.demo';
export const PM = 'pm@pharos.demo';

/** A field's accessible name, with or without a trailing required-marker asterisk. */
export const label = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`);

/** The text box (input or textarea) with this label, inside `scope`. */
export const field = (scope: Page | Locator, text: string) =>
  scope.getByRole('textbox', { name: label(text) });

/** Signs in through the login form and waits for the app shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** A new browser context (its own cookies, like another person's browser) signed in as `email`. */
export async function signedInContext(
  browser: Browser,
  email: string,
  errors?: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  if (errors) watchErrors(context, errors);
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The main navigation landmark. */
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** Goes to a page through the main navigation and waits for its heading. */
export async function navigateTo(page: Page, link: string, heading = link) {
  await nav(page).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** The rows of a data table's body (skipping the header row). */
export const bodyRows = (page: Page, caption: string) =>
  page.getByRole('table', { name: caption }).locator('tbody tr');

/** The text of one column (0-based) of every body row. */
export async function columnTexts(page: Page, caption: string, column: number): Promise<string[]> {
  return bodyRows(page, caption).evaluateAll(
    (rows, col) => rows.map((r) => (r.querySelectorAll('td')[col]?.textContent ?? '').trim()),
    column,
  );
}

/**
 * Picks an option in a Mantine (searchable) select: opens it, optionally types to narrow the options
 * down, and clicks the first option whose text contains `option` (or the first option at all).
 */
export async function pickOption(page: Page, name: string, option?: string | RegExp, type?: string) {
  const input = field(page, name);
  await input.first().click();
  if (type) await input.first().fill(type);
  const listbox = page.getByRole('listbox').last();
  await expect(listbox).toBeVisible();
  const opt =
    option === undefined ? listbox.getByRole('option') : listbox.getByRole('option', { name: option });
  await opt.first().click();
}

/** A name no other test run will have produced. */
export const unique = (prefix: string) =>
  `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
