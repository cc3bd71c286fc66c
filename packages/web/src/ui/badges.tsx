import { Badge, type MantineColor } from '@mantine/core';
import { type officeKinds, type orgUnitKinds, projectPhases, type projectStatuses } from '@pharos/api';
import { humanize } from '../lib/format';

export const officeKindColor: Record<(typeof officeKinds)[number], MantineColor> = {
  strategic: 'indigo',
  program: 'teal',
  project: 'orange',
  coe: 'grape',
};
export const officeKindShort: Record<(typeof officeKinds)[number], string> = {
  strategic: 'Strategic',
  program: 'Program',
  project: 'Project',
  coe: 'CoE',
};

export function OfficeKindBadge({ kind }: { kind: (typeof officeKinds)[number] }) {
  return (
    <Badge color={officeKindColor[kind]} variant="light" radius="sm">
      {officeKindShort[kind]} office
    </Badge>
  );
}

const statusColor: Record<(typeof projectStatuses)[number], MantineColor> = {
  proposed: 'gray',
  active: 'blue',
  on_hold: 'yellow',
  completed: 'green',
  cancelled: 'red',
};

export function StatusBadge({ status }: { status: (typeof projectStatuses)[number] }) {
  return (
    <Badge color={statusColor[status]} variant="light" radius="sm">
      {humanize(status)}
    </Badge>
  );
}

export function PhaseBadge({ phase }: { phase: (typeof projectPhases)[number] }) {
  const step = projectPhases.indexOf(phase) + 1;
  return (
    <Badge color="dark" variant="outline" radius="sm" title={`Phase ${step} of ${projectPhases.length}`}>
      {humanize(phase)}
    </Badge>
  );
}

export function OrgUnitKindBadge({ kind }: { kind: (typeof orgUnitKinds)[number] }) {
  return (
    <Badge color="cyan" variant="light" radius="sm">
      {humanize(kind)}
    </Badge>
  );
}

export function ArchivedBadge() {
  return (
    <Badge color="gray" variant="outline" radius="sm">
      Archived
    </Badge>
  );
}
