import { Text } from '@mantine/core';
import { type EntityKey, entities, itemLabel } from '../api/entities';
import { useLookup } from '../api/lookup';
import { useAbility } from '../api/me';
import { AnchorLink } from './links';

type Named = { id: string; name: string; code?: string; email?: string; archivedAt: string | null };

/** The name of a referenced item, linked to its page; "—" when there is none. */
export function RefLink({
  entity,
  id,
  plain,
}: {
  entity: EntityKey;
  id: string | null | undefined;
  plain?: boolean;
}) {
  const cfg = entities[entity];
  const canRead = useAbility(`${cfg.resource}.read`);
  const allowed = entity !== 'users' || canRead;
  const lookup = useLookup(entity, Boolean(id) && allowed);
  if (!id)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  const item = lookup.get(id) as Named | undefined;
  if (!item)
    return (
      <Text span c="dimmed" size="sm" title={id}>
        {lookup.ready || !allowed ? 'Not visible' : '…'}
      </Text>
    );
  const label = entity === 'users' ? item.name : itemLabel(item);
  if (plain) return <>{label}</>;
  return (
    <AnchorLink
      to={cfg.detailPath}
      params={{ id }}
      size="sm"
      td={item.archivedAt ? 'line-through' : undefined}
    >
      {label}
    </AnchorLink>
  );
}

/** Resolve an id to a readable name (for text, not links). */
export function useRefName(entity: EntityKey) {
  const cfg = entities[entity];
  const canRead = useAbility(`${cfg.resource}.read`);
  const lookup = useLookup(entity, entity !== 'users' || canRead);
  return (id: string) => {
    const item = lookup.get(id) as Named | undefined;
    if (!item) return id;
    return entity === 'users' ? item.name : itemLabel(item);
  };
}
