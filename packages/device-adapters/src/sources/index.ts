/**
 * Sources: the I/O in front of the pure converters (MQTT subscriptions, the ISAPI HTTP receiver and
 * alertStream client, the GB/T 28181 SIP listener, the ONVIF PullPoint poller). Node only.
 */
export { type BatchQueue, createBatchQueue } from './batch-queue.js';
export {
  type DigestChallenge,
  type DigestCredentials,
  type DigestRequest,
  digestAuthorization,
  parseDigestChallenge,
} from './digest-auth.js';
export {
  type AlertStreamClient,
  type AlertStreamClientOptions,
  type AlertStreamStatus,
  createAlertStreamClient,
} from './isapi-alert-stream.js';
export { createIsapiReceiver, type IsapiReceiver, type IsapiReceiverOptions } from './isapi-receiver.js';
export { createMqttSource, type MqttSource, type MqttSourceOptions } from './mqtt-source.js';
export { adapterForTopic, mqttFilters } from './mqtt-topics.js';
export { createOnvifPoller, type OnvifPollerOptions, soapEnvelope } from './onvif-poller.js';
export { createSipListener, type SipListener, type SipListenerOptions } from './sip-listener.js';
export type {
  Source,
  SourceBatch,
  SourceHandlers,
  SourceKind,
  SourceRejection,
  SourceStats,
} from './source.js';
export { passwordDigest, usernameTokenHeader } from './ws-security.js';
