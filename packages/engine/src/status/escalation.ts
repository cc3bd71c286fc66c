/*
 * Escalation of a risk or issue along the office chain (project office → program office →
 * strategic office). The item sits at the office its trail last took it to (the first office of
 * the chain when it has no trail). It must rise one level when, at that office:
 * - its score is above the office's `maxScore`, or its severity above `maxSeverity` (at the first
 *   office the item's own tolerance, when it has one, overrides the office's); or
 * - its resolution deadline has passed. At the first office that is the item's due date. After an
 *   escalation the receiving office's deadline is the later of the item's due date (when it had
 *   not passed on arrival) and arrival + the office's `resolutionDays`, so a deadline already
 *   breached never pushes the item up twice.
 * One call gives one step, never more than one level; the server records it in the trail and asks
 * again, so an item far above every tolerance climbs level by level, each step kept. At the top of
 * the chain the item stays, with its breaches listed.
 */
import { isoDay } from '../calendar/time';
import { fail, failWith, numberError, ok, parseDay } from './internal';
import { ISSUE_SEVERITIES, type IssueSeverity, type StatusResult } from './types';

export interface EscalationTolerance {
  /** Highest score (1–25) the office handles itself; no limit when null. */
  maxScore?: number | null;
  /** Highest severity the office handles itself; no limit when null. */
  maxSeverity?: IssueSeverity | null;
  /** Days the office has to resolve an item that rose to it; no own deadline when null. */
  resolutionDays?: number | null;
}

/** Starting points by kind of office; each office may set its own. */
export const DEFAULT_ESCALATION_TOLERANCES: Readonly<
  Record<'project' | 'program' | 'strategic', EscalationTolerance>
> = {
  project: { maxScore: 14, maxSeverity: 'medium', resolutionDays: 10 },
  program: { maxScore: 19, maxSeverity: 'high', resolutionDays: 10 },
  strategic: { maxScore: null, maxSeverity: null, resolutionDays: null },
};

export interface ChainOffice {
  officeId: string;
  /** Used in messages; the id otherwise. */
  name?: string;
  tolerance: EscalationTolerance;
}

export interface EscalationReason {
  kind: 'score' | 'severity' | 'deadline' | 'manual';
  message: string;
}

export interface EscalationStep {
  fromOfficeId: string;
  toOfficeId: string;
  /** The day of the step, YYYY-MM-DD. */
  on: string;
  reasons: EscalationReason[];
}

export interface EscalationItem {
  id: string;
  open: boolean;
  /** Current score (risks), 1–25. */
  score?: number | null;
  severity?: IssueSeverity | null;
  /** Resolution deadline, YYYY-MM-DD. */
  due?: string | null;
  /** The item's own tolerance at its first office. */
  tolerance?: EscalationTolerance | null;
  /** Steps taken so far, oldest first. */
  trail?: readonly EscalationStep[];
}

export type EscalationDecision =
  | { escalate: true; fromLevel: number; toLevel: number; step: EscalationStep }
  | {
      escalate: false;
      why: 'closed' | 'within-tolerance' | 'top-of-chain';
      level: number;
      officeId: string;
      /** Breaches at the top of the chain, where there is no office left to rise to. */
      breaches: EscalationReason[];
      /** The resolution deadline at the current office (it rises the day after); null if none. */
      deadline: string | null;
    };

const rank = (s: IssueSeverity) => ISSUE_SEVERITIES.indexOf(s);

/** The next escalation step for an item as of a date, or why it stays where it is. */
export function nextEscalation(
  item: EscalationItem,
  chain: readonly ChainOffice[],
  asOf: string,
): StatusResult<EscalationDecision> {
  if (chain.length === 0) return fail('empty_chain', 'chain', 'the office chain is empty');
  const today = parseDay(asOf, 'asOf');
  if (!today.ok) return today;
  const checked = checkItem(item);
  if (!checked.ok) return checked;
  const due = checked.value;
  const trail = item.trail ?? [];
  const last = trail[trail.length - 1];
  const level = last ? chain.findIndex((o) => o.officeId === last.toOfficeId) : 0;
  if (level < 0) {
    const field = `trail[${trail.length - 1}].toOfficeId`;
    return fail('office_not_in_chain', field, `${last?.toOfficeId} is not an office of the chain`);
  }
  const office = chain[level]!;
  const arrival = last ? parseDay(last.on, `trail[${trail.length - 1}].on`) : null;
  if (arrival && !arrival.ok) return arrival;

  const stay = (
    why: 'closed' | 'within-tolerance' | 'top-of-chain',
    breaches: EscalationReason[],
    deadline: number | null,
  ) =>
    ok<EscalationDecision>({
      escalate: false,
      why,
      level,
      officeId: office.officeId,
      breaches,
      deadline: deadline === null ? null : isoDay(deadline),
    });
  const deadline = deadlineAt(level, due, arrival?.value ?? null, office.tolerance.resolutionDays ?? null);
  if (!item.open) return stay('closed', [], null);

  const tolerance = level === 0 ? { ...office.tolerance, ...definedOnly(item.tolerance) } : office.tolerance;
  const name = office.name ?? office.officeId;
  const breaches: EscalationReason[] = [];
  const { score, severity } = item;
  if (score != null && tolerance.maxScore != null && score > tolerance.maxScore) {
    breaches.push({
      kind: 'score',
      message: `Score ${score} is above ${name}'s tolerance of ${tolerance.maxScore}`,
    });
  }
  if (severity && tolerance.maxSeverity && rank(severity) > rank(tolerance.maxSeverity)) {
    const message = `Severity ${severity} is above ${name}'s tolerance of ${tolerance.maxSeverity}`;
    breaches.push({ kind: 'severity', message });
  }
  if (deadline !== null && today.value > deadline) {
    const message = `Resolution deadline ${isoDay(deadline)} at ${name} has passed (as of ${asOf})`;
    breaches.push({ kind: 'deadline', message });
  }
  if (breaches.length === 0) return stay('within-tolerance', [], deadline);
  if (level === chain.length - 1) return stay('top-of-chain', breaches, deadline);
  const to = chain[level + 1]!;
  const step = { fromOfficeId: office.officeId, toOfficeId: to.officeId, on: asOf, reasons: breaches };
  return ok({ escalate: true, fromLevel: level, toLevel: level + 1, step });
}

/**
 * The resolution deadline at a level: the due date at the first office; above it, the later of
 * the due date (if it had not passed on arrival) and arrival + the office's resolution days.
 */
function deadlineAt(
  level: number,
  due: number | null,
  arrival: number | null,
  days: number | null,
): number | null {
  if (level === 0 || arrival === null) return due;
  const candidates: number[] = [];
  if (due !== null && due >= arrival) candidates.push(due);
  if (days !== null) candidates.push(arrival + days);
  return candidates.length > 0 ? Math.max(...candidates) : null;
}

function definedOnly(tolerance: EscalationTolerance | null | undefined): EscalationTolerance {
  const out: EscalationTolerance = {};
  if (tolerance?.maxScore !== undefined) out.maxScore = tolerance.maxScore;
  if (tolerance?.maxSeverity !== undefined) out.maxSeverity = tolerance.maxSeverity;
  if (tolerance?.resolutionDays !== undefined) out.resolutionDays = tolerance.resolutionDays;
  return out;
}

/** The item's due day (null when it has none), after checking its fields. */
function checkItem(item: EscalationItem): StatusResult<number | null> {
  if (item.score != null) {
    const error = numberError(item.score, 'score', 1, 25);
    if (error) return failWith(error);
  }
  if (item.severity != null && !ISSUE_SEVERITIES.includes(item.severity)) {
    return fail('invalid_level', 'severity', `severity must be one of ${ISSUE_SEVERITIES.join(', ')}`);
  }
  return item.due ? parseDay(item.due, 'due') : ok(null);
}
