import type { ScenarioBodyT } from '@pharos/api';
import { type Scenario as EngineScenario, moveInUsage, type PlanUsage, planUsage } from '@pharos/engine';

/**
 * The plan being edited on the timeline, kept outside React so a drag repaints without a render:
 * a start month per candidate (null = out), its budget and capacity use, the rows shown (candidate
 * indices, in the order the plan had when loaded; candidates brought in are added at the end) and
 * the candidates moved by hand.
 */
export interface PlanState {
  body: ScenarioBodyT;
  starts: (number | null)[];
  usage: PlanUsage;
  rows: number[];
  touched: Set<number>;
}

/** The API's scenario body is the engine's scenario (the schema's defaults are filled in). */
export const engineScenario = (body: ScenarioBodyT): EngineScenario => body as EngineScenario;

export function initialPlanState(body: ScenarioBodyT, starts: readonly (number | null)[] | null): PlanState {
  const s = body.candidates.map((_, i) => starts?.[i] ?? null);
  const rows = s
    .map((v, i) => [v, i] as const)
    .filter(([v]) => v !== null)
    .sort((a, b) => a[0]! - b[0]! || (body.candidates[a[1]]!.name < body.candidates[b[1]]!.name ? -1 : 1))
    .map(([, i]) => i);
  return { body, starts: s, usage: planUsage(engineScenario(body), s), rows, touched: new Set() };
}

/** The months a candidate may start in: its window within the horizon, or its planned start only. */
export function startWindow(body: ScenarioBodyT, i: number): [number, number] {
  const c = body.candidates[i]!;
  const last = body.horizon.months - 1;
  if (!c.shiftable) return [c.plannedStart, c.plannedStart];
  return [Math.max(0, c.earliestStart), Math.min(last, c.latestStart)];
}

export function clampStart(body: ScenarioBodyT, i: number, m: number): number {
  const [lo, hi] = startWindow(body, i);
  return Math.max(lo, Math.min(hi, Math.round(m)));
}

/** Moves candidate i to start `to` (null: out of the plan), updating the usage incrementally. */
export function moveCandidate(st: PlanState, i: number, to: number | null): boolean {
  const from = st.starts[i] ?? null;
  if (from === to) return false;
  st.usage = moveInUsage(engineScenario(st.body), st.usage, i, from, to);
  st.starts[i] = to;
  st.touched.add(i);
  if (from === null) st.rows.push(i);
  else if (to === null) st.rows.splice(st.rows.indexOf(i), 1);
  return true;
}

/** Months in which any role is overloaded. */
export function overloadedMonths(u: PlanUsage): Uint8Array {
  const out = new Uint8Array(u.months);
  for (const o of u.overloads) out[o.month] = 1;
  return out;
}

/** The changed candidates pinned where they are now: fixed in, not shiftable, planned at their start. */
export function pinTouched(st: PlanState): ScenarioBodyT {
  return {
    ...st.body,
    candidates: st.body.candidates.map((c, i) => {
      const s = st.starts[i];
      if (!st.touched.has(i)) return c;
      if (s === null || s === undefined) return c.mustDo ? c : { ...c, fixed: 'out' as const };
      return {
        ...c,
        fixed: 'in' as const,
        shiftable: false,
        plannedStart: s,
        earliestStart: Math.min(c.earliestStart, s),
        latestStart: Math.max(c.latestStart, s),
      };
    }),
  };
}
