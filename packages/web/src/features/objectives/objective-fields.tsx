import { SimpleGrid, Stack } from '@mantine/core';
import type { Objective } from '@pharos/api';
import { FormEntitySelect, FormNumber, FormText, FormTextarea } from '../../ui/form-fields';
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
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={form} name="code" label="Code" required maxLength={32} />
        <FormText form={form} name="name" label="Name" required />
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
      </SimpleGrid>
      <FormTextarea form={form} name="description" label="Description" />
    </Stack>
  );
}
