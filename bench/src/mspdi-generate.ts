// Realistic MSPDI (MS Project XML) files of any size, for the import benchmark and for tests:
// the fields MS Project 2016+ writes for every task (about 80), an outline of summary tasks three
// levels deep, links of all four types with lags and leads in several units, constraints, a few
// calendars with holidays and a recurring exception, resources with their own calendars, and
// assignments (MS Project records every task without a resource as assigned to -65535).

import { prng } from '@pharos/server';

const NS = 'http://schemas.microsoft.com/project';
const START = Date.UTC(2025, 0, 6); // a Monday
const DAY = 86_400_000;
const el = (name: string, v: string | number) => `\t\t\t<${name}>${v}</${name}>\n`;
const hours = (h: number) => `PT${h}H0M0S`;

/** The n-th working day (Monday–Friday) from the start, as `YYYY-MM-DD`. */
function workday(n: number) {
  const week = Math.floor(n / 5);
  return new Date(START + (week * 7 + (n % 5)) * DAY).toISOString().slice(0, 10);
}

function weekDays(shift: [string, string][]) {
  const times = shift
    .map(([a, b]) => `<WorkingTime><FromTime>${a}:00</FromTime><ToTime>${b}:00</ToTime></WorkingTime>`)
    .join('');
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) =>
    d === 1 || d === 7
      ? `<WeekDay><DayType>${d}</DayType><DayWorking>0</DayWorking></WeekDay>`
      : `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes>${times}</WorkingTimes></WeekDay>`,
  );
  return `<WeekDays>${days.join('')}</WeekDays>`;
}

function calendars(resources: number) {
  const holiday = (name: string, date: string) =>
    `<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod><FromDate>${date}T00:00:00</FromDate><ToDate>${date}T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>${name}</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>`;
  const recurring =
    '<Exception><EnteredByOccurrences>1</EnteredByOccurrences><TimePeriod><FromDate>2025-01-01T00:00:00</FromDate><ToDate>2034-12-25T23:59:00</ToDate></TimePeriod><Occurrences>10</Occurrences><Name>Christmas</Name><Type>2</Type><Month>11</Month><MonthDay>25</MonthDay><DayWorking>0</DayWorking></Exception>';
  const std = `<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>${weekDays(
    [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
  )}<Exceptions>${holiday('New Year', '2025-01-01')}${holiday('Founders day', '2025-06-13')}${recurring}</Exceptions></Calendar>\n`;
  const night = `<Calendar><UID>2</UID><Name>Night Shift</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>${weekDays(
    [
      ['00:00', '03:00'],
      ['04:00', '08:00'],
      ['23:00', '00:00'],
    ],
  )}</Calendar>\n`;
  const long = `<Calendar><UID>3</UID><Name>Long days</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>${weekDays(
    [
      ['07:00', '12:00'],
      ['12:30', '19:00'],
    ],
  )}</Calendar>\n`;
  const own = Array.from(
    { length: resources },
    (_, i) =>
      `<Calendar><UID>${10 + i}</UID><Name>Resource ${i + 1}</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID><WeekDays/></Calendar>\n`,
  );
  return `<Calendars>\n${std}${night}${long}${own.join('')}</Calendars>\n`;
}

interface Shape {
  level: number;
  summary: boolean;
}

/** The outline: a summary every so often, with detail tasks (and sub-summaries) under it. */
function outline(n: number, r: () => number): Shape[] {
  const out: Shape[] = [];
  while (out.length < n) {
    out.push({ level: 1, summary: true });
    const subs = 1 + Math.floor(r() * 3);
    for (let s = 0; s < subs && out.length < n; s++) {
      out.push({ level: 2, summary: true });
      const tasks = 3 + Math.floor(r() * 8);
      for (let t = 0; t < tasks && out.length < n; t++) out.push({ level: 3, summary: false });
    }
  }
  // A summary with nothing under it is a detail task.
  for (let i = 0; i < n; i++)
    if (out[i]!.summary && !(out[i + 1] && out[i + 1]!.level > out[i]!.level)) out[i]!.summary = false;
  return out.slice(0, n);
}

const LAG_FORMATS = [7, 7, 7, 5, 9, 8, 19]; // days (most), hours, weeks, elapsed days, percent

function link(pred: number, r: () => number) {
  const type = r() < 0.7 ? 1 : Math.floor(r() * 4);
  const format = r() < 0.75 ? 7 : LAG_FORMATS[Math.floor(r() * LAG_FORMATS.length)]!;
  const lag = format === 19 ? Math.floor(r() * 50) : r() < 0.6 ? 0 : Math.round((r() * 6 - 1) * 4800); // leads too
  return `\t\t\t<PredecessorLink>\n\t\t\t\t<PredecessorUID>${pred}</PredecessorUID>\n\t\t\t\t<Type>${type}</Type>\n\t\t\t\t<CrossProject>0</CrossProject>\n\t\t\t\t<LinkLag>${lag}</LinkLag>\n\t\t\t\t<LagFormat>${format}</LagFormat>\n\t\t\t</PredecessorLink>\n`;
}

function task(
  uid: number,
  id: number,
  s: Shape,
  wbs: string,
  r: () => number,
  details: number[],
  calendarUid: number,
) {
  const days = s.summary ? 10 : r() < 0.05 ? 0 : 1 + Math.floor(r() * 10);
  const at = Math.floor(r() * 400);
  const start = `${workday(at)}T08:00:00`;
  const finish = `${workday(at + Math.max(0, days - 1))}T17:00:00`;
  const d = hours(days * 8);
  const constraint = !s.summary && r() < 0.05 ? (r() < 0.5 ? 4 : 7) : 0;
  let x = `\t\t<Task>\n${el('UID', uid)}${el('GUID', `${uid.toString(16).padStart(8, '0')}-5FD4-E811-82AD-080027DC68EA`)}${el('ID', id)}`;
  x += `${el('Name', `Task ${uid} &amp; ${s.summary ? 'phase' : 'work'} ${Math.floor(r() * 1000)}`)}${el('Active', 1)}${el('Manual', 0)}${el('Type', 0)}${el('IsNull', 0)}`;
  x += `${el('CreateDate', '2024-12-20T09:00:00')}${el('WBS', wbs)}${el('OutlineNumber', wbs)}${el('OutlineLevel', s.level)}${el('Priority', 500)}`;
  x += `${el('Start', start)}${el('Finish', finish)}${el('Duration', d)}${el('ManualStart', start)}${el('ManualFinish', finish)}${el('ManualDuration', d)}`;
  x += `${el('DurationFormat', 7)}${el('Work', hours(days * 8))}${el('ResumeValid', 0)}${el('EffortDriven', 0)}${el('Recurring', 0)}${el('OverAllocated', 0)}`;
  x += `${el('Estimated', 0)}${el('Milestone', days === 0 ? 1 : 0)}${el('Summary', s.summary ? 1 : 0)}${el('DisplayAsSummary', 0)}${el('Critical', r() < 0.2 ? 1 : 0)}`;
  x += `${el('IsSubproject', 0)}${el('IsSubprojectReadOnly', 0)}${el('ExternalTask', 0)}${el('EarlyStart', start)}${el('EarlyFinish', finish)}`;
  x += `${el('LateStart', start)}${el('LateFinish', finish)}${el('StartVariance', 0)}${el('FinishVariance', 0)}${el('WorkVariance', '0.00')}`;
  x += `${el('FreeSlack', 0)}${el('TotalSlack', Math.floor(r() * 20) * 4800)}${el('StartSlack', 0)}${el('FinishSlack', 0)}${el('FixedCost', 0)}`;
  x += `${el('FixedCostAccrual', 3)}${el('PercentComplete', 0)}${el('PercentWorkComplete', 0)}${el('Cost', 0)}${el('OvertimeCost', 0)}`;
  x += `${el('OvertimeWork', hours(0))}${el('ActualDuration', hours(0))}${el('ActualCost', 0)}${el('ActualOvertimeCost', 0)}${el('ActualWork', hours(0))}`;
  x += `${el('ActualOvertimeWork', hours(0))}${el('RegularWork', hours(days * 8))}${el('RemainingDuration', d)}${el('RemainingCost', 0)}`;
  x += `${el('RemainingWork', hours(days * 8))}${el('RemainingOvertimeCost', 0)}${el('RemainingOvertimeWork', hours(0))}${el('ACWP', '0.00')}${el('CV', '0.00')}`;
  x += `${el('ConstraintType', constraint)}${el('CalendarUID', calendarUid)}${constraint ? el('ConstraintDate', start) : ''}`;
  x += `${el('LevelAssignments', 1)}${el('LevelingCanSplit', 1)}${el('LevelingDelay', 0)}${el('LevelingDelayFormat', 8)}${el('IgnoreResourceCalendar', 0)}`;
  x += `${r() < 0.02 ? el('Notes', 'Agreed with the client &lt;see minutes&gt;') : ''}${el('HideBar', 0)}${el('Rollup', 0)}${el('BCWS', '0.00')}${el('BCWP', '0.00')}`;
  x += `${el('PhysicalPercentComplete', 0)}${el('EarnedValueMethod', 0)}`;
  if (!s.summary && details.length) {
    const links = r() < 0.15 ? 0 : r() < 0.6 ? 1 : 2;
    const seen = new Set<number>();
    for (let k = 0; k < links; k++) {
      const pred = details[details.length - 1 - Math.floor(r() * Math.min(30, details.length))]!;
      if (seen.has(pred)) continue;
      x += link(pred, r);
      seen.add(pred);
    }
  }
  x += `${el('IsPublished', 1)}${el('CommitmentType', 0)}`;
  x += `\t\t\t<Baseline>\n\t\t\t\t<Number>0</Number>\n\t\t\t\t<Start>${start}</Start>\n\t\t\t\t<Finish>${finish}</Finish>\n\t\t\t\t<Duration>${d}</Duration>\n\t\t\t\t<DurationFormat>7</DurationFormat>\n\t\t\t\t<Work>${hours(days * 8)}</Work>\n\t\t\t\t<Cost>${days * 40000}</Cost>\n\t\t\t</Baseline>\n`;
  return `${x}\t\t</Task>\n`;
}

/** An MSPDI file of `n` tasks, in pieces of about a megabyte (a large one exceeds one string). */
export function* generateMspdiPieces(n: number, seed = 1): Generator<string> {
  const r = prng(seed).next;
  const resources = Math.max(5, Math.ceil(n / 50));
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project xmlns="${NS}">\n\t<SaveVersion>14</SaveVersion>\n\t<Name>Generated ${n}.xml</Name>\n\t<Title>Generated plan of ${n} tasks</Title>\n\t<ScheduleFromStart>1</ScheduleFromStart>\n\t<StartDate>2025-01-06T08:00:00</StartDate>\n\t<FinishDate>2027-01-06T17:00:00</FinishDate>\n\t<CalendarUID>1</CalendarUID>\n\t<MinutesPerDay>480</MinutesPerDay>\n\t<MinutesPerWeek>2400</MinutesPerWeek>\n\t<DaysPerMonth>20</DaysPerMonth>\n\t<DurationFormat>7</DurationFormat>\n`;
  yield calendars(resources);
  const shapes = outline(n, r);
  const details: number[] = [];
  const counters: number[] = [];
  let piece =
    '<Tasks>\n\t\t<Task><UID>0</UID><ID>0</ID><Name>Generated</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>\n';
  for (const [i, s] of shapes.entries()) {
    counters.length = s.level;
    counters[s.level - 1] = (counters[s.level - 1] ?? 0) + 1;
    const uid = i + 1;
    const cal = r() < 0.03 ? 2 + Math.floor(r() * 2) : -1;
    piece += task(uid, uid, s, counters.join('.'), r, details, cal);
    if (!s.summary) details.push(uid);
    if (piece.length > 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  piece += '</Tasks>\n<Resources>\n';
  for (let i = 1; i <= resources; i++)
    piece += `\t\t<Resource>\n${el('UID', i)}${el('ID', i)}${el('Name', `Person ${i}`)}${el('Type', 1)}${el('IsNull', 0)}${el('Initials', `P${i}`)}${el('Group', `Team ${1 + (i % 7)}`)}${el('MaxUnits', '1.00')}${el('StandardRate', 50 + (i % 5) * 10)}${el('StandardRateFormat', 2)}${el('CalendarUID', 9 + i)}\t\t</Resource>\n`;
  piece += '</Resources>\n<Assignments>\n';
  for (const [i, s] of shapes.entries()) {
    const uid = i + 1;
    const resource = !s.summary && r() < 0.6 ? 1 + Math.floor(r() * resources) : -65535;
    piece += `\t\t<Assignment>\n${el('UID', uid)}${el('TaskUID', uid)}${el('ResourceUID', resource)}${el('PercentWorkComplete', 0)}${el('ActualWork', hours(0))}${el('Finish', '2025-01-10T17:00:00')}${el('Start', '2025-01-06T08:00:00')}${el('Units', 1)}${el('Work', hours(40))}\t\t</Assignment>\n`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</Assignments>\n</Project>\n`;
}

/** An MSPDI file of `n` tasks as one string (up to a few hundred thousand tasks). */
export function generateMspdi(n: number, seed = 1): string {
  return [...generateMspdiPieces(n, seed)].join('');
}
