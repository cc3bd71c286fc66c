import { Badge, type MantineColor } from '@mantine/core';
import type { ChangeRequest, GateDecision, StopRecommendation } from '@pharos/api';

/** Colours and words of gate decisions, change request states and stop recommendation states. */
export const decisionColor: Record<GateDecision, MantineColor> = {
  go: 'green',
  hold: 'yellow',
  recycle: 'orange',
  stop: 'red',
};
export const decisionLabel: Record<GateDecision, string> = {
  go: 'Go',
  hold: 'Hold',
  recycle: 'Recycle',
  stop: 'Stop',
};
export const decisionMeaning: Record<GateDecision, string> = {
  go: 'The project enters the next phase',
  hold: 'The project waits at the gate; a new review is opened later',
  recycle: 'The project reworks its current phase and comes back to the gate',
  stop: 'The project is put on hold and a recommendation to stop it is opened',
};

export function DecisionBadge({
  decision,
  size = 'sm',
}: {
  decision: GateDecision;
  size?: 'xs' | 'sm' | 'md';
}) {
  return (
    <Badge color={decisionColor[decision]} variant="filled" radius="sm" size={size}>
      {decisionLabel[decision]}
    </Badge>
  );
}

const changeColor: Record<ChangeRequest['state'], MantineColor> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'dark',
};
const changeLabel: Record<ChangeRequest['state'], string> = {
  draft: 'Draft',
  submitted: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export function ChangeStateBadge({ state }: { state: ChangeRequest['state'] }) {
  return (
    <Badge color={changeColor[state]} variant="light" radius="sm">
      {changeLabel[state]}
    </Badge>
  );
}

const stopColor: Record<StopRecommendation['state'], MantineColor> = {
  open: 'red',
  accepted: 'dark',
  rejected: 'green',
  withdrawn: 'gray',
};

export function StopStateBadge({ state }: { state: StopRecommendation['state'] }) {
  return (
    <Badge color={stopColor[state]} variant="light" radius="sm">
      {state === 'open' ? 'Open' : state[0]!.toUpperCase() + state.slice(1)}
    </Badge>
  );
}

export const phaseLabel = (key: string) =>
  ({
    initiation: 'Initiation',
    planning: 'Planning',
    execution: 'Execution',
    monitoring: 'Monitoring and control',
    closing: 'Closing',
    closed: 'Closed',
  })[key] ?? key;
