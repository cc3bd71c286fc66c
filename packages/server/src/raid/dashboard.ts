/*
 * What the RAID registers give the health dashboard and the status exports (C8 → C7), read-only
 * and without permission checks (the caller filters what it shows by the reader's reach): the
 * open escalated risks and issues with their latest step, the decisions still proposed, and each
 * project's top open risks and issues.
 */
import { raidOpenStatuses } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

/** Where a RAID item sits: exactly one of these is its register; the others are null. */
export interface RaidPlace {
  projectId: string | null;
  programId: string | null;
  portfolioId: string | null;
  officeId: string | null;
}

export interface OpenEscalatedItem extends RaidPlace {
  id: string;
  code: string;
  kind: string;
  title: string;
  severity: string | null;
  score: number | null;
  dueOn: string | null;
  toOfficeId: string;
  fromOfficeId: string | null;
  level: number;
  /** The day it reached the office it sits with now. */
  since: string;
  /** tolerance | deadline | manual, and the step's detail. */
  reason: string;
  detail: string;
  /** The item's owner's name ('' when none). */
  owner: string;
}

const open = (alias: string) =>
  sql.raw(
    `(${Object.entries(raidOpenStatuses)
      .map(
        ([kind, statuses]) =>
          `(${alias}.kind = '${kind}' and ${alias}.status in (${statuses.map((s) => `'${s}'`).join(', ')}))`,
      )
      .join(' or ')})`,
  );

type Row = Record<string, unknown>;
const place = (r: Row): RaidPlace => ({
  projectId: (r.project_id as string | null) ?? null,
  programId: (r.program_id as string | null) ?? null,
  portfolioId: (r.portfolio_id as string | null) ?? null,
  officeId: (r.office_id as string | null) ?? null,
});

/** Every open risk and issue escalated above its register's office, most severe first. */
export async function openEscalatedItems(tx: Tx): Promise<OpenEscalatedItem[]> {
  const rows = (
    await tx.execute(sql`
      select t.id, t.code, t.kind, t.title, t.severity, t.score, t.due_on::text as due_on,
        t.project_id, t.program_id, t.portfolio_id, t.office_id,
        t.escalated_to_office_id as to_office_id, t.escalation_level as level,
        coalesce(e.at, t.escalated_at, t.updated_at) as since,
        e.from_office_id, coalesce(e.reason, 'manual') as reason, coalesce(e.detail, '') as detail,
        coalesce(u.name, '') as owner
      from raid_items t
      left join users u on u.id = t.owner_id
      left join lateral (
        select * from raid_escalations x where x.item_id = t.id and x.to_office_id = t.escalated_to_office_id
        order by x.at desc, x.level desc limit 1
      ) e on true
      where t.escalated_to_office_id is not null and t.archived_at is null
        and t.kind in ('risk', 'issue') and ${open('t')}
      order by t.escalation_level desc, coalesce(t.score, 0) desc, since asc, t.code`)
  ).rows as Row[];
  return rows.map((r) => ({
    ...place(r),
    id: r.id as string,
    code: r.code as string,
    kind: r.kind as string,
    title: r.title as string,
    severity: (r.severity as string | null) ?? null,
    score: r.score === null ? null : Number(r.score),
    dueOn: (r.due_on as string | null) ?? null,
    toOfficeId: r.to_office_id as string,
    fromOfficeId: (r.from_office_id as string | null) ?? null,
    level: Number(r.level),
    since: new Date(r.since as string).toISOString().slice(0, 10),
    reason: r.reason as string,
    detail: r.detail as string,
    owner: r.owner as string,
  }));
}

export interface ProposedDecision extends RaidPlace {
  id: string;
  code: string;
  title: string;
  since: string;
  dueOn: string | null;
}

/** Decisions of the decision log still proposed, the ones due soonest first. */
export async function proposedDecisions(tx: Tx): Promise<ProposedDecision[]> {
  const rows = (
    await tx.execute(sql`
      select t.id, t.code, t.title, t.project_id, t.program_id, t.portfolio_id, t.office_id,
        t.created_at::date::text as since, t.due_on::text as due_on
      from raid_items t
      where t.kind = 'decision' and t.status = 'proposed' and t.archived_at is null
      order by t.due_on asc nulls last, t.created_at, t.code`)
  ).rows as Row[];
  return rows.map((r) => ({
    ...place(r),
    id: r.id as string,
    code: r.code as string,
    title: r.title as string,
    since: r.since as string,
    dueOn: (r.due_on as string | null) ?? null,
  }));
}

export interface TopRaidLine {
  projectId: string;
  kind: 'risk' | 'issue' | 'decision';
  code: string;
  title: string;
  owner: string;
  probability: number | null;
  impact: number | null;
  score: number | null;
  severity: string | null;
  dueOn: string | null;
  escalated: boolean;
  /** Risks: the response strategy (avoid, mitigate, transfer, accept, …). */
  response: string;
}

/**
 * The open risks (highest score first), issues (most severe, then soonest due) and proposed
 * decisions of some projects, at most `limit` of each kind per project.
 */
export async function topRaidOf(tx: Tx, projectIds: readonly string[], limit = 5): Promise<TopRaidLine[]> {
  if (projectIds.length === 0) return [];
  const rows = (
    await tx.execute(sql`
      select * from (
        select t.project_id, t.kind, t.code, t.title, coalesce(u.name, '') as owner, t.probability, t.impact,
          coalesce(t.score, t.probability * t.impact) as score, t.severity, t.due_on::text as due_on,
          (t.escalation_level > 0 or t.escalated_to_office_id is not null) as escalated,
          coalesce(t.details->>'strategy', '') as response,
          row_number() over (partition by t.project_id, t.kind order by
            coalesce(t.score, t.probability * t.impact, 0) desc,
            case t.severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end,
            t.due_on asc nulls last, t.code) as n
        from raid_items t left join users u on u.id = t.owner_id
        where t.project_id = any(${sql.param([...projectIds])}::uuid[]) and t.archived_at is null
          and t.kind in ('risk', 'issue', 'decision') and ${open('t')}
      ) x where n <= ${limit}
      order by project_id, kind, n`)
  ).rows as Row[];
  return rows.map((r) => ({
    projectId: r.project_id as string,
    kind: r.kind as TopRaidLine['kind'],
    code: r.code as string,
    title: r.title as string,
    owner: r.owner as string,
    probability: r.probability === null ? null : Number(r.probability),
    impact: r.impact === null ? null : Number(r.impact),
    score: r.score === null ? null : Number(r.score),
    severity: (r.severity as string | null) ?? null,
    dueOn: (r.due_on as string | null) ?? null,
    escalated: Boolean(r.escalated),
    response: String(r.response ?? ''),
  }));
}
