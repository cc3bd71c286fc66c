/*
 * Which report of a project counts for a period of a roll-up. A roll-up is taken for a period of
 * its scope's cadence (by default the latest one whose reports are due today). Each project then
 * counts with its report for its own latest period due by that period's due date: the same period
 * when offices report alike; under mixed cadences a monthly project shows its last due month in a
 * weekly roll-up. A project with no report for that period is missing, if it had to report: it is
 * active or on hold and had started (planned start on or before the period's end). Projects that
 * had not to report and did not are left out.
 */
import {
  dayFromIso,
  isoDay,
  periodAt,
  periodOf,
  RAG_DIMENSIONS,
  type RagDimension,
  type ReportingPeriod,
  type StatusRatings,
} from '@pharos/engine';
import { AppError } from '../errors';
import type { BoardProject, ReportLine } from './rollup-store';
import type { OfficeRule } from './rollup-structure';

export interface PeriodInfo extends ReportingPeriod {
  /** The day its reports are due. */
  due: string;
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new AppError('validation_failed', r.error.message, 'period');
  return r.value;
};

export function periodInfo(rule: OfficeRule, index: number): PeriodInfo {
  const p = must(periodAt(index, rule.cadence));
  return { ...p, due: isoDay(dayFromIso(p.end) + rule.dueOffset) };
}

/** The index of the latest period of the rule whose reports are due on or before `asOf` (a day number). */
export function lastDueIndex(rule: OfficeRule, asOf: number): number {
  const p = must(periodOf(isoDay(asOf - rule.dueOffset), rule.cadence));
  return dayFromIso(p.end) + rule.dueOffset <= asOf ? p.index : p.index - 1;
}

/**
 * The scope's period: the one holding a date (YYYY-MM-DD), or named by its key (`2026-W46`,
 * `2026-11`; a bi-weekly period by its first day), or by default the latest one due by `today`.
 */
export function scopePeriodIndex(rule: OfficeRule, period: string | undefined, today: number): number {
  if (!period) return lastDueIndex(rule, today);
  if (/^\d{4}-\d\d-\d\d$/.test(period)) return must(periodOf(period, rule.cadence)).index;
  const week = /^(\d{4})-W(\d\d)$/.exec(period);
  const month = /^(\d{4})-(\d\d)$/.exec(period);
  let date: string | null = null;
  if (week && rule.cadence.kind === 'weekly') {
    // The ISO week holding 4 January is week 1.
    const jan4 = dayFromIso(`${week[1]}-01-04`);
    date = isoDay(jan4 + (Number(week[2]) - 1) * 7);
  } else if (month && rule.cadence.kind === 'monthly') date = `${month[1]}-${month[2]}-01`;
  if (!date)
    throw new AppError(
      'validation_failed',
      `period must be a date (YYYY-MM-DD) or a ${rule.cadence.kind} period's key, not ${period}`,
      'period',
    );
  const p = must(periodOf(date, rule.cadence));
  if (p.key !== period)
    throw new AppError('validation_failed', `There is no ${rule.cadence.kind} period ${period}`, 'period');
  return p.index;
}

const REQUIRED = new Set(['active', 'on_hold']);

export interface Slot {
  /** The project's own period as of the scope period's due date: its first and last day. */
  start: number;
  end: number;
}

/**
 * For the scope periods of a window, the period each office rule reports on as of their due
 * dates (computed once per rule, not per project).
 */
export class PeriodLens {
  readonly periods: PeriodInfo[];
  private readonly byRule = new Map<OfficeRule, Slot[]>();

  constructor(
    readonly scopeRule: OfficeRule,
    /** The scope period indexes, oldest first; the last is the roll-up's period. */
    indexes: readonly number[],
  ) {
    this.periods = indexes.map((i) => periodInfo(scopeRule, i));
  }

  slots(rule: OfficeRule): Slot[] {
    let slots = this.byRule.get(rule);
    if (!slots) {
      slots = this.periods.map((q) => {
        const p = periodInfo(rule, lastDueIndex(rule, dayFromIso(q.due)));
        return { start: dayFromIso(p.start), end: dayFromIso(p.end) };
      });
      this.byRule.set(rule, slots);
    }
    return slots;
  }
}

/** The project's report for a slot, or null. Lines are oldest first. */
export function lineAt(p: BoardProject, slot: Slot): ReportLine | null {
  for (let i = p.lines.length - 1; i >= 0; i--) {
    const line = p.lines[i]!;
    if (line.start === slot.start) return line;
    if (line.start < slot.start) return null;
  }
  return null;
}

/** The latest report before a slot (for movers), or null. */
export function lineBefore(p: BoardProject, slot: Slot): ReportLine | null {
  for (let i = p.lines.length - 1; i >= 0; i--) if (p.lines[i]!.start < slot.start) return p.lines[i]!;
  return null;
}

/** Whether the project had to report for a slot (active or on hold, and started by its end). */
export const required = (p: BoardProject, slot: Slot) =>
  REQUIRED.has(p.status) && (p.plannedStart === null || p.plannedStart <= slot.end);

const ratingsCache = new WeakMap<ReportLine, StatusRatings>();

/** A report's colours as the engine takes them. */
export function ratingsOf(line: ReportLine): StatusRatings {
  let r = ratingsCache.get(line);
  if (!r) {
    const dimensions: Partial<Record<RagDimension, ReportLine['overall']>> = {};
    RAG_DIMENSIONS.forEach((d, i) => {
      dimensions[d] = line.dimensions[i]!;
    });
    r = { overall: line.overall, dimensions };
    ratingsCache.set(line, r);
  }
  return r;
}

/** Whether the store's short history reaches back to a day for this project. */
export const reaches = (p: BoardProject, day: number) => p.complete || (p.lines[0]?.start ?? 0) <= day;
