import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue, type JobRunner } from '../jobs/runner';
import { jobDone, testRunner, waitFor } from '../jobs/testing';
import { systemCtx } from '../system';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { RAID_ESCALATION_JOB, registerRaidJobs, sweepEscalations } from './escalation-job';
import { create, dayFromToday, issue, type RaidPlaces, raidPlaces, risk } from './test-kit';

let w: TestWorld;
let pm: TestUser;
let p: RaidPlaces;
let runner: JobRunner;

beforeAll(async () => {
  w = await testWorld();
  p = raidPlaces(w);
  pm = await w.userWith([{ role: 'project_manager', scopeType: 'project', scopeId: p.project.id }], 'pm');
  runner = testRunner(w.database);
  registerRaidJobs(runner);
  await runner.start();
});
afterAll(async () => {
  await runner.stop();
  await w.close();
});

/** Runs the escalation job once through the runner and waits for it. */
async function runJob() {
  const id = await w.database.db.transaction((tx) => enqueue(tx, { kind: RAID_ESCALATION_JOB }));
  await waitFor('the escalation job', jobDone(w.database, id!));
  const [row] = (await w.database.db.execute<{ state: string }>(sql`select state from jobs where id = ${id}`))
    .rows;
  expect(row!.state).toBe('done');
}

const steps = async (id: string) =>
  (
    await w.database.db.execute<{ level: number; reason: string; detail: string; actor_id: string | null }>(
      sql`select level, reason, detail, actor_id from raid_escalations where item_id = ${id} order by at`,
    )
  ).rows;

const item = async (id: string) =>
  (
    await w.database.db.execute<{
      escalation_level: number;
      escalated_to_office_id: string | null;
      version: number;
    }>(sql`select escalation_level, escalated_to_office_id::text, version from raid_items where id = ${id}`)
  ).rows[0]!;

describe('the escalation job', () => {
  it('is scheduled every quarter hour', async () => {
    const [next] = (
      await w.database.db.execute<{ run_at: Date | string; dedupe_key: string }>(
        sql`select run_at, dedupe_key from jobs where kind = ${RAID_ESCALATION_JOB} and dedupe_key is not null`,
      )
    ).rows;
    expect(next?.dedupe_key).toMatch(/^raid\.escalate@/);
    expect(new Date(next!.dedupe_key.split('@')[1]!).getTime() % 900_000).toBe(0);
  });

  it('escalates an issue whose resolution deadline has passed, once however often it runs', async () => {
    const i = await create(
      pm,
      issue({ projectId: p.project.id }, { dueOn: dayFromToday(3), details: { severity: 'low' } }),
    );
    const quiet = await create(
      pm,
      issue({ projectId: p.project.id }, { title: 'On time', dueOn: dayFromToday(3) }),
    );
    await runJob();
    expect(await steps(i.id)).toEqual([]);
    // Time passes: the deadline is now behind us.
    await w.database.db.execute(sql`update raid_items set due_on = ${dayFromToday(-1)} where id = ${i.id}`);
    await runJob();
    const after = await steps(i.id);
    expect(after).toEqual([
      {
        level: 1,
        reason: 'deadline',
        detail: expect.stringMatching(/Resolution deadline .* has passed/),
        actor_id: null,
      },
    ]);
    expect(await item(i.id)).toMatchObject({
      escalation_level: 1,
      escalated_to_office_id: p.programOffice,
      version: 2,
    });
    await runJob();
    await runJob();
    expect(await steps(i.id)).toHaveLength(1);
    expect(await steps(quiet.id)).toEqual([]);
    const notes = await w.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where kind = 'raid.escalated' and subject_id = ${i.id}`,
    );
    expect(notes.rows[0]!.n).toBeGreaterThan(0);
    const audit = await w.database.db.execute<{ actor_id: string | null; request_id: string }>(
      sql`select actor_id, request_id from audit_events where entity_id = ${i.id} and action = 'update'`,
    );
    expect(audit.rows).toEqual([{ actor_id: null, request_id: expect.stringMatching(/^job:/) }]);
  });

  it('moves an item on when the receiving office’s own days to resolve have run out', async () => {
    const r = await create(pm, risk({ projectId: p.project.id }, { details: { probability: 4 } }));
    expect((await item(r.id)).escalation_level).toBe(1);
    // It arrived at the program office twelve days ago; that office has ten days.
    await w.database.db.execute(
      sql`update raid_items set escalated_at = now() - interval '12 days' where id = ${r.id}`,
    );
    const ctx = systemCtx(w.config, w.database);
    expect(await sweepEscalations(ctx)).toMatchObject({ escalated: 1 });
    expect(await sweepEscalations(ctx)).toMatchObject({ escalated: 0 });
    expect((await steps(r.id)).map((s) => [s.level, s.reason])).toEqual([
      [1, 'tolerance'],
      [2, 'deadline'],
    ]);
    expect((await item(r.id)).escalated_to_office_id).toBe(p.strategicOffice);
  });

  it('applies changed tolerances at the next run', async () => {
    const r = await create(pm, risk({ projectId: p.project.id }, { title: 'Twelve' }));
    expect((await item(r.id)).escalation_level).toBe(0);
    const director = await w.tokenFor('director@pharos.demo');
    const t = (await director.req({ method: 'GET', url: '/api/v1/settings/raid-tolerances' })).json();
    const put = await director.req({
      method: 'PUT',
      url: '/api/v1/settings/raid-tolerances',
      payload: {
        ...t,
        byOfficeKind: { ...t.byOfficeKind, project: { ...t.byOfficeKind.project, maxScore: 10 } },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    await runJob();
    expect((await steps(r.id)).map((s) => [s.level, s.reason, s.actor_id])).toEqual([[1, 'tolerance', null]]);
    expect((await item(r.id)).escalated_to_office_id).toBe(p.programOffice);
  });

  it('leaves closed and archived items, and those of archived projects, where they are', async () => {
    const i = await create(pm, issue({ projectId: p.project.id }, { dueOn: dayFromToday(2) }));
    await w.database.db.execute(
      sql`update raid_items set due_on = ${dayFromToday(-5)}, status = 'resolved' where id = ${i.id}`,
    );
    const a = await create(pm, issue({ projectId: p.project.id }, { dueOn: dayFromToday(2) }));
    await w.database.db.execute(
      sql`update raid_items set due_on = ${dayFromToday(-5)}, archived_at = now() where id = ${a.id}`,
    );
    const admin = await w.tokenFor('admin@pharos.demo');
    const shelved = await create(admin, issue({ projectId: p.sibling.id }, { dueOn: dayFromToday(2) }));
    await w.database.db.execute(
      sql`update raid_items set due_on = ${dayFromToday(-5)} where id = ${shelved.id}`,
    );
    await w.database.db.execute(sql`update projects set archived_at = now() where id = ${p.sibling.id}`);
    await runJob();
    expect(await steps(i.id)).toEqual([]);
    expect(await steps(a.id)).toEqual([]);
    // Nor those of an archived project; restored, it is checked again.
    expect(await steps(shelved.id)).toEqual([]);
    await w.database.db.execute(sql`update projects set archived_at = null where id = ${p.sibling.id}`);
    await runJob();
    expect(await steps(shelved.id)).toHaveLength(1);
  });
});
