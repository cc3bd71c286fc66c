import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ProposalScores, ScoringFramework } from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useMe } from '../../api/me';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/query-state';
import {
  demandCalls,
  type ProposalDetail,
  useDemandMutation,
  useFramework,
  useFrameworks,
  useScores,
} from './demand-api';
import { criterionColor, ScoreResultPanel } from './score-result';

type Criterion = ScoringFramework['criteria'][number];

/** A pick among the scale's levels (with the chosen level's descriptor), or a number on the scale. */
function CriterionPick({
  c,
  i,
  value,
  onChange,
}: {
  c: Criterion;
  i: number;
  value: number | undefined;
  onChange: (v: number) => void;
}) {
  const levels = [...c.scale.levels].sort((a, b) => a.value - b.value);
  const level = levels.find((l) => l.value === value);
  return (
    <div>
      <Group gap={6} mb={4}>
        <span style={{ width: 10, height: 10, borderRadius: 2, background: criterionColor(i) }} />
        <Text size="sm" fw={600} id={`crit-${c.id}`}>
          {c.name}
        </Text>
        {c.direction === 'negative' && (
          <Text size="xs" c="red.7">
            (higher is worse)
          </Text>
        )}
      </Group>
      {c.description && (
        <Text size="xs" c="dimmed" mb={6}>
          {c.description}
        </Text>
      )}
      {levels.length > 0 && levels.length <= 7 ? (
        <SegmentedControl
          aria-labelledby={`crit-${c.id}`}
          fullWidth
          size="xs"
          value={value === undefined ? '' : String(value)}
          onChange={(v) => onChange(Number(v))}
          data={levels.map((l) => ({ value: String(l.value), label: `${l.value} · ${l.label}` }))}
        />
      ) : levels.length > 7 ? (
        <Select
          aria-labelledby={`crit-${c.id}`}
          data={levels.map((l) => ({ value: String(l.value), label: `${l.value} · ${l.label}` }))}
          value={value === undefined ? null : String(value)}
          onChange={(v) => v !== null && onChange(Number(v))}
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <NumberInput
          aria-labelledby={`crit-${c.id}`}
          min={c.scale.min}
          max={c.scale.max}
          value={value ?? ''}
          onChange={(v) => typeof v === 'number' && onChange(v)}
          description={`From ${c.scale.min} to ${c.scale.max}`}
        />
      )}
      <Text size="xs" c={level ? undefined : 'dimmed'} mt={4} mih={18}>
        {level ? level.description || level.label : value === undefined ? 'Not scored yet' : ''}
      </Text>
    </div>
  );
}

function MyScores({
  p,
  scores,
  framework,
}: {
  p: ProposalDetail;
  scores: ProposalScores;
  framework: ScoringFramework;
}) {
  const me = useMe();
  const mine = scores.scores.find((s) => s.scorerId === me?.user.id);
  const [values, setValues] = useState<Record<string, number>>(mine?.values ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = useDemandMutation(demandCalls.score);
  const missing = framework.criteria.filter((c) => values[c.id] === undefined).length;
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ id: p.id, values, comment });
      notifications.show({ color: 'green', message: `Your scores of ${p.code} are saved.` });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card withBorder padding="md" component="section" aria-label="My scores">
      <Group justify="space-between" mb="sm">
        <div>
          <Text fw={600}>My scores</Text>
          <Text size="sm" c="dimmed">
            Pick the level that fits best on each criterion; the descriptor says what it means.
          </Text>
        </div>
        {mine && (
          <Text size="xs" c="dimmed">
            Last saved {new Date(mine.updatedAt).toLocaleString()}
          </Text>
        )}
      </Group>
      <Stack gap="md">
        {framework.criteria.map((c, i) => (
          <CriterionPick
            key={c.id}
            c={c}
            i={i}
            value={values[c.id]}
            onChange={(v) => setValues((prev) => ({ ...prev, [c.id]: v }))}
          />
        ))}
        <Textarea
          label="Comment"
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        {error && (
          <Alert color="red" role="alert" py={8}>
            {error}
          </Alert>
        )}
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            Save my scores
          </Button>
          {missing > 0 && (
            <Text size="sm" c="dimmed">
              {missing} of {framework.criteria.length} criteria still to score
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** Choose (or change) the published framework the proposal is scored with. */
function FrameworkPicker({ p }: { p: ProposalDetail }) {
  const list = useFrameworks({ status: 'published', pageSize: 100, sort: 'code' });
  const [pick, setPick] = useState<string | null>(p.frameworkId);
  const update = useDemandMutation(demandCalls.updateProposal);
  const [error, setError] = useState<string | null>(null);
  const data = (list.data?.items ?? []).map((f) => ({
    value: f.id,
    label: `${f.code} · ${f.name} (rev. ${f.revision})`,
  }));
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label="Scoring framework"
        placeholder="Choose a published framework"
        data={data}
        value={pick}
        onChange={setPick}
        w={380}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      <Button
        variant="default"
        disabled={!pick || pick === p.frameworkId}
        loading={update.isPending}
        onClick={async () => {
          setError(null);
          try {
            await update.mutateAsync({ id: p.id, body: { frameworkId: pick, version: p.version } });
          } catch (e) {
            setError(errorMessage(e));
          }
        }}
      >
        Use this framework
      </Button>
    </Group>
  );
}

/** The Scoring tab: the framework, my scores, and everybody's combined. */
export function ProposalScoring({ p }: { p: ProposalDetail }) {
  const scores = useScores(p.id);
  const framework = useFramework(p.frameworkId);
  const mayChoose = p.abilities.update && !['converted', 'approved', 'rejected'].includes(p.status);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        {framework.data ? (
          <Text size="sm">
            Scored with{' '}
            <AnchorLink to="/scoring-frameworks/$id" params={{ id: framework.data.id }} size="sm" fw={500}>
              {framework.data.code} · {framework.data.name}
            </AnchorLink>
            , revision {framework.data.revision} ({framework.data.status}).
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {p.frameworkId ? 'Loading the framework…' : 'This proposal has no scoring framework yet.'}
          </Text>
        )}
        {mayChoose && <FrameworkPicker p={p} />}
      </Group>
      <QueryState query={scores} label="Loading scores">
        {() => {
          const s = scores.data as ProposalScores;
          const fw = framework.data;
          if (!s.frameworkId || !fw) return null;
          return (
            <Stack gap="md">
              {s.result ? (
                <ScoreResultPanel scores={s} framework={fw} />
              ) : (
                <Alert color="yellow">
                  The framework cannot be used to score: {fw.warnings.join(' ') || 'it is not valid.'}
                </Alert>
              )}
              {s.mayScore ? (
                <MyScores key={`${p.id}:${fw.id}`} p={p} scores={s} framework={fw} />
              ) : (
                <Text size="sm" c="dimmed">
                  {['screening', 'scored', 'shortlisted'].includes(p.status)
                    ? 'You may read the scores of this proposal but not enter your own.'
                    : 'Proposals are scored while in screening, scored or shortlisted.'}
                </Text>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
