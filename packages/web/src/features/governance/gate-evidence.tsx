import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { GateReview } from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { governanceCalls, useGovernanceMutation } from './governance-api';

type Evidence = GateReview['evidence'];

const Required = ({ required }: { required: boolean }) =>
  required ? (
    <Badge size="xs" variant="light" color="red" radius="sm">
      Required
    </Badge>
  ) : (
    <Badge size="xs" variant="light" color="gray" radius="sm">
      Optional
    </Badge>
  );

/**
 * The gate's checklist (met or not, with a note) and its deliverables (where each is: a link),
 * editable while the review is open by those who may update it. Remount with a new key per version.
 */
export function GateEvidence({ review }: { review: GateReview }) {
  const [ev, setEv] = useState<Evidence>(review.evidence);
  const [error, setError] = useState<string | null>(null);
  const save = useGovernanceMutation(governanceCalls.updateReview);
  const editable = review.abilities.update;
  const g = review.gate;
  const dirty = JSON.stringify(ev) !== JSON.stringify(review.evidence);
  const check = (id: string, patch: Partial<{ met: boolean; note: string }>) =>
    setEv((e) => ({
      ...e,
      checklist: { ...e.checklist, [id]: { met: false, note: '', ...e.checklist[id], ...patch } },
    }));
  const deliver = (id: string, patch: Partial<{ link: string; note: string }>) =>
    setEv((e) => ({
      ...e,
      deliverables: { ...e.deliverables, [id]: { link: '', note: '', ...e.deliverables[id], ...patch } },
    }));
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ id: review.id, body: { version: review.version, evidence: ev } });
      notifications.show({ color: 'green', message: 'The evidence is saved.' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Stack gap="md">
      {g.checklist.length > 0 && (
        <Table aria-label="Checklist" verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Checklist item</Table.Th>
              <Table.Th w={90}>Met</Table.Th>
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.checklist.map((c) => {
              const a = ev.checklist[c.id];
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{c.text}</Text>
                      <Required required={c.required} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${c.text}: met`}
                      checked={a?.met ?? false}
                      disabled={!editable}
                      onChange={(e) => check(c.id, { met: e.currentTarget.checked })}
                      label={a?.met ? 'Met' : 'Not met'}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`${c.text}: note`}
                      value={a?.note ?? ''}
                      readOnly={!editable}
                      variant={editable ? 'default' : 'unstyled'}
                      onChange={(e) => check(c.id, { note: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {g.deliverables.length > 0 && (
        <Table aria-label="Deliverables" verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Deliverable</Table.Th>
              <Table.Th>Where it is (link)</Table.Th>
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.deliverables.map((d) => {
              const a = ev.deliverables[d.id];
              return (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{d.name}</Text>
                      <Required required={d.required} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <TextInput
                        size="xs"
                        aria-label={`${d.name}: link`}
                        placeholder="https://…"
                        value={a?.link ?? ''}
                        onChange={(e) => deliver(d.id, { link: e.currentTarget.value })}
                      />
                    ) : a?.link ? (
                      <Text size="sm" component="a" href={a.link} target="_blank" rel="noreferrer" c="blue">
                        {a.link}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Missing
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`${d.name}: note`}
                      value={a?.note ?? ''}
                      readOnly={!editable}
                      variant={editable ? 'default' : 'unstyled'}
                      onChange={(e) => deliver(d.id, { note: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {g.checklist.length + g.deliverables.length === 0 && (
        <Text size="sm" c="dimmed">
          This gate asks for no checklist or deliverables.
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {editable && (
        <Group>
          <Button
            size="sm"
            variant={dirty ? 'filled' : 'default'}
            disabled={!dirty}
            loading={save.isPending}
            onClick={submit}
          >
            Save evidence
          </Button>
          {dirty && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
