/*
 * Saving a plan by difference: what changed between two versions of a plan (tasks, links,
 * calendars, the plan's own fields) is written, not the whole plan. Reading and whole writes are
 * in repo.ts; how rows are sent is in rows.ts.
 */
import type { PlanTaskT } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { PlanDocument } from './document';
import { head, type PlanHead, planFields, rowsOf } from './repo';
import { CALENDAR_COLUMNS, CHUNK, type Column, insertRows, LINK_COLUMNS, TASK_COLUMNS } from './rows';

const sameRow = <T>(columns: Column<T>[], a: T, b: T) => columns.every(([, , get]) => get(a) === get(b));

/**
 * Writes what changed between two versions of a plan: tasks, links and calendars added, changed
 * or removed, and the plan's own fields. Bumps the plan's version and returns it, or null when
 * the plan moved on since `version` (someone else saved first).
 */
export async function savePlanChanges(
  tx: Tx,
  projectId: string,
  version: number,
  before: PlanDocument,
  after: PlanDocument,
  tasks: TaskChanges = taskChanges(before.tasks, after.tasks),
): Promise<PlanHead | null> {
  const [row] = await rowsOf(
    tx,
    sql`update plans set version = version + 1, updated_at = now(), ${planFields(after)}
      where project_id = ${projectId} and version = ${version} returning version, source, updated_at::text as updated`,
  );
  if (!row) return null;
  await saveTasks(tx, projectId, tasks);
  await saveDiff(
    tx,
    'plan_links',
    LINK_COLUMNS,
    projectId,
    before.links,
    after.links,
    ['predecessor_uid', 'successor_uid'],
    (l) => `${l.predecessorUid}:${l.successorUid}`,
  );
  await saveDiff(
    tx,
    'plan_calendars',
    CALENDAR_COLUMNS,
    projectId,
    before.calendars,
    after.calendars,
    ['uid'],
    (c) => `${c.uid}`,
  );
  return head(row);
}

async function saveDiff<T>(
  tx: Tx,
  table: string,
  columns: Column<T>[],
  projectId: string,
  before: readonly T[],
  after: readonly T[],
  key: string[],
  keyOf: (item: T) => string,
) {
  const old = new Map(before.map((x) => [keyOf(x), x]));
  const changed = after.filter((x) => {
    const was = old.get(keyOf(x));
    return !was || !sameRow(columns, was, x);
  });
  const kept = new Set(after.map(keyOf));
  const gone = before.filter((x) => !kept.has(keyOf(x)));
  if (gone.length) {
    const keyColumns = columns.filter(([n]) => key.includes(n));
    const arrays = keyColumns.map(([, type, get]) => sql`${sql.param(gone.map(get))}::${sql.raw(type)}[]`);
    await tx.execute(
      sql`delete from ${sql.identifier(table)} where project_id = ${projectId} and (${sql.raw(key.join(', '))}) in (select * from unnest(${sql.join(arrays, sql`, `)}))`,
    );
  }
  if (changed.length) await insertRows(tx, table, columns, projectId, changed, key);
}

/** What the engine writes: the columns a reschedule changes. */
const COMPUTED = new Set([
  'row',
  'wbs',
  'summary',
  'remaining_duration',
  'start',
  'finish',
  'early_start',
  'early_finish',
  'late_start',
  'late_finish',
  'total_slack',
  'free_slack',
  'critical',
]);
const COMPUTED_COLUMNS = TASK_COLUMNS.filter(([n]) => COMPUTED.has(n));
const INPUT_COLUMNS = TASK_COLUMNS.filter(([n]) => !COMPUTED.has(n));

export interface TaskChanges {
  /** New tasks and tasks whose inputs changed: written whole. */
  whole: PlanTaskT[];
  /** Tasks whose computed columns alone changed. */
  moved: PlanTaskT[];
  /** UIDs of tasks removed. */
  gone: number[];
}

/**
 * How the tasks of `after` differ from those of `before`. A task object found in both (an edit
 * copies the tasks it changes and shares the others) is unchanged without a look at its fields.
 */
export function taskChanges(before: readonly PlanTaskT[], after: readonly PlanTaskT[]): TaskChanges {
  const whole: PlanTaskT[] = [];
  const moved: PlanTaskT[] = [];
  const sorted = (was: PlanTaskT | undefined, t: PlanTaskT) => {
    if (!was || !sameRow(INPUT_COLUMNS, was, t)) whole.push(t);
    else if (!sameRow(COMPUTED_COLUMNS, was, t)) moved.push(t);
  };
  // Mostly the same tasks at the same rows: those are compared in place, the rest by UID.
  let old: Map<number, PlanTaskT> | null = null;
  for (let i = 0; i < after.length; i++) {
    const t = after[i]!;
    const b = before[i];
    if (b === t) continue;
    if (b !== undefined && b.uid === t.uid) sorted(b, t);
    else {
      old ??= new Map(before.map((x) => [x.uid, x]));
      sorted(old.get(t.uid), t);
    }
  }
  // Every row held the same task (UIDs are unique): none went.
  if (old === null && before.length === after.length) return { whole, moved, gone: [] };
  const kept = new Set(after.map((t) => t.uid));
  return { whole, moved, gone: before.filter((t) => !kept.has(t.uid)).map((t) => t.uid) };
}

/**
 * Tasks by difference: new ones and those whose inputs changed are written whole; those that
 * only moved (most of a cascade) get their computed columns updated, a narrower statement.
 */
async function saveTasks(tx: Tx, projectId: string, { whole, moved, gone }: TaskChanges) {
  if (gone.length)
    await tx.execute(
      sql`delete from plan_tasks where project_id = ${projectId} and uid = any(${sql.param(gone)}::int4[])`,
    );
  if (whole.length) await insertRows(tx, 'plan_tasks', TASK_COLUMNS, projectId, whole, ['uid']);
  const columns: Column<PlanTaskT>[] = [['uid', 'int4', (t) => t.uid], ...COMPUTED_COLUMNS];
  for (let from = 0; from < moved.length; from += CHUNK) {
    const chunk = moved.slice(from, from + CHUNK);
    const arrays = columns.map(([, type, get]) => sql`${sql.param(chunk.map(get))}::${sql.raw(type)}[]`);
    const names = columns.map(([n]) => `"${n}"`).join(', ');
    const sets = COMPUTED_COLUMNS.map(([n]) => `"${n}" = m."${n}"`).join(', ');
    await tx.execute(
      sql`update plan_tasks t set ${sql.raw(sets)} from unnest(${sql.join(arrays, sql`, `)}) as m(${sql.raw(names)})
        where t.project_id = ${projectId} and t.uid = m.uid`,
    );
  }
}
