import { Badge, Group, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ScoringFramework } from '@pharos/api';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useAbility } from '../../api/me';
import { ConfirmButton } from '../../ui/confirm-button';
import { HistoryTab } from '../../ui/history-tab';
import { ButtonLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { demandCalls, useDemandMutation, useFramework, useFrameworks } from './demand-api';
import { FrameworkEditor } from './framework-editor';
import { FrameworkView } from './framework-view';
import { FrameworkStatusBadge } from './frameworks-page';

function Actions({ f }: { f: ScoringFramework }) {
  const publish = useDemandMutation(demandCalls.publish);
  const revise = useDemandMutation(demandCalls.revise);
  const archive = useDemandMutation(demandCalls.archive);
  const navigate = useNavigate();
  // A published revision is never edited (its `update` is false) but may be revised by whoever may edit frameworks.
  const mayRevise = useAbility('scoringFramework.update') && !f.archivedAt;
  const may = f.abilities.update && !f.archivedAt;
  return (
    <>
      {f.status === 'published' && (
        <ButtonLink to="/ranking" search={{ frameworkId: f.id }} variant="default" size="sm">
          Ranking
        </ButtonLink>
      )}
      {may && f.status === 'draft' && (
        <ConfirmButton
          label="Publish"
          variant="filled"
          title={`Publish ${f.code} revision ${f.revision}`}
          message="Proposals can then be scored against it. The revision published before it retires; scores stay with the revision they were given for."
          confirmLabel="Publish"
          onConfirm={async () => {
            const p = await publish.mutateAsync({ id: f.id, version: f.version });
            notifications.show({ color: 'green', message: `${p.code} revision ${p.revision} is published.` });
          }}
        />
      )}
      {mayRevise && f.status === 'published' && (
        <ConfirmButton
          label="Revise"
          title={`Start revision ${f.revision + 1} of ${f.code}`}
          message="A new draft revision is made from this one; this one stays published until the new one is."
          confirmLabel="Start a revision"
          onConfirm={async () => {
            const r = await revise.mutateAsync(f.id);
            void navigate({
              to: '/scoring-frameworks/$id',
              params: { id: r.id },
              search: { tab: 'edit' } as never,
            });
          }}
        />
      )}
      {f.abilities.archive && (
        <ConfirmButton
          label={f.archivedAt ? 'Restore' : 'Archive'}
          title={`${f.archivedAt ? 'Restore' : 'Archive'} ${f.code} revision ${f.revision}`}
          message={
            f.archivedAt
              ? 'It comes back into the lists.'
              : 'It leaves the lists; it is kept with its history.'
          }
          confirmLabel={f.archivedAt ? 'Restore' : 'Archive'}
          color={f.archivedAt ? undefined : 'red'}
          onConfirm={() =>
            archive.mutateAsync({
              kind: 'frameworks',
              id: f.id,
              version: f.version,
              restore: f.archivedAt !== null,
            })
          }
        />
      )}
    </>
  );
}

/** Other revisions of the same framework, to move between them. */
function Revisions({ f }: { f: ScoringFramework }) {
  const list = useFrameworks({ familyId: f.familyId, pageSize: 50, sort: '-revision', archived: 'all' });
  const others = (list.data?.items ?? []).filter((x) => x.id !== f.id);
  if (others.length === 0) return null;
  return (
    <Group gap={6}>
      Other revisions:
      {others.map((o) => (
        <ButtonLink
          key={o.id}
          to="/scoring-frameworks/$id"
          params={{ id: o.id }}
          size="compact-xs"
          variant="light"
        >
          {o.revision} · {o.status}
        </ButtonLink>
      ))}
    </Group>
  );
}

function Page({ f }: { f: ScoringFramework }) {
  const search: { tab?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const editable = f.status === 'draft' && f.abilities.update && !f.archivedAt;
  const tabs = [
    { value: 'criteria', label: 'Criteria and weights', panel: <FrameworkView f={f} /> },
    ...(editable
      ? [
          {
            value: 'edit',
            label: 'Edit draft',
            panel: <FrameworkEditor key={`${f.id}:${f.version}`} f={f} />,
          },
        ]
      : []),
    { value: 'history', label: 'History', panel: <HistoryTab entityType="scoringFramework" id={f.id} /> },
  ];
  const active = tabs.some((t) => t.value === search.tab) ? (search.tab as string) : 'criteria';
  return (
    <>
      <PageHeader
        title={f.name}
        subtitle={
          <Group gap={12} component="span">
            <span>
              {f.code} · {f.labels.officeId ?? 'Office'} · {f.criteria.length} criteria
            </span>
            <Revisions f={f} />
          </Group>
        }
        badges={
          <>
            <Badge variant="outline" color="dark" radius="sm" size="lg">
              Revision {f.revision}
            </Badge>
            <FrameworkStatusBadge status={f.status} />
          </>
        }
        archived={f.archivedAt !== null}
        actions={<Actions f={f} />}
      />
      <Tabs
        value={active}
        onChange={(v) => v && navigate({ to: '.', search: { tab: v } as never, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

/** One revision of a scoring framework: its criteria and weights; for a draft, the editor. */
export function FrameworkDetailPage(): ReactNode {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useFramework(id);
  return (
    <QueryState query={q} label="Loading framework">
      {() => q.data && <Page f={q.data} />}
    </QueryState>
  );
}
