import { Group, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { type DetailPath, type EntityKey, entities, type ItemOf, type ListQueryOf } from '../api/entities';
import { useEntityList } from '../api/hooks';
import { useAbility } from '../api/me';
import { type CreateKit, CreateKitModal } from './create-entity-modal';
import { type Column, DataTable } from './data-table';
import type { DetailTab } from './detail-page';
import { EditEntityForm } from './edit-entity-form';
import { FormEntitySelect } from './form-fields';
import { AnchorLink } from './links';
import { MoveButton } from './move-button';
import { NewButton } from './new-button';
import { RefLink } from './ref-link';
import type { FormApi } from './use-zod-form';

/** The "Details" tab: the item's edit form. */
export function detailsTab<K extends EntityKey, V extends object>(
  entity: K,
  item: ItemOf<K>,
  toValues: (item: ItemOf<K>) => V,
  schema: z.ZodType,
  fields: (form: FormApi<V>) => ReactNode,
): DetailTab {
  return {
    value: 'details',
    label: 'Details',
    panel: (
      <EditEntityForm entity={entity} item={item} toValues={toValues} schema={schema}>
        {fields}
      </EditEntityForm>
    ),
  };
}

type Parented = { id: string; parentId: string | null };

/** "Move" under another item of the same registry (the parent select leaves the item itself out). */
export function MoveParentButton<K extends EntityKey>(props: {
  entity: K;
  item: ItemOf<K> & Parented;
  schema: z.ZodType;
  label: string;
  description?: string;
}) {
  return (
    <MoveButton
      entity={props.entity}
      item={props.item}
      toValues={(x) => ({ parentId: (x as Parented).parentId })}
      schema={props.schema}
    >
      {(form) => (
        <FormEntitySelect
          form={form}
          name="parentId"
          entity={props.entity}
          label={props.label}
          description={props.description}
          excludeId={props.item.id}
        />
      )}
    </MoveButton>
  );
}

/** "Move" to another portfolio (programs, operations). */
export function MoveToPortfolioButton<K extends 'programs' | 'operations'>(props: {
  entity: K;
  item: ItemOf<K>;
  schema: z.ZodType;
}) {
  return (
    <MoveButton
      entity={props.entity}
      item={props.item}
      toValues={(x) => ({ portfolioId: (x as { portfolioId: string }).portfolioId as string | null })}
      schema={props.schema}
    >
      {(form) => (
        <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" required />
      )}
    </MoveButton>
  );
}

/** " · part of <Parent>" in a subtitle, when there is one. */
export function SubtitleRef({ text, entity, id }: { text: string; entity: EntityKey; id: string | null }) {
  if (!id) return null;
  return (
    <>
      {' '}
      · {text} <RefLink entity={entity} id={id} />
    </>
  );
}

/** A column "CODE · Name" linking to the item's page. */
export function codeNameColumn<T extends { id: string; code: string; name: string }>(
  label: string,
  to: DetailPath,
): Column<T> {
  return {
    key: 'name',
    label,
    render: (r) => (
      <AnchorLink to={to} params={{ id: r.id }} size="sm">
        {r.code} · {r.name}
      </AnchorLink>
    ),
  };
}

/** How a related section creates a new item in place. */
export interface SectionCreate<K extends EntityKey, V extends object> {
  kit: CreateKit<K, V>;
  preset: Partial<V>;
  /** The button says "New {noun}". */
  noun: string;
  /** Offered at all (e.g. not under an archived item); the create ability is checked too. */
  allowed: boolean;
}

/** A titled section of a detail page: the related items in a table, optionally a "New …" button. */
export function RelatedSection<K extends EntityKey, C extends EntityKey, V extends object>(props: {
  title: string;
  entity: K;
  filter: ListQueryOf<K>;
  pageSize?: number;
  columns: Column<ItemOf<K>>[];
  empty?: string;
  create?: SectionCreate<C, V>;
}) {
  const pageSize = props.pageSize ?? 200;
  const list = useEntityList(props.entity, { ...props.filter, pageSize, sort: 'code' });
  const create = props.create;
  const canCreate = useAbility(`${entities[create?.kit.entity ?? props.entity].resource}.create` as never);
  const [creating, setCreating] = useState(false);
  const rows = (list.data?.items ?? []) as (ItemOf<K> & { id: string })[];
  return (
    <section aria-label={props.title}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{props.title}</Text>
        {create && canCreate && create.allowed && (
          <NewButton noun={create.noun} onClick={() => setCreating(true)} />
        )}
      </Group>
      {create && (
        <CreateKitModal
          kit={create.kit}
          preset={create.preset}
          opened={creating}
          onClose={() => setCreating(false)}
        />
      )}
      <DataTable
        caption={props.title}
        columns={props.columns as Column<ItemOf<K> & { id: string }>[]}
        rows={rows}
        total={list.data?.total ?? 0}
        page={1}
        pageSize={pageSize}
        loading={list.isPending}
        empty={props.empty}
      />
    </section>
  );
}
