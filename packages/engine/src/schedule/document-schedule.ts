import type { CalendarDefinition } from '../calendar/calendar';
import {
  calendarDefinitions,
  type DocumentLink,
  type DocumentTask,
  linkInput,
  numberTasks,
  optMinute,
  planInstant,
  planMinute,
  type ScheduleDocument,
  taskInput,
} from './document';
import {
  type PlanInput,
  type PlanLinkInput,
  PlanMemo,
  type PlanSchedule,
  type PlanTaskInput,
  schedulePlan,
} from './plan';
import { compileCalendars, type PlanCalendars } from './plan-calendars';

/** A task's fields the engine reads, as the document had them (to tell whether they changed). */
interface TaskSource {
  t: DocumentTask | null;
  input: PlanTaskInput;
}

/** A link as the document had it, and as the engine reads it. */
interface LinkSource {
  l: DocumentLink | null;
  input: PlanLinkInput;
}

const sameTask = (a: DocumentTask, b: DocumentTask) =>
  a.uid === b.uid &&
  a.outlineLevel === b.outlineLevel &&
  a.milestone === b.milestone &&
  a.manual === b.manual &&
  a.manualStart === b.manualStart &&
  a.duration === b.duration &&
  a.durationUnit === b.durationUnit &&
  a.constraintType === b.constraintType &&
  a.constraintDate === b.constraintDate &&
  a.deadline === b.deadline &&
  a.calendarUid === b.calendarUid &&
  a.percentComplete === b.percentComplete &&
  a.actualStart === b.actualStart &&
  a.actualFinish === b.actualFinish &&
  a.remainingDuration === b.remainingDuration;

/** The text of one computed date of every task, with the Minute it stands for (NaN: none yet). */
class DateTexts {
  minute = new Float64Array(0);
  text: string[] = [];

  resize(n: number) {
    if (this.minute.length === n) return;
    const minute = new Float64Array(n).fill(Number.NaN);
    minute.set(this.minute.subarray(0, Math.min(n, this.minute.length)));
    this.minute = minute;
    const text = new Array<string>(n).fill('');
    for (let i = 0; i < Math.min(n, this.text.length); i++) text[i] = this.text[i]!;
    this.text = text;
  }

  set(i: number, minute: number, text: string): string {
    this.minute[i] = minute;
    this.text[i] = text;
    return text;
  }
}

const DATE_FIELDS = ['start', 'finish', 'earlyStart', 'earlyFinish', 'lateStart', 'lateFinish'] as const;

/**
 * What scheduling a plan document leaves for the next schedule of the same plan: the calendars
 * compiled, the engine's input (rebuilt only for the tasks and links whose fields changed), the
 * network's topological order (reused while the links hold) and the date texts written (only
 * dates that moved are formatted again). The server keeps one with each plan between edits
 * (`LivePlans`), the web app one per open plan. Every reuse is checked against the document, so
 * a memo gives the same result as none on any document.
 *
 * A caller that never changes a task object in place (the server: an edit copies the tasks it
 * changes) says so with `sharedTasks`; then a task that is the same object as last time is the
 * same task, and is not compared field by field.
 */
export class ScheduleMemo {
  constructor(private readonly options: { sharedTasks?: boolean } = {}) {}

  private calendarKey: {
    calendars: ScheduleDocument['calendars'][number][];
    calendarUid: number;
    startDate: string;
  } | null = null;
  private definitions: Map<number, CalendarDefinition> | null = null;
  private compiled: PlanCalendars | null = null;
  private readonly plan = new PlanMemo();
  private tasks: TaskSource[] = [];
  private links: LinkSource[] = [];
  /** The engine's inputs, the same objects while their tasks and links do not change (the engine's memo tells them apart by identity). */
  private taskInputs: PlanTaskInput[] = [];
  private linkInputs: PlanLinkInput[] = [];
  private readonly dates = DATE_FIELDS.map(() => new DateTexts());
  /** The document's task object each task was read from, or last written (what `sharedTasks` trusts), by row. */
  private refs: (DocumentTask | null)[] = [];

  /** The plan's calendars, compiled, while its calendar list (the same objects), calendar and start hold. */
  calendarsOf(doc: ScheduleDocument): {
    definitions: Map<number, CalendarDefinition>;
    compiled: PlanCalendars;
  } {
    const k = this.calendarKey;
    if (
      k === null ||
      this.definitions === null ||
      this.compiled === null ||
      k.calendarUid !== doc.calendarUid ||
      k.startDate !== doc.startDate ||
      k.calendars.length !== doc.calendars.length ||
      k.calendars.some((c, i) => c !== doc.calendars[i])
    ) {
      this.calendarKey = null;
      this.definitions = calendarDefinitions(doc.calendars);
      this.compiled = compileCalendars({
        calendars: this.definitions,
        calendarUid: doc.calendarUid,
        start: planMinute(doc.startDate),
      });
      this.calendarKey = {
        calendars: [...doc.calendars],
        calendarUid: doc.calendarUid,
        startDate: doc.startDate,
      };
    }
    return { definitions: this.definitions, compiled: this.compiled };
  }

  /** The engine's view of the document, reusing the inputs of tasks and links that did not change. */
  inputOf(doc: ScheduleDocument, calendars: Map<number, CalendarDefinition>): PlanInput {
    const n = doc.tasks.length;
    const tasks = this.tasks;
    const inputs = this.taskInputs;
    const refs = this.refs;
    if (tasks.length > n) {
      tasks.length = n;
      inputs.length = n;
      refs.length = n;
    }
    const trust = this.options.sharedTasks === true;
    for (let i = 0; i < n; i++) {
      const t = doc.tasks[i]!;
      // The same object as last time, from a caller that never changes one: the same task.
      if (trust && refs[i] === t) continue;
      const was = tasks[i];
      if (was === undefined) {
        const x = { t: { ...t }, input: taskInput(t) };
        tasks.push(x);
        inputs.push(x.input);
        refs.push(t);
        continue;
      }
      if (was.t === null || !sameTask(was.t, t)) {
        was.t = { ...t };
        was.input = taskInput(t);
        inputs[i] = was.input;
      }
      refs[i] = t;
    }
    const m = doc.links.length;
    const links = this.links;
    const linkInputs = this.linkInputs;
    if (links.length > m) {
      links.length = m;
      linkInputs.length = m;
    }
    for (let i = 0; i < m; i++) {
      const l = doc.links[i]!;
      const was = links[i];
      if (
        was === undefined ||
        was.l === null ||
        was.l.predecessorUid !== l.predecessorUid ||
        was.l.successorUid !== l.successorUid ||
        was.l.type !== l.type ||
        was.l.lag !== l.lag ||
        was.l.lagUnit !== l.lagUnit
      ) {
        const source = { l: { ...l }, input: linkInput(l) };
        if (was === undefined) {
          links.push(source);
          linkInputs.push(source.input);
        } else {
          links[i] = source;
          linkInputs[i] = source.input;
        }
      }
    }
    return {
      start: planMinute(doc.startDate),
      statusDate: optMinute(doc.statusDate),
      calendarUid: doc.calendarUid,
      calendars,
      tasks: inputs,
      links: linkInputs,
    };
  }

  /** Runs the engine with what is kept. */
  schedule(input: PlanInput, compiled: PlanCalendars): PlanSchedule {
    return schedulePlan(input, compiled, this.plan);
  }

  /**
   * Writes the computed dates of `s` into the tasks, formatting only the ones that moved. A task
   * is written only when something of it changed, through `own` when given (see `numberTasks`).
   */
  writeDates(doc: ScheduleDocument, s: PlanSchedule, own?: (i: number) => DocumentTask) {
    const n = doc.tasks.length;
    for (const d of this.dates) d.resize(n);
    const [start, finish, es, ef, ls, lf] = this.dates as [
      DateTexts,
      DateTexts,
      DateTexts,
      DateTexts,
      DateTexts,
      DateTexts,
    ];
    const tasks = this.tasks;
    const docTasks = doc.tasks;
    const { start: vs, finish: vf, earlyStart: ves, earlyFinish: vef, lateStart: vls, lateFinish: vlf } = s;
    const { summary, totalSlack, freeSlack, critical, remaining } = s;
    for (let i = 0; i < n; i++) {
      const t = docTasks[i]!;
      // Each date's text: the one kept when the date did not move, the text of an equal date
      // written just before (early dates are mostly the scheduled ones, late the early), or new.
      const a = vs[i]!;
      const b = vf[i]!;
      const c = ves[i]!;
      const e = vef[i]!;
      const g = vls[i]!;
      const h = vlf[i]!;
      const tStart = start.minute[i] === a ? start.text[i]! : start.set(i, a, planInstant(a));
      const tFinish = finish.minute[i] === b ? finish.text[i]! : finish.set(i, b, planInstant(b));
      const tEs = es.minute[i] === c ? es.text[i]! : es.set(i, c, c === a ? tStart : planInstant(c));
      const tEf = ef.minute[i] === e ? ef.text[i]! : ef.set(i, e, e === b ? tFinish : planInstant(e));
      const tLs = ls.minute[i] === g ? ls.text[i]! : ls.set(i, g, g === c ? tEs : planInstant(g));
      const tLf = lf.minute[i] === h ? lf.text[i]! : lf.set(i, h, h === e ? tEf : planInstant(h));
      const isSummary = summary[i] === 1;
      const total = Math.round(totalSlack[i]!); // whole minutes, like every plan time
      const free = Math.round(freeSlack[i]!);
      const isCritical = critical[i] === 1;
      const left = Math.round(remaining[i]!);
      if (
        t.start !== tStart ||
        t.finish !== tFinish ||
        t.earlyStart !== tEs ||
        t.earlyFinish !== tEf ||
        t.lateStart !== tLs ||
        t.lateFinish !== tLf ||
        t.summary !== isSummary ||
        t.totalSlack !== total ||
        t.freeSlack !== free ||
        t.critical !== isCritical ||
        t.remainingDuration !== left
      ) {
        const w = own ? own(i) : t;
        w.start = tStart;
        w.finish = tFinish;
        w.earlyStart = tEs;
        w.earlyFinish = tEf;
        w.lateStart = tLs;
        w.lateFinish = tLf;
        w.summary = isSummary;
        w.totalSlack = total;
        w.freeSlack = free;
        w.critical = isCritical;
        w.remainingDuration = left;
        // The task written is the one just read, with new computed fields (its inputs the same
        // but the remaining duration, kept below).
        if (this.refs[i] === t) this.refs[i] = w;
      }
      // What the next schedule reads is what was just written.
      const src = tasks[i];
      if (src?.t && src.t.remainingDuration !== left) {
        src.t.remainingDuration = left;
        src.input = { ...src.input, remainingDuration: left }; // a new object: the engine's memo sees it changed
        this.taskInputs[i] = src.input;
      }
    }
  }
}

/**
 * What a summary shows of its subtasks, as MS Project does: its duration is the working time
 * from its start to its finish (on the project calendar), its % complete the share of its
 * subtasks' duration that is done.
 */
export function rollUpSummaries(
  tasks: DocumentTask[],
  s: PlanSchedule,
  calendars: PlanCalendars,
  own?: (i: number) => DocumentTask,
) {
  const open: { i: number; level: number; total: number; done: number }[] = [];
  const close = (level: number) => {
    while (open.length && open.at(-1)!.level >= level) {
      const o = open.pop()!;
      const t = tasks[o.i]!;
      const duration = Math.max(0, calendars.project.between(s.start[o.i]!, s.finish[o.i]!));
      const pct = o.total > 0 ? Math.round((o.done / o.total) * 1000) / 10 : 0;
      if (t.duration !== duration || t.percentComplete !== pct) {
        const w = own ? own(o.i) : t;
        w.duration = duration;
        w.percentComplete = pct;
      }
    }
  };
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    close(t.outlineLevel);
    if (t.summary) {
      open.push({ i, level: t.outlineLevel, total: 0, done: 0 });
      continue;
    }
    for (const o of open) {
      o.total += t.duration;
      o.done += (t.duration * t.percentComplete) / 100;
    }
  }
  close(0);
}

/** Where the time of one `scheduleDocument` went, in milliseconds. */
export interface ScheduleTiming {
  /** The whole: the document read, the engine, the dates written back. */
  ms: number;
  /** The recompute: the document's changes read into the engine's input, and the engine's passes. */
  recomputeMs: number;
  /** The dates, slack and roll-ups written back into the tasks as the API carries them (text instants). */
  writeMs: number;
}

/**
 * Schedules a document: every task's computed dates and slack, and the plan's finish. Returns
 * the schedule and where the time went. `memo` is what the last schedule of the same plan left
 * (see `ScheduleMemo`), or the plan's calendar definitions when they are at hand. Tasks are
 * written in place, or, given `own`, through it (the task to write for row `i`): a caller that
 * shares task objects between versions of a plan copies only the ones that change.
 */
export function scheduleDocument(
  doc: ScheduleDocument,
  memo?: ScheduleMemo | Map<number, CalendarDefinition>,
  options: {
    /** The task to write for row `i` (see above). */
    own?: (i: number) => DocumentTask;
    /** The caller has just numbered the tasks (`numberTasks`), as the server does before its checks. */
    numbered?: boolean;
  } = {},
): { schedule: PlanSchedule } & ScheduleTiming {
  const { own } = options;
  const began = performance.now();
  if (!options.numbered) numberTasks(doc.tasks, own);
  const m = memo instanceof ScheduleMemo ? memo : new ScheduleMemo();
  let definitions: Map<number, CalendarDefinition>;
  let compiled: PlanCalendars;
  if (memo instanceof Map) {
    definitions = memo;
    compiled = compileCalendars({
      calendars: memo,
      calendarUid: doc.calendarUid,
      start: planMinute(doc.startDate),
    });
  } else ({ definitions, compiled } = m.calendarsOf(doc));
  const s = m.schedule(m.inputOf(doc, definitions), compiled);
  const computed = performance.now();
  m.writeDates(doc, s, own);
  rollUpSummaries(doc.tasks, s, compiled, own);
  doc.finish = doc.tasks.length ? planInstant(s.projectFinish) : null;
  const done = performance.now();
  return { schedule: s, ms: done - began, recomputeMs: computed - began, writeMs: done - computed };
}
