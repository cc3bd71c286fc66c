import { useComputedColorScheme, useMantineTheme } from '@mantine/core';
import type { PlanChangeT, PlanT } from '@pharos/api';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { DeleteTaskModal } from './delete-task-modal';
import classes from './gantt.module.css';
import { GanttActions } from './gantt-actions';
import { HEADER_HEIGHT, ROW_HEIGHT } from './gantt-geometry';
import { buildModel, buildView } from './gantt-model';
import { paletteFrom } from './gantt-palette';
import { afterPaint } from './gantt-perf';
import { gridWidth } from './grid-columns';
import { paintBody } from './paint-body';
import { paintHeader } from './paint-header';
import type { PlanEdit } from './plan-editor';
import type { PlanEdits } from './plan-edits';
import { MINUTES_PER_DAY, nowMinutes, toMinutes } from './plan-time';
import { taskActions } from './task-actions';
import { TaskDialog } from './task-dialog';
import { GridHeader, GridRow } from './task-grid';
import { clampZoom, floorUnit, toX } from './time-scale';
import { type GestureState, useBarGestures } from './use-bar-gestures';
import { useGridEditing } from './use-grid-editing';

export interface GanttChartProps {
  plan: PlanT;
  /** The accessible name of the task grid. */
  label: string;
  editable: boolean;
  edits: PlanEdits;
  run: (edit: PlanEdit) => Promise<PlanChangeT | null>;
  pxPerDay: number;
  onZoom: (pxPerDay: number) => void;
  critical: boolean;
  /** The baseline drawn under the bars (0–10), or none. */
  baseline: number | null;
  /** The chart's height; by default it fills the window below where it starts. */
  height?: number | string;
}

const CHUNK = 16;
const FONT = '12px Inter, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/**
 * The Gantt chart: an editable task grid beside the bars. Only the rows in view exist: the grid
 * renders a window of rows (moved with a transform as the page scrolls) and two canvases draw the
 * time scale and the bars of the visible rows, so 10,000 tasks scroll as smoothly as 10.
 */
export function GanttChart(props: GanttChartProps): ReactNode {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const palette = useMemo(() => paletteFrom(theme, dark), [theme, dark]);
  const model = useMemo(() => buildModel(props.plan), [props.plan]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [info, setInfo] = useState<number | null>(null);
  const view = useMemo(() => buildView(model, collapsed), [model, collapsed]);
  const axis = useMemo(
    () => ({
      origin: floorUnit(model.min - 7 * MINUTES_PER_DAY, 'month'),
      pxPerMinute: props.pxPerDay / MINUTES_PER_DAY,
    }),
    [model.min, props.pxPerDay],
  );
  const chartWidth = Math.ceil(toX(axis, model.max + 90 * MINUTES_PER_DAY));
  const { minutesPerDay, minutesPerWeek, daysPerMonth } = props.plan;
  const units = useMemo(
    () => ({ minutesPerDay, minutesPerWeek, daysPerMonth }),
    [minutesPerDay, minutesPerWeek, daysPerMonth],
  );
  const actions = useMemo(() => taskActions(model, props.edits, props.run), [model, props.edits, props.run]);

  const scroller = useRef<HTMLDivElement>(null);
  const rowsEl = useRef<HTMLDivElement>(null);
  const headerCanvas = useRef<HTMLCanvasElement>(null);
  const bodyCanvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [fillHeight, setFillHeight] = useState(560);
  const [win, setWin] = useState({ from: 0, to: 60 });
  const [deleting, setDeleting] = useState<number | null>(null);

  const toggle = useCallback(
    (uid: number, close?: boolean) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (close ?? !next.has(uid)) next.add(uid);
        else next.delete(uid);
        return next;
      }),
    [],
  );
  const reveal = useCallback(
    (i: number) => {
      const el = scroller.current;
      const start = model.start[i]!;
      if (!el || Number.isNaN(start)) return;
      const x1 = toX(axis, start);
      const x2 = toX(axis, model.finish[i]!);
      const w = el.clientWidth - gridWidth;
      if (x1 < el.scrollLeft || x2 > el.scrollLeft + w) el.scrollLeft = Math.max(0, x1 - 40);
    },
    [model, axis],
  );
  const grid = useGridEditing({
    reveal,
    model,
    view,
    actions,
    editable: props.editable,
    scroller,
    onDelete: setDeleting,
    setCollapsed: toggle,
    onInfo: (i) => setInfo(model.tasks[i]?.uid ?? null),
  });
  const cursor = grid.cursor;
  // Rows get the same handler functions on every render, so a scroll re-renders only new rows.
  const latest = useRef(grid);
  latest.current = grid;
  const rowHandlers = useMemo(
    () => ({
      onCellDown: (r: number, c: number) => latest.current.onCellDown(r, c),
      onCellDouble: (r: number, c: number) => latest.current.onCellDouble(r, c),
      onEditorKey: (e: KeyboardEvent<HTMLInputElement>) => latest.current.onEditorKey(e),
      onEditorBlur: (v: string) => latest.current.onEditorBlur(v),
    }),
    [],
  );

  const gestures = useRef<GestureState>({
    model,
    view,
    axis,
    editable: props.editable,
    actions,
    hoverRow: -1,
    preview: null,
    previewModel: null,
  });
  Object.assign(gestures.current, { model, view, axis, editable: props.editable, actions });

  const paint = useCallback(() => {
    const el = scroller.current;
    const hc = headerCanvas.current;
    const bc = bodyCanvas.current;
    if (!el || !hc || !bc) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(0, el.clientWidth - gridWidth);
    const h = Math.max(0, el.clientHeight - HEADER_HEIGHT);
    fit(hc, w, HEADER_HEIGHT, dpr);
    fit(bc, w, h, dpr);
    const s = gestures.current;
    const f = frameRef.current;
    const hctx = hc.getContext('2d');
    const bctx = bc.getContext('2d');
    if (!hctx || !bctx) return;
    paintHeader(hctx, s.axis, f.pxPerDay, el.scrollLeft, w, dpr, f.palette, FONT);
    paintBody(bctx, {
      model: s.model,
      view: s.view,
      axis: s.axis,
      pxPerDay: f.pxPerDay,
      scrollX: el.scrollLeft,
      scrollY: el.scrollTop,
      width: w,
      height: h,
      dpr,
      palette: f.palette,
      font: FONT,
      critical: f.critical,
      baseline: f.baseline,
      today: nowMinutes(),
      statusDate: toMinutes(s.model.plan.statusDate),
      selectedRow: f.selectedRow,
      hoverRow: s.hoverRow,
      preview: s.previewModel === s.model ? s.preview : null,
    });
    afterPaint();
  }, []);
  const frameRef = useRef({
    pxPerDay: props.pxPerDay,
    palette,
    critical: props.critical,
    baseline: props.baseline,
    selectedRow: cursor.row,
  });
  frameRef.current = {
    pxPerDay: props.pxPerDay,
    palette,
    critical: props.critical,
    baseline: props.baseline,
    selectedRow: cursor.row,
  };

  const raf = useRef(0);
  const repaint = useCallback(() => {
    if (!raf.current)
      raf.current = requestAnimationFrame(() => {
        raf.current = 0;
        paint();
      });
  }, [paint]);
  useEffect(() => () => cancelAnimationFrame(raf.current), []);

  /** Keeps the grid's rows under the scroll position and their window around the visible ones. */
  const sync = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    if (rowsEl.current) rowsEl.current.style.transform = `translateY(${-el.scrollTop}px)`;
    const first = Math.floor(el.scrollTop / ROW_HEIGHT);
    const from = Math.max(0, Math.floor(first / CHUNK) * CHUNK - CHUNK);
    const to = from + Math.ceil(el.clientHeight / ROW_HEIGHT) + 3 * CHUNK;
    setWin((w) => (w.from === from && w.to === to ? w : { from, to }));
  }, []);

  useLayoutEffect(() => {
    sync();
    paint();
  });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    const fill = () =>
      setFillHeight(Math.max(420, window.innerHeight - el.getBoundingClientRect().top - window.scrollY - 44));
    fill();
    window.addEventListener('resize', fill);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', fill);
    };
  }, []);

  // First view (and after an import): the plan's start, a little in from the left.
  const placed = useRef('');
  const placeKey = `${props.plan.startDate}|${props.plan.source}`;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (placed.current === placeKey || !el || size.w === 0) return;
    placed.current = placeKey;
    el.scrollLeft = Math.max(0, toX(axis, model.min) - 40);
  }, [size.w, axis, model.min, placeKey]);

  // Ctrl+wheel zooms about the time under the pointer.
  const anchor = useRef<{ t: number; x: number } | null>(null);
  const zoom = useRef({ px: props.pxPerDay, onZoom: props.onZoom, axis });
  zoom.current = { px: props.pxPerDay, onZoom: props.onZoom, axis };
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const z = zoom.current;
      const x = e.clientX - el.getBoundingClientRect().left - gridWidth;
      if (x < 0) return;
      anchor.current = { t: z.axis.origin + (x + el.scrollLeft) / z.axis.pxPerMinute, x };
      z.onZoom(clampZoom(z.px * Math.exp(-e.deltaY * 0.0025)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);
  useLayoutEffect(() => {
    const el = scroller.current;
    const a = anchor.current;
    if (!el || !a) return;
    anchor.current = null;
    el.scrollLeft = toX(axis, a.t) - a.x;
  }, [axis]);
  // Zoom buttons keep the time at the chart's left edge where it was.
  const lastAxis = useRef(axis);
  useLayoutEffect(() => {
    const el = scroller.current;
    const before = lastAxis.current;
    lastAxis.current = axis;
    if (!el || anchor.current || before.pxPerMinute === axis.pxPerMinute) return;
    const t = before.origin + el.scrollLeft / before.pxPerMinute;
    el.scrollLeft = toX(axis, t);
  }, [axis]);

  const gestureHandlers = useBarGestures(
    gestures,
    scroller,
    (row) => grid.moveTo(row, cursor.col, false, true),
    repaint,
  );

  const rows: number[] = [];
  for (let r = win.from; r < Math.min(win.to, view.rows.length); r++) rows.push(r);
  if (cursor.row >= 0 && cursor.row < view.rows.length && (cursor.row < win.from || cursor.row >= win.to))
    rows.push(cursor.row);
  const lo = Math.min(cursor.row, cursor.anchor);
  const hi = Math.max(cursor.row, cursor.anchor);
  const contentHeight = Math.max(size.h, HEADER_HEIGHT + (view.rows.length + 2) * ROW_HEIGHT);
  const first = model.tasks[0];

  return (
    <>
      <GanttActions grid={grid} editable={props.editable} model={model} view={view} />
      {info !== null && props.plan.tasks.some((t) => t.uid === info) && (
        <TaskDialog
          plan={props.plan}
          task={props.plan.tasks.find((t) => t.uid === info)!}
          edits={props.edits}
          run={props.run}
          editable={props.editable}
          onClose={() => setInfo(null)}
        />
      )}
      <div
        ref={scroller}
        className={classes.scroller}
        data-gantt-scroller=""
        style={{ height: props.height ?? fillHeight }}
        onScroll={() => {
          sync();
          repaint();
        }}
      >
        <div style={{ width: gridWidth + chartWidth, height: contentHeight, position: 'relative' }}>
          <div className={classes.layer} style={{ width: size.w, height: size.h }}>
            {/* biome-ignore lint/a11y/useSemanticElements: a virtualized grid of positioned rows cannot be a table */}
            <div
              role="grid"
              aria-label={props.label}
              aria-rowcount={view.rows.length + 1}
              aria-colcount={7}
              aria-multiselectable
              className={classes.grid}
              style={{ width: gridWidth }}
              onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => grid.onKeyDown(e)}
            >
              <GridHeader />
              <div className={classes.body}>
                {/* biome-ignore lint/a11y/useSemanticElements: the rows of the virtualized grid */}
                <div ref={rowsEl} className={classes.rows} role="rowgroup">
                  {rows.map((r) => {
                    const i = view.rows[r]!;
                    const t = model.tasks[i]!;
                    const editing = grid.editing?.row === r ? grid.editing : null;
                    return (
                      <GridRow
                        key={t.uid}
                        task={t}
                        r={r}
                        units={units}
                        activeCol={cursor.row === r ? cursor.col : -1}
                        selected={r >= lo && r <= hi}
                        critical={props.critical}
                        collapsed={t.summary ? collapsed.has(t.uid) : null}
                        editing={editing}
                        error={editing ? grid.error : null}
                        onCellDown={rowHandlers.onCellDown}
                        onCellDouble={rowHandlers.onCellDouble}
                        onToggle={toggle}
                        onEditorKey={rowHandlers.onEditorKey}
                        onEditorBlur={rowHandlers.onEditorBlur}
                      />
                    );
                  })}
                </div>
              </div>
            </div>
            <div className={classes.chart} style={{ left: gridWidth }}>
              <canvas ref={headerCanvas} className={classes.canvas} style={{ top: 0 }} aria-hidden />
              <canvas
                ref={bodyCanvas}
                className={classes.canvas}
                style={{ top: HEADER_HEIGHT, touchAction: 'none' }}
                role="img"
                aria-label={`Gantt bars of ${view.rows.length} tasks${first ? `, from ${first.start ?? ''}` : ''}${model.plan.finish ? ` to ${model.plan.finish}` : ''}`}
                {...gestureHandlers}
              />
            </div>
          </div>
        </div>
      </div>
      {grid.error && (
        <div id="gantt-edit-error" role="alert" className="visually-hidden">
          {grid.error}
        </div>
      )}
      <DeleteTaskModal
        task={deleting === null ? null : (model.tasks[deleting] ?? null)}
        onCancel={() => {
          setDeleting(null);
          grid.focusCell();
        }}
        onConfirm={() => {
          if (deleting !== null) actions.remove(deleting);
          setDeleting(null);
          grid.focusCell();
        }}
      />
    </>
  );
}

function fit(c: HTMLCanvasElement, w: number, h: number, dpr: number) {
  const pw = Math.round(w * dpr);
  const ph = Math.round(h * dpr);
  if (c.width !== pw || c.height !== ph) {
    c.width = pw;
    c.height = ph;
    c.style.width = `${w}px`;
    c.style.height = `${h}px`;
  }
}
