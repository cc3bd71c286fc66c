import type { KeyboardEvent } from 'react';
import { gridColumns } from './grid-columns';

export interface GridCursor {
  row: number;
  col: number;
  /** The other end of a range selected with Shift. */
  anchor: number;
}

export interface GridKeyHandlers {
  rows: number;
  pageRows: number;
  cursor: GridCursor;
  editable: boolean;
  moveTo: (row: number, col: number, extend?: boolean) => void;
  startEditing: (initial?: string) => void;
  indent: (delta: 1 | -1) => void;
  insert: () => void;
  remove: () => void;
  linkRange: () => void;
  setCollapsed: (collapsed: boolean) => void;
  /** Opens the selected task's information (all its fields and its predecessors). */
  info: () => void;
}

/** Spreadsheet keys on the grid: arrows, Tab, Enter, Home/End, Page Up/Down; and MS Project's task keys. */
export function gridKeyDown(e: KeyboardEvent<HTMLElement>, h: GridKeyHandlers) {
  const { row, col } = h.cursor;
  const lastRow = h.rows - 1;
  const lastCol = gridColumns.length - 1;
  const done = () => {
    e.preventDefault();
    e.stopPropagation();
  };
  if (e.altKey && e.shiftKey) {
    if (e.key === 'ArrowRight' && h.editable) h.indent(1);
    else if (e.key === 'ArrowLeft' && h.editable) h.indent(-1);
    else if (e.key === '-' || e.key === '_') h.setCollapsed(true);
    else if (e.key === '=' || e.key === '+') h.setCollapsed(false);
    else return;
    return done();
  }
  if (e.key === 'F2' && e.shiftKey) {
    h.info();
    return done();
  }
  if (e.key === 'F2' && e.ctrlKey) {
    if (h.editable) h.linkRange();
    return done();
  }
  const extend = e.shiftKey;
  switch (e.key) {
    case 'ArrowDown':
      h.moveTo(Math.min(lastRow, row + 1), col, extend);
      return done();
    case 'ArrowUp':
      h.moveTo(Math.max(0, row - 1), col, extend);
      return done();
    case 'ArrowRight':
      h.moveTo(row, Math.min(lastCol, col + 1));
      return done();
    case 'ArrowLeft':
      h.moveTo(row, Math.max(0, col - 1));
      return done();
    case 'Tab':
      if (e.shiftKey ? col === 0 : col === lastCol) return; // leave the grid
      h.moveTo(row, col + (e.shiftKey ? -1 : 1));
      return done();
    case 'Home':
      h.moveTo(e.ctrlKey ? 0 : row, 0, extend);
      return done();
    case 'End':
      h.moveTo(e.ctrlKey ? lastRow : row, e.ctrlKey ? col : lastCol, extend);
      return done();
    case 'PageDown':
      h.moveTo(Math.min(lastRow, row + h.pageRows), col, extend);
      return done();
    case 'PageUp':
      h.moveTo(Math.max(0, row - h.pageRows), col, extend);
      return done();
    case 'Enter':
    case 'F2':
      if (h.editable && gridColumns[col]?.editable) h.startEditing();
      else if (e.key === 'Enter') h.moveTo(Math.min(lastRow, row + 1), col);
      return done();
    case 'Insert':
      if (h.editable) h.insert();
      return done();
    case 'Delete':
      if (h.editable) h.remove();
      return done();
  }
  if (
    e.key.length === 1 &&
    !e.ctrlKey &&
    !e.metaKey &&
    !e.altKey &&
    h.editable &&
    gridColumns[col]?.editable
  ) {
    h.startEditing(e.key);
    return done();
  }
}
