import { describe, expect, it } from 'vitest';
import { kindsOf, measureChange, routeChange } from '../governance/authority-rules';
import { changeSizePercent } from '../governance/facts';
import { draftProblem, publishProblem } from '../governance/lifecycle-checks';
import { NOTIFICATION_KINDS } from '../notify/notifications';
import { generateGovernanceHistory } from './governance-history';
import { generateNotifications } from './history-notifications';
import { historyContext, PHASES } from './history-parts';
import { HISTORY_SEED } from './history-story';
import { DEMO_AUTHORITY_RULES } from './history-timeline';
import { generateOrganization } from './organization';
import { generateRaidHistory } from './raid-history';
import { generateStatusHistory } from './status-history';

const today = new Date('2026-11-22T10:00:00Z');
const org = generateOrganization();
const g = generateGovernanceHistory(org, today);
const status = generateStatusHistory(org, today, HISTORY_SEED, { withFacts: true });
const projectById = new Map(org.projects.map((p) => [p.id, p]));
const values = new Map(g.approvedValues.map((v) => [v.projectId, v]));
type Impact = { budgetDelta: number | null; finishDeltaDays: number | null; scopeChange: string };
type Snapshot = { budget: number; approvedFinish: string; scope: string };
type Step = { label: string; decision: string | null };
const time = (d: unknown) => (d as Date).getTime();

describe('the demo governance', () => {
  it('publishes sound lifecycles owned by the strategic office, one per project type', () => {
    expect(g.lifecycles.length).toBe(2);
    const types = g.lifecycles.flatMap((l) => l.projectTypeIds ?? []);
    expect(new Set(types).size).toBe(org.projectTypes.length);
    for (const l of g.lifecycles) {
      expect(l.status).toBe('published');
      expect(l.officeId).toBe(org.offices.find((o) => o.kind === 'strategic')!.id);
      expect(draftProblem(l.phases)).toBeNull();
      expect(publishProblem({ phases: l.phases, projectTypeIds: l.projectTypeIds ?? [] })).toBeNull();
    }
  });

  it('reviews gates in step with each project: a go into every phase it reached, never beyond', () => {
    const byProject = new Map<string, typeof g.gateReviews>();
    for (const r of g.gateReviews) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
    for (const p of org.projects) {
      const reviews = (byProject.get(p.id) ?? []).sort((a, b) => time(a.createdAt) - time(b.createdAt));
      for (const r of reviews)
        expect(PHASES.indexOf(r.toPhase as never)).toBe(PHASES.indexOf(r.fromPhase as never) + 1);
      const go = reviews.filter((r) => r.decision === 'go').map((r) => r.toPhase);
      const reached = PHASES.indexOf(p.phase);
      if (p.status === 'cancelled') {
        expect(reviews.at(-1)?.decision).toBe('stop');
        continue;
      }
      if (p.status === 'proposed') expect(reviews).toEqual([]);
      else expect(go).toEqual(PHASES.slice(1, reached + 1));
      const open = reviews.filter((r) => r.state === 'open');
      expect(open.length).toBeLessThanOrEqual(1);
      for (const r of open) expect([r.fromPhase, r.decision]).toEqual([p.phase, null]);
      for (const r of reviews.filter((x) => x.state === 'decided'))
        expect((r.votes as { vote: string }[]).every((v) => v.vote === r.decision)).toBe(true);
    }
    expect(g.gateReviews.some((r) => r.state === 'open')).toBe(true);
    expect(g.gateReviews.some((r) => r.decision === 'hold' || r.decision === 'recycle')).toBe(true);
  });

  it('applies approved change requests one after another, ending at the approved values', () => {
    for (const p of org.projects.filter((q) => q.status === 'active'))
      expect(values.get(p.id)?.currency).toBe('EUR');
    for (const v of g.approvedValues)
      expect(Number.isInteger(v.budget) && v.budget > 0 && v.budget < 2 ** 31).toBe(true);
    const byProject = new Map<string, typeof g.changeRequests>();
    for (const c of g.changeRequests) byProject.set(c.projectId, [...(byProject.get(c.projectId) ?? []), c]);
    for (const [projectId, list] of byProject) {
      const approved = list
        .filter((c) => c.state === 'approved')
        .sort((a, b) => time(a.decidedAt) - time(b.decidedAt));
      let at: Snapshot | null = null;
      for (const c of approved) {
        const { before, after } = c.applied as { before: Snapshot; after: Snapshot };
        const impact = c.impact as Impact;
        if (at) expect(before).toEqual(at);
        expect(after.budget).toBe(before.budget + (impact.budgetDelta ?? 0));
        at = after;
      }
      const v = values.get(projectId)!;
      if (at) expect([at.budget, at.approvedFinish, at.scope]).toEqual([v.budget, v.approvedFinish, v.scope]);
    }
    expect(g.changeRequests.filter((c) => c.state === 'approved').length).toBeGreaterThan(10);
    expect(g.changeRequests.some((c) => c.state === 'rejected')).toBe(true);
  });

  it('routes change requests by the authority thresholds and records each step', () => {
    const submittedAt = new Set<number>();
    for (const c of g.changeRequests) {
      const impact = c.impact as Impact;
      const steps = c.steps as Step[];
      expect(c.kinds).toEqual(kindsOf(impact));
      // The budget in force when it was submitted: the last applied change's result before then.
      const earlier = g.changeRequests
        .filter(
          (x) =>
            x.projectId === c.projectId && x.state === 'approved' && time(x.decidedAt) < time(c.submittedAt),
        )
        .sort((a, b) => time(a.decidedAt) - time(b.decidedAt));
      const first = g.changeRequests
        .filter((x) => x.projectId === c.projectId && x.state === 'approved')
        .sort((a, b) => time(a.decidedAt) - time(b.decidedAt))[0];
      const budget =
        (earlier.at(-1)?.applied as { after: Snapshot } | undefined)?.after.budget ??
        (first?.applied as { before: Snapshot } | undefined)?.before.budget ??
        values.get(c.projectId)!.budget;
      const routed = routeChange(DEMO_AUTHORITY_RULES, measureChange(impact, budget));
      expect('steps' in routed && routed.steps.map((s) => s.label)).toEqual(steps.map((s) => s.label));
      const decided = steps.filter((s) => s.decision !== null);
      if (c.state === 'approved') expect(decided.map((s) => s.decision)).toEqual(steps.map(() => 'approve'));
      if (c.state === 'rejected') expect(decided.at(-1)?.decision).toBe('reject');
      if (c.state === 'submitted') {
        expect(c.currentStep).toBe(decided.length);
        expect(steps[c.currentStep!]!.decision).toBeNull();
        submittedAt.add(c.currentStep!);
      }
    }
    expect(submittedAt.size).toBe(2); // waiting at step 1 and at step 2
  });

  it('sizes the approved changes the status history counted as governance sizes them', () => {
    const crs = new Map(g.changeRequests.map((c) => [c.id, c]));
    for (const r of status.reports) {
      for (const fact of r.facts!.scope!.approvedChanges!) {
        const c = crs.get(fact.id)!;
        const before = (c.applied as { before: Snapshot }).before;
        const start = values.get(c.projectId)!.approvedStart!;
        const size = changeSizePercent(c.impact as Impact, {
          budget: before.budget,
          start,
          finish: before.approvedFinish,
        });
        expect(fact.sizePercent).toBe(size);
        expect(fact.approvedOn).toBe((c.decidedAt as Date).toISOString().slice(0, 10));
      }
    }
  });

  it('has open and decided stop recommendations, and a few notifications for the demo users', () => {
    expect(g.stopRecommendations.filter((s) => s.state === 'open').length).toBeGreaterThanOrEqual(1);
    expect(g.stopRecommendations.filter((s) => s.state !== 'open').length).toBeGreaterThanOrEqual(1);
    for (const s of g.stopRecommendations) expect(projectById.has(s.projectId)).toBe(true);
    const ctx = historyContext(org);
    const told = generateNotifications(
      ctx,
      { reports: status.reports, raid: generateRaidHistory(org, today), governance: g },
      today,
      HISTORY_SEED,
    );
    expect(told.length).toBeGreaterThanOrEqual(5);
    const showcase = new Set(org.showcase.map((s) => ctx.user(s.email)));
    for (const n of told) {
      expect(showcase.has(n.userId)).toBe(true);
      expect(Object.keys(NOTIFICATION_KINDS)).toContain(n.kind);
      expect([n.readAt, n.emailedAt !== null]).toEqual([null, true]);
    }
    expect(new Set(told.map((n) => n.userId)).size).toBeGreaterThanOrEqual(4);
    for (const kind of [
      'status.reminder',
      'raid.escalated',
      'gate.review',
      'change.approval',
      'stop.recommended',
    ])
      expect(told.map((n) => n.kind)).toContain(kind);
  });
});
