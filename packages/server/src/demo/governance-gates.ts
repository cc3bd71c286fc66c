/*
 * A project's gate reviews as the governance service keeps them: the evidence (each checklist item
 * met or not, each deliverable's link), every approver's vote, the decision with its conditions.
 * The items not met are exactly the story's failed items, which the status history counted.
 */
import type { Role } from '@pharos/api';
import type { GateData, PhaseData } from '../db/schema/governance';
import type { GateReviewRow, LifecycleRow } from './governance-history';
import { GATE_CONDITIONS, VOTE_COMMENTS } from './governance-phrases';
import { type HistoryContext, isoOf, PHASES, type Stream } from './history-parts';
import { type ProjectStory, stamp, type Window } from './history-story';
import type { GateReviewEvent } from './history-timeline';

export function gateReviewRows(
  ctx: HistoryContext,
  s: ProjectStory,
  lifecycle: LifecycleRow,
  r: Stream,
  win: Window,
): GateReviewRow[] {
  const p = s.project;
  const rows: GateReviewRow[] = [];
  for (const g of s.gates) {
    const phase = (lifecycle.phases as PhaseData[])[g.to];
    const gate = phase?.gate;
    if (!gate) continue;
    for (const rv of g.reviews) {
      const voters = approvers(ctx, s, gate);
      const decided = rv.decision !== null;
      const decidedAt = decided ? stamp(win, rv.decidedOn!, 15 + r.next()) : null;
      // An open review has some answers in and perhaps one vote.
      const cast = decided ? voters : voters.slice(0, r.int(0, Math.max(0, voters.length - 1)));
      const votes = cast.map((v, i) => {
        const vote = rv.decision ?? (r.next() < 0.8 ? 'go' : 'hold');
        const day = decided
          ? rv.decidedOn! - (voters.length - 1 - i)
          : Math.min(win.today, rv.openedOn + r.int(1, 5));
        return {
          approverId: v.userId,
          approverName: ctx.name(v.userId),
          slots: v.slots,
          vote,
          comment: r.pick(VOTE_COMMENTS[vote]!),
          at: stamp(win, day, 11 + i).toISOString(),
        };
      });
      const conditions =
        rv.decision === 'hold' || rv.decision === 'recycle'
          ? r.pick(GATE_CONDITIONS[rv.decision])
          : rv.decision === 'go' && rv.failed > 0
            ? GATE_CONDITIONS.go[0]!
            : '';
      rows.push({
        id: rv.id,
        projectId: p.id,
        lifecycleId: lifecycle.id,
        gateKey: gate.key,
        fromPhase: PHASES[g.to - 1]!,
        toPhase: PHASES[g.to]!,
        state: decided ? 'decided' : 'open',
        decision: rv.decision,
        conditions,
        evidence: evidence(s, gate, rv, decided, r),
        votes,
        scheduledOn: isoOf(rv.scheduledOn),
        decidedAt,
        decidedBy: decided ? (votes.at(-1)?.approverId ?? ctx.director) : null,
        createdAt: stamp(win, rv.openedOn, 10),
        updatedAt:
          decidedAt ?? stamp(win, votes.length > 0 ? Math.min(win.today, rv.openedOn + 5) : rv.openedOn, 12),
        version: 1 + (decided ? 2 : 1) + votes.length,
      });
    }
  }
  return rows;
}

/** Who votes: one holder of each approver role over the project (one person may fill two). */
function approvers(ctx: HistoryContext, s: ProjectStory, gate: GateData) {
  const out: { userId: string; slots: string[] }[] = [];
  for (const role of gate.approverRoles as Role[]) {
    const holder =
      role === 'executive' &&
      s.project.sponsorId &&
      ctx.holders(s.project, role).includes(s.project.sponsorId)
        ? s.project.sponsorId
        : ctx.holders(s.project, role)[0];
    if (!holder) continue;
    const same = out.find((v) => v.userId === holder);
    if (same) same.slots.push(`role:${role}`);
    else out.push({ userId: holder, slots: [`role:${role}`] });
  }
  return out;
}

function evidence(s: ProjectStory, gate: GateData, rv: GateReviewEvent, decided: boolean, r: Stream) {
  const checklist: Record<string, { met: boolean; note: string }> = {};
  // The failed items are the first ones (the required ones first), as many as the story says.
  gate.checklist.forEach((item, i) => {
    if (!decided && r.next() < 0.4) return;
    const met = i >= rv.failed;
    checklist[item.id] = { met, note: met ? '' : 'Not yet: see the conditions.' };
  });
  const deliverables: Record<string, { link: string; note: string }> = {};
  for (const d of gate.deliverables)
    if (decided || r.next() < 0.6)
      deliverables[d.id] = { link: `https://docs.northwind.example/${s.project.code}/${d.id}`, note: '' };
  return decided
    ? {
        checklist,
        deliverables,
        decisionNote: rv.decision === 'go' ? 'Every approver voted' : 'Decided at the gate meeting',
      }
    : { checklist, deliverables };
}
