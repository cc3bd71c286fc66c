/*
 * The store behind the roll-ups: `project_health` (db/schema/health.ts), each project's latest
 * submitted reports in one short row, and the "board" read from it — every unarchived project with
 * its place in the registry and its recent reports — in one statement that answers one row (the
 * embedded database sends 10,000 short rows far slower than one long text). The board is
 * remembered in the read cache until the next write, and every roll-up and dashboard of every
 * caller is computed from it in memory.
 */
import { dayFromIso, isoDay, RAG_DIMENSIONS, type RagRating } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

/** How many of its latest reports each project keeps in `project_health.history`. */
export const HISTORY_KEPT = 16;

const LETTER: Record<string, RagRating> = { g: 'green', a: 'amber', r: 'red', u: 'unknown' };

/**
 * One submitted report as the roll-ups see it: days are calendar day numbers (1970-01-01 = 0).
 * The colours stay the seven letters they are stored as until asked for (a board of 10,000
 * projects holds 160,000 of these).
 */
export class ReportLine {
  constructor(
    readonly start: number,
    readonly end: number,
    /** The day it was submitted (UTC), or null when unknown. */
    readonly submitted: number | null,
    /** g/a/r/u: the overall, then the dimensions in RAG_DIMENSIONS order. */
    readonly letters: string,
  ) {}

  get overall(): RagRating {
    return LETTER[this.letters[0]!] ?? 'unknown';
  }

  /** In RAG_DIMENSIONS order. */
  get dimensions(): RagRating[] {
    return RAG_DIMENSIONS.map((_, i) => LETTER[this.letters[i + 1]!] ?? 'unknown');
  }
}

/** A project of the board; its reports are decoded from the stored history when first asked for. */
export class BoardProject {
  private decoded: ReportLine[] | null;
  constructor(
    readonly id: string,
    readonly code: string,
    readonly name: string,
    readonly status: string,
    readonly officeId: string,
    readonly portfolioId: string | null,
    readonly programId: string | null,
    readonly managerId: string | null,
    readonly plannedStart: number | null,
    /** `project_health.history`, or lines already decoded. */
    history: string | ReportLine[],
    /** True when the lines hold every report it ever submitted (fewer than the store keeps). */
    readonly complete = typeof history === 'string' ? history.length < HISTORY_KEPT * ENTRY : true,
  ) {
    this.decoded = typeof history === 'string' ? null : history;
    this.history = typeof history === 'string' ? history : '';
  }
  private readonly history: string;

  /** Its latest submitted reports, oldest first (at most HISTORY_KEPT from the store). */
  get lines(): ReportLine[] {
    this.decoded ??= parseHistory(this.history);
    return this.decoded;
  }

  /** The same project with other report lines (read from the reports themselves). */
  withLines(lines: ReportLine[]): BoardProject {
    return new BoardProject(
      this.id,
      this.code,
      this.name,
      this.status,
      this.officeId,
      this.portfolioId,
      this.programId,
      this.managerId,
      this.plannedStart,
      lines,
      true,
    );
  }
}

/** Characters of one report in `project_health.history`. */
const ENTRY = 17;
const num = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
};

/** Decodes `project_health.history` (db/schema/health.ts): 17 characters per report, oldest first. */
export function parseHistory(text: string): ReportLine[] {
  const out: ReportLine[] = [];
  for (let at = 0; at + ENTRY <= text.length; at += ENTRY) {
    const start = num(text, at, at + 5);
    const end = start + num(text, at + 5, at + 7);
    const offset = num(text, at + 7, at + 10);
    out.push(
      new ReportLine(start, end, offset === 999 ? null : end + offset - 500, text.slice(at + 10, at + ENTRY)),
    );
  }
  return out;
}

/**
 * Rewrites the health rows of these projects (all when null) from their submitted reports. The
 * triggers on `status_reports` already do this on every change; this is for rebuilding.
 */
export async function refreshProjectHealth(tx: Tx, projectIds: readonly string[] | null = null) {
  if (projectIds === null)
    await tx.execute(
      sql`select pharos_refresh_project_health(array(select distinct project_id from status_reports where state = 'submitted'))`,
    );
  else if (projectIds.length > 0)
    await tx.execute(sql`select pharos_refresh_project_health(${sql.param([...projectIds])}::uuid[])`);
}

/**
 * Records a submitted (or reopened, corrected, archived) report in the health the roll-ups read.
 * The triggers of migration 0006 do this in the same statement as the change, so a caller need not;
 * calling it again is harmless (the project's row is rewritten from its reports).
 */
export async function recordLatestHealth(tx: Tx, report: { projectId: string }) {
  await refreshProjectHealth(tx, [report.projectId]);
}

const FIELDS = 10;

/** Every unarchived project with its recent reports, by id (the order the engine rolls up in). */
export async function readBoard(tx: Tx): Promise<BoardProject[]> {
  const res = await tx.execute<{ board: string | null }>(sql`
    select string_agg(concat_ws(E'\t',
        p.id, p.code, translate(p.name, E'\t\n\r', '   '), p.status, p.office_id,
        coalesce(p.portfolio_id::text, ''), coalesce(p.program_id::text, ''),
        coalesce(p.manager_id::text, ''), coalesce(p.planned_start::text, ''), coalesce(h.history, '')),
      E'\n') as board
    from projects p left join project_health h on h.project_id = p.id
    where p.archived_at is null`);
  const text = res.rows[0]?.board;
  if (!text) return [];
  // Sorted here, not by the statement: sorting 10,000 long rows would spill to disk there.
  const lines = text.split('\n').sort();
  return lines.map((line) => {
    const f = line.split('\t');
    if (f.length !== FIELDS) throw new Error(`project_health: a board line has ${f.length} fields`);
    return new BoardProject(
      f[0]!,
      f[1]!,
      f[2]!,
      f[3]!,
      f[4]!,
      f[5] || null,
      f[6] || null,
      f[7] || null,
      f[8] ? dayFromIso(f[8]) : null,
      f[9]!,
    );
  });
}

/**
 * The submitted reports of some projects whose periods overlap [from, to] (day numbers), for a
 * window the store's short history does not reach back to. Oldest first per project.
 */
export async function readDeepLines(
  tx: Tx,
  projectIds: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, ReportLine[]>> {
  const out = new Map<string, ReportLine[]>();
  if (projectIds.length === 0) return out;
  const res = await tx.execute<{ project_id: string; history: string }>(sql`
    select r.project_id, string_agg(concat(
        lpad((r.period_start - date '1970-01-01')::text, 5, '0'),
        lpad((r.period_end - r.period_start)::text, 2, '0'),
        coalesce(lpad(greatest(0, least(998, (r.submitted_at at time zone 'UTC')::date - r.period_end + 500))::text, 3, '0'), '999'),
        left(r.overall_rag, 1), left(r.schedule_rag, 1), left(r.cost_rag, 1), left(r.scope_rag, 1),
        left(r.risk_rag, 1), left(r.quality_rag, 1), left(r.resources_rag, 1)),
      '' order by r.period_start) as history
    from status_reports r
    where r.project_id = any(${sql.param([...projectIds])}::uuid[])
      and r.state = 'submitted' and r.archived_at is null
      and r.period_end >= ${isoDay(from)}::date and r.period_start <= ${isoDay(to)}::date
    group by r.project_id`);
  for (const row of res.rows) out.set(row.project_id, parseHistory(row.history));
  return out;
}
