import { expect, test } from './fixtures';
import { ADMIN, field, navigateTo, pickOption, signedInContext, signIn } from './helpers';

// One project, created through the UI, then edited, then edited by two people at once.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36).toUpperCase();
const code = `E2E-${stamp}`;
const name = `Browser test project ${stamp}`;
const renamed = `${name} (renamed)`;
let projectUrl = '';

test('create a project through the New project dialog', async ({ page }) => {
  await signIn(page, ADMIN);
  await navigateTo(page, 'Projects');
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog).toBeVisible();

  // Saving an empty form shows what is missing and creates nothing.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[aria-invalid="true"]').first()).toBeVisible();

  await field(dialog, 'Code').fill(code);
  await field(dialog, 'Name').fill(name);
  await pickOption(page, 'Project type');
  await pickOption(page, 'Owning office', /Enterprise Portfolio Office/, 'Enterprise');
  await field(dialog, 'Description').fill('Made by the browser tests.');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(code).first()).toBeVisible();
  await expect(field(page, 'Code')).toHaveValue(code);
  await expect(field(page, 'Name')).toHaveValue(name);
  projectUrl = new URL(page.url()).pathname;

  // And it is in the list.
  await navigateTo(page, 'Projects');
  await page.getByRole('searchbox', { name: 'Search projects' }).fill(code);
  await expect(page.getByRole('table', { name: 'Projects' }).getByRole('link', { name: code })).toBeVisible();
});

test('edit the project and see the change after a reload', async ({ page }) => {
  expect(projectUrl, 'the project created by the previous test').toBeTruthy();
  await signIn(page, ADMIN);
  await page.goto(projectUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const form = page.getByRole('form', { name: 'Edit project' });
  await field(form, 'Name').fill(renamed);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Saved ${renamed}.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(field(page, 'Name')).toHaveValue(renamed);

  // The change is in the project's history.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(renamed);
});

test('two people edit the project at once: the second save reports a conflict', async ({
  browser,
  browserErrors,
}) => {
  expect(projectUrl, 'the project created by the first test').toBeTruthy();
  const first = await signedInContext(browser, ADMIN, browserErrors);
  const second = await signedInContext(browser, ADMIN, browserErrors);
  try {
    for (const { page } of [first, second]) {
      await page.goto(projectUrl);
      await expect(field(page, 'Name')).toHaveValue(renamed);
    }

    const formA = first.page.getByRole('form', { name: 'Edit project' });
    await field(formA, 'Name').fill(`${name} (edited in tab one)`);
    await formA.getByRole('button', { name: 'Save' }).click();
    await expect(first.page.getByText(`Saved ${name} (edited in tab one).`)).toBeVisible();

    const formB = second.page.getByRole('form', { name: 'Edit project' });
    await field(formB, 'Description').fill('Edited in tab two.');
    await formB.getByRole('button', { name: 'Save' }).click();
    const alert = second.page.getByRole('alert').filter({ hasText: /changed by someone else/i });
    await expect(alert).toBeVisible();

    // The second person's change was not saved; the first one's was.
    const res = await second.page.request.get(`/api/v1${projectUrl}`);
    const saved = (await res.json()) as { name: string; description: string };
    expect(saved.name).toBe(`${name} (edited in tab one)`);
    expect(saved.description).toBe('Made by the browser tests.');

    // Loading the latest version keeps the unsaved change at hand; re-applying and saving works.
    await alert.getByRole('button', { name: 'Load latest version' }).click();
    await expect(field(second.page, 'Name')).toHaveValue(`${name} (edited in tab one)`);
    await second.page.getByRole('button', { name: 'Re-apply my changes' }).click();
    await expect(field(formB, 'Description')).toHaveValue('Edited in tab two.');
    await formB.getByRole('button', { name: 'Save' }).click();
    await expect(second.page.getByText(`Saved ${name} (edited in tab one).`)).toBeVisible();
  } finally {
    await first.context.close();
    await second.context.close();
  }
});
