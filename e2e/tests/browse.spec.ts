import { expect, test } from './fixtures';
import { ADMIN, bodyRows, columnTexts, navigateTo, signIn } from './helpers';

test.describe('browsing the registry', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ADMIN);
  });

  test('the offices tree and org chart show the Enterprise Portfolio Office', async ({ page }) => {
    await navigateTo(page, 'Offices');
    const tree = page
      .getByRole('tree', { name: 'Office network' })
      .or(page.getByRole('list', { name: 'Office network' }));
    await expect(tree).toBeVisible();
    await expect(tree.getByRole('link', { name: /Enterprise Portfolio Office/ }).first()).toBeVisible();

    await page.getByText('Org chart', { exact: true }).click();
    const chart = page.getByRole('figure', { name: 'Office network org chart' });
    await expect(chart).toBeVisible();
    await expect(chart.getByRole('link', { name: 'Enterprise Portfolio Office' })).toBeVisible();
    // The chart shows the whole network, offices below the enterprise office included.
    expect(await chart.getByRole('link').count()).toBeGreaterThan(3);

    await chart.getByRole('link', { name: 'Enterprise Portfolio Office' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Enterprise Portfolio Office' })).toBeVisible();
  });

  test('the projects table lists, sorts and searches projects', async ({ page }) => {
    await navigateTo(page, 'Projects');
    const rows = bodyRows(page, 'Projects');
    await expect(rows.first().getByRole('link').first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(5);

    // Sorted by code by default.
    const codes = await columnTexts(page, 'Projects', 0);
    expect(codes).toEqual([...codes].sort());

    // Sort by name, then by name descending: the header says so and the rows follow the API's order.
    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/sort=name/);
    const ascending = await page.request.get('/api/v1/projects?sort=name&pageSize=25');
    const ascNames = ((await ascending.json()) as { items: { name: string }[] }).items.map((p) => p.name);
    await expect.poll(() => columnTexts(page, 'Projects', 1)).toEqual(ascNames);

    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/sort=-name/);
    const descending = await page.request.get('/api/v1/projects?sort=-name&pageSize=25');
    const descNames = ((await descending.json()) as { items: { name: string }[] }).items.map((p) => p.name);
    await expect.poll(() => columnTexts(page, 'Projects', 1)).toEqual(descNames);
    expect(descNames[0]).not.toEqual(ascNames[0]);

    // Search by a word of the first project's name narrows the list to matching projects.
    const target = ascNames[0]!;
    const word = target.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    await page.getByRole('searchbox', { name: 'Search projects' }).fill(word);
    await expect(page).toHaveURL(/q=/);
    await expect(rows.getByRole('link', { name: target, exact: true }).first()).toBeVisible();
    await expect
      .poll(async () =>
        (await columnTexts(page, 'Projects', 1)).every((n) => n.toLowerCase().includes(word.toLowerCase())),
      )
      .toBe(true);

    // Something that matches nothing empties the table.
    await page.getByRole('searchbox', { name: 'Search projects' }).fill('zzz-no-such-project-zzz');
    await expect(page.getByText('No projects match these filters.')).toBeVisible();
  });
});
