import { z } from 'zod';
import { Id, IsoDate, Timestamp, Version } from '../common';

/**
 * Plans and schedules (C4). A plan's instants are wall-clock times of the project, as MS Project
 * keeps them: `YYYY-MM-DDTHH:mm`, no zone. Durations, lags and slack are minutes of working
 * time (of calendar time where `elapsed` says so).
 */
export const PlanInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use YYYY-MM-DDTHH:mm (project time, no zone)')
  .describe('A wall-clock instant of the project, YYYY-MM-DDTHH:mm');
export const Minutes = z.number().finite().describe('Minutes');

export const linkTypes = ['FS', 'SS', 'FF', 'SF'] as const;
export const constraintTypes = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'] as const;
/** How a duration or lag is shown: minutes, hours, days, weeks, months; `e…` elapsed; `%` of the predecessor. */
export const durationUnits = ['m', 'h', 'd', 'w', 'mo', 'em', 'eh', 'ed', 'ew', 'emo'] as const;
export const lagUnits = [...durationUnits, '%', 'e%'] as const;

/** Working hours within a day, `HH:mm` to `HH:mm` (`24:00` ends a day). */
export const WorkingHours = z.object({
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:mm'),
  to: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use HH:mm'),
});
export const DayHours = z.array(WorkingHours).max(8);

export const recurrenceKinds = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export const Recurrence = z.object({
  kind: z.enum(recurrenceKinds),
  /** Every `period` days / weeks / months / years. */
  period: z.int().min(1).max(99).default(1),
  /** Weekly: the weekdays (0 Sunday … 6 Saturday). */
  weekdays: z.array(z.int().min(0).max(6)).max(7).optional(),
  /** Monthly or yearly on a day of the month (1–31)… */
  monthDay: z.int().min(1).max(31).optional(),
  /** …or on the nth (1–4, 5 = last) weekday of the month. */
  nth: z.int().min(1).max(5).optional(),
  weekday: z.int().min(0).max(6).optional(),
  /** Yearly: the month (1–12). */
  month: z.int().min(1).max(12).optional(),
  /** How many occurrences (or until `to`). */
  occurrences: z.int().min(1).max(999).optional(),
});

export const CalendarException = z.object({
  name: z.string().max(200).default(''),
  from: IsoDate,
  to: IsoDate,
  /** Working hours on those days; none for days off. */
  hours: DayHours.default([]),
  recurrence: Recurrence.optional(),
});

export const PlanCalendar = z
  .object({
    uid: z.int().min(1),
    name: z.string().trim().min(1).max(200),
    /** A base calendar whose days this one leaves unset (null for a base calendar). */
    baseUid: z.int().nullable().default(null),
    /** Sunday first; null: as the base calendar. */
    week: z.array(DayHours.nullable()).length(7),
    exceptions: z.array(CalendarException).max(5000).default([]),
    /** Periods following other working weeks (MS Project's work weeks). */
    workWeeks: z
      .array(
        z.object({
          name: z.string().max(200).default(''),
          from: IsoDate,
          to: IsoDate,
          week: z.array(DayHours.nullable()).length(7),
        }),
      )
      .max(500)
      .default([]),
  })
  .meta({ id: 'PlanCalendar' });

export const Baseline = z.object({
  number: z.int().min(0).max(10),
  start: PlanInstant.nullable(),
  finish: PlanInstant.nullable(),
  duration: Minutes.nullable(),
  work: Minutes.nullable().default(null),
  cost: z.number().nullable().default(null),
});

/** What a person enters for a task. */
export const taskInputs = {
  name: z.string().max(500),
  outlineLevel: z.int().min(1).max(100),
  notes: z.string().max(50_000).default(''),
  milestone: z.boolean().default(false),
  /** Manually scheduled: kept where it was put (`start`, `duration`). */
  manual: z.boolean().default(false),
  duration: Minutes.min(0),
  durationUnit: z.enum(durationUnits).default('d'),
  constraintType: z.enum(constraintTypes).default('ASAP'),
  constraintDate: PlanInstant.nullable().default(null),
  deadline: PlanInstant.nullable().default(null),
  /** A task calendar (null: the project's). */
  calendarUid: z.int().nullable().default(null),
  percentComplete: z.number().min(0).max(100).default(0),
  actualStart: PlanInstant.nullable().default(null),
  actualFinish: PlanInstant.nullable().default(null),
  /** Where a manually scheduled task was put. */
  manualStart: PlanInstant.nullable().default(null),
};

/** What the engine computes for a task. */
export const taskComputed = {
  start: PlanInstant.nullable(),
  finish: PlanInstant.nullable(),
  earlyStart: PlanInstant.nullable(),
  earlyFinish: PlanInstant.nullable(),
  lateStart: PlanInstant.nullable(),
  lateFinish: PlanInstant.nullable(),
  totalSlack: Minutes.nullable(),
  freeSlack: Minutes.nullable(),
  critical: z.boolean(),
  remainingDuration: Minutes.nullable(),
};

export const PlanTask = z
  .object({
    uid: z.int().min(0),
    /** Row number, from 1, in outline order. */
    row: z.int(),
    wbs: z.string(),
    summary: z.boolean(),
    version: z.int(),
    ...taskInputs,
    ...taskComputed,
    baselines: z.array(Baseline),
  })
  .meta({ id: 'PlanTask' });

export const PlanLink = z
  .object({
    predecessorUid: z.int().min(0),
    successorUid: z.int().min(0),
    type: z.enum(linkTypes).default('FS'),
    /** Minutes (of elapsed time for `e…` units); a percentage of the predecessor's duration for `%`. */
    lag: z.number().finite().default(0),
    lagUnit: z.enum(lagUnits).default('d'),
  })
  .meta({ id: 'PlanLink' });

export const PlanResource = z.object({
  uid: z.int().min(0),
  name: z.string().max(500),
  type: z.enum(['work', 'material', 'cost']).default('work'),
  initials: z.string().max(100).default(''),
  group: z.string().max(500).default(''),
  maxUnits: z.number().min(0).default(1),
  standardRate: z.number().min(0).default(0),
  calendarUid: z.int().nullable().default(null),
});

export const PlanAssignment = z.object({
  uid: z.int().min(0),
  taskUid: z.int().min(0),
  resourceUid: z.int().min(0),
  units: z.number().min(0).default(1),
  /** Minutes of work. */
  work: Minutes.min(0).default(0),
  actualWork: Minutes.min(0).default(0),
  start: PlanInstant.nullable().default(null),
  finish: PlanInstant.nullable().default(null),
});

export const PlanSettings = z.object({
  startDate: PlanInstant,
  statusDate: PlanInstant.nullable().default(null),
  calendarUid: z.int().min(1),
  minutesPerDay: z.int().min(1).max(1440).default(480),
  minutesPerWeek: z.int().min(1).max(10080).default(2400),
  daysPerMonth: z.int().min(1).max(31).default(20),
});

export const BaselineSet = z.object({ number: z.int().min(0).max(10), setAt: Timestamp });

export const Plan = z
  .object({
    projectId: Id,
    version: z.int(),
    ...PlanSettings.shape,
    /** The project's computed finish. */
    finish: PlanInstant.nullable(),
    /** Where the plan came from: `pharos` or the MS Project file it was imported from. */
    source: z.string(),
    updatedAt: Timestamp,
    baselinesSet: z.array(BaselineSet),
    calendars: z.array(PlanCalendar),
    tasks: z.array(PlanTask),
    links: z.array(PlanLink),
    resources: z.array(PlanResource),
    assignments: z.array(PlanAssignment),
  })
  .meta({ id: 'Plan' });

// ---------- edits ----------
/**
 * The fields of a shape with their defaults taken off, for updates: in zod 4 a `.partial()`
 * field keeps its default, which would reset every field an update does not mention.
 */
function changes<S extends z.ZodRawShape>(shape: S) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = v instanceof z.ZodDefault ? v.unwrap() : v;
  return z
    .object(out as unknown as { [K in keyof S]: S[K] extends z.ZodDefault<infer T> ? T : S[K] })
    .partial();
}

export const PlanSettingsUpdate = changes(PlanSettings.shape).extend({ version: Version });

export const TaskCreate = z.object({
  ...taskInputs,
  name: taskInputs.name.min(1),
  outlineLevel: taskInputs.outlineLevel.default(1),
  duration: taskInputs.duration.default(480),
  /** Insert before this row (1-based); at the end when absent. */
  beforeRow: z.int().min(1).optional(),
});
export const TaskUpdate = changes(taskInputs).extend({
  version: Version.describe('The task version you loaded'),
});
export const TaskParams = z.object({ id: Id, uid: z.coerce.number().int().min(0) });
export const LinkParams = z.object({
  id: Id,
  predecessorUid: z.coerce.number().int().min(0),
  successorUid: z.coerce.number().int().min(0),
});
export const LinkUpdate = changes(PlanLink.omit({ predecessorUid: true, successorUid: true }).shape);

export const ProgressEntry = z.object({
  uid: z.int().min(0),
  percentComplete: z.number().min(0).max(100).optional(),
  actualStart: PlanInstant.nullable().optional(),
  actualFinish: PlanInstant.nullable().optional(),
  remainingDuration: Minutes.min(0).nullable().optional(),
  version: Version,
});
export const ProgressUpdate = z.object({
  statusDate: PlanInstant.nullable().optional(),
  tasks: z.array(ProgressEntry).max(100_000),
});
export const BaselineParams = z.object({ id: Id, number: z.coerce.number().int().min(0).max(10) });

/**
 * Tasks whose computed fields alone changed (most of a cascade), column by column: entry i of
 * every array is one task. Much smaller and quicker to read than whole tasks.
 */
export const MovedTasks = z
  .object({
    uid: z.array(z.int()),
    row: z.array(z.int()),
    wbs: z.array(z.string()),
    summary: z.array(z.boolean()),
    start: z.array(PlanInstant.nullable()),
    finish: z.array(PlanInstant.nullable()),
    earlyStart: z.array(PlanInstant.nullable()),
    earlyFinish: z.array(PlanInstant.nullable()),
    lateStart: z.array(PlanInstant.nullable()),
    lateFinish: z.array(PlanInstant.nullable()),
    totalSlack: z.array(Minutes.nullable()),
    freeSlack: z.array(Minutes.nullable()),
    critical: z.array(z.boolean()),
    remainingDuration: z.array(Minutes.nullable()),
  })
  .meta({ id: 'MovedTasks' });
export type MovedTasksT = z.infer<typeof MovedTasks>;
/** The fields MovedTasks carries, each a field of PlanTask. */
export const movedFields = Object.keys(MovedTasks.shape) as (keyof MovedTasksT)[];

/** What an edit did: the plan's new version, the tasks it changed, and every task whose dates moved. */
export const PlanChange = z
  .object({
    version: z.int(),
    finish: PlanInstant.nullable(),
    /** Tasks added, or whose own fields changed (whole). */
    tasks: z.array(PlanTask),
    /** Tasks whose dates (or row, WBS, slack) alone moved. */
    moved: MovedTasks,
    /** All the plan's links when the edit changed any; empty when it changed none. */
    links: z.array(PlanLink),
    /** Task UIDs removed by the edit. */
    removed: z.array(z.int()),
    /** Milliseconds the reschedule took in memory: the edit read, the engine, the dates written back. */
    scheduleMs: z.number(),
    /** Of those, the recompute: the edit read into the engine and the engine's passes. */
    recomputeMs: z.number(),
  })
  .meta({ id: 'PlanChange' });

export const ImportResult = z.object({
  projectId: Id,
  version: z.int(),
  tasks: z.int(),
  links: z.int(),
  calendars: z.int(),
  resources: z.int(),
  assignments: z.int(),
  finish: PlanInstant.nullable(),
  /** Things the file had that Pharos schedules differently or does not keep. */
  warnings: z.array(z.string()),
});

// ---------- cross-project timeline ----------
export const TimelineItem = z.object({
  projectId: Id,
  code: z.string(),
  name: z.string(),
  start: PlanInstant.nullable(),
  finish: PlanInstant.nullable(),
  /** Baseline finish (baseline 0) for slippage. */
  baselineFinish: PlanInstant.nullable(),
  milestones: z.array(
    z.object({
      uid: z.int(),
      name: z.string(),
      date: PlanInstant.nullable(),
      baseline: PlanInstant.nullable(),
      critical: z.boolean(),
      percentComplete: z.number(),
    }),
  ),
});
export const Timeline = z.object({ items: z.array(TimelineItem) }).meta({ id: 'Timeline' });

export type PlanT = z.infer<typeof Plan>;
export type PlanTaskT = z.infer<typeof PlanTask>;
export type PlanLinkT = z.infer<typeof PlanLink>;
export type PlanCalendarT = z.infer<typeof PlanCalendar>;
export type PlanChangeT = z.infer<typeof PlanChange>;
