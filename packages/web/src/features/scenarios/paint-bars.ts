import type { ScenarioBodyT } from '@pharos/api';
import { calendarMonth } from './scenario-format';
import {
  type Axis,
  BAR_H,
  FONT,
  FONT_BOLD,
  FONT_SMALL,
  HEADER,
  LABEL_W,
  monthAt,
  type PlanPalette,
  ROW,
  xOf,
} from './timeline-geometry';

/** What the bars canvas shows: the selected candidates, one row each, over the horizon's months. */
export interface BarsScene {
  body: ScenarioBodyT;
  starts: readonly (number | null)[];
  /** Candidate index of each row. */
  rows: readonly number[];
  axis: Axis;
  width: number;
  height: number;
  scrollTop: number;
  palette: PlanPalette;
  /** The candidate being dragged (its start window is shaded) and the one picked. */
  dragging: number | null;
  picked: number | null;
  /** Months where some role is overloaded (1) — marked in the header. */
  overMonths: Uint8Array;
  /** Row labels already cut to fit, by candidate index. */
  labels: (string | undefined)[];
  valueText: (i: number) => string;
}

const short = new Intl.DateTimeFormat(undefined, { month: 'narrow', timeZone: 'UTC' });
const letters = Array.from({ length: 12 }, (_, m) => short.format(new Date(Date.UTC(2000, m, 1))));

/** A label cut with an ellipsis to fit `max` pixels (measured once per candidate and width). */
export function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function paintGrid(ctx: CanvasRenderingContext2D, s: BarsScene, top: number, bottom: number) {
  const { axis, palette, body } = s;
  for (let m = 0; m <= axis.months; m++) {
    const [, mo] = calendarMonth(body.horizon, m);
    const yearStart = mo === 0 || m === 0 || m === axis.months;
    if (!yearStart && axis.monthW < 9) continue;
    ctx.fillStyle = yearStart ? palette.yearLine : palette.grid;
    ctx.fillRect(Math.round(xOf(axis, m)), top, 1, bottom - top);
  }
}

function paintHeader(ctx: CanvasRenderingContext2D, s: BarsScene) {
  const { axis, palette, body, width } = s;
  ctx.fillStyle = palette.header;
  ctx.fillRect(0, 0, width, HEADER);
  ctx.fillStyle = palette.line;
  ctx.fillRect(0, HEADER - 1, width, 1);
  ctx.fillRect(LABEL_W - 1, 0, 1, HEADER);
  ctx.font = FONT_BOLD;
  ctx.fillStyle = palette.headerText;
  ctx.textBaseline = 'middle';
  ctx.fillText('Candidate', 12, HEADER / 2 + 6);
  ctx.textAlign = 'right';
  ctx.fillText('Value', LABEL_W - 10, HEADER / 2 + 6);
  ctx.textAlign = 'left';
  for (let m = 0; m < axis.months; m++) {
    const [y, mo] = calendarMonth(body.horizon, m);
    const x = xOf(axis, m);
    if (mo === 0 || m === 0) {
      ctx.fillStyle = palette.yearLine;
      ctx.fillRect(Math.round(x), 0, 1, HEADER);
      ctx.font = FONT_BOLD;
      ctx.fillStyle = palette.headerText;
      // the year's name where its part of the horizon has room for it
      const span = Math.min(12 - mo, axis.months - m) * axis.monthW;
      if (span >= 34) ctx.fillText(String(y), x + 5, 11);
    }
    if (axis.monthW >= 11) {
      ctx.font = FONT_SMALL;
      ctx.fillStyle = palette.textDim;
      ctx.textAlign = 'center';
      ctx.fillText(letters[mo] ?? '', x + axis.monthW / 2, 29);
      ctx.textAlign = 'left';
    }
    if (s.overMonths[m]) {
      ctx.fillStyle = palette.over;
      ctx.fillRect(x + 1, HEADER - 4, Math.max(1, axis.monthW - 2), 3);
    }
  }
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.min(r, w / 2));
}

/** Paints the rows in view: labels and values on the left, bars over the months, the header on top. */
export function paintBars(ctx: CanvasRenderingContext2D, s: BarsScene) {
  const { axis, palette, width, height, scrollTop, rows, body } = s;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  const first = Math.max(0, Math.floor(scrollTop / ROW));
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + height - HEADER) / ROW));
  for (let r = first; r <= last; r++) {
    const y = HEADER + r * ROW - scrollTop;
    const i = rows[r]!;
    if (r % 2 === 1) {
      ctx.fillStyle = palette.rowAlt;
      ctx.fillRect(0, y, width, ROW);
    }
    if (i === s.picked || i === s.dragging) {
      ctx.fillStyle = palette.selection;
      ctx.fillRect(0, y, width, ROW);
    }
  }
  paintGrid(ctx, s, HEADER, height);
  ctx.fillStyle = palette.line;
  ctx.fillRect(LABEL_W - 1, HEADER, 1, height - HEADER);
  ctx.textBaseline = 'middle';
  for (let r = first; r <= last; r++) {
    const i = rows[r]!;
    const c = body.candidates[i]!;
    const start = s.starts[i];
    const y = HEADER + r * ROW - scrollTop;
    const mid = y + ROW / 2;
    ctx.font = FONT;
    ctx.fillStyle = palette.text;
    ctx.fillText(s.labels[i] ?? c.name, 12, mid);
    ctx.fillStyle = palette.textDim;
    ctx.textAlign = 'right';
    ctx.fillText(s.valueText(i), LABEL_W - 10, mid);
    ctx.textAlign = 'left';
    if (start === null || start === undefined) continue;
    if (i === s.dragging && c.shiftable) {
      const wx = xOf(axis, Math.max(0, c.earliestStart));
      const wEnd = xOf(axis, Math.min(axis.months, c.latestStart + c.duration));
      ctx.fillStyle = palette.window;
      ctx.fillRect(wx, y + 2, wEnd - wx, ROW - 4);
    }
    const x = xOf(axis, start);
    const end = Math.min(axis.months, start + c.duration);
    const w = Math.max(3, xOf(axis, end) - x - 1);
    const by = mid - BAR_H / 2;
    const project = c.kind === 'project';
    roundRect(ctx, x + 0.5, by, w, BAR_H, 3);
    ctx.fillStyle = project ? palette.project : palette.proposal;
    ctx.fill();
    if (!c.shiftable || c.fixed === 'in') {
      ctx.lineWidth = 2;
      ctx.strokeStyle = palette.fixedEdge;
      ctx.stroke();
      ctx.lineWidth = 1;
    }
    if (start + c.duration > axis.months) {
      // runs past the horizon: a chevron at the right edge
      ctx.fillStyle = palette.onBar;
      const ex = x + w - 7;
      ctx.beginPath();
      ctx.moveTo(ex, mid - 4);
      ctx.lineTo(ex + 4, mid);
      ctx.lineTo(ex, mid + 4);
      ctx.fill();
    }
    if (c.mustDo) {
      ctx.fillStyle = palette.over;
      ctx.beginPath();
      ctx.moveTo(x - 6, mid);
      ctx.lineTo(x - 2.5, mid - 4);
      ctx.lineTo(x + 1, mid);
      ctx.lineTo(x - 2.5, mid + 4);
      ctx.fill();
    }
    if (w > 60) {
      ctx.font = FONT_SMALL;
      ctx.fillStyle = palette.onBar;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x + 4, by, w - 12, BAR_H);
      ctx.clip();
      ctx.fillText(c.id, x + 6, mid + 0.5);
      ctx.restore();
    }
  }
  paintHeader(ctx, s);
}

/** The row and candidate under a point of the canvas (y in canvas pixels), or null. */
export function rowAt(s: { rows: readonly number[]; scrollTop: number }, y: number): number | null {
  if (y < HEADER) return null;
  const r = Math.floor((y - HEADER + s.scrollTop) / ROW);
  return r >= 0 && r < s.rows.length ? r : null;
}

/** Whether x is on candidate i's bar (with a few pixels of slack). */
export function onBar(s: BarsScene, i: number, x: number): boolean {
  const c = s.body.candidates[i];
  const start = s.starts[i];
  if (!c || start === null || start === undefined) return false;
  const m = monthAt(s.axis, x);
  return m >= start - 0.3 && m <= Math.min(s.axis.months, start + c.duration) + 0.3;
}
