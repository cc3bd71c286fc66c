/*
 * The demo's two portfolio scenarios, over the portfolio with the most proposals ready for a
 * decision: built from its proposals and projects the way a portfolio manager would build them,
 * with budget limits below what every candidate would cost, and each given its greedy plan (a
 * solve from the web app or the API finds the optimum and proves it).
 */
import { greedy, type Scenario } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { scenarios } from '../db/schema/index';
import { proposalFacts, roleCapacity } from '../demand/facts';
import { buildScenario } from '../portfolio/build';
import { describePlan, portfolioTree, projectFacts } from '../portfolio/scenarios';

/** The demo plans over everything past intake: the scenarios show what screening would let in too. */
const READY = ['submitted', 'screening', 'scored', 'shortlisted', 'approved'];

/** Spend per budget line and year if every candidate were done at its planned start. */
function demandByYear(s: Scenario) {
  const out = new Map<string, number>();
  for (const c of s.candidates)
    for (const x of c.cost) {
      const m = c.plannedStart + x.month;
      if (m >= s.horizon.months) continue;
      const k = `${x.line}|${Math.floor(m / 12)}`;
      out.set(k, (out.get(k) ?? 0) + x.amount);
    }
  return out;
}

export async function seedScenarios(tx: Tx, today = new Date()) {
  // The top-level portfolio with the most proposals past intake in it and below it.
  const best = await tx.execute<{ portfolio_id: string; office_id: string }>(sql`
    with recursive t(root, id) as (
      select id, id from portfolios where parent_id is null
      union select t.root, p.id from portfolios p join t on p.parent_id = t.id
    )
    select t.root as portfolio_id, f.office_id from proposals p join t on t.id = p.portfolio_id
    join portfolios f on f.id = t.root
    where p.status in ('submitted', 'screening', 'scored', 'shortlisted', 'approved')
    group by t.root, f.office_id order by count(*) desc, t.root limit 1`);
  const target = best.rows[0];
  if (!target) return [];
  const start = `${today.getUTCFullYear() + (today.getUTCMonth() === 11 ? 1 : 0)}-${String(((today.getUTCMonth() + 1) % 12) + 1).padStart(2, '0')}`;
  const months = 36;
  const tree = await portfolioTree(tx, target.portfolio_id);
  const facts = await proposalFacts(tx, { portfolioIds: tree, officeId: target.office_id, statuses: READY });
  const projects = await projectFacts(tx, tree);
  const capacity = await roleCapacity(tx, start, months);
  const made = [
    { code: 'SC-BALANCED', name: 'Balanced plan, three years', objective: 'score' as const, share: 0.55 },
    { code: 'SC-NPV', name: 'Value first: NPV with a larger budget', objective: 'npv' as const, share: 0.75 },
  ].map((d) => {
    const base = buildScenario({
      start,
      months,
      objective: d.objective,
      proposals: facts,
      projects,
      capacity,
      budget: [],
      objectiveWeights: {},
    });
    const need = demandByYear(base.scenario);
    const body: Scenario = {
      ...base.scenario,
      budget: [...need].map(([k, v]) => {
        const [line, year] = k.split('|') as [string, string];
        // In whole €10,000s (amounts are in cents), never below one step.
        const step = 10_000_00;
        return { line, year: Number(year), limit: Math.max(step, Math.round((v * d.share) / step) * step) };
      }),
    };
    const plan = greedy(body);
    return {
      code: d.code,
      name: d.name,
      description:
        d.objective === 'score'
          ? 'Maximizes the total score of the framework within 55 % of what every candidate would cost.'
          : 'Maximizes net present value within 75 % of what every candidate would cost.',
      portfolioId: target.portfolio_id,
      officeId: target.office_id,
      body: body as unknown as Record<string, unknown>,
      sources: base.sources,
      status: 'draft',
      plan: describePlan(
        body,
        plan.starts,
        { source: 'greedy', status: 'greedy', greedyValue: plan.value },
        1,
      ),
    };
  });
  return tx.insert(scenarios).values(made).returning({ id: scenarios.id, code: scenarios.code });
}
