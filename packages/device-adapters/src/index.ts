/**
 * @brightkitchen/device-adapters — vendor definitions as data plus pure converters.
 * The I/O that feeds them (MQTT, ISAPI HTTP, SIP, ONVIF polling) lives apart.
 */
export { ADAPTERS, adapterFor, allAdapters, registerAdapter, VENDOR_NAMES } from './registry.js';
export { type AlertStreamFeed, AlertStreamReader } from './shared/alert-stream.js';
export {
  type MultipartFeed,
  type MultipartOptions,
  type MultipartPart,
  MultipartStreamParser,
  multipartBoundary,
} from './shared/multipart.js';
export { violationFromText } from './shared/violations.js';
export { frigate } from './vendors/frigate/index.js';
export {
  ALARM_METHODS,
  ALARM_TYPES,
  type AlarmKind,
  buildSipOk,
  gb28181,
  looksLikeSip,
  parseSipRequest,
  type SipAnswerOptions,
  type SipRequest,
  sipHeader,
} from './vendors/gb28181/index.js';
export { hikvisionIsapi, type IsapiSplit, splitIsapiBody } from './vendors/hikvision-isapi/index.js';
export { onvif } from './vendors/onvif/index.js';
export { mergeStatus, type ShellyState, shelly } from './vendors/shelly/index.js';
export { tasmota } from './vendors/tasmota/index.js';
export { zigbee2mqtt } from './vendors/zigbee2mqtt/index.js';
export { parseXml, type XmlElement, type XmlParseResult } from './xml/reader.js';
