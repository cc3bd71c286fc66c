import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entityColumns } from './common';
import { users } from './people';
import { offices, portfolios, programs, projects } from './registry';

export type RaidKind = 'risk' | 'issue' | 'assumption' | 'dependency' | 'decision';

/**
 * The RAID registers (C8): risks, issues, assumptions, dependencies and decisions, one table.
 * Exactly one of project/program/portfolio/office owns an item (its register); kind-specific
 * fields live in `details`, the ones filters and roll-ups need are columns.
 */
export const raidItems = pgTable(
  'raid_items',
  {
    ...entityColumns(),
    kind: text().$type<RaidKind>().notNull(),
    /** R-0001, I-0001, A-…, D-…, L-… (decision log), unique per kind. */
    code: text().notNull().unique(),
    title: text().notNull(),
    description: text().notNull().default(''),
    projectId: uuid().references(() => projects.id),
    programId: uuid().references(() => programs.id),
    portfolioId: uuid().references(() => portfolios.id),
    officeId: uuid().references(() => offices.id),
    ownerId: uuid().references(() => users.id),
    /** Per kind: risk open|closed|occurred, issue open|in_progress|resolved|closed, … */
    status: text().notNull(),
    /** Issue resolution deadline, risk review date, dependency need-by date, assumption validate-by. */
    dueOn: date(),
    /** Risk: 1–5 each; score = probability × the worst impact (1–25). */
    probability: integer(),
    impact: integer(),
    score: integer(),
    residualScore: integer(),
    /** Issue: low | medium | high | critical. */
    severity: text(),
    /** Dependency: the project this one depends on (shown in both registers). */
    dependsOnProjectId: uuid().references(() => projects.id),
    /** The office whose queue holds the item now (null while it stays with its owner). */
    escalatedToOfficeId: uuid().references(() => offices.id),
    escalationLevel: integer().notNull().default(0),
    escalatedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index().on(t.projectId, t.kind),
    index().on(t.programId),
    index().on(t.portfolioId),
    index().on(t.officeId),
    index().on(t.dependsOnProjectId),
    index().on(t.escalatedToOfficeId),
    index().on(t.kind, t.status),
    check('raid_items_one_owner', sql`num_nonnulls(project_id, program_id, portfolio_id, office_id) = 1`),
  ],
);

/** Every escalation step of an item: from where to where, why, who acknowledged it. */
export const raidEscalations = pgTable(
  'raid_escalations',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => raidItems.id),
    level: integer().notNull(),
    fromOfficeId: uuid().references(() => offices.id),
    toOfficeId: uuid()
      .notNull()
      .references(() => offices.id),
    /** tolerance | deadline | manual | de-escalated */
    reason: text().notNull(),
    detail: text().notNull().default(''),
    actorId: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: uuid().references(() => users.id),
  },
  (t) => [index().on(t.itemId, t.at), index().on(t.toOfficeId, t.at)],
);
