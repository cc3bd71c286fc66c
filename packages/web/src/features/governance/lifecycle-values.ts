import { type Lifecycle, projectPhases, type Role } from '@pharos/api';
import { phaseLabel } from './governance-badges';

/*
 * The lifecycle editor's values: every project phase, in order, included or not, each with its
 * gate. What is sent is the included phases only, so the order can never be wrong.
 */

export type PhaseKey = (typeof projectPhases)[number];
export interface ItemRow {
  id: string;
  text: string;
  required: boolean;
}
export interface GateValues {
  key: string;
  name: string;
  checklist: ItemRow[];
  deliverables: ItemRow[];
  approverRoles: Role[];
  approverIds: string[];
}
export interface PhaseValues {
  key: PhaseKey;
  included: boolean;
  name: string;
  gate: GateValues;
}
export interface LifecycleValues {
  name: string;
  officeId: string;
  projectTypeIds: string[];
  description: string;
  phases: PhaseValues[];
}

const emptyGate = (key: PhaseKey): GateValues => ({
  key,
  name: `${phaseLabel(key)} gate`,
  checklist: [],
  deliverables: [],
  approverRoles: [],
  approverIds: [],
});

export function lifecycleValues(l: Lifecycle): LifecycleValues {
  return {
    name: l.name,
    officeId: l.officeId,
    projectTypeIds: l.projectTypeIds,
    description: l.description,
    phases: projectPhases.map((key) => {
      const p = l.phases.find((x) => x.key === key);
      return {
        key,
        included: Boolean(p),
        name: p?.name ?? phaseLabel(key),
        gate: p?.gate
          ? {
              ...p.gate,
              checklist: p.gate.checklist.map((c) => ({ id: c.id, text: c.text, required: c.required })),
              deliverables: p.gate.deliverables.map((d) => ({
                id: d.id,
                text: d.name,
                required: d.required,
              })),
            }
          : emptyGate(key),
      };
    }),
  };
}

/** The phases as the API takes them: the included ones, the first without a gate. */
export function phasesBody(phases: readonly PhaseValues[]) {
  return phases
    .filter((p) => p.included)
    .map((p, i) => ({
      key: p.key,
      name: p.name,
      gate:
        i === 0
          ? null
          : {
              key: p.gate.key,
              name: p.gate.name,
              checklist: p.gate.checklist.map((c) => ({ id: c.id, text: c.text, required: c.required })),
              deliverables: p.gate.deliverables.map((d) => ({
                id: d.id,
                name: d.text,
                required: d.required,
              })),
              approverRoles: p.gate.approverRoles,
              approverIds: p.gate.approverIds,
            },
    }));
}

/** A fresh item id, unique among the rows. */
export function newItemId(rows: readonly ItemRow[], prefix: string) {
  let n = rows.length + 1;
  while (rows.some((r) => r.id === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

const item = (id: string, text: string, required = true) => ({ id, text, required });

/** A common stage-gate lifecycle to start from. */
export function starterPhases() {
  const gate = (
    name: string,
    approverRoles: Role[],
    checklist: ReturnType<typeof item>[],
    deliverables: ReturnType<typeof item>[],
  ) => ({
    name,
    approverRoles,
    checklist,
    deliverables: deliverables.map((d) => ({ id: d.id, name: d.text, required: d.required })),
  });
  return [
    { key: 'initiation' as const },
    {
      key: 'planning' as const,
      gate: gate(
        'Gate 1: business case approved',
        ['program_manager', 'pmo_director'],
        [
          item('charter', 'Project charter signed by the sponsor'),
          item('sponsor', 'Sponsor and manager named'),
        ],
        [item('business-case', 'Business case')],
      ),
    },
    {
      key: 'execution' as const,
      gate: gate(
        'Gate 2: plan baselined',
        ['pmo_director', 'portfolio_manager'],
        [
          item('baseline', 'Schedule and budget baselined'),
          item('risks', 'Top risks identified with owners'),
          item('resources', 'Key resources committed', false),
        ],
        [item('pmp', 'Project management plan')],
      ),
    },
    {
      key: 'closing' as const,
      gate: gate(
        'Gate 3: ready to close',
        ['program_manager'],
        [
          item('acceptance', 'Deliverables accepted by the business'),
          item('lessons', 'Lessons learned held', false),
        ],
        [item('acceptance-note', 'Acceptance note')],
      ),
    },
  ];
}
