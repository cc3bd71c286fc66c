import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { allRoutes } from '@pharos/api';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditBindings } from '../audit/routes';
import { ActorCache } from '../auth/cache';
import { authBindings } from '../auth/routes';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import { demandBindings } from '../demand/routes';
import { AppError } from '../errors';
import { governanceBindings } from '../governance/routes';
import { notificationBindings } from '../notify/routes';
import { peopleBindings } from '../people/routes';
import { portfolioBindings } from '../portfolio/routes';
import { raidBindings } from '../raid/routes';
import { registryBindings } from '../registry/routes';
import { scheduleBindings } from '../schedule/routes';
import { healthBindings } from '../status/rollup-routes';
import { statusBindings } from '../status/routes';
import { AUTH_CHANNEL, authenticate } from './authenticate';
import type { Binding } from './bind';
import { errorHandler } from './error-handler';
import { metricsPlugin } from './metrics';
import { registerRoutes } from './register';
import { securityHeaders } from './security-headers';
import { createSerializerCompiler } from './serializer';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Shared across apps in one process only in tests. */
  logger?: boolean | Record<string, unknown>;
}

/** Every route implementation, by capability. A test checks this covers the whole contract. */
export const bindings = (): Binding[] => [
  ...authBindings,
  ...registryBindings,
  ...peopleBindings,
  ...auditBindings,
  ...scheduleBindings,
  ...demandBindings,
  ...portfolioBindings,
  ...governanceBindings,
  ...raidBindings,
  ...statusBindings,
  ...healthBindings,
  ...notificationBindings,
];

const defaultWebDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** One JSON log line per request, when it completes, instead of Fastify's two. */
class OneLinePerRequest extends LogController {
  override incomingRequest() {}
  override requestCompleted(err: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    const line = {
      method: req.method,
      url: req.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      user: req.ctx?.actor?.userId,
      ...(err ? { err } : {}),
    };
    req.log.info(line, 'request');
  }
}

/** Builds the HTTP application. It never listens: tests inject requests, `serve` listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? (config.logLevel === 'silent' ? false : { level: config.logLevel }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
    logController: new OneLinePerRequest(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ check: config.env === 'test' }));
  app.setErrorHandler(errorHandler);
  app.decorate('database', deps.database);
  app.decorate('config', config);
  const actorCache = new ActorCache();
  app.decorate('actorCache', actorCache);
  // Another Pharos process changed someone's access: forget who they were here too.
  await deps.database.listen?.(AUTH_CHANNEL, (userId) => actorCache.forgetUser(userId));

  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(metricsPlugin);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pharos API',
        version: '1',
        description:
          'The REST API of Pharos. Authenticate with the session cookie (web app; writes need X-CSRF-Token) or with `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'pharos_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', authenticate);
  // Files (MS Project XML) are streamed to their reader, which decodes the encoding they declare
  // and counts their size against the upload limit as they arrive.
  app.addContentTypeParser(['application/xml', 'text/xml'], (_req, payload, done) => done(null, payload));
  registerRoutes(app, bindings(), allRoutes(), config.uploadLimit);

  const webDist = config.webDist ?? defaultWebDist;
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      index: 'index.html',
      cacheControl: false, // set below: hashed assets for a year, everything else revalidated
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      setHeaders: (res, path) =>
        res.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && hasWeb && !path.startsWith('/api/') && path !== '/metrics')
      return reply.type('text/html').sendFile('index.html');
    throw new AppError('not_found', `No route ${req.method} ${path}`);
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    actorCache: ActorCache;
  }
}
