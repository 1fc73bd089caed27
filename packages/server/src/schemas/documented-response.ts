import { ApiErrorBodySchema } from '@brightkitchen/sdk';
import { jsonSchema } from './json-schema.js';

/**
 * For answers whose schema documents the route but must not reshape it: Fastify's schema-based
 * serializer drops properties a schema does not list, and a ledger record must reach the client
 * exactly as it was hashed. Such routes declare their response schemas and serialize with JSON.stringify.
 */
export const plainJsonSerializer = () => (data: unknown) => JSON.stringify(data);

/** The error body of every failing route (SDK `ApiErrorBodySchema`): `{ code, message: { zh, en }, details? }`. */
export { ApiErrorBodySchema as ErrorBodySchema } from '@brightkitchen/sdk';

function errorBodyJsonSchema(): Record<string, unknown> {
  const body = jsonSchema(ApiErrorBodySchema) as { properties: { details: Record<string, unknown> } };
  // `details` carries facts besides `issues` (WeChat's errcode, a reason): the serializer must keep them.
  body.properties.details = { ...body.properties.details, additionalProperties: true };
  return body;
}

/** The error answers every route declares (`response: { ...errorResponses, 200: … }`). */
export const errorResponses = {
  '4xx': errorBodyJsonSchema(),
};
