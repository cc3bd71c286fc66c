import { SimpleGrid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormText, FormTextarea } from './form-fields';
import type { FormApi } from './use-zod-form';

type Common = { code: string; name: string; description: string };

/** The frame of a registry form: Code and Name, then the entity's own fields in two columns, then Description. */
export function RegistryFields<V extends Common>({
  form,
  children,
}: {
  form: FormApi<V>;
  children?: ReactNode;
}) {
  const f = form as unknown as FormApi<Common>;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={f} name="code" label="Code" required maxLength={32} />
        <FormText form={f} name="name" label="Name" required />
        {children}
      </SimpleGrid>
      <FormTextarea form={f} name="description" label="Description" />
    </Stack>
  );
}
