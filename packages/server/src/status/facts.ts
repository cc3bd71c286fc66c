/*
 * The facts a status report is suggested from, measured about projects as of a date: the schedule
 * from the plan, the budget and the approved changes from governance, open risks and issues from
 * the RAID register, failed gate items. Cost performance needs actuals, which the manager enters
 * in the report until finance exists (`withEntered`). Resources are not measured yet.
 */
import type { RagThresholds, StatusFacts } from '@pharos/engine';
import type { Tx } from '../db/connect';
import { governanceFacts } from '../governance/facts';
import { raidFacts } from '../raid/facts';
import { scheduleFacts } from '../schedule/facts';
import { addDays, daysFrom } from './common';

/** What was measured about one project: the engine's facts, and the budget's currency. */
export interface MeasuredFacts {
  facts: StatusFacts;
  currency: string | null;
}

export interface EnteredMetrics {
  actualCost: number | null;
  eac: number | null;
  percentComplete: number | null;
}

export const NO_ENTERED: EnteredMetrics = { actualCost: null, eac: null, percentComplete: null };

/** The facts of each project as of a date (YYYY-MM-DD); every project given gets an entry. */
export async function measureProjects(
  tx: Tx,
  projectIds: readonly string[],
  asOf: string,
): Promise<Map<string, MeasuredFacts>> {
  // One after the other: inside a transaction they share one connection.
  const schedule = await scheduleFacts(tx, projectIds, asOf);
  const raid = await raidFacts(tx, projectIds, asOf);
  const governance = await governanceFacts(tx, projectIds, asOf);
  const out = new Map<string, MeasuredFacts>();
  for (const id of projectIds) {
    const gov = governance.get(id);
    const facts: StatusFacts = {
      asOf,
      scope: { approvedChanges: gov?.approvedChanges ?? [] },
      risk: raid.get(id) ?? { risks: [], issues: [] },
    };
    const plan = schedule.get(id);
    if (plan) facts.schedule = plan;
    if (gov?.approved) facts.cost = { budget: gov.approved.budget };
    if (gov && gov.failedGateItems !== null) facts.quality = { failedGateItems: gov.failedGateItems };
    out.set(id, { facts, currency: gov?.approved?.currency ?? null });
  }
  return out;
}

/** The measured facts with the manager's entered actual cost, EAC and % complete. */
export function withEntered(facts: StatusFacts, entered: EnteredMetrics): StatusFacts {
  const { actualCost, eac, percentComplete } = entered;
  if (actualCost === null && eac === null && percentComplete === null) return facts;
  return { ...facts, cost: { ...facts.cost, actualCost, eac, percentComplete } };
}

/** The key metrics a report shows, counted with the project type's thresholds. */
export function measuredMetrics(m: MeasuredFacts, t: RagThresholds) {
  const { facts } = m;
  const asOf = facts.asOf;
  const milestones = facts.schedule?.milestones ?? [];
  const slipped = milestones.filter((x) => {
    if (x.done) return false;
    const expected = x.forecast && x.forecast > asOf ? x.forecast : asOf;
    return daysFrom(x.baseline, expected) > t.schedule.milestoneToleranceDays;
  });
  const risks = facts.risk?.risks ?? [];
  const issues = facts.risk?.issues ?? [];
  const windowStart = addDays(asOf, -t.scope.windowDays);
  const changes = (facts.scope?.approvedChanges ?? []).filter(
    (c) => c.approvedOn <= asOf && c.approvedOn > windowStart,
  );
  const size = changes.reduce((sum, c) => sum + Math.abs(c.sizePercent ?? 0), 0);
  return {
    currency: m.currency,
    budget: facts.cost?.budget ?? null,
    spi: facts.schedule?.spi ?? null,
    finishVarianceDays: facts.schedule?.finishVarianceDays ?? null,
    milestones: milestones.length,
    slippedMilestones: slipped.length,
    openRisks: risks.length,
    highRisks: risks.filter((r) => r.score >= t.risk.highRiskScore).length,
    openIssues: issues.length,
    overdueIssues: issues.filter((i) => i.due && i.due < asOf).length,
    escalatedIssues: issues.filter((i) => i.escalated).length,
    criticalIssues: issues.filter((i) => i.severity === 'critical').length,
    approvedChanges: changes.length,
    approvedChangePercent: Math.round(size * 10) / 10,
    failedGateItems: facts.quality?.failedGateItems ?? null,
  };
}
