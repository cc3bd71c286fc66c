/*
 * The dashboard's health sections, from a scope's window (rollup.ts): the projects needing
 * attention (red overall or in a dimension) with the reasons their latest report gives, the worst
 * movers (the engine's worstMovers), and late and missing reports (the engine's
 * reportingCompliance, per office rule).
 */
import type { AttentionEntry, LateReportEntry, MoverEntry } from '@pharos/api';
import {
  dayFromIso,
  isoDay,
  periodOf,
  RAG_DIMENSIONS,
  type RagRating,
  reportingCompliance,
  type StatusHistoryEntry,
  worstMovers,
} from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../http/context';
import type { ScopeWindow } from './rollup';
import { historyOf as historyOfWindow, trendOfHistory } from './rollup-compute';
import { lineAt, lineBefore, ratingsOf, required, type Slot } from './rollup-periods';
import type { BoardProject, ReportLine } from './rollup-store';
import { type OfficeRule, ruleOf } from './rollup-structure';

type Attention = z.infer<typeof AttentionEntry>;
type Mover = z.infer<typeof MoverEntry>;
type Late = z.infer<typeof LateReportEntry>;

const SCORE: Record<RagRating, number> = { red: 3, amber: 2, green: 1, unknown: 0 };

/** A project's overall colour in each period of the window ('unknown' when it did not report). */
export const historyOf = (sw: ScopeWindow, id: string): RagRating[] => historyOfWindow(sw.window, id);

const trendOf = (sw: ScopeWindow, id: string) => trendOfHistory(id, historyOf(sw, id));

const slotOf = (sw: ScopeWindow, p: BoardProject, w = -1): Slot => {
  const slots = sw.lens.slots(ruleOf(sw.structure, p.officeId));
  return slots[w < 0 ? slots.length + w : w]!;
};

/** Projects red overall or with a red dimension in the period, worst first. */
export function attentionOf(sw: ScopeWindow): { project: BoardProject; overall: RagRating; red: string[] }[] {
  const out: { project: BoardProject; overall: RagRating; red: string[] }[] = [];
  for (const [i, p] of sw.projects.entries()) {
    const status = sw.window.now[i]?.status;
    if (!status) continue;
    const red = RAG_DIMENSIONS.filter((d) => status.dimensions[d] === 'red');
    if (status.overall === 'red' || red.length > 0) out.push({ project: p, overall: status.overall, red });
  }
  return out.sort(
    (a, b) =>
      SCORE[b.overall] - SCORE[a.overall] ||
      b.red.length - a.red.length ||
      a.project.code.localeCompare(b.project.code),
  );
}

/** The reasons of the reports behind some attention entries (their latest report of the period). */
export async function attentionEntries(
  ctx: Ctx,
  sw: ScopeWindow,
  shown: ReturnType<typeof attentionOf>,
): Promise<Attention[]> {
  if (shown.length === 0) return [];
  const starts = shown.map((a) => isoDay(slotOf(sw, a.project).start));
  const rows = (
    await ctx.db.execute(sql`
      select r.id, r.project_id, r.overall_rag, r.overall_suggested, r.overall_justification, r.dimensions
      from status_reports r
      join unnest(${sql.param(shown.map((a) => a.project.id))}::uuid[], ${sql.param(starts)}::date[]) as k(p, s)
        on r.project_id = k.p and r.period_start = k.s
      where r.state = 'submitted' and r.archived_at is null`)
  ).rows as Record<string, unknown>[];
  const byProject = new Map(rows.map((r) => [r.project_id as string, r]));
  return shown.map(({ project: p, overall, red }) => {
    const r = byProject.get(p.id);
    const reasons: Attention['reasons'] = [];
    if (r && String(r.overall_justification ?? '').trim())
      reasons.push({
        dimension: 'overall',
        rag: overall,
        text: String(r.overall_justification),
        justified: true,
      });
    const dims = (r?.dimensions ?? {}) as Record<
      string,
      { rag?: RagRating; justification?: string; reasons?: { message?: string; rag?: string }[] }
    >;
    for (const d of red) {
      const dim = dims[d];
      if (dim?.justification?.trim())
        reasons.push({ dimension: d as never, rag: 'red', text: dim.justification, justified: true });
      for (const reason of (dim?.reasons ?? []).filter((x) => x.rag !== 'green').slice(0, 2))
        if (reason.message)
          reasons.push({
            dimension: d as never,
            rag: (reason.rag as RagRating) ?? 'red',
            text: reason.message,
            justified: false,
          });
    }
    return {
      projectId: p.id,
      code: p.code,
      name: p.name,
      overall,
      redDimensions: red as Attention['redDimensions'],
      reasons,
      reportId: (r?.id as string | undefined) ?? null,
      history: historyOf(sw, p.id),
      trend: trendOf(sw, p.id),
    };
  });
}

const LETTER_SCORE: Record<string, number> = { g: 1, a: 2, r: 3 };

/** Whether a report is worse than the one before, overall or in a dimension both rated. */
function worse(now: ReportLine, before: ReportLine): boolean {
  const a = LETTER_SCORE[now.letters[0]!];
  const b = LETTER_SCORE[before.letters[0]!];
  if (a !== undefined && b !== undefined && a > b) return true;
  for (let i = 1; i < now.letters.length; i++) {
    const x = LETTER_SCORE[now.letters[i]!];
    const y = LETTER_SCORE[before.letters[i]!];
    if (x !== undefined && y !== undefined && x > y) return true;
  }
  return false;
}

/**
 * Projects worse than their previous report, worst first (all of them; the caller shows the
 * first), ranked by the engine's `worstMovers`; only projects worse in some way are handed to it.
 */
export function moversOf(sw: ScopeWindow): Mover[] {
  const last = sw.window.codes.length - 1;
  const history: StatusHistoryEntry[] = [];
  const previous = new Map<string, ReportLine>();
  for (const [i, p] of sw.projects.entries()) {
    if (sw.window.now[i] === undefined) continue;
    const slot = slotOf(sw, p);
    const now = lineAt(p, slot);
    const before = now ? lineBefore(p, slot) : null;
    if (!now || !before || !worse(now, before)) continue;
    history.push({ projectId: p.id, periodIndex: last, status: ratingsOf(now) });
    history.push({ projectId: p.id, periodIndex: last - 1, status: ratingsOf(before) });
    previous.set(p.id, before);
  }
  const movers = worstMovers(history, last, { limit: Math.max(1, history.length) });
  if (!movers.ok) return [];
  const byId = new Map(sw.projects.map((p) => [p.id, p]));
  return movers.value.map((m) => {
    const p = byId.get(m.projectId)!;
    const before = previous.get(p.id)!;
    const key = periodOf(isoDay(before.start), ruleOf(sw.structure, p.officeId).cadence);
    return {
      projectId: p.id,
      code: p.code,
      name: p.name,
      from: m.from,
      to: m.to,
      fromPeriod: key.ok ? key.value.key : isoDay(before.start),
      worsened: m.worsened,
      history: historyOf(sw, p.id),
    };
  });
}

export interface ComplianceResult {
  counts: { onTime: number; filedLate: number; notDue: number; overdue: number; missing: number };
  late: (Omit<Late, 'manager'> & { managerId: string | null })[];
}

/**
 * Reporting compliance of the scope's projects for the roll-up's period (each on its own office's
 * cadence), as of today: filed late or overdue now, and missing — not filed for the period before
 * either, though that was due too.
 */
export function complianceOf(sw: ScopeWindow): ComplianceResult {
  const counts = { onTime: 0, filedLate: 0, notDue: 0, overdue: 0, missing: 0 };
  const lateOf = new Map<string, ComplianceResult['late'][number]>();
  const groups = new Map<OfficeRule, BoardProject[]>();
  for (const p of sw.projects) {
    const rule = ruleOf(sw.structure, p.officeId);
    const list = groups.get(rule);
    if (list) list.push(p);
    else groups.set(rule, [p]);
  }
  const asOf = isoDay(sw.asOf);
  for (const [rule, projects] of groups) {
    const slots = sw.lens.slots(rule);
    const slot = slots[slots.length - 1]!;
    const now = periodOf(isoDay(slot.start), rule.cadence);
    if (!now.ok) continue;
    const before = periodOf(isoDay(slot.start - 1), rule.cadence);
    // Reports filed by their due date are on time, whatever else: counted here; the engine
    // judges the rest (not filed, or filed after the due date).
    let onTime = 0;
    const run = (period: typeof now.value) => {
      const s: Slot = {
        start: dayFromIso(period.start),
        end: dayFromIso(period.end),
      };
      const lateAfter = s.end + rule.dueOffset;
      onTime = 0;
      const members = projects.filter((p) => {
        const line = lineAt(p, s);
        if (line && (line.submitted ?? line.end) <= lateAfter) {
          onTime++;
          return false;
        }
        return line !== null || required(p, s);
      });
      return reportingCompliance({
        period,
        rule: { cadence: rule.cadence, dueOffsetDays: rule.dueOffset },
        asOf,
        projects: members.map((p) => ({ id: p.id })),
        reports: members.flatMap((p) => {
          const line = lineAt(p, s);
          return line ? [{ projectId: p.id, submittedOn: isoDay(line.submitted ?? line.end) }] : [];
        }),
      });
    };
    const c = run(now.value);
    if (!c.ok) continue;
    counts.onTime += c.value.counts['on-time'] + onTime;
    counts.filedLate += c.value.counts['filed-late'];
    counts.notDue += c.value.counts['not-due'];
    counts.overdue += c.value.counts.overdue;
    const byId = new Map(projects.map((p) => [p.id, p]));
    const entry = (id: string, state: Late['state'], daysLate: number | null, due: string) => {
      const p = byId.get(id)!;
      // Missing twice running says more than overdue now: one line per project.
      if (lateOf.has(id) && state !== 'missing') return;
      lateOf.set(id, {
        projectId: id,
        code: p.code,
        name: p.name,
        managerId: p.managerId,
        due,
        state,
        daysLate,
      });
    };
    for (const x of c.value.projects)
      if (x.state === 'filed-late' || x.state === 'overdue')
        entry(x.projectId, x.state, x.daysLate, c.value.deadline.due);
    const prev = before.ok ? run(before.value) : null;
    if (prev?.ok) {
      counts.missing += prev.value.counts.missing;
      for (const x of prev.value.projects)
        if (x.state === 'missing') entry(x.projectId, 'missing', x.daysLate, prev.value.deadline.due);
    }
  }
  const late = [...lateOf.values()];
  const order = { missing: 0, overdue: 1, 'filed-late': 2 };
  late.sort(
    (a, b) =>
      order[a.state] - order[b.state] ||
      (b.daysLate ?? 0) - (a.daysLate ?? 0) ||
      a.code.localeCompare(b.code),
  );
  return { counts, late };
}
