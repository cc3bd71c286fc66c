/*
 * RAID items as they leave the server: read with the anchors of their register (one statement,
 * `itemColumnsSql`), with the names of what they refer to, whether they are open or overdue, the
 * score bands, and what the caller may do with each.
 */
import type { RaidItem, RaidKind } from '@pharos/api';
import { riskLevel } from '@pharos/engine';
import type { Tx } from '../db/connect';
import type { ReadCache } from '../db/read-cache';
import type { Ctx } from '../http/context';
import { type Anchors, covers } from '../policy/reach';
import { labelsOf } from '../registry/labels';
import type { EntityType } from '../registry/spec';
import { detailsOut } from './details';
import { anchorSql } from './place';
import { isOpen } from './values';

/** A row read by `itemColumnsSql`. */
export interface ItemRow {
  id: string;
  version: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  kind: RaidKind;
  code: string;
  title: string;
  description: string;
  projectId: string | null;
  programId: string | null;
  portfolioId: string | null;
  officeId: string | null;
  ownerId: string | null;
  status: string;
  dueOn: string | null;
  probability: number | null;
  impact: number | null;
  score: number | null;
  residualScore: number | null;
  severity: string | null;
  dependsOnProjectId: string | null;
  escalatedToOfficeId: string | null;
  escalationLevel: number;
  escalatedAt: Date | null;
  closedAt: Date | null;
  details: Record<string, unknown>;
  aOffice: string | null;
  aPortfolio: string | null;
  aProgram: string | null;
  /** The other side of a dependency: the anchors of the project depended on. */
  dOffice: string | null;
  dPortfolio: string | null;
  dProgram: string | null;
  relation?: 'owner' | 'dependedOnBy';
}

const columns: [string, string][] = [
  ['id', 't.id'],
  ['version', 't.version'],
  ['archivedAt', 't.archived_at'],
  ['createdAt', 't.created_at'],
  ['updatedAt', 't.updated_at'],
  ['kind', 't.kind'],
  ['code', 't.code'],
  ['title', 't.title'],
  ['description', 't.description'],
  ['projectId', 't.project_id'],
  ['programId', 't.program_id'],
  ['portfolioId', 't.portfolio_id'],
  ['officeId', 't.office_id'],
  ['ownerId', 't.owner_id'],
  ['status', 't.status'],
  ['dueOn', 't.due_on'],
  ['probability', 't.probability'],
  ['impact', 't.impact'],
  ['score', 't.score'],
  ['residualScore', 't.residual_score'],
  ['severity', 't.severity'],
  ['dependsOnProjectId', 't.depends_on_project_id'],
  ['escalatedToOfficeId', 't.escalated_to_office_id'],
  ['escalationLevel', 't.escalation_level'],
  ['escalatedAt', 't.escalated_at'],
  ['closedAt', 't.closed_at'],
  ['details', 't.details'],
  ['aOffice', anchorSql.office],
  ['aPortfolio', anchorSql.portfolio],
  ['aProgram', anchorSql.program],
  ['dOffice', 'dp.office_id'],
  ['dPortfolio', 'dp.portfolio_id'],
  ['dProgram', 'dp.program_id'],
];

/** The select list of an item with its anchors (over `raid_items t` and `placeJoins`). */
export const itemColumnsSql = columns.map(([k, expr]) => `${expr} as "${k}"`).join(', ');

export const anchorsOf = (r: ItemRow): Anchors => ({
  office: r.aOffice,
  portfolio: r.aPortfolio,
  program: r.aProgram,
  project: r.projectId,
});

/** The project a dependency waits on, as the policy sees it (null for other items). */
export const otherSideOf = (r: ItemRow): Anchors | null =>
  r.kind === 'dependency' && r.dependsOnProjectId
    ? { office: r.dOffice, portfolio: r.dPortfolio, program: r.dProgram, project: r.dependsOnProjectId }
    : null;

/** May the caller read the item: over its register, or (a dependency) over the project it waits on. */
export async function mayRead(ctx: Ctx, r: ItemRow) {
  const reach = await ctx.access.reach('raidItem', 'read');
  const other = otherSideOf(r);
  return covers(reach, anchorsOf(r)) || (other !== null && covers(reach, other));
}

const refs: Record<string, EntityType> = {
  ownerId: 'user',
  projectId: 'project',
  programId: 'program',
  portfolioId: 'portfolio',
  officeId: 'office',
  dependsOnProjectId: 'project',
  escalatedToOfficeId: 'office',
  decidedBy: 'user',
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Items as the API shows them; inside a transaction pass it, so names are read through it. */
export async function presentItems(
  ctx: Ctx,
  rows: ItemRow[],
  today: string,
  tx: Tx | null = null,
): Promise<RaidItem[]> {
  const upd = await ctx.access.reach('raidItem', 'update');
  const arc = await ctx.access.reach('raidItem', 'archive');
  const reads: ReadCache | null = tx ? null : ctx.reads;
  const names = await labelsOf(
    tx ?? ctx.db,
    reads,
    refs,
    rows.map((r) => ({ ...r, decidedBy: r.details.decidedBy })),
  );
  return rows.map((r, i) => {
    const open = isOpen(r.kind, r.status);
    const a = anchorsOf(r);
    return {
      id: r.id,
      version: r.version,
      archivedAt: iso(r.archivedAt),
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
      kind: r.kind,
      code: r.code,
      title: r.title,
      description: r.description,
      projectId: r.projectId,
      programId: r.programId,
      portfolioId: r.portfolioId,
      officeId: r.officeId,
      ownerId: r.ownerId,
      dueOn: r.dueOn,
      status: r.status,
      score: r.score,
      residualScore: r.residualScore,
      level: r.score === null ? null : riskLevel(r.score),
      residualLevel: r.residualScore === null ? null : riskLevel(r.residualScore),
      severity: r.severity,
      dependsOnProjectId: r.dependsOnProjectId,
      open,
      overdue: open && r.dueOn !== null && r.dueOn < today,
      escalatedToOfficeId: r.escalatedToOfficeId,
      escalationLevel: r.escalationLevel,
      escalatedAt: iso(r.escalatedAt),
      closedAt: iso(r.closedAt),
      relation: r.relation ?? 'owner',
      details: detailsOut(r.kind, r.details, r as unknown as Record<string, unknown>),
      abilities: { update: covers(upd, a), archive: covers(arc, a) },
      labels: names[i]!,
    } as RaidItem;
  });
}
