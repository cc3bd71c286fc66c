import { barBox, isMilestone, ROW_HEIGHT } from './gantt-geometry';
import { baselineDates, CRITICAL, type GanttModel, type GanttView, SUMMARY } from './gantt-model';
import type { Palette } from './gantt-palette';
import { paintLinks } from './paint-links';
import { MINUTES_PER_DAY } from './plan-time';
import { type Axis, floorUnit, nextUnit, tiersFor, toX } from './time-scale';

/** Everything one frame of the bars depends on. */
export interface BodyFrame {
  model: GanttModel;
  view: GanttView;
  axis: Axis;
  pxPerDay: number;
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
  dpr: number;
  palette: Palette;
  font: string;
  critical: boolean;
  baseline: number | null;
  today: number;
  statusDate: number;
  selectedRow: number;
  hoverRow: number;
  /** A gesture in progress: a moved or resized bar, or a link being drawn. */
  preview: Preview | null;
}

export type Preview =
  | { kind: 'move' | 'resize'; index: number; start: number; finish: number }
  | { kind: 'link'; index: number; fromFinish: boolean; x: number; y: number; target: number };

export function paintBody(ctx: CanvasRenderingContext2D, f: BodyFrame) {
  const { model: m, view: v, axis, palette: p, dpr, scrollX, scrollY } = f;
  const line = (x: number) => (Math.round(x * dpr) + 0.5) / dpr;
  const snap = (x: number) => Math.round(x * dpr) / dpr;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, f.width, f.height);
  const first = Math.max(0, Math.floor(scrollY / ROW_HEIGHT));
  const last = Math.min(v.rows.length - 1, Math.floor((scrollY + f.height) / ROW_HEIGHT));
  const t0 = axis.origin + scrollX / axis.pxPerMinute;
  const t1 = t0 + f.width / axis.pxPerMinute;

  // Days off, shaded while days are wide enough to see.
  if (f.pxPerDay >= 4) {
    ctx.fillStyle = p.nonWorking;
    for (let d = floorUnit(t0, 'day'); d < t1; d += MINUTES_PER_DAY) {
      const weekday = (Math.floor(d / MINUTES_PER_DAY) + 4) % 7;
      if (m.workdays[weekday]) continue;
      const x = snap(toX(axis, d) - scrollX);
      ctx.fillRect(x, 0, snap(f.pxPerDay), f.height);
    }
  }
  ctx.translate(0, -scrollY);
  for (const [row, color] of [
    [f.hoverRow, p.rowLine],
    [f.selectedRow, p.selection],
  ] as const)
    if (row >= first && row <= last) {
      ctx.fillStyle = color;
      ctx.fillRect(0, row * ROW_HEIGHT, f.width, ROW_HEIGHT);
    }

  // Grid: a line per unit of the scale's lower tier, a hairline under every row.
  ctx.lineWidth = 1 / dpr;
  ctx.strokeStyle = p.gridLine;
  ctx.beginPath();
  const unit = tiersFor(f.pxPerDay).bottom;
  for (let t = floorUnit(t0, unit); t < t1; t = nextUnit(t, unit)) {
    const x = line(toX(axis, t) - scrollX);
    ctx.moveTo(x, scrollY);
    ctx.lineTo(x, scrollY + f.height);
  }
  ctx.stroke();
  ctx.strokeStyle = p.rowLine;
  ctx.beginPath();
  for (let r = first; r <= last + 1; r++) {
    const y = line(r * ROW_HEIGHT);
    ctx.moveTo(0, y);
    ctx.lineTo(f.width, y);
  }
  ctx.stroke();

  paintLinks(ctx, m, v, axis, scrollX, first, last, f.critical, f.baseline !== null, dpr, p);
  paintBars(ctx, f, first, last);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

  // The status date and today, over everything.
  const marks: [number, string, number[]][] = [
    [f.statusDate, p.status, [6, 3]],
    [f.today, p.today, []],
  ];
  for (const [t, color, dash] of marks) {
    if (Number.isNaN(t) || t < t0 || t > t1) continue;
    const x = line(toX(axis, t) - scrollX);
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, f.height);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (f.preview?.kind === 'link') paintLinkPreview(ctx, f);
}

function paintBars(ctx: CanvasRenderingContext2D, f: BodyFrame, first: number, last: number) {
  const { model: m, view: v, axis, palette: p, dpr, scrollX } = f;
  const snap = (x: number) => Math.round(x * dpr) / dpr;
  const box = barBox(f.baseline !== null);
  const base = f.baseline === null ? null : baselineDates(m, f.baseline);
  ctx.font = f.font;
  ctx.textBaseline = 'middle';
  for (let r = first; r <= last; r++) {
    const i = v.rows[r]!;
    let s = m.start[i]!;
    let e = m.finish[i]!;
    const pv = f.preview;
    const moving = pv !== null && pv.kind !== 'link' && pv.index === i;
    if (moving) {
      s = pv.start;
      e = pv.finish;
    }
    if (Number.isNaN(s) || Number.isNaN(e)) continue;
    const y = r * ROW_HEIGHT;
    const x1 = snap(toX(axis, s) - scrollX);
    const x2 = snap(toX(axis, e) - scrollX);
    if (base && !Number.isNaN(base.start[i]!)) {
      const b1 = snap(toX(axis, base.start[i]!) - scrollX);
      const b2 = snap(toX(axis, base.finish[i]!) - scrollX);
      ctx.fillStyle = p.baseline;
      if (b2 - b1 < 1) diamond(ctx, b1, y + box.baseTop + box.baseHeight / 2, 4);
      else ctx.fillRect(b1, y + box.baseTop, b2 - b1, box.baseHeight);
    }
    const critical = f.critical && (m.flags[i]! & CRITICAL) !== 0;
    const top = y + box.top;
    const h = box.height;
    let labelX = x2 + 6;
    if (m.flags[i]! & SUMMARY) {
      ctx.fillStyle = p.summary;
      ctx.fillRect(x1, top + 1, Math.max(1, x2 - x1), 5);
      // MS Project's summary: a thin bar whose ends turn down into points.
      const tab = Math.min(6, Math.max(2, (x2 - x1) / 2));
      for (const [x, dir] of [
        [x1, 1],
        [x2, -1],
      ] as const) {
        ctx.beginPath();
        ctx.moveTo(x, top + 1);
        ctx.lineTo(x + dir * tab, top + 1);
        ctx.lineTo(x + dir * tab, top + 6);
        ctx.lineTo(x, top + h - 1);
        ctx.closePath();
        ctx.fill();
      }
    } else if (isMilestone(m, i)) {
      ctx.fillStyle = critical ? p.criticalBorder : p.milestone;
      diamond(ctx, x1, top + h / 2, 7);
      labelX = x1 + 12;
    } else {
      const w = Math.max(2, x2 - x1);
      ctx.fillStyle = critical ? p.critical : p.bar;
      ctx.fillRect(x1, top, w, h);
      const done = m.pct[i]! / 100;
      if (done > 0) {
        ctx.fillStyle = critical ? p.criticalProgress : p.barProgress;
        ctx.fillRect(x1, top + h / 2 - 2, snap(w * done), 4);
      }
      ctx.strokeStyle = critical ? p.criticalBorder : p.barBorder;
      ctx.lineWidth = 1 / dpr;
      ctx.strokeRect(x1 + 0.5 / dpr, top + 0.5 / dpr, w - 1 / dpr, h - 1 / dpr);
      if (moving) {
        ctx.strokeStyle = p.preview;
        ctx.lineWidth = 2;
        ctx.setLineDash([4, 2]);
        ctx.strokeRect(x1 - 1, top - 1, w + 2, h + 2);
        ctx.setLineDash([]);
      }
    }
    if (r === f.hoverRow && !(m.flags[i]! & SUMMARY) && !pv) {
      // Link handles: drag one onto another bar to link.
      ctx.fillStyle = p.background;
      ctx.strokeStyle = p.barBorder;
      ctx.lineWidth = 1;
      const ms = isMilestone(m, i) ? 7 : 0;
      for (const hx of [x1 - ms - 6, x2 + ms + 6]) {
        ctx.beginPath();
        ctx.arc(hx, top + h / 2, 3.5, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
      labelX += 8;
    }
    if (f.pxPerDay >= 1) {
      ctx.fillStyle = m.flags[i]! & SUMMARY ? p.text : p.textDim;
      const name = m.tasks[i]!.name;
      if (labelX < f.width && name) ctx.fillText(name, labelX, top + h / 2 + 0.5);
    }
  }
}

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
  ctx.fill();
}

function paintLinkPreview(ctx: CanvasRenderingContext2D, f: BodyFrame) {
  const pv = f.preview;
  if (pv?.kind !== 'link') return;
  const { model: m, axis, scrollX, scrollY, palette: p } = f;
  const r = f.view.rowOf[pv.index]!;
  const box = barBox(f.baseline !== null);
  const x = toX(axis, pv.fromFinish ? m.finish[pv.index]! : m.start[pv.index]!) - scrollX;
  const y = r * ROW_HEIGHT + box.top + box.height / 2 - scrollY;
  ctx.strokeStyle = p.preview;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([5, 3]);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(pv.x, pv.y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = p.preview;
  ctx.beginPath();
  ctx.arc(pv.x, pv.y, 3, 0, Math.PI * 2);
  ctx.fill();
  if (pv.target >= 0) {
    const tr = f.view.rowOf[pv.target]!;
    ctx.strokeStyle = p.preview;
    ctx.lineWidth = 2;
    ctx.strokeRect(1, tr * ROW_HEIGHT - scrollY + 1, f.width - 2, ROW_HEIGHT - 2);
  }
}
