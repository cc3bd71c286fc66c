import type { OrgUnit } from '@pharos/api';
import type { ReactNode } from 'react';
import { ArchivedBadge, OrgUnitKindBadge } from '../../ui/badges';
import { TreeItemLink, TreePage } from '../../ui/tree-page';
import { orgUnitCreate } from './org-unit-fields';

const renderer = () => (u: OrgUnit) => (
  <>
    <TreeItemLink to="/org-units/$id" item={u} />
    <OrgUnitKindBadge kind={u.kind} />
    {u.archivedAt && <ArchivedBadge />}
  </>
);

export function OrgUnitsPage(): ReactNode {
  return (
    <TreePage
      entity="orgUnits"
      title="Organization units"
      subtitle="Business units, divisions and subsidiaries of the organization."
      filterLabel="Filter organization units"
      treeLabel="Organization units"
      noMatch="No unit matches this filter."
      none="No organization units yet."
      renderer={renderer}
      create={orgUnitCreate}
    />
  );
}
