import { decidedStatuses, type PipelineQuery, type ProposalStatus, proposalStatuses } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../http/context';
import { daysBetween, proposalReach, quantile } from './common';
import { waitingStatuses } from './proposal-spec';

/**
 * How many proposals the caller may see are at each step, how long decisions took (from the first
 * submission to the decision), and how long the undecided ones have been waiting. An office or
 * portfolio filter takes in the offices or portfolios below it.
 */
export async function pipelineSummary(ctx: Ctx, q: z.output<typeof PipelineQuery>) {
  const reach = await ctx.access.reach('proposal', 'read');
  const below = (table: 'offices' | 'portfolios', id: string) => sql`(
    with recursive t(id) as (
      select ${id}::uuid union select c.id from ${sql.identifier(table)} c join t on c.parent_id = t.id
    ) select id from t)`;
  const res = await ctx.db.execute<{
    id: string;
    code: string;
    title: string;
    status: ProposalStatus;
    submitted_at: string | Date | null;
    decided_at: string | Date | null;
  }>(sql`
    select p.id::text as id, p.code, p.title, p.status, p.submitted_at, p.decided_at
    from proposals p
    where p.archived_at is null and ${proposalReach(reach)}
      ${q.officeId ? sql`and p.office_id in ${below('offices', q.officeId)}` : sql``}
      ${q.portfolioId ? sql`and p.portfolio_id in ${below('portfolios', q.portfolioId)}` : sql``}`);
  const counts = Object.fromEntries(proposalStatuses.map((s) => [s, 0])) as Record<ProposalStatus, number>;
  const toDecision: number[] = [];
  const waiting: { id: string; code: string; title: string; status: string; days: number }[] = [];
  const now = new Date();
  for (const p of res.rows) {
    counts[p.status]++;
    if (decidedStatuses.includes(p.status) && p.submitted_at && p.decided_at)
      toDecision.push(daysBetween(p.submitted_at, p.decided_at));
    if (waitingStatuses.includes(p.status) && p.submitted_at)
      waiting.push({
        id: p.id,
        code: p.code,
        title: p.title,
        status: p.status,
        days: daysBetween(p.submitted_at, now),
      });
  }
  waiting.sort((a, b) => b.days - a.days || (a.code < b.code ? -1 : 1));
  return {
    counts,
    decided: res.rows.filter((p) => decidedStatuses.includes(p.status)).length,
    medianDaysToDecision: quantile(toDecision, 0.5),
    p90DaysToDecision: quantile(toDecision, 0.9),
    waiting: waiting.length,
    medianDaysWaiting: quantile(
      waiting.map((w) => w.days),
      0.5,
    ),
    oldestWaiting: waiting.slice(0, 10),
  };
}
