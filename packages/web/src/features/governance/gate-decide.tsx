import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type GateDecision, type GateReview, gateDecisions } from '@pharos/api';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { governanceCalls, useGovernanceMutation } from './governance-api';
import { decisionLabel, decisionMeaning } from './governance-badges';

const choices = gateDecisions.map((d) => ({ value: d, label: decisionLabel[d] }));

/** An approver's vote: go, hold, recycle or stop, with a comment; the last vote records the decision. */
export function VoteForm({ review }: { review: GateReview }) {
  const [vote, setVote] = useState<GateDecision>(review.mine.vote ?? 'go');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cast = useGovernanceMutation(governanceCalls.vote);
  return (
    <Stack gap="xs" component="section" aria-label="Your vote">
      <Text fw={600} size="sm">
        {review.mine.vote ? 'Change your vote' : 'Your vote'}
      </Text>
      <SegmentedControl
        aria-label="Vote"
        value={vote}
        onChange={(v) => setVote(v as GateDecision)}
        data={choices}
        w="fit-content"
      />
      <Text size="xs" c="dimmed">
        {decisionMeaning[vote]}
      </Text>
      <Textarea
        label="Comment"
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button
          size="sm"
          loading={cast.isPending}
          onClick={async () => {
            setError(null);
            try {
              const r = await cast.mutateAsync({ id: review.id, vote, comment });
              setComment('');
              notifications.show({
                color: 'green',
                message:
                  r.state === 'decided'
                    ? `Every approver has voted: the decision is ${decisionLabel[r.decision!]}.`
                    : 'Your vote is recorded.',
              });
            } catch (e) {
              setError(errorMessage(e));
            }
          }}
        >
          Cast vote
        </Button>
      </Group>
    </Stack>
  );
}

/** Record the decision directly (an approver or a PMO leader), with conditions when items are missing. */
export function DecideForm({ review }: { review: GateReview }) {
  const [decision, setDecision] = useState<GateDecision>(review.tally ?? 'go');
  const [conditions, setConditions] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [conditionsError, setConditionsError] = useState<string | null>(null);
  const decide = useGovernanceMutation(governanceCalls.decideGate);
  const needsConditions = decision === 'go' && review.blockers.length > 0;
  return (
    <Stack gap="xs" component="section" aria-label="Record the decision">
      <Text fw={600} size="sm">
        Record the decision
      </Text>
      <SegmentedControl
        aria-label="Decision"
        value={decision}
        onChange={(v) => setDecision(v as GateDecision)}
        data={choices}
        w="fit-content"
      />
      <Text size="xs" c="dimmed">
        {decisionMeaning[decision]}
      </Text>
      <Textarea
        label="Conditions"
        description={
          needsConditions
            ? 'Required: a go with required items missing states the conditions under which it holds'
            : 'What must still be done, and by when'
        }
        required={needsConditions}
        autosize
        minRows={2}
        value={conditions}
        error={conditionsError}
        onChange={(e) => {
          setConditions(e.currentTarget.value);
          setConditionsError(null);
        }}
      />
      <Textarea
        label="Comment"
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button
          size="sm"
          color={decision === 'stop' ? 'red' : undefined}
          loading={decide.isPending}
          onClick={async () => {
            setError(null);
            if (needsConditions && !conditions.trim()) {
              setConditionsError('Write the conditions of this go');
              return;
            }
            try {
              await decide.mutateAsync({
                id: review.id,
                version: review.version,
                decision,
                conditions,
                comment,
              });
              notifications.show({
                color: 'green',
                message: `Decision recorded: ${decisionLabel[decision]}.`,
              });
            } catch (e) {
              if (isApiError(e) && e.field === 'conditions') setConditionsError(e.message);
              else setError(errorMessage(e));
            }
          }}
        >
          Record decision
        </Button>
      </Group>
    </Stack>
  );
}
