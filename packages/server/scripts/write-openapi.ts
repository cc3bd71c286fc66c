// Writes the committed OpenAPI document (packages/api/openapi.json) and docs/errors.md.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorsMarkdown, openApiDocument } from '../src/http/openapi';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
writeFileSync(root('packages/api/openapi.json'), `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
writeFileSync(root('docs/errors.md'), errorsMarkdown());
console.log('Wrote packages/api/openapi.json and docs/errors.md');
