import { describe, expect, it } from 'vitest';
import { type DocumentTask, numberTasks, planInstant, planMinute, type ScheduleDocument } from './document';
import { ScheduleMemo, scheduleDocument } from './document-schedule';

const DAY = 480;
const hours = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

function task(uid: number, outlineLevel: number, duration: number): DocumentTask {
  return {
    uid,
    row: 0,
    wbs: '',
    summary: false,
    outlineLevel,
    milestone: false,
    manual: false,
    manualStart: null,
    duration,
    durationUnit: 'd',
    constraintType: 'ASAP',
    constraintDate: null,
    deadline: null,
    calendarUid: null,
    percentComplete: 0,
    actualStart: null,
    actualFinish: null,
    remainingDuration: null,
    start: null,
    finish: null,
    earlyStart: null,
    earlyFinish: null,
    lateStart: null,
    lateFinish: null,
    totalSlack: null,
    freeSlack: null,
    critical: false,
  };
}

/** A phase of `n` tasks, each following the one before it, and a last task linked SS with a lag. */
function doc(n: number): ScheduleDocument {
  const tasks = [task(1, 1, 0)];
  for (let i = 2; i <= n + 1; i++) tasks.push(task(i, 2, (1 + (i % 3)) * DAY));
  tasks.push(task(n + 2, 1, 2 * DAY));
  const links = [];
  for (let i = 3; i <= n + 1; i++)
    links.push({ predecessorUid: i - 1, successorUid: i, type: 'FS' as const, lag: 0, lagUnit: 'd' });
  links.push({ predecessorUid: n + 1, successorUid: n + 2, type: 'SS' as const, lag: DAY, lagUnit: 'd' });
  return {
    startDate: '2025-03-03T08:00',
    statusDate: null,
    calendarUid: 1,
    finish: null,
    calendars: [
      {
        uid: 1,
        baseUid: null,
        week: [[], hours, hours, hours, hours, hours, []],
        exceptions: [{ from: '2025-03-07', to: '2025-03-07', hours: [] }],
        workWeeks: [],
      },
    ],
    tasks,
    links,
  };
}

const copy = (d: ScheduleDocument): ScheduleDocument => structuredClone(d);

describe('scheduleDocument', () => {
  it('numbers the outline, writes each task its dates and rolls summaries up', () => {
    const d = doc(3);
    scheduleDocument(d);
    expect(d.tasks.map((t) => [t.row, t.wbs, t.summary])).toEqual([
      [1, '1', true],
      [2, '1.1', false],
      [3, '1.2', false],
      [4, '1.3', false],
      [5, '2', false],
    ]);
    // 3d, 1d, 2d one after another from Monday 08:00, with Friday off.
    expect(d.tasks.slice(1, 4).map((t) => [t.start, t.finish])).toEqual([
      ['2025-03-03T08:00', '2025-03-05T17:00'],
      ['2025-03-06T08:00', '2025-03-06T17:00'],
      ['2025-03-10T08:00', '2025-03-11T17:00'],
    ]);
    expect(d.tasks[0]).toMatchObject({
      start: '2025-03-03T08:00',
      finish: '2025-03-11T17:00',
      duration: 6 * DAY,
    });
    expect(d.tasks[4]!.start).toBe('2025-03-11T08:00');
    expect(d.finish).toBe('2025-03-12T17:00');
    expect(d.tasks.every((t) => t.totalSlack !== null && t.earlyStart !== null)).toBe(true);
  });

  it('gives with a memo what it gives without one, edit after edit', () => {
    const memo = new ScheduleMemo();
    let d = doc(50);
    scheduleDocument(d, memo);
    const edits: ((x: ScheduleDocument) => void)[] = [
      (x) => {
        x.tasks[2]!.duration = 9 * DAY;
      },
      (x) => {
        x.tasks[10]!.constraintType = 'SNET';
        x.tasks[10]!.constraintDate = '2025-06-02T08:00';
      },
      (x) => {
        x.tasks[5]!.outlineLevel = 1;
      },
      (x) => {
        x.links = x.links.filter((l) => l.successorUid !== 20);
      },
      (x) => {
        x.tasks.splice(30, 3);
        x.links = x.links.filter((l) => l.predecessorUid < 30 && l.successorUid < 30);
      },
    ];
    for (const edit of edits) {
      d = copy(d);
      edit(d);
      const fresh = copy(d);
      scheduleDocument(d, memo);
      scheduleDocument(fresh);
      expect(d).toEqual(fresh);
    }
  });

  it('copies only the tasks it changes when told to, leaving the earlier document whole', () => {
    // As the server edits: the lists copied, a changed task copied, every task of the earlier
    // version frozen; a memo that trusts an unchanged object to be the same task.
    const memo = new ScheduleMemo({ sharedTasks: true });
    let d = doc(40);
    scheduleDocument(d, memo);
    const edits: ((x: ScheduleDocument, own: (i: number) => DocumentTask) => void)[] = [
      (_, own) => {
        own(2).duration = 9 * DAY;
      },
      (_, own) => {
        own(5).outlineLevel = 1;
      },
      (x) => {
        x.tasks.splice(30, 3);
        x.links = x.links.filter((l) => l.predecessorUid < 30 && l.successorUid < 30);
      },
      (_, own) => {
        own(7).constraintType = 'MSO';
        own(7).constraintDate = '2025-05-05T08:00';
      },
      () => {},
    ];
    for (const edit of edits) {
      for (const t of d.tasks) Object.freeze(t);
      const before = d;
      const snapshot = structuredClone(before);
      const next = { ...before, tasks: [...before.tasks], links: [...before.links] };
      const copied = new Set<DocumentTask>();
      const own = (i: number) => {
        const t = next.tasks[i]!;
        if (copied.has(t)) return t;
        const c = { ...t };
        copied.add(c);
        next.tasks[i] = c;
        return c;
      };
      edit(next, own);
      const fresh = copy(next);
      scheduleDocument(next, memo, { own });
      scheduleDocument(fresh);
      expect(next).toEqual(fresh);
      expect(before).toEqual(snapshot);
      // A task the edit and the schedule left alone is the same object.
      const moved = next.tasks.filter((t, i) => t !== before.tasks[i]).length;
      if (edits.indexOf(edit) === edits.length - 1) expect(moved).toBe(0);
      d = next;
    }
  });

  it('reads and writes plan instants', () => {
    expect(planInstant(planMinute('2025-03-03T08:05'))).toBe('2025-03-03T08:05');
    // A computed instant with a floating-point remainder is still a whole minute.
    expect(planInstant(planMinute('2025-03-24T09:18') + 0.899999998509884)).toBe('2025-03-24T09:19');
    expect(planInstant(planMinute('2025-03-24T09:18') - 1e-9)).toBe('2025-03-24T09:18');
    const tasks = [task(1, 2, DAY), task(2, 3, DAY), task(3, 1, DAY)];
    numberTasks(tasks);
    expect(tasks.map((t) => [t.outlineLevel, t.wbs])).toEqual([
      [1, '1'],
      [2, '1.1'],
      [1, '2'],
    ]);
  });
});
