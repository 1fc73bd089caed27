/**
 * Route JSON schemas come from the SDK's valibot schemas (never retyped): `jsonSchema(VenueInputSchema)`.
 * Draft 2020-12, the dialect of OpenAPI 3.1 (Ajv validates these schemas too: none uses a keyword
 * draft-07 lacks). Checks JSON Schema cannot express are ignored here and enforced by `parseOrThrow`
 * in the handler.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';

type JsonObject = Record<string, unknown>;

export function jsonSchema(schema: GenericSchema): JsonObject {
  const out = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore', typeMode: 'input' }) as JsonObject;
  const { $schema: _drop, ...rest } = out;
  return rest;
}
