import { Badge, Group, type MantineColor, Text, Tooltip } from '@mantine/core';
import {
  type RaidItem,
  type RaidKind,
  type RaidSeverity,
  type RaidStatus,
  raidKindLabels,
  raidStatusLabels,
  type riskLevels,
} from '@pharos/api';
import { riskLevel } from '@pharos/engine';
import { formatDate } from '../../lib/format';

/*
 * How RAID items show their state at a glance: a score chip coloured by its band (green, yellow,
 * orange, red), the severity, the status, and the overdue and escalated flags.
 */

type Level = (typeof riskLevels)[number];
export const levelColor: Record<Level, MantineColor> = {
  low: 'green',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};
export const levelLabel: Record<Level, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const severityColor: Record<RaidSeverity, MantineColor> = levelColor;

export const kindColor: Record<RaidKind, MantineColor> = {
  risk: 'orange',
  issue: 'red',
  assumption: 'grape',
  dependency: 'cyan',
  decision: 'indigo',
};

/** A risk score 1–25, filled with its band's colour. */
export function ScoreChip({ score, label }: { score: number | null; label?: string }) {
  if (score === null)
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  const level = riskLevel(score);
  return (
    <Tooltip label={`${label ?? 'Score'} ${score} of 25 · ${levelLabel[level]}`} withArrow>
      <Badge
        color={levelColor[level]}
        variant="filled"
        radius="sm"
        w={38}
        aria-label={`${label ?? 'Score'} ${score}, ${levelLabel[level].toLowerCase()}`}
        styles={{ root: { color: level === 'medium' ? 'var(--mantine-color-dark-9)' : undefined } }}
      >
        {score}
      </Badge>
    </Tooltip>
  );
}

export function SeverityBadge({ severity }: { severity: RaidSeverity | null }) {
  if (!severity) return null;
  return (
    <Badge color={severityColor[severity]} variant="light" radius="sm">
      {levelLabel[severity]}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: RaidKind }) {
  return (
    <Badge color={kindColor[kind]} variant="outline" radius="sm" size="xs">
      {raidKindLabels[kind]}
    </Badge>
  );
}

export function RaidStatusBadge({ item }: { item: Pick<RaidItem, 'status' | 'open'> }) {
  return (
    <Badge color={item.open ? 'blue' : 'gray'} variant={item.open ? 'light' : 'outline'} radius="sm">
      {raidStatusLabels[item.status as RaidStatus]}
    </Badge>
  );
}

/** The score (risks) or severity (issues) of an item; nothing for other kinds. */
export function Rating({ item }: { item: RaidItem }) {
  if (item.kind === 'risk')
    return (
      <Group gap={4} wrap="nowrap">
        <ScoreChip score={item.score} />
        {item.residualScore !== null && item.residualScore !== item.score && (
          <Text span size="xs" c="dimmed" title="Residual score, once mitigated">
            → {item.residualScore}
          </Text>
        )}
      </Group>
    );
  if (item.kind === 'issue') return <SeverityBadge severity={item.severity} />;
  return null;
}

/** Overdue, escalated (and where to), and the other side of a dependency. */
export function Flags({ item }: { item: RaidItem }) {
  return (
    <Group gap={4} wrap="wrap">
      {item.overdue && (
        <Badge color="red" variant="light" radius="sm" title={`Due ${formatDate(item.dueOn)}`}>
          Overdue
        </Badge>
      )}
      {item.open && item.escalationLevel > 0 && (
        <Badge
          color="violet"
          variant="light"
          radius="sm"
          title={`Escalated to ${item.labels.escalatedToOfficeId ?? 'another office'}`}
        >
          Escalated ↑{item.escalationLevel}
        </Badge>
      )}
      {item.relation === 'dependedOnBy' && (
        <Badge color="cyan" variant="outline" radius="sm">
          Depended on by
        </Badge>
      )}
      {item.archivedAt && (
        <Badge color="gray" variant="outline" radius="sm">
          Archived
        </Badge>
      )}
    </Group>
  );
}
