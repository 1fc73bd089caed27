/** Typed rejections: why a raw message could not be converted. Stable codes, messages zh + en. */
import type { LocalizedText } from '../domain/text.js';

/** Why a converter could not read a message: a closed list of stable codes. */
export const ADAPTER_REJECTION_CODES = [
  'ADAPTER_MALFORMED_JSON',
  'ADAPTER_MALFORMED_XML',
  'ADAPTER_MALFORMED_MULTIPART',
  'ADAPTER_MALFORMED_SIP',
  'ADAPTER_UNKNOWN_TOPIC',
  'ADAPTER_UNSUPPORTED_EVENT',
  'ADAPTER_MISSING_FIELD',
  'ADAPTER_INVALID_VALUE',
  'ADAPTER_PAYLOAD_TOO_LARGE',
  'ADAPTER_BAD_ENCODING',
  'ADAPTER_UNSUPPORTED_COMMAND',
  'ADAPTER_INTERNAL_ERROR',
] as const;
/** One of {@link ADAPTER_REJECTION_CODES}. */
export type AdapterRejectionCode = (typeof ADAPTER_REJECTION_CODES)[number];

/** The message of each {@link AdapterRejectionCode} in zh-CN and en. */
export const ADAPTER_REJECTION_MESSAGES: Readonly<Record<AdapterRejectionCode, LocalizedText>> = {
  ADAPTER_MALFORMED_JSON: { zh: '消息不是有效的 JSON', en: 'The payload is not valid JSON' },
  ADAPTER_MALFORMED_XML: { zh: '消息不是有效的 XML', en: 'The payload is not well-formed XML' },
  ADAPTER_MALFORMED_MULTIPART: { zh: 'multipart 消息格式错误', en: 'The multipart body is malformed' },
  ADAPTER_MALFORMED_SIP: { zh: 'SIP 消息格式错误', en: 'The SIP message is malformed' },
  ADAPTER_UNKNOWN_TOPIC: { zh: '不认识的主题', en: 'The topic is not one this adapter reads' },
  ADAPTER_UNSUPPORTED_EVENT: { zh: '不支持的事件类型', en: 'The event type is not supported' },
  ADAPTER_MISSING_FIELD: { zh: '缺少必需字段', en: 'A required field is missing' },
  ADAPTER_INVALID_VALUE: { zh: '字段值无效', en: 'A field has an invalid value' },
  ADAPTER_PAYLOAD_TOO_LARGE: { zh: '消息过大', en: 'The payload is too large' },
  ADAPTER_BAD_ENCODING: { zh: '消息字符编码无法识别', en: 'The payload is not in a readable character encoding' },
  ADAPTER_UNSUPPORTED_COMMAND: { zh: '设备不支持该命令', en: 'The device does not support this command' },
  ADAPTER_INTERNAL_ERROR: { zh: '转换器内部错误', en: 'The converter failed on this message (a bug to report)' },
};

/** Small scalar facts about a rejection (the field, the topic, the event type…). */
export type RejectionDetails = Readonly<Record<string, string | number | boolean | null>>;

/**
 * A converter's refusal of a message: a stable code, its message in zh and en, and details.
 * @example rejection('ADAPTER_MISSING_FIELD', { field: 'Temperature' })
 */
export interface AdapterRejection {
  readonly code: AdapterRejectionCode;
  readonly message: LocalizedText;
  readonly details?: RejectionDetails;
}

/** A rejection with its standard message; `details` says what exactly (field, topic, event type…). */
export function rejection(code: AdapterRejectionCode, details?: RejectionDetails): AdapterRejection {
  const message = ADAPTER_REJECTION_MESSAGES[code];
  return details === undefined ? { code, message } : { code, message, details };
}

/** True for a value shaped like an `AdapterRejection` (survives JSON and realms). */
export function isAdapterRejection(value: unknown): value is AdapterRejection {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && (ADAPTER_REJECTION_CODES as readonly string[]).includes(code);
}
