/* The facts of a report as the engine reads them, whole or one rule at a time (history-rag.ts). */
import type { MilestoneFact, OpenIssueFact, OpenRiskFact, StatusFacts } from '@pharos/engine';
import { CRITICAL, type ProjectModel, type WeekFacts } from './history-facts';
import { isoOf } from './history-parts';
import type { Rule } from './history-rag';

const milestoneFacts = (m: ProjectModel, f: WeekFacts): MilestoneFact[] =>
  m.milestones.map((ms, j) => ({
    id: ms.id,
    name: ms.name,
    baseline: isoOf(ms.baseline),
    forecast: isoOf(f.forecasts[j]!),
    done: ms.achieved !== null && ms.achieved <= f.day,
    critical: j === CRITICAL,
  }));

/** Every change approved so far: the engine keeps those in its window. */
const changeFacts = (m: ProjectModel, f: WeekFacts) =>
  m.s.changes
    .filter((c) => c.state === 'approved' && c.decidedOn! <= f.day)
    .map((c) => ({
      id: c.id,
      approvedOn: isoOf(c.decidedOn!),
      ...(c.sizePercent === undefined ? {} : { sizePercent: c.sizePercent }),
    }));

const riskFacts = (m: ProjectModel, f: WeekFacts): OpenRiskFact[] =>
  f.openRisks.map((k) => ({ id: m.raid.risks[k]!.id, score: m.raid.risks[k]!.score }));

const issueFacts = (m: ProjectModel, f: WeekFacts): OpenIssueFact[] =>
  f.openIssues.map((k, i) => {
    const x = m.raid.issues[k]!;
    return { id: x.id, severity: x.severity, due: isoOf(x.due), escalated: f.escalated[i]! };
  });

/** The facts of a day as the engine reads them. */
export function factsOf(m: ProjectModel, f: WeekFacts): StatusFacts {
  const { s } = m;
  const ev = s.hasEarnedValue;
  const milestones = milestoneFacts(m, f);
  const approvedChanges = changeFacts(m, f);
  const risks = riskFacts(m, f);
  const issues = issueFacts(m, f);
  const { budget, actualCost, percentComplete, eac, defects, failedGateItems } = f;
  return {
    asOf: f.asOf,
    schedule: { ...(ev ? { spi: f.spi } : {}), milestones, finishVarianceDays: f.finishVarianceDays },
    cost: { ...(ev ? { cpi: f.cpi } : {}), budget, actualCost, percentComplete, eac },
    scope: { approvedChanges },
    risk: { risks, issues },
    quality: {
      ...(defects !== null ? { criticalDefects: defects } : {}),
      ...(failedGateItems !== null ? { failedGateItems } : {}),
    },
    resources: s.hasResources
      ? { overAllocationPercent: f.overAllocation, unfilledDemandPercent: f.unfilled }
      : {},
  };
}

/** The facts one rule reads (see RULES in history-rag.ts). */
export function ruleFacts(m: ProjectModel, f: WeekFacts, rule: Rule): Omit<StatusFacts, 'asOf'> {
  switch (rule) {
    case 0:
      return { schedule: { spi: f.spi } };
    case 1:
      return { schedule: { milestones: milestoneFacts(m, f) } };
    case 2:
      return { schedule: { finishVarianceDays: f.finishVarianceDays } };
    case 3:
      return { cost: { cpi: f.cpi } };
    case 4:
      return { cost: { budget: f.budget, actualCost: f.actualCost, percentComplete: f.percentComplete } };
    case 5:
      return { cost: { budget: f.budget, eac: f.eac } };
    case 6:
      return { scope: { approvedChanges: changeFacts(m, f) } };
    case 7:
      return { risk: { risks: riskFacts(m, f) } };
    case 8:
      return { risk: { issues: issueFacts(m, f) } };
    case 9:
      return { quality: { criticalDefects: f.defects! } };
    case 10:
      return { quality: { failedGateItems: f.failedGateItems! } };
    case 11:
      return { resources: { overAllocationPercent: f.overAllocation } };
    default:
      return { resources: { unfilledDemandPercent: f.unfilled } };
  }
}
