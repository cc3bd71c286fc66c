import {
  type CalendarDefinition,
  dayFromIso,
  type Interval,
  minuteFromIso,
  minutesFromIsoDuration,
  type TimeUnits,
  type WeekPattern,
} from '@pharos/engine';
import { XMLParser } from 'fast-xml-parser';

/** MSPDI link types, in MSPDI's own numbering. */
export const MSPDI_LINK = { FF: 0, FS: 1, SF: 2, SS: 3 } as const;

export interface MspdiLink {
  predecessorUid: number;
  /** 0 FF, 1 FS, 2 SF, 3 SS (MSPDI numbering). */
  type: number;
  /** Lag in minutes (MSPDI stores tenths of minutes); for percent lags, the percent. */
  lag: number;
  /** MSPDI LagFormat: 3 m, 5 h, 7 d, 9 w, 11 mo, 19 %; one more for the elapsed variant. */
  lagFormat: number;
}

/** MS Project's own computed dates and slack for a task (its oracle). */
export interface MspdiComputed {
  start?: number;
  finish?: number;
  earlyStart?: number;
  earlyFinish?: number;
  lateStart?: number;
  lateFinish?: number;
  /** Minutes (MSPDI stores tenths of minutes). */
  totalSlack?: number;
  freeSlack?: number;
  critical?: boolean;
}

export interface MspdiTask {
  uid: number;
  id: number;
  name: string;
  outlineLevel: number;
  summary: boolean;
  milestone: boolean;
  manual: boolean;
  isNull: boolean;
  /** Minutes of working time (of elapsed time when `elapsed`). */
  duration: number;
  /** The duration is calendar time (MS Project's elapsed units: ed, ew, emo…). */
  elapsed: boolean;
  /** 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT. */
  constraintType: number;
  constraintDate?: number;
  /** -1: the project calendar. */
  calendarUid: number;
  percentComplete: number;
  actualStart?: number;
  actualFinish?: number;
  /** Minutes of working time left (MSPDI RemainingDuration). */
  remainingDuration?: number;
  deadline?: number;
  links: MspdiLink[];
  computed: MspdiComputed;
}

export interface MspdiCalendar {
  uid: number;
  name: string;
  baseUid: number;
  definition: CalendarDefinition;
  /** Weekdays (Sunday first) the calendar leaves to its base calendar. */
  unsetDays: boolean[];
}

export interface MspdiProject {
  name: string;
  saveVersion: number | null;
  startDate: number;
  finishDate?: number;
  calendarUid: number;
  units: TimeUnits;
  calendars: MspdiCalendar[];
  tasks: MspdiTask[];
}

const REPEATED = new Set([
  'Calendar',
  'WeekDay',
  'WorkingTime',
  'Exception',
  'WorkWeek',
  'Task',
  'PredecessorLink',
  'Resource',
  'Assignment',
  'ExtendedAttribute',
  'Baseline',
  'TimephasedData',
]);

type Node = Record<string, unknown>;
const text = (n: Node | undefined, k: string): string | undefined => {
  const v = n?.[k];
  return v === undefined || v === null || typeof v === 'object' ? undefined : String(v);
};
const num = (n: Node | undefined, k: string, dflt: number) => {
  const v = text(n, k);
  return v === undefined || v === '' ? dflt : Number(v);
};
const flag = (n: Node | undefined, k: string) => text(n, k) === '1';
const instant = (n: Node | undefined, k: string) => {
  const v = text(n, k);
  return v ? minuteFromIso(v) : undefined;
};
const list = (n: Node | undefined, ...path: string[]): Node[] => {
  let cur: unknown = n;
  for (const p of path.slice(0, -1)) cur = (cur as Node | undefined)?.[p];
  const v = (cur as Node | undefined)?.[path.at(-1)!];
  return Array.isArray(v) ? (v as Node[]) : [];
};

const clock = (hhmmss: string) => {
  const [h, m] = hhmmss.split(':').map(Number);
  return h! * 60 + m!;
};

function hoursOf(day: Node): Interval[] {
  if (!flag(day, 'DayWorking')) return [];
  return list(day, 'WorkingTimes', 'WorkingTime').flatMap((w) => {
    const from = text(w, 'FromTime');
    const to = text(w, 'ToTime');
    if (!from || !to) return [];
    const a = clock(from);
    const b = clock(to);
    return [[a, b === 0 || b <= a ? 1440 : b] as Interval];
  });
}

function readCalendar(c: Node): MspdiCalendar {
  const week: (Interval[] | null)[] = Array.from({ length: 7 }, () => null);
  const exceptions: { from: number; to: number; hours: Interval[] }[] = [];
  for (const wd of list(c, 'WeekDays', 'WeekDay')) {
    const type = num(wd, 'DayType', -1);
    if (type >= 1 && type <= 7) week[type - 1] = hoursOf(wd);
    else if (type === 0) {
      const period = wd.TimePeriod as Node | undefined;
      const from = text(period, 'FromDate');
      const to = text(period, 'ToDate');
      if (from && to) exceptions.push({ from: dayFromIso(from), to: dayOf(to), hours: hoursOf(wd) });
    }
  }
  // Exceptions written the 2007+ way, when a file has no dated WeekDay for them (not recurring).
  if (exceptions.length === 0)
    for (const ex of list(c, 'Exceptions', 'Exception')) {
      const period = ex.TimePeriod as Node | undefined;
      const from = text(period, 'FromDate');
      const to = text(period, 'ToDate');
      if (from && to) exceptions.push({ from: dayFromIso(from), to: dayOf(to), hours: hoursOf(ex) });
    }
  return {
    uid: num(c, 'UID', -1),
    name: text(c, 'Name') ?? '',
    baseUid: num(c, 'BaseCalendarUID', -1),
    // Days the calendar does not set come from its base calendar (resolved by `calendarDefinition`).
    definition: { week: week.map((d) => d ?? []) as WeekPattern, exceptions },
    unsetDays: week.map((d) => d === null),
  };
}

/** An MSPDI `ToDate` (e.g. `2018-12-26T23:59:00`) as the last day it covers. */
const dayOf = (iso: string) => Math.floor(minuteFromIso(iso) / 1440);

function readTask(t: Node): MspdiTask {
  return {
    uid: num(t, 'UID', -1),
    id: num(t, 'ID', -1),
    name: text(t, 'Name') ?? '',
    outlineLevel: num(t, 'OutlineLevel', 1),
    summary: flag(t, 'Summary'),
    milestone: flag(t, 'Milestone'),
    manual: flag(t, 'Manual'),
    isNull: flag(t, 'IsNull'),
    duration: text(t, 'Duration') ? minutesFromIsoDuration(text(t, 'Duration')!) : 0,
    // DurationFormat: 3 m, 5 h, 7 d, 9 w, 11 mo, 19 %; one more is the elapsed unit; +32 estimated.
    elapsed: [4, 6, 8, 10, 12, 20].includes(num(t, 'DurationFormat', 7) & ~32),
    constraintType: num(t, 'ConstraintType', 0),
    ...(instant(t, 'ConstraintDate') !== undefined ? { constraintDate: instant(t, 'ConstraintDate')! } : {}),
    calendarUid: num(t, 'CalendarUID', -1),
    percentComplete: num(t, 'PercentComplete', 0),
    ...(instant(t, 'ActualStart') !== undefined ? { actualStart: instant(t, 'ActualStart')! } : {}),
    ...(instant(t, 'ActualFinish') !== undefined ? { actualFinish: instant(t, 'ActualFinish')! } : {}),
    ...(text(t, 'RemainingDuration')
      ? { remainingDuration: minutesFromIsoDuration(text(t, 'RemainingDuration')!) }
      : {}),
    ...(instant(t, 'Deadline') !== undefined ? { deadline: instant(t, 'Deadline')! } : {}),
    links: list(t, 'PredecessorLink').map((l) => {
      const lagFormat = num(l, 'LagFormat', 7);
      const raw = num(l, 'LinkLag', 0);
      return {
        predecessorUid: num(l, 'PredecessorUID', -1),
        type: num(l, 'Type', 1),
        lag: lagFormat === 19 || lagFormat === 20 ? raw : raw / 10,
        lagFormat,
      };
    }),
    computed: {
      start: instant(t, 'Start'),
      finish: instant(t, 'Finish'),
      earlyStart: instant(t, 'EarlyStart'),
      earlyFinish: instant(t, 'EarlyFinish'),
      lateStart: instant(t, 'LateStart'),
      lateFinish: instant(t, 'LateFinish'),
      totalSlack: text(t, 'TotalSlack') !== undefined ? num(t, 'TotalSlack', 0) / 10 : undefined,
      freeSlack: text(t, 'FreeSlack') !== undefined ? num(t, 'FreeSlack', 0) / 10 : undefined,
      critical: text(t, 'Critical') !== undefined ? flag(t, 'Critical') : undefined,
    },
  };
}

/** Reads an MSPDI (Microsoft Project XML) document: settings, calendars and tasks. */
export function readMspdi(xml: string): MspdiProject {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(xml) as { Project?: Node };
  const p = doc.Project;
  if (!p) throw new Error('Not an MSPDI document: no <Project> element');
  const start = instant(p, 'StartDate');
  if (start === undefined) throw new Error('The project has no StartDate');
  const minutesPerDay = num(p, 'MinutesPerDay', 480);
  return {
    name: text(p, 'Name') ?? text(p, 'Title') ?? '',
    saveVersion: text(p, 'SaveVersion') ? Number(text(p, 'SaveVersion')) : null,
    startDate: start,
    ...(instant(p, 'FinishDate') !== undefined ? { finishDate: instant(p, 'FinishDate')! } : {}),
    calendarUid: num(p, 'CalendarUID', 1),
    units: {
      minutesPerDay,
      minutesPerWeek: num(p, 'MinutesPerWeek', minutesPerDay * 5),
      daysPerMonth: num(p, 'DaysPerMonth', 20),
    },
    calendars: list(p, 'Calendars', 'Calendar').map(readCalendar),
    tasks: list(p, 'Tasks', 'Task').map(readTask),
  };
}

/** A calendar with the days it leaves unset taken from its base calendar (and its base's). */
export function calendarDefinition(project: MspdiProject, uid: number): CalendarDefinition {
  const byUid = new Map(project.calendars.map((c) => [c.uid, c]));
  const chain: MspdiCalendar[] = [];
  for (let c = byUid.get(uid); c && chain.length < 10; c = byUid.get(c.baseUid)) chain.push(c);
  if (chain.length === 0) throw new Error(`No calendar with UID ${uid}`);
  const week = Array.from({ length: 7 }, (_, d) => {
    for (const c of chain) if (!c.unsetDays[d]) return c.definition.week[d]!;
    return [];
  });
  // Exceptions of the base apply unless the calendar's own override them (own ones come last).
  const exceptions = [...chain].reverse().flatMap((c) => c.definition.exceptions ?? []);
  return { week, exceptions };
}
