/**
 * For answers whose schema documents the route but must not reshape it: Fastify's schema-based
 * serializer drops properties a schema does not list, and a ledger record must reach the client
 * exactly as it was hashed. Such routes declare their response schemas and serialize with JSON.stringify.
 */
export const plainJsonSerializer = () => (data: unknown) => JSON.stringify(data);
