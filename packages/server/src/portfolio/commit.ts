/*
 * Committing a scenario makes its plan the portfolio's plan of record, in one transaction: each
 * selected proposal is approved (through the pipeline's own steps, so the committer needs the
 * right to decide and convert) and becomes a project planned from its start month; each selected
 * project that the plan moved gets its planned dates moved; the commit is kept as history.
 */
import type { PlanOfRecord } from '@pharos/api';
import { type Scenario as EngineScenario, monthLabel } from '@pharos/engine';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/connect';
import { plansOfRecord, scenarios, users } from '../db/schema/index';
import { getProposal } from '../demand/proposals';
import { convert, transition } from '../demand/transitions';
import { AppError, conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { registry } from '../registry/routes';
import { getScenario, loadForChange } from './scenarios';

type Item = z.infer<typeof PlanOfRecord>['items'][number];

/** The pipeline steps from a status to approved, for a proposal the commit selects. */
const toApproved: Record<string, string[]> = {
  scored: ['shortlisted', 'approved'],
  shortlisted: ['approved'],
  approved: [],
};

/** An ISO date moved by whole months (the day kept, or the month's last day when it has fewer). */
function shiftDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = y * 12 + (m - 1) + months;
  const ny = Math.floor(t / 12);
  const nm = (t % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Reads the grant trees before the transaction (the embedded database has one connection). */
async function warm(ctx: Ctx) {
  await Promise.all([
    ctx.access.reach('scenario', 'commit'),
    ctx.access.reach('scenario', 'read'),
    ctx.access.reach('proposal', 'decide'),
    ctx.access.reach('proposal', 'convert'),
    ctx.access.reach('proposal', 'read'),
    ctx.access.reach('project', 'create'),
    ctx.access.reach('project', 'update'),
    ctx.access.reach('project', 'read'),
  ]);
}

export async function commitScenario(ctx: Ctx, id: string, version: number) {
  await warm(ctx);
  const recordId = await inTx(ctx, async (tx) => {
    const row = await loadForChange(ctx, tx, id, 'commit', version);
    const body = row.body as EngineScenario;
    const plan = row.plan;
    if (!plan || plan.starts.length !== body.candidates.length)
      throw new AppError('invalid_state', 'The scenario has no plan to commit: solve it or set one', 'plan');
    if (plan.forVersion !== row.version)
      throw new AppError(
        'invalid_state',
        'The plan is older than the scenario’s last change: solve again (or set the plan) before committing',
        'plan',
      );
    if (plan.violations.length)
      throw new AppError(
        'invalid_state',
        `The plan breaks: ${plan.violations.slice(0, 5).join('; ')}`,
        'plan',
      );
    const inner: Ctx = { ...ctx, db: tx as Db };
    const sources = row.sources as Record<string, { kind: 'proposal' | 'project'; id: string }>;
    const reason = `Selected in scenario ${row.code as string}`;
    const items: Item[] = [];
    const created: string[] = [];
    const moved: string[] = [];
    for (const [i, c] of body.candidates.entries()) {
      const s = plan.starts[i];
      if (s === null || s === undefined) continue;
      const src = sources[c.id];
      const start = monthLabel(body, s);
      let projectId: string | null = null;
      if (src?.kind === 'proposal') {
        let p = await getProposal(inner, src.id);
        if (p.status === 'converted') projectId = p.projectId;
        else {
          const steps = toApproved[p.status];
          if (!steps)
            throw new AppError(
              'invalid_state',
              `${p.code} is ${p.status}: only scored, shortlisted or approved proposals can be committed`,
              'plan',
            );
          for (const to of steps)
            p = await transition(inner, src.id, { to: to as 'approved', reason, version: p.version });
          const out = await convert(inner, src.id, { version: p.version, start });
          projectId = out.projectId;
          created.push(projectId);
        }
      } else if (src?.kind === 'project') {
        projectId = src.id;
        const shift = s - c.plannedStart;
        const pr = (await registry.project.get(inner, src.id)) as {
          version: number;
          plannedStart: string | null;
          plannedFinish: string | null;
        };
        if (shift !== 0 && pr.plannedStart && pr.plannedFinish) {
          await registry.project.update(inner, src.id, {
            version: pr.version,
            plannedStart: shiftDate(pr.plannedStart, shift),
            plannedFinish: shiftDate(pr.plannedFinish, shift),
          });
          moved.push(src.id);
        }
      }
      items.push({
        kind: c.kind,
        candidate: c.id,
        name: c.name,
        projectId,
        start,
        finish: monthLabel(body, s + c.duration - 1),
      });
    }
    const [record] = await tx
      .insert(plansOfRecord)
      .values({
        portfolioId: row.portfolioId as string,
        scenarioId: id,
        committedBy: ctx.actor?.userId ?? null,
        value: plan.value,
        objective: body.objective,
        items,
        createdProjects: created,
        movedProjects: moved,
      })
      .returning({ id: plansOfRecord.id });
    const [after] = await tx
      .update(scenarios)
      .set({
        status: 'committed',
        committedAt: sql`now()`,
        committedBy: ctx.actor?.userId ?? null,
        version: sql`${scenarios.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(scenarios.id, id), eq(scenarios.version, row.version)))
      .returning({ version: scenarios.version });
    if (!after) throw conflict('scenario');
    // The plan stays current: committing changes the status, not the candidates.
    await tx
      .update(scenarios)
      .set({ plan: sql`jsonb_set(${scenarios.plan}, '{forVersion}', to_jsonb(${after.version}::int))` })
      .where(eq(scenarios.id, id));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'scenario',
      entityId: id,
      before: { status: row.status },
      after: {
        status: 'committed',
        planOfRecord: record!.id,
        createdProjects: created,
        movedProjects: moved,
      },
    });
    return record!.id;
  });
  const [scenario, records] = await Promise.all([getScenario(ctx, id), recordsOf(ctx, { id: recordId })]);
  return { scenario, record: records[0]! };
}

async function recordsOf(
  ctx: Ctx,
  where: { id: string } | { portfolioId: string; page: number; pageSize: number },
) {
  const rows = await ctx.db
    .select({
      r: plansOfRecord,
      code: scenarios.code,
      name: scenarios.name,
      by: users.name,
    })
    .from(plansOfRecord)
    .innerJoin(scenarios, eq(scenarios.id, plansOfRecord.scenarioId))
    .leftJoin(users, eq(users.id, plansOfRecord.committedBy))
    .where('id' in where ? eq(plansOfRecord.id, where.id) : eq(plansOfRecord.portfolioId, where.portfolioId))
    .orderBy(desc(plansOfRecord.committedAt))
    .limit('id' in where ? 1 : where.pageSize)
    .offset('id' in where ? 0 : (where.page - 1) * where.pageSize);
  return rows.map(({ r, code, name, by }) => ({
    ...r,
    committedAt: r.committedAt.toISOString(),
    scenarioCode: code,
    scenarioName: name,
    committedByName: by,
    items: r.items as Item[],
  }));
}

/** The portfolio's plans of record, newest first (visible to whoever may read its scenarios). */
export async function planOfRecord(ctx: Ctx, portfolioId: string) {
  const p = await registry.portfolio.get(ctx, portfolioId);
  await ctx.access.authorize('scenario', 'read', {
    portfolio: portfolioId,
    office: p.officeId as string | null,
  });
  const page = 1;
  const pageSize = 100;
  const [items, [total]] = await Promise.all([
    recordsOf(ctx, { portfolioId, page, pageSize }),
    ctx.db.select({ n: count() }).from(plansOfRecord).where(eq(plansOfRecord.portfolioId, portfolioId)),
  ]);
  return { items, total: total?.n ?? 0, page, pageSize };
}
