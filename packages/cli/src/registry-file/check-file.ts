import { AppError } from '@pharos/server';
import { parseJsonFile } from '../input';
import { RegistryFile, sections } from './format';
import { parentFirst } from './parent-first';

/**
 * Reads a registry file: JSON, then the format's schema, then what a schema cannot say (no code
 * twice in a list, no e-mail address twice, no service twice in an office, no grant twice, no
 * parent chain that loops).
 * The first problem is reported with its JSON path as the field.
 */
export function checkRegistryFile(text: string, fileName: string): RegistryFile {
  const file = parseJsonFile(RegistryFile, text, fileName);
  const fail = (path: string, message: string) => {
    throw new AppError('validation_failed', `${fileName}: ${message}`, path);
  };
  for (const section of sections) {
    const seen = new Map<string, number>();
    file[section].forEach((item, i) => {
      const key = 'code' in item ? item.code : item.email;
      const field = 'code' in item ? 'code' : 'email';
      const first = seen.get(key);
      if (first !== undefined)
        fail(`${section}[${i}].${field}`, `${key} appears twice (also at ${section}[${first}])`);
      seen.set(key, i);
    });
  }
  file.offices.forEach((office, i) => {
    const names = new Set<string>();
    office.services.forEach((s, j) => {
      if (names.has(s.name))
        fail(`offices[${i}].services[${j}].name`, `The office ${office.code} lists "${s.name}" twice`);
      names.add(s.name);
    });
  });
  file.users.forEach((user, i) => {
    const grants = new Set<string>();
    user.grants.forEach((g, j) => {
      const key = `${g.role} ${g.scopeType} ${g.scope}`;
      if (grants.has(key)) fail(`users[${i}].grants[${j}]`, `${user.email} holds this grant twice`);
      grants.add(key);
    });
  });
  const code = (t: { code: string }) => t.code;
  const parent = (t: { parent: string | null }) => t.parent;
  parentFirst('orgUnits', file.orgUnits, code, parent);
  parentFirst('offices', file.offices, code, parent);
  parentFirst('objectives', file.objectives, code, parent);
  parentFirst('portfolios', file.portfolios, code, parent);
  return file;
}
