import { barBox, isMilestone, ROW_HEIGHT } from './gantt-geometry';
import { CRITICAL, type GanttModel, type GanttView } from './gantt-model';
import type { Palette } from './gantt-palette';
import { type Axis, toX } from './time-scale';

const GAP = 8;

/**
 * Dependency arrows for the links that cross the visible rows, routed as schedulers draw them:
 * FS from a bar's end down into its successor's start (or around it when the successor starts
 * first), SS around the left ends, FF around the right ends, SF from start back to finish.
 */
export function paintLinks(
  ctx: CanvasRenderingContext2D,
  m: GanttModel,
  v: GanttView,
  axis: Axis,
  scrollX: number,
  first: number,
  last: number,
  critical: boolean,
  withBaseline: boolean,
  dpr: number,
  p: Palette,
) {
  const box = barBox(withBaseline);
  const mid = box.top + box.height / 2;
  const snap = (n: number) => (Math.round(n * dpr) + 0.5) / dpr;
  ctx.lineWidth = 1 / dpr;
  for (let pass = 0; pass < (critical ? 2 : 1); pass++) {
    const color = pass === 0 ? p.link : p.linkCritical;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.beginPath();
    const heads: number[] = [];
    for (let k = 0; k < m.linkFrom.length; k++) {
      const a = m.linkFrom[k]!;
      const b = m.linkTo[k]!;
      const ra = v.rowOf[a]!;
      const rb = v.rowOf[b]!;
      if (ra < 0 || rb < 0) continue;
      if ((ra < first && rb < first) || (ra > last && rb > last)) continue;
      const isCritical = critical && (m.flags[a]! & CRITICAL) !== 0 && (m.flags[b]! & CRITICAL) !== 0;
      if (isCritical !== (pass === 1)) continue;
      const type = m.linkType[k]!;
      const fromFinish = type === 0 || type === 2;
      const toStart = type === 0 || type === 1;
      const ma = isMilestone(m, a) ? 6 : 0;
      const mb = isMilestone(m, b) ? 6 : 0;
      const x1 = toX(axis, fromFinish ? m.finish[a]! : m.start[a]!) - scrollX + (fromFinish ? ma : -ma);
      const x2 = toX(axis, toStart ? m.start[b]! : m.finish[b]!) - scrollX + (toStart ? -mb : mb);
      if (Number.isNaN(x1) || Number.isNaN(x2)) continue;
      const y1 = snap(ra * ROW_HEIGHT + mid);
      const y2 = snap(rb * ROW_HEIGHT + mid);
      const down = rb >= ra;
      const between = snap((down ? rb : rb + 1) * ROW_HEIGHT);
      if (type === 0 && x2 >= x1 + GAP && rb !== ra) {
        // Down (or up) into the successor's start.
        const xv = snap(x2 + 4);
        const yEnd = rb * ROW_HEIGHT + (down ? box.top : box.top + box.height);
        ctx.moveTo(snap(x1), y1);
        ctx.lineTo(xv, y1);
        ctx.lineTo(xv, yEnd - (down ? 4 : -4));
        heads.push(xv, yEnd, down ? 2 : 3);
      } else if (toStart) {
        const xo = snap(type === 1 ? Math.min(x1, x2) - GAP : x1 + GAP);
        const xi = snap(x2 - GAP);
        ctx.moveTo(snap(x1), y1);
        ctx.lineTo(xo, y1);
        if (type === 1) {
          ctx.lineTo(xo, y2);
        } else {
          ctx.lineTo(xo, between);
          ctx.lineTo(xi, between);
          ctx.lineTo(xi, y2);
        }
        ctx.lineTo(snap(x2) - 4, y2);
        heads.push(x2, y2, 0);
      } else {
        const xo = snap(type === 2 ? Math.max(x1, x2) + GAP : x1 - GAP);
        const xi = snap(x2 + GAP);
        ctx.moveTo(snap(x1), y1);
        ctx.lineTo(xo, y1);
        if (type === 2) {
          ctx.lineTo(xo, y2);
        } else {
          ctx.lineTo(xo, between);
          ctx.lineTo(xi, between);
          ctx.lineTo(xi, y2);
        }
        ctx.lineTo(snap(x2) + 4, y2);
        heads.push(x2, y2, 1);
      }
    }
    ctx.stroke();
    ctx.beginPath();
    for (let h = 0; h < heads.length; h += 3) arrowHead(ctx, heads[h]!, heads[h + 1]!, heads[h + 2]!);
    ctx.fill();
  }
}

/** A small filled triangle pointing right (0), left (1), down (2) or up (3) with its tip at (x, y). */
function arrowHead(ctx: CanvasRenderingContext2D, x: number, y: number, dir: number) {
  const s = 4.5;
  ctx.moveTo(x, y);
  if (dir === 0) {
    ctx.lineTo(x - s, y - s * 0.8);
    ctx.lineTo(x - s, y + s * 0.8);
  } else if (dir === 1) {
    ctx.lineTo(x + s, y - s * 0.8);
    ctx.lineTo(x + s, y + s * 0.8);
  } else if (dir === 2) {
    ctx.lineTo(x - s * 0.8, y - s);
    ctx.lineTo(x + s * 0.8, y - s);
  } else {
    ctx.lineTo(x - s * 0.8, y + s);
    ctx.lineTo(x + s * 0.8, y + s);
  }
  ctx.closePath();
}
