import {
  type Constraint,
  compileCalendars,
  type LagKind,
  LinkType,
  type PlanCalendars,
  type PlanInput,
  type PlanLinkInput,
  type PlanSchedule,
  schedulePlan,
} from '@pharos/engine';
import { calendarDefinition, type MspdiProject, type MspdiTask } from './read';

/** MSPDI's link type numbers in the engine's terms. */
const linkType: Record<number, LinkType> = { 0: LinkType.FF, 1: LinkType.FS, 2: LinkType.SF, 3: LinkType.SS };
const ELAPSED_LAG = new Set([4, 6, 8, 10, 12]);
const PERCENT_LAG = new Set([19, 20]);

/**
 * What the engine does not yet schedule the way MS Project does, found in a task. A task whose
 * working span (on its calendar) is longer than its duration was split into parts with gaps,
 * which MS Project writes only as timephased data; one whose span is shorter was scheduled on
 * its resources' calendars (or a work contour), from assignments the engine does not read.
 */
export function unsupported(task: MspdiTask, calendars: PlanCalendars, project: MspdiProject): string[] {
  const { start, finish } = task.computed;
  if (task.summary || task.milestone || task.actualFinish !== undefined || start === undefined || !finish)
    return [];
  const span = taskCalendar(task, project, calendars).between(start, finish);
  if (span > task.duration) return ['split task'];
  if (span < task.duration) return ['dates set by resource calendars'];
  return [];
}

/** The calendar a task's duration is counted in: the elapsed one, its own, or the project's. */
export function taskCalendar(task: MspdiTask, project: MspdiProject, calendars: PlanCalendars) {
  if (task.elapsed) return calendars.elapsed;
  return ownCalendar(task, project) ? calendars.get(task.calendarUid)! : calendars.project;
}

/** A calendar of its own: set, other than the project's, and one the file defines. */
function ownCalendar(task: MspdiTask, project: MspdiProject) {
  const uid = task.calendarUid;
  return uid !== -1 && uid !== project.calendarUid && project.calendars.some((c) => c.uid === uid);
}

/** The tasks of an MSPDI project the engine schedules: all but the project summary (UID 0) and blank rows. */
export function mspdiTasks(project: MspdiProject): MspdiTask[] {
  return project.tasks.filter((t) => !t.isNull && t.uid !== 0);
}

/** An MSPDI project as the engine's plan: its tasks (see `mspdiTasks`) in the same order. */
export function mspdiPlan(project: MspdiProject): PlanInput {
  const tasks = mspdiTasks(project);
  const calendars = new Map(project.calendars.map((c) => [c.uid, calendarDefinition(project, c.uid)]));
  const links: PlanLinkInput[] = tasks.flatMap((t) =>
    t.links.map((l) => {
      const lagKind: LagKind = PERCENT_LAG.has(l.lagFormat)
        ? 'percent'
        : ELAPSED_LAG.has(l.lagFormat)
          ? 'elapsed'
          : 'work';
      return {
        predecessorUid: l.predecessorUid,
        successorUid: t.uid,
        type: linkType[l.type] ?? LinkType.FS,
        lag: l.lag,
        lagKind,
      };
    }),
  );
  return {
    start: project.startDate,
    statusDate: null, // MS Project's default: the status date moves no work (docs/scheduling.md)
    calendarUid: project.calendarUid,
    calendars,
    tasks: tasks.map((t) => ({
      uid: t.uid,
      outlineLevel: t.outlineLevel,
      milestone: t.milestone,
      manual: t.manual,
      manualStart: t.manual ? (t.computed.start ?? null) : null,
      duration: t.duration,
      elapsed: t.elapsed,
      constraint: t.constraintType as Constraint,
      constraintDate: t.constraintDate ?? null,
      deadline: t.deadline ?? null,
      calendarUid: ownCalendar(t, project) ? t.calendarUid : null,
      percentComplete: t.percentComplete,
      actualStart: t.actualStart ?? null,
      actualFinish: t.actualFinish ?? null,
      remainingDuration: t.remainingDuration ?? null,
    })),
    links,
  };
}

export interface EngineSchedule {
  plan: PlanInput;
  /** The scheduled tasks, in the order of the plan's and the schedule's arrays. */
  tasks: MspdiTask[];
  calendars: PlanCalendars;
  schedule: PlanSchedule;
}

/** The project's calendars, compiled (the days a calendar leaves to its base filled in from it). */
export function mspdiCalendars(project: MspdiProject, plan: PlanInput = mspdiPlan(project)): PlanCalendars {
  return compileCalendars(plan);
}

/** Schedules an MSPDI project with the engine, as the server schedules a stored plan. */
export function scheduleMspdi(project: MspdiProject, calendars?: PlanCalendars): EngineSchedule {
  const plan = mspdiPlan(project);
  const cals = calendars ?? compileCalendars(plan);
  return { plan, tasks: mspdiTasks(project), calendars: cals, schedule: schedulePlan(plan, cals) };
}
