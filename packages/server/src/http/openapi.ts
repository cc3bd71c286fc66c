import { errorCatalog, errorCodes } from '@pharos/api';
import { testConfig } from '../config';
import type { Database } from '../db/connect';
import { buildApp } from './app';

/** The OpenAPI document as the app serves it; no database is touched to build it. */
export async function openApiDocument(): Promise<unknown> {
  const app = await buildApp({ config: testConfig(), database: {} as Database });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}

/** docs/errors.md, generated from the error catalog. */
export function errorsMarkdown(): string {
  const rows = errorCodes.map((c) => `| \`${c}\` | ${errorCatalog[c].status} | ${errorCatalog[c].meaning} |`);
  return [
    '# Error codes',
    '',
    'Every error Pharos returns is JSON: `{"error": {"code", "message", "field"?, "requestId"}}`.',
    '`code` is stable (program against it), `message` is for people, `field` names the offending',
    'input (a body key such as `plannedFinish`, or a query parameter) where there is one, and',
    '`requestId` matches the server log line. No stack trace ever leaves the server.',
    '',
    'This table is generated from `packages/api/src/errors.ts` (`npm run openapi` rewrites it); a test fails when they differ.',
    '',
    '| code | HTTP status | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
