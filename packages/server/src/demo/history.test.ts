import { MeasuredMetrics, RaidDetails, raidOpenStatuses, raidStatuses } from '@pharos/api';
import {
  combineRatings,
  periodOf,
  RAG_DIMENSIONS,
  type ReportingCadence,
  scoreRisk,
  suggestRag,
  worstMovers,
} from '@pharos/engine';
import { describe, expect, it } from 'vitest';
import { generateGovernanceHistory } from './governance-history';
import { historyContext, latest } from './history-parts';
import { HISTORY_SEED } from './history-story';
import { generateOrganization } from './organization';
import { generateRaidHistory } from './raid-history';
import { generateStatusHistory } from './status-history';
import { thresholdsOf } from './status-settings';

const today = new Date('2026-11-22T10:00:00Z');
const org = generateOrganization();
const status = generateStatusHistory(org, today, HISTORY_SEED, { withFacts: true });
const raid = generateRaidHistory(org, today);
const governance = generateGovernanceHistory(org, today);
const ctx = historyContext(org);
const projectById = new Map(org.projects.map((p) => [p.id, p]));
const typeOf = (projectId: string) => ctx.typeCode(projectById.get(projectId)!);
const current = latest(status.reports.map((r) => r.periodStart));

describe('the demo history generators', () => {
  it('give the same rows, ids included, for the same organization, day and seed', () => {
    const again = generateStatusHistory(generateOrganization(), today, HISTORY_SEED, { withFacts: true });
    expect(JSON.stringify(again)).toBe(JSON.stringify(status));
    expect(JSON.stringify(generateRaidHistory(org, today))).toBe(JSON.stringify(raid));
    expect(JSON.stringify(generateGovernanceHistory(org, today))).toBe(JSON.stringify(governance));
    const other = generateStatusHistory(org, today, HISTORY_SEED + 1);
    expect(other.reports[0]!.id).not.toBe(status.reports[0]!.id);
  });

  it('write a year of reports: one per project and period of its office, most on time', () => {
    const keys = new Set(status.reports.map((r) => `${r.projectId} ${r.periodStart}`));
    expect(keys.size).toBe(status.reports.length);
    expect(status.reports.length).toBeGreaterThan(40 * 30);
    for (const r of status.reports) {
      const cadence = (
        r.periodKind === 'biweekly' ? { kind: 'biweekly', anchor: '2025-01-06' } : { kind: r.periodKind }
      ) as ReportingCadence;
      const p = periodOf(r.periodStart!, cadence);
      expect(p.ok && [p.value.start, p.value.end]).toEqual([r.periodStart, r.periodEnd]);
      expect(r.asOf! >= r.periodStart! && r.asOf! <= r.periodEnd!).toBe(true);
    }
    expect(new Set(status.reports.map((r) => r.periodKind))).toEqual(new Set(['weekly', 'biweekly']));
    const past = status.reports.filter((r) => r.state === 'submitted' && r.periodStart! < current);
    const late =
      past.filter((r) => (r.submittedAt as Date).toISOString().slice(0, 10) > r.dueOn!).length / past.length;
    expect(late).toBeGreaterThan(0.03);
    expect(late).toBeLessThan(0.08);
    // This week: partly filed, partly in draft, partly not started.
    const now = status.reports.filter((r) => r.periodStart === current);
    expect(now.some((r) => r.state === 'draft')).toBe(true);
    // The demo project manager finds this week's report of their first project started, to finish.
    const first = org.projects.find(
      (p) => p.managerId === ctx.user('pm@pharos.demo') && p.status === 'active',
    )!;
    expect(now.find((r) => r.projectId === first.id)?.state).toBe('draft');
    expect(now.filter((r) => r.state === 'submitted').length).toBeLessThan(
      org.projects.filter((p) => p.status === 'active' && projectById.get(p.id)!.officeId).length,
    );
  });

  it("rate every dimension as the engine's suggestRag does on the report's facts", () => {
    for (const r of status.reports) {
      const s = suggestRag(r.facts!, thresholdsOf(typeOf(r.projectId)));
      expect(s.ok).toBe(true);
      if (!s.ok) continue;
      for (const d of RAG_DIMENSIONS) {
        expect(r.dimensions[d]!.suggested).toBe(s.value.dimensions[d].rag);
        expect(r.dimensions[d]!.reasons).toEqual(s.value.dimensions[d].reasons);
      }
    }
  });

  it('keep the colour columns equal to the jsonb, and every override justified', () => {
    let overrides = 0;
    for (const r of status.reports) {
      const cols = [r.scheduleRag, r.costRag, r.scopeRag, r.riskRag, r.qualityRag, r.resourcesRag];
      expect(cols).toEqual(RAG_DIMENSIONS.map((d) => r.dimensions[d]!.rag));
      for (const d of RAG_DIMENSIONS) {
        const x = r.dimensions[d]!;
        const own = x.rag !== x.suggested && x.suggested !== 'unknown';
        if (own) overrides++;
        expect(own ? x.justification.length > 10 : x.justification === '').toBe(true);
      }
      const implied = combineRatings(
        RAG_DIMENSIONS.map((d) => ({ rag: r.dimensions[d]!.rag })),
        { method: 'worst' },
      );
      expect(r.overallSuggested).toBe(implied.rag);
      if (r.overallRag !== r.overallSuggested) overrides++;
      expect(
        r.overallRag !== r.overallSuggested
          ? r.overallJustification!.length > 10
          : r.overallJustification === '',
      ).toBe(true);
    }
    expect(overrides).toBeGreaterThan(10);
  });

  it('tell a story: some projects got worse this period, and the metrics read as the status service reads them', () => {
    const index = (d: string) => periodOf(d, { kind: 'weekly' });
    const history = status.reports
      .filter((r) => r.state === 'submitted' && r.periodKind === 'weekly')
      .map((r) => ({
        projectId: r.projectId,
        periodIndex: (index(r.periodStart!) as { value: { index: number } }).value.index,
        status: { overall: r.overallRag!, dimensions: {} },
      }));
    // The last week whose reports are due: the one before the current week.
    const due = (index(current) as { value: { index: number } }).value.index - 1;
    const movers = worstMovers(history, due);
    expect(movers.ok && movers.value.filter((m) => m.to === 'red').length).toBeGreaterThanOrEqual(2);
    const colours = new Set(status.reports.filter((r) => r.periodStart === current).map((r) => r.overallRag));
    expect(colours).toEqual(new Set(['green', 'amber', 'red']));
    for (const r of status.reports) {
      const m = r.metrics as { measured: unknown; entered: { percentComplete: number } };
      expect(MeasuredMetrics.safeParse(m.measured).success).toBe(true);
      expect(m.entered.percentComplete).toBe(r.facts!.cost!.percentComplete);
      for (const text of Object.values(r.narrative!)) expect(text).not.toMatch(/[{}]|lorem/i);
      expect(r.narrative!.done.length).toBeGreaterThan(20);
    }
  });
});

describe('the demo RAID registers', () => {
  const trail = new Map<string, typeof raid.escalations>();
  for (const e of raid.escalations) trail.set(e.itemId, [...(trail.get(e.itemId) ?? []), e]);

  it('hold valid items: details of their kind, scores from probability × worst impact, closed when done', () => {
    for (const x of raid.items) {
      expect(RaidDetails[x.kind].safeParse(x.details).success).toBe(true);
      expect(raidStatuses[x.kind] as readonly string[]).toContain(x.status);
      expect(x.closedAt === null).toBe((raidOpenStatuses[x.kind] as readonly string[]).includes(x.status!));
      if (x.kind === 'risk') {
        const d = x.details as { probability: number; impact: Record<string, number>; residual: null };
        const s = scoreRisk({ id: x.id, probability: d.probability, impact: d.impact, residual: d.residual });
        expect(s.ok && [s.value.impact, s.value.score, s.value.residual.score]).toEqual([
          x.impact,
          x.score,
          x.residualScore,
        ]);
        expect(x.score).toBe(x.probability! * Math.max(...Object.values(d.impact)));
      }
      if (x.kind === 'dependency' && x.dependsOnProjectId) expect(x.dependsOnProjectId).not.toBe(x.projectId);
    }
    const counts = new Map<string, number>();
    for (const x of raid.items.filter((i) => i.projectId && i.kind === 'risk'))
      counts.set(x.projectId!, (counts.get(x.projectId!) ?? 0) + 1);
    const issues = new Map<string, number>();
    for (const x of raid.items.filter((i) => i.projectId && i.kind === 'issue'))
      issues.set(x.projectId!, (issues.get(x.projectId!) ?? 0) + 1);
    for (const p of org.projects.filter((q) => q.status === 'active')) {
      expect(counts.get(p.id)).toBeGreaterThanOrEqual(3);
      expect(counts.get(p.id)).toBeLessThanOrEqual(12);
      expect(issues.get(p.id) ?? 0).toBeLessThanOrEqual(6);
    }
    // Both sides see a dependency: it names the project it waits on, an active one.
    const dependencies = raid.items.filter((x) => x.kind === 'dependency');
    expect(dependencies.length).toBeGreaterThan(5);
    for (const d of dependencies) expect(projectById.get(d.dependsOnProjectId!)?.status).not.toBe('proposed');
    for (const kind of ['risk', 'issue', 'assumption', 'dependency', 'decision'] as const) {
      const codes = raid.items.filter((x) => x.kind === kind).map((x) => x.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(raid.items.some((x) => x.kind === 'decision' && x.status === 'proposed')).toBe(true);
    expect(
      raid.items.some((x) => x.kind === 'issue' && x.status !== 'resolved' && x.dueOn! < '2026-11-22'),
    ).toBe(true);
  });

  it('escalate along the office chain, level by level, the item where its trail left it', () => {
    expect(trail.size).toBeGreaterThan(5);
    for (const x of raid.items) {
      const steps = trail.get(x.id) ?? [];
      expect(x.escalationLevel ?? 0).toBe(steps.length);
      expect(x.escalatedToOfficeId ?? null).toBe(steps.at(-1)?.toOfficeId ?? null);
      if (steps.length === 0) continue;
      const chain = ctx.chainOf(projectById.get(x.projectId!)!.officeId);
      steps.forEach((s, i) => {
        expect(s.level).toBe(i + 1);
        expect([s.fromOfficeId, s.toOfficeId]).toEqual([chain[i], chain[i + 1]]);
        expect(['tolerance', 'deadline']).toContain(s.reason);
      });
    }
    expect(raid.escalations.some((e) => e.level === 2 && e.toOfficeId === ctx.strategic.id)).toBe(true);
  });

  it('are the risks and issues the status history counted', () => {
    const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
    for (const r of status.reports.filter((x) => x.periodStart! >= '2026-09-01')) {
      const open = raid.items.filter(
        (x) =>
          x.projectId === r.projectId &&
          (x.kind === 'risk' || x.kind === 'issue') &&
          day(x.createdAt)! <= r.asOf! &&
          (x.closedAt === null || day(x.closedAt as Date)! > r.asOf!),
      );
      const facts = r.facts!.risk!;
      expect(new Set(open.filter((x) => x.kind === 'risk').map((x) => `${x.id}:${x.score}`))).toEqual(
        new Set(facts.risks!.map((x) => `${x.id}:${x.score}`)),
      );
      expect(
        new Set(open.filter((x) => x.kind === 'issue').map((x) => `${x.id}:${x.severity}:${x.dueOn}`)),
      ).toEqual(new Set(facts.issues!.map((x) => `${x.id}:${x.severity}:${x.due}`)));
      for (const i of facts.issues!) {
        const up = (trail.get(i.id) ?? []).some((s) => day(s.at as Date)! <= r.asOf!);
        expect(i.escalated).toBe(up);
      }
      if (r.dimensions.risk!.suggested === 'red')
        expect(
          facts.risks!.filter((x) => x.score >= 15).length + facts.issues!.length,
        ).toBeGreaterThanOrEqual(2);
    }
  });
});
