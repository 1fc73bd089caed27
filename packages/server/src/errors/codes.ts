/**
 * The one registry of error codes the API answers with: HTTP status and a message in zh-CN and en.
 * Add a code here before throwing it; docs/api.md and the SDK's error classes follow this list.
 */
import { ALERT_RULE_MESSAGES, type LocalizedText } from '@brightkitchen/sdk';

export interface ErrorDefinition {
  readonly status: number;
  readonly message: LocalizedText;
}

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: { zh: '请求内容不合法', en: 'The request is invalid' } },
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    message: { zh: '缺少 Idempotency-Key 请求头', en: 'The Idempotency-Key header is required' },
  },
  UNAUTHENTICATED: { status: 401, message: { zh: '请先登录', en: 'Authentication is required' } },
  INVALID_CREDENTIALS: { status: 401, message: { zh: '账号或密码错误', en: 'Wrong login or password' } },
  TOKEN_EXPIRED: { status: 401, message: { zh: '登录已过期', en: 'The token has expired' } },
  TOKEN_INVALID: { status: 401, message: { zh: '登录凭证无效', en: 'The token is invalid' } },
  SIGNATURE_INVALID: { status: 401, message: { zh: '签名无效', en: 'The request signature is invalid' } },
  TIMESTAMP_OUT_OF_WINDOW: {
    status: 401,
    message: { zh: '请求时间戳超出允许范围', en: 'The request timestamp is outside the allowed window' },
  },
  REPLAYED_REQUEST: { status: 401, message: { zh: '重复的请求', en: 'The request was already received' } },
  WECHAT_LOGIN_FAILED: { status: 401, message: { zh: '微信登录失败', en: 'WeChat login failed' } },
  FORBIDDEN: { status: 403, message: { zh: '无权访问', en: 'You may not do this' } },
  NOT_FOUND: { status: 404, message: { zh: '未找到', en: 'Not found' } },
  METHOD_NOT_ALLOWED: { status: 405, message: { zh: '不支持的请求方法', en: 'Method not allowed' } },
  CONFLICT: { status: 409, message: { zh: '与现有数据冲突', en: 'Conflicts with existing data' } },
  RATING_ALREADY_TODAY: {
    status: 409,
    message: { zh: '今天已经评价过该单位', en: 'You already rated this venue today' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: {
      zh: '该 Idempotency-Key 已用于不同的请求内容',
      en: 'This Idempotency-Key was already used with a different body',
    },
  },
  RETENTION_NOT_REACHED: {
    status: 409,
    message: { zh: '记录未到保存期限，不能删除', en: 'The record is within its retention time and cannot be deleted' },
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: { zh: '请求内容过大', en: 'The request body is too large' } },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  },
  ALERT_INVALID_TRANSITION: { status: 409, message: ALERT_RULE_MESSAGES.ALERT_INVALID_TRANSITION },
  ALERT_CORRECTIVE_ACTION_REQUIRED: { status: 422, message: ALERT_RULE_MESSAGES.ALERT_CORRECTIVE_ACTION_REQUIRED },
  LEDGER_RULE_VIOLATION: {
    status: 422,
    message: { zh: '台账不符合食品安全规则', en: 'The ledger record breaks a food-safety rule' },
  },
  RATE_LIMITED: { status: 429, message: { zh: '请求过于频繁', en: 'Too many requests' } },
  INTERNAL: { status: 500, message: { zh: '服务器内部错误', en: 'Internal server error' } },
  UPSTREAM_UNAVAILABLE: {
    status: 502,
    message: { zh: '上游服务不可用', en: 'An upstream service is unavailable' },
  },
  DEVICE_UNKNOWN_VENDOR: {
    status: 422,
    message: { zh: '没有该厂商的设备适配器', en: 'No device adapter for this vendor' },
  },
  DEVICE_BINDING_TAKEN: {
    status: 409,
    message: { zh: '该主题或地址已绑定其他设备', en: 'This topic or address is already bound to another device' },
  },
  DEVICE_COMMAND_REJECTED: {
    status: 422,
    message: { zh: '设备不支持该命令或参数', en: 'The device does not accept this command' },
  },
  DEVICE_CREDENTIALS_INVALID: {
    status: 401,
    message: { zh: '设备凭证无效', en: 'The device credentials are invalid' },
  },
  INGEST_REJECTED: {
    status: 422,
    message: { zh: '设备消息无法解析', en: 'The device message could not be converted' },
  },
  DEVICES_UNAVAILABLE: {
    status: 503,
    message: { zh: '设备接入服务未启用', en: 'Device ingestion is not running' },
  },
  DEVICE_NOT_REGISTERED: {
    status: 422,
    message: { zh: '该设备未在平台登记', en: 'This device is not registered with the platform' },
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The wire message: "zh / en". */
export function errorMessage(code: ErrorCode): string {
  const { zh, en } = ERROR_CODES[code].message;
  return `${zh} / ${en}`;
}
