import type { CallOutput, RouteDef } from '@pharos/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from './context';

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface Input<R extends RouteDef> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  req: FastifyRequest;
  reply: FastifyReply;
}

export type Handler<R extends RouteDef> = (ctx: Ctx, input: Input<R>) => Promise<CallOutput<R>>;

/** A route of the contract joined to the code that serves it. */
export interface Binding {
  def: RouteDef;
  // biome-ignore lint/suspicious/noExplicitAny: the binding erases the route's own types once checked
  handler: Handler<any>;
  /** Extra Fastify route config, e.g. a rate limit. */
  config?: Record<string, unknown>;
  /** Takes a file upload: the body may be as large as the upload limit, not the JSON limit. */
  upload?: boolean;
}

export function bind<R extends RouteDef>(
  def: R,
  handler: Handler<R>,
  config?: Record<string, unknown>,
): Binding {
  return config ? { def, handler, config } : { def, handler };
}
