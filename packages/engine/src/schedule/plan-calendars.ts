import { type CalendarDefinition, ELAPSED_WEEK, WorkCalendar } from '../calendar/calendar';
import { type Day, dayOf, type Minute } from '../calendar/time';

/**
 * A plan's calendars, compiled on first use and kept: the project's, each task calendar, and the
 * elapsed calendar (every minute works) for elapsed durations and lags. Compiling is the costly
 * part of scheduling a small plan, so a caller may keep one of these while the plan's calendar
 * definitions do not change and pass it to every `schedulePlan` of that plan.
 */
export class PlanCalendars {
  private readonly compiled = new Map<number, WorkCalendar>();
  private elapsedCalendar: WorkCalendar | null = null;

  constructor(
    readonly definitions: ReadonlyMap<number, CalendarDefinition>,
    readonly projectUid: number,
    /** The day whose start is ordinal 0 in every calendar (near the plan is best). */
    readonly origin: Day,
    project?: WorkCalendar,
  ) {
    if (project) this.compiled.set(projectUid, project);
    else if (!definitions.has(projectUid))
      throw new RangeError(`The plan's calendar ${projectUid} is not among its calendars`);
  }

  /** The project calendar. */
  get project(): WorkCalendar {
    return this.get(this.projectUid)!;
  }

  /** Every minute of every day: elapsed durations and lags. */
  get elapsed(): WorkCalendar {
    this.elapsedCalendar ??= new WorkCalendar({ week: ELAPSED_WEEK }, this.origin);
    return this.elapsedCalendar;
  }

  /** A calendar by UID, or undefined if the plan does not define it. */
  get(uid: number): WorkCalendar | undefined {
    let c = this.compiled.get(uid);
    if (!c) {
      const def = this.definitions.get(uid);
      if (!def) return undefined;
      c = new WorkCalendar(def, this.origin);
      this.compiled.set(uid, c);
    }
    return c;
  }
}

/** The compiled calendars of a plan, to keep while its calendar definitions hold. */
export function compileCalendars(plan: {
  calendars: ReadonlyMap<number, CalendarDefinition>;
  calendarUid: number;
  start: Minute;
}): PlanCalendars {
  return new PlanCalendars(plan.calendars, plan.calendarUid, dayOf(plan.start));
}
