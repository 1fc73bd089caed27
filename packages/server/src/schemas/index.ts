export {
  ErrorBodySchema,
  errorResponses,
  IdParam,
  ListQuerySchema,
  type Page,
  readLimit,
  VenueParamsSchema,
} from './common.js';
export { plainJsonSerializer } from './documented-response.js';
export { jsonSchema } from './json-schema.js';
export { parseOrThrow, valibotIssues } from './parse.js';
