import type { PlanTaskT } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { StagedFiles, Tx } from '../db/connect';
import { binaryCopy, type CopyType, wallMinutes } from '../db/copy-binary';
import type { PlanDocument } from './document';

/*
 * How plan rows are written: the columns of each plan table, and two ways to send many rows.
 * `insertRows` sends column arrays (`insert … select from unnest(…)`), a few thousand rows per
 * statement, so a 350,000-task plan is a few hundred statements rather than millions; on the
 * embedded database a whole plan goes in as binary COPY files (`CopyLoader`), several times
 * faster there.
 */

/** A stored column: its name, its SQL array type, and how to read it from an item. */
export type Column<T> = readonly [name: string, type: CopyType, get: (item: T) => unknown];

export const json = (v: unknown) => JSON.stringify(v);

export const TASK_COLUMNS: Column<PlanTaskT>[] = [
  ['uid', 'int4', (t) => t.uid],
  ['row', 'int4', (t) => t.row],
  ['version', 'int4', (t) => t.version],
  ['wbs', 'text', (t) => t.wbs],
  ['outline_level', 'int2', (t) => t.outlineLevel],
  ['name', 'text', (t) => t.name],
  ['notes', 'text', (t) => t.notes],
  ['summary', 'bool', (t) => t.summary],
  ['milestone', 'bool', (t) => t.milestone],
  ['manual', 'bool', (t) => t.manual],
  ['manual_start', 'timestamp', (t) => t.manualStart],
  ['duration', 'float8', (t) => t.duration],
  ['duration_unit', 'text', (t) => t.durationUnit],
  ['constraint_type', 'text', (t) => t.constraintType],
  ['constraint_date', 'timestamp', (t) => t.constraintDate],
  ['deadline', 'timestamp', (t) => t.deadline],
  ['calendar_uid', 'int4', (t) => t.calendarUid],
  ['percent_complete', 'float8', (t) => t.percentComplete],
  ['actual_start', 'timestamp', (t) => t.actualStart],
  ['actual_finish', 'timestamp', (t) => t.actualFinish],
  ['remaining_duration', 'float8', (t) => t.remainingDuration],
  ['start', 'timestamp', (t) => t.start],
  ['finish', 'timestamp', (t) => t.finish],
  ['early_start', 'timestamp', (t) => t.earlyStart],
  ['early_finish', 'timestamp', (t) => t.earlyFinish],
  ['late_start', 'timestamp', (t) => t.lateStart],
  ['late_finish', 'timestamp', (t) => t.lateFinish],
  ['total_slack', 'float8', (t) => t.totalSlack],
  ['free_slack', 'float8', (t) => t.freeSlack],
  ['critical', 'bool', (t) => t.critical],
  ['baselines', 'jsonb', (t) => json(t.baselines)],
];

export type Link = PlanDocument['links'][number];
export const LINK_COLUMNS: Column<Link>[] = [
  ['predecessor_uid', 'int4', (l) => l.predecessorUid],
  ['successor_uid', 'int4', (l) => l.successorUid],
  ['type', 'text', (l) => l.type],
  ['lag', 'float8', (l) => l.lag],
  ['lag_unit', 'text', (l) => l.lagUnit],
];

export type Calendar = PlanDocument['calendars'][number];
export const CALENDAR_COLUMNS: Column<Calendar>[] = [
  ['uid', 'int4', (c) => c.uid],
  ['name', 'text', (c) => c.name],
  ['base_uid', 'int4', (c) => c.baseUid],
  ['week', 'jsonb', (c) => json(c.week)],
  ['exceptions', 'jsonb', (c) => json(c.exceptions)],
  ['work_weeks', 'jsonb', (c) => json(c.workWeeks)],
];

export type Resource = PlanDocument['resources'][number];
export const RESOURCE_COLUMNS: Column<Resource>[] = [
  ['uid', 'int4', (r) => r.uid],
  ['name', 'text', (r) => r.name],
  ['type', 'text', (r) => r.type],
  ['initials', 'text', (r) => r.initials],
  ['group', 'text', (r) => r.group],
  ['max_units', 'float8', (r) => r.maxUnits],
  ['standard_rate', 'float8', (r) => r.standardRate],
  ['calendar_uid', 'int4', (r) => r.calendarUid],
];

export type Assignment = PlanDocument['assignments'][number];
export const ASSIGNMENT_COLUMNS: Column<Assignment>[] = [
  ['uid', 'int4', (a) => a.uid],
  ['task_uid', 'int4', (a) => a.taskUid],
  ['resource_uid', 'int4', (a) => a.resourceUid],
  ['units', 'float8', (a) => a.units],
  ['work', 'float8', (a) => a.work],
  ['actual_work', 'float8', (a) => a.actualWork],
  ['start', 'timestamp', (a) => a.start],
  ['finish', 'timestamp', (a) => a.finish],
];

export const CHUNK = 5000;

/** Types whose values go into an array literal as they print (numbers, booleans): no quoting. */
const BARE = new Set(['int2', 'int4', 'int8', 'float8', 'bool']);

/**
 * A column's values for `unnest`: a PostgreSQL array literal (`{1,2,NULL}`, `{"a","b \\"c\\""}`)
 * and the SQL that reads one of its elements (`x`). Built here rather than by the driver: a few
 * times faster, and built while the database is still busy with the statement before. Wall-clock
 * timestamps go as whole minutes since 1970, which PostgreSQL (PGlite above all) reads several
 * times faster than timestamp text; a column with anything else in it goes as text.
 */
function columnParam<T>(
  items: readonly T[],
  from: number,
  to: number,
  type: string,
  get: (item: T) => unknown,
) {
  if (type === 'timestamp') {
    let out = '{';
    for (let i = from; i < to; i++) {
      if (i > from) out += ',';
      const v = get(items[i]!);
      if (v === null || v === undefined) out += 'NULL';
      else {
        const m = typeof v === 'string' ? wallMinutes(v) : Number.NaN;
        if (Number.isNaN(m)) return { literal: textLiteral(items, from, to, get, false), type };
        out += m;
      }
    }
    return {
      literal: `${out}}`,
      type: 'int4',
      read: (x: string) => `timestamp '1970-01-01' + ${x} * interval '1 minute'`,
    };
  }
  return { literal: textLiteral(items, from, to, get, BARE.has(type)), type };
}

function textLiteral<T>(
  items: readonly T[],
  from: number,
  to: number,
  get: (item: T) => unknown,
  bare: boolean,
) {
  let out = '{';
  for (let i = from; i < to; i++) {
    if (i > from) out += ',';
    const v = get(items[i]!);
    if (v === null || v === undefined) out += 'NULL';
    else if (bare) out += typeof v === 'number' && !Number.isFinite(v) ? `"${v}"` : String(v);
    else {
      const text = String(v);
      out += text.includes('"') || text.includes('\\') ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}

/** Inserts items as rows of `table` for a project; `upsertKey` turns it into an upsert on that key. */
export async function insertRows<T>(
  tx: Tx,
  table: string,
  columns: Column<T>[],
  projectId: string,
  items: readonly T[],
  upsertKey?: string[],
) {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const conflict = upsertKey
    ? ` on conflict (project_id, ${upsertKey.join(', ')}) do update set ${columns
        .filter(([n]) => !upsertKey.includes(n))
        .map(([n]) => `"${n}" = excluded."${n}"`)
        .join(', ')}`
    : '';
  // The database works on one chunk while the next one's arrays are built (it runs on a thread or
  // a server of its own).
  let running: Promise<unknown> | undefined;
  for (let from = 0; from < items.length; from += CHUNK) {
    const to = Math.min(items.length, from + CHUNK);
    const params = columns.map(([, type, get]) => columnParam(items, from, to, type, get));
    const arrays = params.map((p) => sql`${p.literal}::${sql.raw(p.type)}[]`);
    const values = params.map((p, i) => (p.read ? p.read(`c${i}`) : `c${i}`)).join(', ');
    const as = params.map((_, i) => `c${i}`).join(', ');
    await running;
    running = tx
      .execute(
        sql`insert into ${sql.identifier(table)} (project_id, ${sql.raw(names)}) select ${projectId}::uuid, ${sql.raw(values)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(as)})${sql.raw(conflict)}`,
      )
      .then(() => undefined);
    // Awaited before the next chunk goes (or at the end); never left unhandled meanwhile.
    running.catch(() => {});
    // Let the driver send it before the next chunk is built.
    await new Promise((go) => setImmediate(go));
  }
  await running;
}

/** Rows per binary COPY file (about 10 MB of tasks); the first file of a load is smaller, to start sooner. */
const COPY_CHUNK = 25_000;
const FIRST_COPY_CHUNK = 5000;

/** Rows of one table to load. */
interface Load<T> {
  table: string;
  columns: Column<T>[];
  items: readonly T[];
}
/** A table's load; what its items are no longer matters once its columns read them. */
export const load = <T>(table: string, columns: Column<T>[], items: readonly T[]) =>
  ({ table, columns, items }) as unknown as Load<unknown>;

/**
 * New rows for a project on the embedded database, in PostgreSQL's binary COPY format: files
 * built here and read by the server from its own file system (`staged`), which PGlite reads
 * several times faster than the arrays `insertRows` sends (no text to parse but for text and jsonb
 * columns). The server works on one file (or statement) while the next file is built, across
 * tables. A chunk with a value the binary format would store differently than text (see
 * `binaryCopy`) goes through `insertRows`, where PostgreSQL takes or refuses it as always.
 */
export class CopyLoader {
  /** The statement the server is working on. */
  private running: Promise<unknown> | undefined;
  /** Files written and not yet removed. */
  private readonly files = new Set<string>();
  /** Files on their way to the worker, to remove should the load stop early. */
  private readonly coming = new Set<Promise<string>>();

  constructor(
    private readonly tx: Tx,
    private readonly staged: StagedFiles,
    private readonly projectId: string,
  ) {}

  /** A chunk's file, or null when a value in it cannot go in binary. */
  private file<T>({ columns, items }: Load<T>, from: number, to: number) {
    const fields = columns.map(([, type, get]) => [type, get] as const);
    const bytes = binaryCopy(items, from, to, fields, [['uuid', this.projectId]]);
    if (!bytes) return null;
    // Handed over now: the worker writes it as soon as the statement before is done.
    const file = this.staged.stage(bytes);
    this.coming.add(file);
    file.then(
      (path) => {
        this.coming.delete(file);
        this.files.add(path);
      },
      () => this.coming.delete(file),
    );
    return file;
  }

  private copy<T>({ table, columns }: Load<T>, path: string) {
    const names = columns.map(([n]) => `"${n}"`).join(', ');
    return `copy ${table} (project_id, ${names}) from '${path}' with (format binary)`;
  }

  /** Runs `statement` once the one before is done; returns when it is on its way. */
  private async send(statement: string, paths: string[]) {
    await this.running;
    this.running = this.tx.execute(sql.raw(statement)).finally(() => {
      for (const path of paths) {
        this.files.delete(path);
        this.staged.unstage(path);
      }
    });
    // Awaited before the next statement goes (or by `done`); never left unhandled meanwhile.
    this.running.catch(() => {});
    // Let the driver send it before anything else runs on this thread.
    await new Promise((go) => setImmediate(go));
  }

  /** Loads a table, a file at a time. */
  async rows<T>(l: Load<T>) {
    const n = l.items.length;
    for (let from = 0, size = FIRST_COPY_CHUNK; from < n; from += size, size = COPY_CHUNK) {
      const to = Math.min(n, from + size);
      const file = this.file(l, from, to);
      if (file) {
        const path = await file;
        await this.send(this.copy(l, path), [path]);
      } else {
        await this.done();
        await insertRows(this.tx, l.table, l.columns, this.projectId, l.items.slice(from, to));
      }
    }
  }

  /**
   * Sends whole tables in one statement (a COPY each), returning when it is on its way, so the
   * server loads them while this thread does something else. Returns the tables left out, those
   * with a value that cannot go in binary.
   */
  async tables(loads: Load<unknown>[]): Promise<Load<unknown>[]> {
    const left: Load<unknown>[] = [];
    const files: [Load<unknown>, Promise<string>][] = [];
    for (const l of loads) {
      if (!l.items.length) continue;
      const file = this.file(l, 0, l.items.length);
      if (file) files.push([l, file]);
      else left.push(l);
    }
    if (files.length) {
      const paths = await Promise.all(files.map(([, file]) => file));
      await this.send(files.map(([l], i) => this.copy(l, paths[i]!)).join(';\n'), paths);
    }
    return left;
  }

  /** Waits for the statement the server is working on. */
  async done() {
    await this.running;
    this.running = undefined;
  }

  /** Removes the files left (after a failure). */
  close() {
    for (const path of this.files) this.staged.unstage(path);
    for (const file of this.coming) file.then(this.staged.unstage, () => {});
  }
}
