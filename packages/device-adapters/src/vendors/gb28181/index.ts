export { ALARM_METHODS, ALARM_TYPES, type AlarmKind } from './alarm-types.js';
export { gb28181 } from './definition.js';
export { buildSipOk, looksLikeSip, parseSipRequest, type SipAnswerOptions, type SipRequest, sipHeader } from './sip.js';
