import { notifications } from '@mantine/notifications';
import type { PlanChangeT, PlanLinkT, PlanT } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { markChangeApplied, markEdit, markLocalSchedule } from './gantt-perf';
import { LocalSchedule } from './local-schedule';
import { applyChange, planKeys } from './plan-cache';

/** One edit of a plan: what it does to the plan, and the call that makes it (given the plan as it is then). */
export interface PlanEdit {
  /** What the edit does, for an error message ("Move Design"). */
  label: string;
  /**
   * The edit done to a working copy of the plan (its tasks are the copy's own; links are replaced,
   * never changed in place), which the browser then reschedules and shows at once.
   */
  apply?: (plan: PlanT) => void;
  send: (plan: PlanT) => Promise<PlanChangeT>;
  /** Links the edit removes (a PlanChange lists removed tasks, not links). */
  removedLinks?: PlanLinkT[];
  /** Rows or the outline change: reload the plan afterwards for every row number and WBS code. */
  structural?: boolean;
}

/**
 * Runs `f` once the browser is idle with no frame to draw (not between the frames of a scroll:
 * `f` may take a few hundred milliseconds on a large plan).
 */
const whenIdle = (f: () => void): (() => void) => {
  if (typeof requestIdleCallback !== 'function') {
    const id = setTimeout(f, 200);
    return () => clearTimeout(id);
  }
  let id = 0;
  const wait = (d: IdleDeadline) => {
    if (d.timeRemaining() >= 40) f();
    else id = requestIdleCallback(wait);
  };
  id = requestIdleCallback(wait);
  return () => cancelIdleCallback(id);
};

/**
 * Runs a plan's edits one after another (each reads the versions the previous one left). Each
 * edit is applied to the plan and the plan rescheduled in the browser at once (the same engine
 * the server runs), so the chart shows every task it moves before the server answers; then the
 * PlanChange the server answers is applied (it agrees; the server stays the authority), and the
 * plan as it was is put back when the server refuses. A version conflict is kept until the
 * person reloads.
 */
export function usePlanEditor(projectId: string, plan?: PlanT) {
  const qc = useQueryClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [conflict, setConflict] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const key = useMemo(() => planKeys.plan(projectId), [projectId]);
  // One working copy and engine memo per open plan.
  const localRef = useRef<{ projectId: string; schedule: LocalSchedule } | null>(null);
  if (localRef.current?.projectId !== projectId)
    localRef.current = { projectId, schedule: new LocalSchedule() };
  const local = localRef.current.schedule;

  // The plan as loaded (or answered) is scheduled while the browser is idle, so the first edit
  // finds the engine's memo ready (and, after a load, its code warmed up by a few passes).
  useEffect(() => {
    if (!plan) return;
    let cancel = whenIdle(function pass() {
      const began = performance.now();
      const again = local.prepare(plan);
      performance.measure('gantt:local-prepare', { start: began });
      if (again) cancel = whenIdle(pass);
    });
    return () => cancel();
  }, [plan, local]);

  const run = useCallback(
    (edit: PlanEdit): Promise<PlanChangeT | null> => {
      markEdit();
      const current = qc.getQueryData<PlanT>(key);
      if (current && edit.apply) {
        const next = local.apply(current, edit.apply);
        if (next) {
          markLocalSchedule(local.timing);
          qc.setQueryData(key, next);
        }
      }
      setPending((n) => n + 1);
      const job = queue.current.then(async () => {
        const before = qc.getQueryData<PlanT>(key);
        if (!before) return null;
        try {
          const change = await edit.send(before);
          performance.mark('gantt:change-received');
          const now = qc.getQueryData<PlanT>(key) ?? before;
          const agreement = { moved: 0, differed: 0 };
          qc.setQueryData(key, applyChange(now, change, edit.removedLinks, agreement));
          markChangeApplied(agreement);
          if (edit.structural) await qc.invalidateQueries({ queryKey: key });
          return change;
        } catch (e) {
          if (current) qc.setQueryData(key, current);
          if (isApiError(e) && e.code === 'version_conflict') {
            setConflict(
              `${edit.label}: someone else changed this plan since you loaded it. Your change was not saved.`,
            );
          } else {
            notifications.show({ color: 'red', title: `${edit.label} failed`, message: errorMessage(e) });
          }
          return null;
        } finally {
          setPending((n) => n - 1);
        }
      });
      queue.current = job;
      return job;
    },
    [qc, key, local],
  );

  const reload = useCallback(async () => {
    setConflict(null);
    await qc.invalidateQueries({ queryKey: key });
  }, [qc, key]);

  return { run, conflict, reload, pending };
}
