/* Why a dimension has its colour: one reason per fact, naming the fact, its value and the limit. */
import { formatNumber } from './internal';
import type { RagBand } from './rag-thresholds';
import { RAG_SCORE, type Rag, type RagDimension } from './types';

export type RagFact =
  | 'spi'
  | 'slippedMilestones'
  | 'criticalMilestones'
  | 'finishVarianceDays'
  | 'cpi'
  | 'burnAheadPoints'
  | 'eacOverBudgetPercent'
  | 'approvedChanges'
  | 'approvedChangePercent'
  | 'highRisks'
  | 'overdueIssues'
  | 'escalatedIssues'
  | 'criticalIssues'
  | 'criticalDefects'
  | 'failedGateItems'
  | 'overdueFindings'
  | 'overAllocationPercent'
  | 'unfilledDemandPercent';

export interface RagReason {
  dimension: RagDimension;
  fact: RagFact;
  value: number;
  rag: Rag;
  /** The limit crossed (red or amber); for green, the amber limit the value stayed within. */
  threshold: number;
  direction: 'lower-is-worse' | 'higher-is-worse';
  /** The items behind a count (milestones, changes, risks, issues), when there are any. */
  ids?: string[];
  /** "SPI 0.82 is below 0.85 (red)". */
  message: string;
}

interface FactLabel {
  label: string;
  unit: string;
  ratio?: true;
}

const FACTS: Record<RagFact, FactLabel> = {
  spi: { label: 'SPI', unit: '', ratio: true },
  slippedMilestones: { label: 'Slipped milestones', unit: '' },
  criticalMilestones: { label: 'Slipped critical milestones', unit: '' },
  finishVarianceDays: { label: 'Finish variance', unit: ' days' },
  cpi: { label: 'CPI', unit: '', ratio: true },
  burnAheadPoints: { label: 'Budget burn ahead of % complete by', unit: ' points' },
  eacOverBudgetPercent: { label: 'EAC over budget by', unit: '%' },
  approvedChanges: { label: 'Approved changes', unit: '' },
  approvedChangePercent: { label: 'Size of approved changes', unit: '%' },
  highRisks: { label: 'Open high risks', unit: '' },
  overdueIssues: { label: 'Overdue issues', unit: '' },
  escalatedIssues: { label: 'Escalated issues', unit: '' },
  criticalIssues: { label: 'Open critical issues', unit: '' },
  criticalDefects: { label: 'Open critical defects', unit: '' },
  failedGateItems: { label: 'Failed gate checklist items', unit: '' },
  overdueFindings: { label: 'Overdue audit findings', unit: '' },
  overAllocationPercent: { label: 'Over-allocated people', unit: '%' },
  unfilledDemandPercent: { label: 'Unfilled role demand', unit: '%' },
};

const LOWER_IS_WORSE: ReadonlySet<RagFact> = new Set(['spi', 'cpi']);

/** The colour of a value against a band, with the limit that decided it. */
export function bandRag(
  value: number,
  band: RagBand,
  lowerIsWorse: boolean,
): { rag: Rag; threshold: number } {
  if (lowerIsWorse) {
    if (value < band.red) return { rag: 'red', threshold: band.red };
    if (value < band.amber) return { rag: 'amber', threshold: band.amber };
  } else {
    if (value >= band.red) return { rag: 'red', threshold: band.red };
    if (value >= band.amber) return { rag: 'amber', threshold: band.amber };
  }
  return { rag: 'green', threshold: band.amber };
}

export function bandReason(
  dimension: RagDimension,
  fact: RagFact,
  value: number,
  band: RagBand,
  ids?: string[],
  labelled?: string,
): RagReason {
  const lowerIsWorse = LOWER_IS_WORSE.has(fact);
  const { rag, threshold } = bandRag(value, band, lowerIsWorse);
  const { unit, ratio } = FACTS[fact];
  const label = labelled ?? FACTS[fact].label;
  const style = ratio ? { decimals: 2, trim: false } : { decimals: 1, trim: true };
  const shown = formatNumber(value, { ...style, against: threshold }) + unit;
  const limit = formatNumber(threshold, style) + unit;
  const below = lowerIsWorse === (rag !== 'green');
  const message = `${label} ${shown} is ${below ? 'below' : 'at or above'} ${limit} (${rag})`;
  const reason: RagReason = {
    dimension,
    fact,
    value,
    rag,
    threshold,
    direction: lowerIsWorse ? 'lower-is-worse' : 'higher-is-worse',
    message,
  };
  if (ids && ids.length > 0) reason.ids = ids;
  return reason;
}

/** Worst first; equal colours keep the order the rules gave them. */
export const reasonOrder = (a: RagReason, b: RagReason): number => RAG_SCORE[b.rag] - RAG_SCORE[a.rag];
