import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type JsonSchema = { [k: string]: unknown };

/**
 * Responses are written by a serializer compiled once per route from the JSON Schema of the
 * route's zod response schema (fast-json-stringify): only the declared fields leave the server,
 * at a fraction of the cost of checking every response with zod. With `check` (the test suite),
 * every response is also checked against its zod schema first, so a handler that returns the
 * wrong shape fails there, and what the serializer wrote is compared with what zod let through.
 */
export function createSerializerCompiler({ check }: { check: boolean }) {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    const zod = resolve(schema);
    const stringify = fastJson(jsonSchemaOf(zod) as unknown as Parameters<typeof fastJson>[0]);
    if (!check) return (data: unknown) => stringify(data);
    return (data: unknown) => {
      const result = zod.safeParse(data);
      if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
      const out = stringify(result.data);
      // The compiled serializer must write exactly what zod let through.
      if (!isDeepStrictEqual(JSON.parse(out), JSON.parse(JSON.stringify(result.data))))
        throw new Error(
          `The serializer of ${method} ${url} wrote ${out}, not ${JSON.stringify(result.data)}`,
        );
      return out;
    };
  };
}

function resolve(schema: unknown): ZodType {
  if (schema instanceof z.ZodType) return schema;
  const inner = (schema as { properties?: unknown } | null)?.properties;
  if (inner instanceof z.ZodType) return inner;
  throw new Error(`A response schema must be a zod schema: ${JSON.stringify(schema)}`);
}

/** The JSON Schema a response is written by, with `anyOf [T, null]` turned into `type: [T, 'null']`. */
export function jsonSchemaOf(zod: ZodType): JsonSchema {
  const json = z.toJSONSchema(zod, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
    reused: 'inline',
    cycles: 'ref',
  }) as JsonSchema;
  return simplify(json) as JsonSchema;
}

const PRIMITIVE = new Set(['string', 'number', 'integer', 'boolean']);

function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = simplify(v);
  const any = out.anyOf as JsonSchema[] | undefined;
  if (any?.length === 2) {
    const nullIndex = any.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = any[1 - nullIndex];
    if (nullIndex >= 0 && other && typeof other.type === 'string' && PRIMITIVE.has(other.type)) {
      const { anyOf: _, ...rest } = out;
      const merged: JsonSchema = { ...rest, ...other, type: [other.type, 'null'] };
      if (Array.isArray(other.enum)) merged.enum = [...other.enum, null];
      return merged;
    }
  }
  return out;
}
