/*
 * The SQL of a RAID register: which items a register holds (a project's, a program's, a
 * portfolio's or an office's; with `includeBelow` also those of what lies below), only those the
 * caller may read — their register within the caller's reach, or, for a dependency, the project it
 * waits on — and the filters asked for. Every value is a parameter.
 */
import { type RaidKind, raidOpenStatuses, type raidSortFields } from '@pharos/api';
import { type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../policy/reach';
import { anchorSql, type Register } from './place';

export interface RegisterScope {
  register: Register | null;
  includeBelow: boolean;
}

export interface RegisterFilters {
  kind?: RaidKind | undefined;
  status?: string | undefined;
  state?: 'open' | 'closed' | undefined;
  ownerId?: string | undefined;
  minScore?: number | undefined;
  severity?: string | undefined;
  overdue?: boolean | undefined;
  escalated?: boolean | undefined;
  q?: string | undefined;
  /** A heat map cell: risks rated so, inherent or (`residual`) after mitigation. */
  probability?: number | undefined;
  impact?: number | undefined;
  residual?: boolean | undefined;
  archived: 'active' | 'archived' | 'all';
}

/** A risk's residual ratings, as the engine rates them (the highest rated area; the inherent ones without any). */
const residualProbability = `coalesce((t.details->'residual'->>'probability')::int, t.probability)`;
const residualImpact = `coalesce(greatest(${['cost', 'schedule', 'scope', 'quality']
  .map((a) => `(t.details->'residual'->'impact'->>'${a}')::int`)
  .join(', ')}), t.impact)`;

const ids = (set: Set<string>) => sql`${sql.param([...set])}::uuid[]`;

/** The condition of what the caller may read. */
export function reachSql(reach: Reach): SQL {
  if (reach.organization) return sql`true`;
  const own: SQL[] = [];
  const other: SQL[] = [];
  const levels = [
    [reach.offices, anchorSql.office, 'dp.office_id'],
    [reach.portfolios, anchorSql.portfolio, 'dp.portfolio_id'],
    [reach.programs, anchorSql.program, 'dp.program_id'],
    [reach.projects, anchorSql.project, 'dp.id'],
  ] as const;
  for (const [set, mine, theirs] of levels) {
    if (set.size === 0) continue;
    own.push(sql`${sql.raw(mine)} = any(${ids(set)})`);
    other.push(sql`${sql.raw(theirs)} = any(${ids(set)})`);
  }
  if (own.length === 0) return sql`false`;
  return sql`(${sql.join(own, sql` or `)} or (t.kind = 'dependency' and (${sql.join(other, sql` or `)})))`;
}

/** The register's own items, and the projects whose incoming dependencies it shows. */
function scopeParts(s: RegisterScope): { own: SQL; projects: SQL | null } {
  const r = s.register;
  if (!r) return { own: sql`true`, projects: null };
  const below = s.includeBelow;
  if (r.field === 'projectId')
    return { own: sql`t.project_id = ${r.id}`, projects: sql`select ${r.id}::uuid` };
  if (r.field === 'programId') {
    const projects = sql`select id from projects where program_id = ${r.id}`;
    if (!below) return { own: sql`t.program_id = ${r.id}`, projects: null };
    return { own: sql`(t.program_id = ${r.id} or t.project_id in (${projects}))`, projects };
  }
  if (r.field === 'portfolioId') {
    const pf = below
      ? sql`with recursive d(id) as (select ${r.id}::uuid union select c.id from portfolios c join d on c.parent_id = d.id) select id from d`
      : sql`select ${r.id}::uuid`;
    if (!below) return { own: sql`t.portfolio_id = ${r.id}`, projects: null };
    const projects = sql`select id from projects where portfolio_id in (${pf})`;
    return {
      own: sql`(t.portfolio_id in (${pf})
        or t.program_id in (select id from programs where portfolio_id in (${pf}))
        or t.project_id in (${projects}))`,
      projects,
    };
  }
  if (!below) return { own: sql`t.office_id = ${r.id}`, projects: null };
  const of = sql`with recursive d(id) as (select ${r.id}::uuid union select c.id from offices c join d on c.parent_id = d.id) select id from d`;
  const projects = sql`select id from projects where office_id in (${of})`;
  return {
    own: sql`(t.office_id in (${of})
      or t.portfolio_id in (select id from portfolios where office_id in (${of}))
      or t.program_id in (select id from programs where office_id in (${of}))
      or t.project_id in (${projects}))`,
    projects,
  };
}

/** Items of the register, and how each relates to it (its own, or a dependency on one of its projects). */
export function scopeSql(s: RegisterScope): { cond: SQL; relation: SQL } {
  const { own, projects } = scopeParts(s);
  if (!projects) return { cond: own, relation: sql`'owner'` };
  const incoming = sql`(t.kind = 'dependency' and t.depends_on_project_id in (${projects}))`;
  return {
    cond: sql`(${own} or ${incoming})`,
    relation: sql`case when ${own} then 'owner' else 'dependedOnBy' end`,
  };
}

/** The condition of an item that still needs something done. */
export const openSql = sql.raw(
  `(${Object.entries(raidOpenStatuses)
    .map(
      ([kind, statuses]) =>
        `(t.kind = '${kind}' and t.status in (${statuses.map((s) => `'${s}'`).join(', ')}))`,
    )
    .join(' or ')})`,
);

/** The filters asked for (all but the kind, which `kindSql` adds: the counts per kind ignore it). */
export function filterSql(f: RegisterFilters, today: string): SQL[] {
  const out: SQL[] = [];
  if (f.archived === 'active') out.push(sql`t.archived_at is null`);
  if (f.archived === 'archived') out.push(sql`t.archived_at is not null`);
  if (f.status) out.push(sql`t.status = ${f.status}`);
  if (f.state === 'open') out.push(openSql);
  if (f.state === 'closed') out.push(sql`not ${openSql}`);
  if (f.ownerId) out.push(sql`t.owner_id = ${f.ownerId}`);
  if (f.minScore) out.push(sql`t.score >= ${f.minScore}`);
  if (f.severity) out.push(sql`t.severity = ${f.severity}`);
  if (f.overdue) out.push(sql`(${openSql} and t.due_on < ${today}::date)`);
  if (f.escalated) out.push(sql`(${openSql} and t.escalation_level > 0)`);
  if (f.probability)
    out.push(sql`${sql.raw(f.residual ? residualProbability : 't.probability')} = ${f.probability}`);
  if (f.impact) out.push(sql`${sql.raw(f.residual ? residualImpact : 't.impact')} = ${f.impact}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    out.push(sql`(t.code ilike ${like} or t.title ilike ${like})`);
  }
  return out;
}

const severityRank = `case t.severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 when 'low' then 1 end`;
const sortColumns: Record<(typeof raidSortFields)[number], string> = {
  code: 't.code',
  title: 't.title',
  kind: 't.kind',
  status: 't.status',
  score: 't.score',
  residualScore: 't.residual_score',
  severity: severityRank,
  dueOn: 't.due_on',
  escalationLevel: 't.escalation_level',
  updatedAt: 't.updated_at',
};

/** ORDER BY a sort field (`-` for descending; empty values last either way), then by code. */
export function orderSql(sort: string | undefined): SQL {
  const field = (sort?.replace(/^-/, '') ?? 'code') as keyof typeof sortColumns;
  const dir = sort?.startsWith('-') ? 'desc' : 'asc';
  return sql.raw(`${sortColumns[field] ?? 't.code'} ${dir} nulls last, t.code asc, t.id asc`);
}
