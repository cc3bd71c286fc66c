import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { projects } from './registry';

/**
 * Plans (C4). A project has at most one plan. Plan instants are wall-clock times of the project
 * (`timestamp without time zone`), as MS Project keeps them; durations, lags and slack are
 * minutes. Computed dates are stored so lists, timelines and reports read them without
 * rescheduling.
 */
const wallClock = () => timestamp({ mode: 'string', precision: 0 });

export const plans = pgTable('plans', {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id),
  version: integer().notNull().default(1),
  name: text().notNull().default(''),
  /** `pharos`, or the file name a plan was imported from. */
  source: text().notNull().default('pharos'),
  startDate: wallClock().notNull(),
  statusDate: wallClock(),
  calendarUid: integer().notNull(),
  minutesPerDay: integer().notNull().default(480),
  minutesPerWeek: integer().notNull().default(2400),
  daysPerMonth: integer().notNull().default(20),
  finish: wallClock(),
  baselinesSet: jsonb().$type<{ number: number; setAt: string }[]>().notNull().default([]),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

const planKey = () =>
  uuid()
    .notNull()
    .references(() => plans.projectId, { onDelete: 'cascade' });

export const planCalendars = pgTable(
  'plan_calendars',
  {
    projectId: planKey(),
    uid: integer().notNull(),
    name: text().notNull(),
    baseUid: integer(),
    week: jsonb().notNull(),
    exceptions: jsonb().notNull().default([]),
    workWeeks: jsonb().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.uid] })],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    projectId: planKey(),
    uid: integer().notNull(),
    row: integer().notNull(),
    version: integer().notNull().default(1),
    wbs: text().notNull(),
    outlineLevel: smallint().notNull(),
    name: text().notNull(),
    notes: text().notNull().default(''),
    summary: boolean().notNull().default(false),
    milestone: boolean().notNull().default(false),
    manual: boolean().notNull().default(false),
    manualStart: wallClock(),
    duration: doublePrecision().notNull(),
    durationUnit: text().notNull().default('d'),
    constraintType: text().notNull().default('ASAP'),
    constraintDate: wallClock(),
    deadline: wallClock(),
    calendarUid: integer(),
    percentComplete: doublePrecision().notNull().default(0),
    actualStart: wallClock(),
    actualFinish: wallClock(),
    remainingDuration: doublePrecision(),
    start: wallClock(),
    finish: wallClock(),
    earlyStart: wallClock(),
    earlyFinish: wallClock(),
    lateStart: wallClock(),
    lateFinish: wallClock(),
    totalSlack: doublePrecision(),
    freeSlack: doublePrecision(),
    critical: boolean().notNull().default(false),
    /** Baselines 0–10 that were set for this task: start, finish, duration, work, cost. */
    baselines: jsonb().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.uid] }),
    index('plan_tasks_milestones_idx').on(t.projectId).where(sql`${t.milestone}`),
  ],
);

export const planLinks = pgTable(
  'plan_links',
  {
    projectId: planKey(),
    predecessorUid: integer().notNull(),
    successorUid: integer().notNull(),
    type: text().notNull().default('FS'),
    lag: doublePrecision().notNull().default(0),
    lagUnit: text().notNull().default('d'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.predecessorUid, t.successorUid] })],
);

export const planResources = pgTable(
  'plan_resources',
  {
    projectId: planKey(),
    uid: integer().notNull(),
    name: text().notNull(),
    type: text().notNull().default('work'),
    initials: text().notNull().default(''),
    group: text().notNull().default(''),
    maxUnits: doublePrecision().notNull().default(1),
    standardRate: doublePrecision().notNull().default(0),
    calendarUid: integer(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.uid] })],
);

export const planAssignments = pgTable(
  'plan_assignments',
  {
    projectId: planKey(),
    uid: integer().notNull(),
    taskUid: integer().notNull(),
    resourceUid: integer().notNull(),
    units: doublePrecision().notNull().default(1),
    work: doublePrecision().notNull().default(0),
    actualWork: doublePrecision().notNull().default(0),
    start: wallClock(),
    finish: wallClock(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.uid] })],
);
