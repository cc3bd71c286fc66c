import { randomUUID } from 'node:crypto';
import type { HealthDashboardT } from '@pharos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { addDays, fileReport, type HealthWorld, healthWorld, lastDueWeek, write } from './rollup-testing';

let w: TestWorld;
let admin: TestUser;
let h: HealthWorld;
const L = lastDueWeek();
const tag = randomUUID().slice(0, 6).toUpperCase();
const ids: Record<string, string> = {};

const dashboard = async (as: TestUser, query = `scope=portfolio&id=${h.portfolio.id}`) => {
  const res = await as.req({ method: 'GET', url: `/api/v1/health/dashboard?${query}` });
  return { res, body: res.json() as HealthDashboardT };
};

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  h = await healthWorld(w, admin, w.org.users[5]!.id);
  const { a, b, c, d, e, f } = h.projects;
  const weeks = [addDays(L, -14), addDays(L, -7), L];
  for (const week of weeks) {
    const now = week === L;
    await fileReport(w, a.id, week, {
      overall: now ? 'red' : 'green',
      dims: now ? { schedule: 'red', risk: 'amber' } : {},
      justification: now ? 'Go-live moved: the vendor missed two drops' : '',
      reasons: now ? { schedule: ['Slipped milestones 2 is at or above 2 (red)'] } : {},
    });
    await fileReport(w, b.id, week, {
      overall: 'amber',
      dims: { cost: 'red' },
      reasons: { cost: ['CPI 0.80 is below 0.85 (red)'] },
    });
    if (!now) await fileReport(w, c.id, week, { overall: 'green' });
    if (week === weeks[0]) await fileReport(w, d.id, week, { overall: 'green' });
    await fileReport(w, e.id, week, { overall: 'green', ...(now ? { submittedOn: addDays(L, 9) } : {}) });
    if (week !== weeks[0])
      await fileReport(w, f.id, week, {
        overall: now ? 'amber' : 'green',
        dims: now ? { resources: 'amber' } : {},
      });
  }
  const parent = w.org.offices.find((o) => o.id === h.officeId)!.parentId!;
  const one = async (text: string, values: unknown[]) => (await write(w, text, values)).rows[0]?.id as string;
  ids.escalated = await one(
    `insert into raid_items (kind, code, title, project_id, status, severity, escalated_to_office_id, escalation_level, escalated_at)
     values ('issue', $1, 'Vendor cannot deliver the API', $2, 'open', 'high', $3, 1, now()) returning id`,
    [`I-H${tag}1`, a.id, parent],
  );
  await write(
    w,
    `insert into raid_escalations (item_id, level, from_office_id, to_office_id, reason, detail) values ($1, 1, $2, $3, 'tolerance', 'Severity high is above medium')`,
    [ids.escalated, h.officeId, parent],
  );
  await write(
    w,
    `insert into raid_items (kind, code, title, project_id, status, severity, escalated_to_office_id, escalation_level, closed_at)
     values ('issue', $1, 'An old closed one', $2, 'closed', 'high', $3, 1, now())`,
    [`I-H${tag}2`, a.id, parent],
  );
  ids.decision = await one(
    `insert into raid_items (kind, code, title, project_id, status, due_on) values ('decision', $1, 'Choose the hosting region', $2, 'proposed', $3) returning id`,
    [`L-H${tag}`, b.id, addDays(L, 20)],
  );
  const lifecycle = await one(
    `insert into lifecycles (family_id, code, name, office_id, phases, status) values ($1, $2, 'Test lifecycle', $3, $4, 'published') returning id`,
    [
      randomUUID(),
      `LC-H${tag}`,
      h.officeId,
      JSON.stringify([
        { key: 'initiation', name: 'Initiation', gate: null },
        {
          key: 'planning',
          name: 'Planning',
          gate: {
            key: 'g1',
            name: 'Gate 1 — Business case',
            checklist: [],
            deliverables: [],
            approverRoles: [],
            approverIds: [],
          },
        },
      ]),
    ],
  );
  ids.gate = await one(
    `insert into gate_reviews (project_id, lifecycle_id, gate_key, from_phase, to_phase) values ($1, $2, 'g1', 'initiation', 'planning') returning id`,
    [c.id, lifecycle],
  );
  ids.change = await one(
    `insert into change_requests (code, project_id, title, kinds, impact, state, steps, current_step, submitted_at)
     values ($1, $2, 'Add the mobile channel', '{budget}', $3, 'submitted', $4, 0, now()) returning id`,
    [
      `CR-H${tag}`,
      a.id,
      JSON.stringify({ budgetDelta: 40_000_00, finishDeltaDays: 30, scopeChange: '' }),
      JSON.stringify([
        {
          label: 'Program manager',
          roles: ['program_manager'],
          reason: 'Budget up to 10 %',
          decision: null,
          by: null,
          byName: null,
          at: null,
          comment: '',
        },
      ]),
    ],
  );
  ids.stop = await one(
    `insert into stop_recommendations (project_id, reason) values ($1, 'No sponsor since March; benefits gone') returning id`,
    [d.id],
  );
}, 120_000);
afterAll(() => w.close());

describe('GET /health/dashboard', () => {
  it('answers what needs attention in the scope, each entry leading to its project', async () => {
    const { res, body } = await dashboard(admin);
    expect(res.statusCode, res.body).toBe(200);
    const { a, b, c, d, e, f } = h.projects;
    expect(body.period.start).toBe(L);
    expect(body.headline).toMatchObject({
      projects: 6,
      redProjects: 1,
      redDimensions: 2,
      escalations: 1,
      missingReports: 2,
    });
    expect(body.headline.overall).toMatchObject({
      rag: 'red',
      counts: { red: 1, amber: 2, green: 1, missing: 2 },
    });
    // Red overall first, then red dimensions; the reasons of the latest report, justification first.
    expect(body.attention.items.map((x) => x.projectId)).toEqual([a.id, b.id]);
    const first = body.attention.items[0]!;
    expect(first).toMatchObject({ overall: 'red', redDimensions: ['schedule'], trend: 'worsening' });
    expect(first.reasons[0]).toEqual({
      dimension: 'overall',
      rag: 'red',
      text: 'Go-live moved: the vendor missed two drops',
      justified: true,
    });
    expect(first.reasons).toContainEqual({
      dimension: 'schedule',
      rag: 'red',
      text: 'Slipped milestones 2 is at or above 2 (red)',
      justified: false,
    });
    expect(first.reportId).toBeTruthy();
    expect(first.history.slice(-3)).toEqual(['green', 'green', 'red']);
    expect(body.attention.items[1]!.reasons[0]!.text).toMatch(/CPI 0.80/);

    // Worst movers: a (green → red), then f (green → amber).
    expect(body.worstMovers.items.map((m) => [m.projectId, m.from, m.to])).toEqual([
      [a.id, 'green', 'red'],
      [f.id, 'green', 'amber'],
    ]);
    expect(body.worstMovers.items[0]!.worsened.map((x) => x.dimension)).toEqual(['schedule', 'risk']);
    expect(body.headline.worsening).toBe(2);

    // The open escalated issue (not the closed one), with its step.
    expect(body.escalations.items).toHaveLength(1);
    expect(body.escalations.items[0]).toMatchObject({
      itemId: ids.escalated,
      projectId: a.id,
      level: 1,
      reason: 'Severity high is above medium',
      fromOffice: w.org.offices.find((o) => o.id === h.officeId)!.name,
    });

    // Decisions waiting: the proposed decision, the open gate, the stop recommendation; the change
    // request waits for a program manager, not for the administrator.
    const kinds = Object.fromEntries(body.decisions.items.map((x) => [x.kind, x.projectId]));
    expect(kinds).toEqual({ decision: b.id, gate: c.id, stop: d.id });
    expect(body.decisions.items.find((x) => x.kind === 'gate')!.title).toMatch(/^Gate 1 — Business case/);

    // Late and missing: c overdue, d missing twice running, e filed late.
    const late = Object.fromEntries(body.compliance.late.items.map((x) => [x.projectId, x.state]));
    expect(late).toEqual({ [c.id]: 'overdue', [d.id]: 'missing', [e.id]: 'filed-late' });
    expect(body.compliance.late.items[0]!.state).toBe('missing');
    expect(body.compliance.late.items.find((x) => x.projectId === e.id)).toMatchObject({ daysLate: 2 });
    expect(body.compliance.late.items.every((x) => x.manager === w.org.users[5]!.name)).toBe(true);
    expect(body.compliance.counts).toMatchObject({ filedLate: 1, missing: 1 });
    expect(body.trend.at(-1)!.key).toBe(body.period.key);
  });

  it('shows a change request to the people who may take its step', async () => {
    const pgm = await w.userWith([{ role: 'program_manager', scopeType: 'program', scopeId: h.program.id }]);
    const { body } = await dashboard(pgm);
    const change = body.decisions.items.find((x) => x.kind === 'change');
    expect(change).toMatchObject({ id: ids.change, projectId: h.projects.a.id });
    expect(change!.detail).toMatch(/^Step 1 of 1: Program manager \(budget \+40,000, finish \+30 days\)/);
    // The program manager sees the program's projects only.
    expect(body.headline.projects).toBe(4);
    expect(body.decisions.items.map((x) => x.kind).sort()).toEqual(['change', 'decision', 'gate', 'stop']);
  });

  it('keeps every section to what the caller may read', async () => {
    const pm = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: h.projects.b.id },
    ]);
    const { body } = await dashboard(pm, '');
    expect(body.scope.kind).toBe('organization');
    expect(body.headline.projects).toBe(1);
    expect(body.attention.items.map((x) => x.projectId)).toEqual([h.projects.b.id]);
    expect(body.escalations.total).toBe(0);
    expect(body.decisions.items.map((x) => x.kind)).toEqual(['decision']);
    expect(body.worstMovers.total).toBe(0);
    expect(body.compliance.late.total).toBe(0);

    const executive = await w.tokenFor('executive@pharos.demo');
    const exec = (await dashboard(executive)).body;
    expect(exec.headline.projects).toBe(6);
    expect(exec.decisions.items.map((x) => x.kind).sort()).toEqual(['decision', 'gate', 'stop']);
  });

  it('forgets nothing written since: a decided gate leaves the list', async () => {
    await write(w, `update gate_reviews set state = 'decided', decision = 'go' where id = $1`, [ids.gate]);
    const { body } = await dashboard(admin);
    expect(body.decisions.items.map((x) => x.kind)).not.toContain('gate');
  });
});
