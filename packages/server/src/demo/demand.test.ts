import { ProposalCreate, proposalSteps, WorkRoleCreate } from '@pharos/api';
import { describe, expect, it } from 'vitest';
import { evaluateFramework, type FrameworkData } from '../demand/framework-weights';
import { measuresOf } from '../demand/measures';
import { scoreResult } from '../demand/scores';
import { generateDemand } from './demand';
import { generateOrganization } from './organization';

const org = generateOrganization();
const today = new Date('2026-11-22T12:00:00Z');
const demand = generateDemand(org, today);

describe('demo demand', () => {
  it('is the same on every run', () => {
    expect(generateDemand(org, today)).toEqual(demand);
  });

  it('has a role catalog with capacity and proposals all over the pipeline', () => {
    expect(demand.workRoles.length).toBeGreaterThanOrEqual(10);
    for (const r of demand.workRoles) expect(WorkRoleCreate.safeParse(r).success, r.code).toBe(true);
    const counts: Record<string, number> = {};
    for (const p of demand.proposals) counts[p.status!] = (counts[p.status!] ?? 0) + 1;
    expect(demand.proposals.length).toBeGreaterThanOrEqual(40);
    for (const s of ['draft', 'submitted', 'screening', 'scored', 'shortlisted', 'approved', 'converted'])
      expect(counts[s], s).toBeGreaterThanOrEqual(3);
    expect(counts.rejected! + counts.deferred!).toBeGreaterThanOrEqual(6);
    for (const p of demand.proposals) {
      const parsed = ProposalCreate.safeParse(p);
      expect(parsed.success, `${p.code} ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
      if (p.status === 'rejected' || p.status === 'deferred') expect(p.statusReason).not.toBe('');
    }
    const npv = demand.proposals.map(
      (p) => measuresOf(p.businessCase, { discountRate: 0.08, cashFlowTiming: 'year-end' }).npv,
    );
    expect(npv.filter((v) => v < 0).length).toBeGreaterThan(3);
    expect(npv.filter((v) => v > 0).length).toBeGreaterThan(15);
  });

  it('moves every proposal only along steps of the pipeline, in time order, over the last nine months', () => {
    for (const p of demand.proposals) {
      const moves = demand.transitions.filter((t) => t.proposalId === p.id);
      let status = 'draft';
      let last = 0;
      for (const t of moves) {
        const step = proposalSteps.some((s) => s.from === t.fromStatus && s.to === t.toStatus);
        expect(
          step || (t.fromStatus === 'approved' && t.toStatus === 'converted'),
          `${p.code} ${t.toStatus}`,
        ).toBe(true);
        expect(t.fromStatus).toBe(status);
        expect(t.at!.getTime()).toBeGreaterThan(last);
        expect(today.getTime() - t.at!.getTime()).toBeLessThan(280 * 86_400_000);
        status = t.toStatus;
        last = t.at!.getTime();
      }
      expect(status).toBe(p.status);
    }
  });

  it('publishes a consistent AHP framework and fully scores what has been scored, with some disagreement', () => {
    const [old, current] = demand.frameworks;
    expect(old).toMatchObject({ status: 'retired', revision: 1 });
    const ev = evaluateFramework(current as unknown as FrameworkData);
    expect(ev.error).toBeNull();
    expect(ev.ahpOutcome!.cr).toBeLessThan(0.1);
    expect(current!.criteria.length).toBeGreaterThanOrEqual(6);
    let disagreements = 0;
    for (const p of demand.proposals.filter((x) =>
      ['scored', 'shortlisted', 'approved', 'converted'].includes(x.status!),
    )) {
      const rows = demand.scores.filter((s) => s.proposalId === p.id) as Parameters<typeof scoreResult>[2];
      expect(new Set(rows.map((s) => s.scorerId)).size).toBeGreaterThanOrEqual(2);
      const result = scoreResult(ev, p.id, rows)!;
      expect(result.scored, p.code).toBe(true);
      if (result.disagreement.criteria.length) disagreements++;
    }
    expect(disagreements).toBeGreaterThan(0);
  });
});
