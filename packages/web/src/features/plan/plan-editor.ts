import { notifications } from '@mantine/notifications';
import type { PlanChangeT, PlanLinkT, PlanT } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { markChangeApplied, markEdit } from './gantt-perf';
import { applyChange, planKeys } from './plan-cache';

/** One edit of a plan: what to show at once, and the call that makes it (given the plan as it is then). */
export interface PlanEdit {
  /** What the edit does, for an error message ("Move Design"). */
  label: string;
  optimistic?: (plan: PlanT) => PlanT;
  send: (plan: PlanT) => Promise<PlanChangeT>;
  /** Links the edit removes (a PlanChange lists removed tasks, not links). */
  removedLinks?: PlanLinkT[];
  /** Rows or the outline change: reload the plan afterwards for every row number and WBS code. */
  structural?: boolean;
}

/**
 * Runs a plan's edits one after another (each reads the versions the previous one left), paints
 * them at once, applies the PlanChange the server answers, and takes the optimistic picture back
 * when the server refuses. A version conflict is kept until the person reloads.
 */
export function usePlanEditor(projectId: string) {
  const qc = useQueryClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [conflict, setConflict] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const key = useMemo(() => planKeys.plan(projectId), [projectId]);

  const run = useCallback(
    (edit: PlanEdit): Promise<PlanChangeT | null> => {
      markEdit();
      const current = qc.getQueryData<PlanT>(key);
      if (current && edit.optimistic) qc.setQueryData(key, edit.optimistic(current));
      setPending((n) => n + 1);
      const job = queue.current.then(async () => {
        const before = qc.getQueryData<PlanT>(key);
        if (!before) return null;
        try {
          const change = await edit.send(before);
          performance.mark('gantt:change-received');
          const now = qc.getQueryData<PlanT>(key) ?? before;
          qc.setQueryData(key, applyChange(now, change, edit.removedLinks));
          markChangeApplied();
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
    [qc, key],
  );

  const reload = useCallback(async () => {
    setConflict(null);
    await qc.invalidateQueries({ queryKey: key });
  }, [qc, key]);

  return { run, conflict, reload, pending };
}
