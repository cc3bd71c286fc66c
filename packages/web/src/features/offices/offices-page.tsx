import { Paper } from '@mantine/core';
import type { Office } from '@pharos/api';
import type { ReactNode } from 'react';
import { ArchivedBadge, OfficeKindBadge } from '../../ui/badges';
import { TreeItemLink, TreePage } from '../../ui/tree-page';
import { ViewSwitch } from '../../ui/view-switch';
import { officeCreate } from './office-fields';
import { OrgChart } from './org-chart';

export const officeViews = ['tree', 'chart'] as const;

const renderer = () => (o: Office) => (
  <>
    <TreeItemLink to="/offices/$id" item={o} />
    <OfficeKindBadge kind={o.kind} />
    {o.archivedAt && <ArchivedBadge />}
  </>
);

export function OfficesPage(): ReactNode {
  return (
    <TreePage
      entity="offices"
      title="Offices"
      subtitle="The PMO network: strategic offices and centers of excellence above program and project offices."
      filterLabel="Filter offices"
      treeLabel="Office network"
      noMatch="No office matches this filter."
      none="No offices yet."
      renderer={renderer}
      toolbar={
        <ViewSwitch
          views={[
            { value: 'tree', label: 'Tree' },
            { value: 'chart', label: 'Org chart' },
          ]}
        />
      }
      view={(roots, search) =>
        search.view === 'chart' ? (
          <Paper withBorder p="md">
            <OrgChart roots={roots} />
          </Paper>
        ) : undefined
      }
      create={officeCreate}
    />
  );
}
