import { newPlan, newTask, type PlanDocument, scheduleDocument } from '../schedule/document';
import type { Prng } from './random';

/** The day the demo plans report their progress on (a Friday evening). */
export const DEMO_STATUS_DATE = '2026-11-20T17:00';

type Step = [level: number, name: string, days: number, links?: (number | [number, 'SS' | 'FF', number])[]];

/** A delivery lifecycle, in working days, with its links (by row, from 1). */
const TEMPLATE: Step[] = [
  [1, 'Initiation', 0],
  [2, 'Project charter', 5],
  [2, 'Stakeholder analysis', 3, [2]],
  [2, 'Charter approved', 0, [3]],
  [1, 'Planning', 0],
  [2, 'Requirements workshops', 10, [4]],
  [2, 'Solution design', 15, [6]],
  [2, 'Plan and budget', 5, [[7, 'SS', 5]]],
  [2, 'Gate: plan approved', 0, [7, 8]],
  [1, 'Execution', 0],
  [2, 'Build increment 1', 20, [9]],
  [2, 'Build increment 2', 20, [11]],
  [2, 'Integration testing', 10, [12]],
  [2, 'User acceptance testing', 10, [13]],
  [2, 'Training', 5, [[14, 'FF', 0]]],
  [2, 'Ready for go-live', 0, [14, 15]],
  [1, 'Deployment', 0],
  [2, 'Cutover', 3, [16]],
  [2, 'Go-live', 0, [18]],
  [2, 'Hypercare', 10, [19]],
  [1, 'Closing', 0],
  [2, 'Lessons learned', 2, [20]],
  [2, 'Project closed', 0, [22]],
];
const TEMPLATE_DAYS = 113;

/**
 * A realistic plan for a demo project: the lifecycle above stretched to its planned dates,
 * baselined on the first estimates, then slipped a little and progressed to the status date.
 */
export function demoPlan(
  project: { name: string; plannedStart: string; plannedFinish: string },
  r: Prng,
): PlanDocument {
  const calendarDays = (Date.parse(project.plannedFinish) - Date.parse(project.plannedStart)) / 86_400_000;
  const scale = Math.max(0.3, (calendarDays * 5) / 7 / TEMPLATE_DAYS);
  const doc: PlanDocument = {
    ...newPlan(project.name, `${project.plannedStart}T08:00`),
    tasks: TEMPLATE.map(([level, name, days], i) =>
      newTask(i + 1, {
        row: i + 1,
        name,
        outlineLevel: level,
        duration: Math.round(days * scale) * 480,
        milestone: days === 0 && level > 1,
      }),
    ),
    links: TEMPLATE.flatMap(([, , , links], i) =>
      (links ?? []).map((l) =>
        typeof l === 'number'
          ? { predecessorUid: l, successorUid: i + 1, type: 'FS' as const, lag: 0, lagUnit: 'd' as const }
          : {
              predecessorUid: l[0],
              successorUid: i + 1,
              type: l[1],
              lag: Math.round(l[2] * scale) * 480,
              lagUnit: 'd' as const,
            },
      ),
    ),
  };
  // Baseline 0: the plan as first approved.
  scheduleDocument(doc);
  for (const t of doc.tasks)
    t.baselines = [
      { number: 0, start: t.start, finish: t.finish, duration: t.duration, work: null, cost: null },
    ];
  doc.baselinesSet = [{ number: 0, setAt: `${project.plannedStart}T09:00:00.000Z` }];
  // Reality: some work takes longer than estimated.
  for (const t of doc.tasks)
    if (!t.milestone && r.next() < 0.35)
      t.duration = Math.round((t.duration * (1 + r.next() * 0.4)) / 480) * 480;
  scheduleDocument(doc);
  // Progress to the status date.
  if (doc.tasks[0]!.start! < DEMO_STATUS_DATE) {
    doc.statusDate = DEMO_STATUS_DATE;
    for (const t of doc.tasks) {
      if (t.summary || !t.start || !t.finish || t.start >= DEMO_STATUS_DATE) continue;
      t.actualStart = t.start;
      if (t.finish <= DEMO_STATUS_DATE) {
        t.percentComplete = 100;
        t.actualFinish = t.finish;
      } else {
        const done =
          (Date.parse(DEMO_STATUS_DATE) - Date.parse(t.start)) / (Date.parse(t.finish) - Date.parse(t.start));
        t.percentComplete = Math.max(5, Math.min(95, Math.round(done * 100)));
      }
    }
    scheduleDocument(doc);
  }
  return doc;
}
