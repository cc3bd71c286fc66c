import { type GanttModel, type GanttView, MILESTONE, SUMMARY } from './gantt-model';
import { type Axis, toX } from './time-scale';

export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 48;
/** Link handles sit this far outside a bar's ends. */
export const HANDLE_GAP = 9;

/** Where a task's bar is drawn within its row (CSS pixels, relative to the row's top). */
export function barBox(withBaseline: boolean) {
  return withBaseline
    ? { top: 5, height: 12, baseTop: 20, baseHeight: 5 }
    : { top: 7, height: 14, baseTop: 0, baseHeight: 0 };
}

export const isMilestone = (m: GanttModel, i: number) =>
  (m.flags[i]! & MILESTONE) !== 0 || (!(m.flags[i]! & SUMMARY) && m.finish[i] === m.start[i]);

/** What is under the pointer on the bars canvas. */
export type Hit =
  | { kind: 'bar' | 'resize' | 'link-start' | 'link-finish'; index: number; row: number }
  | { kind: 'row'; index: number; row: number }
  | { kind: 'none' };

/** Hit-tests content coordinates (x from the axis origin, y from the first row's top). */
export function hitTest(m: GanttModel, v: GanttView, axis: Axis, x: number, y: number): Hit {
  const row = Math.floor(y / ROW_HEIGHT);
  if (row < 0 || row >= v.rows.length) return { kind: 'none' };
  const index = v.rows[row]!;
  const s = m.start[index]!;
  const f = m.finish[index]!;
  if (Number.isNaN(s) || Number.isNaN(f)) return { kind: 'row', index, row };
  let x1 = toX(axis, s);
  let x2 = toX(axis, f);
  if (isMilestone(m, index)) {
    x1 -= 7;
    x2 += 7;
  }
  const summary = (m.flags[index]! & SUMMARY) !== 0;
  if (!summary) {
    if (x >= x1 - HANDLE_GAP - 5 && x < x1 - 1) return { kind: 'link-start', index, row };
    if (x > x2 + 1 && x <= x2 + HANDLE_GAP + 5) return { kind: 'link-finish', index, row };
    if (!isMilestone(m, index) && x >= Math.max(x1 + 4, x2 - 6) && x <= x2 + 1)
      return { kind: 'resize', index, row };
  }
  if (x >= x1 && x <= x2) return { kind: 'bar', index, row };
  return { kind: 'row', index, row };
}
