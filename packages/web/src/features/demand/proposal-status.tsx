import { Badge, type MantineColor } from '@mantine/core';
import { type ProposalStatus, proposalStatuses, proposalStatusLabels } from '@pharos/api';

/** The pipeline's main line, in order; rejected and deferred leave it. */
export const mainFlow: readonly ProposalStatus[] = [
  'draft',
  'submitted',
  'screening',
  'scored',
  'shortlisted',
  'approved',
  'converted',
];
export const sideFlow: readonly ProposalStatus[] = ['rejected', 'deferred'];

export const proposalStatusColor: Record<ProposalStatus, MantineColor> = {
  draft: 'gray',
  submitted: 'blue',
  screening: 'cyan',
  scored: 'indigo',
  shortlisted: 'violet',
  approved: 'green',
  converted: 'teal',
  rejected: 'red',
  deferred: 'orange',
};

/** Short labels for narrow places (the board's columns, the step bar). */
export const proposalStatusShort: Record<ProposalStatus, string> = {
  ...proposalStatusLabels,
  converted: 'Converted',
};

export const proposalStatusOptions = proposalStatuses.map((s) => ({
  value: s,
  label: proposalStatusShort[s],
}));

export function ProposalStatusBadge({ status, size }: { status: ProposalStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={proposalStatusColor[status]} variant="light" radius="sm" size={size}>
      {proposalStatusShort[status]}
    </Badge>
  );
}

/** The verb of the button that moves a proposal to a status. */
export const transitionVerb: Record<ProposalStatus, string> = {
  draft: 'Return to draft',
  submitted: 'Submit',
  screening: 'Start screening',
  scored: 'Mark as scored',
  shortlisted: 'Shortlist',
  approved: 'Approve',
  converted: 'Convert to project',
  rejected: 'Reject',
  deferred: 'Defer',
};

/** Steps backwards get a quieter button than steps forwards. */
export function isBackStep(from: ProposalStatus, to: ProposalStatus): boolean {
  if (from === 'deferred') return false;
  return mainFlow.indexOf(to) >= 0 && mainFlow.indexOf(to) < mainFlow.indexOf(from);
}

/** Moving to these needs a reason. */
export const needsReason = (to: ProposalStatus) => to === 'rejected' || to === 'deferred';

/** "12 d", "1 d", "—". */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  const d = Math.round(days);
  return `${d} d`;
}
