export {
  DayOrInstantParam,
  IdParam,
  ListQuerySchema,
  type Page,
  readLimit,
  VenueParamsSchema,
} from './common.js';
export { ErrorBodySchema, errorResponses, plainJsonSerializer } from './documented-response.js';
export { imageResponse } from './image-response.js';
export { jsonSchema } from './json-schema.js';
export { parseOrThrow, valibotIssues } from './parse.js';
export {
  BEARER,
  BEARER_OR_PARTNER,
  DEVICE_BASIC,
  GATEWAY_OR_BEARER,
  PARTNER,
  PUBLIC,
  PUBLIC_OR_PARTNER,
  SECURITY_SCHEMES,
  type Security,
} from './security.js';
