/** The gateway registration body is the SDK's; so are the gateway and partner pushes (`GatewayEventsBatchSchema`, `PartnerViolationSchema`). */
export { type GatewayInput, GatewayInputSchema } from '@brightkitchen/sdk';
