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
import { offices, projects } from './registry';

export interface GateData {
  key: string;
  name: string;
  checklist: { id: string; text: string; required: boolean }[];
  deliverables: { id: string; name: string; required: boolean }[];
  /** Who decides: roles (at the project's scope) and/or named people; every listed approver must agree for go. */
  approverRoles: string[];
  approverIds: string[];
}

export interface PhaseData {
  key: string;
  name: string;
  /** The gate that must be passed (go) to enter this phase; none for the first phase. */
  gate: GateData | null;
}

/** A lifecycle (C9): phases and their gates for some project types, owned by an office, versioned by revision. */
export const lifecycles = pgTable(
  'lifecycles',
  {
    ...entityColumns(),
    familyId: uuid().notNull(),
    revision: integer().notNull().default(1),
    code: text().notNull(),
    name: text().notNull(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    projectTypeIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    description: text().notNull().default(''),
    phases: jsonb().$type<PhaseData[]>().notNull(),
    status: text().$type<'draft' | 'published' | 'retired'>().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.code, t.revision), index().on(t.familyId), index().on(t.officeId)],
);

/** A gate review of one project: the evidence, each approver's vote, and the decision with its conditions. */
export const gateReviews = pgTable(
  'gate_reviews',
  {
    ...entityColumns(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id),
    lifecycleId: uuid()
      .notNull()
      .references(() => lifecycles.id),
    gateKey: text().notNull(),
    /** The phase the project is in, and the one the gate leads to. */
    fromPhase: text().notNull(),
    toPhase: text().notNull(),
    state: text().$type<'open' | 'decided'>().notNull().default('open'),
    /** go | hold | recycle | stop */
    decision: text(),
    conditions: text().notNull().default(''),
    /** { checklist: { [id]: { met: boolean, note } }, deliverables: { [id]: { link, note } } } */
    evidence: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** [{ approverId, role, vote: go|hold|recycle|stop, comment, at }] */
    votes: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    scheduledOn: date(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id),
  },
  (t) => [
    index().on(t.projectId, t.createdAt),
    check(
      'gate_reviews_decision_check',
      sql`decision is null or decision in ('go', 'hold', 'recycle', 'stop')`,
    ),
  ],
);

/**
 * An office's authority thresholds for change requests: ordered rules, the first that matches a
 * change decides its approval steps, e.g. budget ≤ 10 % → program manager; above → PMO board.
 */
export const officeAuthority = pgTable('office_authority', {
  officeId: uuid()
    .primaryKey()
    .references(() => offices.id),
  rules: jsonb().$type<Record<string, unknown>[]>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The project's approved values: what change requests change. History is in change_requests and the audit trail. */
export const projectApprovedValues = pgTable('project_approved_values', {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id),
  currency: text().notNull(),
  /** Approved budget, minor units. */
  budget: integer().notNull(),
  approvedStart: date(),
  approvedFinish: date(),
  scope: text().notNull().default(''),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A change request to scope, schedule or budget, with its impact and its approval steps. */
export const changeRequests = pgTable(
  'change_requests',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id),
    title: text().notNull(),
    description: text().notNull().default(''),
    /** Which of scope, schedule, budget it changes. */
    kinds: text().array().notNull(),
    /** { budgetDelta (minor units), finishDeltaDays, newFinish, scopeChange, … } */
    impact: jsonb().$type<Record<string, unknown>>().notNull(),
    /** draft | submitted | approved | rejected | withdrawn */
    state: text().notNull().default('draft'),
    /** The approval steps the authority rules gave, each with its decision when made. */
    steps: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    currentStep: integer().notNull().default(0),
    requestedBy: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    /** The approved values before and after, when approved. */
    applied: jsonb().$type<Record<string, unknown> | null>(),
  },
  (t) => [index().on(t.projectId, t.createdAt), index().on(t.state)],
);

/** The PMO's recommendation to stop a project, and what became of it. */
export const stopRecommendations = pgTable(
  'stop_recommendations',
  {
    ...entityColumns(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id),
    reason: text().notNull(),
    recommendedBy: uuid().references(() => users.id),
    /** open | accepted | rejected | withdrawn */
    state: text().notNull().default('open'),
    outcome: text().notNull().default(''),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.projectId)],
);
