import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ChangeRequest } from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { ConfirmButton } from '../../ui/confirm-button';
import { ChevronDown, ChevronRight } from '../../ui/icons';
import { formatMoney } from '../demand/money';
import { ChangeRequestModal } from './change-request-form';
import classes from './governance.module.css';
import {
  governanceCalls,
  useApprovedValues,
  useChangeRequests,
  useGovernanceMutation,
} from './governance-api';
import { ChangeStateBadge } from './governance-badges';

function impactText(cr: ChangeRequest, currency: string) {
  const parts: string[] = [];
  const { budgetDelta, finishDeltaDays, scopeChange } = cr.impact;
  if (budgetDelta)
    parts.push(`Budget ${budgetDelta > 0 ? '+' : '−'}${formatMoney(Math.abs(budgetDelta), currency)}`);
  if (finishDeltaDays)
    parts.push(`Finish ${finishDeltaDays > 0 ? '+' : '−'}${Math.abs(finishDeltaDays)} days`);
  if (scopeChange.trim()) parts.push('Scope');
  return parts.join(' · ');
}

/** The approval steps as a timeline: who decided each and when; the current one with its buttons. */
function Steps({ cr }: { cr: ChangeRequest }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useGovernanceMutation(governanceCalls.decideChange);
  const act = async (decision: 'approve' | 'reject') => {
    setError(null);
    try {
      const r = await decide.mutateAsync({ id: cr.id, version: cr.version, decision, comment });
      notifications.show({
        color: decision === 'approve' ? 'green' : 'orange',
        message:
          r.state === 'approved'
            ? `${r.code} is approved: the approved values are updated.`
            : r.state === 'rejected'
              ? `${r.code} is rejected.`
              : `Step approved; ${r.steps[r.currentStep]?.label} decides next.`,
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Stack
      gap="sm"
      aria-label={`Approval steps of ${cr.code}`}
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {cr.steps.map((s, i) => {
        const current = cr.state === 'submitted' && i === cr.currentStep;
        const state = s.decision ?? (current ? 'current' : 'waiting');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional and never reordered
          <li key={i} className={classes.stepRow} aria-current={current ? 'step' : undefined}>
            <span className={classes.stepDot} data-state={state} aria-hidden>
              {s.decision === 'approve' ? '✓' : s.decision === 'reject' ? '✕' : i + 1}
            </span>
            <div>
              <Group gap={8}>
                <Text size="sm" fw={600}>
                  {s.label}
                </Text>
                {s.decision && (
                  <Badge
                    size="xs"
                    radius="sm"
                    color={s.decision === 'approve' ? 'green' : 'red'}
                    variant="light"
                  >
                    {s.decision === 'approve' ? 'Approved' : 'Rejected'}
                  </Badge>
                )}
                {current && (
                  <Badge size="xs" radius="sm" variant="outline">
                    Waiting
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {s.reason}
              </Text>
              {s.by && (
                <Text size="xs">
                  {s.byName} · {formatDateTime(s.at)}
                  {s.comment && ` — ${s.comment}`}
                </Text>
              )}
              {current && cr.abilities.decide && (
                <Stack gap={6} mt={6} maw={520}>
                  <Textarea
                    size="xs"
                    label="Comment"
                    autosize
                    minRows={1}
                    value={comment}
                    onChange={(e) => setComment(e.currentTarget.value)}
                  />
                  {error && (
                    <Alert color="red" py={6} role="alert">
                      {error}
                    </Alert>
                  )}
                  <Group gap="xs">
                    <Button size="xs" color="green" loading={decide.isPending} onClick={() => act('approve')}>
                      Approve
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      loading={decide.isPending}
                      onClick={() => act('reject')}
                    >
                      Reject
                    </Button>
                  </Group>
                </Stack>
              )}
            </div>
          </li>
        );
      })}
    </Stack>
  );
}

/** What the approved change did to the approved values: only what moved. */
function Applied({
  applied,
  currency,
}: {
  applied: NonNullable<ChangeRequest['applied']>;
  currency: string;
}) {
  const { before, after } = applied;
  const parts = [
    before.budget !== after.budget &&
      `budget ${formatMoney(before.budget, currency)} → ${formatMoney(after.budget, currency)}`,
    before.approvedFinish !== after.approvedFinish &&
      `finish ${formatDate(before.approvedFinish)} → ${formatDate(after.approvedFinish)}`,
    before.scope !== after.scope && 'scope extended',
  ].filter(Boolean);
  return (
    <Text size="sm" c="green.8">
      Applied to the approved values: {parts.join('; ')}.
    </Text>
  );
}

function ChangeRow({ cr, currency }: { cr: ChangeRequest; currency: string }) {
  // Open once it has waited for a decision here (so its outcome shows), unless folded by hand.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const [waited, setWaited] = useState(cr.state === 'submitted');
  if (cr.state === 'submitted' && !waited) setWaited(true);
  const open = toggled ?? waited;
  const submit = useGovernanceMutation(governanceCalls.submitChange);
  const withdraw = useGovernanceMutation(governanceCalls.withdrawChange);
  return (
    <Card withBorder padding="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <UnstyledButton onClick={() => setToggled(!open)} aria-expanded={open} style={{ flex: 1 }}>
          <Group gap={8} wrap="nowrap">
            {open ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
            <Text size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {cr.code}
            </Text>
            <Text size="sm" fw={500} lineClamp={1}>
              {cr.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ml={22}>
            {impactText(cr, currency)} · by {cr.requestedByName ?? '—'} ·{' '}
            {formatDate(cr.createdAt.slice(0, 10))}
          </Text>
        </UnstyledButton>
        <ChangeStateBadge state={cr.state} />
      </Group>
      {open && (
        <Stack gap="sm" mt="sm" ml={22}>
          {cr.description && <Text size="sm">{cr.description}</Text>}
          {cr.impact.scopeChange && (
            <Text size="sm">
              <b>Scope change:</b> {cr.impact.scopeChange}
            </Text>
          )}
          {cr.steps.length > 0 && <Steps key={cr.version} cr={cr} />}
          {cr.applied && <Applied applied={cr.applied} currency={currency} />}
          <Group gap="xs">
            {cr.abilities.submit && (
              <Button
                size="xs"
                loading={submit.isPending}
                onClick={() =>
                  submit
                    .mutateAsync({ id: cr.id, version: cr.version })
                    .catch((e) => notifications.show({ color: 'red', message: errorMessage(e) }))
                }
              >
                Submit for approval
              </Button>
            )}
            {cr.abilities.withdraw && (
              <ConfirmButton
                label="Withdraw"
                size="xs"
                title={`Withdraw ${cr.code}`}
                message="It stops here and is kept as withdrawn."
                confirmLabel="Withdraw"
                onConfirm={() => withdraw.mutateAsync({ id: cr.id, version: cr.version })}
              />
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/** The project's change requests, newest first, and a way to make one. */
export function ChangeRequestsCard({ projectId, mayCreate }: { projectId: string; mayCreate: boolean }) {
  const list = useChangeRequests(projectId);
  const currency = useApprovedValues(projectId).data?.values?.currency ?? 'EUR';
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-label="Change requests">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Change requests</Text>
        {mayCreate && (
          <Button size="xs" variant="light" onClick={() => setCreating(true)}>
            New change request
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        {items.map((cr) => (
          <ChangeRow key={cr.id} cr={cr} currency={currency} />
        ))}
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {list.isPending ? 'Loading…' : 'No change requests yet.'}
          </Text>
        )}
      </Stack>
      <ChangeRequestModal projectId={projectId} opened={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
