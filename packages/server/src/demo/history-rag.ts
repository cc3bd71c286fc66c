/*
 * The engine's RAG suggestion for half a million reports in a few seconds. suggestRag rates each
 * fact on its own and a dimension takes the worst of its reasons (listed worst first, in rule
 * order among equals), so the reasons of one rule depend only on what that rule read: the
 * generator asks suggestRag once per distinct measurement of a rule (a number that says exactly
 * what the rule reads: the value, or which of the project's items a count names) and reuses the
 * reasons it gave. history.test.ts checks every demo report against a direct suggestRag call.
 */
import {
  combineRatings,
  RAG_DIMENSIONS,
  type RagDimension,
  type RagRating,
  type RagReason,
  type RagThresholds,
  reasonOrder,
  type StatusFacts,
  suggestRag,
} from '@pharos/engine';
import type { ReportDimensionData } from '../db/schema/status';

/** The rules remembered apart, in the order the engine lists them within each dimension. */
export const RULES = [
  'spi',
  'milestones',
  'finishVariance',
  'cpi',
  'burn',
  'eac',
  'changes',
  'risks',
  'issues',
  'defects',
  'gateItems',
  'overAllocation',
  'unfilled',
] as const;
export type Rule = number;

const RULES_OF: Record<RagDimension, Rule[]> = {
  schedule: [0, 1, 2],
  cost: [3, 4, 5],
  scope: [6],
  risk: [7, 8],
  quality: [9, 10],
  resources: [11, 12],
};
const DIMENSION_OF: RagDimension[] = RAG_DIMENSIONS.flatMap((d) => RULES_OF[d].map(() => d));
/** Rules whose reasons name the project's own changes, risks or issues: remembered per project. */
export const OWN_RULES = 6;
const OWN = (rule: Rule) => rule >= 6 && rule <= 8;
/** Bits for the number of distinct measurements of each rule, so a dimension's key is one number. */
const BITS = [8, 20, 8, 8, 24, 12, 26, 26, 26, 10, 10, 10, 10];
const SPAN = BITS.map((b) => 2 ** b);

interface Remembered {
  id: number;
  reasons: RagReason[];
}

export interface DimensionRating {
  rag: RagRating;
  reasons: RagReason[];
  /** As stored when the manager keeps the suggestion (shared by every report rated the same). */
  stored: ReportDimensionData;
}

/**
 * What one project's reports remember: the rules that name its own items, and what its last
 * report measured (most facts do not change from one week to the next, so most lookups are
 * skipped).
 */
export class OwnMemo {
  readonly rules = [
    new Map<number, Remembered>(),
    new Map<number, Remembered>(),
    new Map<number, Remembered>(),
  ];
  readonly lastKeys = new Float64Array(RULES.length).fill(Number.NaN);
  readonly lastGot: (Remembered | null)[] = RULES.map(() => null);
  readonly lastDimension = new Float64Array(RAG_DIMENSIONS.length).fill(-1);
  readonly lastRated: (DimensionRating | null)[] = RAG_DIMENSIONS.map(() => null);
  /** Ratings of the dimensions whose reasons name the project's items (scope, risk), by dimension. */
  readonly dimensions = RAG_DIMENSIONS.map(() => new Map<number, DimensionRating>());
}
export const ownMemo = () => new OwnMemo();

const RULES_BY_INDEX = RAG_DIMENSIONS.map((d) => RULES_OF[d]);

export class RagMemo {
  private readonly rules = RULES.map(() => new Map<number, Remembered>());
  private readonly counts = new Float64Array(RULES.length);
  private readonly dimensions = RAG_DIMENSIONS.map(() => new Map<number, DimensionRating>());
  /** suggestRag calls made (distinct measurements). */
  calls = 0;

  constructor(readonly thresholds: RagThresholds) {}

  /** Ratings remembered per dimension (shared by the type's reports). */
  get sizes() {
    return this.dimensions.map((m) => m.size);
  }

  /**
   * Rates every dimension into `out`. `keys[rule]` identifies what the rule read (NaN: the fact
   * was not measured); `facts(rule)` gives that rule's facts, asked only for a new measurement.
   */
  rate(
    keys: Float64Array,
    own: OwnMemo,
    asOf: string,
    facts: (rule: Rule) => Omit<StatusFacts, 'asOf'>,
    out: Record<RagDimension, DimensionRating>,
  ) {
    for (let d = 0; d < RULES_BY_INDEX.length; d++) {
      const rules = RULES_BY_INDEX[d]!;
      let key = 0;
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        const k = keys[rule]!;
        const bits = SPAN[rule]!;
        if (Number.isNaN(k)) {
          key *= bits;
          continue;
        }
        const got =
          own.lastKeys[rule] === k ? own.lastGot[rule]! : this.remembered(rule, k, own, asOf, facts);
        own.lastKeys[rule] = k;
        own.lastGot[rule] = got;
        key = key * bits + got.id + 1;
      }
      // Scope and risk ratings name the project's items: kept with the project.
      const memo = d === 2 || d === 3 ? own.dimensions[d]! : this.dimensions[d]!;
      let rated = own.lastDimension[d] === key ? own.lastRated[d]! : memo.get(key);
      if (!rated) {
        const reasons: RagReason[] = [];
        for (const rule of rules) if (!Number.isNaN(keys[rule]!)) reasons.push(...own.lastGot[rule]!.reasons);
        reasons.sort(reasonOrder);
        const rag = reasons[0]?.rag ?? 'unknown';
        rated = { rag, reasons, stored: { suggested: rag, reasons, rag, justification: '' } };
        memo.set(key, rated);
      }
      own.lastDimension[d] = key;
      own.lastRated[d] = rated;
      out[RAG_DIMENSIONS[d]!] = rated;
    }
  }

  private remembered(
    rule: Rule,
    k: number,
    own: OwnMemo,
    asOf: string,
    facts: (rule: Rule) => Omit<StatusFacts, 'asOf'>,
  ): Remembered {
    const memo = OWN(rule) ? own.rules[rule - OWN_RULES]! : this.rules[rule]!;
    let got = memo.get(k);
    if (!got) {
      this.calls++;
      const s = suggestRag({ asOf, ...facts(rule) }, this.thresholds);
      if (!s.ok) throw new Error(`demo facts refused at ${s.error.field}: ${s.error.message}`);
      const id = this.counts[rule]!++;
      if (id + 1 >= SPAN[rule]!) throw new Error(`too many distinct ${RULES[rule]} measurements`);
      got = { id, reasons: s.value.dimensions[DIMENSION_OF[rule]!].reasons };
      memo.set(k, got);
    }
    return got;
  }

  private readonly overalls = new Map<number, RagRating>();

  /** The overall suggestion from the six dimensions, by the thresholds' overall rule. */
  overall(ratings: Record<RagDimension, RagRating>): RagRating {
    let code = 0;
    for (const d of RAG_DIMENSIONS) code = code * 4 + CODE[ratings[d]];
    let rag = this.overalls.get(code);
    if (rag === undefined) {
      const rule = this.thresholds.overall;
      const weights = rule.method === 'weighted' ? (rule.weights ?? {}) : {};
      rag = combineRatings(
        RAG_DIMENSIONS.map((d) => ({ rag: ratings[d], weight: weights[d] ?? 1 })),
        rule,
      ).rag;
      this.overalls.set(code, rag);
    }
    return rag;
  }
}

const CODE: Record<RagRating, number> = { unknown: 0, green: 1, amber: 2, red: 3 };
