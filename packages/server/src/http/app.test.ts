import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allRoutes } from '@pharos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { bindings } from './app';
import { errorsMarkdown, openApiDocument } from './openapi';

let w: TestWorld;
let admin: TestUser;
beforeAll(async () => {
  w = await testWorld({ bodyLimit: 64 * 1024 });
  admin = await w.tokenFor('admin@pharos.demo');
});
afterAll(() => w.close());

const repo = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));

describe('the HTTP application', () => {
  it('answers health checks', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('implements every route of the contract exactly once, each declaring its protection', () => {
    const keys = bindings().map((b) => `${b.def.method} ${b.def.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      allRoutes()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
    for (const r of allRoutes()) expect(r.auth, `${r.method} ${r.path}`).toBeDefined();
  });

  it('serves an OpenAPI 3.1 document generated from the same schemas, equal to the committed one', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/projects/{id}');
    expect(doc.paths['/api/v1/projects'].post.requestBody.content['application/json'].schema).toBeDefined();
    const committed = JSON.parse(readFileSync(repo('packages/api/openapi.json'), 'utf8'));
    expect(await openApiDocument(), 'packages/api/openapi.json is stale: run npm run openapi').toEqual(
      committed,
    );
  });

  it('keeps docs/errors.md in sync with the error catalog', () => {
    expect(readFileSync(repo('docs/errors.md'), 'utf8'), 'docs/errors.md is stale: run npm run openapi').toBe(
      errorsMarkdown(),
    );
  });

  it('serves a browsable API reference', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await w.app.inject({ method: 'GET', url: '/api/health' });
    const res = await w.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('pharos_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/health"');
  });

  it('sends security headers', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('limits the request size', async () => {
    const res = await admin.req({
      method: 'POST',
      url: '/api/v1/project-types',
      payload: { code: 'BIG', name: 'Big', description: 'x'.repeat(100_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers unknown API routes, bad JSON and wrong media types with JSON errors', async () => {
    const missing = await admin.req({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const badJson = await admin.req({
      method: 'POST',
      url: '/api/v1/project-types',
      payload: '{"code": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('validation_failed');
    const text = await admin.req({
      method: 'POST',
      url: '/api/v1/project-types',
      payload: 'code=X',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('unsupported_media_type');
  });

  it('never leaks a stack trace, and tags errors with the request id', async () => {
    const res = await admin.req({
      method: 'GET',
      url: '/api/v1/projects/not-a-uuid',
      headers: { 'x-request-id': 'trace-me-1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'id',
      requestId: 'trace-me-1',
    });
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('records who did what in the audit trail, readable by administrators', async () => {
    const t = w.org.projectTypes[1]!;
    await admin.req({
      method: 'PATCH',
      url: `/api/v1/project-types/${t.id}`,
      payload: { version: 1, name: 'Capital project' },
    });
    const trail = (
      await admin.req({ method: 'GET', url: `/api/v1/audit?entityType=projectType&entityId=${t.id}` })
    ).json();
    expect(trail.items[0]).toMatchObject({
      action: 'update',
      entityId: t.id,
      before: { name: t.name },
      after: { name: 'Capital project' },
    });
    expect(trail.items.at(-1).action).toBe('create');
  });
});

describe('serving the web app', () => {
  it('serves index.html at /, the app shell for every app path, and hashed assets for a year', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dist = mkdtempSync(join(tmpdir(), 'pharos-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Pharos</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const { buildApp } = await import('./app');
    const web = await buildApp({ config: { ...w.config, webDist: dist }, database: w.database });
    try {
      const root = await web.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<title>Pharos</title>');
      const deep = await web.inject({ method: 'GET', url: '/projects/123?tab=history' });
      expect(deep.statusCode).toBe(200);
      expect(deep.headers['content-type']).toContain('text/html');
      // Built after the server started: still served (files are looked up per request).
      writeFileSync(join(dist, 'assets', 'app-5678.js'), 'console.log(2)');
      const asset = await web.inject({ method: 'GET', url: '/assets/app-5678.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      const api = await web.inject({ method: 'GET', url: '/api/v1/nothing' });
      expect(api.json().error.code).toBe('not_found');
    } finally {
      await web.close();
    }
  });
});
