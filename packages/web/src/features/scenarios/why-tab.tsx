import { Badge, Group, Pagination, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { Explanation, Scenario } from '@pharos/api';
import { type ReactNode, useMemo, useState } from 'react';
import { QueryState } from '../../ui/query-state';
import { useExplanation } from './scenario-api';
import { hours, limitLabel, monthName, planValue } from './scenario-format';
import { type Money, useMoney } from './scenario-money';

type Excluded = Explanation['excluded'][number];
type Included = Explanation['included'][number];
type Shortfall = Excluded['shortfalls'][number];
const PAGE = 20;

/** Why each candidate is in or out: what keeps it out and what would let it in; what it displaces. */
export function WhyTab({ scenario }: { scenario: Scenario }): ReactNode {
  const q = useExplanation(scenario);
  if (!scenario.plan)
    return (
      <Text c="dimmed" size="sm">
        Solve the scenario first: the explanations are about its plan.
      </Text>
    );
  return (
    <QueryState query={q} label="Explaining the plan">
      {() => <Reasons scenario={scenario} ex={q.data!} />}
    </QueryState>
  );
}

function Reasons({ scenario, ex }: { scenario: Scenario; ex: Explanation }) {
  const money = useMoney();
  const [side, setSide] = useState<'out' | 'in'>('out');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const byId = useMemo(() => new Map(scenario.body.candidates.map((c) => [c.id, c])), [scenario.body]);
  const name = (id: string) => byId.get(id)?.name ?? id;
  const needle = q.trim().toLowerCase();
  const match = (id: string) =>
    !needle || name(id).toLowerCase().includes(needle) || id.toLowerCase().includes(needle);
  const list =
    side === 'out'
      ? ex.excluded.filter((e) => match(e.candidate))
      : ex.included.filter((e) => match(e.candidate));
  const pages = Math.max(1, Math.ceil(list.length / PAGE));
  const at = Math.min(page, pages);
  const shown = list.slice((at - 1) * PAGE, at * PAGE);
  const ctx = { scenario, money, name };
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Which candidates"
          value={side}
          onChange={(v) => {
            setSide(v as 'out' | 'in');
            setPage(1);
          }}
          data={[
            { value: 'out', label: `Left out (${ex.excluded.length})` },
            { value: 'in', label: `Selected (${ex.included.length})` },
          ]}
        />
        <TextInput
          aria-label="Search candidates"
          placeholder="Search name or id"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
      </Group>
      <ul
        aria-label={side === 'out' ? 'Why these are left out' : 'Why these are selected'}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {shown.map((e) => (
          <li key={e.candidate} style={{ marginBottom: 8 }}>
            {side === 'out' ? <OutCard e={e as Excluded} {...ctx} /> : <InCard e={e as Included} {...ctx} />}
          </li>
        ))}
      </ul>
      {list.length === 0 && (
        <Text size="sm" c="dimmed">
          {side === 'out' ? 'Every candidate is in the plan.' : 'Nothing is selected.'}
        </Text>
      )}
      {pages > 1 && <Pagination size="sm" total={pages} value={at} onChange={setPage} />}
    </Stack>
  );
}

interface Ctx {
  scenario: Scenario;
  money: Money;
  name: (id: string) => string;
}

function Head({ id, ctx, extra }: { id: string; ctx: Ctx; extra: ReactNode }) {
  const c = ctx.scenario.body.candidates.find((x) => x.id === id);
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" mb={6}>
      <Text fw={600} size="sm">
        {ctx.name(id)}{' '}
        <Text span c="dimmed" fw={400} size="xs">
          {id} · {c?.kind === 'project' ? 'running project' : 'proposal'} · {c?.duration} months
        </Text>
      </Text>
      <Group gap={6}>{extra}</Group>
    </Group>
  );
}

function shortfallText(s: Shortfall, m: Money) {
  const f = s.kind === 'budget' ? m.format : hours;
  return `${limitLabel(s.label)}: short by ${f(s.short)} (needs ${f(s.needed)}, ${f(Math.max(0, s.limit - s.used))} free of ${f(s.limit)})`;
}

function OutCard({ e, ...ctx }: { e: Excluded } & Ctx) {
  const { scenario, money } = ctx;
  const value = (v: number) => planValue(scenario.body.objective, v, money.currency);
  return (
    <Paper withBorder radius="md" p="sm">
      <Head
        id={e.candidate}
        ctx={ctx}
        extra={
          e.bestStart !== null && (
            <Badge variant="light" color="gray" radius="sm" tt="none">
              would start {monthName(scenario.body.horizon, e.bestStart)}
            </Badge>
          )
        }
      />
      <Stack gap={4}>
        {e.rules.map((r) => (
          <Text key={r} size="sm">
            <Badge color="grape" variant="light" radius="sm" mr={6}>
              Rule
            </Badge>
            {r}
          </Text>
        ))}
        {e.shortfalls.map((s) => (
          <Text key={`${s.kind}/${s.label}`} size="sm">
            <Badge color={s.kind === 'budget' ? 'orange' : 'red'} variant="light" radius="sm" mr={6}>
              {s.kind === 'budget' ? 'Budget' : 'Capacity'}
            </Badge>
            {shortfallText(s, money)}
          </Text>
        ))}
        {(e.extraBudget > 0 || e.extraHours > 0) && (
          <Text size="sm" c="teal.8">
            It would fit with{' '}
            {[
              e.extraBudget > 0 && `${money.format(e.extraBudget)} more budget`,
              e.extraHours > 0 && `${hours(e.extraHours)} more capacity`,
            ]
              .filter(Boolean)
              .join(' and ')}
            .
          </Text>
        )}
        {e.displace.length > 0 && (
          <Text size="sm">
            It could come in instead of{' '}
            {e.displace
              .slice(0, 3)
              .map((d) => `${d.ids.map(ctx.name).join(' + ')} (${value(d.valueLost)} lost)`)
              .join('; or ')}
            .
          </Text>
        )}
        {e.rules.length === 0 && e.shortfalls.length === 0 && e.displace.length === 0 && (
          <Text size="sm" c="dimmed">
            It fits, but other candidates give more value for the same budget and hours.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function InCard({ e, ...ctx }: { e: Included } & Ctx) {
  const { scenario, money } = ctx;
  const value = (v: number) => planValue(scenario.body.objective, v, money.currency);
  return (
    <Paper withBorder radius="md" p="sm">
      <Head
        id={e.candidate}
        ctx={ctx}
        extra={
          <>
            {e.mustDo && (
              <Badge color="red" variant="light" radius="sm">
                Must do
              </Badge>
            )}
            {e.fixedIn && (
              <Badge color="dark" variant="light" radius="sm">
                Fixed in
              </Badge>
            )}
            <Badge variant="light" color="teal" radius="sm" tt="none">
              starts {monthName(scenario.body.horizon, e.start)} · value {value(e.value)}
            </Badge>
          </>
        }
      />
      <Stack gap={4}>
        {e.displaces.length > 0 ? (
          <Text size="sm">
            It keeps out {e.displaces.map(ctx.name).join(', ')} ({value(e.displacedValue)} of value).
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            It keeps nothing else out.
          </Text>
        )}
        {e.binding.length > 0 && (
          <Text size="sm">Limits that bind for it: {e.binding.map(limitLabel).join(', ')}.</Text>
        )}
      </Stack>
    </Paper>
  );
}
