import { randomBytes } from 'node:crypto';
import { AppError } from '@pharos/server';
import type { z } from 'zod';

/** A JSON path as people read it: `projects[3].code`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/**
 * Checks command-line input with the API's own schema, so the command line accepts exactly what
 * the API accepts. The first problem becomes an AppError naming the field (`field` when the
 * value itself is the field).
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, field?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AppError('validation_failed', issue.message, jsonPath(issue.path) || field);
}

/**
 * A file's text as JSON checked by a schema: not JSON, or the schema's first problem, is an
 * AppError that names the file and the JSON path of the problem as the field.
 */
export function parseJsonFile<T extends z.ZodType>(schema: T, text: string, fileName: string): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('validation_failed', `${fileName} is not JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const more = parsed.error.issues.length - 1;
  throw new AppError(
    'validation_failed',
    `${fileName}: ${issue.message}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
    jsonPath(issue.path) || undefined,
  );
}

/** A strong password for people who did not choose one: 144 random bits, 24 URL-safe characters. */
export const generatePassword = () => randomBytes(18).toString('base64url');

/** All of standard input, without the final line break (`echo secret | pharos … --password-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The password a command was given (--password or --password-stdin), or a generated one. */
export async function passwordFrom(opts: { password?: string; passwordStdin?: boolean }) {
  if (opts.password !== undefined) return { password: opts.password, generated: false };
  if (opts.passwordStdin) return { password: await readStdin(), generated: false };
  return { password: generatePassword(), generated: true };
}
