import {
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Popover,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Scenario, SolveJobState } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { scenarioKeys, useJob, useJobActions } from './scenario-api';
import { gapLabel, planValue, seconds } from './scenario-format';
import { useMoney } from './scenario-money';

/** "Solve" with a time limit, and "Frontier": both run on the server; the progress panel follows them. */
export function SolveButtons({ scenario }: { scenario: Scenario }): ReactNode {
  const job = useJob(scenario.id);
  const { solve, frontier } = useJobActions(scenario.id);
  const [limit, setLimit] = useState<number>(10);
  const [open, setOpen] = useState(false);
  const running = job.data?.state === 'running';
  const start = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  if (!scenario.abilities.update || scenario.status !== 'draft') return null;
  return (
    <>
      <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow trapFocus>
        <Popover.Target>
          <Button disabled={running} onClick={() => setOpen((o) => !o)}>
            Solve
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={240}>
            <NumberInput
              label="Time limit (seconds)"
              description="The best plan found by then is kept"
              min={1}
              max={600}
              value={limit}
              onChange={(v) => setLimit(typeof v === 'number' ? v : Number(v) || 10)}
            />
            <Button
              loading={solve.isPending}
              onClick={() => {
                setOpen(false);
                void start(() => solve.mutateAsync({ timeLimit: limit }));
              }}
            >
              Start solving
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Button
        variant="default"
        disabled={running}
        loading={frontier.isPending}
        onClick={() => void start(() => frontier.mutateAsync({}))}
      >
        Frontier
      </Button>
    </>
  );
}

/** The running solve or frontier: the greedy first answer, value, bound, gap, time; and Cancel. */
export function JobProgress({ scenario }: { scenario: Scenario }): ReactNode {
  const job = useJob(scenario.id);
  const { cancel } = useJobActions(scenario.id);
  const money = useMoney();
  const qc = useQueryClient();
  const prev = useRef<SolveJobState['state'] | null>(null);
  const j = job.data;
  useEffect(() => {
    const was = prev.current;
    prev.current = j?.state ?? null;
    if (was !== 'running' || !j || j.state === 'running') return;
    void qc.invalidateQueries({ queryKey: scenarioKeys.item(scenario.id) });
    void qc.invalidateQueries({ queryKey: ['scenarios', 'list'] });
    const what = j.kind === 'frontier' ? 'The frontier' : 'The solve';
    if (j.state === 'done') notifications.show({ color: 'green', message: `${what} finished.` });
    else if (j.state === 'cancelled')
      notifications.show({ message: `${what} was stopped; the best plan found is kept.` });
    else if (j.state === 'failed')
      notifications.show({ color: 'red', message: `${what} failed: ${j.message ?? ''}` });
  }, [j, qc, scenario.id]);
  if (j?.state !== 'running') {
    if (j?.state === 'failed')
      return (
        <Alert color="red" mb="md" title={j.kind === 'frontier' ? 'The frontier failed' : 'The solve failed'}>
          {j.message ?? 'No reason was given.'}
        </Alert>
      );
    return null;
  }
  const v = (x: number | null) => planValue(scenario.body.objective, x, money.currency);
  const frontier = j.kind === 'frontier';
  return (
    <Paper
      withBorder
      p="md"
      mb="md"
      radius="md"
      role="status"
      aria-live="polite"
      aria-label="Solver progress"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Loader size="sm" />
          <Text fw={600}>{frontier ? 'Computing the efficient frontier…' : 'Solving…'}</Text>
        </Group>
        <Button
          color="red"
          variant="light"
          size="xs"
          loading={cancel.isPending}
          onClick={() =>
            cancel.mutate(undefined, {
              onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
            })
          }
        >
          Cancel
        </Button>
      </Group>
      <Group gap="xl" mt="sm" wrap="wrap">
        {frontier ? (
          <Figure label="Points" value={`${j.points} of ${j.totalPoints}`} />
        ) : (
          <>
            <Figure label="First answer (greedy)" value={v(j.greedyValue)} testId="job-greedy" />
            <Figure label="Best plan" value={v(j.value)} testId="job-value" />
            <Figure label="Bound" value={v(j.bound)} />
            <Figure label="Gap" value={gapLabel(j.gap)} testId="job-gap" />
          </>
        )}
        <Figure label="Elapsed" value={seconds(j.seconds)} testId="job-elapsed" />
      </Group>
      {frontier && j.totalPoints > 0 && (
        <Progress mt="sm" value={(100 * j.points) / j.totalPoints} aria-label="Frontier points done" />
      )}
      {!frontier && j.gap !== null && (
        <Progress
          mt="sm"
          value={Math.max(2, 100 * (1 - Math.min(1, j.gap)))}
          aria-label="How close to proven optimal"
        />
      )}
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
