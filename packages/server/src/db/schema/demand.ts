import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { entityColumns } from './common';
import { users } from './people';
import { offices, orgUnits, portfolios, projects, projectTypes } from './registry';

/** Organization-wide settings, one row per key (e.g. `demand`: currency and discount rate). */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().$type<Record<string, unknown>>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export interface CapacityStepData {
  orgUnitId: string;
  from: string;
  hoursPerMonth: number;
}

/** The catalog of work roles (developer, analyst, …) with the hours each org unit has per month. */
export const workRoles = pgTable(
  'work_roles',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(''),
    capacity: jsonb().$type<CapacityStepData[]>().notNull().default([]),
  },
  (t) => [index().on(t.archivedAt, t.code)],
);

export interface BusinessCaseData {
  firstYear: number;
  years: { capex: number; opex: number; benefits: number }[];
}
export interface RiskData {
  description: string;
  probability: number;
  impact: number;
}
export interface RoleDemandData {
  roleId: string;
  fromMonth: number;
  months: number;
  hoursPerMonth: number;
}

export const proposals = pgTable(
  'proposals',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    title: text().notNull(),
    problem: text().notNull().default(''),
    outcome: text().notNull().default(''),
    orgUnitId: uuid()
      .notNull()
      .references(() => orgUnits.id),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    portfolioId: uuid().references(() => portfolios.id),
    sponsorId: uuid().references(() => users.id),
    requesterId: uuid().references(() => users.id),
    typeId: uuid().references(() => projectTypes.id),
    objectiveIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    mandatory: boolean().notNull().default(false),
    mandatoryReason: text().notNull().default(''),
    businessCase: jsonb().$type<BusinessCaseData>().notNull(),
    risks: jsonb().$type<RiskData[]>().notNull().default([]),
    demand: jsonb().$type<RoleDemandData[]>().notNull().default([]),
    earliestStart: text().notNull(),
    latestStart: text().notNull(),
    durationMonths: integer().notNull(),
    frameworkId: uuid(),
    status: text().notNull().default('draft'),
    statusReason: text().notNull().default(''),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    projectId: uuid().references(() => projects.id),
  },
  (t) => [
    index().on(t.officeId),
    index().on(t.portfolioId),
    index().on(t.status, t.code),
    index().on(t.archivedAt, t.code),
    index().on(t.frameworkId),
  ],
);

/** Every move of a proposal along the pipeline: who, when, from where to where, and why. */
export const proposalTransitions = pgTable(
  'proposal_transitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id),
    fromStatus: text(),
    toStatus: text().notNull(),
    reason: text().notNull().default(''),
    actorId: uuid(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.proposalId, t.at)],
);

export interface CriterionData {
  id: string;
  name: string;
  description: string;
  weight: number;
  scale: { min: number; max: number; levels: { value: number; label: string; description: string }[] };
  direction: 'benefit' | 'negative';
  objectiveId: string | null;
}

/** One revision of a scoring framework; the revisions of one framework share a family id. */
export const scoringFrameworks = pgTable(
  'scoring_frameworks',
  {
    ...entityColumns(),
    familyId: uuid().notNull(),
    revision: integer().notNull().default(1),
    code: text().notNull(),
    name: text().notNull(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    description: text().notNull().default(''),
    combine: text().notNull().default('mean'),
    disagreementThreshold: doublePrecision().notNull().default(2),
    weighting: text().notNull().default('direct'),
    criteria: jsonb().$type<CriterionData[]>().notNull(),
    ahp: jsonb().$type<{ comparisons: [number, number, number][] } | null>(),
    status: text().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.code, t.revision), index().on(t.familyId), index().on(t.officeId)],
);

/** One scorer's scores of one proposal against one framework revision. */
export const proposalScores = pgTable(
  'proposal_scores',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id),
    frameworkId: uuid()
      .notNull()
      .references(() => scoringFrameworks.id),
    scorerId: uuid()
      .notNull()
      .references(() => users.id),
    values: jsonb().$type<Record<string, number>>().notNull(),
    comment: text().notNull().default(''),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.frameworkId, t.scorerId] }), index().on(t.frameworkId)],
);
