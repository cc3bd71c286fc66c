import { Text } from '@mantine/core';
import { type EntityKey, entities, itemLabel } from '../api/entities';
import { useEntity } from '../api/hooks';
import { useLookup } from '../api/lookup';
import { useAbility } from '../api/me';
import { AnchorLink } from './links';

type Named = { id: string; name: string; code?: string; email?: string; archivedAt: string | null };

/** The name of a referenced item, linked to its page; "—" when there is none. */
export function RefLink({
  entity,
  id,
  plain,
  short,
  fallback,
}: {
  entity: EntityKey;
  id: string | null | undefined;
  plain?: boolean;
  /** The name the server sent with the referring item (its `labels`): shown when you may not open this one. */
  fallback?: string | undefined;
  /** Only the name (the code shows on hover): for narrow table columns. */
  short?: boolean;
}) {
  const cfg = entities[entity];
  const canRead = useAbility(`${cfg.resource}.read`);
  const allowed = entity !== 'users' || canRead;
  // Projects are many: fetch the one referenced; other entities are few enough to load once, by id.
  const many = entity === 'projects';
  const lookup = useLookup(entity, Boolean(id) && allowed && !many);
  const single = useEntity(entity, many ? id : null);
  if (!id)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  const item = (many ? single.data : lookup.get(id)) as Named | undefined;
  const settled = lookup.ready || single.isError || !allowed;
  if (!item && settled && fallback)
    return (
      <Text span size="sm" title="You may not open this item">
        {fallback}
      </Text>
    );
  if (!item)
    return (
      <Text span c="dimmed" size="sm" title={id}>
        {settled ? 'Not visible' : '…'}
      </Text>
    );
  const full = entity === 'users' ? item.name : itemLabel(item);
  const label = short ? item.name : full;
  if (plain) return <>{label}</>;
  return (
    <AnchorLink
      to={cfg.detailPath}
      params={{ id }}
      size="sm"
      td={item.archivedAt ? 'line-through' : undefined}
      title={short && full !== label ? full : undefined}
    >
      {label}
    </AnchorLink>
  );
}
