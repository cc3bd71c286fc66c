import { type ProjectType, ProjectTypeCreate } from '@pharos/api';
import { createKit } from '../../ui/create-entity-modal';
import { RegistryFields } from '../../ui/registry-fields';
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
  return <RegistryFields form={form} />;
}

/** The "New …" dialogs create with this. */
export const projectTypeCreate = createKit(
  'projectTypes',
  ProjectTypeCreate,
  (preset?: Partial<ProjectTypeValues>): ProjectTypeValues => ({
    code: '',
    name: '',
    description: '',
    ...preset,
  }),
  (form) => <ProjectTypeFields form={form} />,
);
