import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { entityColumns } from './common';

export interface CharterData {
  mission: string;
  mandate: string;
  authorityLevel: 'supportive' | 'controlling' | 'directive';
  kpis: { name: string; target: string; unit: string }[];
}

export const orgUnits = pgTable(
  'org_units',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => orgUnits.id),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.parentId)],
);

export const offices = pgTable(
  'offices',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => offices.id),
    orgUnitId: uuid().references(() => orgUnits.id),
    charter: jsonb().$type<CharterData>().notNull(),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.parentId)],
);

export const officeServices = pgTable(
  'office_services',
  {
    ...entityColumns(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    name: text().notNull(),
    serviceClass: text().notNull(),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.officeId)],
);

export const objectives = pgTable(
  'objectives',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => objectives.id),
    officeId: uuid().references(() => offices.id),
    weight: doublePrecision().notNull(),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.parentId)],
);

export const portfolios = pgTable(
  'portfolios',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => portfolios.id),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    managerId: uuid(),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.parentId), index().on(t.officeId)],
);

export const programs = pgTable(
  'programs',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    portfolioId: uuid()
      .notNull()
      .references(() => portfolios.id),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    managerId: uuid(),
    sponsorId: uuid(),
    plannedStart: date(),
    plannedFinish: date(),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.portfolioId), index().on(t.officeId)],
);

export const projectTypes = pgTable('project_types', {
  ...entityColumns(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
});

export const projects = pgTable(
  'projects',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    typeId: uuid()
      .notNull()
      .references(() => projectTypes.id),
    phase: text().notNull(),
    status: text().notNull(),
    sponsorId: uuid(),
    managerId: uuid(),
    officeId: uuid()
      .notNull()
      .references(() => offices.id),
    orgUnitId: uuid().references(() => orgUnits.id),
    portfolioId: uuid().references(() => portfolios.id),
    programId: uuid().references(() => programs.id),
    plannedStart: date(),
    plannedFinish: date(),
    description: text().notNull().default(''),
  },
  (t) => [
    index().on(t.officeId),
    index().on(t.portfolioId),
    index().on(t.programId),
    index().on(t.managerId),
    index().on(t.status, t.code),
    index().on(t.archivedAt, t.code),
    // The sort keys of the projects list, over the active projects it shows by default.
    index('projects_active_name_idx').on(t.name, t.id).where(sql`${t.archivedAt} is null`),
    index('projects_active_start_idx').on(t.plannedStart, t.id).where(sql`${t.archivedAt} is null`),
    index('projects_active_finish_idx').on(t.plannedFinish, t.id).where(sql`${t.archivedAt} is null`),
    index('projects_active_updated_idx').on(t.updatedAt, t.id).where(sql`${t.archivedAt} is null`),
  ],
);

export const projectObjectives = pgTable(
  'project_objectives',
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id),
    objectiveId: uuid()
      .notNull()
      .references(() => objectives.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.objectiveId] }), index().on(t.objectiveId)],
);

export const operations = pgTable(
  'operations',
  {
    ...entityColumns(),
    code: text().notNull().unique(),
    name: text().notNull(),
    portfolioId: uuid()
      .notNull()
      .references(() => portfolios.id),
    officeId: uuid().references(() => offices.id),
    orgUnitId: uuid().references(() => orgUnits.id),
    ownerId: uuid(),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.portfolioId)],
);
