import type { z } from 'zod';
import type { Resource, RouteAuth } from './roles';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint of the contract: the server implements it, the client calls it, OpenAPI describes it. */
export interface RouteDef {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType | null;
  /** HTTP status of a success; 200 unless said. */
  status?: 200 | 201 | 204;
}

export function route<const R extends RouteDef>(r: R): R {
  return r;
}

export interface CrudSchemas {
  item: z.ZodType;
  create: z.ZodType;
  update: z.ZodType;
  list: z.ZodType;
  listQuery: z.ZodType;
  params: z.ZodType;
  versionBody: z.ZodType;
}

/**
 * The standard routes of a registry entity: list, get, create, update (which also moves it
 * between parents), archive and restore. Nothing with history is ever hard-deleted.
 */
export function crudRoutes<const R extends Resource, const P extends string, const S extends CrudSchemas>(
  resource: R,
  path: P,
  tag: string,
  noun: string,
  s: S,
) {
  return {
    list: route({
      method: 'GET',
      path: `/api/v1/${path}` as `/api/v1/${P}`,
      summary: `List ${noun}s you may see (paged, sorted, filtered, searchable)`,
      tag,
      auth: { resource, action: 'read' },
      query: s.listQuery as S['listQuery'],
      response: s.list as S['list'],
    }),
    get: route({
      method: 'GET',
      path: `/api/v1/${path}/:id` as `/api/v1/${P}/:id`,
      summary: `Get one ${noun}`,
      tag,
      auth: { resource, action: 'read' },
      params: s.params as S['params'],
      response: s.item as S['item'],
    }),
    create: route({
      method: 'POST',
      path: `/api/v1/${path}` as `/api/v1/${P}`,
      summary: `Create a ${noun}`,
      tag,
      auth: { resource, action: 'create' },
      body: s.create as S['create'],
      response: s.item as S['item'],
      status: 201,
    }),
    update: route({
      method: 'PATCH',
      path: `/api/v1/${path}/:id` as `/api/v1/${P}/:id`,
      summary: `Change a ${noun} (also moves it to another parent); send the version you loaded`,
      tag,
      auth: { resource, action: 'update' },
      params: s.params as S['params'],
      body: s.update as S['update'],
      response: s.item as S['item'],
    }),
    archive: route({
      method: 'POST',
      path: `/api/v1/${path}/:id/archive` as `/api/v1/${P}/:id/archive`,
      summary: `Archive a ${noun} (it stays, with its history, and can be restored)`,
      tag,
      auth: { resource, action: 'archive' },
      params: s.params as S['params'],
      body: s.versionBody as S['versionBody'],
      response: s.item as S['item'],
    }),
    restore: route({
      method: 'POST',
      path: `/api/v1/${path}/:id/restore` as `/api/v1/${P}/:id/restore`,
      summary: `Restore an archived ${noun}`,
      tag,
      auth: { resource, action: 'archive' },
      params: s.params as S['params'],
      body: s.versionBody as S['versionBody'],
      response: s.item as S['item'],
    }),
  };
}
