import type { PlanT } from '@pharos/api';

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
