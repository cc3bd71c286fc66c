import { type Objective, ObjectiveCreate } from '@pharos/api';
import { createKit } from '../../ui/create-entity-modal';
import { FormEntitySelect, FormNumber } from '../../ui/form-fields';
import { RegistryFields } from '../../ui/registry-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface ObjectiveValues {
  code: string;
  name: string;
  parentId: string | null;
  officeId: string | null;
  weight: number;
  description: string;
}

export function newObjectiveValues(preset: Partial<ObjectiveValues> = {}): ObjectiveValues {
  return { code: '', name: '', parentId: null, officeId: null, weight: 10, description: '', ...preset };
}

export const objectiveValues = (o: Objective): ObjectiveValues => ({
  code: o.code,
  name: o.name,
  parentId: o.parentId,
  officeId: o.officeId,
  weight: o.weight,
  description: o.description,
});

export function ObjectiveFields({ form, selfId }: { form: FormApi<ObjectiveValues>; selfId?: string }) {
  return (
    <RegistryFields form={form}>
      <FormEntitySelect
        form={form}
        name="parentId"
        entity="objectives"
        label="Parent objective"
        description="Empty for a top-level objective"
        excludeId={selfId}
      />
      <FormEntitySelect form={form} name="officeId" entity="offices" label="Owning office" />
      <FormNumber
        form={form}
        name="weight"
        label="Weight"
        description="Relative to its siblings, 0–100"
        min={0}
        max={100}
        step={5}
        required
      />
    </RegistryFields>
  );
}

/** The "New …" dialogs create with this. */
export const objectiveCreate = createKit('objectives', ObjectiveCreate, newObjectiveValues, (form) => (
  <ObjectiveFields form={form} />
));
