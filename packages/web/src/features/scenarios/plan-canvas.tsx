import { Box, Group, Text } from '@mantine/core';
import {
  type DragEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { recordDrag } from './drag-perf';
import { onBar, rowAt } from './paint-bars';
import { clampStart, moveCandidate, type PlanState } from './plan-state';
import { axisFor, HEADER, LABEL_W, monthAt, ROW, VIEWPORT_MAX } from './timeline-geometry';
import { neededRoles, usePlanPaint } from './use-plan-paint';

export const DRAG_TYPE = 'application/x-pharos-candidate';

interface Props {
  state: RefObject<PlanState>;
  /** Bumped by the owner when the state object is replaced (a new plan or scenario). */
  revision: number;
  editable: boolean;
  picked: number | null;
  onPick: (i: number | null) => void;
  /** After a drag, a drop or a key move: the plan changed (render the parts outside the canvas). */
  onChanged: () => void;
  valueText: (i: number) => string;
  money: (minor: number) => string;
  /** Shown between the bars and the histograms (the candidates left out). */
  between?: ReactNode;
}

interface Drag {
  i: number;
  x0: number;
  from: number;
  moved: boolean;
}

/** The timeline's canvases: bars (scrolling, painted for the rows in view) and the use histograms. */
export function PlanCanvas(props: Props) {
  const { state, editable } = props;
  const box = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const drag = useRef<Drag | null>(null);
  const picked = useRef(props.picked);
  picked.current = props.picked;
  const pickedProp = props.picked;
  const st = state.current;
  const rowsCount = st.rows.length;
  const unneeded = st.usage.roles.length - neededRoles(st).length;
  const viewport = Math.min(VIEWPORT_MAX, HEADER + Math.max(rowsCount, 3) * ROW);
  const total = HEADER + Math.max(rowsCount, 3) * ROW;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const { bars, capacity, budget, scene, paintTop, paintUse } = usePlanPaint({
    state,
    width,
    viewport,
    scroller,
    dragging: () => (drag.current?.moved ? drag.current.i : null),
    picked: () => picked.current,
    valueText: props.valueText,
    money: props.money,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: repaint when the owner says the plan changed
  useLayoutEffect(() => {
    paintTop();
    paintUse();
  }, [paintTop, paintUse, props.revision, pickedProp, rowsCount]);

  /** Moves candidate i to start `to`; repaints at once and records how long that took. */
  const move = (i: number, to: number | null) => {
    const t0 = performance.now();
    if (!moveCandidate(state.current, i, to)) return false;
    const t1 = performance.now();
    paintTop();
    paintUse();
    const s = state.current;
    recordDrag(t0, t1, {
      candidates: s.body.candidates.length,
      months: s.body.horizon.months,
      roles: s.usage.roles.length,
    });
    return true;
  };

  const local = (e: { clientX: number; clientY: number; currentTarget: HTMLElement }) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const hit = (x: number, y: number) => {
    const sc = scene();
    if (!sc) return null;
    const r = rowAt(sc, y);
    if (r === null) return null;
    const i = sc.rows[r]!;
    return { i, on: onBar(sc, i, x) };
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const h = hit(x, y);
    if (!h) return;
    props.onPick(h.i);
    const c = state.current.body.candidates[h.i]!;
    if (!editable || !h.on || !c.shiftable) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { i: h.i, x0: x, from: state.current.starts[h.i]!, moved: false };
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const d = drag.current;
    const el = e.currentTarget;
    if (!d) {
      const h = hit(x, y);
      const c = h && state.current.body.candidates[h.i];
      el.style.cursor = !h?.on || !c ? 'default' : editable && c.shiftable ? 'grab' : 'not-allowed';
      return;
    }
    el.style.cursor = 'grabbing';
    const axis = axisFor(width, state.current.body.horizon.months);
    const to = clampStart(state.current.body, d.i, d.from + (x - d.x0) / axis.monthW);
    if (!d.moved && to !== d.from) d.moved = true;
    move(d.i, to);
  };

  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved) {
      paintTop();
      props.onChanged();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const s = state.current;
    const r = props.picked === null ? -1 : s.rows.indexOf(props.picked);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(s.rows.length - 1, r + (e.key === 'ArrowDown' ? 1 : -1)));
      const i = s.rows[next];
      if (i !== undefined) props.onPick(i);
      const sc = scroller.current;
      if (sc && next >= 0) {
        const top = next * ROW;
        if (top < sc.scrollTop) sc.scrollTop = top;
        else if (top + ROW > sc.scrollTop + viewport - HEADER) sc.scrollTop = top + ROW - viewport + HEADER;
      }
    } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && editable && props.picked !== null) {
      e.preventDefault();
      const i = props.picked;
      const from = s.starts[i];
      if (from === null || from === undefined) return;
      if (move(i, clampStart(s.body, i, from + (e.key === 'ArrowRight' ? 1 : -1)))) props.onChanged();
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const raw = e.dataTransfer.getData(DRAG_TYPE);
    if (!raw || !editable) return;
    e.preventDefault();
    const i = Number(raw);
    const s = state.current;
    const c = s.body.candidates[i];
    if (!c || s.starts[i] !== null) return;
    const { x } = local(e);
    const axis = axisFor(width, s.body.horizon.months);
    const m = x > LABEL_W ? Math.floor(monthAt(axis, x)) : c.plannedStart;
    if (move(i, clampStart(s.body, i, m))) {
      props.onPick(i);
      props.onChanged();
    }
  };

  return (
    <Box ref={box}>
      <Box
        ref={scroller}
        h={viewport + 2}
        style={{
          overflowY: 'auto',
          overflowX: 'hidden',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 8,
        }}
        onScroll={paintTop}
        onDragOver={(e) => {
          if (editable && e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
        }}
        onDrop={onDrop}
      >
        <canvas
          ref={bars}
          tabIndex={0}
          role="img"
          aria-label={`Timeline of the ${rowsCount} selected candidates; arrow keys pick a row and move it by a month. The table "Plan timeline" lists the same starts.`}
          data-testid="scenario-bars"
          style={{ position: 'sticky', top: 0, display: 'block', touchAction: 'none' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown}
        />
        <div style={{ height: total - viewport }} />
      </Box>
      {props.between}
      <Group gap="xs" mt="lg" mb={4}>
        <Text fw={600} size="sm">
          Capacity by role — hours demanded per month against capacity
        </Text>
        {unneeded > 0 && (
          <Text size="xs" c="dimmed">
            ({unneeded} role{unneeded === 1 ? '' : 's'} no candidate needs not shown)
          </Text>
        )}
      </Group>
      <canvas
        ref={capacity}
        role="img"
        data-testid="scenario-capacity"
        aria-label="Hours demanded per role and month against capacity; overloads in red"
        style={{ display: 'block' }}
      />
      <Text fw={600} size="sm" mt="md" mb={4}>
        Budget by line and year — spend against limit
      </Text>
      <canvas
        ref={budget}
        role="img"
        data-testid="scenario-budget"
        aria-label="Spend per budget line and year against its limit; overspend in red"
        style={{ display: 'block' }}
      />
    </Box>
  );
}
