import { Badge, Chip, CloseButton, Group, SegmentedControl, Select } from '@mantine/core';
import { type RaidKind, raidKinds, raidSeverities } from '@pharos/api';
import { SearchBox } from '../../ui/list-toolbar';
import type { Cell } from './heat-map';
import { levelLabel } from './raid-badges';

/** What a register is filtered by (kept by the tab while it is open). */
export interface RaidFilters {
  kind: RaidKind | 'all';
  state: 'open' | 'closed' | 'all';
  q?: string | undefined;
  severity?: (typeof raidSeverities)[number] | undefined;
  overdue: boolean;
  escalated: boolean;
  cell: Cell | null;
  residual: boolean;
}

export const initialFilters: RaidFilters = {
  kind: 'all',
  state: 'open',
  overdue: false,
  escalated: false,
  cell: null,
  residual: false,
};

const plural: Record<RaidKind, string> = {
  risk: 'Risks',
  issue: 'Issues',
  assumption: 'Assumptions',
  dependency: 'Dependencies',
  decision: 'Decisions',
};

/** The kinds, each with its count of matches. */
export function KindSegments({
  value,
  counts,
  onChange,
}: {
  value: RaidFilters['kind'];
  counts: Record<RaidKind, number> | undefined;
  onChange: (kind: RaidFilters['kind']) => void;
}) {
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const label = (text: string, n: number | undefined) => (
    <Group gap={6} wrap="nowrap" justify="center">
      {text}
      {n !== undefined && (
        <Badge size="xs" variant="light" color="gray" radius="sm">
          {n}
        </Badge>
      )}
    </Group>
  );
  return (
    <SegmentedControl
      aria-label="Kind"
      value={value}
      onChange={(v) => onChange(v as RaidFilters['kind'])}
      data={[
        { value: 'all', label: label('All', total) },
        ...raidKinds.map((k) => ({ value: k, label: label(plural[k], counts?.[k]) })),
      ]}
    />
  );
}

/** Search, open/closed, severity, overdue, escalated, and the heat map cell picked. */
export function FilterBar({ f, set }: { f: RaidFilters; set: (next: Partial<RaidFilters>) => void }) {
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <SearchBox value={f.q} onChange={(q) => set({ q })} placeholder="Search code or title" />
      <SegmentedControl
        aria-label="State"
        size="sm"
        value={f.state}
        onChange={(v) => set({ state: v as RaidFilters['state'] })}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'closed', label: 'Closed' },
          { value: 'all', label: 'All' },
        ]}
      />
      <Select
        aria-label="Severity"
        placeholder="Any severity"
        w={150}
        size="sm"
        clearable
        data={raidSeverities.map((s) => ({ value: s, label: levelLabel[s] }))}
        value={f.severity ?? null}
        onChange={(v) => set({ severity: (v as RaidFilters['severity']) ?? undefined })}
      />
      <Chip checked={f.overdue} onChange={(overdue) => set({ overdue })} color="red" variant="light">
        Overdue
      </Chip>
      <Chip checked={f.escalated} onChange={(escalated) => set({ escalated })} color="violet" variant="light">
        Escalated
      </Chip>
      {f.cell && (
        <Badge
          size="lg"
          variant="light"
          color="dark"
          radius="sm"
          rightSection={
            <CloseButton size="xs" aria-label="Clear the heat map cell" onClick={() => set({ cell: null })} />
          }
        >
          {f.residual ? 'Residual' : 'Inherent'} P{f.cell.probability} × I{f.cell.impact}
        </Badge>
      )}
    </Group>
  );
}

/** The register query for these filters. */
export function filterQuery(f: RaidFilters) {
  return {
    ...(f.kind !== 'all' ? { kind: f.kind } : {}),
    ...(f.state !== 'all' ? { state: f.state } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.overdue ? { overdue: 'true' as const } : {}),
    ...(f.escalated ? { escalated: 'true' as const } : {}),
    ...(f.cell
      ? {
          kind: 'risk' as const,
          probability: f.cell.probability,
          impact: f.cell.impact,
          ...(f.residual ? { residual: 'true' as const } : {}),
        }
      : {}),
  };
}
