import { SimpleGrid, Stack } from '@mantine/core';
import type { ProjectType } from '@pharos/api';
import { FormText, FormTextarea } from '../../ui/form-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface ProjectTypeValues {
  code: string;
  name: string;
  description: string;
}

export const projectTypeValues = (t: ProjectType): ProjectTypeValues => ({
  code: t.code,
  name: t.name,
  description: t.description,
});

export function ProjectTypeFields({ form }: { form: FormApi<ProjectTypeValues> }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={form} name="code" label="Code" required maxLength={32} />
        <FormText form={form} name="name" label="Name" required />
      </SimpleGrid>
      <FormTextarea form={form} name="description" label="Description" />
    </Stack>
  );
}
