import type { ProposalStatus } from '@pharos/api';
import { proposals } from '../db/schema/index';
import { entityService } from '../registry/service';
import type { EntitySpec, Row } from '../registry/spec';
import { columns } from '../registry/specs';
import { deriveProposal } from './proposal-checks';

/**
 * A proposal sits in the office that handles it and, once targeted, in its portfolio: that is
 * where the policy looks. The registry's generic service lists, reads, archives and restores it;
 * creating, changing and moving it along the pipeline are the demand service's own.
 */
export const proposalSpec: EntitySpec = {
  type: 'proposal',
  resource: 'proposal',
  label: 'proposal',
  table: proposals,
  col: columns(proposals),
  refs: {
    orgUnitId: 'orgUnit',
    officeId: 'office',
    portfolioId: 'portfolio',
    sponsorId: 'user',
    requesterId: 'user',
    typeId: 'projectType',
    frameworkId: 'scoringFramework',
    projectId: 'project',
  },
  filters: ['status', 'officeId', 'orgUnitId', 'portfolioId', 'frameworkId'],
  search: ['code', 'title'],
  defaultSort: 'code',
  anchors: (r) => proposalAnchors(r),
  anchorsFor: (v) => proposalAnchors(v),
  anchorColumns: { office: 'officeId', portfolio: 'portfolioId' },
  children: [],
  derive: deriveProposal,
};

export function proposalAnchors(r: Record<string, unknown>) {
  return {
    office: (r.officeId as string | null) ?? null,
    portfolio: (r.portfolioId as string | null) ?? null,
  };
}

export const proposalService = entityService(proposalSpec);

/** A proposal row as read from the database. */
export type ProposalRow = Row & {
  code: string;
  title: string;
  status: ProposalStatus;
  officeId: string;
  portfolioId: string | null;
  frameworkId: string | null;
  mandatory: boolean;
};

/** Statuses in which a requester (no screen permission) may still change a proposal. */
export const requesterEditable: readonly ProposalStatus[] = ['draft', 'submitted', 'deferred'];
/** Statuses in which a proposal is scored. */
export const scoringStatuses: readonly ProposalStatus[] = ['screening', 'scored', 'shortlisted'];
/** Submitted and not yet decided. */
export const waitingStatuses: readonly ProposalStatus[] = ['submitted', 'screening', 'scored', 'shortlisted'];
