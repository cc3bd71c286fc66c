/*
 * Tracking a plan: progress (status date, % complete, actual dates, remaining duration) and
 * baselines 0–10 set and cleared. Each is an edit of the plan (service.ts `editPlan`): one
 * transaction, rescheduled, audited.
 */
import { AppError } from '../errors';
import type { Ctx } from '../http/context';
import { checkVersion, editPlan, ownTask } from './service';

interface ProgressBody {
  statusDate?: string | null;
  tasks: {
    uid: number;
    version: number;
    percentComplete?: number;
    actualStart?: string | null;
    actualFinish?: string | null;
    remainingDuration?: number | null;
  }[];
}

export function recordProgress(ctx: Ctx, projectId: string, body: ProgressBody) {
  return editPlan(ctx, projectId, 'progress', (draft) => {
    const { doc } = draft;
    if (body.statusDate !== undefined) doc.statusDate = body.statusDate;
    for (const [k, e] of body.tasks.entries()) {
      const t = ownTask(draft, e.uid, `tasks[${k}].uid`);
      checkVersion(t, e.version);
      const { uid: _u, version: _v, ...fields } = e;
      for (const [f, v] of Object.entries(fields)) if (v !== undefined) (t as Record<string, unknown>)[f] = v;
      if (e.percentComplete === 100 && t.actualFinish === null) t.actualFinish = t.finish;
      if ((e.percentComplete ?? 0) > 0 && t.actualStart === null) t.actualStart = t.start;
      if (e.remainingDuration === undefined) t.remainingDuration = null;
      t.version += 1;
    }
    return { statusDate: doc.statusDate, tasks: body.tasks.length };
  });
}

export function setBaseline(ctx: Ctx, projectId: string, n: number) {
  return editPlan(ctx, projectId, 'setBaseline', (draft) => {
    const { doc } = draft;
    if (doc.tasks.length === 0)
      throw new AppError('validation_failed', 'The plan has no tasks to save as a baseline', 'number');
    for (let i = 0; i < doc.tasks.length; i++) {
      const t = draft.task(i);
      t.baselines = [
        ...t.baselines.filter((b) => b.number !== n),
        { number: n, start: t.start, finish: t.finish, duration: t.duration, work: null, cost: null },
      ].sort((a, b) => a.number - b.number);
    }
    doc.baselinesSet = [
      ...doc.baselinesSet.filter((b) => b.number !== n),
      { number: n, setAt: new Date().toISOString() },
    ].sort((a, b) => a.number - b.number);
    return { baseline: n };
  });
}

export function clearBaseline(ctx: Ctx, projectId: string, n: number) {
  return editPlan(ctx, projectId, 'clearBaseline', (draft) => {
    const { doc } = draft;
    // Clearing a baseline that holds nothing leaves nothing to do, as in MS Project.
    for (let i = 0; i < doc.tasks.length; i++)
      if (doc.tasks[i]!.baselines.some((b) => b.number === n)) {
        const t = draft.task(i);
        t.baselines = t.baselines.filter((b) => b.number !== n);
      }
    doc.baselinesSet = doc.baselinesSet.filter((b) => b.number !== n);
    return { baseline: n };
  });
}
