/*
 * What status reports measure from the RAID register (C8 → C7): each project's open risks with
 * their current score, and its open issues with severity, due date and whether they were
 * escalated above the project. "Open as of a date": raised on or before it and not closed by then
 * (an item closed later was still open). Many projects at once, in one query.
 */
import { ISSUE_SEVERITIES, type IssueSeverity, type OpenIssueFact, type OpenRiskFact } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

type Row = Record<string, unknown>;

/** Statuses that close a risk or an issue (an occurred risk lives on as an issue). */
export const CLOSED_RAID_STATUSES = ['closed', 'resolved', 'occurred', 'retired', 'cancelled'] as const;

/** A project's open risks and issues: the engine's RiskFacts, both lists always present. */
export interface RaidFacts {
  risks: OpenRiskFact[];
  issues: OpenIssueFact[];
}

const isSeverity = (v: unknown): v is IssueSeverity => ISSUE_SEVERITIES.includes(v as IssueSeverity);

/**
 * The risk facts of each project as of a date (YYYY-MM-DD): every project given gets an entry
 * (an empty register is a fact: no high risks). A risk without a score is left out; an issue
 * without a severity counts as medium.
 */
export async function raidFacts(
  tx: Tx,
  projectIds: readonly string[],
  asOf: string,
): Promise<Map<string, RaidFacts>> {
  const out = new Map<string, RaidFacts>();
  for (const id of projectIds) out.set(id, { risks: [], issues: [] });
  if (projectIds.length === 0) return out;
  const rows = (
    await tx.execute(sql`
      select id, project_id, kind, coalesce(score, probability * impact) as score, severity,
        due_on::text as due, (escalation_level > 0 or escalated_to_office_id is not null) as escalated
      from raid_items
      where project_id = any(${sql.param([...projectIds])}::uuid[])
        and kind in ('risk', 'issue') and archived_at is null
        and created_at::date <= ${asOf}::date
        and case when closed_at is not null then closed_at::date > ${asOf}::date
                 else status <> all(${sql.param([...CLOSED_RAID_STATUSES])}::text[]) end
      order by project_id, code`)
  ).rows as Row[];
  for (const r of rows) {
    const facts = out.get(r.project_id as string)!;
    if (r.kind === 'risk') {
      const score = Number(r.score);
      if (r.score !== null && score >= 1 && score <= 25) facts.risks.push({ id: r.id as string, score });
    } else {
      facts.issues.push({
        id: r.id as string,
        severity: isSeverity(r.severity) ? r.severity : 'medium',
        due: (r.due as string | null) ?? null,
        escalated: Boolean(r.escalated),
      });
    }
  }
  return out;
}
