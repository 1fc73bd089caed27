/**
 * Route JSON schemas come from the SDK's valibot schemas (never retyped): `jsonSchema(VenueInputSchema)`.
 * Checks JSON Schema cannot express are ignored here and enforced by `parseBody` in the handler.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';

type JsonObject = Record<string, unknown>;

export function jsonSchema(schema: GenericSchema): JsonObject {
  const out = toJsonSchema(schema, { errorMode: 'ignore', typeMode: 'input' }) as JsonObject;
  const { $schema: _drop, ...rest } = out;
  return rest;
}
