import { Stack } from '@mantine/core';
import { type Office, type OrgUnit, OrgUnitUpdate } from '@pharos/api';
import type { ReactNode } from 'react';
import { humanize } from '../../lib/format';
import { OfficeKindBadge, OrgUnitKindBadge } from '../../ui/badges';
import { DetailPage } from '../../ui/detail-page';
import {
  codeNameColumn,
  detailsTab,
  MoveParentButton,
  RelatedSection,
  SubtitleRef,
} from '../../ui/detail-parts';
import { OrgUnitFields, orgUnitCreate, orgUnitValues } from './org-unit-fields';

function Structure({ unit }: { unit: OrgUnit }) {
  return (
    <Stack gap="xl">
      <RelatedSection
        title="Units under this one"
        entity="orgUnits"
        filter={{ parentId: unit.id }}
        columns={[
          codeNameColumn<OrgUnit>('Unit', '/org-units/$id'),
          { key: 'kind', label: 'Kind', render: (u) => <OrgUnitKindBadge kind={u.kind} /> },
        ]}
        empty="No units under this one."
        create={{
          kit: orgUnitCreate,
          preset: { parentId: unit.id, kind: 'department' },
          noun: 'unit',
          allowed: !unit.archivedAt,
        }}
      />
      <RelatedSection
        title="Offices in this unit"
        entity="offices"
        filter={{ orgUnitId: unit.id }}
        columns={[
          codeNameColumn<Office>('Office', '/offices/$id'),
          { key: 'kind', label: 'Kind', render: (o) => <OfficeKindBadge kind={o.kind} /> },
        ]}
        empty="No offices belong to this unit."
      />
    </Stack>
  );
}

export function OrgUnitDetailPage(): ReactNode {
  return (
    <DetailPage
      entity="orgUnits"
      subtitle={(u) => (
        <>
          {humanize(u.kind)} {u.code}
          <SubtitleRef text="part of" entity="orgUnits" id={u.parentId} />
        </>
      )}
      badges={(u) => <OrgUnitKindBadge kind={u.kind} />}
      actions={(u) => (
        <MoveParentButton entity="orgUnits" item={u} schema={OrgUnitUpdate} label="Parent unit" />
      )}
      tabs={(u) => [
        { value: 'structure', label: 'Structure', panel: <Structure unit={u} /> },
        detailsTab('orgUnits', u, orgUnitValues, OrgUnitUpdate, (form) => (
          <OrgUnitFields form={form} selfId={u.id} />
        )),
      ]}
    />
  );
}
