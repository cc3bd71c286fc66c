import { Badge, Group, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Lifecycle } from '@pharos/api';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useAbility } from '../../api/me';
import { ConfirmButton } from '../../ui/confirm-button';
import { ButtonLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { governanceCalls, useGovernanceMutation, useLifecycle, useLifecycles } from './governance-api';
import { LifecycleEditor } from './lifecycle-editor';
import { LifecycleView } from './lifecycle-view';
import { LifecycleStatusBadge } from './lifecycles-page';

function Actions({ lc }: { lc: Lifecycle }) {
  const publish = useGovernanceMutation(governanceCalls.publishLifecycle);
  const revise = useGovernanceMutation(governanceCalls.reviseLifecycle);
  const archive = useGovernanceMutation(governanceCalls.archiveLifecycle);
  const navigate = useNavigate();
  // A published revision is never edited (its `update` is false) but may be revised by whoever may edit lifecycles.
  const mayRevise = useAbility('lifecycle.update') && !lc.archivedAt;
  return (
    <>
      {lc.abilities.update && !lc.archivedAt && lc.status === 'draft' && (
        <ConfirmButton
          label="Publish"
          variant="filled"
          title={`Publish ${lc.code} revision ${lc.revision}`}
          message="Projects of its types then pass its gates to enter each phase. The revision published before it retires; reviews already held stay with their revision."
          confirmLabel="Publish"
          onConfirm={async () => {
            const p = await publish.mutateAsync({ id: lc.id, version: lc.version });
            notifications.show({ color: 'green', message: `${p.code} revision ${p.revision} is published.` });
          }}
        />
      )}
      {mayRevise && lc.status === 'published' && (
        <ConfirmButton
          label="Revise"
          title={`Start revision ${lc.revision + 1} of ${lc.code}`}
          message="A new draft revision is made from this one; this one stays published until the new one is."
          confirmLabel="Start a revision"
          onConfirm={async () => {
            const r = await revise.mutateAsync(lc.id);
            void navigate({ to: '/lifecycles/$id', params: { id: r.id }, search: { tab: 'edit' } as never });
          }}
        />
      )}
      {lc.abilities.archive && (
        <ConfirmButton
          label={lc.archivedAt ? 'Restore' : 'Archive'}
          title={`${lc.archivedAt ? 'Restore' : 'Archive'} ${lc.code} revision ${lc.revision}`}
          message={
            lc.archivedAt
              ? 'It comes back into the lists.'
              : 'It leaves the lists and governs no project any more; it is kept with its history.'
          }
          confirmLabel={lc.archivedAt ? 'Restore' : 'Archive'}
          color={lc.archivedAt ? undefined : 'red'}
          onConfirm={() =>
            archive.mutateAsync({ id: lc.id, version: lc.version, restore: lc.archivedAt !== null })
          }
        />
      )}
    </>
  );
}

/** Other revisions of the same lifecycle, to move between them. */
function Revisions({ lc }: { lc: Lifecycle }) {
  const list = useLifecycles({
    familyId: lc.familyId,
    pageSize: 50,
    sort: '-revision',
    archived: 'all',
    page: 1,
  });
  const others = (list.data?.items ?? []).filter((x) => x.id !== lc.id);
  if (others.length === 0) return null;
  return (
    <Group gap={6}>
      Other revisions:
      {others.map((o) => (
        <ButtonLink key={o.id} to="/lifecycles/$id" params={{ id: o.id }} size="compact-xs" variant="light">
          {o.revision} · {o.status}
        </ButtonLink>
      ))}
    </Group>
  );
}

function Page({ lc }: { lc: Lifecycle }) {
  const search: { tab?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const editable = lc.status === 'draft' && lc.abilities.update && !lc.archivedAt;
  const tabs = [
    { value: 'phases', label: 'Phases and gates', panel: <LifecycleView lc={lc} /> },
    ...(editable
      ? [
          {
            value: 'edit',
            label: 'Edit draft',
            panel: <LifecycleEditor key={`${lc.id}:${lc.version}`} lc={lc} />,
          },
        ]
      : []),
  ];
  const active = tabs.some((t) => t.value === search.tab) ? (search.tab as string) : 'phases';
  return (
    <>
      <PageHeader
        title={lc.name}
        subtitle={
          <Group gap={12} component="span">
            <span>
              {lc.code} · {lc.labels.officeId ?? 'Office'} · {lc.phases.length} phases
            </span>
            <Revisions lc={lc} />
          </Group>
        }
        badges={
          <>
            <Badge variant="outline" color="dark" radius="sm" size="lg">
              Revision {lc.revision}
            </Badge>
            <LifecycleStatusBadge status={lc.status} />
          </>
        }
        archived={lc.archivedAt !== null}
        actions={<Actions lc={lc} />}
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

/** One revision of a lifecycle: its phases and gates; for a draft, the editor. */
export function LifecycleDetailPage(): ReactNode {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useLifecycle(id);
  return (
    <QueryState query={q} label="Loading lifecycle">
      {() => q.data && <Page lc={q.data} />}
    </QueryState>
  );
}
