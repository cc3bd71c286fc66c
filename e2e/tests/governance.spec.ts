import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, field, navigateTo, pickOption, signIn } from './helpers';

// Governance (C9) end to end: a project whose type follows a published lifecycle cannot skip its
// gate; its review is opened, the evidence given and the approver votes go, and the project enters
// the next phase. Then its approved values are set, and a change request is submitted, approved
// and applied to them.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36).toUpperCase();
let projectId = '';
let lifecycleCode = '';

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/governance-${name}.png`, fullPage: true });
}

/** Calls the API as the signed-in person. */
async function api(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: object) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const res = await page.request.fetch(`/api/v1${url}`, {
    method,
    ...(data ? { data } : {}),
    headers: { 'x-csrf-token': me.csrfToken },
  });
  return { status: res.status(), body: await res.json() };
}
async function made(page: Page, method: 'POST' | 'PUT', url: string, data: object) {
  const res = await api(page, method, url, data);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

test('setup: a project type with a published lifecycle, an office with its own thresholds, a project', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const me = (await api(page, 'GET', '/me')).body;
  const offices = (await api(page, 'GET', '/offices?pageSize=1&sort=code')).body.items;
  const type = await made(page, 'POST', '/project-types', { code: `GT-${stamp}`, name: `Governed ${stamp}` });
  const office = await made(page, 'POST', '/offices', {
    code: `GO-${stamp}`,
    name: `Gate office ${stamp}`,
    kind: 'project',
    parentId: offices[0].id,
  });
  const project = await made(page, 'POST', '/projects', {
    code: `GP-${stamp}`,
    name: `Governed project ${stamp}`,
    typeId: type.id,
    officeId: office.id,
    status: 'active',
    managerId: me.user.id,
  });
  projectId = project.id;
  lifecycleCode = `LC-${stamp}`;
  const lc = await made(page, 'POST', '/lifecycles', {
    code: lifecycleCode,
    name: `Stage gates ${stamp}`,
    officeId: office.id,
    projectTypeIds: [type.id],
    phases: [
      { key: 'initiation' },
      {
        key: 'planning',
        gate: {
          name: 'Gate 1: ready to plan',
          checklist: [{ id: 'charter', text: 'Charter signed by the sponsor', required: true }],
          deliverables: [{ id: 'case', name: 'Business case', required: true }],
          approverRoles: ['admin'],
        },
      },
      {
        key: 'execution',
        gate: { name: 'Gate 2: plan baselined', approverRoles: ['admin', 'pmo_director'] },
      },
    ],
  });
  await made(page, 'POST', `/lifecycles/${lc.id}/publish`, { version: lc.version });
  await made(page, 'PUT', `/offices/${office.id}/authority`, {
    version: null,
    rules: [{ kind: 'budget', upToPercent: 10, steps: [{ label: 'Administrator', roles: ['admin'] }] }],
  });
});

test('the lifecycle is listed and shows its phases and gates', async ({ page }) => {
  await signIn(page, ADMIN);
  await navigateTo(page, 'Lifecycles');
  await page.getByRole('link', { name: lifecycleCode, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Stage gates ${stamp}` })).toBeVisible();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Phase Planning' })).toContainText('Gate 1: ready to plan');
  await expect(page.getByRole('region', { name: 'Phase Planning' })).toContainText('Business case');
  await shot(page, 'lifecycle');
});

test('the project passes its gate: the review is opened, the evidence given, the vote go moves the phase', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  // Skipping the gate is refused.
  const project = (await api(page, 'GET', `/projects/${projectId}`)).body;
  const skip = await api(page, 'PATCH', `/projects/${projectId}`, {
    version: project.version,
    phase: 'planning',
  });
  expect(skip.status).toBe(409);
  expect(skip.body.error.field).toBe('phase');

  await page.goto(`/projects/${projectId}?tab=governance`);
  const track = page.getByRole('region', { name: 'Lifecycle' });
  await expect(track.locator('li[aria-current="step"]')).toContainText('Initiation');
  await track.getByRole('button', { name: 'Open gate review: Gate 1: ready to plan' }).click();
  const review = page.getByRole('region', { name: 'Gate review: Gate 1: ready to plan' });
  await expect(review).toContainText('Open');
  await expect(review).toContainText('Required items missing');

  await review.getByRole('checkbox', { name: 'Charter signed by the sponsor: met' }).check();
  await review
    .getByRole('textbox', { name: 'Business case: link' })
    .fill('https://docs.example/business-case');
  await review.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByText('The evidence is saved.')).toBeVisible();
  await expect(review).not.toContainText('Required items missing');
  await shot(page, 'gate-review');

  const vote = review.getByRole('region', { name: 'Your vote' });
  await vote.getByRole('textbox', { name: 'Comment' }).fill('Charter and business case are in order.');
  await vote.getByRole('button', { name: 'Cast vote' }).click();
  await expect(page.getByText('Every approver has voted: the decision is Go.')).toBeVisible();
  await expect(review).toContainText('Decision:');
  await expect(track.locator('li[aria-current="step"]')).toContainText('Planning');
  await expect(page.getByText('Planning', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Gate decisions' })).toContainText('Gate 1: ready to plan');
  await shot(page, 'gate-decided');
});

test('a change request is routed by the thresholds, approved, and updates the approved values', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto(`/projects/${projectId}?tab=governance`);
  const values = page.getByRole('region', { name: 'Approved values' });
  await field(values, 'Approved budget').fill('1000000');
  await values.getByLabel('Approved finish').fill('2027-12-31');
  await field(values, 'Scope').fill('Replace the loan intake system');
  await values.getByRole('button', { name: 'Set approved values' }).click();
  await expect(values).toContainText('€1,000,000.00');

  const changes = page.getByRole('region', { name: 'Change requests' });
  await changes.getByRole('button', { name: 'New change request' }).click();
  const form = page.getByRole('form', { name: 'New change request' });
  await field(form, 'Title').fill('Two more testers');
  await field(form, 'Why').fill('Regression testing takes twice as long as planned.');
  await field(form, 'Budget change (EUR)').fill('50000');
  await expect(form).toContainText('5.0 % of it');
  await form.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText(/is submitted: Administrator\./)).toBeVisible();
  await expect(changes).toContainText('Awaiting approval');
  const steps = changes.getByRole('list', { name: /Approval steps of CR-/ });
  await expect(steps).toContainText('Rule 1 (up to 10 %)');
  await shot(page, 'change-request');

  await steps.getByRole('textbox', { name: 'Comment' }).fill('Within tolerance.');
  await steps.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(/is approved: the approved values are updated/)).toBeVisible();
  await expect(changes).toContainText('Approved');
  await expect(values).toContainText('€1,050,000.00');
  await expect(changes).toContainText(
    'Applied to the approved values: budget €1,000,000.00 → €1,050,000.00.',
  );
  await shot(page, 'change-approved');
});

test('a lifecycle is drafted in the editor; publishing names what is missing', async ({ page }) => {
  await signIn(page, ADMIN);
  await navigateTo(page, 'Lifecycles');
  await page.getByRole('button', { name: 'New lifecycle' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Code').fill(`LD-${stamp}`);
  await field(dialog, 'Name').fill(`Drafted ${stamp}`);
  await pickOption(page, 'Owning office', new RegExp(`Gate office ${stamp}`), `Gate office ${stamp}`);
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Drafted ${stamp}` })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Edit draft' })).toHaveAttribute('aria-selected', 'true');

  const editor = page.getByRole('form', { name: 'Edit lifecycle' });
  const planning = editor.getByRole('region', { name: 'Phase Planning' });
  await planning.getByRole('button', { name: 'Add checklist item' }).click();
  await planning.getByRole('textbox', { name: 'checklist item 3' }).fill('Procurement route agreed');
  await editor.getByRole('checkbox', { name: 'Include the closed phase' }).check();
  await shot(page, 'lifecycle-editor');
  await editor.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(`Saved LD-${stamp} revision 1.`)).toBeVisible();

  // The closed phase's gate has no approver yet: publishing says so.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(confirm.getByRole('alert')).toContainText('needs at least one approver');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Phases and gates' }).click();
  await expect(page.getByRole('region', { name: 'Phase Planning' })).toContainText(
    'Procurement route agreed',
  );
});

test('the office shows its own authority thresholds; the PMO recommends stopping the project', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto(`/projects/${projectId}`);
  await page
    .getByRole('link', { name: new RegExp(`Gate office ${stamp}`) })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Authority' }).click();
  await expect(page.getByText('This office sets its own thresholds')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rule 1' })).toBeVisible();
  await shot(page, 'authority');

  await page.goto(`/projects/${projectId}?tab=governance`);
  await page.getByRole('button', { name: 'Recommend stopping' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: /Reason/ })
    .fill('The supplier went bankrupt; the business case is gone.');
  await dialog.getByRole('button', { name: 'Recommend stopping' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Recommendation to stop this project' });
  await expect(banner).toContainText('The supplier went bankrupt');
  await banner.getByRole('button', { name: 'Decide' }).click();
  const decide = page.getByRole('dialog');
  await decide.getByText('Reject: it goes on').click();
  await decide
    .getByRole('textbox', { name: /Outcome/ })
    .fill('A second supplier is signed; the project goes on.');
  await decide.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Recommendations to stop' })).toContainText('Rejected');
  await shot(page, 'stop-recommendation');
});
