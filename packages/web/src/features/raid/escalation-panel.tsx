import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  type RaidEscalation,
  type RaidItem,
  type RaidToleranceValue,
  raidEscalationReasonLabels,
} from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { QueryState } from '../../ui/query-state';
import { raidCalls, useRaidMutation, useTrail } from './raid-api';
import { levelLabel } from './raid-badges';

/** Escalate one office up, or hand back one office down: a reason (and for a hand-back, maybe a new deadline). */
function StepButton({ item, up }: { item: RaidItem; up: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const escalate = useRaidMutation(raidCalls.escalate);
  const back = useRaidMutation(raidCalls.deescalate);
  const verb = up ? 'Escalate' : 'Hand back';
  const submit = async () => {
    if (!reason.trim()) {
      setError('Give the reason: it is kept on the trail');
      return;
    }
    setError(null);
    try {
      const saved = up
        ? await escalate.mutateAsync({ id: item.id, version: item.version, reason: reason.trim() })
        : await back.mutateAsync({
            id: item.id,
            version: item.version,
            reason: reason.trim(),
            dueOn: dueOn || undefined,
          });
      notifications.show({
        color: 'green',
        message: `${saved.code} is now with ${saved.labels.escalatedToOfficeId ?? 'its own office'}.`,
      });
      setReason('');
      close();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Button size="xs" variant={up ? 'filled' : 'default'} color={up ? 'violet' : undefined} onClick={open}>
        {verb}
      </Button>
      <Modal opened={opened} onClose={close} title={<Text fw={600}>{`${verb}: ${item.code}`}</Text>} centered>
        <Stack gap="sm">
          <Textarea
            label="Reason"
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          {!up && (
            <TextInput
              type="date"
              label="New resolution deadline"
              description="Needed when the old one has passed, or it would rise again at once"
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
            />
          )}
          {error && (
            <Alert color="red" role="alert" py={8}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color={up ? 'violet' : undefined}
              loading={escalate.isPending || back.isPending}
              onClick={submit}
            >
              {verb}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function AcknowledgeButton({ step }: { step: RaidEscalation }) {
  const ack = useRaidMutation(raidCalls.acknowledge);
  return (
    <Button
      size="compact-xs"
      variant="light"
      w="fit-content"
      loading={ack.isPending}
      onClick={() =>
        ack.mutateAsync({ id: step.itemId, escalationId: step.id }).then(
          () => notifications.show({ color: 'green', message: 'Acknowledged.' }),
          (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
        )
      }
    >
      Acknowledge
    </Button>
  );
}

/** One step of the trail: from where to where, why, who, when, and whether it was taken on. */
export function StepLine({ step, canAck = true }: { step: RaidEscalation; canAck?: boolean }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Badge
          size="sm"
          radius="sm"
          variant="light"
          color={step.reason === 'de-escalated' ? 'gray' : 'violet'}
        >
          {raidEscalationReasonLabels[step.reason]}
        </Badge>
        <Text size="sm">
          {step.labels.fromOfficeId ?? '—'} → <strong>{step.labels.toOfficeId}</strong>
        </Text>
      </Group>
      <Text size="sm">{step.detail}</Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(step.at)} ·{' '}
        {step.actorId ? `by ${step.labels.actorId ?? 'someone'}` : 'by Pharos, on its rules'}
      </Text>
      {step.acknowledgedAt ? (
        <Text size="xs" c="teal.8">
          Acknowledged by {step.labels.acknowledgedBy ?? 'the office'} · {formatDateTime(step.acknowledgedAt)}
        </Text>
      ) : (
        canAck && step.canAcknowledge && <AcknowledgeButton step={step} />
      )}
    </Stack>
  );
}

/** What an office handles itself, in words. */
function toleranceText(t: RaidToleranceValue, above: boolean) {
  if (t.maxScore === null && t.maxSeverity === null) return 'Handles everything that reaches it';
  const parts = [
    t.maxScore === null ? 'any score' : `scores up to ${t.maxScore}`,
    t.maxSeverity === null ? 'any severity' : `severity up to ${levelLabel[t.maxSeverity].toLowerCase()}`,
  ];
  const days =
    above && t.resolutionDays !== null ? `; ${t.resolutionDays} days to resolve what rises to it` : '';
  return `Handles ${parts.join(' and ')}${days}`;
}

/** Where a risk or issue sits on its chain of offices, the trail of every step, and the steps by hand. */
export function EscalationPanel({ item }: { item: RaidItem }) {
  const trail = useTrail(item.id);
  return (
    <QueryState query={trail} label="Loading the trail">
      {() => {
        const t = trail.data!;
        const top = t.current.level >= t.chain.length - 1;
        return (
          <Stack gap="md">
            <Paper withBorder radius="md" p="sm">
              <Stack gap={6} role="list" aria-label="Office chain">
                {t.chain.map((o, i) => {
                  const here = i === t.current.level;
                  const tol = o.tolerance;
                  return (
                    <Group key={o.officeId} gap="sm" role="listitem" wrap="nowrap">
                      <Badge
                        variant={here ? 'filled' : 'outline'}
                        color={here ? 'violet' : 'gray'}
                        radius="sm"
                        w={70}
                      >
                        {here ? 'Here' : `Level ${i}`}
                      </Badge>
                      <Stack gap={0}>
                        <Text size="sm" fw={here ? 600 : 400}>
                          {o.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {toleranceText(tol, i > 0)}
                        </Text>
                      </Stack>
                    </Group>
                  );
                })}
              </Stack>
            </Paper>
            {t.current.deadline && item.open && (
              <Text size="sm">
                Resolution deadline where it sits: <strong>{formatDate(t.current.deadline)}</strong>
              </Text>
            )}
            {t.current.breaches.length > 0 && (
              <Alert color="orange" py={8}>
                At the top of its chain, and still: {t.current.breaches.join('; ')}
              </Alert>
            )}
            {item.abilities.update && item.open && !item.archivedAt && (
              <Group gap="xs">
                {!top && <StepButton item={item} up />}
                {item.escalationLevel > 0 && <StepButton item={item} up={false} />}
              </Group>
            )}
            {t.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                Never escalated: it stays with its own office while within tolerance and deadline.
              </Text>
            ) : (
              <section aria-label="Escalation trail">
                <Timeline active={t.items.length - 1} bulletSize={14} lineWidth={2}>
                  {t.items.map((s) => (
                    <Timeline.Item key={s.id}>
                      <StepLine step={s} />
                    </Timeline.Item>
                  ))}
                </Timeline>
              </section>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
