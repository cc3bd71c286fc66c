import { SimpleGrid, Stack } from '@mantine/core';
import { type Project, ProjectCreate, projectPhases, projectStatuses } from '@pharos/api';
import { options } from '../../lib/format';
import { createKit } from '../../ui/create-entity-modal';
import {
  FormDate,
  FormEntityMultiSelect,
  FormEntitySelect,
  FormSelect,
  FormText,
  FormTextarea,
} from '../../ui/form-fields';
import type { FormApi } from '../../ui/use-zod-form';

export interface ProjectValues {
  code: string;
  name: string;
  typeId: string | null;
  phase: Project['phase'];
  status: Project['status'];
  officeId: string | null;
  orgUnitId: string | null;
  portfolioId: string | null;
  programId: string | null;
  managerId: string | null;
  sponsorId: string | null;
  plannedStart: string | null;
  plannedFinish: string | null;
  objectiveIds: string[];
  description: string;
}

export function newProjectValues(preset: Partial<ProjectValues> = {}): ProjectValues {
  return {
    code: '',
    name: '',
    typeId: null,
    phase: 'initiation',
    status: 'proposed',
    officeId: null,
    orgUnitId: null,
    portfolioId: null,
    programId: null,
    managerId: null,
    sponsorId: null,
    plannedStart: null,
    plannedFinish: null,
    objectiveIds: [],
    description: '',
    ...preset,
  };
}

export function projectValues(p: Project): ProjectValues {
  return {
    code: p.code,
    name: p.name,
    typeId: p.typeId,
    phase: p.phase,
    status: p.status,
    officeId: p.officeId,
    orgUnitId: p.orgUnitId,
    portfolioId: p.portfolioId,
    programId: p.programId,
    managerId: p.managerId,
    sponsorId: p.sponsorId,
    plannedStart: p.plannedStart,
    plannedFinish: p.plannedFinish,
    objectiveIds: p.objectiveIds,
    description: p.description,
  };
}

/** Where the project sits: a program (which implies its portfolio) or directly a portfolio. */
export function ProjectPlacementFields<V extends Pick<ProjectValues, 'portfolioId' | 'programId'>>({
  form,
}: {
  form: FormApi<V>;
}) {
  const f = form as unknown as FormApi<Pick<ProjectValues, 'portfolioId' | 'programId'>>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <FormEntitySelect
        form={f}
        name="portfolioId"
        entity="portfolios"
        label="Portfolio"
        description="Leave empty if the project is in no portfolio"
        onPicked={() => f.set('programId', null)}
      />
      <FormEntitySelect
        form={f}
        name="programId"
        entity="programs"
        label="Program"
        description="Optional; sets the portfolio to the program's"
        where={{ portfolioId: f.values.portfolioId ?? undefined }}
        onPicked={(program) => f.set('portfolioId', (program.portfolioId as string) ?? null)}
      />
    </SimpleGrid>
  );
}

export function ProjectFields({ form }: { form: FormApi<ProjectValues> }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={form} name="code" label="Code" required maxLength={32} />
        <FormText form={form} name="name" label="Name" required />
        <FormEntitySelect form={form} name="typeId" entity="projectTypes" label="Project type" required />
        <FormEntitySelect form={form} name="officeId" entity="offices" label="Owning office" required />
        <FormSelect form={form} name="phase" label="Phase" data={options(projectPhases)} required />
        <FormSelect form={form} name="status" label="Status" data={options(projectStatuses)} required />
      </SimpleGrid>
      <ProjectPlacementFields form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormEntitySelect form={form} name="managerId" entity="users" label="Project manager" />
        <FormEntitySelect form={form} name="sponsorId" entity="users" label="Sponsor" />
        <FormDate form={form} name="plannedStart" label="Planned start" />
        <FormDate form={form} name="plannedFinish" label="Planned finish" />
        <FormEntitySelect form={form} name="orgUnitId" entity="orgUnits" label="Organization unit" />
        <FormEntityMultiSelect
          form={form}
          name="objectiveIds"
          entity="objectives"
          label="Strategic objectives"
        />
      </SimpleGrid>
      <FormTextarea form={form} name="description" label="Description" />
    </Stack>
  );
}

/** The "New …" dialogs create with this. */
export const projectCreate = createKit('projects', ProjectCreate, newProjectValues, (form) => (
  <ProjectFields form={form} />
));
