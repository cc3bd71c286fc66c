import type { projectPhases, projectStatuses, Role, ScopeType } from '@pharos/api';
import type { CharterData } from '../db/schema/registry';

/** How big an organization to generate: the demo, or the benchmark's 10,000 projects. */
export interface OrgSize {
  projects: number;
  programs: number;
  users: number;
}
export const demoSize: OrgSize = { projects: 60, programs: 8, users: 120 };

export type Phase = (typeof projectPhases)[number];
export type Status = (typeof projectStatuses)[number];

export interface GeneratedOrg {
  orgUnits: { id: string; code: string; name: string; kind: string; parentId: string | null }[];
  offices: {
    id: string;
    code: string;
    name: string;
    kind: string;
    parentId: string | null;
    orgUnitId: string;
    charter: CharterData;
    description: string;
  }[];
  services: { id: string; officeId: string; name: string; serviceClass: string; description: string }[];
  objectives: {
    id: string;
    code: string;
    name: string;
    parentId: string | null;
    officeId: string;
    weight: number;
  }[];
  projectTypes: { id: string; code: string; name: string; description: string }[];
  portfolios: {
    id: string;
    code: string;
    name: string;
    parentId: string | null;
    officeId: string;
    managerId: string | null;
  }[];
  programs: {
    id: string;
    code: string;
    name: string;
    portfolioId: string;
    officeId: string;
    managerId: string | null;
    sponsorId: string | null;
    plannedStart: string;
    plannedFinish: string;
  }[];
  projects: {
    id: string;
    code: string;
    name: string;
    typeId: string;
    phase: Phase;
    status: Status;
    sponsorId: string | null;
    managerId: string | null;
    officeId: string;
    orgUnitId: string;
    portfolioId: string;
    programId: string | null;
    plannedStart: string;
    plannedFinish: string;
    description: string;
  }[];
  projectObjectives: { projectId: string; objectiveId: string }[];
  operations: {
    id: string;
    code: string;
    name: string;
    portfolioId: string;
    officeId: string;
    orgUnitId: string;
    ownerId: string | null;
  }[];
  users: { id: string; email: string; name: string; title: string; orgUnitId: string }[];
  grants: { id: string; userId: string; role: Role; scopeType: ScopeType; scopeId: string | null }[];
  /** One memorable account per role, printed at start. */
  showcase: { email: string; role: Role; scope: string }[];
}
