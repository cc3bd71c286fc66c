import { type CpmResult, criticalPath, LinkType, WorkCalendar } from '@pharos/engine';
import { calendarDefinition, type MspdiProject, type MspdiTask } from './read';

/** MSPDI's link type numbers in the engine's terms. */
const linkType: Record<number, LinkType> = { 0: LinkType.FF, 1: LinkType.FS, 2: LinkType.SF, 3: LinkType.SS };
const ELAPSED_LAG = new Set([4, 6, 8, 10, 12, 20]);
const PERCENT_LAG = new Set([19, 20]);

/**
 * What the engine does not yet schedule the way MS Project does, found in a task. A task whose
 * working span (on `calendar`, the project's) is longer than its duration was split into parts
 * with gaps, which MS Project writes only as timephased data.
 */
export function unsupported(
  task: MspdiTask,
  byUid: Map<number, MspdiTask>,
  calendar: WorkCalendar,
  project: MspdiProject,
): string[] {
  const out: string[] = [];
  if (task.constraintType === 1) out.push('as late as possible');
  if (ownCalendar(task, project)) out.push('task calendar');
  if (task.elapsed) out.push('elapsed duration');
  const { start, finish } = task.computed;
  if (
    !task.summary &&
    start !== undefined &&
    finish !== undefined &&
    calendar.between(start, finish) > task.duration
  )
    out.push('split task');
  if (task.percentComplete > 0 || task.actualStart !== undefined) out.push('progress');
  for (const l of task.links) {
    if (ELAPSED_LAG.has(l.lagFormat) && l.lag !== 0) out.push('elapsed lag');
    if (byUid.get(l.predecessorUid)?.summary) out.push('link from a summary task');
  }
  if (task.summary && task.links.length) out.push('link to a summary task');
  return out;
}

/** A calendar of its own: set, other than the project's, and one the file defines. */
function ownCalendar(task: MspdiTask, project: MspdiProject) {
  const uid = task.calendarUid;
  return uid !== -1 && uid !== project.calendarUid && project.calendars.some((c) => c.uid === uid);
}

export interface EngineSchedule {
  calendar: WorkCalendar;
  /** The scheduled (non-summary) tasks, in the order of the result arrays. */
  tasks: MspdiTask[];
  result: CpmResult;
  /** Summary tasks with the dates rolled up from their detail tasks. */
  summaries: SummaryDates[];
}

/** The project calendar, with the days it leaves to its base calendar filled in. */
export function projectCalendar(project: MspdiProject) {
  return new WorkCalendar(
    calendarDefinition(project, project.calendarUid),
    Math.floor(project.startDate / 1440),
  );
}

/** Schedules an MSPDI project's detail tasks with the engine, on the project calendar. */
export function scheduleMspdi(project: MspdiProject): EngineSchedule {
  const calendar = projectCalendar(project);
  const tasks = project.tasks.filter((t) => !t.summary && !t.isNull && t.uid !== 0);
  const index = new Map(tasks.map((t, i) => [t.uid, i]));
  const links = tasks.flatMap((t, i) =>
    t.links.flatMap((l) => {
      const p = index.get(l.predecessorUid);
      if (p === undefined) return [];
      const lag = PERCENT_LAG.has(l.lagFormat) ? Math.round((l.lag / 100) * tasks[p]!.duration) : l.lag;
      return [{ pred: p, succ: i, type: linkType[l.type] ?? LinkType.FS, lag }];
    }),
  );
  const result = criticalPath(
    {
      duration: Float64Array.from(tasks, (t) => (t.milestone ? 0 : t.duration)),
      pred: Int32Array.from(links, (l) => l.pred),
      succ: Int32Array.from(links, (l) => l.succ),
      type: Uint8Array.from(links, (l) => l.type),
      lag: Float64Array.from(links, (l) => l.lag),
      manual: {
        manual: Uint8Array.from(tasks, (t) => (t.manual && t.computed.start !== undefined ? 1 : 0)),
        start: Float64Array.from(tasks, (t) =>
          t.manual && t.computed.start !== undefined ? calendar.ordinal(t.computed.start) : 0,
        ),
      },
      constraint: {
        type: Uint8Array.from(tasks, (t) => (t.constraintDate === undefined ? 0 : t.constraintType)),
        date: Float64Array.from(tasks, (t) =>
          t.constraintDate === undefined ? 0 : calendar.ordinal(t.constraintDate),
        ),
      },
    },
    calendar.ordinal(project.startDate),
  );
  return { calendar, tasks, result, summaries: rollUp(project, index, result) };
}

export interface SummaryDates {
  task: MspdiTask;
  earlyStart: number;
  earlyFinish: number;
  lateStart: number;
  lateFinish: number;
}

/**
 * Summary tasks span their detail tasks (in outline order, a summary covers the tasks after it
 * with a deeper outline level): earliest early start, latest early finish, and the same for the
 * late dates. The project summary (UID 0) spans all.
 */
function rollUp(project: MspdiProject, index: Map<number, number>, r: CpmResult): SummaryDates[] {
  const out: SummaryDates[] = [];
  const all = project.tasks;
  all.forEach((t, i) => {
    if (!t.summary) return;
    const span = { earlyStart: Infinity, earlyFinish: -Infinity, lateStart: Infinity, lateFinish: -Infinity };
    for (let j = i + 1; j < all.length && (t.uid === 0 || all[j]!.outlineLevel > t.outlineLevel); j++) {
      const k = index.get(all[j]!.uid);
      if (k === undefined) continue;
      span.earlyStart = Math.min(span.earlyStart, r.earlyStart[k]!);
      span.earlyFinish = Math.max(span.earlyFinish, r.earlyFinish[k]!);
      span.lateStart = Math.min(span.lateStart, r.lateStart[k]!);
      span.lateFinish = Math.max(span.lateFinish, r.lateFinish[k]!);
    }
    if (span.earlyStart !== Infinity) out.push({ task: t, ...span });
  });
  return out;
}
