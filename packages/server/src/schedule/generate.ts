import type { PlanTaskT } from '@pharos/api';
import { prng } from '../demo/random';
import { newPlan, newTask, type PlanDocument } from './document';

const DAY = 480;

/**
 * A large, plan-shaped document for benchmarks and tests: work packages of ten tasks under
 * phases, each task following the one before it (so an edit to the first cascades through the
 * whole plan), plus cross links of every type with lags, a few milestones.
 */
export function generatePlan(tasks: number, seed = 1): PlanDocument {
  const r = prng(seed).next;
  const list: PlanTaskT[] = [];
  const links: PlanDocument['links'] = [];
  let previous = 0;
  for (let uid = 1; list.length < tasks; uid++) {
    const row = list.length;
    const level = row % 100 === 0 ? 1 : row % 10 === 0 ? 2 : 3;
    const milestone = level === 3 && r() < 0.05;
    list.push(
      newTask(uid, {
        row: row + 1,
        name: level === 1 ? `Phase ${uid}` : level === 2 ? `Work package ${uid}` : `Task ${uid}`,
        outlineLevel: level,
        milestone,
        duration: milestone ? 0 : (1 + Math.floor(r() * 10)) * DAY,
      }),
    );
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
  const plan = newPlan(`Generated plan of ${tasks} tasks`, '2026-01-05T08:00');
  plan.calendars[0]!.exceptions = [{ name: 'New Year', from: '2027-01-01', to: '2027-01-01', hours: [] }];
  return { ...plan, tasks: list, links };
}
