/** The per-task arrays of a plan's network, and the calendars they point to. */
import type { WorkCalendar } from '../calendar/calendar';
import { Constraint } from './cpm';
import type { PlanTaskInput } from './plan';
import type { PlanCalendars } from './plan-calendars';

/** Records what the engine scheduled differently from MS Project, for a task. */
export type Note = (uid: number, text: string) => void;

/** The calendars a network's indices point to (the project's first), as tasks and lags ask for them. */
export class CalendarIndex {
  readonly list: WorkCalendar[];
  private readonly indexOf: Map<WorkCalendar, number>;
  /** Each task calendar's index by UID, -1 when the plan does not define it. */
  readonly byUid = new Map<number, number>();
  private elapsedIndex = -1;

  constructor(readonly calendars: PlanCalendars) {
    this.list = [calendars.project];
    this.indexOf = new Map([[calendars.project, 0]]);
  }

  idx(c: WorkCalendar) {
    let i = this.indexOf.get(c);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(c);
      this.indexOf.set(c, i);
    }
    return i;
  }

  get elapsed() {
    if (this.elapsedIndex < 0) this.elapsedIndex = this.idx(this.calendars.elapsed);
    return this.elapsedIndex;
  }

  /** A task calendar's index, -1 if the plan does not define it. */
  task(uid: number) {
    let i = this.byUid.get(uid);
    if (i === undefined) {
      const c = this.calendars.get(uid);
      i = c ? this.idx(c) : -1;
      this.byUid.set(uid, i);
    }
    return i;
  }
}

/** The network's per-task arrays, and which of the optional inputs any task uses. */
export class TaskArrays {
  readonly duration: Float64Array;
  readonly cal: Uint16Array;
  /** Each task's own calendar (not the elapsed one): the one its work lags count in. */
  readonly taskCal: Uint16Array;
  readonly ctype: Uint8Array;
  readonly cdate: Float64Array;
  readonly fixed: Uint8Array;
  readonly fixedStart: Float64Array;
  readonly deadline: Float64Array;
  readonly done: Uint8Array;
  readonly release: Float64Array;
  readonly remaining: Float64Array;
  anyConstraint = false;
  anyFixed = false;
  anyDeadline = false;
  anyDone = false;

  constructor(m: number) {
    this.duration = new Float64Array(m);
    this.cal = new Uint16Array(m);
    this.taskCal = new Uint16Array(m);
    this.ctype = new Uint8Array(m);
    this.cdate = new Float64Array(m);
    this.fixed = new Uint8Array(m);
    this.fixedStart = new Float64Array(m);
    this.deadline = new Float64Array(m).fill(Number.NaN);
    this.done = new Uint8Array(m);
    this.release = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
    this.remaining = new Float64Array(m);
  }

  /** Network task k from plan task t: its calendar, duration, constraint, deadline and progress. */
  fill(k: number, t: PlanTaskInput, cals: CalendarIndex, statusDate: number | null, note: Note) {
    let own = 0;
    const uid = t.calendarUid;
    if (uid !== null && uid !== cals.calendars.projectUid) {
      const i = cals.task(uid);
      if (i >= 0) own = i;
      else note(t.uid, `calendar ${uid} is not defined: scheduled on the project calendar`);
    }
    this.taskCal[k] = own;
    const ci = t.elapsed ? cals.elapsed : own;
    this.cal[k] = ci;
    const c = cals.list[ci]!;
    const d = t.milestone ? 0 : Math.max(0, t.duration);
    this.duration[k] = d;
    this.ctype[k] = 0;
    this.cdate[k] = 0;
    if (t.constraint === Constraint.ALAP) {
      this.ctype[k] = Constraint.ALAP;
      this.anyConstraint = true;
    } else if (t.constraintDate !== null && t.constraint !== Constraint.ASAP) {
      this.ctype[k] = t.constraint;
      this.cdate[k] = c.ordinal(t.constraintDate);
      this.anyConstraint = true;
    }
    this.deadline[k] = Number.NaN;
    if (t.deadline !== null) {
      this.deadline[k] = c.ordinal(t.deadline);
      this.anyDeadline = true;
    }
    const status = statusDate === null ? null : c.ordinal(statusDate);
    this.fixed[k] = 0;
    this.fixedStart[k] = 0;
    this.done[k] = 0;
    this.release[k] = Number.NEGATIVE_INFINITY;
    this.remaining[k] = 0;
    if (t.actualFinish !== null || (t.percentComplete >= 100 && t.actualStart !== null)) {
      // Done: it took what it took, and it stays where it was.
      const finish = t.actualFinish === null ? null : c.ordinal(t.actualFinish);
      const start = t.actualStart === null ? finish! - d : c.ordinal(t.actualStart);
      this.fixed[k] = 1;
      this.fixedStart[k] = start;
      this.duration[k] = finish === null ? d : Math.max(0, finish - start);
      this.done[k] = 1;
      this.anyFixed = true;
      this.anyDone = true;
    } else if (t.actualStart !== null) {
      // Under way: it started when it did; the work left follows the work done, or resumes at
      // the status date when the work done stops short of it (MS Project's "reschedule
      // uncompleted work to start after the status date").
      const left = Math.max(
        0,
        Math.min(d, t.remainingDuration ?? Math.round(d * (1 - t.percentComplete / 100))),
      );
      const start = c.ordinal(t.actualStart);
      this.fixed[k] = 1;
      this.fixedStart[k] = start;
      this.remaining[k] = left;
      const resume = Math.max(start + (d - left), status ?? Number.NEGATIVE_INFINITY);
      this.duration[k] = resume + left - start;
      this.anyFixed = true;
    } else {
      this.remaining[k] = d;
      if (t.manual && t.manualStart !== null) {
        this.fixed[k] = 1;
        this.fixedStart[k] = c.ordinal(t.manualStart);
        this.anyFixed = true;
      } else if (status !== null) this.release[k] = status; // work not begun starts after the status date
    }
  }
}
