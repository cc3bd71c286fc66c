import {
  type MovedTasksT,
  movedFields,
  type PlanCalendarT,
  type PlanChangeT,
  type PlanLinkT,
  type PlanT,
  type PlanTaskT,
} from '@pharos/api';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { AppError, conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { setPlannedDates } from '../registry/planned-dates';
import { registry } from '../registry/routes';
import { checkCycles, checkReferences } from './checks';
import {
  newPlan,
  newTask,
  numberTasks,
  type PlanDocument,
  planInstant,
  ScheduleMemo,
  scheduleDocument,
} from './document';
import { type LivePlan, livePlans, PlanDraft } from './live';
import { loadPlan, planHead, replacePlan } from './repo';
import { savePlanChanges, taskChanges } from './repo-changes';

/**
 * Use cases of plans. Every edit runs in one transaction: the plan row is locked, the edit is
 * checked and applied to the stored document, the whole plan is rescheduled, and what changed
 * is written with an audit row. Tasks carry their own version (a stale one gets 409) so two
 * people may edit different tasks of one plan at the same time; the lock orders their saves.
 */

const ids = registry.project;

/** Checks the caller may read the project (not found otherwise) and returns its registry row. */
async function project(ctx: Ctx, tx: Tx, projectId: string) {
  return ids.load(ctx, tx, projectId);
}

/** A new plan for a project: the Standard calendar, starting with the project. */
function emptyPlan(row: Record<string, unknown>): PlanDocument {
  const day = row.plannedStart
    ? String(row.plannedStart).slice(0, 10)
    : new Date().toISOString().slice(0, 10);
  return newPlan(String(row.name ?? ''), `${day}T08:00`);
}

function present(
  projectId: string,
  stored: { doc: PlanDocument; version: number; source: string; updatedAt: string },
): PlanT {
  const { name: _n, ...doc } = stored.doc;
  return { projectId, version: stored.version, source: stored.source, updatedAt: stored.updatedAt, ...doc };
}

/** The stored plan, from memory while its version holds, else read (and then kept). */
async function storedPlan(ctx: Ctx, tx: Tx, projectId: string, lock = false): Promise<LivePlan | null> {
  const h = await planHead(tx, projectId, lock);
  if (!h) return null;
  const live = livePlans(ctx.reads);
  const hit = live.get(projectId, h.version);
  if (hit) return hit;
  // Outside a transaction, the plan's rows are read as of one moment.
  const loaded =
    tx === ctx.db
      ? await ctx.db.transaction((t) => loadPlan(t, projectId), {
          isolationLevel: 'repeatable read',
          accessMode: 'read only',
        })
      : await loadPlan(tx, projectId);
  if (!loaded) return null;
  live.put(projectId, loaded);
  return loaded;
}

export async function getPlan(ctx: Ctx, projectId: string): Promise<PlanT> {
  const row = await project(ctx, ctx.db, projectId);
  const stored = await storedPlan(ctx, ctx.db, projectId);
  if (stored) return present(projectId, stored);
  const doc = emptyPlan(row);
  return present(projectId, { doc, version: 0, source: 'pharos', updatedAt: new Date().toISOString() });
}

/** The index of a plan's task by UID, failing with not_found for an unknown one. */
function taskIndex(doc: PlanDocument, uid: number, field = 'uid'): number {
  const i = doc.tasks.findIndex((x) => x.uid === uid);
  if (i < 0) throw new AppError('not_found', `The plan has no task with UID ${uid}`, field);
  return i;
}

/** A plan's task by UID, to read, failing with not_found for an unknown one. */
const taskOf = (doc: PlanDocument, uid: number, field = 'uid'): PlanTaskT =>
  doc.tasks[taskIndex(doc, uid, field)]!;

/** A draft's task by UID, to change (the draft's own copy). */
export const ownTask = (draft: PlanDraft, uid: number, field = 'uid'): PlanTaskT =>
  draft.task(taskIndex(draft.doc, uid, field));

export type PlanEdit = (
  draft: PlanDraft,
  stored: { version: number; created: boolean },
) => Record<string, unknown> | undefined;

/**
 * Runs an edit of a project's plan in one transaction (see the file's comment). The edit
 * changes the draft of the plan (a task or link through the draft, which copies it) and may
 * return what to record in the audit trail. The stored plan is never changed in place: what
 * readers hold stays whole, and a failed edit leaves nothing behind.
 */
export async function editPlan(
  ctx: Ctx,
  projectId: string,
  action: string,
  edit: PlanEdit,
): Promise<PlanChangeT> {
  let saved: LivePlan | null = null;
  const change = await inTx(ctx, async (tx) => {
    const row = await project(ctx, tx, projectId);
    await ctx.access.authorize('project', 'update', ids.spec.anchors(row));
    const stored = await storedPlan(ctx, tx, projectId, true);
    const before = stored?.doc ?? emptyPlan(row);
    const draft = new PlanDraft(before);
    const after = draft.doc;
    const auditDetail = edit(draft, { version: stored?.version ?? 0, created: !stored }) ?? {};
    const own = draft.byRow();
    numberTasks(after.tasks, own);
    checkReferences(after, own);
    checkCycles(after);
    // What the last schedule of this plan left (calendars, inputs, date texts) serves this one.
    const memo = stored?.memo ?? new ScheduleMemo({ sharedTasks: true });
    const timing = scheduleDocument(after, memo, { own, numbered: true });
    const changes = taskChanges(before.tasks, after.tasks);
    const h = stored
      ? await savePlanChanges(tx, projectId, stored.version, before, after, changes)
      : await replacePlan(tx, projectId, after, 'pharos');
    if (h === null) throw conflict('plan');
    saved = { ...h, doc: after, memo };
    await feedRegistry(ctx, tx, projectId, after);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'plan',
      entityId: projectId,
      after: { edit: action, ...auditDetail },
    });
    return {
      version: h.version,
      finish: after.finish,
      tasks: changes.whole,
      moved: columns(changes.moved),
      // The links only when the edit changed them (a plan's links can be tens of thousands).
      links: sameLinks(before.links, after.links) ? [] : after.links,
      removed: changes.gone,
      scheduleMs: timing.ms,
      recomputeMs: timing.recomputeMs,
    };
  });
  // Committed: the plan as saved serves the next edit.
  if (saved) livePlans(ctx.reads).put(projectId, saved);
  return change;
}

const sameLinks = (a: PlanLinkT[], b: PlanLinkT[]) =>
  a.length === b.length &&
  a.every((l, i) => {
    const m = b[i]!;
    return (
      l.predecessorUid === m.predecessorUid &&
      l.successorUid === m.successorUid &&
      l.type === m.type &&
      l.lag === m.lag &&
      l.lagUnit === m.lagUnit
    );
  });

/** Moved tasks, column by column (see MovedTasks). */
function columns(tasks: PlanTaskT[]): MovedTasksT {
  return Object.fromEntries(movedFields.map((k) => [k, tasks.map((t) => t[k])])) as MovedTasksT;
}

/** The plan's dates become the project's planned dates in the registry. */
async function feedRegistry(ctx: Ctx, tx: Tx, projectId: string, doc: PlanDocument) {
  let start: string | null = null;
  let finish: string | null = null;
  for (const t of doc.tasks) {
    if (t.start && (start === null || t.start < start)) start = t.start;
    if (t.finish && (finish === null || t.finish > finish)) finish = t.finish;
  }
  await setPlannedDates(ctx, tx, projectId, start?.slice(0, 10) ?? null, finish?.slice(0, 10) ?? null);
}

export const checkVersion = (t: PlanTaskT, version: number) => {
  if (t.version !== version) throw conflict('task');
};

// ---------- the edits ----------

export function updateSettings(
  ctx: Ctx,
  projectId: string,
  body: Partial<PlanDocument> & { version: number },
) {
  return editPlan(ctx, projectId, 'settings', ({ doc }, s) => {
    if (body.version !== s.version && !(s.created && body.version === 1)) throw conflict('plan');
    const { version: _v, ...changes } = body;
    Object.assign(doc, changes);
    return { changes };
  });
}

type TaskInput = Partial<Omit<PlanTaskT, 'uid' | 'row' | 'wbs' | 'summary' | 'version' | 'baselines'>>;

/** Copies a task's editable fields; a milestone has no duration. */
function applyTaskInput(t: PlanTaskT, input: TaskInput) {
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (t as Record<string, unknown>)[k] = v;
  if (input.milestone === true && input.duration === undefined) t.duration = 0;
  if (input.duration !== undefined && input.duration > 0 && input.milestone === undefined)
    t.milestone = false;
  if (input.percentComplete !== undefined || input.duration !== undefined) t.remainingDuration = null;
}

export function createTask(ctx: Ctx, projectId: string, body: TaskInput & { beforeRow?: number }) {
  return editPlan(ctx, projectId, 'createTask', (draft) => {
    const { doc } = draft;
    const { beforeRow, ...input } = body;
    const uid = doc.tasks.reduce((m, t) => Math.max(m, t.uid), 0) + 1;
    const t = draft.adopt(newTask(uid));
    applyTaskInput(t, input);
    const at = beforeRow === undefined ? doc.tasks.length : Math.min(beforeRow - 1, doc.tasks.length);
    doc.tasks.splice(at, 0, t);
    return { uid, name: t.name };
  });
}

export function updateTask(ctx: Ctx, projectId: string, uid: number, body: TaskInput & { version: number }) {
  return editPlan(ctx, projectId, 'updateTask', (draft) => {
    const t = ownTask(draft, uid);
    checkVersion(t, body.version);
    const { version: _v, ...input } = body;
    applyTaskInput(t, input);
    t.version += 1;
    return { uid, changes: input };
  });
}

/** The rows a task spans: itself and the deeper tasks after it. */
function subtree(doc: PlanDocument, uid: number) {
  const i = doc.tasks.findIndex((t) => t.uid === uid);
  let j = i + 1;
  while (j < doc.tasks.length && doc.tasks[j]!.outlineLevel > doc.tasks[i]!.outlineLevel) j++;
  return [i, j] as const;
}

export function deleteTask(ctx: Ctx, projectId: string, uid: number, version: number) {
  return editPlan(ctx, projectId, 'deleteTask', ({ doc }) => {
    checkVersion(taskOf(doc, uid), version);
    const [i, j] = subtree(doc, uid);
    const gone = new Set(doc.tasks.slice(i, j).map((t) => t.uid));
    doc.tasks.splice(i, j - i);
    doc.links = doc.links.filter((l) => !gone.has(l.predecessorUid) && !gone.has(l.successorUid));
    doc.assignments = doc.assignments.filter((a) => !gone.has(a.taskUid));
    return { uids: [...gone] };
  });
}

/** The index of the link from task `p` to task `s`, failing with not_found when there is none. */
const linkIndex = (doc: PlanDocument, p: number, s: number) => {
  const i = doc.links.findIndex((x) => x.predecessorUid === p && x.successorUid === s);
  if (i < 0) throw new AppError('not_found', `No link from task ${p} to task ${s}`);
  return i;
};

export function createLink(ctx: Ctx, projectId: string, body: PlanLinkT) {
  return editPlan(ctx, projectId, 'createLink', ({ doc }) => {
    taskOf(doc, body.predecessorUid, 'predecessorUid');
    taskOf(doc, body.successorUid, 'successorUid');
    if (body.predecessorUid === body.successorUid)
      throw new AppError('cycle', 'A task cannot be linked to itself', 'successorUid');
    if (
      doc.links.some((l) => l.predecessorUid === body.predecessorUid && l.successorUid === body.successorUid)
    )
      throw new AppError(
        'duplicate',
        'These tasks are already linked; change the link instead',
        'successorUid',
      );
    for (const [a, b] of [
      [body.predecessorUid, body.successorUid],
      [body.successorUid, body.predecessorUid],
    ] as const) {
      const [i, j] = subtree(doc, a);
      if (doc.tasks.slice(i + 1, j).some((t) => t.uid === b))
        throw new AppError(
          'cycle',
          'A summary task cannot be linked to one of its own subtasks',
          'successorUid',
        );
    }
    doc.links.push({ ...body });
    return { link: body };
  });
}

export function updateLink(ctx: Ctx, projectId: string, p: number, s: number, body: Partial<PlanLinkT>) {
  return editPlan(ctx, projectId, 'updateLink', (draft) => {
    const l = draft.link(linkIndex(draft.doc, p, s));
    for (const [k, v] of Object.entries(body)) if (v !== undefined) (l as Record<string, unknown>)[k] = v;
    return { predecessorUid: p, successorUid: s, changes: body };
  });
}

export function deleteLink(ctx: Ctx, projectId: string, p: number, s: number) {
  return editPlan(ctx, projectId, 'deleteLink', ({ doc }) => {
    const i = linkIndex(doc, p, s);
    doc.links = doc.links.filter((_, j) => j !== i);
    return { predecessorUid: p, successorUid: s };
  });
}

export function putCalendar(ctx: Ctx, projectId: string, body: PlanCalendarT & { version: number }) {
  return editPlan(ctx, projectId, 'putCalendar', ({ doc }, s) => {
    if (body.version !== s.version && !(s.created && body.version === 1)) throw conflict('plan');
    const { version: _v, ...cal } = body;
    for (let b = cal.baseUid, seen = 0; b !== null && seen < 20; seen++) {
      if (b === cal.uid) throw new AppError('cycle', 'A calendar cannot be based on itself', 'baseUid');
      b = doc.calendars.find((c) => c.uid === b)?.baseUid ?? null;
    }
    const i = doc.calendars.findIndex((c) => c.uid === cal.uid);
    if (i >= 0) doc.calendars[i] = cal;
    else doc.calendars.push(cal);
    return { calendar: cal.uid, name: cal.name };
  });
}

/** Checks the caller may change a project's plan (before reading a file for it). */
export async function authorizePlanEdit(ctx: Ctx, projectId: string) {
  const row = await project(ctx, ctx.db, projectId);
  await ctx.access.authorize('project', 'update', ids.spec.anchors(row));
}

/**
 * Replaces a project's plan with a document read from a file (already checked and read), in one
 * transaction: nothing changes when anything fails.
 */
export async function replaceWithDocument(ctx: Ctx, projectId: string, doc: PlanDocument, source: string) {
  return inTx(ctx, async (tx) => {
    const row = await project(ctx, tx, projectId);
    await ctx.access.authorize('project', 'update', ids.spec.anchors(row));
    await planHead(tx, projectId, true);
    livePlans(ctx.reads).forget(projectId);
    numberTasks(doc.tasks);
    checkReferences(doc);
    checkCycles(doc);
    // On the embedded database the tables scheduling leaves alone load while it runs.
    const { version } = await replacePlan(tx, projectId, doc, source, () => scheduleDocument(doc));
    await feedRegistry(ctx, tx, projectId, doc);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'plan',
      entityId: projectId,
      after: { edit: 'import', source, tasks: doc.tasks.length, links: doc.links.length },
    });
    return version;
  });
}

export { planInstant };
