import { type Day, dayOf, MINUTES_PER_DAY, type Minute, startOfDay, weekdayOf } from './time';

/** Working hours within a day: minutes from midnight, `from` < `to` ≤ 1,440. */
export type Interval = readonly [from: number, to: number];
/** Working hours of each weekday, Sunday first (seven entries). */
export type WeekPattern = readonly (readonly Interval[])[];

export interface CalendarDefinition {
  week: WeekPattern;
  /** Periods (days inclusive) that follow another week, like MS Project's work weeks. */
  workWeeks?: readonly { from: Day; to: Day; week: WeekPattern }[];
  /** Dated exceptions (days inclusive): their own hours, or none for a day off. Later ones win. */
  exceptions?: readonly { from: Day; to: Day; hours: readonly Interval[] }[];
}

const h = (from: number, to: number): Interval => [from * 60, to * 60];
const NINE_TO_FIVE = [h(8, 12), h(13, 17)];
/** MS Project's Standard calendar: 08:00–12:00 and 13:00–17:00, Monday to Friday. */
export const STANDARD_WEEK: WeekPattern = [
  [],
  NINE_TO_FIVE,
  NINE_TO_FIVE,
  NINE_TO_FIVE,
  NINE_TO_FIVE,
  NINE_TO_FIVE,
  [],
];
/** Every minute of every day (elapsed time). */
export const ELAPSED_WEEK: WeekPattern = Array.from({ length: 7 }, () => [[0, MINUTES_PER_DAY] as Interval]);

/** How far a search may run past the last working minute before the calendar is called empty. */
const MAX_SEARCH_DAYS = 366 * 200;

function checkWeek(week: WeekPattern, where: string) {
  if (week.length !== 7) throw new RangeError(`${where}: a week has 7 days, not ${week.length}`);
  for (const [i, day] of week.entries()) checkHours(day, `${where}[${i}]`);
}

function checkHours(hours: readonly Interval[], where: string) {
  let last = 0;
  for (const [from, to] of hours) {
    if (
      !(Number.isInteger(from) && Number.isInteger(to) && from >= last && from < to && to <= MINUTES_PER_DAY)
    )
      throw new RangeError(`${where}: working hours must be ordered, non-overlapping minutes within a day`);
    last = to;
  }
}

/**
 * A working calendar, compiled for fast arithmetic in working time. Every instant has an
 * ordinal: the working minutes between a fixed origin and it. Durations and lags in working time
 * are differences of ordinals, so adding one is a lookup and a binary search, whatever the span.
 * The days it has compiled grow on demand, in both directions.
 */
export class WorkCalendar {
  private first: Day;
  /** Working minutes from the origin to the start of each compiled day (one more than days). */
  private cum: Float64Array;
  /** Each compiled day's working hours, flattened: day i's are at [offsets[i], offsets[i + 1]). */
  private offsets: Int32Array;
  private froms: Int16Array;
  private tos: Int16Array;
  private readonly anyWorkInWeeks: boolean;
  /**
   * A jump table into `cum` (built on first use, dropped when days are compiled): bucket b holds
   * the first day by whose end `cum[0] + b · bucket` working minutes are done, so finding the day
   * of an ordinal is a lookup and a step or two instead of a binary search.
   */
  private index: Int32Array | null = null;
  private bucket = 1;

  constructor(
    readonly definition: CalendarDefinition,
    /** The day whose start has ordinal 0; any day will do, near the plan is best. */
    readonly origin: Day = dayOf(Date.UTC(2000, 0, 1) / 60_000),
  ) {
    checkWeek(definition.week, 'week');
    for (const [i, w] of (definition.workWeeks ?? []).entries()) checkWeek(w.week, `workWeeks[${i}].week`);
    for (const [i, e] of (definition.exceptions ?? []).entries())
      checkHours(e.hours, `exceptions[${i}].hours`);
    const hasWork = (w: WeekPattern) => w.some((d) => d.length > 0);
    this.anyWorkInWeeks = hasWork(definition.week);
    this.first = origin;
    this.cum = new Float64Array(1);
    this.offsets = new Int32Array(1);
    this.froms = new Int16Array(0);
    this.tos = new Int16Array(0);
    this.compile(origin - 366, origin + 366 * 3);
  }

  /** The working hours of a day, exceptions and work weeks applied. */
  hoursOf(d: Day): readonly Interval[] {
    const def = this.definition;
    const ex = def.exceptions;
    if (ex)
      for (let i = ex.length - 1; i >= 0; i--) {
        const e = ex[i]!;
        if (d >= e.from && d <= e.to) return e.hours;
      }
    const ww = def.workWeeks;
    if (ww)
      for (let i = ww.length - 1; i >= 0; i--) {
        const w = ww[i]!;
        if (d >= w.from && d <= w.to) return w.week[weekdayOf(d)]!;
      }
    return def.week[weekdayOf(d)]!;
  }

  /** Working minutes on a day. */
  workOn(d: Day): number {
    this.cover(d);
    const i = d - this.first;
    return this.cum[i + 1]! - this.cum[i]!;
  }

  /** Working minutes from the origin to `t` (negative before it). */
  ordinal(t: Minute): number {
    const d = dayOf(t);
    this.cover(d);
    const i = d - this.first;
    const m = t - startOfDay(d);
    let w = this.cum[i]!;
    for (let k = this.offsets[i]!, end = this.offsets[i + 1]!; k < end; k++) {
      const from = this.froms[k]!;
      if (m <= from) break;
      const to = this.tos[k]!;
      w += Math.min(m, to) - from;
    }
    return w;
  }

  /** Working minutes between two instants (negative if `b` is before `a`). */
  between(a: Minute, b: Minute): number {
    return this.ordinal(b) - this.ordinal(a);
  }

  /**
   * The latest instant with this ordinal: where work resumes (a task that starts after a whole
   * day's work starts at 08:00 the next working day, not at 17:00).
   */
  startAt(w: number): Minute {
    // The first day on which work goes on after w.
    const i = this.firstDay(w, true);
    let r = w - this.cum[i]!;
    for (let k = this.offsets[i]!, end = this.offsets[i + 1]!; k < end; k++) {
      const len = this.tos[k]! - this.froms[k]!;
      if (r < len) return startOfDay(this.first + i) + this.froms[k]! + r;
      r -= len;
    }
    throw new Error('unreachable: the day holds the work');
  }

  /** The earliest instant with this ordinal: where work stops (a finish at 17:00, not 08:00 the next day). */
  finishAt(w: number): Minute {
    // The first day by whose end w working minutes are done: some of them on that day.
    const i = this.firstDay(w, false);
    let r = w - this.cum[i]!;
    for (let k = this.offsets[i]!, end = this.offsets[i + 1]!; k < end; k++) {
      const len = this.tos[k]! - this.froms[k]!;
      if (r <= len) return startOfDay(this.first + i) + this.froms[k]! + r;
      r -= len;
    }
    throw new Error('unreachable: the day holds the work');
  }

  /** `t` moved by working minutes, landing where work resumes. */
  addStart(t: Minute, minutes: number): Minute {
    return this.startAt(this.ordinal(t) + minutes);
  }

  /** `t` moved by working minutes, landing where work stops. */
  addFinish(t: Minute, minutes: number): Minute {
    return this.finishAt(this.ordinal(t) + minutes);
  }

  /** The next instant at or after `t` at which work goes on. */
  nextWorking(t: Minute): Minute {
    return this.startAt(this.ordinal(t));
  }

  /** The last instant at or before `t` at which work stopped or goes on. */
  previousWorking(t: Minute): Minute {
    return this.finishAt(this.ordinal(t));
  }

  /**
   * The first compiled day by whose end more than `w` working minutes are done (`after`), or at
   * least `w`. Compiles later days while no day qualifies, earlier ones while the first compiled
   * day might not be the first to. (Two loops, not a predicate: this is the hot path of every
   * date the scheduler turns back into an instant.)
   */
  private firstDay(w: number, after: boolean): number {
    for (;;) {
      const cum = this.cum;
      const last = cum[cum.length - 1]!;
      if (after ? last <= w : last < w) this.grow(+1, w);
      else if (after ? cum[0]! > w : cum[0]! >= w) this.grow(-1, w);
      else break;
    }
    const cum = this.cum;
    const index = this.index ?? this.buildIndex();
    if (index.length > 0) {
      // The answer is at or after the bucket's day (every day before it ends before the bucket starts).
      const b = Math.min(Math.floor((w - cum[0]!) / this.bucket), index.length - 1);
      let i = index[b]!;
      if (after) while (cum[i + 1]! <= w) i++;
      else while (cum[i + 1]! < w) i++;
      return i;
    }
    let lo = 0;
    let hi = cum.length - 2;
    if (after)
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid + 1]! > w) hi = mid;
        else lo = mid + 1;
      }
    else
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid + 1]! >= w) hi = mid;
        else lo = mid + 1;
      }
    return lo;
  }

  /** The jump table of `firstDay`, its buckets about one average working day long (empty if no day works). */
  private buildIndex(): Int32Array {
    const cum = this.cum;
    const n = cum.length - 1;
    const total = cum[n]! - cum[0]!;
    let working = 0;
    for (let i = 0; i < n; i++) if (cum[i + 1]! > cum[i]!) working++;
    if (working === 0 || total <= 0) {
      this.index = new Int32Array(0);
      return this.index;
    }
    // A power of two no longer than the average working day (at least one minute).
    this.bucket = 2 ** Math.max(0, Math.floor(Math.log2(total / working)));
    const buckets = Math.floor(total / this.bucket) + 1;
    const index = new Int32Array(buckets + 1);
    let i = 0;
    for (let b = 0; b <= buckets; b++) {
      const w = cum[0]! + b * this.bucket;
      while (i < n - 1 && cum[i + 1]! < w) i++;
      index[b] = i;
    }
    this.index = index;
    return index;
  }

  private grow(direction: 1 | -1, w: number) {
    const n = this.cum.length - 1;
    const last = this.first + n - 1;
    if (direction > 0) {
      if (last - this.origin > MAX_SEARCH_DAYS || (!this.anyWorkInWeeks && last > this.lastExceptionDay()))
        throw new RangeError(`The calendar has no working time to reach ${w} working minutes`);
      this.compile(this.first, last + Math.max(n, 366));
    } else {
      if (
        this.origin - this.first > MAX_SEARCH_DAYS ||
        (!this.anyWorkInWeeks && this.first < this.firstExceptionDay())
      )
        throw new RangeError(`The calendar has no working time to reach ${w} working minutes`);
      this.compile(this.first - Math.max(n, 366), last);
    }
  }

  private lastExceptionDay() {
    const days = [...(this.definition.exceptions ?? []), ...(this.definition.workWeeks ?? [])].map(
      (e) => e.to,
    );
    return days.length ? Math.max(...days) : this.origin;
  }

  private firstExceptionDay() {
    const days = [...(this.definition.exceptions ?? []), ...(this.definition.workWeeks ?? [])].map(
      (e) => e.from,
    );
    return days.length ? Math.min(...days) : this.origin;
  }

  /** Makes sure day `d` is compiled. */
  private cover(d: Day) {
    const n = this.cum.length - 1;
    if (d < this.first) this.compile(Math.min(d, this.first - Math.max(n, 366)), this.first + n - 1);
    else if (d >= this.first + n) this.compile(this.first, Math.max(d, this.first + 2 * n));
  }

  /** Compiles days [from, to], keeping the origin's ordinal at 0. */
  private compile(from: Day, to: Day) {
    const n = to - from + 1;
    const cum = new Float64Array(n + 1);
    const offsets = new Int32Array(n + 1);
    const froms: number[] = [];
    const tos: number[] = [];
    for (let i = 0; i < n; i++) {
      offsets[i] = froms.length;
      let work = 0;
      for (const [a, b] of this.hoursOf(from + i)) {
        froms.push(a);
        tos.push(b);
        work += b - a;
      }
      cum[i + 1] = cum[i]! + work;
    }
    offsets[n] = froms.length;
    const shift = cum[Math.min(Math.max(this.origin - from, 0), n)]!;
    for (let i = 0; i <= n; i++) cum[i] = cum[i]! - shift;
    this.first = from;
    this.index = null;
    this.cum = cum;
    this.offsets = offsets;
    this.froms = Int16Array.from(froms);
    this.tos = Int16Array.from(tos);
  }
}
