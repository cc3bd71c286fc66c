/*
 * The report form's state: what the manager has set over the report as loaded, what to send, and
 * what stops a submission. The overall is suggested again from the dimensions as the manager rates
 * them, with the project type's own rule (the engine's combineRatings, as the server does).
 */
import {
  type RagColourT,
  type RagDimensionName,
  type RagRatingT,
  ragDimensionLabels,
  ragDimensions,
} from '@pharos/api';
import { combineRatings } from '@pharos/engine';
import { currencyDigits, parseMoney, toMajorInput } from '../demand/money';
import type { ReportUpdateBody, StatusReport } from './status-api';

export interface Rating {
  rag: RagRatingT;
  justification: string;
}

export type Narrative = StatusReport['narrative'];

export interface Draft {
  dims: Record<RagDimensionName, Rating>;
  /** null: the overall follows the dimensions. */
  overall: { rag: RagColourT | null; justification: string };
  narrative: Narrative;
  /** As typed: money in major units, % complete as a number. */
  entered: { actualCost: string; eac: string; percentComplete: string };
}

export const currencyOf = (r: StatusReport) => r.metrics.measured.currency ?? 'EUR';

export function draftOf(r: StatusReport): Draft {
  const digits = currencyDigits(currencyOf(r));
  const money = (v: number | null) => (v === null ? '' : toMajorInput(v, digits) || '0');
  const { entered } = r.metrics;
  return {
    dims: Object.fromEntries(
      ragDimensions.map((d) => [
        d,
        { rag: r.dimensions[d].rag, justification: r.dimensions[d].justification },
      ]),
    ) as Draft['dims'],
    overall: {
      rag: r.overall.overridden && r.overall.rag !== 'unknown' ? r.overall.rag : null,
      justification: r.overall.justification,
    },
    narrative: { ...r.narrative },
    entered: {
      actualCost: money(entered.actualCost),
      eac: money(entered.eac),
      percentComplete: entered.percentComplete === null ? '' : String(entered.percentComplete),
    },
  };
}

/** The overall the dimensions as rated imply. */
export function impliedOverall(r: StatusReport, dims: Draft['dims']): RagRatingT {
  const rule = r.overallRule;
  const weights = rule.method === 'weighted' ? (rule.weights ?? {}) : {};
  const combine =
    rule.method === 'weighted'
      ? { method: 'weighted' as const, amberFrom: rule.amberFrom, redFrom: rule.redFrom }
      : { method: 'worst' as const };
  return combineRatings(
    ragDimensions.map((d) => ({ rag: dims[d].rag, weight: weights[d] ?? 1 })),
    combine,
  ).rag;
}

/** The manager's own colour: it departs from a known suggestion. */
export const departs = (suggested: RagRatingT, rag: RagRatingT) =>
  suggested !== 'unknown' && rag !== 'unknown' && rag !== suggested;

/** What must be fixed before submitting, by field (the server says the same). */
export function submitProblems(r: StatusReport, d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dim of ragDimensions) {
    const { suggested } = r.dimensions[dim];
    const { rag, justification } = d.dims[dim];
    if (departs(suggested, rag) && !justification.trim())
      out[`dimensions.${dim}.justification`] =
        `The rules suggest ${suggested}: say why ${ragDimensionLabels[dim].toLowerCase()} is ${rag}`;
  }
  const implied = impliedOverall(r, d.dims);
  if (d.overall.rag && departs(implied, d.overall.rag) && !d.overall.justification.trim())
    out['overall.justification'] =
      `The dimensions suggest ${implied}: say why the overall is ${d.overall.rag}`;
  return out;
}

export type Parsed =
  | { ok: true; body: Omit<ReportUpdateBody, 'version'> | null }
  | { ok: false; errors: Record<string, string> };

/** The changes to send (null when nothing changed), or the fields that cannot be read. */
export function changesOf(r: StatusReport, d: Draft): Parsed {
  const errors: Record<string, string> = {};
  const before = draftOf(r);
  const body: Omit<ReportUpdateBody, 'version'> = {};
  const dims: NonNullable<ReportUpdateBody['dimensions']> = {};
  for (const dim of ragDimensions) {
    const a = d.dims[dim];
    const b = before.dims[dim];
    if (a.rag === b.rag && a.justification === b.justification) continue;
    dims[dim] = {
      rag: a.rag === 'unknown' || a.rag === r.dimensions[dim].suggested ? null : (a.rag as RagColourT),
      justification: a.justification,
    };
  }
  if (Object.keys(dims).length) body.dimensions = dims;
  if (d.overall.rag !== before.overall.rag || d.overall.justification !== before.overall.justification) {
    const implied = impliedOverall(r, d.dims);
    body.overall = {
      rag: d.overall.rag === implied ? null : d.overall.rag,
      justification: d.overall.justification,
    };
  }
  const narrative: Partial<Narrative> = {};
  for (const k of ['done', 'next', 'issues', 'helpNeeded'] as const)
    if (d.narrative[k] !== before.narrative[k]) narrative[k] = d.narrative[k];
  if (Object.keys(narrative).length) body.narrative = narrative;

  const digits = currencyDigits(currencyOf(r));
  const entered: NonNullable<ReportUpdateBody['entered']> = {};
  for (const k of ['actualCost', 'eac'] as const) {
    if (d.entered[k] === before.entered[k]) continue;
    if (d.entered[k].trim() === '') entered[k] = null;
    else {
      const m = parseMoney(d.entered[k], digits);
      if (m.ok) entered[k] = m.minor;
      else errors[`entered.${k}`] = m.message;
    }
  }
  if (d.entered.percentComplete !== before.entered.percentComplete) {
    const text = d.entered.percentComplete.trim();
    const n = Number(text);
    if (text === '') entered.percentComplete = null;
    else if (Number.isFinite(n) && n >= 0 && n <= 100) entered.percentComplete = n;
    else errors['entered.percentComplete'] = 'Enter a percentage from 0 to 100';
  }
  if (Object.keys(entered).length) body.entered = entered;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, body: Object.keys(body).length ? body : null };
}
