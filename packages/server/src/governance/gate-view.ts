import { type GateDecision, type GateReview, type Role, roleLabels } from '@pharos/api';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { type GateData, type gateReviews, lifecycles, type PhaseData } from '../db/schema/index';
import type { Ctx } from '../http/context';
import { covers } from '../policy/reach';
import { blockersOf, type Evidence, slotsOf, tallyOf } from './lifecycle-checks';
import { iso, type ProjectRef, peopleNames, projectAnchors, projectPlaceOf, rolesHeld } from './project-ref';

export type ReviewRow = typeof gateReviews.$inferSelect;
export interface StoredVote {
  approverId: string;
  approverName: string;
  slots: string[];
  vote: GateDecision;
  comment: string;
  at: string;
}
type StoredEvidence = Partial<Evidence> & { decisionNote?: string };

export const evidenceOf = (r: ReviewRow): Evidence => {
  const e = r.evidence as StoredEvidence;
  return { checklist: e.checklist ?? {}, deliverables: e.deliverables ?? {} };
};
export const votesOf = (r: ReviewRow) => r.votes as unknown as StoredVote[];

/** The gate a review is about, from its lifecycle revision (a published revision never changes). */
export async function gatesOf(db: Tx, rows: readonly ReviewRow[]) {
  const ids = [...new Set(rows.map((r) => r.lifecycleId))];
  const lcs = ids.length
    ? await db
        .select({
          id: lifecycles.id,
          code: lifecycles.code,
          revision: lifecycles.revision,
          phases: lifecycles.phases,
        })
        .from(lifecycles)
        .where(inArray(lifecycles.id, ids))
    : [];
  const byId = new Map(lcs.map((l) => [l.id, l]));
  return new Map(
    rows.map((r) => {
      const lc = byId.get(r.lifecycleId)!;
      const phase = (lc.phases as PhaseData[]).find((p) => p.gate?.key === r.gateKey);
      const gate: GateData = phase?.gate ?? {
        key: r.gateKey,
        name: r.gateKey,
        checklist: [],
        deliverables: [],
        approverRoles: [],
        approverIds: [],
      };
      return [r.id, { gate, code: lc.code, revision: lc.revision }] as const;
    }),
  );
}

/** The approver slots of a gate, with the names of the named approvers. */
export async function gateSlots(db: Tx, gate: GateData) {
  const names = await peopleNames(db, gate.approverIds);
  return slotsOf(
    gate,
    (r) => roleLabels[r as Role] ?? r,
    (id) => names.get(id) ?? 'Unknown person',
  );
}

/** Which of the gate's approver slots the user fills over this project. */
export async function mySlots(db: Tx, userId: string | undefined, gate: GateData, project: ProjectRef) {
  if (!userId) return [];
  const held = await rolesHeld(db, userId, gate.approverRoles as Role[], projectPlaceOf(project));
  return [
    ...gate.approverRoles.filter((r) => held.has(r as Role)).map((r) => `role:${r}`),
    ...(gate.approverIds.includes(userId) ? [`user:${userId}`] : []),
  ];
}

/** Whether the user is a PMO leader (administrator or PMO director) over the project. */
export async function isLeader(db: Tx, userId: string | undefined, project: ProjectRef) {
  return (await rolesHeld(db, userId, ['admin', 'pmo_director'], projectPlaceOf(project))).size > 0;
}

/** Gate reviews as the API shows them, with what the caller may do with each. */
export async function presentReviews(
  ctx: Ctx,
  db: Tx,
  project: ProjectRef,
  rows: readonly ReviewRow[],
): Promise<GateReview[]> {
  const gates = await gatesOf(db, rows);
  const anchors = projectAnchors(project);
  const mayUpdate = covers(await ctx.access.reach('gateReview', 'update'), anchors);
  const mayDecide = covers(await ctx.access.reach('gateReview', 'decide'), anchors);
  const me = ctx.actor?.userId;
  const leader = mayDecide && (await isLeader(db, me, project));
  const names = await peopleNames(
    db,
    rows.map((r) => r.decidedBy),
  );
  const out: GateReview[] = [];
  for (const r of rows) {
    const { gate, code, revision } = gates.get(r.id)!;
    const slots = await gateSlots(db, gate);
    const votes = votesOf(r);
    const filled = new Set(votes.flatMap((v) => v.slots));
    const evidence = evidenceOf(r);
    const open = r.state === 'open';
    const mine = mayDecide && open ? await mySlots(db, me, gate, project) : [];
    out.push({
      id: r.id,
      version: r.version,
      projectId: r.projectId,
      lifecycleId: r.lifecycleId,
      lifecycleCode: code,
      lifecycleRevision: revision,
      gate: gate as GateReview['gate'],
      fromPhase: r.fromPhase as GateReview['fromPhase'],
      toPhase: r.toPhase as GateReview['toPhase'],
      state: r.state,
      decision: (r.decision as GateDecision | null) ?? null,
      conditions: r.conditions,
      comment: (r.evidence as StoredEvidence).decisionNote ?? '',
      evidence,
      votes,
      slots: slots.map((s) => ({ ...s, voted: filled.has(s.key) })),
      tally: tallyOf(slots, votes),
      blockers: blockersOf(gate, evidence),
      scheduledOn: r.scheduledOn,
      decidedAt: iso(r.decidedAt),
      decidedBy: r.decidedBy,
      decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
      mine: {
        approver: mine.length > 0,
        vote: votes.find((v) => v.approverId === me)?.vote ?? null,
      },
      abilities: {
        update: open && mayUpdate,
        vote: open && mine.length > 0,
        decide: open && (mine.length > 0 || leader),
      },
    });
  }
  return out;
}
