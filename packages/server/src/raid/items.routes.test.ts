import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { change, create, issue, type RaidPlaces, raidPlaces, risk } from './test-kit';

let w: TestWorld;
let admin: TestUser;
let pm: TestUser;
let p: RaidPlaces;
const ghost = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  p = raidPlaces(w);
  pm = await w.userWith([{ role: 'project_manager', scopeType: 'project', scopeId: p.project.id }], 'pm');
});
afterAll(() => w.close());

const count = async () =>
  Number(
    (await w.database.db.execute<{ n: number }>(sql`select count(*)::int as n from raid_items`)).rows[0]!.n,
  );

describe('RAID items', () => {
  it('creates a risk with its code, score, residual score and bands, and an audit row', async () => {
    const r = await create(
      pm,
      risk(
        { projectId: p.project.id },
        {
          ownerId: pm.id,
          details: {
            probability: 4,
            impact: { cost: 2, schedule: 3 },
            residual: { probability: 2, impact: { cost: 1, schedule: 2 } },
            mitigation: [{ text: 'Second supplier on standby' }],
          },
        },
      ),
    );
    expect(r.code).toMatch(/^R-\d{4}$/);
    expect(r).toMatchObject({
      kind: 'risk',
      status: 'open',
      version: 1,
      score: 12,
      level: 'high',
      residualScore: 4,
      residualLevel: 'low',
      open: true,
      overdue: false,
      escalationLevel: 0,
      escalatedToOfficeId: null,
      relation: 'owner',
      abilities: { update: true, archive: true },
    });
    expect(r.details).toMatchObject({
      strategy: 'mitigate',
      trigger: '',
      mitigation: [{ text: 'Second supplier on standby', ownerId: null, due: null, done: false }],
    });
    expect(r.labels.projectId).toBeTruthy();
    expect(r.labels.ownerId).toBe('pm');
    const audit = await admin.req({ method: 'GET', url: `/api/v1/audit/raidItem/${r.id}` });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('names the offending field and writes nothing on bad input', async () => {
    const before = await count();
    const where = { projectId: p.project.id };
    const cases: [string, string, Record<string, unknown>][] = [
      ['validation_failed', 'projectId', risk({})],
      ['validation_failed', 'programId', risk({ projectId: p.project.id, programId: p.program.id })],
      ['validation_failed', 'details.probability', risk(where, { details: { probability: 6 } })],
      ['validation_failed', 'details.impact', risk(where, { details: { impact: {} } })],
      [
        'validation_failed',
        'details.residual.probability',
        risk(where, { details: { residual: { probability: 0, impact: { cost: 1 } } } }),
      ],
      ['validation_failed', 'status', risk(where, { status: 'resolved' })],
      ['validation_failed', 'kind', { ...risk(where), kind: 'worry' }],
      ['validation_failed', 'details.severity', issue(where, { details: { severity: 'dire' } })],
      [
        'validation_failed',
        'details.dependsOnProjectId',
        { kind: 'dependency', title: 'X', ...where, details: {} },
      ],
      [
        'validation_failed',
        'details.dependsOnProjectId',
        { kind: 'dependency', title: 'X', ...where, details: { dependsOnProjectId: p.project.id } },
      ],
      [
        'invalid_reference',
        'details.dependsOnProjectId',
        { kind: 'dependency', title: 'X', ...where, details: { dependsOnProjectId: ghost } },
      ],
      ['invalid_reference', 'ownerId', risk(where, { ownerId: ghost })],
      [
        'invalid_reference',
        'details.mitigation.1.ownerId',
        risk(where, { details: { mitigation: [{ text: 'a' }, { text: 'b', ownerId: ghost }] } }),
      ],
      ['invalid_reference', 'projectId', risk({ projectId: ghost })],
      ['validation_failed', 'dueOn', risk(where, { dueOn: '2025-02-30' })],
    ];
    for (const [code, field, body] of cases) {
      const res = await pm.req({ method: 'POST', url: '/api/v1/raid', payload: body });
      expect([res.statusCode, res.json().error], JSON.stringify(body)).toMatchObject([
        code === 'validation_failed' ? 400 : 422,
        { code, field },
      ]);
    }
    expect(await count()).toBe(before);
  });

  it('changes an item at its version, recomputing the score, and refuses a stale version', async () => {
    const r = await create(pm, risk({ projectId: p.project.id }));
    expect(r.score).toBe(12);
    const changed = await change(pm, r, { details: { impact: { cost: 2, schedule: 2 } }, title: 'Renamed' });
    expect(changed).toMatchObject({ version: 2, score: 6, title: 'Renamed', level: 'medium' });
    // The rest of the details is kept.
    expect(changed.details).toMatchObject({ probability: 3, strategy: 'mitigate' });
    const stale = await pm.req({
      method: 'PATCH',
      url: `/api/v1/raid/${r.id}`,
      payload: { kind: 'risk', version: 1, title: 'Lost' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', field: 'version' });
    const wrongKind = await pm.req({
      method: 'PATCH',
      url: `/api/v1/raid/${r.id}`,
      payload: { kind: 'issue', version: 2, title: 'Lost' },
    });
    expect(wrongKind.json().error).toMatchObject({ code: 'validation_failed', field: 'kind' });
    const closed = await change(pm, changed, { status: 'closed' });
    expect(closed).toMatchObject({ open: false, status: 'closed' });
    expect(closed.closedAt).toBeTruthy();
    const reopened = await change(pm, closed, { status: 'open' });
    expect(reopened.closedAt).toBeNull();
    const history = await admin.req({ method: 'GET', url: `/api/v1/audit/raidItem/${r.id}` });
    const last = history.json().items[0];
    expect(last).toMatchObject({ action: 'update', before: { status: 'closed' }, after: { status: 'open' } });
  });

  it('archives and restores, and refuses a change while archived', async () => {
    const r = await create(pm, issue({ projectId: p.project.id }));
    const archived = await pm.req({
      method: 'POST',
      url: `/api/v1/raid/${r.id}/archive`,
      payload: { version: 1 },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archivedAt).toBeTruthy();
    const refused = await pm.req({
      method: 'PATCH',
      url: `/api/v1/raid/${r.id}`,
      payload: { kind: 'issue', version: 2, title: 'x' },
    });
    expect(refused.json().error.code).toBe('archived');
    const restored = await pm.req({
      method: 'POST',
      url: `/api/v1/raid/${r.id}/restore`,
      payload: { version: 2 },
    });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
  });

  it('keeps each kind with its own fields', async () => {
    const where = { projectId: p.project.id };
    const i = await create(pm, issue(where, { details: { severity: 'low', resolution: 'Restart it' } }));
    expect(i).toMatchObject({
      code: expect.stringMatching(/^I-/),
      severity: 'low',
      score: null,
      status: 'open',
    });
    const a = await create(pm, {
      kind: 'assumption',
      title: 'Users are trained before go-live',
      ...where,
      details: { impactIfWrong: 'Adoption slips a quarter' },
    });
    expect(a).toMatchObject({ code: expect.stringMatching(/^A-/), status: 'unvalidated', open: true });
    const l = await create(pm, {
      kind: 'decision',
      title: 'Go with the cloud ledger',
      ...where,
      status: 'decided',
      details: { decision: 'Cloud ledger', rationale: 'Cheaper to run' },
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(l).toMatchObject({ code: expect.stringMatching(/^L-/), open: false });
    expect(l.details).toMatchObject({ decidedBy: pm.id, alternatives: '' });
    expect(Math.abs(Date.parse(l.details.decidedOn) - Date.parse(today))).toBeLessThanOrEqual(86_400_000);
    const d = await create(pm, {
      kind: 'dependency',
      title: 'Needs the customer master data',
      ...where,
      details: { dependsOnProjectId: p.sibling.id, deliverable: 'Clean customer records' },
    });
    expect(d).toMatchObject({
      code: expect.stringMatching(/^D-/),
      dependsOnProjectId: p.sibling.id,
      status: 'open',
    });
    expect(d.labels.dependsOnProjectId).toBeTruthy();
  });

  it('allocates distinct, consecutive codes to items created at the same time', async () => {
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pm.req({
          method: 'POST',
          url: '/api/v1/raid',
          payload: issue({ projectId: p.project.id }, { title: `Burst ${i}` }),
        }),
      ),
    );
    for (const res of made) expect(res.statusCode, res.body).toBe(201);
    const numbers = made.map((res) => Number(res.json().code.slice(2))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
  });

  it('tells the person named as owner, once', async () => {
    const owner = await w.userWith(
      [{ role: 'team_member', scopeType: 'project', scopeId: p.project.id }],
      'owner',
    );
    const r = await create(pm, issue({ projectId: p.project.id }, { ownerId: owner.id }));
    await change(pm, r, { title: 'Still theirs' });
    const rows = await w.database.db.execute<{ kind: string; link: string }>(
      sql`select kind, link from notifications where user_id = ${owner.id}`,
    );
    expect(rows.rows).toEqual([
      { kind: 'raid.assigned', link: `/projects/${p.project.id}?tab=raid&item=${r.id}` },
    ]);
  });
});
