/*
 * What portfolio planning asks of demand: proposals as facts for a scenario (business case, role
 * demand by role code, NPV at the organization's rate, score with its framework) and the work
 * roles' capacity per month. Portfolio code calls these; it does not read demand's tables.
 */
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { proposals, workRoles } from '../db/schema/index';
import type { ProposalFacts } from '../portfolio/build';
import { measuresOf } from './measures';
import { frameworksById, scoreResult, scoresOf } from './scores';
import { readSettings } from './settings';

/** Hours per work role (by code) per month, from `start` (YYYY-MM) for `months` months. */
export async function roleCapacity(tx: Tx, start: string, months: number) {
  const roles = await tx.select().from(workRoles).where(isNull(workRoles.archivedAt)).orderBy(workRoles.code);
  return roles.map((r) => ({
    role: r.code,
    id: r.id,
    name: r.name,
    hours: capacityHours(r.capacity, start, months),
  }));
}

/** A role's hours per month: each org unit's steps apply from their month to the unit's next step. */
export function capacityHours(
  steps: readonly { orgUnitId: string; from: string; hoursPerMonth: number }[],
  start: string,
  months: number,
  units?: ReadonlySet<string>,
): number[] {
  const out = new Array<number>(months).fill(0);
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const index = (ym: string) => {
    const [y, m] = ym.split('-').map(Number) as [number, number];
    return (y - sy) * 12 + (m - sm);
  };
  const byUnit = new Map<string, { at: number; hours: number }[]>();
  for (const s of steps) {
    if (units && !units.has(s.orgUnitId)) continue;
    const list = byUnit.get(s.orgUnitId) ?? [];
    list.push({ at: index(s.from), hours: s.hoursPerMonth });
    byUnit.set(s.orgUnitId, list);
  }
  for (const list of byUnit.values()) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((s, i) => {
      const end = Math.min(months, list[i + 1]?.at ?? months);
      for (let m = Math.max(0, s.at); m < end; m++) out[m]! += s.hours;
    });
  }
  return out;
}

/** Proposals of portfolios (or of their office, without a portfolio) in these statuses, as scenario facts. */
export async function proposalFacts(
  tx: Tx,
  where: { portfolioIds: string[]; officeId: string | null; statuses: string[] } | { ids: string[] },
): Promise<ProposalFacts[]> {
  const cond: SQL | undefined =
    'ids' in where
      ? inArray(proposals.id, where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000'])
      : and(
          isNull(proposals.archivedAt),
          inArray(proposals.status, where.statuses.length ? where.statuses : ['-']),
          where.officeId
            ? or(
                inArray(proposals.portfolioId, where.portfolioIds),
                and(isNull(proposals.portfolioId), eq(proposals.officeId, where.officeId)),
              )
            : inArray(proposals.portfolioId, where.portfolioIds),
        );
  const rows = await tx.select().from(proposals).where(cond).orderBy(proposals.code);
  if (rows.length === 0) return [];
  const set = await readSettings(tx);
  const roles = new Map(
    (await tx.select({ id: workRoles.id, code: workRoles.code }).from(workRoles)).map((r) => [r.id, r.code]),
  );
  const frameworks = await frameworksById(
    tx,
    rows.flatMap((r) => (r.frameworkId ? [r.frameworkId] : [])),
  );
  const scores = await scoresOf(tx, rows);
  return rows.map((p) => {
    const f = p.frameworkId ? frameworks.get(p.frameworkId) : undefined;
    const result = f ? scoreResult(f.ev, p.id, scores.get(p.id) ?? []) : null;
    return {
      id: p.id,
      code: p.code,
      title: p.title,
      mandatory: p.mandatory,
      earliestStart: p.earliestStart,
      latestStart: p.latestStart,
      durationMonths: p.durationMonths,
      businessCase: p.businessCase,
      demand: p.demand
        .filter((d) => roles.has(d.roleId))
        .map((d) => ({
          role: roles.get(d.roleId)!,
          fromMonth: d.fromMonth,
          months: d.months,
          hoursPerMonth: d.hoursPerMonth,
        })),
      npv: measuresOf(p.businessCase, set).npv,
      score: result?.total ?? null,
      objectiveIds: p.objectiveIds,
      alignment: result?.alignment ?? {},
    };
  });
}
