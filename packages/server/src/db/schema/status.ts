import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { entityColumns } from './common';
import { users } from './people';
import { offices, projects, projectTypes } from './registry';

/**
 * How an office runs status reporting (C7): the cadence of its projects' reports, when a report
 * is due after its period ends, when reminders go out, and how ratings roll up. An office without
 * a row inherits its parent's; the organization default applies at the top.
 */
export const officeStatusSettings = pgTable('office_status_settings', {
  officeId: uuid()
    .primaryKey()
    .references(() => offices.id),
  /** The engine's ReportingCadence: { kind: 'weekly' | 'biweekly' | 'monthly', … }. */
  cadence: jsonb().$type<Record<string, unknown>>().notNull(),
  /** Days after the period's last day the report is due (0 = the last day itself). */
  dueDaysAfterPeriod: integer().notNull().default(1),
  /** Reminders this many days before the due date (e.g. [1, 0]); overdue nags after it. */
  reminderDaysBefore: jsonb().$type<number[]>().notNull().default([1]),
  /** The engine's CombineRule plus what weighs: { method: 'worst' } or { method: 'weighted', by: 'budget' | 'priority', … }. */
  rollup: jsonb().$type<Record<string, unknown>>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The methodology's RAG thresholds for one project type (the engine's RagThresholdsInput). */
export const ragThresholds = pgTable('rag_thresholds', {
  projectTypeId: uuid()
    .primaryKey()
    .references(() => projectTypes.id),
  thresholds: jsonb().$type<Record<string, unknown>>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type RagText = 'green' | 'amber' | 'red' | 'unknown';

/** One dimension of a report: what the rules suggested and why, what the manager set, and why. */
export interface ReportDimensionData {
  suggested: RagText;
  /** The engine's RagReason list, worst first. */
  reasons: unknown[];
  rag: RagText;
  /** Required when rag differs from suggested. */
  justification: string;
}

export interface NarrativeData {
  done: string;
  next: string;
  issues: string;
  helpNeeded: string;
}

/**
 * A status report: a dated snapshot of one project for one reporting period. Drafts may change;
 * a submitted report is history (a correction is a new version of it, kept in the audit trail).
 * `overall_rag` and the dimension columns repeat the jsonb so that roll-ups and filters are plain SQL.
 */
export const statusReports = pgTable(
  'status_reports',
  {
    ...entityColumns(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id),
    /** The engine's period: kind, first and last day (YYYY-MM-DD). */
    periodKind: text().notNull(),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    dueOn: date().notNull(),
    /** The day the facts were measured. */
    asOf: date().notNull(),
    state: text().$type<'draft' | 'submitted'>().notNull().default('draft'),
    overallSuggested: text().$type<RagText>().notNull().default('unknown'),
    overallRag: text().$type<RagText>().notNull().default('unknown'),
    overallJustification: text().notNull().default(''),
    scheduleRag: text().$type<RagText>().notNull().default('unknown'),
    costRag: text().$type<RagText>().notNull().default('unknown'),
    scopeRag: text().$type<RagText>().notNull().default('unknown'),
    riskRag: text().$type<RagText>().notNull().default('unknown'),
    qualityRag: text().$type<RagText>().notNull().default('unknown'),
    resourcesRag: text().$type<RagText>().notNull().default('unknown'),
    dimensions: jsonb().$type<Record<string, ReportDimensionData>>().notNull(),
    narrative: jsonb().$type<NarrativeData>().notNull(),
    /** Key metrics as of the report date (the facts the rules used, plus what the manager entered). */
    metrics: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    authorId: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid().references(() => users.id),
  },
  (t) => [
    unique().on(t.projectId, t.periodStart),
    index().on(t.projectId, t.periodStart.desc()),
    index().on(t.periodStart, t.overallRag),
    check('status_reports_state_check', sql`state in ('draft', 'submitted')`),
  ],
);
