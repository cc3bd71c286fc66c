import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ProposalStatus, proposalStatusLabels } from '@pharos/api';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useMe } from '../../api/me';
import { ConfirmButton } from '../../ui/confirm-button';
import { EntitySelect } from '../../ui/entity-select';
import { demandCalls, type ProposalDetail, useDemandMutation } from './demand-api';
import { isBackStep, needsReason, transitionVerb } from './proposal-status';

/** One pipeline step the caller may take: a button, then a small confirm with a reason. */
function TransitionButton({ p, to }: { p: ProposalDetail; to: ProposalStatus }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const move = useDemandMutation(demandCalls.transition);
  const required = needsReason(to);
  const back = isBackStep(p.status, to);
  const verb = transitionVerb[to];
  const color = to === 'rejected' ? 'red' : to === 'deferred' ? 'orange' : undefined;
  const confirm = async () => {
    setMissing(required && !reason.trim());
    if (required && !reason.trim()) return;
    setError(null);
    try {
      const saved = await move.mutateAsync({ id: p.id, to, reason: reason.trim(), version: p.version });
      notifications.show({
        color: 'green',
        message: `${saved.code} is now ${proposalStatusLabels[saved.status].toLowerCase()}.`,
      });
      setReason('');
      close();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Button
        size="sm"
        variant={back || color ? 'default' : 'filled'}
        color={color}
        c={color ? `${color}.7` : undefined}
        onClick={open}
      >
        {verb}
      </Button>
      <Modal opened={opened} onClose={close} title={<Text fw={600}>{`${verb}: ${p.code}`}</Text>} centered>
        <Stack gap="sm">
          <Text size="sm">
            Move “{p.title}” from {proposalStatusLabels[p.status].toLowerCase()} to{' '}
            <strong>{proposalStatusLabels[to].toLowerCase()}</strong>.
          </Text>
          <Textarea
            label="Reason"
            description={
              required ? 'Required: it is kept with the decision' : 'Optional; kept in the history'
            }
            required={required}
            autosize
            minRows={3}
            value={reason}
            error={missing ? 'Give the reason: the requester will see it' : undefined}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            data-autofocus
          />
          {error && (
            <Alert color="red" role="alert" py={8}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={color} loading={move.isPending} onClick={confirm}>
              {verb}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Turn an approved proposal into a project: its code, type and start month. */
function ConvertButton({ p }: { p: ProposalDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [code, setCode] = useState(p.code);
  const [typeId, setTypeId] = useState<string | null>(p.typeId);
  const [start, setStart] = useState(p.earliestStart);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const convert = useDemandMutation(demandCalls.convert);
  const navigate = useNavigate();
  const submit = async () => {
    setError(null);
    try {
      const res = await convert.mutateAsync({
        id: p.id,
        body: {
          version: p.version,
          code: code.trim() || undefined,
          typeId: typeId ?? undefined,
          start: start || undefined,
          managerId,
        },
      });
      notifications.show({ color: 'green', message: `${p.code} is now a project.` });
      close();
      void navigate({ to: '/projects/$id', params: { id: res.projectId } });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Button size="sm" color="teal" onClick={open}>
        Convert to project
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={<Text fw={600}>Convert {p.code} to a project</Text>}
        centered
        size="lg"
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The project starts in its initiation phase, with the proposal's office, portfolio, sponsor and
            objectives.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Project code"
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <TextInput
              type="month"
              label="Planned start"
              required
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <EntitySelect
              entity="projectTypes"
              label="Project type"
              required
              value={typeId}
              onChange={(id) => setTypeId(id)}
            />
            <EntitySelect
              entity="users"
              label="Project manager"
              value={managerId}
              onChange={(id) => setManagerId(id)}
            />
          </SimpleGrid>
          {error && (
            <Alert color="red" role="alert" py={8}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="teal" loading={convert.isPending} onClick={submit}>
              Create the project
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The pipeline actions the caller may take on this proposal, plus convert and archive. */
export function ProposalActions({ p }: { p: ProposalDetail }) {
  const me = useMe();
  const archive = useDemandMutation(demandCalls.archive);
  const forward = p.allowed.filter((to) => !isBackStep(p.status, to) && !needsReason(to));
  const rest = p.allowed.filter((to) => !forward.includes(to));
  return (
    <>
      {rest.map((to) => (
        <TransitionButton key={to} p={p} to={to} />
      ))}
      {forward.map((to) => (
        <TransitionButton key={to} p={p} to={to} />
      ))}
      {p.status === 'approved' && me?.abilities['proposal.convert'] !== false && <ConvertButton p={p} />}
      {p.abilities.archive && (
        <ConfirmButton
          label={p.archivedAt ? 'Restore' : 'Archive'}
          title={p.archivedAt ? `Restore ${p.code}` : `Archive ${p.code}`}
          message={
            p.archivedAt
              ? 'The proposal comes back into the lists and the pipeline.'
              : 'The proposal leaves the lists and the pipeline; it is kept, with its history, and can be restored.'
          }
          confirmLabel={p.archivedAt ? 'Restore' : 'Archive'}
          color={p.archivedAt ? undefined : 'red'}
          onConfirm={() =>
            archive.mutateAsync({
              kind: 'proposals',
              id: p.id,
              version: p.version,
              restore: p.archivedAt !== null,
            })
          }
        />
      )}
    </>
  );
}
