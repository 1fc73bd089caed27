export {
  authenticateGateway,
  createGatewayCredential,
  GATEWAY_ID_PREFIX,
  type Gateway,
  isGatewayId,
  listGateways,
} from './gateway-store.js';
export { type PushKey, rememberPush, replayedPush, storedPush } from './push-record.js';
export { type GatewayInput, GatewayInputSchema } from './schemas.js';
export { type VenueTopicRules, venueTopicRules } from './venue-topics.js';
