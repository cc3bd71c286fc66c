/** Small builders of plan tasks and links, for tests. */
import { Constraint, LinkType } from './cpm';
import type { PlanLinkInput, PlanTaskInput } from './plan';

export const task = (uid: number, duration: number, more: Partial<PlanTaskInput> = {}): PlanTaskInput => ({
  uid,
  outlineLevel: 1,
  milestone: duration === 0,
  manual: false,
  manualStart: null,
  duration,
  elapsed: false,
  constraint: Constraint.ASAP,
  constraintDate: null,
  deadline: null,
  calendarUid: null,
  percentComplete: 0,
  actualStart: null,
  actualFinish: null,
  remainingDuration: null,
  ...more,
});
export const link = (p: number, s: number, more: Partial<PlanLinkInput> = {}): PlanLinkInput => ({
  predecessorUid: p,
  successorUid: s,
  type: LinkType.FS,
  lag: 0,
  lagKind: 'work',
  ...more,
});
