import { type Portfolio, PortfolioCreate } from '@pharos/api';
import { createKit } from '../../ui/create-entity-modal';
import { FormEntitySelect } from '../../ui/form-fields';
import { RegistryFields } from '../../ui/registry-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface PortfolioValues {
  code: string;
  name: string;
  parentId: string | null;
  officeId: string | null;
  managerId: string | null;
  description: string;
}

export function newPortfolioValues(preset: Partial<PortfolioValues> = {}): PortfolioValues {
  return { code: '', name: '', parentId: null, officeId: null, managerId: null, description: '', ...preset };
}

export const portfolioValues = (p: Portfolio): PortfolioValues => ({
  code: p.code,
  name: p.name,
  parentId: p.parentId,
  officeId: p.officeId,
  managerId: p.managerId,
  description: p.description,
});

export function PortfolioFields({ form, selfId }: { form: FormApi<PortfolioValues>; selfId?: string }) {
  return (
    <RegistryFields form={form}>
      <FormEntitySelect
        form={form}
        name="parentId"
        entity="portfolios"
        label="Parent portfolio"
        description="Leave empty for a top-level portfolio"
        excludeId={selfId}
      />
      <FormEntitySelect form={form} name="officeId" entity="offices" label="Owning office" required />
      <FormEntitySelect form={form} name="managerId" entity="users" label="Portfolio manager" />
    </RegistryFields>
  );
}

/** The "New …" dialogs create with this. */
export const portfolioCreate = createKit('portfolios', PortfolioCreate, newPortfolioValues, (form) => (
  <PortfolioFields form={form} />
));
