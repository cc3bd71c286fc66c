import type { WorkCalendar } from '../calendar/calendar';
import type { Minute } from '../calendar/time';

/** MS Project keeps up to 11 baselines: Baseline (0) and Baseline1 … Baseline10. */
export const BASELINES = 11;

/** A task's dates and duration (working minutes), as scheduled now or as saved in a baseline. */
export interface TaskDates {
  start: Minute;
  finish: Minute;
  duration: number;
}

/** How far a task has moved from a baseline, in working minutes: positive is later (or longer). */
export interface Variance {
  start: number;
  finish: number;
  duration: number;
}

/**
 * A task's variance against one of its baselines (0–10; `baselines[i]` is baseline i, absent if
 * never saved), measured in working time on `calendar` (the task's), as MS Project measures it;
 * null when that baseline was not saved.
 */
export function baselineVariance(
  task: TaskDates,
  baselines: readonly (TaskDates | null | undefined)[],
  index: number,
  calendar: WorkCalendar,
): Variance | null {
  if (!Number.isInteger(index) || index < 0 || index >= BASELINES)
    throw new RangeError(`A baseline is numbered 0 to ${BASELINES - 1}, not ${index}`);
  const b = baselines[index];
  if (!b) return null;
  return {
    start: calendar.between(b.start, task.start),
    finish: calendar.between(b.finish, task.finish),
    duration: task.duration - b.duration,
  };
}
