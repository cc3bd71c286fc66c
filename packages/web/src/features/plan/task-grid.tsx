import type { PlanTaskT } from '@pharos/api';
import { type KeyboardEvent, memo, type ReactNode } from 'react';
import type { TimeUnits } from './duration';
import classes from './gantt.module.css';
import { ROW_HEIGHT } from './gantt-geometry';
import { type ColumnKey, cellText, gridColumns } from './grid-columns';

export interface Editing {
  row: number;
  col: number;
  text: string;
}

export interface GridRowProps {
  task: PlanTaskT;
  /** Display row (0-based). */
  r: number;
  units: TimeUnits;
  activeCol: number;
  selected: boolean;
  critical: boolean;
  collapsed: boolean | null;
  editing: Editing | null;
  error: string | null;
  onCellDown: (r: number, col: number) => void;
  onCellDouble: (r: number, col: number) => void;
  onToggle: (uid: number) => void;
  onEditorKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: (value: string) => void;
}

export const cellId = (r: number, col: number) => `gantt-cell-${r}-${col}`;

/** One task's row of the grid; rendered again only when its task or its selection changes. */
export const GridRow = memo(function GridRow(p: GridRowProps): ReactNode {
  const t = p.task;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualized grid of positioned rows cannot be a <table>
    <div
      role="row"
      tabIndex={-1}
      aria-rowindex={p.r + 2}
      aria-selected={p.selected}
      className={classes.row}
      data-selected={p.selected || undefined}
      data-summary={t.summary || undefined}
      style={{ top: p.r * ROW_HEIGHT }}
    >
      {gridColumns.map((c, col) => {
        const active = p.activeCol === col;
        const editing = p.editing && p.editing.col === col ? p.editing : null;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a virtualized grid of positioned rows cannot be a <table>
          <div
            key={c.key}
            id={cellId(p.r, col)}
            role="gridcell"
            aria-colindex={col + 1}
            aria-readonly={!c.editable || (c.key === 'duration' && t.summary) || undefined}
            tabIndex={active ? 0 : -1}
            className={classes.cell}
            data-align={c.align}
            data-active={active || undefined}
            style={{ width: c.width }}
            onMouseDown={() => p.onCellDown(p.r, col)}
            onDoubleClick={() => p.onCellDouble(p.r, col)}
          >
            {editing ? (
              <input
                className={classes.editor}
                aria-label={`${c.label} of ${t.name}`}
                aria-invalid={p.error ? true : undefined}
                aria-describedby={p.error ? 'gantt-edit-error' : undefined}
                defaultValue={editing.text}
                // biome-ignore lint/a11y/noAutofocus: the editor opens where the person is typing
                autoFocus
                onFocus={(e) => {
                  const n = e.currentTarget.value.length;
                  e.currentTarget.setSelectionRange(n, n);
                }}
                onKeyDown={p.onEditorKey}
                onBlur={(e) => p.onEditorBlur(e.currentTarget.value)}
              />
            ) : (
              <CellContent
                task={t}
                col={c.key}
                units={p.units}
                collapsed={p.collapsed}
                onToggle={p.onToggle}
                critical={p.critical}
              />
            )}
          </div>
        );
      })}
    </div>
  );
});

function CellContent(props: {
  task: PlanTaskT;
  col: ColumnKey;
  units: TimeUnits;
  collapsed: boolean | null;
  critical: boolean;
  onToggle: (uid: number) => void;
}) {
  const t = props.task;
  const text = cellText(t, props.col, props.units);
  if (props.col !== 'name') return <span className={classes.text}>{text}</span>;
  return (
    <span className={classes.name} style={{ paddingLeft: (t.outlineLevel - 1) * 16 }}>
      {props.collapsed !== null ? (
        <button
          type="button"
          tabIndex={-1}
          className={classes.toggle}
          aria-label={`${props.collapsed ? 'Expand' : 'Collapse'} ${t.name}`}
          aria-expanded={!props.collapsed}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => props.onToggle(t.uid)}
        >
          {props.collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className={classes.toggleSpace} />
      )}
      <span
        className={classes.text}
        data-critical={(props.critical && t.critical && !t.summary) || undefined}
      >
        {text}
      </span>
    </span>
  );
}

/** The grid's column headers (the first row of the grid). */
export function GridHeader() {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the header row of the virtualized grid
    <div role="row" tabIndex={-1} aria-rowindex={1} className={classes.headerRow}>
      {gridColumns.map((c, col) => (
        // biome-ignore lint/a11y/useSemanticElements: a virtualized grid of positioned rows cannot be a <table>
        <div
          key={c.key}
          role="columnheader"
          tabIndex={-1}
          aria-colindex={col + 1}
          aria-label={c.label}
          className={classes.headerCell}
          data-align={c.align}
          style={{ width: c.width }}
        >
          {c.short && c.width < 60 ? c.short : c.label}
        </div>
      ))}
    </div>
  );
}
