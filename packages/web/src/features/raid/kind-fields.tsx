import { Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type RaidKind, raidSeverities } from '@pharos/api';
import { useState } from 'react';
import { EntitySelect } from '../../ui/entity-select';
import type { FormApi } from '../../ui/use-zod-form';
import { levelLabel } from './raid-badges';
import { RiskFields } from './risk-fields';

/** The kind-specific half of the item form: its `details`, with errors by `details.…` path. */
export interface DetailsApi {
  get: (key: string) => unknown;
  set: (key: string, value: unknown) => void;
  setMany: (values: Record<string, unknown>) => void;
  error: (path: string) => string | undefined;
  readOnly: boolean;
}

export function detailsApi<V extends { details: Record<string, unknown> }>(form: FormApi<V>): DetailsApi {
  const details = form.values.details;
  return {
    get: (k) => details[k],
    set: (k, v) => form.set('details', { ...details, [k]: v } as V['details']),
    setMany: (values) => form.set('details', { ...details, ...values } as V['details']),
    error: (path) => form.error(`details.${path}`),
    readOnly: form.readOnly,
  };
}

function Text_({
  d,
  name,
  label,
  description,
}: {
  d: DetailsApi;
  name: string;
  label: string;
  description?: string;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      autosize
      minRows={2}
      maxRows={10}
      value={(d.get(name) as string) ?? ''}
      onChange={(e) => d.set(name, e.currentTarget.value)}
      error={d.error(name)}
      readOnly={d.readOnly}
    />
  );
}

function IssueFields({ d }: { d: DetailsApi }) {
  return (
    <Stack gap="sm">
      <Select
        label="Severity"
        description="High and critical issues go up to the program office and beyond"
        data={raidSeverities.map((s) => ({ value: s, label: levelLabel[s] }))}
        value={(d.get('severity') as string) ?? null}
        onChange={(v) => v && d.set('severity', v)}
        error={d.error('severity')}
        readOnly={d.readOnly}
        allowDeselect={false}
        required
        comboboxProps={{ withinPortal: true }}
      />
      <Text_ d={d} name="resolution" label="Resolution" description="What is being done, or what fixed it" />
    </Stack>
  );
}

/** A dependency waits on another project (shown in its register too) or on an outside party. */
function DependencyFields({ d, ownProjectId }: { d: DetailsApi; ownProjectId: string | null }) {
  const [on, setOn] = useState<'project' | 'external'>(d.get('externalParty') ? 'external' : 'project');
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label="Depends on"
          value={on}
          disabled={d.readOnly}
          onChange={(v) => {
            setOn(v as 'project' | 'external');
            d.setMany(v === 'project' ? { externalParty: '' } : { dependsOnProjectId: null });
          }}
          data={[
            { value: 'project', label: 'Another project' },
            { value: 'external', label: 'An outside party' },
          ]}
        />
      </Group>
      {on === 'project' ? (
        <EntitySelect
          entity="projects"
          label="Depends on project"
          value={(d.get('dependsOnProjectId') as string | null) ?? null}
          onChange={(id) => d.set('dependsOnProjectId', id)}
          error={d.error('dependsOnProjectId')}
          readOnly={d.readOnly}
          {...(ownProjectId ? { excludeId: ownProjectId } : {})}
          required
        />
      ) : (
        <TextInput
          label="Outside party"
          placeholder="e.g. the card scheme, a regulator, a supplier"
          value={(d.get('externalParty') as string) ?? ''}
          onChange={(e) => d.set('externalParty', e.currentTarget.value)}
          error={d.error('externalParty') ?? d.error('dependsOnProjectId')}
          readOnly={d.readOnly}
          required
        />
      )}
      <Text_ d={d} name="deliverable" label="What is needed" />
    </Stack>
  );
}

function DecisionFields({ d }: { d: DetailsApi }) {
  return (
    <Stack gap="sm">
      <Text_ d={d} name="decision" label="Decision" />
      <Text_ d={d} name="rationale" label="Rationale" />
      <Text_ d={d} name="alternatives" label="Alternatives considered" />
      <Group grow align="flex-start">
        <EntitySelect
          entity="users"
          label="Decided by"
          value={(d.get('decidedBy') as string | null) ?? null}
          onChange={(id) => d.set('decidedBy', id)}
          error={d.error('decidedBy')}
          readOnly={d.readOnly}
          description="You, when left empty as it is decided"
        />
        <TextInput
          type="date"
          label="Decided on"
          value={(d.get('decidedOn') as string | null) ?? ''}
          onChange={(e) => d.set('decidedOn', e.currentTarget.value || null)}
          error={d.error('decidedOn')}
          readOnly={d.readOnly}
          description="Today, when left empty as it is decided"
        />
      </Group>
    </Stack>
  );
}

/** The fields of one kind. */
export function KindFields({
  kind,
  d,
  ownProjectId,
}: {
  kind: RaidKind;
  d: DetailsApi;
  ownProjectId: string | null;
}) {
  switch (kind) {
    case 'risk':
      return <RiskFields d={d} />;
    case 'issue':
      return <IssueFields d={d} />;
    case 'assumption':
      return <Text_ d={d} name="impactIfWrong" label="Impact if wrong" />;
    case 'dependency':
      return <DependencyFields d={d} ownProjectId={ownProjectId} />;
    case 'decision':
      return <DecisionFields d={d} />;
  }
}

/** A new item's details: what the form starts from. */
export function emptyDetails(kind: RaidKind): Record<string, unknown> {
  switch (kind) {
    case 'risk':
      return {
        probability: 3,
        impact: {},
        strategy: 'mitigate',
        mitigation: [],
        trigger: '',
        residual: null,
      };
    case 'issue':
      return { severity: 'medium', resolution: '' };
    case 'assumption':
      return { impactIfWrong: '' };
    case 'dependency':
      return { dependsOnProjectId: null, externalParty: '', deliverable: '' };
    case 'decision':
      return { decision: '', rationale: '', alternatives: '', decidedBy: null, decidedOn: null };
  }
}
