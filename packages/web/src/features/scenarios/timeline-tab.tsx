import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Scenario } from '@pharos/api';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { breaches } from './breaches';
import { ExcludedList } from './excluded-list';
import { PlanCanvas } from './plan-canvas';
import { initialPlanState, moveCandidate, type PlanState, pinTouched } from './plan-state';
import { useJobActions, useSetPlan, useUpdateScenario } from './scenario-api';
import { planValue, spanLabel } from './scenario-format';
import { candidateValueText, useMoney } from './scenario-money';
import { TimelineTable } from './timeline-table';

/**
 * The plan on a time line: the selected candidates as bars (drag one in time, within its window,
 * and the capacity and budget histograms under it follow at once), the ones left out below it
 * (drag one in to select it), then "Save plan" or "Re-solve around my choices".
 */
export function TimelineTab({ scenario }: { scenario: Scenario }): ReactNode {
  const { body } = scenario;
  const editable = scenario.abilities.update && scenario.status === 'draft';
  const money = useMoney();
  const planKey = `${scenario.id}/${scenario.version}/${scenario.plan?.at ?? ''}`;
  const state = useRef<PlanState>(null as unknown as PlanState);
  const loaded = useRef('');
  if (loaded.current !== planKey) {
    state.current = initialPlanState(body, scenario.plan?.starts ?? null);
    loaded.current = planKey;
  }
  const [revision, setRevision] = useState(0);
  const [picked, setPicked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (planKey) setRevision((r) => r + 1);
  }, [planKey]);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const setPlan = useSetPlan(scenario.id);
  const update = useUpdateScenario(scenario.id);
  const { solve } = useJobActions(scenario.id);
  const st = state.current;
  const touched = st.touched.size;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the state object changes in place; revision says when
  const broken = useMemo(
    () => breaches(body, st.starts, st.usage, money.format),
    [st, revision, body, money],
  );
  const valueText = useCallback((i: number) => candidateValueText(body, i, money), [body, money]);

  const move = (i: number, to: number | null) => {
    if (moveCandidate(state.current, i, to)) changed();
  };
  const reset = () => {
    loaded.current = '';
    setPicked(null);
    setError(null);
    changed();
  };
  const save = async () => {
    setError(null);
    try {
      const s = await setPlan.mutateAsync({ version: scenario.version, starts: [...st.starts] });
      const v = s.plan?.violations.length ?? 0;
      notifications.show({
        color: v ? 'yellow' : 'green',
        message: v ? `Plan saved with ${v} breach${v === 1 ? '' : 'es'}.` : 'Plan saved.',
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const resolve = async () => {
    setError(null);
    try {
      const s = await update.mutateAsync({ version: scenario.version, body: pinTouched(st) });
      await solve.mutateAsync({ timeLimit: 10 });
      notifications.show({
        message: `Solving ${s.code} around your ${touched} choice${touched === 1 ? '' : 's'}…`,
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const pc = picked === null ? null : body.candidates[picked];
  const pickedStart = picked === null ? null : (st.starts[picked] ?? null);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="md" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed">
              Plan value{' '}
            </Text>
            <Text span fw={600} data-testid="timeline-value">
              {planValue(body.objective, st.usage.value, money.currency)}
            </Text>
          </Text>
          <Text size="sm" c="dimmed">
            {st.rows.length} of {body.candidates.length} selected
          </Text>
          <Badge
            color={st.usage.overloads.length ? 'red' : 'gray'}
            variant="light"
            data-testid="timeline-overloads"
          >
            {st.usage.overloads.length} overloaded role-months
          </Badge>
          <Badge color={st.usage.overspends.length ? 'red' : 'gray'} variant="light">
            {st.usage.overspends.length} budget years over
          </Badge>
          {touched > 0 && (
            <Badge color="orange" variant="light">
              {touched} changed by hand
            </Badge>
          )}
        </Group>
        {editable && (
          <Group gap="xs">
            <Button variant="default" size="sm" disabled={touched === 0} onClick={reset}>
              Undo changes
            </Button>
            <Button
              variant="default"
              size="sm"
              disabled={touched === 0}
              loading={update.isPending || solve.isPending}
              onClick={resolve}
            >
              Re-solve around my choices
            </Button>
            <Button size="sm" disabled={touched === 0} loading={setPlan.isPending} onClick={save}>
              Save plan
            </Button>
          </Group>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {touched > 0 && broken.length > 0 && (
        <Alert
          color="yellow"
          title={`This plan breaks ${broken.length} rule${broken.length === 1 ? '' : 's'} or limit${broken.length === 1 ? '' : 's'}`}
        >
          <Text size="sm">
            {broken.slice(0, 6).join(' · ')}
            {broken.length > 6 ? ` · and ${broken.length - 6} more` : ''}
          </Text>
        </Alert>
      )}
      <Legend />
      <PlanCanvas
        state={state}
        revision={revision}
        editable={editable}
        picked={picked}
        onPick={setPicked}
        onChanged={changed}
        valueText={valueText}
        money={money.format}
        between={
          <>
            {pc && picked !== null && (
              <Paper withBorder p="xs" mt="xs" radius="md">
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm">
                    <Text span fw={600}>
                      {pc.name}
                    </Text>{' '}
                    <Text span c="dimmed">
                      {pc.id} · {pc.kind === 'project' ? 'running project' : 'proposal'} ·{' '}
                      {pickedStart === null
                        ? 'not selected'
                        : spanLabel(body.horizon, pickedStart, pc.duration)}{' '}
                      · may start{' '}
                      {spanLabel(body.horizon, pc.earliestStart, pc.latestStart - pc.earliestStart + 1)}
                      {pc.shiftable ? '' : ' (fixed start)'}
                    </Text>
                  </Text>
                  {editable &&
                    (pickedStart === null ? (
                      <Button size="xs" variant="light" onClick={() => move(picked, pc.plannedStart)}>
                        Add to plan
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        disabled={Boolean(pc.mustDo) || pc.fixed === 'in'}
                        onClick={() => move(picked, null)}
                      >
                        Leave out
                      </Button>
                    ))}
                </Group>
              </Paper>
            )}
            <ExcludedList
              body={body}
              starts={st.starts}
              editable={editable}
              revision={revision}
              onAdd={(i) => move(i, body.candidates[i]!.plannedStart)}
              onPick={setPicked}
              valueText={valueText}
            />
          </>
        }
      />
      <TimelineTable body={body} starts={st.starts} rows={st.rows} revision={revision} />
    </Stack>
  );
}

function Legend() {
  const swatch = (color: string, border?: string) => (
    <span
      style={{
        display: 'inline-block',
        width: 18,
        height: 10,
        borderRadius: 3,
        background: color,
        border: border ? `2px solid ${border}` : undefined,
        marginRight: 6,
        verticalAlign: 'middle',
      }}
    />
  );
  return (
    <Group gap="lg" wrap="wrap">
      <Text size="xs" c="dimmed">
        {swatch('var(--mantine-color-pharos-6)')}Proposal
      </Text>
      <Text size="xs" c="dimmed">
        {swatch('var(--mantine-color-teal-6)')}Running project
      </Text>
      <Text size="xs" c="dimmed">
        {swatch('var(--mantine-color-pharos-6)', 'var(--mantine-color-dark-7)')}Fixed start or fixed in
      </Text>
      <Text size="xs" c="dimmed">
        <span style={{ color: 'var(--mantine-color-red-7)', marginRight: 6 }}>◆</span>Must do
      </Text>
      <Text size="xs" c="dimmed">
        {swatch('var(--mantine-color-red-7)')}Over capacity or budget
      </Text>
    </Group>
  );
}
