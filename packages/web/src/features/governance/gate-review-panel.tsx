import { Alert, Badge, Card, Divider, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { GateReview } from '@pharos/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { DecideForm, VoteForm } from './gate-decide';
import { GateEvidence } from './gate-evidence';
import { DecisionBadge, phaseLabel } from './governance-badges';

function Approvers({ review }: { review: GateReview }) {
  return (
    <Stack gap="xs" component="section" aria-label="Approvers and votes">
      <Text fw={600} size="sm">
        Approvers
      </Text>
      <Group gap={6}>
        {review.slots.map((s) => (
          <Badge
            key={s.key}
            variant={s.voted ? 'light' : 'outline'}
            color={s.voted ? 'green' : 'gray'}
            radius="sm"
            tt="none"
          >
            {s.label}
            {s.voted ? ' · voted' : ' · waiting'}
          </Badge>
        ))}
      </Group>
      {review.votes.length > 0 ? (
        <Table aria-label="Votes" verticalSpacing={4}>
          <Table.Tbody>
            {review.votes.map((v) => (
              <Table.Tr key={v.approverId}>
                <Table.Td w={200}>
                  <Text size="sm" fw={500}>
                    {v.approverName}
                  </Text>
                </Table.Td>
                <Table.Td w={80}>
                  <DecisionBadge decision={v.vote} size="xs" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{v.comment || '—'}</Text>
                </Table.Td>
                <Table.Td w={190}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(v.at)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          No votes yet.
        </Text>
      )}
      {review.state === 'open' && review.tally && (
        <Text size="sm">
          Every approver has voted: <DecisionBadge decision={review.tally} size="xs" />
          {review.tally === 'go' &&
            review.blockers.length > 0 &&
            ' — it waits for its conditions to be written.'}
        </Text>
      )}
    </Stack>
  );
}

function Decided({ review }: { review: GateReview }) {
  return (
    <Alert
      color={review.decision === 'go' ? 'green' : review.decision === 'stop' ? 'red' : 'yellow'}
      title={
        <Group gap={8}>
          Decision: <DecisionBadge decision={review.decision!} />
        </Group>
      }
    >
      <Stack gap={4}>
        <Text size="sm">
          By {review.decidedByName ?? 'someone'} on {formatDateTime(review.decidedAt)}.
        </Text>
        {review.conditions && (
          <Text size="sm">
            <b>Conditions:</b> {review.conditions}
          </Text>
        )}
        {review.comment && <Text size="sm">{review.comment}</Text>}
      </Stack>
    </Alert>
  );
}

/** One gate review: the evidence, the approvers and their votes, and the decision (or the forms to make it). */
export function GateReviewPanel({ review }: { review: GateReview }) {
  const open = review.state === 'open';
  return (
    <Card withBorder padding="lg" component="section" aria-label={`Gate review: ${review.gate.name}`}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <div>
          <Text fw={600}>Gate review: {review.gate.name}</Text>
          <Text size="sm" c="dimmed">
            From {phaseLabel(review.fromPhase)} into {phaseLabel(review.toPhase)} · {review.lifecycleCode}{' '}
            revision {review.lifecycleRevision} · opened {formatDate(review.createdAt.slice(0, 10))}
            {review.scheduledOn && ` · meeting ${formatDate(review.scheduledOn)}`}
          </Text>
        </div>
        <Badge color={open ? 'blue' : 'gray'} variant="light" radius="sm" size="lg">
          {open ? 'Open' : 'Decided'}
        </Badge>
      </Group>
      {!open && <Decided review={review} />}
      <Text fw={600} size="sm" mt="md" mb={4}>
        Evidence
      </Text>
      <GateEvidence key={`${review.id}:${review.version}`} review={review} />
      {open && review.blockers.length > 0 && (
        <Alert color="yellow" mt="md" title="Required items missing">
          <List size="sm">
            {review.blockers.map((b) => (
              <List.Item key={b}>{b}</List.Item>
            ))}
          </List>
          <Text size="sm" mt={4}>
            A go is possible only with written conditions.
          </Text>
        </Alert>
      )}
      <Divider my="md" />
      <Approvers review={review} />
      {open && (review.abilities.vote || review.abilities.decide) && (
        <>
          <Divider my="md" />
          <SimpleGrid
            cols={{ base: 1, md: review.abilities.vote && review.abilities.decide ? 2 : 1 }}
            spacing="xl"
          >
            {review.abilities.vote && <VoteForm key={`v${review.version}`} review={review} />}
            {review.abilities.decide && <DecideForm key={`d${review.version}`} review={review} />}
          </SimpleGrid>
        </>
      )}
      {open && !review.abilities.vote && !review.abilities.decide && (
        <Text size="sm" c="dimmed" mt="md">
          You are not one of this gate's approvers.
        </Text>
      )}
    </Card>
  );
}
