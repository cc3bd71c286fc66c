import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PM, signIn } from './helpers';

// Notifications (C12) end to end: preferences are kept, a notification sent to the signed-in person
// shows in the bell, the dropdown and the centre, and reading them brings the count down.
test.describe.configure({ mode: 'serial' });

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/notifications-${name}.png`, fullPage: true });
}

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications: / });

/** The unread count the bell announces. */
async function unreadCount(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute('aria-label')) ?? '';
  return /none unread/.test(label) ? 0 : Number(label.match(/(\d+) unread/)?.[1]);
}

/** Sends the signed-in person a notification through the API, as `kind` would reach them. */
async function sendViaApi(page: Page, kind: string) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const res = await page.request.post('/api/v1/notifications/test', {
    data: { kind },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

test('a person sets their preferences: delivery per kind and the digest hour are kept', async ({ page }) => {
  await signIn(page, PM);
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Notification preferences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notification preferences' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Delivery of each kind of notification' });
  await expect(table.getByRole('row')).toHaveCount(11);
  // This server sends no e-mail: the page says so.
  await expect(page.getByText('E-mail is off on this server')).toBeVisible();

  const save = page.getByRole('button', { name: 'Save preferences' });
  await expect(save).toBeDisabled();
  await page.getByRole('radio', { name: 'Gate decision on your project: In the app only' }).check();
  await page.getByRole('textbox', { name: 'Daily digest at' }).click();
  await page.getByRole('option', { name: '18:00' }).click();
  await save.click();
  await expect(page.getByText('Your preferences are saved.')).toBeVisible();
  await shot(page, 'preferences');

  await page.reload();
  await expect(
    page.getByRole('radio', { name: 'Gate decision on your project: In the app only' }),
  ).toBeChecked();
  await expect(
    page.getByRole('radio', { name: 'Gate decision on your project: Daily digest' }),
  ).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Daily digest at' })).toHaveValue('18:00');
});

test('a notification shows in the bell and the centre; reading it brings the count down', async ({
  page,
}) => {
  await signIn(page, PM);
  await expect(bell(page)).toBeVisible();
  const before = await unreadCount(page);

  // One through the API, one from the preferences page's "Send a test".
  await sendViaApi(page, 'gate.review');
  await page.goto('/notifications/preferences');
  await page.getByRole('textbox', { name: 'As a' }).click();
  await page.getByRole('option', { name: 'Escalation reaching your office' }).click();
  await page.getByRole('button', { name: 'Send a test' }).click();
  await expect(page.getByText('Sent. It is in your notifications.')).toBeVisible();
  await expect.poll(() => unreadCount(page)).toBe(before + 2);
  await expect(page.getByTestId('unread-badge')).toHaveText(String(before + 2));

  // The dropdown: the latest, newest first; one is marked read there.
  await bell(page).click();
  const dropdown = page.getByRole('dialog', { name: 'Latest notifications' });
  await expect(dropdown).toBeVisible();
  const escalation = dropdown.getByRole('link', { name: 'Test: Escalation reaching your office' });
  const gate = dropdown.getByRole('link', { name: 'Test: Gate review waiting for your vote' });
  await expect(escalation).toBeVisible();
  await expect(gate).toBeVisible();
  await shot(page, 'dropdown');
  await dropdown.getByRole('button', { name: 'Mark read: Test: Gate review waiting for your vote' }).click();
  await expect.poll(() => unreadCount(page)).toBe(before + 1);

  // The centre: the unread filter, opening one, and marking all read.
  await dropdown.getByRole('link', { name: 'See all' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Notifications list' });
  await expect(list.getByRole('link', { name: 'Test: Gate review waiting for your vote' })).toBeVisible();
  await page.getByText(/^Unread \(\d+\)$/).click();
  await expect(page).toHaveURL(/unread=true/);
  await expect(list.getByRole('link', { name: 'Test: Gate review waiting for your vote' })).toHaveCount(0);
  await expect(list.getByRole('link', { name: 'Test: Escalation reaching your office' })).toBeVisible();
  await shot(page, 'centre-unread');

  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByText('You have read everything. Nothing waits for you.')).toBeVisible();
  await expect(bell(page)).toHaveAttribute('aria-label', 'Notifications: none unread');
  await expect(page.getByTestId('unread-badge')).toHaveCount(0);

  await page.getByText('All', { exact: true }).click();
  const read = list.getByRole('link', { name: 'Test: Escalation reaching your office' }).first();
  await expect(read).toBeVisible();
  await read.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await shot(page, 'centre');
});
