/** The edge gateway: sources next to the devices, forwards through the SDK outbox. Node only. */
export {
  type GatewayConfig,
  GatewayConfigSchema,
  type GatewaySourceConfig,
  GatewaySourceSchema,
  loadGatewayConfig,
  parseGatewayConfig,
} from './config.js';
export {
  EVENTS_PATH,
  type EventsBody,
  type Forward,
  forwardOf,
  type IsapiRelayBody,
  MQTT_RELAY_PATH,
  type MqttRelayBody,
} from './forward.js';
export { createGateway, type Gateway, type GatewayLog, type GatewayOptions, type GatewayStats } from './gateway.js';
export { isapiHttpBody } from './multipart-body.js';
export { createUplinkTransport, type UplinkTransportOptions } from './uplink-transport.js';
