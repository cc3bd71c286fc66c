import { type Office, OfficeCreate, officeKindLabels, officeKinds } from '@pharos/api';
import { options } from '../../lib/format';
import { createKit } from '../../ui/create-entity-modal';
import { FormEntitySelect, FormSelect } from '../../ui/form-fields';
import { RegistryFields } from '../../ui/registry-fields';
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
    <RegistryFields form={form}>
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
    </RegistryFields>
  );
}

/** The "New …" dialogs create with this. */
export const officeCreate = createKit('offices', OfficeCreate, newOfficeValues, (form) => (
  <OfficeFields form={form} />
));
