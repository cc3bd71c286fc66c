import { type GateDecision, projectPhases } from '@pharos/api';
import type { GateData, PhaseData } from '../db/schema/index';

/*
 * What a lifecycle must hold, as pure functions: a draft keeps its phases in the order of the
 * project phase enum without repeats, with distinct item ids in each gate; publishing asks more (a
 * gate with an approver at every phase after the first, some project types to govern).
 */

export type Phase = (typeof projectPhases)[number];
export interface Problem {
  field: string;
  message: string;
}

export const phaseNames: Record<Phase, string> = {
  initiation: 'Initiation',
  planning: 'Planning',
  execution: 'Execution',
  monitoring: 'Monitoring and control',
  closing: 'Closing',
  closed: 'Closed',
};

export const phaseIndex = (p: string) => projectPhases.indexOf(p as Phase);

type PhaseInput = {
  key: Phase;
  name?: string | undefined;
  gate: (Omit<GateData, 'key'> & { key?: string | undefined }) | null;
};

/** Fills what may be left out: a phase's name, a gate's key (the phase's key). */
export function normalizePhases(input: readonly PhaseInput[]): PhaseData[] {
  return input.map((p) => ({
    key: p.key,
    name: p.name?.trim() || phaseNames[p.key],
    gate: p.gate
      ? {
          key: p.gate.key ?? p.key,
          name: p.gate.name,
          checklist: p.gate.checklist ?? [],
          deliverables: p.gate.deliverables ?? [],
          approverRoles: [...new Set(p.gate.approverRoles ?? [])],
          approverIds: [...new Set(p.gate.approverIds ?? [])],
        }
      : null,
  }));
}

/** The first thing wrong with a draft's phases, or null. */
export function draftProblem(phases: readonly PhaseData[]): Problem | null {
  if (phases.length === 0) return { field: 'phases', message: 'A lifecycle has at least one phase' };
  const gateKeys = new Map<string, number>();
  for (const [i, p] of phases.entries()) {
    const prev = phases[i - 1];
    if (prev && phaseIndex(p.key) <= phaseIndex(prev.key))
      return {
        field: `phases.${i}.key`,
        message:
          phaseIndex(p.key) === phaseIndex(prev.key)
            ? `The phase ${p.key} is listed twice`
            : `Phases follow the project phase order: ${p.key} cannot come after ${prev.key}`,
      };
    if (!p.gate) continue;
    if (i === 0)
      return {
        field: `phases.0.gate`,
        message: 'The first phase has no gate: a project starts in it',
      };
    const seen = gateKeys.get(p.gate.key);
    if (seen !== undefined)
      return {
        field: `phases.${i}.gate.key`,
        message: `Gate key ${p.gate.key} is used by phase ${seen + 1} too`,
      };
    gateKeys.set(p.gate.key, i);
    const dupItem = firstRepeat(p.gate.checklist.map((c) => c.id));
    if (dupItem !== null)
      return {
        field: `phases.${i}.gate.checklist.${dupItem}.id`,
        message: `Checklist item id ${p.gate.checklist[dupItem]!.id} is used twice in this gate`,
      };
    const dupDeliv = firstRepeat(p.gate.deliverables.map((d) => d.id));
    if (dupDeliv !== null)
      return {
        field: `phases.${i}.gate.deliverables.${dupDeliv}.id`,
        message: `Deliverable id ${p.gate.deliverables[dupDeliv]!.id} is used twice in this gate`,
      };
  }
  return null;
}

/** What publishing asks beyond a sound draft, or null. */
export function publishProblem(lc: { phases: readonly PhaseData[]; projectTypeIds: readonly string[] }) {
  const draft = draftProblem(lc.phases);
  if (draft) return draft;
  if (lc.phases.length < 2)
    return { field: 'phases', message: 'A lifecycle needs at least two phases, with a gate between them' };
  for (const [i, p] of lc.phases.entries()) {
    if (i === 0) continue;
    if (!p.gate)
      return { field: `phases.${i}.gate`, message: `The phase ${p.name} needs a gate to enter it` };
    if (p.gate.approverRoles.length + p.gate.approverIds.length === 0)
      return {
        field: `phases.${i}.gate.approverRoles`,
        message: `The gate ${p.gate.name} needs at least one approver (a role or a named person)`,
      };
  }
  if (lc.projectTypeIds.length === 0)
    return { field: 'projectTypeIds', message: 'Choose the project types this lifecycle governs' };
  return null;
}

function firstRepeat(values: readonly string[]): number | null {
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (seen.has(v)) return i;
    seen.add(v);
  }
  return null;
}

/** The next gate after `phase`: the first later phase of the lifecycle that has one. */
export function nextGate(phases: readonly PhaseData[], phase: string) {
  const at = phaseIndex(phase);
  return phases.find((p) => phaseIndex(p.key) > at && p.gate) ?? null;
}

/** The gates crossed going from one phase to a later one. */
export function gatesCrossed(phases: readonly PhaseData[], from: string, to: string) {
  const a = phaseIndex(from);
  const b = phaseIndex(to);
  return phases.filter((p) => p.gate && phaseIndex(p.key) > a && phaseIndex(p.key) <= b);
}

const severity: Record<GateDecision, number> = { go: 0, hold: 1, recycle: 2, stop: 3 };

/** Unanimous go is go; any stop is stop; otherwise the most severe of recycle and hold. */
export function combineVotes(votes: readonly GateDecision[]): GateDecision {
  let worst: GateDecision = 'go';
  for (const v of votes) if (severity[v] > severity[worst]) worst = v;
  return worst;
}

export interface Slot {
  key: string;
  label: string;
}

/** Who a gate asks to vote: each approver role (one holder of it) and each named person. */
export function slotsOf(
  gate: GateData,
  roleLabel: (r: string) => string,
  personName: (id: string) => string,
) {
  return [
    ...gate.approverRoles.map((r) => ({ key: `role:${r}`, label: roleLabel(r) })),
    ...gate.approverIds.map((id) => ({ key: `user:${id}`, label: personName(id) })),
  ] satisfies Slot[];
}

/** The decision the votes give once every slot has a vote, else null. */
export function tallyOf(slots: readonly Slot[], votes: readonly { slots: string[]; vote: GateDecision }[]) {
  const filled = new Set(votes.flatMap((v) => v.slots));
  if (slots.length === 0 || slots.some((s) => !filled.has(s.key))) return null;
  return combineVotes(votes.map((v) => v.vote));
}

export interface Evidence {
  checklist: Record<string, { met: boolean; note: string }>;
  deliverables: Record<string, { link: string; note: string }>;
}

/** Required checklist items not met and required deliverables without a link. */
export function blockersOf(gate: GateData, evidence: Evidence): string[] {
  return [
    ...gate.checklist
      .filter((c) => c.required && evidence.checklist[c.id]?.met !== true)
      .map((c) => `Checklist item not met: ${c.text}`),
    ...gate.deliverables
      .filter((d) => d.required && !evidence.deliverables[d.id]?.link)
      .map((d) => `Deliverable missing: ${d.name}`),
  ];
}
