import type { PlanChangeT, PlanT, PlanTaskT } from '@pharos/api';
import { scheduleDocument } from '@pharos/engine';
import { describe, expect, it } from 'vitest';
import { LocalSchedule } from './local-schedule';
import { applyChange } from './plan-cache';
import { planEdits } from './plan-edits';

const DAY = 480;
const hours = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

function task(uid: number, outlineLevel: number): PlanTaskT {
  return {
    uid,
    row: uid,
    wbs: '',
    summary: false,
    version: 1,
    name: `Task ${uid}`,
    outlineLevel,
    notes: '',
    milestone: false,
    manual: false,
    duration: (1 + (uid % 4)) * DAY,
    durationUnit: 'd',
    constraintType: 'ASAP',
    constraintDate: null,
    deadline: null,
    calendarUid: null,
    percentComplete: 0,
    actualStart: null,
    actualFinish: null,
    manualStart: null,
    start: null,
    finish: null,
    earlyStart: null,
    earlyFinish: null,
    lateStart: null,
    lateFinish: null,
    totalSlack: null,
    freeSlack: null,
    critical: false,
    remainingDuration: null,
    baselines: [],
  };
}

/** A plan as the server sends it: phases of nine tasks, all in one chain, scheduled. */
function served(n: number): PlanT {
  const tasks = Array.from({ length: n }, (_, i) => task(i + 1, i % 10 === 0 ? 1 : 2));
  const links = [];
  for (let uid = 3; uid <= n; uid++)
    if (uid % 10 !== 1)
      links.push({
        predecessorUid: uid - 1 - (uid % 10 === 2 ? 1 : 0),
        successorUid: uid,
        type: 'FS' as const,
        lag: 0,
        lagUnit: 'd' as const,
      });
  const plan: PlanT = {
    projectId: 'p',
    version: 1,
    startDate: '2025-03-03T08:00',
    statusDate: null,
    calendarUid: 1,
    minutesPerDay: 480,
    minutesPerWeek: 2400,
    daysPerMonth: 20,
    finish: null,
    source: 'pharos',
    updatedAt: '2025-03-01T00:00:00.000Z',
    baselinesSet: [],
    calendars: [
      {
        uid: 1,
        name: 'Standard',
        baseUid: null,
        week: [[], hours, hours, hours, hours, hours, []],
        exceptions: [],
        workWeeks: [],
      },
    ],
    tasks,
    links,
    resources: [],
    assignments: [],
  };
  scheduleDocument(plan);
  return plan;
}

/** What the server answers for an edit it made to `before` (its own copy), as `editPlan` does. */
function serverChange(
  before: PlanT,
  edit: (p: PlanT) => void,
  uid: number,
): { after: PlanT; change: PlanChangeT } {
  const after = structuredClone(before);
  edit(after);
  const edited = after.tasks.find((t) => t.uid === uid);
  if (edited) edited.version += 1;
  scheduleDocument(after);
  const was = new Map(before.tasks.map((t) => [t.uid, t]));
  const moved = after.tasks.filter(
    (t) => t.uid !== uid && JSON.stringify(t) !== JSON.stringify(was.get(t.uid)),
  );
  const col = <K extends keyof PlanTaskT>(k: K) => moved.map((t) => t[k]);
  return {
    after,
    change: {
      version: before.version + 1,
      finish: after.finish,
      tasks: edited ? [edited] : [],
      moved: {
        uid: col('uid'),
        row: col('row'),
        wbs: col('wbs'),
        summary: col('summary'),
        start: col('start'),
        finish: col('finish'),
        earlyStart: col('earlyStart'),
        earlyFinish: col('earlyFinish'),
        lateStart: col('lateStart'),
        lateFinish: col('lateFinish'),
        totalSlack: col('totalSlack'),
        freeSlack: col('freeSlack'),
        critical: col('critical'),
        remainingDuration: col('remainingDuration'),
      },
      links: after.links,
      removed: [],
      scheduleMs: 0,
      recomputeMs: 0,
    },
  };
}

const edits = planEdits('p');

describe('LocalSchedule', () => {
  it('shows an edit with every task it moves, as the server will schedule it, without touching the cached plan', () => {
    const plan = served(200);
    const snapshot = structuredClone(plan);
    const local = new LocalSchedule();
    local.prepare(plan);
    const edit = edits.updateTask(3, 'Task 3', { duration: 10 * DAY, durationUnit: 'd' });
    const next = local.apply(plan, edit.apply)!;
    expect(plan).toEqual(snapshot);
    const { after, change } = serverChange(plan, edit.apply!, 3);
    // The same dates as the server's, all but the edited task's version.
    expect(next.tasks.map(({ version: _v, ...t }) => t)).toEqual(
      after.tasks.map(({ version: _v, ...t }) => t),
    );
    expect(next.finish).toBe(after.finish);
    expect(next.tasks[4]!.start).not.toBe(plan.tasks[4]!.start);
    // Tasks before the edit keep their objects.
    expect(next.tasks[1]).toBe(plan.tasks[1]);

    // The server's answer agrees: nothing moves again.
    const agreement = { moved: 0, differed: 0 };
    const confirmed = applyChange(next, change, [], agreement);
    expect(agreement.moved).toBeGreaterThan(0);
    expect(agreement.differed).toBe(0);
    expect(confirmed.tasks.filter((t, i) => t !== next.tasks[i]).map((t) => t.uid)).toEqual([3]);

    // The next edit starts from the confirmed plan.
    const second = edits.updateTask(5, 'Task 5', { percentComplete: 50 });
    const again = local.apply(confirmed, second.apply)!;
    expect(again.tasks.map(({ version: _v, ...t }) => t)).toEqual(
      serverChange(confirmed, second.apply!, 5).after.tasks.map(({ version: _v, ...t }) => t),
    );
  });

  it('schedules links and deletions, and leaves a cycle to the server', () => {
    const plan = served(60);
    const local = new LocalSchedule();
    const link = edits.createLink({
      predecessorUid: 12,
      successorUid: 25,
      type: 'FS',
      lag: 2 * DAY,
      lagUnit: 'd',
    });
    const linked = local.apply(plan, link.apply)!;
    expect(linked.links).toHaveLength(plan.links.length + 1);
    const fresh = structuredClone(plan);
    link.apply!(fresh);
    scheduleDocument(fresh);
    expect(linked.tasks).toEqual(fresh.tasks);

    expect(
      local.apply(linked, edits.createLink({ predecessorUid: 29, successorUid: 23, type: 'FS' }).apply),
    ).toBeNull();

    const gone = local.apply(linked, edits.deleteTask(21, 'Task 21').apply)!;
    expect(gone.tasks.some((t) => t.uid >= 21 && t.uid <= 30)).toBe(false);
    expect(gone.tasks.map((t) => t.row)).toEqual(gone.tasks.map((_, i) => i + 1));
    const freshGone = structuredClone(linked);
    edits.deleteTask(21, 'Task 21').apply!(freshGone);
    scheduleDocument(freshGone);
    expect(gone.tasks).toEqual(freshGone.tasks);
  });
});
