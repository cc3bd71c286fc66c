import type { PlanCalendarT, PlanT, PlanTaskT } from '@pharos/api';
import {
  type CalendarDefinition,
  Constraint,
  compileCalendars,
  dayFromIso,
  type Interval,
  isoMinute,
  LinkType,
  type Minute,
  minuteFromIso,
  type Nth,
  occurrencesOf,
  type PlanCalendars,
  type PlanInput,
  type PlanLinkInput,
  PlanMemo,
  type PlanSchedule,
  type PlanTaskInput,
  type Recurrence,
  schedulePlan,
  type WeekPattern,
} from '@pharos/engine';

/**
 * A plan as a document: what is stored for a project and what MSPDI files are read into and
 * written from. The fields are the API's; the document adds the plan's name and which baselines
 * were set.
 */
export type PlanDocument = Pick<
  PlanT,
  | 'startDate'
  | 'statusDate'
  | 'calendarUid'
  | 'minutesPerDay'
  | 'minutesPerWeek'
  | 'daysPerMonth'
  | 'finish'
  | 'calendars'
  | 'tasks'
  | 'links'
  | 'resources'
  | 'assignments'
> & { name: string; baselinesSet: { number: number; setAt: string }[] };

/** `YYYY-MM-DDT` of each day met so far (by day from `dayBase`): a plan's dates fall on a few thousand days at most. */
let dayBase = Number.NaN;
/** Days kept around `dayBase` (about 270 years each way). */
const DAY_SPAN = 100_000;
/** Filled in as days are met ('' until then); a dense array, not a sparse one (a hash table). */
let dayText: string[] = [];
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
/** `HH:mm` of every minute of a day. */
const clockText = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

/** A plan Minute as the API writes it: `YYYY-MM-DDTHH:mm`. */
export function planInstant(t: Minute): string {
  const d = Math.floor(t / 1440);
  const m = t - d * 1440;
  if (Number.isNaN(dayBase)) {
    dayBase = d - DAY_SPAN;
    dayText = new Array<string>(2 * DAY_SPAN).fill('');
  }
  const i = d - dayBase;
  if (i >= 0 && i < 2 * DAY_SPAN && Number.isInteger(m)) {
    let day = dayText[i]!;
    if (day === '') dayText[i] = day = isoMinute(d * 1440).slice(0, 11);
    return day + clockText[m];
  }
  return `${isoMinute(d * 1440).slice(0, 11)}${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** `YYYY-MM-DDTHH:mm` as a plan Minute (the common shape read by hand; anything else by the engine's parser). */
export function planMinute(s: string): Minute {
  if (s.length === 16 && s.charCodeAt(10) === 84 /* T */) {
    const day = dayFromText.get(s.slice(0, 10));
    if (day !== undefined) {
      const hh = (s.charCodeAt(11) - 48) * 10 + s.charCodeAt(12) - 48;
      const mm = (s.charCodeAt(14) - 48) * 10 + s.charCodeAt(15) - 48;
      if (hh >= 0 && hh < 24 && mm >= 0 && mm < 60) return day * 1440 + hh * 60 + mm;
    }
  }
  const t = minuteFromIso(s);
  if (dayFromText.size < 200_000) dayFromText.set(s.slice(0, 10), Math.floor(t / 1440));
  return t;
}
const dayFromText = new Map<string, number>();
const optMinute = (s: string | null) => (s === null ? null : minuteFromIso(s));

export const constraintNumber: Record<PlanTaskT['constraintType'], Constraint> = Constraint;
export const constraintName = Object.fromEntries(
  Object.entries(Constraint).map(([k, v]) => [v, k]),
) as Record<number, PlanTaskT['constraintType']>;
export const linkTypeNumber: Record<'FS' | 'SS' | 'FF' | 'SF', LinkType> = LinkType;
export const linkTypeName = Object.fromEntries(Object.entries(LinkType).map(([k, v]) => [v, k])) as Record<
  number,
  'FS' | 'SS' | 'FF' | 'SF'
>;

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hours = (h: { from: string; to: string }[]): Interval[] => h.map((x) => [clock(x.from), clock(x.to)]);

/** How far ahead an open-ended recurring exception is laid out (days). */
export const RECURRENCE_HORIZON_DAYS = 366 * 30;

export function recurrenceRule(
  r: NonNullable<PlanCalendarT['exceptions'][number]['recurrence']>,
  from: number,
): Recurrence {
  const nth = (r.nth === 5 ? -1 : r.nth) as Nth | undefined;
  switch (r.kind) {
    case 'daily':
      return { kind: 'daily', every: r.period };
    case 'weekly':
      return { kind: 'weekly', every: r.period, weekdays: r.weekdays ?? [] };
    case 'monthly':
      return nth !== undefined && r.weekday !== undefined
        ? { kind: 'monthlyNth', every: r.period, nth, weekday: r.weekday }
        : { kind: 'monthly', every: r.period, day: r.monthDay ?? new Date(from * 86_400_000).getUTCDate() };
    case 'yearly': {
      const month = r.month ?? new Date(from * 86_400_000).getUTCMonth() + 1;
      return nth !== undefined && r.weekday !== undefined
        ? { kind: 'yearlyNth', month, nth, weekday: r.weekday }
        : { kind: 'yearly', month, day: r.monthDay ?? new Date(from * 86_400_000).getUTCDate() };
    }
  }
}

/** The engine's definition of each calendar: unset days from its base calendar, recurring exceptions laid out. */
export function calendarDefinitions(calendars: readonly PlanCalendarT[]): Map<number, CalendarDefinition> {
  const byUid = new Map(calendars.map((c) => [c.uid, c]));
  const out = new Map<number, CalendarDefinition>();
  for (const cal of calendars) {
    const chain: PlanCalendarT[] = [];
    for (let c: PlanCalendarT | undefined = cal; c && chain.length < 10 && !chain.includes(c); ) {
      chain.push(c);
      c = c.baseUid === null ? undefined : byUid.get(c.baseUid);
    }
    const week = Array.from({ length: 7 }, (_, d) => {
      for (const c of chain) if (c.week[d] !== null && c.week[d] !== undefined) return hours(c.week[d]!);
      return [];
    }) as WeekPattern;
    const exceptions = [...chain].reverse().flatMap((c) =>
      c.exceptions.flatMap((e) => {
        const from = dayFromIso(e.from);
        const to = dayFromIso(e.to);
        const h = hours(e.hours);
        if (!e.recurrence) return [{ from, to, hours: h }];
        const days = occurrencesOf(
          recurrenceRule(e.recurrence, from),
          { from, to, ...(e.recurrence.occurrences ? { occurrences: e.recurrence.occurrences } : {}) },
          from + RECURRENCE_HORIZON_DAYS,
        );
        return days.map((d) => ({ from: d, to: d, hours: h }));
      }),
    );
    const workWeeks = [...chain].reverse().flatMap((c) =>
      c.workWeeks.map((w) => ({
        from: dayFromIso(w.from),
        to: dayFromIso(w.to),
        week: w.week.map((d, i) => (d === null ? week[i]! : hours(d))) as WeekPattern,
      })),
    );
    out.set(cal.uid, { week, exceptions, workWeeks });
  }
  return out;
}

/** The engine's view of a plan document. */
export function planInput(doc: PlanDocument, calendars = calendarDefinitions(doc.calendars)): PlanInput {
  return {
    start: planMinute(doc.startDate),
    statusDate: optMinute(doc.statusDate),
    calendarUid: doc.calendarUid,
    calendars,
    tasks: doc.tasks.map((t) => ({
      uid: t.uid,
      outlineLevel: t.outlineLevel,
      milestone: t.milestone,
      manual: t.manual,
      manualStart: optMinute(t.manualStart),
      duration: t.duration,
      elapsed: t.durationUnit.startsWith('e'),
      constraint: constraintNumber[t.constraintType],
      constraintDate: optMinute(t.constraintDate),
      deadline: optMinute(t.deadline),
      calendarUid: t.calendarUid,
      percentComplete: t.percentComplete,
      actualStart: optMinute(t.actualStart),
      actualFinish: optMinute(t.actualFinish),
      remainingDuration: t.remainingDuration,
    })),
    links: doc.links.map((l) => ({
      predecessorUid: l.predecessorUid,
      successorUid: l.successorUid,
      type: linkTypeNumber[l.type],
      lag: l.lag,
      lagKind: l.lagUnit.endsWith('%') ? 'percent' : l.lagUnit.startsWith('e') ? 'elapsed' : 'work',
    })),
  };
}

/** Whether `wbs` is `parent.n` (`n` alone without a parent), read without building the string. */
function hasCode(wbs: string | undefined, parent: string, n: number): boolean {
  if (typeof wbs !== 'string') return false;
  let at = wbs.length;
  for (; n > 0; n = Math.floor(n / 10)) if (--at < 0 || wbs.charCodeAt(at) !== 48 + (n % 10)) return false;
  if (parent === '') return at === 0;
  return at === parent.length + 1 && wbs.charCodeAt(parent.length) === 46 && wbs.startsWith(parent);
}

/** Row numbers, WBS codes (1, 1.1, 1.2, 2 …) and summary flags from the outline levels. */
export function numberTasks(tasks: PlanTaskT[]) {
  /** The count of tasks so far at each level under the current parents, `depth` of them. */
  const counters: number[] = [];
  /** The WBS code of the last task met at each level (the current parents). */
  const codes: string[] = [];
  let depth = 0;
  let previous = 0;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    const level = Math.max(1, Math.min(t.outlineLevel, depth + 1));
    if (t.outlineLevel !== level) t.outlineLevel = level;
    if (level > depth) counters[level - 1] = 0;
    depth = level;
    const c = counters[level - 1]! + 1;
    counters[level - 1] = c;
    // The code the task has already, when right (as after an edit elsewhere), else a new one.
    const wbs = hasCode(t.wbs, level === 1 ? '' : codes[level - 2]!, c)
      ? t.wbs!
      : level === 1
        ? String(c)
        : `${codes[level - 2]}.${c}`;
    codes[level - 1] = wbs;
    if (t.row !== i + 1) t.row = i + 1;
    if (t.wbs !== wbs) t.wbs = wbs;
    t.summary = false;
    if (i > 0 && level > previous) tasks[i - 1]!.summary = true;
    previous = level;
  }
}

const lagKind = (unit: string): PlanLinkInput['lagKind'] =>
  unit.endsWith('%') ? 'percent' : unit.startsWith('e') ? 'elapsed' : 'work';

/** A task's fields the engine reads, as the document had them (to tell whether they changed). */
interface TaskSource {
  t: PlanTaskT | null;
  input: PlanTaskInput;
}

/** A link as the document had it, and as the engine reads it. */
interface LinkSource {
  l: PlanDocument['links'][number] | null;
  input: PlanLinkInput;
}

const sameTask = (a: PlanTaskT, b: PlanTaskT) =>
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

/** The engine's view of one task. */
function taskInput(t: PlanTaskT): PlanTaskInput {
  return {
    uid: t.uid,
    outlineLevel: t.outlineLevel,
    milestone: t.milestone,
    manual: t.manual,
    manualStart: optMinute(t.manualStart),
    duration: t.duration,
    elapsed: t.durationUnit.startsWith('e'),
    constraint: constraintNumber[t.constraintType],
    constraintDate: optMinute(t.constraintDate),
    deadline: optMinute(t.deadline),
    calendarUid: t.calendarUid,
    percentComplete: t.percentComplete,
    actualStart: optMinute(t.actualStart),
    actualFinish: optMinute(t.actualFinish),
    remainingDuration: t.remainingDuration,
  };
}

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
 * dates that moved are formatted again). Kept with the plan between edits (`LivePlans`). Every
 * reuse is checked against the document, so a memo gives the same result as none on any document.
 */
export class ScheduleMemo {
  private calendarKey: { calendars: PlanCalendarT[]; calendarUid: number; startDate: string } | null = null;
  private definitions: Map<number, CalendarDefinition> | null = null;
  private compiled: PlanCalendars | null = null;
  private readonly plan = new PlanMemo();
  private tasks: TaskSource[] = [];
  private links: LinkSource[] = [];
  /** The engine's inputs, the same objects while their tasks and links do not change (the engine's memo tells them apart by identity). */
  private taskInputs: PlanTaskInput[] = [];
  private linkInputs: PlanLinkInput[] = [];
  private readonly dates = DATE_FIELDS.map(() => new DateTexts());

  /** The plan's calendars, compiled, while its calendar list (the same objects), calendar and start hold. */
  calendarsOf(doc: PlanDocument): { definitions: Map<number, CalendarDefinition>; compiled: PlanCalendars } {
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
  inputOf(doc: PlanDocument, calendars: Map<number, CalendarDefinition>): PlanInput {
    const n = doc.tasks.length;
    const tasks = this.tasks;
    const inputs = this.taskInputs;
    if (tasks.length > n) {
      tasks.length = n;
      inputs.length = n;
    }
    for (let i = 0; i < n; i++) {
      const t = doc.tasks[i]!;
      const was = tasks[i];
      if (was === undefined) {
        const x = { t: { ...t }, input: taskInput(t) };
        tasks.push(x);
        inputs.push(x.input);
      } else if (was.t === null || !sameTask(was.t, t)) {
        was.t = { ...t };
        was.input = taskInput(t);
        inputs[i] = was.input;
      }
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
        const source = {
          l: { ...l },
          input: {
            predecessorUid: l.predecessorUid,
            successorUid: l.successorUid,
            type: linkTypeNumber[l.type],
            lag: l.lag,
            lagKind: lagKind(l.lagUnit),
          },
        };
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

  /** Writes the computed dates of `s` into the tasks, formatting only the ones that moved. */
  writeDates(doc: PlanDocument, s: PlanSchedule) {
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
      t.start = tStart;
      t.finish = tFinish;
      t.earlyStart = tEs;
      t.earlyFinish = tEf;
      t.lateStart = tLs;
      t.lateFinish = tLf;
      t.summary = summary[i] === 1;
      t.totalSlack = totalSlack[i]!;
      t.freeSlack = freeSlack[i]!;
      t.critical = critical[i] === 1;
      const left = remaining[i]!;
      t.remainingDuration = left;
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
function rollUpSummaries(tasks: PlanTaskT[], s: PlanSchedule, calendars: PlanCalendars) {
  const open: { i: number; level: number; total: number; done: number }[] = [];
  const close = (level: number) => {
    while (open.length && open.at(-1)!.level >= level) {
      const o = open.pop()!;
      const t = tasks[o.i]!;
      const duration = Math.max(0, calendars.project.between(s.start[o.i]!, s.finish[o.i]!));
      if (t.duration !== duration) t.duration = duration;
      const pct = o.total > 0 ? Math.round((o.done / o.total) * 1000) / 10 : 0;
      if (t.percentComplete !== pct) t.percentComplete = pct;
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

/**
 * Schedules a document in place: every task's computed dates and slack, and the plan's finish.
 * Returns the schedule and the milliseconds it took. `memo` is what the last schedule of the same
 * plan left (see `ScheduleMemo`), or the plan's calendar definitions when they are at hand.
 */
export function scheduleDocument(doc: PlanDocument, memo?: ScheduleMemo | Map<number, CalendarDefinition>) {
  // Timed whole: reading the document into the engine's arrays and writing the dates back.
  const began = performance.now();
  numberTasks(doc.tasks);
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
  m.writeDates(doc, s);
  rollUpSummaries(doc.tasks, s, compiled);
  doc.finish = doc.tasks.length ? planInstant(s.projectFinish) : null;
  return { schedule: s, ms: performance.now() - began };
}
