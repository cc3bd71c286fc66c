import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect';
import { generateOrganization } from '../demo/organization';
import { seedOrganization } from '../demo/seed';
import { freshDatabase, testDatabaseKind } from '../test/harness';
import { newTask, type PlanDocument, scheduleDocument } from './document';
import { generatePlan } from './generate';
import { replacePlan } from './repo';

// A whole plan goes in as binary COPY files on the embedded database and as arrays on a server
// (repo.ts). Here both ways store the same plans, compared row by row as PostgreSQL prints them.
// `pharos.embedded` set empty in a transaction makes the embedded database take the arrays too.

let database: Database;
let projects: string[];
beforeAll(async () => {
  database = await freshDatabase();
  const org = generateOrganization({ projects: 12, programs: 2, users: 6 });
  await seedOrganization(database.db, org);
  projects = org.projects.map((p) => p.id);
});
afterAll(() => database.close());

const TABLES = [
  ['plan_tasks', 'uid'],
  ['plan_links', 'predecessor_uid, successor_uid'],
  ['plan_calendars', 'uid'],
  ['plan_resources', 'uid'],
  ['plan_assignments', 'uid'],
] as const;

/** A project's plan rows as PostgreSQL prints them (the project's id left out). */
async function stored(projectId: string) {
  const out = {} as Record<(typeof TABLES)[number][0], string[]>;
  for (const [table, order] of TABLES) {
    const { rows } = await database.db.execute(
      sql.raw(
        `select replace(t::text, project_id::text, '') as r from ${table} t where project_id = '${projectId}' order by ${order}`,
      ),
    );
    out[table] = rows.map((r) => r.r as string);
  }
  const [plan] = (
    await database.db.execute(
      sql`select version, name, start_date::text, status_date::text, finish::text, baselines_set::text from plans where project_id = ${projectId}`,
    )
  ).rows;
  return { plan, ...out };
}

/** Stores `doc` as a project's plan, as arrays (`arrays`) or the embedded database's own way. */
async function store(projectId: string, doc: PlanDocument, arrays: boolean, schedule?: () => void) {
  await database.db.transaction(async (tx) => {
    if (arrays) await tx.execute(sql`set local pharos.embedded = ''`);
    else if (testDatabaseKind === 'pglite') {
      const [s] = (await tx.execute(sql`select current_setting('pharos.embedded', true) as id`)).rows;
      expect(s?.id).toBeTruthy(); // the binary COPY way is the one under test
    }
    await replacePlan(tx, projectId, doc, 'test.xml', schedule);
  });
}

const copy = <T>(v: T): T => structuredClone(v);

/** A plan with values that are easy to get wrong in one way or the other. */
function awkwardPlan(): PlanDocument {
  const doc = generatePlan(60);
  scheduleDocument(doc);
  const t = doc.tasks;
  t[0]!.name = 'He said "hi" \\ back\\slash, {braces}, (parens), NULL';
  t[1]!.name = 'NULL';
  t[2]!.name = '';
  t[3]!.name = 'tab\there, new\nline, return\r, comma, semicolon;';
  t[4]!.name = 'ünïcödé — 漢字 🚀 \u00a0 \u2028';
  t[5]!.notes = `long ${'x'.repeat(50_000)} notes`;
  t[6]!.duration = 0.1 + 0.2;
  t[7]!.percentComplete = -0;
  t[8]!.totalSlack = -12_345.5;
  t[8]!.freeSlack = 1e21;
  t[9]!.remainingDuration = Number.MAX_VALUE;
  t[10]!.totalSlack = 5e-324;
  t[18]!.totalSlack = Number.POSITIVE_INFINITY;
  t[18]!.freeSlack = Number.NaN;
  t[19]!.totalSlack = Number.NEGATIVE_INFINITY;
  t[11]!.calendarUid = 1;
  t[12]!.constraintType = 'MSO';
  t[12]!.constraintDate = '2026-03-02T08:00';
  t[13]!.deadline = '2026-03-02 08:00';
  t[14]!.actualStart = '2026-03-02T08:00:00';
  t[14]!.actualFinish = '1900-02-28T23:59';
  t[15]!.manualStart = '2199-12-31T00:01';
  t[16]!.outlineLevel = 3;
  t[17]!.baselines = [
    { number: 0, start: '2026-01-05T08:00', finish: null, duration: 1.5, work: null, cost: 1e-7 },
    { number: 10, start: null, finish: '2026-01-06T17:00', duration: 0, work: 480, cost: -3 },
  ];
  doc.tasks.push(newTask(2_147_483_647, { row: 61, name: 'Largest UID', duration: 0, milestone: true }));
  doc.links[0]!.lag = -480.5;
  doc.links[0]!.lagUnit = 'ed';
  doc.links[1]!.type = 'SF';
  doc.calendars[0]!.name = 'Standard "five-day" \\ week';
  doc.calendars.push({
    ...copy(doc.calendars[0]!),
    uid: 7,
    name: 'Night, ünïcödé',
    baseUid: 1,
    exceptions: [{ name: 'Fête 🎉', from: '2026-07-14', to: '2026-07-14', hours: [] }],
  });
  doc.resources = [
    {
      uid: 1,
      name: 'Ünï "R" \\ one',
      type: 'work',
      initials: 'U',
      group: '',
      maxUnits: 0.5,
      standardRate: 123.45,
      calendarUid: null,
    },
    {
      uid: 2,
      name: 'Crane',
      type: 'material',
      initials: '',
      group: 'Site, {A}',
      maxUnits: 1,
      standardRate: 0,
      calendarUid: 7,
    },
  ];
  doc.assignments = [
    {
      uid: 1,
      taskUid: 2,
      resourceUid: 1,
      units: 1.25,
      work: 0,
      actualWork: 0,
      start: null,
      finish: null,
    },
    {
      uid: 2,
      taskUid: 3,
      resourceUid: 2,
      units: 1,
      work: 960,
      actualWork: 120.5,
      start: '2026-01-05T08:00',
      finish: '2026-01-06T17:00',
    },
  ];
  return doc;
}

describe('storing a whole plan', () => {
  let next = 0;
  const project = () => projects[next++]!;

  it('stores the same rows in binary COPY files as in arrays', async () => {
    const doc = awkwardPlan();
    const [a, b] = [project(), project()];
    await store(a, copy(doc), false);
    await store(b, copy(doc), true);
    const [copied, inserted] = [await stored(a), await stored(b)];
    expect(copied.plan_tasks).toHaveLength(doc.tasks.length);
    expect(copied.plan_links).toHaveLength(doc.links.length);
    expect(copied.plan_resources).toHaveLength(2);
    expect(copied.plan_assignments).toHaveLength(2);
    expect(copied).toEqual(inserted);
    // As printed: no negative zero, the timestamps to the minute.
    expect(copied.plan_tasks.join('\n')).not.toContain(',-0,');
    expect(copied.plan_tasks.join('\n')).toContain('"2026-03-02 08:00:00"');
  });

  it('stores a large plan the same, scheduled while its links go in', async () => {
    // More tasks than two COPY files hold, in chains of a hundred (one of 31,000 runs past what a
    // calendar is searched for).
    const doc = generatePlan(31_000);
    doc.links = doc.links.filter(
      (l) => Math.floor(l.predecessorUid / 100) === Math.floor(l.successorUid / 100),
    );
    const [a, b] = [project(), project()];
    const d = copy(doc);
    await store(a, d, false, () => scheduleDocument(d));
    const e = copy(doc);
    scheduleDocument(e);
    await store(b, e, true);
    const hash = async (p: string) => {
      const out: Record<string, unknown> = {};
      for (const [table, order] of TABLES) {
        const { rows } = await database.db.execute(
          sql.raw(
            `select count(*)::int as n, md5(string_agg(replace(t::text, project_id::text, ''), '|' order by ${order})) as h
             from ${table} t where project_id = '${p}'`,
          ),
        );
        out[table] = rows[0];
      }
      return out;
    };
    const [copied, inserted] = [await hash(a), await hash(b)];
    expect((copied.plan_tasks as { n: number }).n).toBe(31_000);
    expect(copied).toEqual(inserted);
    expect((await stored(a)).plan).toEqual((await stored(b)).plan);
  });

  it('takes values binary COPY would store otherwise as PostgreSQL reads them from text', async () => {
    const doc = awkwardPlan();
    // Seconds, which timestamp(0) rounds; a float where an integer column reads text.
    doc.tasks[20]!.manualStart = '2026-03-02T08:00:30';
    doc.links[2]!.lag = 3;
    doc.assignments[0]!.work = '960' as unknown as number;
    const [a, b] = [project(), project()];
    await store(a, copy(doc), false);
    await store(b, copy(doc), true);
    const copied = await stored(a);
    expect(copied).toEqual(await stored(b));
    expect(copied.plan_tasks.join('\n')).toContain('"2026-03-02 08:00:30"');
  });

  it('refuses what PostgreSQL refuses, leaving the plan as it was', async () => {
    const p = project();
    const good = awkwardPlan();
    await store(p, copy(good), false);
    const before = await stored(p);
    const twice = awkwardPlan();
    twice.tasks.push(newTask(twice.tasks[0]!.uid, { row: 99, name: 'Same UID' }));
    await expect(store(p, twice, false)).rejects.toMatchObject({ cause: { code: '23505' } });
    const wrong = awkwardPlan();
    wrong.tasks[3]!.outlineLevel = 1.5;
    await expect(store(p, wrong, false)).rejects.toThrow();
    // Scheduling that fails, the other tables on their way in meanwhile.
    await expect(
      store(p, awkwardPlan(), false, () => {
        throw new Error('no schedule');
      }),
    ).rejects.toThrow('no schedule');
    expect(await stored(p)).toEqual(before);
    // The database goes on.
    await store(p, copy(good), false);
    expect((await stored(p)).plan_tasks).toEqual(before.plan_tasks);
  });
});
