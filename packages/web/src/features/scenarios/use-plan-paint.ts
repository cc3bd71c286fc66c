import { useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { type RefObject, useCallback, useMemo, useRef } from 'react';
import { type BarsScene, fitText, paintBars } from './paint-bars';
import { budgetHeight, capacityHeight, paintBudget, paintCapacity, type UsageScene } from './paint-usage';
import { overloadedMonths, type PlanState } from './plan-state';
import { calendarMonth } from './scenario-format';
import { axisFor, FONT, LABEL_W, planPalette, prepareCanvas } from './timeline-geometry';

export interface PaintInput {
  state: RefObject<PlanState>;
  width: number;
  /** Height of the bars' viewport. */
  viewport: number;
  scroller: RefObject<HTMLDivElement | null>;
  /** The candidate being dragged (once it has moved) and the one picked. */
  dragging: () => number | null;
  picked: () => number | null;
  valueText: (i: number) => string;
  money: (minor: number) => string;
}

const needed = new WeakMap<object, number[]>();
/** The roles some candidate of the scenario needs (others would only draw empty panels), by index. */
export function neededRoles(s: PlanState): number[] {
  let rows = needed.get(s.body);
  if (!rows) {
    const names = new Set(s.body.candidates.flatMap((c) => c.demand.map((d) => d.role)));
    rows = s.usage.roles.flatMap((role, r) => (names.has(role) ? [r] : []));
    needed.set(s.body, rows);
  }
  return rows;
}

/** The timeline's painters: the bars in view (`paintTop`) and the histograms (`paintUse`). */
export function usePlanPaint(input: PaintInput) {
  const { state, width, viewport, valueText, money } = input;
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const palette = useMemo(() => planPalette(theme, dark), [theme, dark]);
  const bars = useRef<HTMLCanvasElement>(null);
  const capacity = useRef<HTMLCanvasElement>(null);
  const budget = useRef<HTMLCanvasElement>(null);
  const labels = useRef<{ width: number; body: unknown; texts: (string | undefined)[] }>({
    width: 0,
    body: null,
    texts: [],
  });
  const inputRef = useRef(input);
  inputRef.current = input;

  const scene = useCallback((): BarsScene | null => {
    const s = state.current;
    if (width === 0) return null;
    const axis = axisFor(width, s.body.horizon.months);
    return {
      body: s.body,
      starts: s.starts,
      rows: s.rows,
      axis,
      width,
      height: viewport,
      scrollTop: inputRef.current.scroller.current?.scrollTop ?? 0,
      palette,
      dragging: inputRef.current.dragging(),
      picked: inputRef.current.picked(),
      overMonths: overloadedMonths(s.usage),
      labels: labels.current.texts,
      valueText: valueText,
    };
  }, [state, width, viewport, palette, valueText]);

  const paintTop = useCallback(() => {
    const sc = scene();
    const ctx = sc && bars.current && prepareCanvas(bars.current, width, viewport);
    if (!sc || !ctx) return;
    if (labels.current.width !== width || labels.current.body !== sc.body) {
      ctx.font = FONT;
      labels.current = {
        width,
        body: sc.body,
        texts: sc.body.candidates.map((c, i) =>
          fitText(ctx, c.name, LABEL_W - 34 - ctx.measureText(valueText(i)).width),
        ),
      };
      sc.labels = labels.current.texts;
    }
    paintBars(ctx, sc);
  }, [scene, width, viewport, valueText]);

  const paintUse = useCallback(() => {
    const s = state.current;
    if (width === 0) return;
    const axis = axisFor(width, s.body.horizon.months);
    const yearStarts: number[] = [];
    for (let m = 1; m < axis.months; m++) if (calendarMonth(s.body.horizon, m)[1] === 0) yearStarts.push(m);
    const roleRows = neededRoles(s);
    const us: UsageScene = { usage: s.usage, axis, width, palette, yearStarts, roleRows, money };
    const c1 = capacity.current && prepareCanvas(capacity.current, width, capacityHeight(roleRows.length));
    if (c1) paintCapacity(c1, us);
    const c2 = budget.current && prepareCanvas(budget.current, width, budgetHeight(s.usage));
    if (c2) paintBudget(c2, us);
  }, [state, width, palette, money]);

  return { bars, capacity, budget, scene, paintTop, paintUse };
}
