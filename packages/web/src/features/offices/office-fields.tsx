import { SimpleGrid, Stack } from '@mantine/core';
import { type Office, officeKindLabels, officeKinds } from '@pharos/api';
import { options } from '../../lib/format';
import { FormEntitySelect, FormSelect, FormText, FormTextarea } from '../../ui/form-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface OfficeValues {
  code: string;
  name: string;
  kind: Office['kind'];
  parentId: string | null;
  orgUnitId: string | null;
  description: string;
}

export function newOfficeValues(preset: Partial<OfficeValues> = {}): OfficeValues {
  return { code: '', name: '', kind: 'project', parentId: null, orgUnitId: null, description: '', ...preset };
}

export const officeValues = (o: Office): OfficeValues => ({
  code: o.code,
  name: o.name,
  kind: o.kind,
  parentId: o.parentId,
  orgUnitId: o.orgUnitId,
  description: o.description,
});

export const officeKindOptions = options(officeKinds, officeKindLabels);

export function OfficeFields({ form, selfId }: { form: FormApi<OfficeValues>; selfId?: string }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={form} name="code" label="Code" required maxLength={32} />
        <FormText form={form} name="name" label="Name" required />
        <FormSelect form={form} name="kind" label="Kind" data={officeKindOptions} required />
        <FormEntitySelect
          form={form}
          name="parentId"
          entity="offices"
          label="Parent office"
          description="The office this one reports to; empty for the top of the network"
          excludeId={selfId}
        />
        <FormEntitySelect form={form} name="orgUnitId" entity="orgUnits" label="Organization unit" />
      </SimpleGrid>
      <FormTextarea form={form} name="description" label="Description" />
    </Stack>
  );
}
