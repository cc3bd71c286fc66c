import { describe, expect, it } from 'vitest';
import { type CalendarDefinition, type Interval, STANDARD_WEEK } from '../calendar/calendar';
import { isoMinute, minuteFromIso } from '../calendar/time';
import { Constraint, LinkType } from './cpm';
import { type PlanInput, type PlanLinkInput, type PlanTaskInput, schedulePlan } from './plan';
import { link, task } from './plan.fixture';

const D = 480;
const at = minuteFromIso;
const iso = (t: number) => isoMinute(t).slice(0, 16);
const DAY: Interval[] = [
  [480, 720],
  [780, 1020],
];
/** Project calendar 1: Monday to Friday; calendar 2: every day, same hours. */
const calendars = new Map<number, CalendarDefinition>([
  [1, { week: STANDARD_WEEK }],
  [2, { week: Array.from({ length: 7 }, () => DAY) }],
]);

// Friday 2024-01-05, 08:00.
const plan = (tasks: PlanTaskInput[], links: PlanLinkInput[], more: Partial<PlanInput> = {}): PlanInput => ({
  start: at('2024-01-05T08:00'),
  statusDate: null,
  calendarUid: 1,
  calendars,
  tasks,
  links,
  ...more,
});

describe('schedulePlan', () => {
  it('measures each task on its own calendar, and a link crosses calendars at the instant it stands for', () => {
    // A 1d on the project calendar (Friday), then B 2d on a calendar that works weekends.
    const s = schedulePlan(plan([task(1, D), task(2, 2 * D, { calendarUid: 2 })], [link(1, 2)]));
    expect([iso(s.start[1]!), iso(s.finish[1]!)]).toEqual(['2024-01-06T08:00', '2024-01-07T17:00']);
    expect(iso(s.projectFinish)).toBe('2024-01-07T17:00');
    // A may finish as late as B allows: Friday 17:00 is the last of its working time before Saturday.
    expect(s.totalSlack[0]).toBe(0);
    expect([...s.critical]).toEqual([1, 1]);
  });

  it('counts elapsed durations and elapsed lags in calendar time, work lags in the successor’s calendar', () => {
    const s = schedulePlan(
      plan(
        [task(1, D), task(2, 2 * 1440, { elapsed: true }), task(3, D), task(4, D)],
        [link(1, 2), link(1, 3, { lag: 2 * 1440, lagKind: 'elapsed' }), link(1, 4, { lag: D })],
      ),
    );
    expect([iso(s.start[1]!), iso(s.finish[1]!)]).toEqual(['2024-01-05T17:00', '2024-01-07T17:00']);
    expect(iso(s.start[2]!)).toBe('2024-01-08T08:00'); // Sunday 17:00, so Monday morning
    expect(iso(s.start[3]!)).toBe('2024-01-09T08:00'); // a working day after Friday: Monday, then Tuesday
  });

  it('takes percentage lags of the predecessor’s duration', () => {
    const s = schedulePlan(
      plan([task(1, 4 * D), task(2, D)], [link(1, 2, { type: LinkType.SS, lag: 50, lagKind: 'percent' })]),
    );
    expect(iso(s.start[1]!)).toBe('2024-01-09T08:00');
  });

  it('schedules an ALAP task at its late dates; its successors follow it and its predecessors gain free slack', () => {
    // P 1d → A 1d (ALAP) → B 1d; and L 5d alone sets the finish.
    const s = schedulePlan(
      plan(
        [task(1, D), task(2, D, { constraint: Constraint.ALAP }), task(3, D), task(4, 5 * D)],
        [link(1, 2), link(2, 3)],
      ),
    );
    expect(iso(s.earlyStart[1]!)).toBe('2024-01-08T08:00'); // where it could start
    expect(iso(s.start[1]!)).toBe('2024-01-10T08:00'); // where it is: its late start
    expect(iso(s.start[2]!)).toBe('2024-01-11T08:00'); // B follows it
    expect(s.totalSlack[2]).toBe(0);
    expect(s.freeSlack[0]).toBe(2 * D);
    expect(s.totalSlack[1]).toBe(2 * D);
  });

  it('bounds late dates by deadlines, which turn slack negative but move nothing', () => {
    const s = schedulePlan(
      plan([task(1, 2 * D), task(2, 2 * D, { deadline: at('2024-01-09T17:00') })], [link(1, 2)]),
    );
    expect(iso(s.finish[1]!)).toBe('2024-01-10T17:00');
    expect([s.totalSlack[0], s.totalSlack[1]]).toEqual([-D, -D]);
    expect([...s.longestPath]).toEqual([1, 1]);
  });

  it('carries links to and from a summary down to the tasks under it', () => {
    const tasks = [
      task(1, 3 * D),
      task(2, 0, { outlineLevel: 1, milestone: false }),
      task(3, D, { outlineLevel: 2 }),
      task(4, 2 * D, { outlineLevel: 2 }),
      task(5, D),
    ];
    const s = schedulePlan(plan(tasks, [link(1, 2), link(2, 5)]));
    expect(s.summary[1]).toBe(1);
    expect([iso(s.start[2]!), iso(s.start[3]!)]).toEqual(['2024-01-10T08:00', '2024-01-10T08:00']);
    expect(iso(s.start[4]!)).toBe('2024-01-12T08:00');
    expect([iso(s.start[1]!), iso(s.finish[1]!)]).toEqual(['2024-01-10T08:00', '2024-01-11T17:00']);
  });

  it('keeps completed work where it was, and with a status date schedules the work left after it', () => {
    const tasks = [
      // Done: 2 days, in the past.
      task(1, 2 * D, {
        actualStart: at('2024-01-01T08:00'),
        actualFinish: at('2024-01-02T17:00'),
        percentComplete: 100,
      }),
      // Under way since Wednesday, 4 days, half done: 2 days done by Thursday 17:00.
      task(2, 4 * D, { actualStart: at('2024-01-03T08:00'), percentComplete: 50 }),
      // Not begun.
      task(3, D),
    ];
    const without = schedulePlan(plan(tasks, []));
    expect([iso(without.start[0]!), iso(without.finish[0]!)]).toEqual([
      '2024-01-01T08:00',
      '2024-01-02T17:00',
    ]);
    expect([without.totalSlack[0], without.remaining[0]]).toEqual([0, 0]);
    expect(iso(without.finish[1]!)).toBe('2024-01-08T17:00');
    expect(without.remaining[1]).toBe(2 * D);
    // Status date Tuesday 9th 08:00: the work left resumes then; work not begun starts then.
    const s = schedulePlan(plan(tasks, [], { statusDate: at('2024-01-09T08:00') }));
    expect(iso(s.start[1]!)).toBe('2024-01-03T08:00');
    expect(iso(s.finish[1]!)).toBe('2024-01-10T17:00');
    expect(iso(s.start[2]!)).toBe('2024-01-09T08:00');
  });

  it('marks the longest path when a constraint makes every slack negative', () => {
    // A 2d → B 2d → C 2d; C must finish by Wednesday (FNLT), two days before its links allow.
    const s = schedulePlan(
      plan(
        [
          task(1, 2 * D),
          task(2, 2 * D),
          task(3, 2 * D, { constraint: Constraint.FNLT, constraintDate: at('2024-01-10T17:00') }),
          task(4, D),
        ],
        [link(1, 2), link(2, 3)],
      ),
    );
    expect([...s.totalSlack].slice(0, 2)).toEqual([-2 * D, -2 * D]);
    expect([...s.longestPath]).toEqual([1, 1, 1, 0]);
  });

  it('accepts a precompiled project calendar (the cached form servers keep)', async () => {
    const { compileCalendar, compileCalendars } = await import('./plan');
    const p = plan([task(1, D), task(2, D, { calendarUid: 2 })], [link(1, 2)]);
    const a = schedulePlan(p, compileCalendar(p));
    const b = schedulePlan(p, compileCalendars(p));
    expect([...a.finish]).toEqual([...b.finish]);
    expect(iso(b.finish[1]!)).toBe('2024-01-06T17:00');
  });
});
