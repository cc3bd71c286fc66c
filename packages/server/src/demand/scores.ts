import { proposalStatusLabels, type RankingQuery, type ScorePut } from '@pharos/api';
import { rankProposals, type Score, scoreProposal } from '@pharos/engine';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { type BusinessCaseData, proposalScores, scoringFrameworks } from '../db/schema/index';
import { AppError } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { labelsOf } from '../registry/labels';
import { fromEngine, proposalReach } from './common';
import { type Evaluated, evaluateFramework, type FrameworkData } from './framework-weights';
import { getFramework } from './frameworks';
import { measuresOf } from './measures';
import { type ProposalRow, proposalAnchors, proposalService, scoringStatuses } from './proposal-spec';
import { demandSettings } from './settings';

export type ScoreRow = typeof proposalScores.$inferSelect;
export type FrameworkRow = typeof scoringFrameworks.$inferSelect;

/** Framework revisions by id, with their weights worked out. */
export async function frameworksById(db: Tx, ids: readonly string[]) {
  const out = new Map<string, { row: FrameworkRow; ev: Evaluated }>();
  const wanted = [...new Set(ids)];
  if (!wanted.length) return out;
  const rows = await db.select().from(scoringFrameworks).where(inArray(scoringFrameworks.id, wanted));
  for (const row of rows) out.set(row.id, { row, ev: evaluateFramework(row as FrameworkData) });
  return out;
}

/** The scores given to these proposals with the framework each is scored with, by proposal. */
export async function scoresOf(db: Tx, items: readonly { id: string; frameworkId: string | null }[]) {
  const out = new Map<string, ScoreRow[]>();
  const scored = items.filter((p) => p.frameworkId);
  if (!scored.length) return out;
  const rows = await db
    .select()
    .from(proposalScores)
    .where(
      inArray(
        proposalScores.proposalId,
        scored.map((p) => p.id),
      ),
    )
    .orderBy(asc(proposalScores.updatedAt));
  const frameworkOf = new Map(scored.map((p) => [p.id, p.frameworkId]));
  for (const r of rows)
    if (frameworkOf.get(r.proposalId) === r.frameworkId)
      out.set(r.proposalId, [...(out.get(r.proposalId) ?? []), r]);
  return out;
}

/** The engine's scores from stored rows (values no longer on the framework are left out). */
export function engineScores(ev: Evaluated, rows: readonly ScoreRow[]): Score[] {
  const criteria = new Map(ev.engine.criteria.map((c) => [c.id, c]));
  return rows.flatMap((r) =>
    Object.entries(r.values).flatMap(([criterionId, value]) => {
      const c = criteria.get(criterionId);
      return c && value >= c.scale.min && value <= c.scale.max
        ? [{ proposalId: r.proposalId, criterionId, scorerId: r.scorerId, value }]
        : [];
    }),
  );
}

/** One proposal's combined score with its framework, or null when the framework is not usable. */
export function scoreResult(ev: Evaluated, proposalId: string, rows: readonly ScoreRow[]) {
  if (ev.error) return null;
  const { proposalId: _id, ...result } = scoreProposal(ev.engine, proposalId, engineScores(ev, rows));
  return result;
}

export async function getScores(ctx: Ctx, id: string) {
  const p = (await proposalService.load(ctx, ctx.db, id)) as ProposalRow;
  if (!p.frameworkId) return { frameworkId: null, scores: [], result: null, mayScore: false };
  const fw = (await frameworksById(ctx.db, [p.frameworkId])).get(p.frameworkId);
  const rows = (await scoresOf(ctx.db, [p])).get(p.id) ?? [];
  const names = await labelsOf(ctx.db, ctx.reads, { scorerId: 'user' }, rows);
  return {
    frameworkId: p.frameworkId,
    scores: rows.map((r, i) => ({
      scorerId: r.scorerId,
      scorerName: names[i]!.scorerId ?? '',
      values: r.values,
      comment: r.comment,
      updatedAt: r.updatedAt.toISOString(),
    })),
    result: fw ? scoreResult(fw.ev, p.id, rows) : null,
    mayScore:
      !!fw &&
      fw.row.status === 'published' &&
      scoringStatuses.includes(p.status) &&
      !p.archivedAt &&
      (await ctx.access.can('proposal', 'score', proposalAnchors(p))),
  };
}

/** Enters or replaces the caller's own scores of a proposal, against its framework revision. */
export async function putMyScores(ctx: Ctx, id: string, body: z.output<typeof ScorePut>) {
  const me = ctx.actor!.userId;
  await inTx(ctx, async (tx) => {
    const p = (await proposalService.load(ctx, tx, id, true)) as ProposalRow;
    await ctx.access.authorize('proposal', 'score', proposalAnchors(p));
    if (p.archivedAt) throw new AppError('archived', 'This proposal is archived; restore it first');
    if (!scoringStatuses.includes(p.status))
      throw new AppError(
        'invalid_state',
        `Proposals are scored in screening, scored or shortlisted; this one is ${proposalStatusLabels[p.status].toLowerCase()}`,
        'status',
      );
    if (!p.frameworkId)
      throw new AppError(
        'validation_failed',
        'Choose the scoring framework of this proposal first',
        'frameworkId',
      );
    const fw = (await frameworksById(tx, [p.frameworkId])).get(p.frameworkId)!;
    if (fw.row.status !== 'published')
      throw new AppError(
        'validation_failed',
        `The proposal's scoring framework (${fw.row.code} revision ${fw.row.revision}) is ${fw.row.status}: score against a published revision`,
        'frameworkId',
      );
    checkValues(fw.ev, body.values);
    const key = and(
      eq(proposalScores.proposalId, id),
      eq(proposalScores.frameworkId, p.frameworkId),
      eq(proposalScores.scorerId, me),
    );
    const [before] = await tx.select().from(proposalScores).where(key);
    await tx
      .insert(proposalScores)
      .values({
        proposalId: id,
        frameworkId: p.frameworkId,
        scorerId: me,
        values: body.values,
        comment: body.comment,
      })
      .onConflictDoUpdate({
        target: [proposalScores.proposalId, proposalScores.frameworkId, proposalScores.scorerId],
        set: { values: body.values, comment: body.comment, updatedAt: sql`now()` },
      });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'proposal',
      entityId: id,
      before: before ? { scores: before.values, comment: before.comment } : null,
      after: { scores: body.values, comment: body.comment, frameworkId: p.frameworkId, scorerId: me },
    });
  });
  return getScores(ctx, id);
}

/** Each value is on a criterion of the framework and within its scale. */
function checkValues(ev: Evaluated, values: Record<string, number>) {
  const entries = Object.entries(values);
  if (!entries.length) throw new AppError('validation_failed', 'Score at least one criterion', 'values');
  for (const [criterionId, value] of entries) {
    const c = ev.engine.criteria.find((x) => x.id === criterionId);
    if (!c)
      throw new AppError(
        'validation_failed',
        `The framework has no criterion ${criterionId}`,
        `values.${criterionId}`,
      );
    if (value < c.scale.min || value > c.scale.max)
      throw new AppError(
        'validation_failed',
        `${c.name} is scored from ${c.scale.min} to ${c.scale.max}, not ${value}`,
        `values.${criterionId}`,
      );
  }
}

/** The proposals scored with a framework revision that the caller may see, ranked by total. */
export async function ranking(ctx: Ctx, frameworkId: string, q: z.output<typeof RankingQuery>) {
  await getFramework(ctx, frameworkId); // not_found unless the caller may read it
  const fw = (await frameworksById(ctx.db, [frameworkId])).get(frameworkId)!;
  const reach = await ctx.access.reach('proposal', 'read');
  const res = await ctx.db.execute<{
    id: string;
    code: string;
    title: string;
    status: ProposalRow['status'];
    business_case: BusinessCaseData;
  }>(sql`
    select p.id::text as id, p.code, p.title, p.status, p.business_case from proposals p
    where p.framework_id = ${frameworkId} and p.archived_at is null and ${proposalReach(reach)}
      ${q.status ? sql`and p.status = ${q.status}` : sql``}
      ${q.portfolioId ? sql`and p.portfolio_id = ${q.portfolioId}` : sql``}`);
  const found = new Map(res.rows.map((r) => [r.id, r]));
  const scores = await scoresOf(
    ctx.db,
    res.rows.map((r) => ({ id: r.id, frameworkId })),
  );
  const rows = [...scores.values()].flat();
  const ranked = fromEngine(
    () => rankProposals(fw.ev.engine, [...found.keys()], engineScores(fw.ev, rows)),
    'frameworkId',
  );
  const settings = await demandSettings(ctx);
  return {
    frameworkId,
    items: ranked.map((r) => {
      const p = found.get(r.proposalId)!;
      return {
        ...r,
        code: p.code,
        title: p.title,
        status: p.status,
        scorers: new Set((scores.get(r.proposalId) ?? []).map((s) => s.scorerId)).size,
        npv: measuresOf(p.business_case, settings).npv,
      };
    }),
  };
}
