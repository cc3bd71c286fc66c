import { type Operation, OperationCreate } from '@pharos/api';
import { createKit } from '../../ui/create-entity-modal';
import { FormEntitySelect } from '../../ui/form-fields';
import { RegistryFields } from '../../ui/registry-fields';
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
    <RegistryFields form={form}>
      <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" required />
      <FormEntitySelect form={form} name="officeId" entity="offices" label="Office" />
      <FormEntitySelect form={form} name="ownerId" entity="users" label="Owner" />
      <FormEntitySelect form={form} name="orgUnitId" entity="orgUnits" label="Organization unit" />
    </RegistryFields>
  );
}

/** The "New …" dialogs create with this. */
export const operationCreate = createKit('operations', OperationCreate, newOperationValues, (form) => (
  <OperationFields form={form} />
));
