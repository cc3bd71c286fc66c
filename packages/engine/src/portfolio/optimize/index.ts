// The portfolio optimizer's pure half: the MILP model, the greedy and rank-then-cut plans, the
// plan check. The solver call itself is `@pharos/engine/solver` (solve.ts), kept apart so the
// engine's main entry never loads HiGHS.
export { checkPlan, type PlanCheck } from './check';
export { type ExclusionReason, explainPlan, type InclusionReason, type Shortfall } from './explain';
export { type GreedyOptions, type GreedyRank, greedy, type Plan, rankOrder, rankThenCut } from './greedy';
export {
  buildModel,
  columnsFromStarts,
  type PortfolioModel,
  type RowMeaning,
  rowActivity,
  startsFromColumns,
  toLp,
} from './model';
export { candidateValue, monthLabel, type Prepared, prepare, type ScenarioIssue, yearLabel } from './prepare';
export { moveInUsage, type PlanUsage, planUsage } from './usage';
