import type { PlanUsage } from '@pharos/engine';
import {
  type Axis,
  FONT,
  FONT_BOLD,
  FONT_SMALL,
  LABEL_W,
  PANEL_GAP,
  PANEL_H,
  type PlanPalette,
  xOf,
} from './timeline-geometry';

/*
 * The histograms under the timeline, on the same month axis: per role, hours demanded per month
 * (bars; the part above capacity in red) against capacity (a step line); per budget line, spend per
 * budget year (a bar across the year's months) against its limit.
 */

export interface UsageScene {
  usage: PlanUsage;
  axis: Axis;
  width: number;
  palette: PlanPalette;
  yearStarts: readonly number[];
  /** The roles drawn (indices into usage.roles): those some candidate of the scenario needs. */
  roleRows: readonly number[];
  money: (minor: number) => string;
}

export const capacityHeight = (rows: number) => rows * (PANEL_H + PANEL_GAP) + PANEL_GAP;
export const budgetHeight = (u: PlanUsage) => u.lines.length * (PANEL_H + PANEL_GAP) + PANEL_GAP;

function frame(ctx: CanvasRenderingContext2D, s: UsageScene, y: number) {
  const { palette, axis, width } = s;
  ctx.fillStyle = palette.rowAlt;
  ctx.fillRect(LABEL_W, y, width - LABEL_W, PANEL_H);
  ctx.fillStyle = palette.grid;
  for (const m of s.yearStarts) ctx.fillRect(Math.round(xOf(axis, m)), y, 1, PANEL_H);
  ctx.fillStyle = palette.line;
  ctx.fillRect(LABEL_W, y + PANEL_H - 1, xOf(axis, axis.months) - LABEL_W, 1);
}

function panelLabel(
  ctx: CanvasRenderingContext2D,
  s: UsageScene,
  y: number,
  title: string,
  note: string,
  bad: boolean,
) {
  ctx.textBaseline = 'middle';
  ctx.font = FONT_BOLD;
  ctx.fillStyle = s.palette.text;
  ctx.fillText(title, 12, y + 18, LABEL_W - 24);
  ctx.font = FONT;
  ctx.fillStyle = bad ? s.palette.over : s.palette.textDim;
  ctx.fillText(note, 12, y + 38, LABEL_W - 24);
}

export function paintCapacity(ctx: CanvasRenderingContext2D, s: UsageScene) {
  const { usage, axis, palette, width } = s;
  const { months } = usage;
  const height = capacityHeight(s.roleRows.length);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  const bw = Math.max(1, axis.monthW - Math.min(3, axis.monthW * 0.25));
  s.roleRows.forEach((r, row) => {
    const role = usage.roles[r]!;
    const y = PANEL_GAP + row * (PANEL_H + PANEL_GAP);
    frame(ctx, s, y);
    let top = 0;
    let peak = 0;
    let over = 0;
    for (let m = 0; m < months; m++) {
      const d = usage.demand[r * months + m]!;
      const c = usage.capacity[r * months + m]!;
      top = Math.max(top, d, c);
      if (c > 0) peak = Math.max(peak, d / c);
      else if (d > 0) peak = Number.POSITIVE_INFINITY;
      if (d > c + 1e-6 * Math.max(1, c)) over++;
    }
    const k = top > 0 ? (PANEL_H - 8) / (top * 1.05) : 0;
    const base = y + PANEL_H - 1;
    for (let m = 0; m < months; m++) {
      const d = usage.demand[r * months + m]!;
      if (d <= 0) continue;
      const c = usage.capacity[r * months + m]!;
      const x = xOf(axis, m) + (axis.monthW - bw) / 2;
      const within = Math.min(d, c);
      ctx.fillStyle = palette.demand;
      ctx.fillRect(x, base - within * k, bw, within * k);
      if (d > c + 1e-6 * Math.max(1, c)) {
        ctx.fillStyle = palette.over;
        ctx.fillRect(x, base - d * k, bw, (d - within) * k);
      }
    }
    ctx.beginPath();
    for (let m = 0; m < months; m++) {
      const cy = base - usage.capacity[r * months + m]! * k;
      if (m === 0) ctx.moveTo(xOf(axis, 0), cy);
      else ctx.lineTo(xOf(axis, m), cy);
      ctx.lineTo(xOf(axis, m + 1), cy);
    }
    ctx.strokeStyle = palette.capacity;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.lineWidth = 1;
    const peakText = Number.isFinite(peak) ? `${Math.round(peak * 100)}%` : 'no capacity';
    const note =
      over > 0 ? `peak ${peakText} · ${over} month${over === 1 ? '' : 's'} over` : `peak ${peakText}`;
    panelLabel(ctx, s, y, role, note, over > 0);
  });
}

export function paintBudget(ctx: CanvasRenderingContext2D, s: UsageScene) {
  const { usage, axis, palette, width } = s;
  const { years } = usage;
  const height = budgetHeight(usage);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  usage.lines.forEach((line, l) => {
    const y = PANEL_GAP + l * (PANEL_H + PANEL_GAP);
    frame(ctx, s, y);
    let top = 0;
    let spent = 0;
    let overYears = 0;
    for (let k = 0; k < years; k++) {
      const sp = usage.spend[l * years + k]!;
      const lim = usage.limit[l * years + k]!;
      spent += sp;
      top = Math.max(top, sp, Number.isFinite(lim) ? lim : 0);
      if (sp > lim + 1e-6 * Math.max(1, lim)) overYears++;
    }
    const scale = top > 0 ? (PANEL_H - 20) / (top * 1.05) : 0;
    const base = y + PANEL_H - 1;
    for (let k = 0; k < years; k++) {
      const sp = usage.spend[l * years + k]!;
      const lim = usage.limit[l * years + k]!;
      const x1 = xOf(axis, k * 12) + 4;
      const x2 = xOf(axis, Math.min(axis.months, k * 12 + 12)) - 4;
      const over = sp > lim + 1e-6 * Math.max(1, lim);
      const within = Math.min(sp, lim);
      ctx.fillStyle = palette.spend;
      ctx.fillRect(x1, base - within * scale, x2 - x1, within * scale);
      if (over) {
        ctx.fillStyle = palette.over;
        ctx.fillRect(x1, base - sp * scale, x2 - x1, (sp - within) * scale);
      }
      if (Number.isFinite(lim)) {
        ctx.fillStyle = palette.limit;
        ctx.fillRect(x1 - 3, Math.round(base - lim * scale), x2 - x1 + 6, 2);
      }
      const label = Number.isFinite(lim) ? `${s.money(sp)} of ${s.money(lim)}` : `${s.money(sp)} · no limit`;
      ctx.font = FONT_SMALL;
      ctx.fillStyle = over ? palette.over : palette.text;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(label, (x1 + x2) / 2, y + 3, x2 - x1);
      ctx.textAlign = 'left';
    }
    panelLabel(
      ctx,
      s,
      y,
      line,
      overYears > 0
        ? `${overYears} year${overYears === 1 ? '' : 's'} over the limit`
        : `${s.money(spent)} in all`,
      overYears > 0,
    );
  });
}
