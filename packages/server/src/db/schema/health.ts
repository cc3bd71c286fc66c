import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from './registry';
import type { RagText } from './status';

/**
 * Each project's latest submitted status reports, kept for the roll-ups and the executive
 * dashboard (C7): one row per project that has submitted a report, so that reading the health of
 * 10,000 projects is one pass over 10,000 short rows rather than a search through half a million
 * reports. It is derived data: triggers on `status_reports` (migration 0006) rewrite a project's
 * row in the same transaction as any change to its submitted reports (submit, reopen, correction,
 * archive), and `refreshProjectHealth` (status/rollup-store.ts) rebuilds it from the reports.
 */
export const projectHealth = pgTable('project_health', {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id),
  /** The latest submitted, unarchived report (by period); no foreign key: the row is derived and rewritten after the reports change. */
  reportId: uuid().notNull(),
  periodKind: text().notNull(),
  periodStart: date().notNull(),
  periodEnd: date().notNull(),
  submittedAt: timestamp({ withTimezone: true }),
  overallRag: text().$type<RagText>().notNull(),
  scheduleRag: text().$type<RagText>().notNull(),
  costRag: text().$type<RagText>().notNull(),
  scopeRag: text().$type<RagText>().notNull(),
  riskRag: text().$type<RagText>().notNull(),
  qualityRag: text().$type<RagText>().notNull(),
  resourcesRag: text().$type<RagText>().notNull(),
  /**
   * The last 16 submitted reports (a 13-period trend, and reports filed ahead of their due date),
   * oldest first, 17 characters each: the period's first day as days since 1970-01-01 (5 digits),
   * its length in days − 1 (2 digits), the day it was submitted − the period's last day + 500 (3
   * digits; 999 when unknown), then seven letters g/a/r/u — the overall, then schedule, cost,
   * scope, risk, quality and resources.
   */
  history: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
