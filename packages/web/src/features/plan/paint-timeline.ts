import type { Timeline } from '@pharos/api';
import type { z } from 'zod';
import { HEADER_HEIGHT } from './gantt-geometry';
import type { Palette } from './gantt-palette';
import { paintHeader } from './paint-header';
import { MINUTES_PER_DAY, nowMinutes, toMinutes } from './plan-time';
import { type Axis, toX } from './time-scale';

export type TimelineItems = z.infer<typeof Timeline>['items'];
export const TIMELINE_ROW = 36;

/** The span the timeline shows: every project's dates and its baseline, with a little room. */
export function timelineAxis(items: TimelineItems, width: number): { axis: Axis; pxPerDay: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const it of items)
    for (const d of [
      it.start,
      it.finish,
      it.baselineFinish,
      ...it.milestones.flatMap((m) => [m.date, m.baseline]),
    ]) {
      const t = toMinutes(d);
      if (Number.isNaN(t)) continue;
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
  if (!Number.isFinite(lo)) {
    lo = nowMinutes();
    hi = lo + 365 * MINUTES_PER_DAY;
  }
  const pad = Math.max(14 * MINUTES_PER_DAY, (hi - lo) * 0.04);
  const span = hi - lo + 2 * pad;
  const pxPerMinute = Math.max(1, width) / span;
  return { axis: { origin: lo - pad, pxPerMinute }, pxPerDay: pxPerMinute * MINUTES_PER_DAY };
}

/** Projects as bars, milestones as diamonds (hollow grey where the baseline had them), slippage in red. */
export function paintTimeline(
  ctx: CanvasRenderingContext2D,
  items: TimelineItems,
  width: number,
  dpr: number,
  p: Palette,
  font: string,
) {
  const { axis, pxPerDay } = timelineAxis(items, width);
  paintHeader(ctx, axis, pxPerDay, 0, width, dpr, p, font);
  const snap = (x: number) => Math.round(x * dpr) / dpr;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  items.forEach((it, r) => {
    const y = HEADER_HEIGHT + r * TIMELINE_ROW;
    ctx.fillStyle = r % 2 ? p.background : p.headerBackground;
    ctx.fillRect(0, y, width, TIMELINE_ROW);
    const s = toMinutes(it.start);
    const f = toMinutes(it.finish);
    const bf = toMinutes(it.baselineFinish);
    const mid = y + TIMELINE_ROW / 2;
    if (!Number.isNaN(s) && !Number.isNaN(f)) {
      const x1 = snap(toX(axis, s));
      const x2 = snap(toX(axis, f));
      ctx.fillStyle = p.bar;
      ctx.fillRect(x1, mid - 6, Math.max(2, x2 - x1), 12);
      ctx.strokeStyle = p.barBorder;
      ctx.lineWidth = 1 / dpr;
      ctx.strokeRect(x1 + 0.5 / dpr, mid - 6 + 0.5 / dpr, Math.max(2, x2 - x1) - 1 / dpr, 12 - 1 / dpr);
      if (!Number.isNaN(bf)) {
        const xb = snap(toX(axis, bf));
        if (f > bf) {
          ctx.fillStyle = p.criticalBorder;
          ctx.fillRect(xb, mid + 8, x2 - xb, 3);
          const days = Math.round((f - bf) / MINUTES_PER_DAY);
          ctx.fillText(`+${days}d`, x2 + 6, mid + 10);
        }
        ctx.fillStyle = p.baseline;
        ctx.fillRect(xb - 1, mid - 10, 2, 20);
      }
    }
    for (const m of it.milestones) {
      const b = toMinutes(m.baseline);
      const t = toMinutes(m.date);
      if (!Number.isNaN(b) && b !== t) {
        ctx.strokeStyle = p.baseline;
        ctx.lineWidth = 1.5;
        diamondPath(ctx, toX(axis, b), mid, 6);
        ctx.stroke();
      }
      if (Number.isNaN(t)) continue;
      ctx.fillStyle = m.critical ? p.criticalBorder : m.percentComplete >= 100 ? p.status : p.milestone;
      diamondPath(ctx, toX(axis, t), mid, 6);
      ctx.fill();
    }
  });
  const today = nowMinutes();
  const xt = toX(axis, today);
  if (xt >= 0 && xt <= width) {
    ctx.strokeStyle = p.today;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(snap(xt), HEADER_HEIGHT);
    ctx.lineTo(snap(xt), HEADER_HEIGHT + items.length * TIMELINE_ROW);
    ctx.stroke();
  }
}

function diamondPath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
}
