export { basicCredentials } from './basic-auth.js';
export {
  authenticateGateway,
  createGatewayCredential,
  GATEWAY_ID_PREFIX,
  type Gateway,
  isGatewayId,
  listGateways,
} from './gateway-store.js';
export { type PushKey, rememberPush, replayedPush, storedPush } from './push-record.js';
export {
  type EventsBatch,
  EventsBatchSchema,
  type GatewayInput,
  GatewayInputSchema,
  MAX_SNAPSHOT_BYTES,
  type PartnerViolationInput,
  PartnerViolationSchema,
  SNAPSHOT_TYPES,
} from './schemas.js';
export { type VenueTopicRules, venueTopicRules } from './venue-topics.js';
