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
  SMS_CODE_INVALID: {
    status: 401,
    message: {
      zh: '验证码不正确，请核对短信中的 6 位数字',
      en: 'The code is wrong; check the 6 digits in the text message',
    },
    meaning: 'An SMS sign-in with a code that is not the one sent to that number (each number allows 5 wrong tries).',
  },
  SMS_CODE_EXPIRED: {
    status: 401,
    message: {
      zh: '验证码已失效，请重新获取',
      en: 'The code is no longer valid; ask for a new one',
    },
    meaning: 'An SMS sign-in with no live code for the number: never sent, past its 5 minutes, used, or tried 5 times.',
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
  PHONE_IN_USE: {
    status: 409,
    message: {
      zh: '这个手机号已用于另一个账号，不能再绑定',
      en: 'This phone number already belongs to another account',
    },
    meaning: 'Linking a number that another consumer already signed in with: two accounts are never merged.',
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
  LEDGER_ALREADY_CORRECTED: {
    status: 409,
    message: {
      zh: '这条台账记录刚刚已被更正，请刷新后更正最新的那条',
      en: 'This ledger record was just corrected; reload and correct the latest version',
    },
    meaning:
      'Two corrections of the same ledger record written at once: a record is corrected once, the later write is refused.',
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
  RECTIFICATION_NOT_OPEN: {
    status: 409,
    message: {
      zh: '整改通知当前状态不允许此操作',
      en: 'The rectification notice is not in a state that allows this',
    },
    meaning:
      'Answering a rectification notice that is not open, reviewing one that has no answer waiting, or planning a re-inspection of a closed one (`details.state`).',
  },
  SAMPLING_RESULT_EXISTS: {
    status: 409,
    message: { zh: '该抽检任务已录入结果', en: 'This sampling task already has its result' },
    meaning: 'Recording a second result for a sampling task.',
  },
  TIP_ALREADY_WITHDRAWN: {
    status: 409,
    message: { zh: '该贴士或预警已撤回', en: 'The tip or alert is already withdrawn' },
    meaning: 'Withdrawing a tip or consumer alert that was withdrawn before (`details.withdrawnAt`).',
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
  RECTIFICATION_DEADLINE_PAST: {
    status: 422,
    message: { zh: '整改期限不能早于今天', en: 'The deadline cannot be before today' },
    meaning:
      "A rectification notice, a sampling task or a re-inspection dated before today on the venue's clock (`details.today`).",
  },
  RECTIFICATION_SOURCE_INVALID: {
    status: 422,
    message: {
      zh: '整改来源不存在或不属于该单位',
      en: 'The source of the notice does not exist or is not of this venue',
    },
    meaning:
      'A rectification notice whose source (inspection, alert, notice, sampling task) is missing, unknown or of another venue.',
  },
  RECTIFICATION_PHOTO_MISSING: {
    status: 422,
    message: { zh: '照片尚未上传', en: 'A photo has not been uploaded' },
    meaning:
      "A photo ref of a rectification answer or a lab report that is not in the venue's photo store (`details.refs`); upload it first.",
  },
  RECTIFICATION_REMARK_REQUIRED: {
    status: 422,
    message: { zh: '退回整改请写明原因', en: 'A rejection needs a remark' },
    meaning: 'Rejecting a rectification answer without a remark.',
  },
  SAMPLING_INSPECTOR_INVALID: {
    status: 422,
    message: {
      zh: '抽检人员须为该辖区的监管人员',
      en: "The inspector must be a regulator of the venue's region",
    },
    meaning: "A sampling task assigned to a user who is not a regulator of the venue's region.",
  },
  SAMPLING_RESULT_INCONSISTENT: {
    status: 422,
    message: {
      zh: '结论与检测项目不一致',
      en: 'The outcome does not match the items tested',
    },
    meaning: 'A sampling result marked pass with an item that failed, fail with none failed, or dated after today.',
  },
  TIP_VALIDITY_INVALID: {
    status: 422,
    message: {
      zh: '有效期不合法：结束时间须晚于开始时间，且不超过 366 天',
      en: 'The validity period is invalid: it must end after it starts and last at most 366 days',
    },
    meaning: 'A tip or consumer alert whose `validUntil` is not after `validFrom`, or more than 366 days after it.',
  },
  TIP_VALIDITY_PAST: {
    status: 422,
    message: { zh: '有效期已结束，无需发布', en: 'The validity period is already over' },
    meaning: 'A tip or consumer alert whose `validUntil` is already past (`details.now`).',
  },
  DUTY_KINDS_INVALID: {
    status: 422,
    message: { zh: '适用业态重复', en: 'A venue kind is listed twice' },
    meaning: 'A duty or procedure whose `kinds` names one venue kind more than once (`details.kinds`).',
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
  DEVICE_REMOVED: {
    status: 409,
    message: { zh: '该设备已移除', en: 'This device has been removed' },
    meaning: 'A command or schedule for a device its venue removed (its history stays readable).',
  },
  DEVICE_CREDENTIALS_INVALID: {
    status: 401,
    message: { zh: '设备凭证无效', en: 'The device credentials are invalid' },
    meaning: 'A device or gateway push with a wrong or unknown device secret.',
  },
  TRAINING_NOT_A_LEARNER: {
    status: 403,
    message: {
      zh: '只有本单位从业人员档案中的人员才能参加考试',
      en: 'Only a person in a venue’s staff archive takes exams',
    },
    meaning: 'Starting an exam with an account not linked to a staff archive entry (a membership with a staff id).',
  },
  CERTIFICATE_NOT_FOUND: {
    status: 404,
    message: { zh: '没有该编号的培训合格证', en: 'No certificate has this code' },
    meaning: 'A certificate code that was never issued (or is not a code at all): a forged or mistyped code.',
  },
  TRAINING_EXAM_RETIRED: {
    status: 409,
    message: { zh: '该考试已停用', en: 'This exam has been retired' },
    meaning: 'Starting an exam its region retired.',
  },
  TRAINING_ATTEMPTS_EXHAUSTED: {
    status: 409,
    message: { zh: '考试次数已用完，请到期后再考', en: 'No attempts left for now; try again later' },
    meaning:
      'A new attempt beyond the exam’s allowance (attempts within 30 days since the last pass); `details.retryOn` is the day one frees up.',
  },
  TRAINING_TIME_UP: {
    status: 409,
    message: { zh: '考试时间已到，不能再作答或交卷', en: 'Time is up: no more answers or submission' },
    meaning: 'An answer or a submission after the attempt’s deadline (and 30 s of grace); nothing is stored.',
  },
  TRAINING_ATTEMPT_CLOSED: {
    status: 409,
    message: { zh: '本次考试已交卷', en: 'This attempt has already been submitted' },
    meaning: 'A submission replayed, or an answer sent after the submission; nothing is stored.',
  },
  TRAINING_QUESTION_NOT_ON_PAPER: {
    status: 422,
    message: { zh: '该题不在本次试卷中', en: 'This question is not on the paper' },
    meaning: 'An answer to a question that is not on the attempt’s paper.',
  },
  TRAINING_BANK_TOO_SMALL: {
    status: 422,
    message: { zh: '题库中该知识点的试题不足', en: 'The bank has too few questions for these rules' },
    meaning: 'An exam whose rules ask for more questions of a topic than the bank holds; `details.shortfalls`.',
  },
  QUESTION_FILE_UNREADABLE: {
    status: 422,
    message: { zh: '无法读取试题文件', en: 'The question file cannot be read' },
    meaning: 'An import whose bytes are not the .xlsx or CSV (UTF-8 or GB18030) it says.',
  },
  QUESTION_IMPORT_REFUSED: {
    status: 422,
    message: { zh: '试题文件有错误，未导入任何试题', en: 'The question file has errors; nothing was imported' },
    meaning:
      'An import with broken rows and no `skipInvalid` (or a problem of the whole file); `details.report` lists each by row, column and code.',
  },
  REGISTER_IMPORT_REFUSED: {
    status: 422,
    message: { zh: '登记表有错误，未导入任何数据', en: 'The register has errors; nothing was imported' },
    meaning:
      'A register upload with bad rows and no `skipInvalid`; `details.report` lists each bad row by row, column and code.',
  },
  REGISTER_FILE_UNREADABLE: {
    status: 422,
    message: { zh: '无法读取登记表文件（应为 CSV 或 .xlsx）', en: 'The register file cannot be read (CSV or .xlsx)' },
    meaning: 'A register upload that is neither CSV nor .xlsx by its bytes, or holds more rows than an import takes.',
  },
  REGION_NOT_FOUND: {
    status: 404,
    message: { zh: '地区不存在', en: 'No such region' },
    meaning: 'A warehouse, risk or map query named a region that does not exist.',
  },
  WAREHOUSE_RANGE_INVALID: {
    status: 400,
    message: { zh: '日期范围不合法', en: 'The date range is invalid' },
    meaning: 'A warehouse query whose `from` is after `to`, or whose range is longer than 366 days.',
  },
  RISK_AS_OF_INVALID: {
    status: 400,
    message: { zh: '排名日期不合法', en: 'The ranking date is invalid' },
    meaning: 'A risk query whose `asOf` is later than tomorrow (a ranking uses only data before its date).',
  },
  INSPECTION_SIGNATURE_REQUIRED: {
    status: 422,
    message: { zh: '检查记录须有检查人员签名', en: 'The inspection record needs the inspector’s signature' },
    meaning:
      'An inspection was sent without `inspectorSignature`, or the manager’s countersignature was neither signed nor declined.',
  },
  INSPECTION_ITEM_UNKNOWN: {
    status: 422,
    message: {
      zh: '检查项目不在本地区的检查表中，或重复填写',
      en: 'An item is not on the region’s checklist, or was answered twice',
    },
    meaning:
      'An inspection answered a code that is not on the checklist in force (`details.unknown`) or the same code twice (`details.duplicates`).',
  },
  INSPECTION_NOTHING_CHECKED: {
    status: 422,
    message: {
      zh: '至少须检查一项（不适用项不计）',
      en: 'At least one item must be checked (not applicable does not count)',
    },
    meaning: 'Every answer of an inspection was `not_applicable`: there is nothing to grade.',
  },
  INSPECTION_DATE_INVALID: {
    status: 422,
    message: { zh: '检查日期不能晚于今天', en: 'The inspection date cannot be after today' },
    meaning: 'An inspection dated after today in the venue’s time zone.',
  },
  INSPECTION_PHOTO_MISSING: {
    status: 422,
    message: { zh: '照片或签名尚未上传', en: 'A photo or signature has not been uploaded' },
    meaning:
      'A signature or photo ref of an inspection is not in the venue’s photo store (`details.refs`); upload it first.',
  },
  LIST_ALREADY_PUBLISHED: {
    status: 409,
    message: { zh: '该地区该期红黑榜已发布', en: 'Lists for this region and period are already published' },
    meaning:
      'A draft was published for a region and period (and scope) whose lists are already published; nothing changed.',
  },
  LIST_NOT_DRAFT: {
    status: 409,
    message: { zh: '红黑榜已发布，不能再修改', en: 'The lists are published and can no longer change' },
    meaning: 'An exclusion or a second publication of lists already published.',
  },
  LIST_VENUE_NOT_LISTED: {
    status: 422,
    message: { zh: '该单位不在此榜单上', en: 'The venue is not on these lists' },
    meaning: 'An exclusion named a venue that is on neither list of the draft (or is excluded already).',
  },
  LIST_SCOPE_INVALID: {
    status: 422,
    message: { zh: '榜单范围内的单位须属于该地区', en: 'Every venue of the scope must belong to the region' },
    meaning: 'A draft whose scope names venues that do not exist or lie outside its region (`details.venueIds`).',
  },
  LIVE_URL_INVALID: {
    status: 403,
    message: { zh: '直播链接无效', en: 'This video link is not valid' },
    meaning: 'A play or recording URL whose signature does not match (tampered, or signed for another channel).',
  },
  LIVE_URL_EXPIRED: {
    status: 403,
    message: { zh: '直播链接已过期，请刷新页面', en: 'This video link has expired; reload the page' },
    meaning: 'A signed play URL used after `expiresAt` by a viewer who was not already watching.',
  },
  LIVE_CHANNEL_PRIVATE: {
    status: 403,
    message: { zh: '该画面不对公众开放', en: 'This camera is not shown to the public' },
    meaning: 'A public play URL for a channel its venue has since made private (or removed).',
  },
  LIVE_OUTSIDE_HOURS: {
    status: 403,
    message: { zh: '不在后厨直播时段', en: 'The kitchen is not shown at this hour' },
    meaning: "A public play URL used outside the channel's hours (in the venue's zone).",
  },
  LIVE_VIEWERS_FULL: {
    status: 429,
    message: { zh: '观看人数已满，请稍后再试', en: 'Too many people are watching; try again shortly' },
    meaning: "The venue's cap on concurrent live viewers (`BK_VIDEO_MAX_VIEWERS`) is reached; protects its uplink.",
  },
  LIVE_UNAVAILABLE: {
    status: 503,
    message: { zh: '画面暂时无法播放，正在恢复', en: 'The video is temporarily unavailable and recovering' },
    meaning:
      "The channel's source cannot be reached (camera off, network down) or the media engine is off; it retries by itself.",
  },
  VIDEO_SOURCE_FORBIDDEN: {
    status: 400,
    message: { zh: '摄像头地址不允许指向本机', en: 'A camera source may not point at the server itself' },
    meaning:
      'A camera source whose host is or resolves to loopback, link-local or unspecified (BK_VIDEO_LOCAL_SOURCES off).',
  },
  RECORDING_RANGE_INVALID: {
    status: 400,
    message: { zh: '回放时间段不合法', en: 'The playback range is invalid' },
    meaning:
      'A playback whose `to` is not after `from`, lies in the future, or spans more than `PLAYBACK_MAX_MINUTES`.',
  },
  RECORDING_NOT_FOUND: {
    status: 404,
    message: { zh: '该时间段没有录像', en: 'No recording in this range' },
    meaning: 'The channel has no recorded video in the range (not recorded, not streaming then, or purged).',
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
