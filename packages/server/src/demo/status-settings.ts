/*
 * How the demo's offices run status reporting, and the methodology's RAG limits per project type.
 * The strategic office sets the Group default (weekly, due the Monday after, worst-of roll-up);
 * the energy program office reports fortnightly and rolls up by budget, and its project office
 * inherits that. Capital and research projects have limits of their own.
 */
import {
  periodsBetween,
  type RagThresholds,
  type RagThresholdsInput,
  type ReportingCadence,
  resolveRagThresholds,
} from '@pharos/engine';
import type { officeStatusSettings, ragThresholds } from '../db/schema/index';
import { dayOf, type HistoryContext, isoOf } from './history-parts';
import type { Window } from './history-story';

export type SettingsRow = typeof officeStatusSettings.$inferInsert;
export type ThresholdsRow = typeof ragThresholds.$inferInsert;

/** The Monday the fortnightly periods count from. */
export const BIWEEKLY_ANCHOR = '2025-01-06';

export function statusSettings(ctx: HistoryContext, weeklyOnly = false): SettingsRow[] {
  const rows: SettingsRow[] = [
    {
      officeId: ctx.strategic.id,
      cadence: { kind: 'weekly' },
      dueDaysAfterPeriod: 1,
      reminderDaysBefore: [1, 0],
      rollup: { method: 'worst' },
    },
  ];
  const energy = ctx.org.offices.find((o) => o.code === 'PGO-INF');
  if (energy)
    rows.push({
      officeId: energy.id,
      cadence: weeklyOnly ? { kind: 'weekly' } : { kind: 'biweekly', anchor: BIWEEKLY_ANCHOR },
      dueDaysAfterPeriod: weeklyOnly ? 1 : 2,
      reminderDaysBefore: [2, 0],
      rollup: { method: 'weighted', by: 'budget' },
    });
  return rows;
}

/** What a project type stores, over the engine's defaults. */
const TYPE_LIMITS: Record<string, RagThresholdsInput> = {
  // Capital projects: longer schedules tolerate more finish variance; no software defects.
  INFRA: {
    schedule: { finishVarianceDays: { amber: 14, red: 45 } },
    quality: { criticalDefects: null },
  },
  // Research: go/no-go work where SPI means little and scope moves on purpose.
  RND: {
    schedule: { spi: null },
    scope: { approvedChanges: { amber: 4, red: 8 } },
  },
};

export function thresholdRows(ctx: HistoryContext): ThresholdsRow[] {
  return ctx.org.projectTypes
    .filter((t) => TYPE_LIMITS[t.code])
    .map((t) => ({ projectTypeId: t.id, thresholds: TYPE_LIMITS[t.code] as Record<string, unknown> }));
}

/** The resolved limits of a project type (the defaults when it stores none). */
export function thresholdsOf(typeCode: string): RagThresholds {
  const resolved = resolveRagThresholds(TYPE_LIMITS[typeCode] ?? {});
  if (!resolved.ok) throw new Error(`demo thresholds of ${typeCode}: ${resolved.error.message}`);
  return resolved.value;
}

export interface Cadence {
  kind: ReportingCadence['kind'];
  dueDays: number;
  /** The periods of the window, oldest first: first and last day. */
  periods: { start: number; end: number }[];
}

/** The cadence each office reports at: its own row, else its parent's, else weekly. */
export function cadences(ctx: HistoryContext, settings: SettingsRow[], win: Window) {
  const byOffice = new Map(settings.map((s) => [s.officeId, s]));
  const built = new Map<string, Cadence>();
  const periodsOf = (cadence: ReportingCadence, dueDays: number): Cadence => {
    const list = periodsBetween(isoOf(win.first), isoOf(win.today), cadence);
    if (!list.ok) throw new Error(list.error.message);
    return {
      kind: cadence.kind,
      dueDays,
      periods: list.value.map((p) => ({ start: dayOf(p.start), end: dayOf(p.end) })),
    };
  };
  return (officeId: string): Cadence => {
    let c = built.get(officeId);
    if (c) return c;
    const own = ctx
      .chainOf(officeId)
      .map((id) => byOffice.get(id))
      .find((s) => s !== undefined);
    const cadence = (own?.cadence ?? { kind: 'weekly' }) as ReportingCadence;
    c = periodsOf(cadence, own?.dueDaysAfterPeriod ?? 1);
    built.set(officeId, c);
    return c;
  };
}
