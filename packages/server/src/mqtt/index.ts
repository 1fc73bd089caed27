export {
  type BrokerAuthority,
  type BrokerIdentity,
  createBrokerAuthority,
  venueEventsTopic,
} from './broker-authority.js';
export type { ConnectionHandler, MessageHandler, MqttBus, MqttEndpoints, PublishOptions } from './bus.js';
export { createEmbeddedBroker, type EmbeddedBrokerOptions } from './embedded-broker.js';
export { createExternalBus, type ExternalBusOptions } from './external-bus.js';
