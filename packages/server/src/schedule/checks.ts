import type { PlanTaskT } from '@pharos/api';
import { CycleError, topologicalOrder } from '@pharos/engine';
import { AppError } from '../errors';
import type { PlanDocument } from './document';

/*
 * What a plan must hold before it is scheduled and saved: every reference leads somewhere, and
 * no links wait on each other in a circle.
 */

/** Refuses a plan whose links wait on each other in a circle, naming the tasks. */
export function checkCycles(doc: PlanDocument) {
  const index = new Map(doc.tasks.map((t, i) => [t.uid, i]));
  const pred = Int32Array.from(doc.links, (l) => index.get(l.predecessorUid)!);
  const succ = Int32Array.from(doc.links, (l) => index.get(l.successorUid)!);
  // A summary waits on its subtasks: a link from a subtask to its own summary (or back) is a cycle too.
  try {
    topologicalOrder(doc.tasks.length, pred, succ);
  } catch (e) {
    if (!(e instanceof CycleError)) throw e;
    const names = e.tasks.map((i) => `${doc.tasks[i]!.row} ${doc.tasks[i]!.name}`);
    throw new AppError(
      'cycle',
      `These tasks would wait on each other in a circle: ${names.join(' → ')}`,
      'links',
    );
  }
}

/**
 * Checks what the plan refers to exists: link ends, calendars. A manually scheduled task without
 * a start of its own keeps the one it has (through `own`, given a draft).
 */
export function checkReferences(doc: PlanDocument, own: (i: number) => PlanTaskT = (i) => doc.tasks[i]!) {
  const uids = new Set(doc.tasks.map((t) => t.uid));
  const calendars = new Set(doc.calendars.map((c) => c.uid));
  if (!calendars.has(doc.calendarUid))
    throw new AppError(
      'invalid_reference',
      `The plan has no calendar with UID ${doc.calendarUid}`,
      'calendarUid',
    );
  for (const [i, t] of doc.tasks.entries()) {
    if (t.calendarUid !== null && !calendars.has(t.calendarUid))
      throw new AppError(
        'invalid_reference',
        `Task ${t.row} uses calendar ${t.calendarUid}, which the plan does not have`,
        'calendarUid',
      );
    const dated = t.constraintType !== 'ASAP' && t.constraintType !== 'ALAP';
    if (dated && t.constraintDate === null)
      throw new AppError(
        'validation_failed',
        `Task ${t.row}: a ${t.constraintType} constraint needs a date`,
        'constraintDate',
      );
    if (t.manual && t.manualStart === null) own(i).manualStart = t.start ?? null;
  }
  for (const l of doc.links) {
    if (!uids.has(l.predecessorUid))
      throw new AppError('invalid_reference', `No task with UID ${l.predecessorUid}`, 'predecessorUid');
    if (!uids.has(l.successorUid))
      throw new AppError('invalid_reference', `No task with UID ${l.successorUid}`, 'successorUid');
  }
  for (const c of doc.calendars)
    if (c.baseUid !== null && !calendars.has(c.baseUid))
      throw new AppError(
        'invalid_reference',
        `Calendar ${c.name} is based on calendar ${c.baseUid}, which the plan does not have`,
        'baseUid',
      );
}
