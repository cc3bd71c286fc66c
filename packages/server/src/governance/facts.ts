/*
 * What status reports measure from governance (C9 → C7): a project's approved values (its budget),
 * the change requests approved up to a date with their size as a share of what they changed, and
 * the checklist items failed at its latest decided gate review. Many projects at once.
 */
import type { ChangeFact } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

type Row = Record<string, unknown>;

export interface ApprovedValuesFact {
  currency: string;
  /** Minor units. */
  budget: number;
  approvedStart: string | null;
  approvedFinish: string | null;
}

export interface GovernanceFacts {
  approved: ApprovedValuesFact | null;
  /** Approved on or before the date, oldest first. */
  approvedChanges: ChangeFact[];
  /** Checklist items not met at the latest gate review decided on or before the date; null without one. */
  failedGateItems: number | null;
}

const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));
const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

/** Each project's approved budget and dates, where it has them. */
export async function approvedValues(
  tx: Tx,
  projectIds: readonly string[],
): Promise<Map<string, ApprovedValuesFact>> {
  if (projectIds.length === 0) return new Map();
  const rows = (
    await tx.execute(sql`
      select project_id, currency, budget, approved_start::text as start, approved_finish::text as finish
      from project_approved_values where project_id = any(${sql.param([...projectIds])}::uuid[])`)
  ).rows as Row[];
  return new Map(
    rows.map((r) => [
      r.project_id as string,
      {
        currency: r.currency as string,
        budget: Number(r.budget),
        approvedStart: day(r.start),
        approvedFinish: day(r.finish),
      },
    ]),
  );
}

/**
 * The size of an approved change, as % of what it changed (the larger of its budget change over
 * the budget before it, and its finish move over the approved duration before it); undefined when
 * neither can be measured (a scope change described in words).
 */
export function changeSizePercent(
  impact: { budgetDelta?: unknown; finishDeltaDays?: unknown },
  before: { budget: number | null; start: string | null; finish: string | null },
): number | undefined {
  const sizes: number[] = [];
  const budgetDelta = num(impact.budgetDelta);
  if (budgetDelta !== null && before.budget) sizes.push(Math.abs((100 * budgetDelta) / before.budget));
  const finishDelta = num(impact.finishDeltaDays);
  if (finishDelta !== null && before.start && before.finish) {
    const days = (Date.parse(before.finish) - Date.parse(before.start)) / 86_400_000 + 1;
    if (days > 0) sizes.push(Math.abs((100 * finishDelta) / days));
  }
  if (sizes.length === 0) return undefined;
  return Math.round(Math.max(...sizes) * 10) / 10;
}

/** Governance facts of each project as of a date (YYYY-MM-DD); every project given gets an entry. */
export async function governanceFacts(
  tx: Tx,
  projectIds: readonly string[],
  asOf: string,
): Promise<Map<string, GovernanceFacts>> {
  const out = new Map<string, GovernanceFacts>();
  if (projectIds.length === 0) return out;
  const ids = sql.param([...projectIds]);
  const approved = await approvedValues(tx, projectIds);
  for (const id of projectIds)
    out.set(id, { approved: approved.get(id) ?? null, approvedChanges: [], failedGateItems: null });

  const changes = (
    await tx.execute(sql`
      select id, project_id, impact, applied, decided_at::date::text as approved_on
      from change_requests
      where project_id = any(${ids}::uuid[]) and state = 'approved' and archived_at is null
        and decided_at is not null and decided_at::date <= ${asOf}::date
      order by project_id, decided_at, id`)
  ).rows as Row[];
  for (const c of changes) {
    const facts = out.get(c.project_id as string)!;
    const current = facts.approved;
    const before = ((c.applied as { before?: Record<string, unknown> } | null)?.before ?? {}) as Record<
      string,
      unknown
    >;
    const size = changeSizePercent((c.impact ?? {}) as Record<string, unknown>, {
      budget: num(before.budget) ?? current?.budget ?? null,
      start: current?.approvedStart ?? null,
      finish: day(before.approvedFinish) ?? current?.approvedFinish ?? null,
    });
    facts.approvedChanges.push({
      id: c.id as string,
      approvedOn: c.approved_on as string,
      ...(size === undefined ? {} : { sizePercent: size }),
    });
  }

  const gates = (
    await tx.execute(sql`
      select distinct on (project_id) project_id, evidence
      from gate_reviews
      where project_id = any(${ids}::uuid[]) and state = 'decided' and archived_at is null
        and decided_at is not null and decided_at::date <= ${asOf}::date
      order by project_id, decided_at desc, id`)
  ).rows as Row[];
  for (const g of gates) {
    const checklist = ((g.evidence as { checklist?: Record<string, { met?: unknown }> } | null)?.checklist ??
      {}) as Record<string, { met?: unknown }>;
    out.get(g.project_id as string)!.failedGateItems = Object.values(checklist).filter(
      (item) => item?.met === false,
    ).length;
  }
  return out;
}
