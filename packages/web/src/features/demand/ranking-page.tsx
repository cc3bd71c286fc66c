import { Badge, Card, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { type ProposalStatus, proposalStatuses, type Ranking, type ScoringFramework } from '@pharos/api';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../ui/links';
import { FilterSelect, ListToolbar } from '../../ui/list-toolbar';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import css from './demand.module.css';
import { useDemandSettings, useFramework, useFrameworks, useRanking } from './demand-api';
import { formatMoneyShort } from './money';
import { ProposalStatusBadge, proposalStatusOptions } from './proposal-status';
import { criterionColor } from './score-result';

export interface RankingSearch {
  frameworkId?: string;
  status?: ProposalStatus;
}
const uuid = /^[0-9a-f-]{36}$/i;
export function parseRankingSearch(raw: Record<string, unknown>): RankingSearch {
  const out: RankingSearch = {};
  if (typeof raw.frameworkId === 'string' && uuid.test(raw.frameworkId)) out.frameworkId = raw.frameworkId;
  if (typeof raw.status === 'string' && (proposalStatuses as readonly string[]).includes(raw.status))
    out.status = raw.status as ProposalStatus;
  return out;
}

type Item = Ranking['items'][number];

/** The total as a bar of 100 points, one segment per criterion's contribution. */
function StackedBar({ item, framework }: { item: Item; framework: ScoringFramework }) {
  const index = new Map(framework.criteria.map((c, i) => [c.id, { c, i }]));
  return (
    <div
      className={css.bar}
      style={{ height: 14, borderRadius: 3 }}
      role="img"
      aria-label={`Total ${item.total?.toFixed(1)} of 100`}
    >
      {item.criteria.map((r) => {
        const hit = index.get(r.criterionId);
        if (!r.contribution) return null;
        return (
          <Tooltip
            key={r.criterionId}
            label={`${hit?.c.name ?? r.criterionId}: ${r.contribution.toFixed(1)} points`}
          >
            <div
              className={css.barFill}
              style={{ width: `${r.contribution}%`, background: criterionColor(hit?.i ?? 0) }}
            />
          </Tooltip>
        );
      })}
    </div>
  );
}

function Legend({ framework }: { framework: ScoringFramework }) {
  return (
    <Group gap="md" aria-label="Criteria">
      {framework.criteria.map((c, i) => (
        <Group key={c.id} gap={6} wrap="nowrap">
          <span style={{ width: 10, height: 10, borderRadius: 2, background: criterionColor(i) }} />
          <Text size="xs">
            {c.name} {((framework.weights[i] ?? 0) * 100).toFixed(0)}%
          </Text>
        </Group>
      ))}
    </Group>
  );
}

function RankedTable({
  items,
  framework,
  currency,
}: {
  items: Item[];
  framework: ScoringFramework;
  currency: string;
}) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={860}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-label="Ranked proposals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56} className={css.num}>
                Rank
              </Table.Th>
              <Table.Th>Proposal</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th className={css.num}>Total</Table.Th>
              <Table.Th w="30%">Contributions</Table.Th>
              <Table.Th className={css.num}>NPV</Table.Th>
              <Table.Th className={css.num}>Scorers</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((it) => (
              <Table.Tr key={it.proposalId}>
                <Table.Td className={css.num} fw={700}>
                  {it.rank}
                </Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/proposals/$id"
                    params={{ id: it.proposalId }}
                    search={{ tab: 'scoring' }}
                    size="sm"
                  >
                    {it.code} · {it.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <ProposalStatusBadge status={it.status} />
                </Table.Td>
                <Table.Td className={css.num} fw={700}>
                  {it.total?.toFixed(1)}
                </Table.Td>
                <Table.Td>
                  <StackedBar item={it} framework={framework} />
                </Table.Td>
                <Table.Td className={css.num} c={it.npv < 0 ? 'red.7' : undefined}>
                  {formatMoneyShort(it.npv, currency)}
                </Table.Td>
                <Table.Td className={css.num}>{it.scorers}</Table.Td>
                <Table.Td>
                  {it.disagreement.criteria.length > 0 && (
                    <Tooltip
                      label={`Scorers disagree on ${it.disagreement.criteria
                        .map((id) => framework.criteria.find((c) => c.id === id)?.name ?? id)
                        .join(', ')}`}
                    >
                      <Badge color="orange" variant="light" radius="sm">
                        Disagreement
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    No proposal is fully scored with this framework yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Unscored({ items, framework }: { items: Item[]; framework: ScoringFramework }) {
  if (items.length === 0) return null;
  const name = (id: string) => framework.criteria.find((c) => c.id === id)?.name ?? id;
  return (
    <Card withBorder padding="md" component="section" aria-label="Not fully scored">
      <Text fw={600} mb={2}>
        Not fully scored ({items.length})
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        They are ranked once every criterion has a score.
      </Text>
      <Stack gap={6}>
        {items.map((it) => (
          <Group key={it.proposalId} gap="sm" wrap="nowrap" align="flex-start">
            <ProposalStatusBadge status={it.status} size="sm" />
            <div>
              <AnchorLink
                to="/proposals/$id"
                params={{ id: it.proposalId }}
                search={{ tab: 'scoring' }}
                size="sm"
              >
                {it.code} · {it.title}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                Missing: {it.missing.map(name).join(', ')}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** Proposals in order of their total score with a published framework. */
export function RankingPage(): ReactNode {
  const search = useSearch({ strict: false }) as RankingSearch;
  const navigate = useNavigate();
  const set = (change: Partial<RankingSearch>) =>
    navigate({
      to: '.',
      search: ((prev: RankingSearch) => ({ ...prev, ...change })) as never,
      replace: true,
    });
  const published = useFrameworks({ status: 'published', pageSize: 100, sort: 'code' });
  const frameworkId = search.frameworkId ?? published.data?.items[0]?.id ?? null;
  const framework = useFramework(frameworkId);
  const ranking = useRanking(frameworkId, { status: search.status });
  const settings = useDemandSettings();
  const currency = settings.data?.currency ?? 'EUR';
  return (
    <>
      <PageHeader
        title="Ranking"
        subtitle="Proposals in order of their total score, with what each criterion adds."
      />
      <ListToolbar>
        <Select
          label="Scoring framework"
          data={(published.data?.items ?? []).map((f) => ({
            value: f.id,
            label: `${f.code} · ${f.name} (rev. ${f.revision})`,
          }))}
          value={frameworkId}
          onChange={(v) => v && set({ frameworkId: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 380 }}
          comboboxProps={{ withinPortal: true }}
        />
        <FilterSelect
          label="Status"
          value={search.status}
          onChange={(v) => set({ status: v as ProposalStatus | undefined })}
          data={proposalStatusOptions}
        />
      </ListToolbar>
      {published.data && published.data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          No scoring framework is published yet.
        </Text>
      )}
      {frameworkId && (
        <QueryState query={ranking} label="Loading the ranking">
          {() => {
            const fw = framework.data;
            const items = ranking.data?.items ?? [];
            if (!fw) return null;
            return (
              <Stack gap="md">
                <Legend framework={fw} />
                <RankedTable
                  items={items.filter((i) => i.rank !== null)}
                  framework={fw}
                  currency={currency}
                />
                <Unscored items={items.filter((i) => i.rank === null)} framework={fw} />
              </Stack>
            );
          }}
        </QueryState>
      )}
    </>
  );
}
