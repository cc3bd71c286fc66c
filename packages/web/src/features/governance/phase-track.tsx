import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PhaseTrack } from '@pharos/api';
import { Fragment } from 'react';
import { errorMessage } from '../../api/client';
import { formatDate } from '../../lib/format';
import { AnchorLink } from '../../ui/links';
import classes from './governance.module.css';
import { governanceCalls, useGovernanceMutation } from './governance-api';
import { DecisionBadge } from './governance-badges';

type Phase = PhaseTrack['phases'][number];

function GateMarker({ phase }: { phase: Phase }) {
  const r = phase.lastReview;
  const status = !r ? 'Not reviewed' : r.state === 'open' ? 'Under review' : null;
  return (
    <li className={classes.gate} aria-label={`Gate ${phase.gate?.name}`}>
      <div
        className={classes.diamond}
        data-decision={r?.decision ?? undefined}
        data-open={r?.state === 'open' ? 'true' : undefined}
        aria-hidden
      />
      <span className={classes.gateName}>{phase.gate?.name}</span>
      {r?.decision ? (
        <Stack gap={2} align="center">
          <DecisionBadge decision={r.decision} size="xs" />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(r.decidedAt?.slice(0, 10))}
          </Text>
        </Stack>
      ) : (
        <Text size="xs" c={r?.state === 'open' ? 'blue' : 'dimmed'} fw={r?.state === 'open' ? 600 : 400}>
          {status}
        </Text>
      )}
    </li>
  );
}

/** The project's lifecycle as a track: its phases in order, each gate between them with its last decision. */
export function PhaseTrackCard({ track, projectStatus }: { track: PhaseTrack; projectStatus: string }) {
  const open = useGovernanceMutation(governanceCalls.openReview);
  if (!track.lifecycle)
    return (
      <Card withBorder padding="lg" component="section" aria-label="Lifecycle">
        <Text fw={600} mb={4}>
          Lifecycle
        </Text>
        <Text size="sm" c="dimmed">
          No published lifecycle governs projects of this type: the project moves between phases freely.
        </Text>
      </Card>
    );
  const lc = track.lifecycle;
  return (
    <Card withBorder padding="lg" component="section" aria-label="Lifecycle">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <div>
          <Text fw={600}>Lifecycle and gates</Text>
          <Text size="sm" c="dimmed">
            <AnchorLink to="/lifecycles/$id" params={{ id: lc.id }} size="sm">
              {lc.code} · {lc.name}
            </AnchorLink>{' '}
            (revision {lc.revision})
          </Text>
        </div>
        {track.mayOpen && track.nextGate && (
          <Button
            size="sm"
            loading={open.isPending}
            onClick={async () => {
              try {
                await open.mutateAsync(track.projectId);
                notifications.show({
                  color: 'green',
                  message: `The review of “${track.nextGate?.name}” is open; its approvers are told.`,
                });
              } catch (e) {
                notifications.show({ color: 'red', message: errorMessage(e) });
              }
            }}
          >
            Open gate review: {track.nextGate.name}
          </Button>
        )}
      </Group>
      <ol className={classes.track} aria-label="Phases" style={{ listStyle: 'none', margin: 0 }}>
        {track.phases.map((p) => (
          <Fragment key={p.key}>
            {p.gate && <GateMarker phase={p} />}
            <li
              className={classes.phase}
              data-position={p.position}
              aria-current={p.position === 'current' ? 'step' : undefined}
            >
              <div className={classes.phaseName}>{p.name}</div>
              <div className={classes.phaseHint}>
                {p.position === 'current' ? 'Current phase' : p.position === 'done' ? 'Done' : 'Ahead'}
              </div>
            </li>
          </Fragment>
        ))}
      </ol>
      {!track.phases.some((p) => p.position === 'current') && (
        <Alert color="gray" mt="sm">
          The project's phase ({track.phase}) is not one of this lifecycle's phases.
        </Alert>
      )}
      {['cancelled', 'completed'].includes(projectStatus) && (
        <Text size="sm" c="dimmed" mt="sm">
          The project is {projectStatus}: no gate is reviewed.
        </Text>
      )}
    </Card>
  );
}
