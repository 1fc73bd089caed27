/**
 * @brightkitchen/sdk/taro — the core plus Taro's seams: `Taro.request` transport, Taro storage and MQTT over
 * `Taro.connectSocket`. No Taro import: pass the app's `Taro` (or WeChat's `wx`) in.
 */
export * from '../index.js';
export {
  createTaroClient,
  createTaroRealtime,
  type TaroClientOptions,
  type TaroRealtimeOptions,
} from './create-taro-client.js';
export {
  type ConnectOptions,
  createPacketReader,
  encodeConnect,
  encodePublish,
  encodeSubscribe,
  type MqttPacket,
} from './mqtt/codec.js';
export {
  type ByteSocket,
  type ByteSocketHandlers,
  createMqttRealtime,
  type MqttRealtime,
  type MqttRealtimeOptions,
  type OpenByteSocket,
  type RealtimeStatus,
} from './mqtt/realtime.js';
export { taroByteSocket } from './socket.js';
export { createTaroStorage } from './storage.js';
export type {
  TaroConnectSocketOptions,
  TaroLike,
  TaroNetworkStatus,
  TaroRequestOptions,
  TaroRequestSuccess,
  TaroSocketTask,
} from './taro-api.js';
export { createTaroTransport, type TaroTransportOptions } from './transport.js';
