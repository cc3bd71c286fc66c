import { SimpleGrid, Stack } from '@mantine/core';
import { type User, UserCreate } from '@pharos/api';
import { createKit } from '../../ui/create-entity-modal';
import { FormEntitySelect, FormPassword, FormText } from '../../ui/form-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface UserValues {
  email: string;
  name: string;
  title: string;
  orgUnitId: string | null;
}

export interface NewUserValues extends UserValues {
  password: string;
}

export const newUserValues = (): NewUserValues => ({
  email: '',
  name: '',
  title: '',
  orgUnitId: null,
  password: '',
});

export const userValues = (u: User): UserValues => ({
  email: u.email,
  name: u.name,
  title: u.title,
  orgUnitId: u.orgUnitId,
});

export function UserFields<V extends UserValues>({ form }: { form: FormApi<V> }) {
  const f = form as unknown as FormApi<UserValues>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <FormText form={f} name="name" label="Name" required autoComplete="off" />
      <FormText form={f} name="email" label="E-mail" required autoComplete="off" />
      <FormText form={f} name="title" label="Job title" />
      <FormEntitySelect form={f} name="orgUnitId" entity="orgUnits" label="Organization unit" />
    </SimpleGrid>
  );
}

export function NewUserFields({ form }: { form: FormApi<NewUserValues> }) {
  return (
    <Stack gap="md">
      <UserFields form={form} />
      <FormPassword
        form={form}
        name="password"
        label="Initial password"
        description="At least 10 characters. Share it safely; the user can change it after signing in."
        autoComplete="new-password"
        required
      />
    </Stack>
  );
}

/** The "New …" dialogs create with this. */
export const userCreate = createKit('users', UserCreate, newUserValues, (form) => (
  <NewUserFields form={form} />
));
