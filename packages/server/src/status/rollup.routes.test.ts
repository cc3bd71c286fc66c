import type { HealthRollupT } from '@pharos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../system';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { healthState } from './rollup-state';
import { refreshProjectHealth } from './rollup-store';
import { addDays, fileReport, type HealthWorld, healthWorld, lastDueWeek, write } from './rollup-testing';

let w: TestWorld;
let admin: TestUser;
let h: HealthWorld;
/** Four weeks in the past, oldest first: reports are filed for these. */
const weeks = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
const last = weeks[3]!;

const rollup = async (as: TestUser, query: string) => {
  const res = await as.req({ method: 'GET', url: `/api/v1/health/rollup?${query}` });
  return { res, body: res.json() as HealthRollupT };
};

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  h = await healthWorld(w, admin);
  const { a, b, c, e, f } = h.projects;
  // Week 1: everyone green. Week 2: b amber. Week 3: b amber, c red. Week 4: b amber, c red on
  // schedule only. d never reports (missing); f stops after week 2.
  for (const [i, week] of weeks.entries()) {
    await fileReport(w, a.id, week, { overall: 'green' });
    await fileReport(w, b.id, week, {
      overall: i === 0 ? 'green' : 'amber',
      dims: { cost: i === 0 ? 'green' : 'amber' },
    });
    await fileReport(w, c.id, week, {
      overall: i < 2 ? 'green' : 'red',
      dims: i < 2 ? {} : { schedule: 'red', risk: 'amber' },
    });
    await fileReport(w, e.id, week, { overall: 'green', dims: { quality: 'unknown' } });
    if (i < 2) await fileReport(w, f.id, week, { overall: 'green' });
  }
}, 120_000);
afterAll(() => w.close());

describe('GET /health/rollup', () => {
  it('rolls a program up worst-of, per dimension, counting the project without a report as missing', async () => {
    const { res, body } = await rollup(admin, `scope=program&id=${h.program.id}&period=${last}&periods=4`);
    expect(res.statusCode, res.body).toBe(200);
    expect(body.scope).toMatchObject({ kind: 'program', id: h.program.id, code: h.program.code });
    expect(body.period).toMatchObject({
      kind: 'weekly',
      key: '2025-W13',
      start: last,
      end: addDays(last, 6),
      due: addDays(last, 7),
    });
    expect(body.rule).toMatchObject({ method: 'worst', by: null });
    expect(body.projects).toBe(4);
    expect(body.overall).toEqual({
      rag: 'red',
      score: 3,
      counts: { green: 1, amber: 1, red: 1, unknown: 0, missing: 1 },
    });
    expect(body.dimensions.schedule.rag).toBe('red');
    expect(body.dimensions.cost).toMatchObject({
      rag: 'amber',
      counts: { green: 2, amber: 1, red: 0, missing: 1 },
    });
    expect(body.dimensions.risk.rag).toBe('amber');
    expect(body.dimensions.quality.rag).toBe('green');
    // Children: its projects, worst first; d is there as missing.
    expect(body.children.map((c) => c.code)).toEqual([
      h.projects.c.code,
      h.projects.b.code,
      h.projects.a.code,
      h.projects.d.code,
    ]);
    const d = body.children.find((c) => c.id === h.projects.d.id)!;
    expect(d.overall.counts.missing).toBe(1);
    expect(d.lastReport).toBeNull();
    expect(body.children[0]).toMatchObject({
      kind: 'project',
      history: ['green', 'green', 'red', 'red'],
      lastReport: last,
    });
  });

  it('shows the trend over the periods asked for, oldest first, with counts per period', async () => {
    const { body } = await rollup(admin, `scope=program&id=${h.program.id}&period=2025-W13&periods=5`);
    expect(body.trend.map((t) => t.key)).toEqual([
      '2025-W09',
      '2025-W10',
      '2025-W11',
      '2025-W12',
      '2025-W13',
    ]);
    expect(body.trend.map((t) => t.rag)).toEqual(['unknown', 'green', 'amber', 'red', 'red']);
    expect(body.trend[0]!.counts).toMatchObject({ missing: 4, green: 0 });
    expect(body.trend[2]!.counts).toEqual({ green: 2, amber: 1, red: 0, unknown: 0, missing: 1 });
    const b = body.children.find((c) => c.id === h.projects.b.id)!;
    expect(b.history).toEqual(['unknown', 'green', 'amber', 'amber', 'amber']);
    expect(b.trend).toBe('stable');
    expect(body.children.find((c) => c.id === h.projects.c.id)!.trend).toBe('worsening');
  });

  it('rolls a portfolio up over all its projects, however deep, with sub-portfolios and programs as children', async () => {
    const { body } = await rollup(admin, `scope=portfolio&id=${h.portfolio.id}&period=${last}`);
    expect(body.projects).toBe(6);
    // f reported only in weeks 1–2: missing now.
    expect(body.overall.counts).toEqual({ green: 2, amber: 1, red: 1, unknown: 0, missing: 2 });
    expect(body.dimensions.quality.counts).toMatchObject({ unknown: 1 });
    const kinds = Object.fromEntries(body.children.map((c) => [c.code, c.kind]));
    expect(kinds).toEqual({
      [h.program.code]: 'program',
      [h.sub.code]: 'portfolio',
      [h.projects.e.code]: 'project',
    });
    const program = body.children.find((c) => c.kind === 'program')!;
    expect(program).toMatchObject({
      projects: 4,
      overall: { rag: 'red' },
      dimensions: { schedule: 'red', cost: 'amber' },
    });
    expect(body.children[0]!.kind).toBe('program'); // the worst first
    expect(body.childrenTotal).toBe(3);
    const worst = (await rollup(admin, `scope=portfolio&id=${h.portfolio.id}&period=${last}&children=1`))
      .body;
    expect(worst.children.map((c) => c.code)).toEqual([h.program.code]);
    expect(worst.childrenTotal).toBe(3);
    const sub = body.children.find((c) => c.kind === 'portfolio')!;
    expect(sub.overall).toMatchObject({ rag: 'unknown', counts: { missing: 1 } });
    expect(sub.history.slice(-4)).toEqual(['green', 'green', 'unknown', 'unknown']);
  });

  it('weighs by approved budget or by priority when the office says so', async () => {
    const db = { query: (text: string, values?: unknown[]) => write(w, text, values) };
    const { a, b, c } = h.projects;
    for (const [id, budget] of [
      [a.id, 1_000_000_00],
      [b.id, 10_00],
      [c.id, 10_00],
    ] as const)
      await db.query(
        `insert into project_approved_values (project_id, currency, budget) values ($1, 'EUR', $2)
         on conflict (project_id) do update set budget = $2`,
        [id, budget],
      );
    const setRule = (rollup: Record<string, unknown>) =>
      db.query(
        `insert into office_status_settings (office_id, cadence, due_days_after_period, reminder_days_before, rollup)
         values ($1, '{"kind":"weekly"}', 1, '[1]', $2)
         on conflict (office_id) do update set rollup = $2`,
        [h.officeId, JSON.stringify(rollup)],
      );
    try {
      await setRule({ method: 'weighted', by: 'budget' });
      const byBudget = (await rollup(admin, `scope=program&id=${h.program.id}&period=${last}`)).body;
      expect(byBudget.rule).toMatchObject({
        method: 'weighted',
        by: 'budget',
        officeId: h.officeId,
        amberFrom: 1.5,
      });
      // a (green) weighs 100,000 times b and c: the weighted mean stays green; the counts do not change.
      expect(byBudget.overall.rag).toBe('green');
      expect(byBudget.overall.score).toBeLessThan(1.01);
      expect(byBudget.overall.counts).toEqual({ green: 1, amber: 1, red: 1, unknown: 0, missing: 1 });

      // By priority: the objectives c serves weigh far more than the others (a and b weigh 1).
      const objective = w.org.objectives[0]!;
      await db.query(
        'insert into project_objectives (project_id, objective_id) values ($1, $2) on conflict do nothing',
        [c.id, objective.id],
      );
      await db.query('update objectives set weight = 1000 where id = $1', [objective.id]);
      await setRule({ method: 'weighted', by: 'priority' });
      const byPriority = (await rollup(admin, `scope=program&id=${h.program.id}&period=${last}`)).body;
      expect(byPriority.rule.describe).toMatch(/priority/);
      expect(byPriority.overall.rag).toBe('red');
      // The same with equal weights would be amber (mean of green, amber, red).
      await setRule({ method: 'weighted', by: 'budget' });
      await db.query('delete from project_approved_values where project_id = any($1)', [[a.id, b.id, c.id]]);
      const equal = (await rollup(admin, `scope=program&id=${h.program.id}&period=${last}`)).body;
      expect(equal.overall).toMatchObject({ rag: 'amber', score: 2 });
    } finally {
      await db.query('delete from office_status_settings where office_id = $1', [h.officeId]);
    }
  });

  it('counts only what the caller may read, and hides a scope they cannot see', async () => {
    const pm = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: h.projects.c.id },
    ]);
    const mine = (await rollup(pm, `scope=program&id=${h.program.id}&period=${last}`)).body;
    expect(mine.projects).toBe(1);
    expect(mine.children.map((c) => c.id)).toEqual([h.projects.c.id]);
    const org = (await rollup(pm, `period=${last}`)).body;
    expect(org.scope.kind).toBe('organization');
    expect(org.projects).toBe(1);
    expect(org.overall.rag).toBe('red');

    const stranger = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: w.org.projects[0]!.id },
    ]);
    expect((await rollup(stranger, `scope=portfolio&id=${h.portfolio.id}`)).res.statusCode).toBe(404);
    expect((await rollup(stranger, `scope=program&id=${h.program.id}`)).res.statusCode).toBe(404);
    const requester = await w.userWith([
      { role: 'business_requester', scopeType: 'organization', scopeId: null },
    ]);
    expect((await rollup(requester, '')).res.statusCode).toBe(403);
  });

  it('refuses a period that is not one of the cadence, naming the field', async () => {
    for (const period of ['2025-13', '2025-W60', 'soon']) {
      const { res } = await rollup(admin, `scope=program&id=${h.program.id}&period=${period}`);
      expect(res.statusCode, period).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'period' });
    }
    expect((await rollup(admin, 'scope=program')).res.statusCode).toBe(404);
  });

  it('defaults to the latest period due today', async () => {
    const { body } = await rollup(admin, `scope=program&id=${h.program.id}`);
    expect(body.period.start).toBe(lastDueWeek(body.asOf));
    expect(body.period.due <= body.asOf).toBe(true);
    expect(addDays(body.period.due, 7) > body.asOf).toBe(true);
  });

  it('follows reports as they are reopened and corrected, in the same transaction', async () => {
    const { c } = h.projects;
    const db = { query: (text: string, values?: unknown[]) => write(w, text, values) };
    const health = async () =>
      (
        await db.query(
          'select overall_rag, period_start::text as start, history from project_health where project_id = $1',
          [c.id],
        )
      ).rows[0];
    expect(await health()).toMatchObject({ overall_rag: 'red', start: last });
    await db.query(`update status_reports set state = 'draft' where project_id = $1 and period_start = $2`, [
      c.id,
      last,
    ]);
    expect(await health()).toMatchObject({ overall_rag: 'red', start: weeks[2] });
    const reopened = (await rollup(admin, `scope=program&id=${h.program.id}&period=${last}`)).body;
    expect(reopened.overall.counts).toMatchObject({ red: 0, missing: 2 });
    await db.query(
      `update status_reports set state = 'submitted', overall_rag = 'amber', schedule_rag = 'amber' where project_id = $1 and period_start = $2`,
      [c.id, last],
    );
    expect(await health()).toMatchObject({ overall_rag: 'amber', start: last });
    const corrected = (await rollup(admin, `scope=program&id=${h.program.id}&period=${last}`)).body;
    expect(corrected.overall).toMatchObject({ rag: 'amber', counts: { red: 0, amber: 2, missing: 1 } });
    // What the triggers keep is what a rebuild from the reports gives.
    const before = (await db.query('select project_id, history from project_health order by project_id'))
      .rows;
    await db.query('delete from project_health');
    await refreshProjectHealth(w.database.db);
    w.database.reads.invalidate();
    expect(
      (await db.query('select project_id, history from project_health order by project_id')).rows,
    ).toEqual(before);
  });

  it('reads reports older than the kept history from the reports themselves', async () => {
    const { a } = h.projects;
    // Fourteen more weeks of a, after the four: its kept history no longer reaches March.
    for (let i = 1; i <= 14; i++) await fileReport(w, a.id, addDays(last, 7 * i), { overall: 'amber' });
    const { body } = await rollup(admin, `scope=program&id=${h.program.id}&period=${last}&periods=4`);
    expect(body.children.find((c) => c.id === a.id)!.history).toEqual(['green', 'green', 'green', 'green']);
    const later = (
      await rollup(admin, `scope=program&id=${h.program.id}&period=${addDays(last, 14 * 7)}&periods=2`)
    ).body;
    expect(later.children.find((c) => c.id === a.id)!.overall.rag).toBe('amber');
  });

  it('keeps what it computed across writes that do not touch health, and not across those that do', async () => {
    const ctx = systemCtx(w.config, w.database);
    const first = await healthState(ctx);
    await write(w, `update users set title = 'Changed title' where id = $1`, [w.org.users[3]!.id]);
    expect(await healthState(ctx)).toBe(first);
    await fileReport(w, h.projects.e.id, addDays(last, 7), { overall: 'red' });
    const next = await healthState(ctx);
    expect(next).not.toBe(first);
    expect(next.fingerprint).not.toBe(first.fingerprint);
    await write(w, `update projects set status = 'on_hold' where id = $1`, [h.projects.d.id]);
    expect((await healthState(ctx)).board.find((p) => p.id === h.projects.d.id)?.status).toBe('on_hold');
  });
});
