import type { Timeline } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../http/context';
import { registry } from '../registry/routes';
import type { EntityService, ListParams } from '../registry/service';

type TimelineT = z.infer<typeof Timeline>;
type Item = Record<string, unknown> & { id: string; code: string; name: string };

/** Every item of a registry list the caller may see, page by page. */
async function all(ctx: Ctx, svc: EntityService, filter: Record<string, unknown>): Promise<Item[]> {
  const out: Item[] = [];
  for (let page = 1; ; page++) {
    const res = await svc.list(ctx, { page, pageSize: 500, archived: 'active', ...filter } as ListParams);
    out.push(...(res.items as Item[]));
    if (out.length >= res.total || res.items.length === 0) return out;
  }
}

const wall = (v: unknown) =>
  v === null || v === undefined ? null : String(v).replace(' ', 'T').slice(0, 16);

/** Projects as bars with their milestones, from their plans (or their registry dates without one). */
async function timelineOf(ctx: Ctx, projects: Item[]): Promise<TimelineT> {
  const ids = projects.map((p) => p.id);
  const milestones = ids.length
    ? ((
        await ctx.db.execute(sql`
          select project_id, uid, name, finish::text as date, critical, percent_complete,
            (select b->>'finish' from jsonb_array_elements(baselines) b where (b->>'number')::int = 0) as baseline
          from plan_tasks where project_id = any(${sql.param(ids)}::uuid[]) and milestone
          order by project_id, finish, row`)
      ).rows as Record<string, unknown>[])
    : [];
  const plans = ids.length
    ? ((
        await ctx.db.execute(sql`
          select p.project_id, min(t.start)::text as start, max(t.finish)::text as finish,
            max((select b->>'finish' from jsonb_array_elements(t.baselines) b where (b->>'number')::int = 0)) as baseline
          from plans p join plan_tasks t on t.project_id = p.project_id
          where p.project_id = any(${sql.param(ids)}::uuid[]) group by p.project_id`)
      ).rows as Record<string, unknown>[])
    : [];
  const planOf = new Map(plans.map((p) => [p.project_id as string, p]));
  const byProject = new Map<string, Record<string, unknown>[]>();
  for (const m of milestones) {
    const list = byProject.get(m.project_id as string) ?? [];
    list.push(m);
    byProject.set(m.project_id as string, list);
  }
  const items = projects.map((p) => {
    const plan = planOf.get(p.id);
    const day = (d: unknown, time: string) => (d ? `${String(d).slice(0, 10)}T${time}` : null);
    return {
      projectId: p.id,
      code: p.code,
      name: p.name,
      start: plan ? wall(plan.start) : day(p.plannedStart, '08:00'),
      finish: plan ? wall(plan.finish) : day(p.plannedFinish, '17:00'),
      baselineFinish: plan ? wall(plan.baseline) : null,
      milestones: (byProject.get(p.id) ?? []).map((m) => ({
        uid: m.uid as number,
        name: m.name as string,
        date: wall(m.date),
        baseline: wall(m.baseline),
        critical: m.critical as boolean,
        percentComplete: m.percent_complete as number,
      })),
    };
  });
  items.sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.code.localeCompare(b.code));
  return { items };
}

/** A portfolio's projects, with those of its sub-portfolios (programs' projects belong to their portfolio). */
export async function portfolioTimeline(ctx: Ctx, portfolioId: string): Promise<TimelineT> {
  await registry.portfolio.get(ctx, portfolioId);
  const portfolios = [portfolioId];
  for (let i = 0; i < portfolios.length && portfolios.length < 10_000; i++)
    for (const child of await all(ctx, registry.portfolio, { parentId: portfolios[i] }))
      portfolios.push(child.id);
  const projects: Item[] = [];
  for (const id of portfolios) projects.push(...(await all(ctx, registry.project, { portfolioId: id })));
  return timelineOf(ctx, projects);
}

export async function programTimeline(ctx: Ctx, programId: string): Promise<TimelineT> {
  await registry.program.get(ctx, programId);
  return timelineOf(ctx, await all(ctx, registry.project, { programId }));
}
