/*
 * What the roll-ups are computed from — the board, the structure, the weights — kept across
 * writes that do not touch it. The read cache forgets everything on every write anywhere (a task
 * moved in a plan, a risk edited); reading 10,000 projects' health again after each would make
 * the dashboard slow while people work. So, once per read-cache generation, a fingerprint of the
 * tables behind the roll-ups is read (row counts and the sum of the rows' transaction ids: any
 * committed insert, change or delete moves it, whatever the order transactions commit in); while
 * it stays the same, the state and every window computed from it are reused.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { ReadCache } from '../db/read-cache';
import type { Ctx } from '../http/context';
import { type BoardProject, readBoard } from './rollup-store';
import { readStructure, readWeights, type Structure, type Weights } from './rollup-structure';

/** The tables the roll-ups read (directly or through the structure and the weights). */
const TABLES = [
  'project_health',
  'projects',
  'offices',
  'portfolios',
  'programs',
  'office_status_settings',
  'project_approved_values',
  'project_objectives',
  'objectives',
] as const;

export async function healthFingerprint(tx: Tx): Promise<string> {
  const parts = TABLES.map(
    (t) => sql`(select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from ${sql.identifier(t)})`,
  );
  const res = await tx.execute<{ fp: string }>(sql`select concat_ws('|', ${sql.join(parts, sql`, `)}) as fp`);
  return res.rows[0]!.fp;
}

export interface HealthState {
  fingerprint: string;
  board: BoardProject[];
  structure: Structure;
  weights(): Promise<Weights>;
  /** Answers computed from this state, by what they were asked (bounded). */
  derived: Map<string, Promise<unknown>>;
}

const MAX_DERIVED = 500;
/** The last state of each database (by its read cache), across read-cache generations. */
const last = new WeakMap<ReadCache, HealthState>();

async function load(ctx: Ctx): Promise<HealthState> {
  // The fingerprint first: a write committing meanwhile changes it, so the next look reloads.
  const fingerprint = await healthFingerprint(ctx.db);
  const prev = last.get(ctx.reads);
  if (prev && prev.fingerprint === fingerprint) return prev;
  const board = await readBoard(ctx.db);
  const structure = await readStructure(ctx.db);
  let weights: Promise<Weights> | null = null;
  const state: HealthState = {
    fingerprint,
    board,
    structure,
    weights: () => {
      weights ??= readWeights(ctx.db);
      return weights;
    },
    derived: new Map(),
  };
  last.set(ctx.reads, state);
  return state;
}

/** The state for this request: looked at once per read-cache generation. */
export function healthState(ctx: Ctx): Promise<HealthState> {
  return ctx.reads.memo('health:state', () => load(ctx));
}

/** An answer computed from the state, remembered with it (concurrent askers share one computation). */
export function derived<T>(state: HealthState, key: string, compute: () => Promise<T>): Promise<T> {
  let p = state.derived.get(key) as Promise<T> | undefined;
  if (!p) {
    if (state.derived.size >= MAX_DERIVED) state.derived.clear();
    p = compute();
    state.derived.set(key, p);
    p.catch(() => state.derived.delete(key));
  }
  return p;
}

const indexes = new WeakMap<HealthState, Map<string, BoardProject>>();
/** Every project of the board by id. */
export function boardIndex(state: HealthState): Map<string, BoardProject> {
  let index = indexes.get(state);
  if (!index) {
    index = new Map(state.board.map((p) => [p.id, p]));
    indexes.set(state, index);
  }
  return index;
}
