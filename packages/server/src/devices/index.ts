export { type Clock, type ManualClock, manualClock, systemClock } from './clock.js';
export { deviceSecretMatches, hashDeviceSecret, newDeviceSecret } from './credentials.js';
export type { DeviceEntry, RegisteredDevice, ViolationMap } from './device.js';
export { listVenueDevices, type Registered, registerDevice } from './device-store.js';
export { DeviceDirectory } from './directory.js';
export { type DevicesRuntime, type DevicesRuntimeOptions, registerDevicesRuntime } from './runtime.js';
export {
  AlertParamsSchema,
  DeviceParamsSchema,
  type DeviceRegistration,
  DeviceRegistrationSchema,
} from './schemas.js';
export { type DeviceStatus, DeviceStatusBook, type LastReading, statusOf } from './status.js';
export { type DeviceTopics, deviceTopics, isValidTopicKey, topicKey } from './topics.js';
