import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { HEADER_HEIGHT, ROW_HEIGHT } from './gantt-geometry';
import type { GanttModel, GanttView } from './gantt-model';
import { type ColumnKey, editText, gridColumns } from './grid-columns';
import type { TaskActions } from './task-actions';
import type { Editing } from './task-grid';
import { cellId } from './task-grid';
import { type GridCursor, gridKeyDown } from './use-grid-keys';

interface Options {
  model: GanttModel;
  view: GanttView;
  actions: TaskActions;
  editable: boolean;
  scroller: RefObject<HTMLDivElement | null>;
  onDelete: (index: number) => void;
  setCollapsed: (uid: number, collapsed: boolean) => void;
  /** Scrolls the chart to a task's bar (when it is selected in the grid). */
  reveal: (index: number) => void;
  /** Opens a task's information dialog. */
  onInfo: (index: number) => void;
}

const NAME = gridColumns.findIndex((c) => c.key === 'name');

/**
 * The grid's cursor (active cell and selected range), its cell editor, and what its keys do.
 * Edits are committed with Enter, Tab or by leaving the cell; Escape gives up.
 */
export function useGridEditing(o: Options) {
  const [cursor, setCursor] = useState<GridCursor>({ row: 0, col: NAME, anchor: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newUid, setNewUid] = useState<number | null>(null);
  const wantFocus = useRef(false);
  const session = useRef(0);
  const rows = o.view.rows.length;

  const ensureVisible = useCallback(
    (row: number) => {
      const el = o.scroller.current;
      if (!el) return;
      const top = row * ROW_HEIGHT;
      const bodyH = el.clientHeight - HEADER_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + bodyH) el.scrollTop = top + ROW_HEIGHT - bodyH;
    },
    [o.scroller],
  );

  const moveTo = useCallback(
    (row: number, col: number, extend = false, focus = true) => {
      if (row < 0) return;
      setCursor((c) => ({ row, col, anchor: extend ? c.anchor : row }));
      wantFocus.current = focus;
      ensureVisible(row);
    },
    [ensureVisible],
  );

  const focusCell = useCallback(() => {
    wantFocus.current = true;
    setCursor((c) => ({ ...c }));
  }, []);

  useLayoutEffect(() => {
    if (!wantFocus.current || editing) return;
    wantFocus.current = false;
    document.getElementById(cellId(cursor.row, cursor.col))?.focus({ preventScroll: true });
  });

  // Keep the cursor on the grid when rows go; select a task just added and name it.
  useEffect(() => {
    if (cursor.row >= rows && rows > 0) setCursor({ row: rows - 1, col: cursor.col, anchor: rows - 1 });
  }, [rows, cursor]);
  useEffect(() => {
    if (newUid === null) return;
    const i = o.model.indexOf.get(newUid);
    if (i === undefined) return;
    const row = o.view.rowOf[i]!;
    setNewUid(null);
    if (row < 0) return;
    setCursor({ row, col: NAME, anchor: row });
    ensureVisible(row);
    setEditing({ row, col: NAME, text: o.model.tasks[i]!.name });
  }, [newUid, o.model, o.view, ensureVisible]);

  const index = (row: number) => o.view.rows[row]!;
  const startEditing = (initial?: string, at = cursor) => {
    const col = gridColumns[at.col];
    const i = o.view.rows[at.row];
    if (!o.editable || !col?.editable || i === undefined) return;
    const t = o.model.tasks[i]!;
    if (col.key === 'duration' && t.summary) return;
    session.current++;
    setError(null);
    setEditing({ row: at.row, col: at.col, text: initial ?? editText(t, col.key, o.model.plan) });
  };

  const apply = (key: ColumnKey, i: number, value: string): string | null => {
    if (key === 'name') return o.actions.rename(i, value);
    if (key === 'duration') return o.actions.setDuration(i, value);
    if (key === 'start') return o.actions.setStart(i, value);
    if (key === 'pct') return o.actions.setPercent(i, value);
    return null;
  };

  /** Saves the editor's value; false (and the editor stays) when it cannot be read. */
  const commit = (value: string): boolean => {
    if (!editing) return true;
    const col = gridColumns[editing.col]!;
    const i = o.view.rows[editing.row];
    if (i !== undefined && value !== editing.text) {
      const problem = apply(col.key, i, value);
      if (problem) {
        setError(problem);
        return false;
      }
    }
    session.current++;
    setEditing(null);
    setError(null);
    return true;
  };

  const insert = async (at: number | null = o.view.rows[cursor.row] ?? null) => {
    const uid = await o.actions.insertBefore(at);
    if (uid !== null) setNewUid(uid);
  };

  const selected = () => {
    const out: number[] = [];
    for (let r = Math.min(cursor.row, cursor.anchor); r <= Math.max(cursor.row, cursor.anchor); r++)
      out.push(index(r));
    return out;
  };

  return {
    cursor,
    editing,
    error,
    moveTo,
    focusCell,
    startEditing,
    insert,
    selected,
    indent: (delta: 1 | -1) => {
      for (const i of selected()) o.actions.indent(i, delta);
    },
    linkRange: () => void o.actions.linkRange(selected()),
    info: () => {
      if (rows > 0) o.onInfo(index(cursor.row));
    },
    remove: () => {
      if (rows > 0) o.onDelete(index(cursor.row));
    },
    onKeyDown(e: KeyboardEvent<HTMLElement>) {
      if (editing || e.target instanceof HTMLInputElement) return;
      gridKeyDown(e, {
        rows,
        pageRows: Math.max(
          1,
          Math.floor(((o.scroller.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
        ),
        cursor,
        editable: o.editable,
        moveTo,
        startEditing,
        indent: (d) => {
          for (const i of selected()) o.actions.indent(i, d);
        },
        insert: () => void insert(),
        remove: () => rows > 0 && o.onDelete(index(cursor.row)),
        linkRange: () => void o.actions.linkRange(selected()),
        setCollapsed: (c) => {
          const t = o.model.tasks[index(cursor.row)];
          if (t?.summary) o.setCollapsed(t.uid, c);
        },
        info: () => rows > 0 && o.onInfo(index(cursor.row)),
      });
    },
    onCellDown: (row: number, col: number) => {
      if (editing && (editing.row !== row || editing.col !== col)) return;
      moveTo(row, col);
      const i = o.view.rows[row];
      if (i !== undefined) o.reveal(i);
    },
    onCellDouble: (row: number, col: number) => startEditing(undefined, { row, col, anchor: row }),
    onEditorKey(e: KeyboardEvent<HTMLInputElement>) {
      const value = e.currentTarget.value;
      const go = (row: number, col: number) => {
        if (commit(value)) moveTo(Math.max(0, Math.min(rows - 1, row)), col);
      };
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        session.current++;
        setEditing(null);
        setError(null);
        focusCell();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        go(cursor.row + (e.shiftKey ? -1 : 1), cursor.col);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        go(cursor.row, Math.max(0, Math.min(gridColumns.length - 1, cursor.col + (e.shiftKey ? -1 : 1))));
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        go(cursor.row + (e.key === 'ArrowDown' ? 1 : -1), cursor.col);
      }
    },
    onEditorBlur(value: string) {
      // Leaving the cell saves it, unless a key already did (or gave up).
      const s = session.current;
      queueMicrotask(() => {
        if (s === session.current) commit(value);
      });
    },
  };
}

export type GridEditing = ReturnType<typeof useGridEditing>;
