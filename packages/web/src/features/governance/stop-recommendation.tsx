import { Alert, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { StopRecommendation } from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { ConfirmButton } from '../../ui/confirm-button';
import { governanceCalls, useGovernanceMutation } from './governance-api';
import { StopStateBadge } from './governance-badges';

/** A modal with one text to write and a confirming button. */
function TextModal(props: {
  title: string;
  label: string;
  description: string;
  opened: boolean;
  onClose: () => void;
  choice?: { value: string; onChange: (v: string) => void; data: { value: string; label: string }[] };
  confirm: string;
  onConfirm: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>{props.title}</Text>}>
      <Stack gap="sm">
        {props.choice && (
          <SegmentedControl
            aria-label="Decision"
            value={props.choice.value}
            onChange={props.choice.onChange}
            data={props.choice.data}
          />
        )}
        <Textarea
          label={props.label}
          description={props.description}
          required
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await props.onConfirm(text);
                setText('');
                props.onClose();
              } catch (e) {
                setError(errorMessage(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The PMO's button: recommend that the project be stopped, with the reason. */
export function RecommendStopButton({ projectId }: { projectId: string }) {
  const [opened, setOpened] = useState(false);
  const recommend = useGovernanceMutation(governanceCalls.recommendStop);
  return (
    <>
      <Button size="sm" variant="light" color="red" onClick={() => setOpened(true)}>
        Recommend stopping
      </Button>
      <TextModal
        title="Recommend stopping this project"
        label="Reason"
        description="The sponsor, the project manager and the portfolio managers are told; the deciders accept or reject it."
        opened={opened}
        onClose={() => setOpened(false)}
        confirm="Recommend stopping"
        onConfirm={async (reason) => {
          await recommend.mutateAsync({ projectId, reason });
          notifications.show({ color: 'orange', message: 'The recommendation to stop is recorded.' });
        }}
      />
    </>
  );
}

/** The open recommendation, as a banner, with what the deciders may do. */
export function StopBanner({ rec }: { rec: StopRecommendation }) {
  const [opened, setOpened] = useState(false);
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  const decide = useGovernanceMutation(governanceCalls.decideStop);
  const withdraw = useGovernanceMutation(governanceCalls.withdrawStop);
  return (
    <Alert color="red" variant="light" title="Recommendation to stop this project" role="status">
      <Stack gap={6}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {rec.reason}
        </Text>
        <Text size="xs" c="dimmed">
          By {rec.recommendedByName ?? 'the PMO'} on {formatDateTime(rec.createdAt)}
        </Text>
        <Group gap="xs">
          {rec.abilities.decide && (
            <Button size="xs" color="red" onClick={() => setOpened(true)}>
              Decide
            </Button>
          )}
          {rec.abilities.withdraw && (
            <ConfirmButton
              label="Withdraw"
              size="xs"
              title="Withdraw the recommendation"
              message="It is kept as withdrawn."
              confirmLabel="Withdraw"
              onConfirm={() => withdraw.mutateAsync({ id: rec.id, version: rec.version })}
            />
          )}
        </Group>
      </Stack>
      <TextModal
        title="Decide on the recommendation to stop"
        label="Outcome"
        description={
          decision === 'accept'
            ? 'Accepting cancels the project. Write what was decided, and why.'
            : 'The project goes on. Write what was decided, and why.'
        }
        opened={opened}
        onClose={() => setOpened(false)}
        choice={{
          value: decision,
          onChange: (v) => setDecision(v as 'accept' | 'reject'),
          data: [
            { value: 'accept', label: 'Accept: cancel the project' },
            { value: 'reject', label: 'Reject: it goes on' },
          ],
        }}
        confirm="Record the outcome"
        onConfirm={(outcome) => decide.mutateAsync({ id: rec.id, version: rec.version, decision, outcome })}
      />
    </Alert>
  );
}

/** Past recommendations and their outcomes. */
export function StopHistory({ items }: { items: StopRecommendation[] }) {
  if (items.length === 0) return null;
  return (
    <Table aria-label="Recommendations to stop" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Recommended</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th>Outcome</Table.Th>
          <Table.Th>State</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Text size="sm">{formatDate(r.createdAt.slice(0, 10))}</Text>
              <Text size="xs" c="dimmed">
                {r.recommendedByName}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{r.reason}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{r.outcome || '—'}</Text>
              {r.decidedByName && (
                <Text size="xs" c="dimmed">
                  {r.decidedByName} · {formatDate(r.decidedAt?.slice(0, 10))}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <StopStateBadge state={r.state} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
