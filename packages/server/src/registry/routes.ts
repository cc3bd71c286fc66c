import { type CrudSchemas, type crudRoutes, routes } from '@pharos/api';
import { bind } from '../http/bind';
import { officeServiceBindings } from './office-services';
import { type EntityService, entityService, type ListParams } from './service';
import type { EntitySpec } from './spec';
import {
  objectiveSpec,
  officeSpec,
  operationSpec,
  orgUnitSpec,
  portfolioSpec,
  programSpec,
  projectSpec,
  projectTypeSpec,
} from './specs';

export const registry = {
  orgUnit: entityService(orgUnitSpec),
  office: entityService(officeSpec),
  objective: entityService(objectiveSpec),
  projectType: entityService(projectTypeSpec),
  portfolio: entityService(portfolioSpec),
  program: entityService(programSpec),
  project: entityService(projectSpec),
  operation: entityService(operationSpec),
} satisfies Record<string, EntityService>;

type Crud = ReturnType<typeof crudRoutes<never, string, CrudSchemas>>;

/** The six standard routes of an entity, served by its service. */
export function crudBindings(r: Crud, svc: EntityService) {
  return [
    bind(r.list, async (ctx, { query }) => svc.list(ctx, query as ListParams)),
    bind(r.get, async (ctx, { params }) => svc.get(ctx, (params as { id: string }).id)),
    bind(r.create, async (ctx, { body }) => svc.create(ctx, body as Record<string, unknown>)),
    bind(r.update, async (ctx, { params, body }) =>
      svc.update(ctx, (params as { id: string }).id, body as Record<string, unknown> & { version: number }),
    ),
    bind(r.archive, async (ctx, { params, body }) =>
      svc.archive(ctx, (params as { id: string }).id, (body as { version: number }).version),
    ),
    bind(r.restore, async (ctx, { params, body }) =>
      svc.restore(ctx, (params as { id: string }).id, (body as { version: number }).version),
    ),
  ];
}

export const registryBindings = [
  ...crudBindings(routes.orgUnits, registry.orgUnit),
  ...crudBindings(routes.offices, registry.office),
  ...crudBindings(routes.objectives, registry.objective),
  ...crudBindings(routes.projectTypes, registry.projectType),
  ...crudBindings(routes.portfolios, registry.portfolio),
  ...crudBindings(routes.programs, registry.program),
  ...crudBindings(routes.projects, registry.project),
  ...crudBindings(routes.operations, registry.operation),
  ...officeServiceBindings,
];

export type { EntitySpec };
