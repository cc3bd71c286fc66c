import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDefinition, STANDARD_WEEK, WorkCalendar } from '../calendar/calendar';
import { dayOf, minuteFromIso } from '../calendar/time';
import { CycleError, LinkType } from './cpm';
import { compileCalendars, type PlanInput, type PlanLinkInput, PlanMemo, schedulePlan } from './plan';
import { link, task } from './plan.fixture';

// Three calendars: the project's (weekdays), every day, and evenings (18:00–22:00, weekdays).
const calendars = new Map<number, CalendarDefinition>([
  [1, { week: STANDARD_WEEK }],
  [2, { week: Array.from({ length: 7 }, () => [[480, 1020] as const]) }],
  [3, { week: STANDARD_WEEK.map((d) => (d.length ? [[1080, 1320] as const] : [])) }],
]);
const START = minuteFromIso('2024-01-03T08:00');

/** Random acyclic plans: tasks on any of the calendars (some elapsed), links of every kind. */
const plans = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      tasks: fc.array(
        fc.record({
          duration: fc.integer({ min: 0, max: 12 }).map((x) => x * 120),
          calendar: fc.constantFrom<number | null>(null, 2, 3),
          elapsed: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
        }),
        { minLength: n, maxLength: n },
      ),
      rank: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      links: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: n - 1 }),
          fc.constantFrom<LinkType>(0, 1, 2, 3),
          fc.integer({ min: -4, max: 8 }).map((x) => x * 120),
          fc.constantFrom<'work' | 'elapsed' | 'percent'>('work', 'elapsed', 'percent'),
        ),
        { maxLength: 2 * n },
      ),
    }),
  )
  .map(({ tasks, rank, links }): PlanInput => {
    const pos = new Map(rank.map((t, i) => [t, i]));
    return {
      start: START,
      statusDate: null,
      calendarUid: 1,
      calendars,
      tasks: tasks.map((t, i) => task(i + 1, t.duration, { calendarUid: t.calendar, elapsed: t.elapsed })),
      links: links
        .filter(([a, b]) => a !== b)
        .map(([a, b, type, lag, lagKind]) => {
          const [p, s] = pos.get(a)! < pos.get(b)! ? [a, b] : [b, a];
          return link(p + 1, s + 1, { type, lag: lagKind === 'percent' ? lag / 12 : lag, lagKind });
        }),
    };
  });

const origin = dayOf(START);
const compiled = new Map([...calendars].map(([uid, def]) => [uid, new WorkCalendar(def, origin)]));
const elapsed = new WorkCalendar({ week: Array.from({ length: 7 }, () => [[0, 1440] as const]) }, origin);
const calOf = (p: PlanInput, i: number) => {
  const t = p.tasks[i]!;
  return t.elapsed ? elapsed : compiled.get(t.calendarUid ?? 1)!;
};

describe('schedulePlan laws, with several calendars', () => {
  it('no task starts before its links and the project start allow', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const s = schedulePlan(p);
        const index = new Map(p.tasks.map((t, i) => [t.uid, i]));
        for (let i = 0; i < p.tasks.length; i++) expect(s.start[i]).toBeGreaterThanOrEqual(START);
        for (const l of p.links) {
          const a = index.get(l.predecessorUid)!;
          const b = index.get(l.successorUid)!;
          // The predecessor's date the link counts from, moved by the lag in its calendar.
          const from = l.type === LinkType.SS || l.type === LinkType.SF ? s.start[a]! : s.finish[a]!;
          const lagCal =
            l.lagKind === 'elapsed' || (l.lagKind === 'percent' && p.tasks[a]!.elapsed)
              ? elapsed
              : compiled.get(p.tasks[b]!.calendarUid ?? 1)!;
          const lag = l.lagKind === 'percent' ? Math.round((l.lag / 100) * p.tasks[a]!.duration) : l.lag;
          const bound = lagCal.finishAt(lagCal.ordinal(from) + lag);
          const to = l.type === LinkType.FS || l.type === LinkType.SS ? s.start[b]! : s.finish[b]!;
          const c = calOf(p, b);
          expect(c.ordinal(to)).toBeGreaterThanOrEqual(c.ordinal(bound));
        }
      }),
    );
  });

  it('slack is never negative without constraints, free slack never exceeds it, and the finish agrees both ways', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const s = schedulePlan(p);
        expect(s.projectFinish).toBe(Math.max(START, ...s.finish));
        let critical = 0;
        for (let i = 0; i < p.tasks.length; i++) {
          const c = calOf(p, i);
          expect(s.totalSlack[i]).toBeGreaterThanOrEqual(0);
          expect(s.freeSlack[i]).toBeGreaterThanOrEqual(0);
          expect(s.freeSlack[i]).toBeLessThanOrEqual(s.totalSlack[i]!);
          // The backward pass starts from the forward pass's finish: no late finish after it.
          expect(c.ordinal(s.lateFinish[i]!)).toBeLessThanOrEqual(c.ordinal(s.projectFinish));
          if (s.finish[i] === s.projectFinish) {
            expect(s.critical[i]).toBe(1);
            critical++;
          }
        }
        expect(critical).toBeGreaterThan(0);
      }),
    );
  });

  it('adding a link never makes the project shorter', () => {
    fc.assert(
      fc.property(plans, fc.nat(), fc.nat(), fc.constantFrom<LinkType>(0, 1, 2, 3), (p, a, b, type) => {
        const n = p.tasks.length;
        const before = schedulePlan(p).projectFinish;
        const extra: PlanLinkInput = link((a % n) + 1, (b % n) + 1, { type });
        try {
          expect(schedulePlan({ ...p, links: [...p.links, extra] }).projectFinish).toBeGreaterThanOrEqual(
            before,
          );
        } catch (e) {
          if (!(e instanceof CycleError)) throw e;
        }
      }),
    );
  });

  it('gives the same dates whatever order the tasks and links come in, with or without cached calendars', () => {
    fc.assert(
      fc.property(plans, fc.infiniteStream(fc.nat()), (p, seeds) => {
        const order = [...p.tasks.keys()];
        const it = seeds[Symbol.iterator]();
        for (let i = order.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const q = { ...p, tasks: order.map((i) => p.tasks[i]!), links: [...p.links].reverse() };
        const a = schedulePlan(p);
        const b = schedulePlan(q, compileCalendars(q));
        order.forEach((from, to) => {
          const x = [
            a.start[from],
            a.finish[from],
            a.lateFinish[from],
            a.totalSlack[from],
            a.freeSlack[from],
          ];
          expect([b.start[to], b.finish[to], b.lateFinish[to], b.totalSlack[to], b.freeSlack[to]]).toEqual(x);
        });
      }),
    );
  });

  it('gives the same schedule with a memo of earlier schedules as without, whatever changed between them', () => {
    const edits = fc.array(
      fc.record({
        task: fc.nat(),
        duration: fc.integer({ min: 0, max: 12 }).map((x) => x * 120),
        calendar: fc.constantFrom<number | null>(null, 2, 3),
        constraint: fc.constantFrom(0, 1, 4, 5),
        dropLink: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(plans, edits, (p, changes) => {
        const memo = new PlanMemo();
        const cals = compileCalendars(p);
        schedulePlan(p, cals, memo);
        let q = p;
        for (const c of changes) {
          const i = c.task % q.tasks.length;
          const tasks = [...q.tasks];
          tasks[i] = {
            ...tasks[i]!,
            duration: c.duration,
            milestone: c.duration === 0,
            calendarUid: c.calendar,
            constraint: c.constraint as 0,
            constraintDate: c.constraint >= 4 ? START + 2880 : null,
          };
          const links = c.dropLink && q.links.length > 0 ? q.links.slice(1) : q.links;
          q = { ...q, tasks, links };
          const kept = schedulePlan(q, cals, memo);
          const fresh = schedulePlan(q);
          expect({ ...kept, notes: [...kept.notes] }).toEqual({ ...fresh, notes: [...fresh.notes] });
        }
      }),
    );
  });
});
