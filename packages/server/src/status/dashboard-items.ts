/*
 * The dashboard's escalations and decisions waiting, from what the RAID registers and governance
 * give it (raid/dashboard.ts, governance/dashboard.ts): read once for the whole organization
 * until the next write (there are few open ones), then kept to the scope and to what the caller
 * may read — and, for change requests, to the steps the caller may take.
 */
import type { DecisionEntry, EscalationEntry, Role } from '@pharos/api';
import type { z } from 'zod';
import { openGateReviews, openStopRecommendations, waitingChanges } from '../governance/dashboard';
import type { Ctx } from '../http/context';
import type { Anchors } from '../policy/reach';
import { covers } from '../policy/reach';
import { openEscalatedItems, proposedDecisions, type RaidPlace } from '../raid/dashboard';
import { anchorsOf, type Scope } from './rollup-scope';
import type { BoardProject } from './rollup-store';
import { officeSubtree, portfolioSubtree, type Structure } from './rollup-structure';

type Escalation = z.infer<typeof EscalationEntry>;
type Decision = z.infer<typeof DecisionEntry>;

function openItems(ctx: Ctx) {
  return ctx.reads.memo('health:open-items', async () => ({
    escalations: await openEscalatedItems(ctx.db),
    decisions: await proposedDecisions(ctx.db),
    gates: await openGateReviews(ctx.db),
    changes: await waitingChanges(ctx.db),
    stops: await openStopRecommendations(ctx.db),
  }));
}

export interface ItemContext {
  ctx: Ctx;
  scope: Scope;
  structure: Structure;
  /** Every project of the board, by id. */
  projects: Map<string, BoardProject>;
}

function placeOf(c: ItemContext, place: RaidPlace): { anchors: Anchors; inScope: boolean } | null {
  const { scope, structure: s } = c;
  if (place.projectId) {
    const p = c.projects.get(place.projectId);
    return p ? { anchors: anchorsOf(p), inScope: scope.contains(p) } : null;
  }
  if (place.programId) {
    const g = s.programs.get(place.programId);
    if (!g) return null;
    const inScope =
      scope.kind === 'program'
        ? g.id === scope.id
        : scope.offices === null || scope.offices.has(g.officeId) || scope.portfolios!.has(g.parentId ?? '');
    return { anchors: { program: g.id, portfolio: g.parentId, office: g.officeId }, inScope };
  }
  if (place.portfolioId) {
    const f = s.portfolios.get(place.portfolioId);
    if (!f) return null;
    return {
      anchors: { portfolio: f.id, office: f.officeId },
      inScope: scope.portfolios === null || scope.portfolios.has(f.id),
    };
  }
  if (place.officeId)
    return {
      anchors: { office: place.officeId },
      inScope: scope.offices === null || scope.offices.has(place.officeId),
    };
  return null;
}

const registerName = (c: ItemContext, place: RaidPlace) => {
  const s = c.structure;
  if (place.projectId) {
    const p = c.projects.get(place.projectId);
    return p ? `${p.code} ${p.name}` : 'A project';
  }
  const node =
    (place.programId && s.programs.get(place.programId)) ||
    (place.portfolioId && s.portfolios.get(place.portfolioId)) ||
    (place.officeId && s.offices.get(place.officeId));
  return node ? `${node.code} ${node.name}` : '—';
};

const projectRef = (c: ItemContext, id: string | null) => {
  const p = id ? c.projects.get(id) : undefined;
  return { projectId: p?.id ?? null, projectCode: p?.code ?? null, projectName: p?.name ?? null };
};

/** Open escalated risks and issues of the scope that the caller may read. */
export async function scopeEscalations(c: ItemContext): Promise<Escalation[]> {
  const reach = await c.ctx.access.reach('raidItem', 'read');
  const office = (id: string | null) => (id ? (c.structure.offices.get(id)?.name ?? null) : null);
  return (await openItems(c.ctx)).escalations.flatMap((e) => {
    const at = placeOf(c, e);
    if (!at?.inScope || !covers(reach, at.anchors)) return [];
    return [
      {
        itemId: e.id,
        code: e.code,
        kind: e.kind,
        title: e.title,
        severity: e.severity,
        score: e.score,
        ...projectRef(c, e.projectId),
        register: registerName(c, e),
        fromOffice: office(e.fromOfficeId),
        toOfficeId: e.toOfficeId,
        toOffice: office(e.toOfficeId) ?? 'An office',
        level: e.level,
        since: e.since,
        reason: e.detail || e.reason,
        dueOn: e.dueOn,
        owner: e.owner,
      },
    ];
  });
}

/** Whether the caller holds one of `roles` by a grant covering the project (as change steps ask). */
function holdsRoleOver(c: ItemContext, roles: readonly Role[], p: BoardProject): boolean {
  const grants = c.ctx.actor?.grants;
  if (!grants) return c.ctx.actor === null; // the system (command line) may do everything
  const s = c.structure;
  return grants.some((g) => {
    if (!roles.includes(g.role)) return false;
    if (g.scopeType === 'organization') return true;
    if (!g.scopeId) return false;
    if (g.scopeType === 'office') return officeSubtree(s, g.scopeId).has(p.officeId);
    if (g.scopeType === 'portfolio')
      return !!p.portfolioId && portfolioSubtree(s, g.scopeId).has(p.portfolioId);
    if (g.scopeType === 'program') return g.scopeId === p.programId;
    return g.scopeId === p.id;
  });
}

const money = (minor: number) =>
  `${minor < 0 ? '−' : '+'}${Math.abs(Math.round(minor / 100)).toLocaleString('en-US')}`;

/**
 * Decisions waiting in the scope: proposed decisions of the decision log, open gate reviews and
 * stop recommendations the caller may read, and change requests at a step the caller may take.
 */
export async function scopeDecisions(c: ItemContext): Promise<Decision[]> {
  const items = await openItems(c.ctx);
  const access = c.ctx.access;
  const [raidReach, gateReach, decideReach, stopReach] = [
    await access.reach('raidItem', 'read'),
    await access.reach('gateReview', 'read'),
    await access.reach('changeRequest', 'decide'),
    await access.reach('stopRecommendation', 'read'),
  ];
  const project = (id: string) => {
    const p = c.projects.get(id);
    return p && c.scope.contains(p) ? p : null;
  };
  const out: Decision[] = [];
  for (const d of items.decisions) {
    const at = placeOf(c, d);
    if (!at?.inScope || !covers(raidReach, at.anchors)) continue;
    out.push({
      kind: 'decision',
      id: d.id,
      code: d.code,
      title: d.title,
      ...projectRef(c, d.projectId),
      since: d.since,
      dueOn: d.dueOn,
      detail: d.projectId
        ? 'Proposed in the decision log'
        : `Proposed in the decision log of ${registerName(c, d)}`,
    });
  }
  for (const g of items.gates) {
    const p = project(g.projectId);
    if (!p || !covers(gateReach, anchorsOf(p))) continue;
    out.push({
      kind: 'gate',
      id: g.id,
      code: null,
      title: `${g.gate}: ${g.fromPhase} → ${g.toPhase}`,
      ...projectRef(c, p.id),
      since: g.since,
      dueOn: g.scheduledOn,
      detail: `Gate review open, ${g.votes} vote${g.votes === 1 ? '' : 's'} so far`,
    });
  }
  for (const x of items.changes) {
    const p = project(x.projectId);
    if (!p || !covers(decideReach, anchorsOf(p)) || !holdsRoleOver(c, x.step.roles, p)) continue;
    const impact = [
      x.budgetDelta !== null ? `budget ${money(x.budgetDelta)}` : null,
      x.finishDeltaDays !== null
        ? `finish ${x.finishDeltaDays >= 0 ? '+' : ''}${x.finishDeltaDays} days`
        : null,
    ].filter(Boolean);
    out.push({
      kind: 'change',
      id: x.id,
      code: x.code,
      title: x.title,
      ...projectRef(c, p.id),
      since: x.since,
      dueOn: null,
      detail: `Step ${x.stepNumber} of ${x.steps}: ${x.step.label}${impact.length ? ` (${impact.join(', ')})` : ''}`,
    });
  }
  for (const st of items.stops) {
    const p = project(st.projectId);
    if (!p || !covers(stopReach, anchorsOf(p))) continue;
    out.push({
      kind: 'stop',
      id: st.id,
      code: null,
      title: `Stop recommended: ${p.code} ${p.name}`,
      ...projectRef(c, p.id),
      since: st.since,
      dueOn: null,
      detail: st.reason,
    });
  }
  return out.sort(
    (a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.since.localeCompare(b.since),
  );
}
