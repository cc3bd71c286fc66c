import { HEADER_HEIGHT } from './gantt-geometry';
import type { Palette } from './gantt-palette';
import { type Axis, floorUnit, nextUnit, type TimeUnit, tiersFor, toX, unitLabel } from './time-scale';

/** The two-tier time scale above the bars. */
export function paintHeader(
  ctx: CanvasRenderingContext2D,
  axis: Axis,
  pxPerDay: number,
  scrollX: number,
  width: number,
  dpr: number,
  p: Palette,
  font: string,
) {
  const line = (x: number) => (Math.round(x * dpr) + 0.5) / dpr;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = p.headerBackground;
  ctx.fillRect(0, 0, width, HEADER_HEIGHT);
  const tiers = tiersFor(pxPerDay);
  const half = HEADER_HEIGHT / 2;
  const t0 = axis.origin + scrollX / axis.pxPerMinute;
  const t1 = t0 + width / axis.pxPerMinute;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = p.headerText;
  ctx.strokeStyle = p.headerLine;
  ctx.lineWidth = 1 / dpr;
  const tier = (unit: TimeUnit, y: number, sticky: boolean) => {
    ctx.beginPath();
    for (let t = floorUnit(t0, unit); t < t1; ) {
      const next = nextUnit(t, unit);
      const x = toX(axis, t) - scrollX;
      const w = toX(axis, next) - scrollX - x;
      const label = unitLabel(t, unit, w);
      if (label) {
        const tw = ctx.measureText(label).width;
        if (sticky) {
          // The upper tier's label stays in view while its unit is.
          const lx = Math.min(Math.max(x + 6, 6), x + w - tw - 6);
          ctx.textAlign = 'left';
          ctx.fillText(label, lx, y + half / 2);
        } else if (tw < w - 2) {
          ctx.textAlign = 'center';
          ctx.fillText(label, x + w / 2, y + half / 2);
        }
      }
      const lx = line(x);
      ctx.moveTo(lx, y);
      ctx.lineTo(lx, y + half);
      t = next;
    }
    ctx.moveTo(0, line(y + half - 1));
    ctx.lineTo(width, line(y + half - 1));
    ctx.stroke();
  };
  tier(tiers.top, 0, true);
  tier(tiers.bottom, half, false);
  ctx.textAlign = 'left';
}
