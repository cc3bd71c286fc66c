import type { PlanTaskT } from '@pharos/api';
import { formatDuration, type TimeUnits } from './duration';
import { formatPlanDate } from './plan-time';

export type ColumnKey = 'row' | 'wbs' | 'name' | 'duration' | 'start' | 'finish' | 'pct';

export interface GridColumn {
  key: ColumnKey;
  label: string;
  /** What the header shows when the label does not fit. */
  short?: string;
  width: number;
  align?: 'right';
  editable?: boolean;
}

export const gridColumns: GridColumn[] = [
  { key: 'row', label: 'Row', short: '#', width: 46, align: 'right' },
  { key: 'wbs', label: 'WBS', width: 60 },
  { key: 'name', label: 'Task name', width: 196, editable: true },
  { key: 'duration', label: 'Duration', width: 70, align: 'right', editable: true },
  { key: 'start', label: 'Start', width: 104, editable: true },
  { key: 'finish', label: 'Finish', width: 104 },
  { key: 'pct', label: '% complete', short: '%', width: 58, align: 'right', editable: true },
];

export const gridWidth = gridColumns.reduce((w, c) => w + c.width, 0);

/** A cell's text as shown (and, for an editable cell, as the editor starts). */
export function cellText(t: PlanTaskT, key: ColumnKey, units: TimeUnits): string {
  switch (key) {
    case 'row':
      return String(t.row);
    case 'wbs':
      return t.wbs;
    case 'name':
      return t.name;
    case 'duration':
      return formatDuration(t.duration, t.durationUnit, units);
    case 'start':
      return formatPlanDate(t.start);
    case 'finish':
      return formatPlanDate(t.finish);
    case 'pct':
      return `${Math.round(t.percentComplete)}%`;
  }
}

/** The text an editor starts with: dates as ISO, so that what is typed reads the same way. */
export function editText(t: PlanTaskT, key: ColumnKey, units: TimeUnits): string {
  if (key === 'start') return t.start ? t.start.replace('T', ' ') : '';
  if (key === 'pct') return String(Math.round(t.percentComplete));
  return cellText(t, key, units);
}
