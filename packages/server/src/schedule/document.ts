import type { PlanCalendarT, PlanT, PlanTaskT } from '@pharos/api';
import { STANDARD_WEEK } from '@pharos/engine';

/**
 * Scheduling a plan document lives in the engine (`packages/engine/src/schedule/document*.ts`),
 * shared with the web app, which schedules the plan open in the Gantt the same way. The API's
 * plan types fit the engine's document interfaces as they are.
 */
export {
  type ConstraintName,
  calendarDefinitions,
  constraintName,
  constraintNumber,
  type LinkTypeName,
  linkTypeName,
  linkTypeNumber,
  numberTasks,
  planInput,
  planInstant,
  planMinute,
  RECURRENCE_HORIZON_DAYS,
  recurrenceRule,
  rollUpSummaries,
  ScheduleMemo,
  scheduleDocument,
} from '@pharos/engine';

/**
 * A plan as a document: what is stored for a project and what MSPDI files are read into and
 * written from. The fields are the API's; the document adds the plan's name and which baselines
 * were set.
 */
export type PlanDocument = Pick<
  PlanT,
  | 'startDate'
  | 'statusDate'
  | 'calendarUid'
  | 'minutesPerDay'
  | 'minutesPerWeek'
  | 'daysPerMonth'
  | 'finish'
  | 'calendars'
  | 'tasks'
  | 'links'
  | 'resources'
  | 'assignments'
> & { name: string; baselinesSet: { number: number; setAt: string }[] };

/** A task with nothing set but what is given: one day, as soon as possible, nothing computed yet. */
export function newTask(uid: number, fields: Partial<PlanTaskT> = {}): PlanTaskT {
  return {
    uid,
    row: 0,
    wbs: '',
    summary: false,
    version: 1,
    name: '',
    outlineLevel: 1,
    notes: '',
    milestone: false,
    manual: false,
    duration: 480,
    durationUnit: 'd',
    constraintType: 'ASAP',
    constraintDate: null,
    deadline: null,
    calendarUid: null,
    percentComplete: 0,
    actualStart: null,
    actualFinish: null,
    manualStart: null,
    start: null,
    finish: null,
    earlyStart: null,
    earlyFinish: null,
    lateStart: null,
    lateFinish: null,
    totalSlack: null,
    freeSlack: null,
    critical: false,
    remainingDuration: null,
    baselines: [],
    ...fields,
  };
}

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** MS Project's Standard calendar (08:00–12:00, 13:00–17:00, Monday to Friday) as calendar `uid`. */
export function standardCalendar(uid = 1): PlanCalendarT {
  return {
    uid,
    name: 'Standard',
    baseUid: null,
    week: STANDARD_WEEK.map((d) => d.map(([a, b]) => ({ from: clock(a), to: clock(b) }))),
    exceptions: [],
    workWeeks: [],
  };
}

/** A plan with no tasks on the Standard calendar, starting at `startDate`. */
export function newPlan(name: string, startDate: string): PlanDocument {
  return {
    name,
    startDate,
    statusDate: null,
    calendarUid: 1,
    minutesPerDay: 480,
    minutesPerWeek: 2400,
    daysPerMonth: 20,
    finish: null,
    baselinesSet: [],
    calendars: [standardCalendar()],
    tasks: [],
    links: [],
    resources: [],
    assignments: [],
  };
}
