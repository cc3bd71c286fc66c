import { type PointerEvent, type RefObject, useEffect, useRef } from 'react';
import { type Hit, hitTest } from './gantt-geometry';
import { type GanttModel, type GanttView, SUMMARY } from './gantt-model';
import type { Preview } from './paint-body';
import { MINUTES_PER_DAY } from './plan-time';
import type { TaskActions } from './task-actions';
import { type Axis, toX } from './time-scale';

interface Gesture {
  kind: 'move' | 'resize' | 'link';
  index: number;
  fromFinish: boolean;
  x0: number;
  moved: boolean;
}

export interface GestureState {
  model: GanttModel;
  view: GanttView;
  axis: Axis;
  editable: boolean;
  actions: TaskActions;
  hoverRow: number;
  preview: Preview | null;
  /** The model a preview was drawn over: once the plan changes, the preview is stale. */
  previewModel: GanttModel | null;
}

const cursors: Record<Hit['kind'], string> = {
  bar: 'grab',
  resize: 'ew-resize',
  'link-start': 'crosshair',
  'link-finish': 'crosshair',
  row: 'default',
  none: 'default',
};

/**
 * Pointer gestures on the bars: drag a bar to move it (start no earlier than), drag its right end
 * to change its duration, drag from a handle beside either end onto another bar to link the two
 * (finish or start, to the start or finish of the half of the bar it is dropped on).
 */
export function useBarGestures(
  state: RefObject<GestureState>,
  scroller: RefObject<HTMLDivElement | null>,
  onSelect: (row: number) => void,
  repaint: () => void,
) {
  const gesture = useRef<Gesture | null>(null);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const el = scroller.current!;
    const cx = e.clientX - rect.left;
    const cy = e.clientY - rect.top;
    return { cx, cy, x: cx + el.scrollLeft, y: cy + el.scrollTop };
  };

  const cancel = () => {
    gesture.current = null;
    state.current.preview = null;
    repaint();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && gesture.current) cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return {
    onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
      if (e.button !== 0) return;
      const s = state.current;
      const { x, y } = point(e);
      const hit = hitTest(s.model, s.view, s.axis, x, y);
      if (hit.kind === 'none') return;
      onSelect(hit.row);
      if (!s.editable || hit.kind === 'row') return;
      if (hit.kind === 'bar' && s.model.flags[hit.index]! & SUMMARY) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      gesture.current = {
        kind: hit.kind === 'bar' ? 'move' : hit.kind === 'resize' ? 'resize' : 'link',
        index: hit.index,
        fromFinish: hit.kind === 'link-finish',
        x0: x,
        moved: false,
      };
    },
    onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
      const s = state.current;
      const { cx, cy, x, y } = point(e);
      const g = gesture.current;
      if (!g) {
        const hit = hitTest(s.model, s.view, s.axis, x, y);
        e.currentTarget.style.cursor = s.editable ? cursors[hit.kind] : 'default';
        const row = hit.kind === 'none' ? -1 : hit.row;
        if (row !== s.hoverRow) {
          s.hoverRow = row;
          repaint();
        }
        return;
      }
      if (Math.abs(x - g.x0) > 2) g.moved = true;
      const m = s.model;
      const days = Math.round((x - g.x0) / s.axis.pxPerMinute / MINUTES_PER_DAY) * MINUTES_PER_DAY;
      if (g.kind === 'move') {
        s.preview = {
          kind: 'move',
          index: g.index,
          start: m.start[g.index]! + days,
          finish: m.finish[g.index]! + days,
        };
      } else if (g.kind === 'resize') {
        const finish = Math.max(m.start[g.index]! + MINUTES_PER_DAY / 3, m.finish[g.index]! + days);
        s.preview = { kind: 'resize', index: g.index, start: m.start[g.index]!, finish };
      } else {
        g.moved = true;
        const hit = hitTest(m, s.view, s.axis, x, y);
        const target =
          hit.kind !== 'none' &&
          hit.kind !== 'row' &&
          hit.index !== g.index &&
          !(m.flags[hit.index]! & SUMMARY)
            ? hit.index
            : -1;
        s.preview = { kind: 'link', index: g.index, fromFinish: g.fromFinish, x: cx, y: cy, target };
      }
      s.previewModel = m;
      e.currentTarget.style.cursor =
        g.kind === 'move' ? 'grabbing' : g.kind === 'resize' ? 'ew-resize' : 'crosshair';
      repaint();
    },
    onPointerUp(e: PointerEvent<HTMLCanvasElement>) {
      const g = gesture.current;
      gesture.current = null;
      const s = state.current;
      const pv = s.preview;
      if (!g?.moved || !pv) {
        s.preview = null;
        repaint();
        return;
      }
      if (pv.kind === 'move' && pv.start !== s.model.start[g.index]) s.actions.move(g.index, pv.start);
      else if (pv.kind === 'resize' && pv.finish !== s.model.finish[g.index])
        s.actions.resize(g.index, pv.finish);
      else if (pv.kind === 'link' && pv.target >= 0) {
        const { x } = point(e);
        const t = pv.target;
        const mid = (toX(s.axis, s.model.start[t]!) + toX(s.axis, s.model.finish[t]!)) / 2;
        const toStart = x <= mid;
        const type = g.fromFinish ? (toStart ? 0 : 2) : toStart ? 1 : 3;
        s.actions.link(g.index, t, type);
        s.preview = null;
      } else s.preview = null;
      repaint();
    },
    onPointerLeave() {
      const s = state.current;
      if (!gesture.current && s.hoverRow !== -1) {
        s.hoverRow = -1;
        repaint();
      }
    },
  };
}
