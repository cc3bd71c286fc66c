import { type OrgUnit, OrgUnitCreate, orgUnitKinds } from '@pharos/api';
import { options } from '../../lib/format';
import { createKit } from '../../ui/create-entity-modal';
import { FormEntitySelect, FormSelect } from '../../ui/form-fields';
import { RegistryFields } from '../../ui/registry-fields';
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
    <RegistryFields form={form}>
      <FormSelect form={form} name="kind" label="Kind" data={options(orgUnitKinds)} required />
      <FormEntitySelect
        form={form}
        name="parentId"
        entity="orgUnits"
        label="Parent unit"
        description="Empty for the top of the organization"
        excludeId={selfId}
      />
    </RegistryFields>
  );
}

/** The "New …" dialogs create with this. */
export const orgUnitCreate = createKit('orgUnits', OrgUnitCreate, newOrgUnitValues, (form) => (
  <OrgUnitFields form={form} />
));
