import { SimpleGrid, Stack } from '@mantine/core';
import type { Operation } from '@pharos/api';
import { FormEntitySelect, FormText, FormTextarea } from '../../ui/form-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface OperationValues {
  code: string;
  name: string;
  portfolioId: string | null;
  officeId: string | null;
  orgUnitId: string | null;
  ownerId: string | null;
  description: string;
}

export function newOperationValues(preset: Partial<OperationValues> = {}): OperationValues {
  return {
    code: '',
    name: '',
    portfolioId: null,
    officeId: null,
    orgUnitId: null,
    ownerId: null,
    description: '',
    ...preset,
  };
}

export const operationValues = (o: Operation): OperationValues => ({
  code: o.code,
  name: o.name,
  portfolioId: o.portfolioId,
  officeId: o.officeId,
  orgUnitId: o.orgUnitId,
  ownerId: o.ownerId,
  description: o.description,
});

export function OperationFields({ form }: { form: FormApi<OperationValues> }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={form} name="code" label="Code" required maxLength={32} />
        <FormText form={form} name="name" label="Name" required />
        <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" required />
        <FormEntitySelect form={form} name="officeId" entity="offices" label="Office" />
        <FormEntitySelect form={form} name="ownerId" entity="users" label="Owner" />
        <FormEntitySelect form={form} name="orgUnitId" entity="orgUnits" label="Organization unit" />
      </SimpleGrid>
      <FormTextarea form={form} name="description" label="Description" />
    </Stack>
  );
}
