/*
 * Scenarios: stored per portfolio through the registry's generic entity service (list, get,
 * update, archive, restore, with scope, versions and audit), built from the portfolio's proposals
 * and projects, imported from and exported as scenario files, and given a plan by hand.
 */

import type {
  ScenarioCreate,
  ScenarioFile,
  ScenarioImport,
  Scenario as ScenarioOut,
  ScenarioPlan,
  ScenarioSummary,
} from '@pharos/api';
import { checkPlan, type Scenario as EngineScenario, planUsage } from '@pharos/engine';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { objectives, portfolios, projects, scenarios } from '../db/schema/index';
import { proposalFacts, roleCapacity } from '../demand/facts';
import { AppError, conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { entityService, type ListParams } from '../registry/service';
import type { EntitySpec, Row } from '../registry/spec';
import { columns } from '../registry/specs';
import { buildScenario, type ProjectFacts } from './build';

const s = (v: unknown) => (v ?? null) as string | null;

export const scenarioSpec: EntitySpec = {
  type: 'scenario',
  resource: 'scenario',
  label: 'scenario',
  table: scenarios,
  col: columns(scenarios),
  refs: { portfolioId: 'portfolio' },
  filters: ['portfolioId', 'status'],
  anchors: (r) => ({ portfolio: s(r.portfolioId), office: s(r.officeId) }),
  anchorsFor: (v) => ({ portfolio: s(v.portfolioId), office: s(v.officeId) }),
  anchorColumns: { portfolio: 'portfolioId', office: 'officeId' },
  children: [],
  // A plan is stale once the candidates or limits change, not when the scenario is renamed.
  afterUpdate: async (tx, before, after) => {
    const plan = before.plan as { forVersion: number } | null;
    if (plan?.forVersion === before.version && sameBody(before.body, after.body))
      await tx
        .update(scenarios)
        .set({ plan: { ...plan, forVersion: after.version } })
        .where(eq(scenarios.id, after.id));
  },
  // A scenario sits in its portfolio's office as well (for the policy).
  derive: async (tx, values) => {
    if (typeof values.portfolioId !== 'string') return;
    const [p] = await tx
      .select({ officeId: portfolios.officeId })
      .from(portfolios)
      .where(eq(portfolios.id, values.portfolioId));
    if (p) values.officeId = p.officeId;
  },
};

export const scenarioEntity = entityService(scenarioSpec);

/** Whether two scenario bodies are the same (as stored: key order is kept by jsonb reads and writes alike). */
export function sameBody(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Presented = Row & {
  body: EngineScenario;
  plan: z.infer<typeof ScenarioPlan> | null;
  abilities: { update: boolean; archive: boolean; commit?: boolean };
};

/** The item as the API shows it, with whether the caller may commit it. */
async function withCommit(ctx: Ctx, item: Presented): Promise<Presented & ScenarioOut> {
  item.abilities.commit = await ctx.access.can('scenario', 'commit', scenarioSpec.anchors(item));
  return item as unknown as Presented & ScenarioOut;
}

export async function getScenario(ctx: Ctx, id: string) {
  return withCommit(ctx, (await scenarioEntity.get(ctx, id)) as Presented);
}

export async function listScenarios(ctx: Ctx, query: ListParams) {
  const page = await scenarioEntity.list(ctx, query);
  const items = await Promise.all(
    (page.items as Presented[]).map(async (it) => {
      await withCommit(ctx, it);
      return {
        ...it,
        objective: it.body.objective,
        candidates: it.body.candidates.length,
        selected: it.plan ? it.plan.starts.filter((x) => x !== null).length : null,
      } as unknown as ScenarioSummary;
    }),
  );
  return { ...page, items };
}

/** Reads the grant trees before a transaction (the embedded database has one connection). */
export async function warm(ctx: Ctx, ...actions: ('read' | 'update' | 'create' | 'commit')[]) {
  for (const a of ['read', ...actions] as const) await ctx.access.reach('scenario', a);
}

/** The scenario read for a change: loaded under lock, the caller allowed `action`, the version theirs. */
export async function loadForChange(
  ctx: Ctx,
  tx: Tx,
  id: string,
  action: 'update' | 'commit',
  version?: number,
) {
  const row = await scenarioEntity.load(ctx, tx, id, true);
  await ctx.access.authorize('scenario', action, scenarioSpec.anchors(row));
  if (row.archivedAt) throw new AppError('archived', 'This scenario is archived; restore it first');
  if (version !== undefined && version !== row.version) throw conflict('scenario');
  return row as Row & { body: EngineScenario; plan: z.infer<typeof ScenarioPlan> | null; status: string };
}

/** A portfolio and every portfolio below it: a scenario plans the whole of it. */
export async function portfolioTree(tx: Tx, id: string): Promise<string[]> {
  const res = await tx.execute<{ id: string }>(sql`
    with recursive t(id) as (
      select id from portfolios where id = ${id}
      union select p.id from portfolios p join t on p.parent_id = t.id
    ) select id from t`);
  return res.rows.map((r) => r.id);
}

/** The portfolios' running and planned projects (with the proposal each came from) as facts. */
export async function projectFacts(tx: Tx, portfolioIds: string[]): Promise<ProjectFacts[]> {
  const rows = await tx
    .select()
    .from(projects)
    .where(
      and(
        inArray(projects.portfolioId, portfolioIds),
        isNull(projects.archivedAt),
        inArray(projects.status, ['active', 'proposed', 'on_hold']),
      ),
    )
    .orderBy(projects.code);
  const origins = await tx.execute<{ id: string; project_id: string }>(
    sql`select id, project_id from proposals where project_id in ${rows.length ? rows.map((r) => r.id) : [null]}`,
  );
  const from = new Map(origins.rows.map((o) => [o.project_id, o.id]));
  const facts = new Map((await proposalFacts(tx, { ids: [...from.values()] })).map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    plannedStart: r.plannedStart,
    plannedFinish: r.plannedFinish,
    proposal: facts.get(from.get(r.id) ?? '') ?? null,
  }));
}

export async function createScenario(ctx: Ctx, input: z.output<typeof ScenarioCreate>) {
  await warm(ctx, 'create');
  const built = await inTx(ctx, async (tx) => {
    if (input.copyFrom) {
      const src = (await scenarioEntity.load(ctx, tx, input.copyFrom)) as Row & {
        body: EngineScenario;
        sources: Record<string, unknown>;
      };
      return { body: src.body, sources: src.sources };
    }
    const [portfolio] = await tx.select().from(portfolios).where(eq(portfolios.id, input.portfolioId));
    if (!portfolio) throw new AppError('invalid_reference', 'No such portfolio', 'portfolioId');
    const tree = await portfolioTree(tx, portfolio.id);
    const weights = await tx.select({ id: objectives.id, weight: objectives.weight }).from(objectives);
    const { scenario, sources } = buildScenario({
      start: input.horizonStart,
      months: input.months,
      objective: input.objective,
      proposals: await proposalFacts(tx, {
        portfolioIds: tree,
        officeId: portfolio.officeId,
        statuses: input.proposalStatuses,
      }),
      projects: input.includeProjects ? await projectFacts(tx, tree) : [],
      capacity: await roleCapacity(tx, input.horizonStart, input.months),
      budget: input.budget,
      objectiveWeights: Object.fromEntries(weights.map((w) => [w.id, w.weight])),
    });
    return { body: scenario, sources };
  });
  const item = await scenarioEntity.create(ctx, {
    code: input.code,
    name: input.name,
    description: input.description,
    portfolioId: input.portfolioId,
    body: built.body,
    sources: built.sources,
    status: 'draft',
  });
  return withCommit(ctx, item as Presented);
}

export async function importScenario(ctx: Ctx, input: z.output<typeof ScenarioImport>) {
  const item = await scenarioEntity.create(ctx, {
    code: input.code,
    name: input.file.name,
    description: input.file.description ?? '',
    portfolioId: input.portfolioId,
    body: input.file.scenario,
    sources: {},
    status: 'draft',
  });
  return withCommit(ctx, item as Presented);
}

export async function archiveScenario(ctx: Ctx, id: string, version: number, archive: boolean) {
  const item = archive
    ? await scenarioEntity.archive(ctx, id, version)
    : await scenarioEntity.restore(ctx, id, version);
  return withCommit(ctx, item as Presented);
}

export async function updateScenario(
  ctx: Ctx,
  id: string,
  body: Record<string, unknown> & { version: number },
) {
  return withCommit(ctx, (await scenarioEntity.update(ctx, id, body)) as Presented);
}

export async function scenarioFile(ctx: Ctx, id: string): Promise<z.output<typeof ScenarioFile>> {
  const sc = await getScenario(ctx, id);
  return {
    format: 'pharos-scenario',
    version: 1,
    name: String(sc.name),
    ...(sc.description ? { description: String(sc.description) } : {}),
    scenario: sc.body as z.output<typeof ScenarioFile>['scenario'],
  };
}

/** A plan as kept with the scenario: its value, breaches and the limits it runs up against. */
export function describePlan(
  body: EngineScenario,
  starts: (number | null)[],
  extra: Partial<z.infer<typeof ScenarioPlan>> & { source: z.infer<typeof ScenarioPlan>['source'] },
  forVersion: number,
): z.infer<typeof ScenarioPlan> {
  const check = checkPlan(body, starts);
  return {
    status: 'manual',
    value: check.value,
    bound: null,
    gap: null,
    seconds: 0,
    greedyValue: null,
    rankThenCutValue: null,
    binding: usageBinding(body, starts),
    ...extra,
    starts,
    violations: check.violations,
    at: new Date().toISOString(),
    forVersion,
  };
}

/** Budget lines and role-months the plan uses to within 1 % of their limit. */
function usageBinding(body: EngineScenario, starts: (number | null)[]) {
  const u = planUsage(body, starts);
  const out: z.infer<typeof ScenarioPlan>['binding'] = [];
  u.lines.forEach((line, l) => {
    for (let y = 0; y < u.years; y++) {
      const limit = u.limit[l * u.years + y]!;
      const used = u.spend[l * u.years + y]!;
      if (Number.isFinite(limit) && used >= 0.99 * limit && limit > 0)
        out.push({ kind: 'budget', label: `${line} year ${y + 1}`, limit, used, slack: limit - used });
    }
  });
  u.roles.forEach((role, r) => {
    for (let m = 0; m < u.months; m++) {
      const limit = u.capacity[r * u.months + m]!;
      const used = u.demand[r * u.months + m]!;
      if (used > 0 && used >= 0.99 * limit)
        out.push({ kind: 'capacity', label: `${role} month ${m + 1}`, limit, used, slack: limit - used });
    }
  });
  return out;
}

/** Sets the plan by hand; it is kept with whatever it breaks, for the portfolio manager to see. */
export async function setPlan(ctx: Ctx, id: string, version: number, starts: (number | null)[]) {
  await warm(ctx, 'update');
  await inTx(ctx, async (tx) => {
    const row = await loadForChange(ctx, tx, id, 'update', version);
    if (starts.length !== row.body.candidates.length)
      throw new AppError(
        'validation_failed',
        `Give a start (or null) for each of the ${row.body.candidates.length} candidates`,
        'starts',
      );
    const plan = describePlan(row.body, starts, { source: 'manual' }, row.version + 1);
    await savePlan(tx, ctx, row, { plan });
  });
  return getScenario(ctx, id);
}

/** Writes a plan or frontier onto the scenario (one version up) with its audit row. */
export async function savePlan(
  tx: Tx,
  ctx: Pick<Ctx, 'actor' | 'requestId'>,
  row: Row,
  change: { plan?: z.infer<typeof ScenarioPlan>; frontier?: unknown[] },
) {
  // Saving a frontier changes no candidate or limit: a current plan stays current.
  const kept = row.plan as { forVersion: number } | null;
  const plan =
    change.plan ?? (kept?.forVersion === row.version ? { ...kept, forVersion: row.version + 1 } : null);
  const [after] = await tx
    .update(scenarios)
    .set({
      ...(plan ? { plan } : {}),
      ...(change.frontier ? { frontier: change.frontier as Record<string, unknown>[] } : {}),
      version: sql`${scenarios.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(scenarios.id, row.id), eq(scenarios.version, row.version)))
    .returning({ id: scenarios.id });
  if (!after) throw conflict('scenario');
  const summary = (p: unknown) => {
    const x = p as z.infer<typeof ScenarioPlan> | null | undefined;
    return x ? { source: x.source, status: x.status, value: x.value, gap: x.gap } : null;
  };
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'scenario',
    entityId: row.id,
    before: change.plan
      ? { plan: summary(row.plan) }
      : { frontier: (row.frontier as unknown[] | null)?.length ?? 0 },
    after: change.plan ? { plan: summary(change.plan) } : { frontier: change.frontier?.length ?? 0 },
  });
}
