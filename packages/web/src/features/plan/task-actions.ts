import type { PlanChangeT } from '@pharos/api';
import { type DurationUnit, parseDuration, type TimeUnits } from './duration';
import { type GanttModel, SUMMARY } from './gantt-model';
import type { PlanEdit } from './plan-editor';
import type { PlanEdits } from './plan-edits';
import { fromMinutes, MINUTES_PER_DAY, parsePlanDate } from './plan-time';

const workingUnits = new Set<DurationUnit>(['m', 'h', 'd', 'w', 'mo']);
const linkTypes = ['FS', 'SS', 'FF', 'SF'] as const;

/**
 * What a person can do to tasks, from the grid or the bars. Each returns an error message for
 * input it cannot read (nothing is sent then), or null once the edit is on its way.
 */
export function taskActions(
  m: GanttModel,
  edits: PlanEdits,
  run: (e: PlanEdit) => Promise<PlanChangeT | null>,
) {
  const units: TimeUnits = m.plan;
  const task = (i: number) => m.tasks[i]!;
  const update = (i: number, body: Parameters<PlanEdits['updateTask']>[2], structural = false) => {
    const t = task(i);
    void run(edits.updateTask(t.uid, t.name, body, structural));
    return null;
  };
  /** Start no earlier than `start` (minutes); the browser reschedules the plan with it at once. */
  const startAt = (i: number, start: number) => {
    const at = fromMinutes(start);
    return update(i, { constraintType: 'SNET', constraintDate: at });
  };
  return {
    rename: (i: number, name: string) =>
      name.trim() ? update(i, { name: name.trim() }) : 'A task needs a name.',
    setDuration: (i: number, text: string) => {
      const t = task(i);
      if (t.summary) return 'A summary task lasts as long as its subtasks.';
      const d = parseDuration(text, units, t.durationUnit);
      if (!d) return 'Type a duration such as 3d, 2w, 4h, 1mo or 2ed.';
      return update(i, { duration: d.minutes, durationUnit: d.unit });
    },
    setStart: (i: number, text: string) => {
      const at = parsePlanDate(text, m.dayStart);
      if (!at) return 'Type a date such as 2025-03-04 (or 2025-03-04 13:00).';
      const min = Date.parse(`${at}Z`) / 60_000;
      return startAt(i, min);
    },
    setPercent: (i: number, text: string) => {
      const v = Number(text.replace('%', '').trim());
      if (!Number.isFinite(v) || v < 0 || v > 100) return 'Type a percentage from 0 to 100.';
      return update(i, { percentComplete: v });
    },
    indent: (i: number, delta: 1 | -1) => {
      const t = task(i);
      const level = t.outlineLevel + delta;
      const prev = i > 0 ? task(i - 1).outlineLevel : 0;
      if (level < 1 || level > prev + 1) return null;
      return update(i, { outlineLevel: level }, true);
    },
    /** Adds "New task" above row `i` (at the end for null); resolves to the new task's UID. */
    insertBefore: async (i: number | null): Promise<number | null> => {
      const at = i === null ? undefined : task(i);
      const change = await run(
        edits.createTask({
          name: 'New task',
          outlineLevel: at ? at.outlineLevel : 1,
          ...(at ? { beforeRow: at.row } : {}),
        }),
      );
      return change?.tasks.find((t) => !m.indexOf.has(t.uid))?.uid ?? null;
    },
    remove: (i: number) => {
      const t = task(i);
      void run(edits.deleteTask(t.uid, t.name));
      return null;
    },
    link: (a: number, b: number, type: 0 | 1 | 2 | 3) => {
      if (a === b) return null;
      const exists = m.plan.links.some(
        (l) => l.predecessorUid === task(a).uid && l.successorUid === task(b).uid,
      );
      if (exists) return 'These tasks are already linked.';
      void run(
        edits.createLink({ predecessorUid: task(a).uid, successorUid: task(b).uid, type: linkTypes[type] }),
      );
      return null;
    },
    /** Ctrl+F2: link the tasks of a range one after another (finish-to-start), as MS Project does. */
    linkRange: async (indexes: number[]) => {
      for (let k = 1; k < indexes.length; k++) {
        const a = task(indexes[k - 1]!);
        const b = task(indexes[k]!);
        if (a.summary || b.summary) continue;
        await run(edits.createLink({ predecessorUid: a.uid, successorUid: b.uid, type: 'FS' }));
      }
      return null;
    },
    /** A bar dropped at `start` (minutes): snapped to its day's start of work. */
    move: (i: number, start: number) => {
      if (m.flags[i]! & SUMMARY) return null;
      const day = Math.round((start - m.dayStart) / MINUTES_PER_DAY) * MINUTES_PER_DAY;
      return startAt(i, day + m.dayStart);
    },
    /** A bar's end dragged to `finish`: the working days from its start through that day. */
    resize: (i: number, finish: number) => {
      const t = task(i);
      const days = workingDaysBetween(m, m.start[i]!, finish);
      const unit = workingUnits.has(t.durationUnit) ? t.durationUnit : 'd';
      const minutes = Math.max(1, days) * units.minutesPerDay;
      return update(i, { duration: minutes, durationUnit: unit === 'm' || unit === 'h' ? unit : 'd' });
    },
  };
}

export type TaskActions = ReturnType<typeof taskActions>;

/** Working days (by the project calendar's week) from `start`'s day through the day `finish` falls in. */
export function workingDaysBetween(m: GanttModel, start: number, finish: number): number {
  const d0 = Math.floor(start / MINUTES_PER_DAY);
  const d1 = Math.floor((finish - 1) / MINUTES_PER_DAY);
  let n = 0;
  for (let d = d0; d <= d1 && d - d0 < 20_000; d++) if (m.workdays[(d + 4) % 7]) n++;
  return n;
}
