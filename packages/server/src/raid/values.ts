/*
 * What a RAID item's fields make of its columns: the details checked against the kind's schema,
 * a risk's scores by the engine, the severity, the project a dependency waits on, a decision's
 * who and when, and when it closed. Errors name the field as the API has it (`details.impact.cost`).
 */
import { RaidDetails, type RaidKind, type RaidStatus, raidOpenStatuses } from '@pharos/api';
import { scoreRisk } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { AppError, invalidRef } from '../errors';

export interface ItemFields {
  kind: RaidKind;
  title: string;
  description: string;
  ownerId: string | null;
  dueOn: string | null;
  status: RaidStatus;
  details: Record<string, unknown>;
}

export interface ItemColumns extends ItemFields {
  probability: number | null;
  impact: number | null;
  score: number | null;
  residualScore: number | null;
  severity: string | null;
  dependsOnProjectId: string | null;
  closedAt: Date | null;
}

export interface Before {
  status: string;
  closedAt: Date | null;
  ownerId: string | null;
  details: Record<string, unknown>;
  dependsOnProjectId: string | null;
}

export const isOpen = (kind: RaidKind, status: string) =>
  (raidOpenStatuses[kind] as readonly string[]).includes(status);

/**
 * The columns of an item with these fields, in `projectId`'s register when it is a project's;
 * `before` is the item as it was (only what is newly linked must be active).
 */
export async function itemColumns(
  tx: Tx,
  f: ItemFields,
  ctx: { actorId: string | null; today: string; projectId: string | null },
  before: Before | null = null,
): Promise<ItemColumns> {
  const parsed = RaidDetails[f.kind].safeParse(f.details);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ['details', ...issue.path].join('.');
    throw new AppError('validation_failed', `${field}: ${issue.message}`, field);
  }
  const details = parsed.data as Record<string, unknown>;
  const out: ItemColumns = {
    ...f,
    details,
    probability: null,
    impact: null,
    score: null,
    residualScore: null,
    severity: null,
    dependsOnProjectId: null,
    closedAt: closedAt(f, before),
  };
  const users: [string, string | null | undefined][] = [['ownerId', f.ownerId]];
  if (f.kind === 'risk') {
    const d = parsed.data as { probability: number; impact: Record<string, number>; residual: unknown };
    const scored = scoreRisk({
      id: '',
      probability: d.probability,
      impact: d.impact,
      residual: d.residual as { probability: number; impact: Record<string, number> } | null,
    });
    if (!scored.ok)
      throw new AppError('validation_failed', scored.error.message, `details.${scored.error.field}`);
    Object.assign(out, {
      probability: scored.value.probability,
      impact: scored.value.impact,
      score: scored.value.score,
      residualScore: scored.value.residual.score,
    });
    const actions = (details.mitigation as { ownerId: string | null }[]) ?? [];
    actions.forEach((a, i) => {
      users.push([`details.mitigation.${i}.ownerId`, a.ownerId]);
    });
  } else if (f.kind === 'issue') {
    out.severity = details.severity as string;
  } else if (f.kind === 'dependency') {
    out.dependsOnProjectId = await dependencyTarget(tx, details, ctx.projectId, before);
  } else if (f.kind === 'decision') {
    if (f.status === 'decided') {
      details.decidedOn ??= ctx.today;
      details.decidedBy ??= ctx.actorId;
    }
    users.push(['details.decidedBy', details.decidedBy as string | null]);
  }
  await checkUsers(tx, users, before);
  return out;
}

/** When it closed: kept while it stays closed, now when it closes, none while open. */
function closedAt(f: ItemFields, before: Before | null): Date | null {
  if (isOpen(f.kind, f.status)) return null;
  if (before && !isOpen(f.kind, before.status)) return before.closedAt ?? new Date();
  return new Date();
}

/** A dependency waits on another project or on an outside party: one of the two. */
async function dependencyTarget(
  tx: Tx,
  d: Record<string, unknown>,
  ownProject: string | null,
  before: Before | null,
) {
  const target = (d.dependsOnProjectId as string | null) ?? null;
  const external = String(d.externalParty ?? '').trim();
  if (!target === !external)
    throw new AppError(
      'validation_failed',
      'Name the project it depends on, or the outside party: one of the two',
      'details.dependsOnProjectId',
    );
  if (!target) return null;
  if (target === ownProject)
    throw new AppError(
      'validation_failed',
      'A project cannot depend on itself',
      'details.dependsOnProjectId',
    );
  if (target !== before?.dependsOnProjectId) {
    const res = await tx.execute(sql`select 1 from projects where id = ${target} and archived_at is null`);
    if (res.rows.length === 0)
      throw invalidRef('details.dependsOnProjectId', `No active project with id ${target}`);
  }
  return target;
}

/** Every person named exists and is active (one named already may have left since). */
async function checkUsers(tx: Tx, named: [string, string | null | undefined][], before: Before | null) {
  const held = new Set<string>();
  if (before?.ownerId) held.add(before.ownerId);
  for (const a of (before?.details.mitigation as { ownerId?: string }[] | undefined) ?? [])
    if (a.ownerId) held.add(a.ownerId);
  if (typeof before?.details.decidedBy === 'string') held.add(before.details.decidedBy);
  const fresh = named.filter((n): n is [string, string] => !!n[1] && !held.has(n[1]));
  if (fresh.length === 0) return;
  const ids = [...new Set(fresh.map((n) => n[1]))];
  const res = await tx.execute<{ id: string }>(
    sql`select id::text as id from users where id = any(${sql.param(ids)}::uuid[]) and archived_at is null`,
  );
  const found = new Set(res.rows.map((r) => r.id));
  const bad = fresh.find((n) => !found.has(n[1]));
  if (bad) throw invalidRef(bad[0], `No active person with id ${bad[1]}`);
}
