import { SimpleGrid, Stack } from '@mantine/core';
import type { Program } from '@pharos/api';
import { FormDate, FormEntitySelect, FormText, FormTextarea } from '../../ui/form-fields';
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
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={form} name="code" label="Code" required maxLength={32} />
        <FormText form={form} name="name" label="Name" required />
        <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" required />
        <FormEntitySelect form={form} name="officeId" entity="offices" label="Program office" required />
        <FormEntitySelect form={form} name="managerId" entity="users" label="Program manager" />
        <FormEntitySelect form={form} name="sponsorId" entity="users" label="Sponsor" />
        <FormDate form={form} name="plannedStart" label="Planned start" />
        <FormDate form={form} name="plannedFinish" label="Planned finish" />
      </SimpleGrid>
      <FormTextarea form={form} name="description" label="Description" />
    </Stack>
  );
}
