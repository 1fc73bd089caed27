export {
  createPartnerBridge,
  PARTNER_VIOLATIONS_PATH,
  type PartnerBridge,
  type PartnerBridgeOptions,
} from './partner-bridge.js';
export { type KitchenCamera, type PartnerViolation, partnerViolation } from './violation-body.js';
