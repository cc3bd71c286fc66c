import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entityColumns } from './common';
import { users } from './people';
import { offices, portfolios } from './registry';

/** A portfolio scenario: its candidates and limits (the scenario-file body), its plan and frontier. */
export const scenarios = pgTable(
  'scenarios',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(''),
    portfolioId: uuid()
      .notNull()
      .references(() => portfolios.id),
    /** The portfolio's office, kept with the scenario for the policy (set from the portfolio). */
    officeId: uuid().references(() => offices.id),
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    sources: jsonb()
      .$type<Record<string, { kind: 'proposal' | 'project'; id: string }>>()
      .notNull()
      .default({}),
    status: text().notNull().default('draft'),
    plan: jsonb().$type<Record<string, unknown> | null>(),
    frontier: jsonb().$type<Record<string, unknown>[] | null>(),
    committedAt: timestamp({ withTimezone: true }),
    committedBy: uuid().references(() => users.id),
  },
  (t) => [index().on(t.portfolioId), index().on(t.archivedAt, t.code)],
);

/** Each commit of a scenario: the portfolio's plan of record at that moment, kept as history. */
export const plansOfRecord = pgTable(
  'plans_of_record',
  {
    id: uuid().primaryKey().defaultRandom(),
    portfolioId: uuid()
      .notNull()
      .references(() => portfolios.id),
    scenarioId: uuid()
      .notNull()
      .references(() => scenarios.id),
    committedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    committedBy: uuid().references(() => users.id),
    value: doublePrecision().notNull(),
    objective: text().notNull(),
    items: jsonb().$type<Record<string, unknown>[]>().notNull(),
    createdProjects: uuid().array().notNull(),
    movedProjects: uuid().array().notNull(),
  },
  (t) => [index().on(t.portfolioId, t.committedAt)],
);
