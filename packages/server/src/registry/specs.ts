import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/connect';
import {
  objectives,
  officeServices,
  offices,
  operations,
  orgUnits,
  portfolios,
  programs,
  projectObjectives,
  projects,
  projectTypes,
} from '../db/schema/index';
import { invalidRef } from '../errors';
import { checkPhaseChange } from '../governance/phase-guard';
import type { EntitySpec, Row } from './spec';

export function columns(table: PgTable) {
  const cols = getTableColumns(table) as Record<string, PgColumn>;
  return (name: string) => {
    const c = cols[name];
    if (!c) throw new Error(`No column ${name}`);
    return c;
  };
}

const s = (v: unknown) => (v ?? null) as string | null;

export const orgUnitSpec: EntitySpec = {
  type: 'orgUnit',
  resource: 'orgUnit',
  label: 'organization unit',
  table: orgUnits,
  col: columns(orgUnits),
  refs: { parentId: 'orgUnit' },
  parentField: 'parentId',
  filters: ['parentId', 'kind'],
  anchors: () => ({}),
  anchorsFor: () => ({}),
  anchorColumns: {},
  children: [{ table: orgUnits, column: 'parent_id', label: 'sub-units' }],
};

export const officeSpec: EntitySpec = {
  type: 'office',
  resource: 'office',
  label: 'office',
  table: offices,
  col: columns(offices),
  refs: { parentId: 'office', orgUnitId: 'orgUnit' },
  parentField: 'parentId',
  filters: ['parentId', 'kind', 'orgUnitId'],
  anchors: (r) => ({ office: r.id }),
  // A new or moved office sits under its parent: you need a grant over the parent.
  anchorsFor: (v) => ({ office: s(v.parentId) }),
  anchorColumns: { office: 'id' },
  children: [
    { table: offices, column: 'parent_id', label: 'child offices' },
    { table: portfolios, column: 'office_id', label: 'portfolios' },
    { table: programs, column: 'office_id', label: 'programs' },
    { table: projects, column: 'office_id', label: 'projects' },
    { table: officeServices, column: 'office_id', label: 'catalog services' },
  ],
};

export const objectiveSpec: EntitySpec = {
  type: 'objective',
  resource: 'objective',
  label: 'objective',
  table: objectives,
  col: columns(objectives),
  refs: { parentId: 'objective', officeId: 'office' },
  parentField: 'parentId',
  filters: ['parentId', 'officeId'],
  anchors: (r) => ({ office: s(r.officeId) }),
  anchorsFor: (v) => ({ office: s(v.officeId) }),
  anchorColumns: { office: 'officeId' },
  children: [{ table: objectives, column: 'parent_id', label: 'sub-objectives' }],
};

export const projectTypeSpec: EntitySpec = {
  type: 'projectType',
  resource: 'projectType',
  label: 'project type',
  table: projectTypes,
  col: columns(projectTypes),
  refs: {},
  filters: [],
  anchors: () => ({}),
  anchorsFor: () => ({}),
  anchorColumns: {},
  children: [],
};

export const portfolioSpec: EntitySpec = {
  type: 'portfolio',
  resource: 'portfolio',
  label: 'portfolio',
  table: portfolios,
  col: columns(portfolios),
  refs: { parentId: 'portfolio', officeId: 'office', managerId: 'user' },
  parentField: 'parentId',
  filters: ['parentId', 'officeId'],
  anchors: (r) => ({ portfolio: r.id, office: s(r.officeId) }),
  anchorsFor: (v) => ({ portfolio: s(v.parentId), office: s(v.officeId) }),
  anchorColumns: { portfolio: 'id', office: 'officeId' },
  children: [
    { table: portfolios, column: 'parent_id', label: 'sub-portfolios' },
    { table: programs, column: 'portfolio_id', label: 'programs' },
    { table: projects, column: 'portfolio_id', label: 'projects' },
    { table: operations, column: 'portfolio_id', label: 'operations' },
  ],
};

export const programSpec: EntitySpec = {
  type: 'program',
  resource: 'program',
  label: 'program',
  table: programs,
  col: columns(programs),
  refs: { portfolioId: 'portfolio', officeId: 'office', managerId: 'user', sponsorId: 'user' },
  filters: ['portfolioId', 'officeId', 'managerId'],
  anchors: (r) => ({ program: r.id, portfolio: s(r.portfolioId), office: s(r.officeId) }),
  anchorsFor: (v) => ({ portfolio: s(v.portfolioId), office: s(v.officeId) }),
  anchorColumns: { program: 'id', portfolio: 'portfolioId', office: 'officeId' },
  children: [{ table: projects, column: 'program_id', label: 'projects' }],
  // Projects of a program belong to the program's portfolio: a move carries them along.
  afterUpdate: async (tx, before, after) => {
    if (before.portfolioId !== after.portfolioId)
      await tx
        .update(projects)
        .set({ portfolioId: after.portfolioId as string })
        .where(eq(projects.programId, after.id));
  },
};

export const projectSpec: EntitySpec = {
  type: 'project',
  resource: 'project',
  label: 'project',
  table: projects,
  col: columns(projects),
  refs: {
    typeId: 'projectType',
    officeId: 'office',
    orgUnitId: 'orgUnit',
    portfolioId: 'portfolio',
    programId: 'program',
    sponsorId: 'user',
    managerId: 'user',
  },
  filters: [
    'status',
    'phase',
    'typeId',
    'officeId',
    'orgUnitId',
    'portfolioId',
    'programId',
    'managerId',
    'sponsorId',
  ],
  anchors: (r) => ({
    project: r.id,
    program: s(r.programId),
    portfolio: s(r.portfolioId),
    office: s(r.officeId),
  }),
  anchorsFor: (v) => ({ program: s(v.programId), portfolio: s(v.portfolioId), office: s(v.officeId) }),
  anchorColumns: { project: 'id', program: 'programId', portfolio: 'portfolioId', office: 'officeId' },
  children: [],
  conditions: (q, param) =>
    typeof q.objectiveId === 'string'
      ? [
          `exists (select 1 from project_objectives po where po.project_id = t.id and po.objective_id = ${param(q.objectiveId)})`,
        ]
      : [],
  derive: derivePortfolioFromProgram,
  // A project whose type has a published lifecycle enters a later phase only through a go at its gate (C9).
  afterUpdate: async (tx, before, after) => {
    if (before.phase !== after.phase)
      await checkPhaseChange(tx, after.id, before.phase as string, after.phase as string);
  },
  extra: {
    columns: (id) => ({
      objectiveIds: `array(select po.objective_id from project_objectives po where po.project_id = ${id} order by 1)`,
    }),
    save: async (tx, id, values) => {
      const wanted = [...new Set((values.objectiveIds as string[] | undefined) ?? [])];
      const current = await tx
        .select({ id: projectObjectives.objectiveId })
        .from(projectObjectives)
        .where(eq(projectObjectives.projectId, id));
      const held = new Set(current.map((r) => r.id));
      // Only a newly linked objective must be active; links to one archived since stay as they are.
      for (const oid of wanted.filter((o) => !held.has(o))) {
        const [o] = await tx
          .select({ a: objectives.archivedAt })
          .from(objectives)
          .where(eq(objectives.id, oid));
        if (!o || o.a) throw invalidRef('objectiveIds', `No active objective with id ${oid}`);
      }
      const gone = [...held].filter((o) => !wanted.includes(o));
      if (gone.length)
        await tx
          .delete(projectObjectives)
          .where(and(eq(projectObjectives.projectId, id), inArray(projectObjectives.objectiveId, gone)));
      const added = wanted.filter((o) => !held.has(o));
      if (added.length)
        await tx
          .insert(projectObjectives)
          .values(added.map((objectiveId) => ({ projectId: id, objectiveId })));
    },
  },
};

/** A project in a program sits in that program's portfolio. */
async function derivePortfolioFromProgram(tx: Tx, v: Row) {
  if (!v.programId) return;
  const [p] = await tx
    .select({ portfolioId: programs.portfolioId })
    .from(programs)
    .where(eq(programs.id, v.programId as string));
  if (!p) throw invalidRef('programId', `No program with id ${String(v.programId)}`);
  v.portfolioId = p.portfolioId;
}

export const operationSpec: EntitySpec = {
  type: 'operation',
  resource: 'operation',
  label: 'operation',
  table: operations,
  col: columns(operations),
  refs: { portfolioId: 'portfolio', officeId: 'office', orgUnitId: 'orgUnit', ownerId: 'user' },
  filters: ['portfolioId', 'officeId'],
  anchors: (r) => ({ portfolio: s(r.portfolioId), office: s(r.officeId) }),
  anchorsFor: (v) => ({ portfolio: s(v.portfolioId), office: s(v.officeId) }),
  anchorColumns: { portfolio: 'portfolioId', office: 'officeId' },
  children: [],
};
