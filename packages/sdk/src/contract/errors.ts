/**
 * The one registry of the API's error codes: the HTTP status each is answered with, its message in zh-CN and
 * en, and when it is used. The server throws only these codes; docs/api.md's table is generated from this list
 * (`pnpm docs:api`). Apps import the `ApiErrorCode` type to compare codes: the table itself ships only where it
 * is imported (the server, docs), not with `createClient`.
 */
import type { LocalizedText } from '../domain/text.js';
import { ALERT_RULE_MESSAGES } from '../rules/escalation/errors.js';

/** One API error: its HTTP status, what a person reads, and when the API answers with it. */
export interface ApiErrorDefinition {
  readonly status: number;
  readonly message: LocalizedText;
  /** When the API answers with this code, in one line (English, for docs/api.md). */
  readonly meaning: string;
}

/**
 * Every code the API answers with.
 *
 * @example
 * API_ERRORS.RATING_ALREADY_TODAY.status // 409
 */
export const API_ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    message: { zh: '请求内容不合法', en: 'The request is invalid' },
    meaning: 'The body, query, path or a header does not fit the route; `details.issues` lists each field (FIELD_*).',
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    message: { zh: '缺少 Idempotency-Key 请求头', en: 'The Idempotency-Key header is required' },
    meaning: 'A ledger write came without the `Idempotency-Key` header it requires.',
  },
  UNAUTHENTICATED: {
    status: 401,
    message: { zh: '请先登录', en: 'Authentication is required' },
    meaning: 'A route that needs a principal was called without credentials.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: { zh: '账号或密码错误', en: 'Wrong login or password' },
    meaning: 'Login with an unknown login or a wrong password.',
  },
  TOKEN_EXPIRED: {
    status: 401,
    message: { zh: '登录已过期', en: 'The token has expired' },
    meaning: 'The access token is past its lifetime; refresh the session and retry.',
  },
  TOKEN_INVALID: {
    status: 401,
    message: { zh: '登录凭证无效', en: 'The token is invalid' },
    meaning: 'A forged, malformed or revoked token, or a refresh token already spent.',
  },
  SIGNATURE_INVALID: {
    status: 401,
    message: { zh: '签名无效', en: 'The request signature is invalid' },
    meaning: 'A partner request whose `X-BK-Signature` does not match its key, path, timestamp and body.',
  },
  TIMESTAMP_OUT_OF_WINDOW: {
    status: 401,
    message: { zh: '请求时间戳超出允许范围', en: 'The request timestamp is outside the allowed window' },
    meaning: 'A partner request whose `X-BK-Timestamp` is more than 5 minutes off the server clock.',
  },
  REPLAYED_REQUEST: {
    status: 401,
    message: { zh: '重复的请求', en: 'The request was already received' },
    meaning: 'A partner signature already seen within the timestamp window.',
  },
  WECHAT_LOGIN_FAILED: {
    status: 401,
    message: { zh: '微信登录失败', en: 'WeChat login failed' },
    meaning: 'WeChat refused the `wx.login` code; `details` has its `errcode` and `errmsg`.',
  },
  FORBIDDEN: {
    status: 403,
    message: { zh: '无权访问', en: 'You may not do this' },
    meaning: 'The caller is known but has no role or relation that allows this (another venue, region or role).',
  },
  NOT_FOUND: {
    status: 404,
    message: { zh: '未找到', en: 'Not found' },
    meaning: 'No such route, or no such entity (venue, alert, device …).',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: { zh: '不支持的请求方法', en: 'Method not allowed' },
    meaning: 'Reserved: the server answers an unknown method with NOT_FOUND; device receivers send it.',
  },
  CONFLICT: {
    status: 409,
    message: { zh: '与现有数据冲突', en: 'Conflicts with existing data' },
    meaning: 'A unique value already taken, a member already added, a notice already answered, a key in use.',
  },
  RATING_ALREADY_TODAY: {
    status: 409,
    message: { zh: '今天已经评价过该单位', en: 'You already rated this venue today' },
    meaning: 'A consumer rating the same venue a second time on the same day.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: {
      zh: '该 Idempotency-Key 已用于不同的请求内容',
      en: 'This Idempotency-Key was already used with a different body',
    },
    meaning: 'An `Idempotency-Key` sent again with a different body.',
  },
  RETENTION_NOT_REACHED: {
    status: 409,
    message: { zh: '记录未到保存期限，不能删除', en: 'The record is within its retention time and cannot be deleted' },
    meaning: 'Reserved: deleting a record before its retention day (no route deletes records today).',
  },
  ALERT_INVALID_TRANSITION: {
    status: 409,
    message: ALERT_RULE_MESSAGES.ALERT_INVALID_TRANSITION,
    meaning: 'Acknowledging or resolving an alert in a state that does not allow it.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: { zh: '请求内容过大', en: 'The request body is too large' },
    meaning: "A body over the route's limit, or a photo over its size limit (`details.path`, `details.maxBytes`).",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: { zh: '不支持的内容类型', en: 'Unsupported content type' },
    meaning: 'A body that is not JSON, or a photo of a type the route does not take.',
  },
  LEDGER_RULE_VIOLATION: {
    status: 422,
    message: { zh: '台账不符合食品安全规则', en: 'The ledger record breaks a food-safety rule' },
    meaning: 'A ledger record refused by a food-safety rule; `details.issues` has the LEDGER_* findings.',
  },
  ALERT_CORRECTIVE_ACTION_REQUIRED: {
    status: 422,
    message: ALERT_RULE_MESSAGES.ALERT_CORRECTIVE_ACTION_REQUIRED,
    meaning: 'Resolving an alert without a corrective action.',
  },
  DEVICE_UNKNOWN_VENDOR: {
    status: 422,
    message: { zh: '没有该厂商的设备适配器', en: 'No device adapter for this vendor' },
    meaning: 'Registering a device of a vendor no loaded adapter handles.',
  },
  DEVICE_COMMAND_REJECTED: {
    status: 422,
    message: { zh: '设备不支持该命令或参数', en: 'The device does not accept this command' },
    meaning: "A command or schedule the device's adapter cannot send.",
  },
  INGEST_REJECTED: {
    status: 422,
    message: { zh: '设备消息无法解析', en: 'The device message could not be converted' },
    meaning: "A device push the vendor adapter could not convert; `details` has the adapter's reason.",
  },
  DEVICE_NOT_REGISTERED: {
    status: 422,
    message: { zh: '该设备未在平台登记', en: 'This device is not registered with the platform' },
    meaning: 'A partner push about a device the platform does not know.',
  },
  DEVICE_BINDING_TAKEN: {
    status: 409,
    message: { zh: '该主题或地址已绑定其他设备', en: 'This topic or address is already bound to another device' },
    meaning: 'Registering a device on a topic or address another device already uses.',
  },
  DEVICE_CREDENTIALS_INVALID: {
    status: 401,
    message: { zh: '设备凭证无效', en: 'The device credentials are invalid' },
    meaning: 'A device or gateway push with a wrong or unknown device secret.',
  },
  RATE_LIMITED: {
    status: 429,
    message: { zh: '请求过于频繁', en: 'Too many requests' },
    meaning:
      'A limit was reached (logins per address, a locked account, public routes per address, a consumer’s sends per day); retry after `Retry-After` seconds.',
  },
  INTERNAL: {
    status: 500,
    message: { zh: '服务器内部错误', en: 'Internal server error' },
    meaning: 'An unexpected failure; the server logs it.',
  },
  UPSTREAM_UNAVAILABLE: {
    status: 502,
    message: { zh: '上游服务不可用', en: 'An upstream service is unavailable' },
    meaning: 'WeChat (or another service the request needs) did not answer.',
  },
  DEVICES_UNAVAILABLE: {
    status: 503,
    message: { zh: '设备接入服务未启用', en: 'Device ingestion is not running' },
    meaning: 'A device route while device ingestion is turned off or not started yet.',
  },
} as const satisfies Record<string, ApiErrorDefinition>;

/** A code the API answers with: compare `ApiError.code` against these. */
export type ApiErrorCode = keyof typeof API_ERRORS;

/** True for a code of this registry (a newer server may answer codes an older SDK does not list). */
export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && Object.hasOwn(API_ERRORS, value);
}
