import { type Program, ProgramCreate } from '@pharos/api';
import { createKit } from '../../ui/create-entity-modal';
import { FormDate, FormEntitySelect } from '../../ui/form-fields';
import { RegistryFields } from '../../ui/registry-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface ProgramValues {
  code: string;
  name: string;
  portfolioId: string | null;
  officeId: string | null;
  managerId: string | null;
  sponsorId: string | null;
  plannedStart: string | null;
  plannedFinish: string | null;
  description: string;
}

export function newProgramValues(preset: Partial<ProgramValues> = {}): ProgramValues {
  return {
    code: '',
    name: '',
    portfolioId: null,
    officeId: null,
    managerId: null,
    sponsorId: null,
    plannedStart: null,
    plannedFinish: null,
    description: '',
    ...preset,
  };
}

export const programValues = (p: Program): ProgramValues => ({
  code: p.code,
  name: p.name,
  portfolioId: p.portfolioId,
  officeId: p.officeId,
  managerId: p.managerId,
  sponsorId: p.sponsorId,
  plannedStart: p.plannedStart,
  plannedFinish: p.plannedFinish,
  description: p.description,
});

export function ProgramFields({ form }: { form: FormApi<ProgramValues> }) {
  return (
    <RegistryFields form={form}>
      <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" required />
      <FormEntitySelect form={form} name="officeId" entity="offices" label="Program office" required />
      <FormEntitySelect form={form} name="managerId" entity="users" label="Program manager" />
      <FormEntitySelect form={form} name="sponsorId" entity="users" label="Sponsor" />
      <FormDate form={form} name="plannedStart" label="Planned start" />
      <FormDate form={form} name="plannedFinish" label="Planned finish" />
    </RegistryFields>
  );
}

/** The "New …" dialogs create with this. */
export const programCreate = createKit('programs', ProgramCreate, newProgramValues, (form) => (
  <ProgramFields form={form} />
));
