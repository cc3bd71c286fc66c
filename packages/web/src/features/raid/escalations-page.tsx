import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Timeline,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RaidQueue } from '@pharos/api';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useMe } from '../../api/me';
import { formatDateTime } from '../../lib/format';
import { EntitySelect } from '../../ui/entity-select';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { StepLine } from './escalation-panel';
import { ItemDrawer } from './item-drawer';
import { useEscalationSummary, useQueue } from './raid-api';
import { Flags, KindBadge, Rating } from './raid-badges';
import { registerName } from './raid-table';
import { TolerancesButton } from './tolerances-editor';

export interface EscalationsSearch {
  officeId?: string;
}

export function parseEscalationsSearch(raw: Record<string, unknown>): EscalationsSearch {
  return typeof raw.officeId === 'string' && /^[0-9a-f-]{36}$/.test(raw.officeId)
    ? { officeId: raw.officeId }
    : {};
}

type Entry = RaidQueue['items'][number];

function QueueEntry({ e, onOpen }: { e: Entry; onOpen: () => void }) {
  const [opened, { toggle }] = useDisclosure(false);
  const { item, arrival } = e;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`${item.code} ${item.title}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <KindBadge kind={item.kind} />
            <Anchor component="button" type="button" fw={600} onClick={onOpen}>
              {item.code} · {item.title}
            </Anchor>
            <Rating item={item} />
            <Flags item={item} />
          </Group>
          {arrival.acknowledgedAt ? (
            <Badge color="teal" variant="light" radius="sm">
              Acknowledged
            </Badge>
          ) : (
            <Badge color="orange" variant="light" radius="sm">
              Waiting
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          From {registerName(item)} · arrived {formatDateTime(arrival.at)}
          {item.labels.ownerId ? ` · owner ${item.labels.ownerId}` : ''}
        </Text>
        <StepLine step={arrival} />
        {e.trail.length > 1 && (
          <>
            <Anchor component="button" type="button" size="xs" onClick={toggle} aria-expanded={opened}>
              {opened ? 'Hide the trail' : `Show the whole trail (${e.trail.length} steps)`}
            </Anchor>
            <Collapse in={opened}>
              <Timeline bulletSize={12} lineWidth={2} active={e.trail.length - 1}>
                {e.trail.map((s) => (
                  <Timeline.Item key={s.id}>
                    <StepLine step={s} canAck={false} />
                  </Timeline.Item>
                ))}
              </Timeline>
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The office a person most likely works for: their first office grant. */
function homeOffice(me: ReturnType<typeof useMe>): string | undefined {
  return me?.grants.find((g) => g.scopeType === 'office' && g.scopeId)?.scopeId ?? undefined;
}

/** The offices escalations wait at, with their counts; one click opens an office's queue. */
function WhereTheyWait({ selected, onPick }: { selected: string | null; onPick: (id: string) => void }) {
  const summary = useEscalationSummary();
  const offices = summary.data?.offices ?? [];
  if (summary.isPending || offices.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" aria-label="Offices with escalations">
      {offices.map((o) => (
        <Button
          key={o.officeId}
          size="xs"
          radius="xl"
          variant={o.officeId === selected ? 'filled' : 'light'}
          color="violet"
          onClick={() => onPick(o.officeId)}
          rightSection={
            <Badge size="xs" circle color={o.waiting ? 'orange' : 'gray'} title={`${o.waiting} waiting`}>
              {o.open}
            </Badge>
          }
        >
          {o.name}
        </Button>
      ))}
    </Group>
  );
}

/** An office's escalation queue: the risks and issues that rose to it, waiting for it to act. */
export function EscalationsPage() {
  const search = useSearch({ strict: false }) as EscalationsSearch;
  const navigate = useNavigate();
  const me = useMe();
  const summary = useEscalationSummary();
  const officeId =
    search.officeId ?? homeOffice(me) ?? summary.data?.offices.find((o) => o.waiting > 0)?.officeId ?? null;
  const pick = (id: string | null) =>
    navigate({ to: '.', search: id ? { officeId: id } : {}, replace: true } as never);
  const [show, setShow] = useState<'waiting' | 'all'>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const queue = useQueue(officeId, show === 'waiting' ? { acknowledged: 'false' } : {});
  return (
    <>
      <PageHeader
        title="Escalations"
        subtitle="Risks and issues that rose to an office, with their trail"
        actions={<TolerancesButton />}
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <EntitySelect
            entity="offices"
            label="Office"
            value={officeId}
            onChange={(id) =>
              navigate({ to: '.', search: id ? { officeId: id } : {}, replace: true } as never)
            }
            w={340}
            clearable={false}
          />
          <SegmentedControl
            aria-label="Show"
            value={show}
            onChange={(v) => setShow(v as 'waiting' | 'all')}
            data={[
              { value: 'all', label: 'All open' },
              { value: 'waiting', label: 'Waiting for acknowledgement' },
            ]}
          />
        </Group>
        <WhereTheyWait selected={officeId} onPick={pick} />
        {!officeId ? (
          <Text c="dimmed">Pick an office to see its queue.</Text>
        ) : (
          <QueryState query={queue} label="Loading the queue">
            {() =>
              queue.data!.items.length === 0 ? (
                <Text c="dimmed" role="status">
                  Nothing is escalated to this office{show === 'waiting' ? ' and waiting' : ''}.
                </Text>
              ) : (
                <Stack
                  gap="sm"
                  aria-label="Escalation queue"
                  component="ul"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                >
                  {queue.data!.items.map((e) => (
                    <li key={e.item.id}>
                      <QueueEntry e={e} onOpen={() => setOpenId(e.item.id)} />
                    </li>
                  ))}
                </Stack>
              )
            }
          </QueryState>
        )}
      </Stack>
      <ItemDrawer itemId={openId} creating={null} onCreated={() => {}} onClose={() => setOpenId(null)} />
    </>
  );
}
