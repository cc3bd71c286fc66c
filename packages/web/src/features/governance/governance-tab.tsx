import { Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { GateReview, Project } from '@pharos/api';
import { useEffect, useRef, useState } from 'react';
import { useAbility } from '../../api/me';
import { formatDateTime } from '../../lib/format';
import { QueryState } from '../../ui/query-state';
import { ApprovedValuesCard } from './approved-values-card';
import { ChangeRequestsCard } from './change-requests-card';
import { GateReviewPanel } from './gate-review-panel';
import { useGateReviews, usePhaseTrack, useStopRecommendations } from './governance-api';
import { DecisionBadge, phaseLabel } from './governance-badges';
import { PhaseTrackCard } from './phase-track';
import { RecommendStopButton, StopBanner, StopHistory } from './stop-recommendation';

const RECENT_MS = 30 * 86_400_000;

/** Every decided gate review: the project's gate decision log. Choosing one shows it above. */
function DecisionLog({ reviews, onPick }: { reviews: GateReview[]; onPick: (id: string) => void }) {
  const decided = reviews.filter((r) => r.state === 'decided');
  if (decided.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-label="Gate decisions">
      <Text fw={600}>Gate decisions</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Choose a decision to see its evidence and votes.
      </Text>
      <Table verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Gate</Table.Th>
            <Table.Th>Into</Table.Th>
            <Table.Th>Decision</Table.Th>
            <Table.Th>Conditions</Table.Th>
            <Table.Th>Decided</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decided.map((r) => (
            <Table.Tr key={r.id} onClick={() => onPick(r.id)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.gate.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{phaseLabel(r.toPhase)}</Text>
              </Table.Td>
              <Table.Td>
                <DecisionBadge decision={r.decision!} size="xs" />
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {r.conditions || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{r.decidedByName}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(r.decidedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The project's Governance tab: lifecycle and gates, approved values, change requests, stop recommendations. */
export function GovernanceTab({ project }: { project: Project }) {
  const track = usePhaseTrack(project.id);
  const reviews = useGateReviews(project.id);
  const stops = useStopRecommendations(project.id);
  const [picked, setPicked] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  // A decision chosen in the log is shown above it: bring it into view.
  useEffect(() => {
    if (picked) panel.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [picked]);
  const mayRecommend = useAbility('stopRecommendation.create');
  const mayCreateChange = useAbility('changeRequest.create');
  const all = reviews.data?.items ?? [];
  // The review chosen in the log, else the open one, else the last one if it was decided lately.
  const latest = all[0] ?? null;
  const recent = latest?.decidedAt && Date.now() - Date.parse(latest.decidedAt) < RECENT_MS ? latest : null;
  const shown = all.find((r) => r.id === picked) ?? all.find((r) => r.state === 'open') ?? recent;
  const open = stops.data?.items.find((r) => r.state === 'open') ?? null;
  const ended = ['cancelled', 'completed'].includes(project.status);
  return (
    <QueryState query={track} label="Loading governance">
      {() => (
        <Stack gap="lg">
          {open && <StopBanner rec={open} />}
          <PhaseTrackCard track={track.data!} projectStatus={project.status} />
          {shown && (
            <div ref={panel} style={{ scrollMarginTop: 72 }}>
              <GateReviewPanel key={shown.id} review={shown} />
            </div>
          )}
          <DecisionLog reviews={all} onPick={setPicked} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ApprovedValuesCard projectId={project.id} />
            <ChangeRequestsCard projectId={project.id} mayCreate={mayCreateChange && !ended} />
          </SimpleGrid>
          <Card withBorder padding="lg" component="section" aria-label="Stop recommendations">
            <Group justify="space-between" mb="sm">
              <div>
                <Text fw={600}>Stop recommendations</Text>
                <Text size="sm" c="dimmed">
                  The PMO may recommend that a project be stopped; the recommendation and its outcome are
                  kept.
                </Text>
              </div>
              {mayRecommend && !open && !ended && <RecommendStopButton projectId={project.id} />}
            </Group>
            {(stops.data?.items.length ?? 0) === 0 ? (
              <Text size="sm" c="dimmed">
                None so far.
              </Text>
            ) : (
              <StopHistory items={stops.data!.items} />
            )}
          </Card>
        </Stack>
      )}
    </QueryState>
  );
}
