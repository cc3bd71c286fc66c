import type { PlanTaskT } from '@pharos/api';
import { type SQL, sql } from 'drizzle-orm';
import { stagedFilesOf, type Tx } from '../db/connect';
import type { PlanDocument } from './document';
import {
  ASSIGNMENT_COLUMNS,
  CALENDAR_COLUMNS,
  type Calendar,
  CopyLoader,
  insertRows,
  json,
  LINK_COLUMNS,
  type Link,
  load,
  RESOURCE_COLUMNS,
  type Resource,
  TASK_COLUMNS,
} from './rows';

/**
 * The plan tables, read and written whole or by difference; how rows are sent is in `rows.ts`.
 */

type Row = Record<string, unknown>;

/** A wall-clock timestamp as PostgreSQL writes it (`2024-03-04 08:00:00`) in plan form. */
const wall = (v: unknown) =>
  v === null || v === undefined ? null : String(v).replace(' ', 'T').slice(0, 16);

export interface StoredPlan {
  doc: PlanDocument;
  version: number;
  source: string;
  updatedAt: string;
}

export const rowsOf = async (tx: Tx, q: SQL) => (await tx.execute(q)).rows as Row[];

export interface PlanHead {
  version: number;
  source: string;
  updatedAt: string;
}

export const head = (r: Row): PlanHead => ({
  version: r.version as number,
  source: r.source as string,
  updatedAt: new Date(String(r.updated)).toISOString(),
});

/** A plan's version, source and time of change, or null; `lock` holds its row until the transaction ends. */
export async function planHead(tx: Tx, projectId: string, lock = false): Promise<PlanHead | null> {
  const [r] = await rowsOf(
    tx,
    sql`select version, source, updated_at::text as updated from plans where project_id = ${projectId}${lock ? sql` for update` : sql``}`,
  );
  return r ? head(r) : null;
}

/** The stored plan of a project, or null; `lock` holds its row until the transaction ends. */
export async function loadPlan(tx: Tx, projectId: string, lock = false): Promise<StoredPlan | null> {
  const [p] = await rowsOf(
    tx,
    sql`select *, updated_at::text as updated from plans where project_id = ${projectId}${lock ? sql` for update` : sql``}`,
  );
  if (!p) return null;
  // One after the other: inside a transaction they share one connection.
  const tasks = await rowsOf(tx, sql`select * from plan_tasks where project_id = ${projectId} order by row`);
  const links = await rowsOf(
    tx,
    sql`select * from plan_links where project_id = ${projectId} order by successor_uid, predecessor_uid`,
  );
  const calendars = await rowsOf(
    tx,
    sql`select * from plan_calendars where project_id = ${projectId} order by uid`,
  );
  const resources = await rowsOf(
    tx,
    sql`select * from plan_resources where project_id = ${projectId} order by uid`,
  );
  const assignments = await rowsOf(
    tx,
    sql`select * from plan_assignments where project_id = ${projectId} order by uid`,
  );
  const doc: PlanDocument = {
    name: p.name as string,
    startDate: wall(p.start_date)!,
    statusDate: wall(p.status_date),
    calendarUid: p.calendar_uid as number,
    minutesPerDay: p.minutes_per_day as number,
    minutesPerWeek: p.minutes_per_week as number,
    daysPerMonth: p.days_per_month as number,
    finish: wall(p.finish),
    baselinesSet: p.baselines_set as PlanDocument['baselinesSet'],
    calendars: calendars.map((c) => ({
      uid: c.uid as number,
      name: c.name as string,
      baseUid: c.base_uid as number | null,
      week: c.week as Calendar['week'],
      exceptions: c.exceptions as Calendar['exceptions'],
      workWeeks: c.work_weeks as Calendar['workWeeks'],
    })),
    tasks: tasks.map(taskFromRow),
    links: links.map((l) => ({
      predecessorUid: l.predecessor_uid as number,
      successorUid: l.successor_uid as number,
      type: l.type as Link['type'],
      lag: l.lag as number,
      lagUnit: l.lag_unit as Link['lagUnit'],
    })),
    resources: resources.map((r) => ({
      uid: r.uid as number,
      name: r.name as string,
      type: r.type as Resource['type'],
      initials: r.initials as string,
      group: r.group as string,
      maxUnits: r.max_units as number,
      standardRate: r.standard_rate as number,
      calendarUid: r.calendar_uid as number | null,
    })),
    assignments: assignments.map((a) => ({
      uid: a.uid as number,
      taskUid: a.task_uid as number,
      resourceUid: a.resource_uid as number,
      units: a.units as number,
      work: a.work as number,
      actualWork: a.actual_work as number,
      start: wall(a.start),
      finish: wall(a.finish),
    })),
  };
  return {
    doc,
    version: p.version as number,
    source: p.source as string,
    updatedAt: new Date(String(p.updated)).toISOString(),
  };
}

function taskFromRow(t: Row): PlanTaskT {
  return {
    uid: t.uid as number,
    row: t.row as number,
    version: t.version as number,
    wbs: t.wbs as string,
    outlineLevel: t.outline_level as number,
    name: t.name as string,
    notes: t.notes as string,
    summary: t.summary as boolean,
    milestone: t.milestone as boolean,
    manual: t.manual as boolean,
    manualStart: wall(t.manual_start),
    duration: t.duration as number,
    durationUnit: t.duration_unit as PlanTaskT['durationUnit'],
    constraintType: t.constraint_type as PlanTaskT['constraintType'],
    constraintDate: wall(t.constraint_date),
    deadline: wall(t.deadline),
    calendarUid: t.calendar_uid as number | null,
    percentComplete: t.percent_complete as number,
    actualStart: wall(t.actual_start),
    actualFinish: wall(t.actual_finish),
    remainingDuration: t.remaining_duration as number | null,
    start: wall(t.start),
    finish: wall(t.finish),
    earlyStart: wall(t.early_start),
    earlyFinish: wall(t.early_finish),
    lateStart: wall(t.late_start),
    lateFinish: wall(t.late_finish),
    totalSlack: t.total_slack as number | null,
    freeSlack: t.free_slack as number | null,
    critical: t.critical as boolean,
    baselines: t.baselines as PlanTaskT['baselines'],
  };
}

/** The plan row's own fields. */
export function planFields(doc: PlanDocument) {
  return sql`name = ${doc.name}, start_date = ${doc.startDate}::timestamp, status_date = ${doc.statusDate}::timestamp,
    calendar_uid = ${doc.calendarUid}, minutes_per_day = ${doc.minutesPerDay}, minutes_per_week = ${doc.minutesPerWeek},
    days_per_month = ${doc.daysPerMonth}, finish = ${doc.finish}::timestamp, baselines_set = ${json(doc.baselinesSet)}::jsonb`;
}

/**
 * Replaces a project's plan with `doc` (creating it); returns the new version. With `schedule`,
 * which computes the tasks' dates of `doc` (its links, calendars, resources and assignments are
 * left as they are), the embedded database loads those other tables while it runs; the tasks go
 * in after.
 */
export async function replacePlan(
  tx: Tx,
  projectId: string,
  doc: PlanDocument,
  source: string,
  schedule?: () => void,
): Promise<PlanHead> {
  for (const t of ['plan_assignments', 'plan_resources', 'plan_links', 'plan_tasks', 'plan_calendars'])
    await tx.execute(sql`delete from ${sql.identifier(t)} where project_id = ${projectId}`);
  const [row] = await rowsOf(
    tx,
    sql`insert into plans (project_id, source, start_date, calendar_uid) values (${projectId}, ${source}, ${doc.startDate}::timestamp, ${doc.calendarUid})
      on conflict (project_id) do update set version = plans.version + 1, source = excluded.source, updated_at = now()
      returning version, source, updated_at::text as updated`,
  );
  // Every row below refers to the plan row just written and locked in this transaction, so the
  // foreign-key triggers (one query per row, a third of the time on PGlite) can only agree: where
  // the role may (a superuser, as on the embedded database), they are skipped for these inserts,
  // as pg_restore --disable-triggers does. Nothing else fires on these tables.
  const [role] = await rowsOf(
    tx,
    sql`select current_setting('is_superuser') = 'on' as su, current_setting('session_replication_role') as was,
      current_setting('pharos.embedded', true) as embedded`,
  );
  const skipTriggers = role?.su === true;
  if (skipTriggers) await tx.execute(sql`set local session_replication_role = replica`);
  // The tables whose rows `schedule` leaves as they are.
  const others = [
    load('plan_calendars', CALENDAR_COLUMNS, doc.calendars),
    load('plan_links', LINK_COLUMNS, doc.links),
    load('plan_resources', RESOURCE_COLUMNS, doc.resources),
    load('plan_assignments', ASSIGNMENT_COLUMNS, doc.assignments),
  ];
  const tasks = load('plan_tasks', TASK_COLUMNS, doc.tasks);
  // On the embedded database, binary COPY files; on a server, arrays.
  const staged = stagedFilesOf(role?.embedded);
  if (staged) {
    const loader = new CopyLoader(tx, staged, projectId);
    try {
      if (schedule) {
        const left = await loader.tables(others);
        schedule();
        await loader.rows(tasks);
        for (const l of left) await loader.rows(l);
      } else for (const l of [tasks, ...others]) await loader.rows(l);
      await loader.done();
    } finally {
      loader.close();
    }
  } else {
    schedule?.();
    for (const l of [tasks, ...others]) await insertRows(tx, l.table, l.columns, projectId, l.items);
  }
  // The plan's own fields, some of them (its finish) computed by `schedule`.
  await tx.execute(sql`update plans set ${planFields(doc)} where project_id = ${projectId}`);
  if (skipTriggers)
    await tx.execute(sql`select set_config('session_replication_role', ${role!.was as string}, true)`);
  return head(row!);
}
