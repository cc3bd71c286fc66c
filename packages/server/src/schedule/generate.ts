import type { PlanTaskT } from '@pharos/api';
import type { PlanDocument } from './document';

/** A seeded generator (mulberry32): the same plan on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 480;
const week = (h: { from: string; to: string }[]) => [[], h, h, h, h, h, []];

/**
 * A large, plan-shaped document for benchmarks and tests: work packages of ten tasks under
 * phases, each task following the one before it (so an edit to the first cascades through the
 * whole plan), plus cross links of every type with lags, a few milestones.
 */
export function generatePlan(tasks: number, seed = 1): PlanDocument {
  const r = random(seed);
  const list: PlanTaskT[] = [];
  const links: PlanDocument['links'] = [];
  let previous = 0;
  for (let uid = 1; list.length < tasks; uid++) {
    const row = list.length;
    const level = row % 100 === 0 ? 1 : row % 10 === 0 ? 2 : 3;
    const milestone = level === 3 && r() < 0.05;
    list.push({
      uid,
      row: row + 1,
      wbs: '',
      summary: false,
      version: 1,
      name: level === 1 ? `Phase ${uid}` : level === 2 ? `Work package ${uid}` : `Task ${uid}`,
      outlineLevel: level,
      notes: '',
      milestone,
      manual: false,
      duration: milestone ? 0 : (1 + Math.floor(r() * 10)) * DAY,
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
    });
    if (level !== 3) continue;
    if (previous)
      links.push({ predecessorUid: previous, successorUid: uid, type: 'FS', lag: 0, lagUnit: 'd' });
    // A second link from somewhere a little earlier, of any type, sometimes with a lag or lead.
    const back = uid - 2 - Math.floor(r() * 30);
    if (back > 0 && back !== previous && list[back - 1]!.outlineLevel === 3)
      links.push({
        predecessorUid: back,
        successorUid: uid,
        type: (['FS', 'SS', 'FF', 'SF'] as const)[r() < 0.7 ? 0 : Math.floor(r() * 4)]!,
        lag: r() < 0.8 ? 0 : (Math.floor(r() * 7) - 2) * DAY,
        lagUnit: 'd',
      });
    previous = uid;
  }
  return {
    name: `Generated plan of ${tasks} tasks`,
    startDate: '2026-01-05T08:00',
    statusDate: null,
    calendarUid: 1,
    minutesPerDay: 480,
    minutesPerWeek: 2400,
    daysPerMonth: 20,
    finish: null,
    baselinesSet: [],
    calendars: [
      {
        uid: 1,
        name: 'Standard',
        baseUid: null,
        week: week([
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '17:00' },
        ]),
        exceptions: [{ name: 'New Year', from: '2027-01-01', to: '2027-01-01', hours: [] }],
        workWeeks: [],
      },
    ],
    tasks: list,
    links,
    resources: [],
    assignments: [],
  };
}
