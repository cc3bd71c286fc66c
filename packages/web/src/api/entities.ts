import type { CallOutput, Resource, RouteDef } from '@pharos/api';
import { routes } from '@pharos/api';
import type { z } from 'zod';

/** The registry entities (and users) that share the standard list/get/create/update/archive/restore routes. */
export type EntityKey =
  | 'orgUnits'
  | 'offices'
  | 'objectives'
  | 'portfolios'
  | 'programs'
  | 'projectTypes'
  | 'projects'
  | 'operations'
  | 'users';

type R<K extends EntityKey> = (typeof routes)[K];
export type ItemOf<K extends EntityKey> = CallOutput<R<K>['get']>;
export type ListQueryOf<K extends EntityKey> = z.input<R<K>['list']['query']>;
export type CreateOf<K extends EntityKey> = z.input<R<K>['create']['body']>;
export type UpdateOf<K extends EntityKey> = z.input<R<K>['update']['body']>;

/** What every item of every entity carries. */
export interface BaseItem {
  id: string;
  version: number;
  archivedAt: string | null;
  updatedAt: string;
  name: string;
  abilities: { update: boolean; archive: boolean };
}

export type DetailPath =
  | '/org-units/$id'
  | '/offices/$id'
  | '/objectives/$id'
  | '/portfolios/$id'
  | '/programs/$id'
  | '/project-types/$id'
  | '/projects/$id'
  | '/operations/$id'
  | '/users/$id';

export interface EntityConfig {
  key: EntityKey;
  resource: Resource;
  /** The entityType of its audit events. */
  auditType: string;
  singular: string;
  plural: string;
  listPath: string;
  detailPath: DetailPath;
  routes: {
    list: RouteDef;
    get: RouteDef;
    create: RouteDef;
    update: RouteDef;
    archive: RouteDef;
    restore: RouteDef;
  };
}

function config(
  key: EntityKey,
  resource: Resource,
  singular: string,
  plural: string,
  listPath: string,
  detailPath: DetailPath,
): EntityConfig {
  return { key, resource, auditType: resource, singular, plural, listPath, detailPath, routes: routes[key] };
}

export const entities: Record<EntityKey, EntityConfig> = {
  orgUnits: config(
    'orgUnits',
    'orgUnit',
    'organization unit',
    'Organization units',
    '/org-units',
    '/org-units/$id',
  ),
  offices: config('offices', 'office', 'office', 'Offices', '/offices', '/offices/$id'),
  objectives: config('objectives', 'objective', 'objective', 'Objectives', '/objectives', '/objectives/$id'),
  portfolios: config('portfolios', 'portfolio', 'portfolio', 'Portfolios', '/portfolios', '/portfolios/$id'),
  programs: config('programs', 'program', 'program', 'Programs', '/programs', '/programs/$id'),
  projectTypes: config(
    'projectTypes',
    'projectType',
    'project type',
    'Project types',
    '/project-types',
    '/project-types/$id',
  ),
  projects: config('projects', 'project', 'project', 'Projects', '/projects', '/projects/$id'),
  operations: config('operations', 'operation', 'operation', 'Operations', '/operations', '/operations/$id'),
  users: config('users', 'user', 'user', 'Users', '/users', '/users/$id'),
};

/** The entity whose audit events carry this entityType, if the web app has a page for it. */
export function entityByAuditType(auditType: string): EntityConfig | undefined {
  return Object.values(entities).find((e) => e.auditType === auditType);
}

/** How an item is named in selects, trees and links: "CODE · Name" where it has a code. */
export function itemLabel(item: { name: string; code?: string; email?: string }): string {
  if (item.code) return `${item.code} · ${item.name}`;
  if (item.email) return `${item.name} (${item.email})`;
  return item.name;
}
