import { SimpleGrid, Stack } from '@mantine/core';
import { type OrgUnit, orgUnitKinds } from '@pharos/api';
import { options } from '../../lib/format';
import { FormEntitySelect, FormSelect, FormText, FormTextarea } from '../../ui/form-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface OrgUnitValues {
  code: string;
  name: string;
  kind: OrgUnit['kind'];
  parentId: string | null;
  description: string;
}

export function newOrgUnitValues(preset: Partial<OrgUnitValues> = {}): OrgUnitValues {
  return { code: '', name: '', kind: 'business_unit', parentId: null, description: '', ...preset };
}

export const orgUnitValues = (u: OrgUnit): OrgUnitValues => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  description: u.description,
});

export function OrgUnitFields({ form, selfId }: { form: FormApi<OrgUnitValues>; selfId?: string }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={form} name="code" label="Code" required maxLength={32} />
        <FormText form={form} name="name" label="Name" required />
        <FormSelect form={form} name="kind" label="Kind" data={options(orgUnitKinds)} required />
        <FormEntitySelect
          form={form}
          name="parentId"
          entity="orgUnits"
          label="Parent unit"
          description="Empty for the top of the organization"
          excludeId={selfId}
        />
      </SimpleGrid>
      <FormTextarea form={form} name="description" label="Description" />
    </Stack>
  );
}
