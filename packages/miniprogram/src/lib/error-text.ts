/** How an error reads to a person: a network failure says so and offers a retry; a server refusal gives its reason. */
import {
  type BrightKitchenErrorCode,
  type BrightKitchenErrorJSON,
  isBrightKitchenError,
  type LocalizedText,
} from '@brightkitchen/sdk';

export interface ErrorText {
  readonly title: string;
  readonly retryable: boolean;
  readonly code?: BrightKitchenErrorCode;
}

/** A thrown SDK error (`text`) or the JSON the outbox keeps of one (`message`). */
type Refusal = { readonly text: LocalizedText; readonly details?: unknown } | BrightKitchenErrorJSON;

function isText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedText).zh === 'string';
}

/** The first field issue the server listed, errors before warnings: it says what to fix. */
function firstIssue(details: unknown): LocalizedText | undefined {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  const found =
    issues.find((i) => i?.severity !== 'warning' && isText(i?.message)) ?? issues.find((i) => isText(i?.message));
  return found?.message;
}

/** Why the server refused, in Chinese: the first field at fault when it named some, else the error's message. */
export function refusalText(error: Refusal): string {
  if ('code' in error && error.code === 'RATE_LIMITED') return rateLimitText(error.details);
  const issue = firstIssue(error.details);
  if (issue) return issue.zh;
  const text: unknown = 'text' in error ? error.text : error.message;
  if (isText(text)) return text.zh;
  // The JSON of an error kept by an older app version: one string.
  return typeof text === 'string' && text !== '' ? text : '请求未被接受';
}

/** What a day's allowance covers (the server's `details.limit` of RATE_LIMITED), in words. */
const DAILY_LIMIT_TEXT: Readonly<Record<string, string>> = {
  ratings: '您今天的评价次数已用完，明天再来吧',
  notices: '您今天的告知次数已用完，明天再来吧',
  complaints: '您今天的投诉次数已用完。如情况紧急，请拨打 12315',
  photoBytes: '您今天上传的照片已达上限，请少选几张或明天再传',
  smsPerPhone: '这个手机号今天获取验证码的次数已用完，请明天再试',
};

/** RATE_LIMITED in a sentence: which allowance, or how long to wait. */
function rateLimitText(details: unknown): string {
  const { limit, retryAfterSeconds } = (details ?? {}) as { limit?: unknown; retryAfterSeconds?: unknown };
  if (typeof limit === 'string' && DAILY_LIMIT_TEXT[limit]) return DAILY_LIMIT_TEXT[limit];
  const seconds = typeof retryAfterSeconds === 'number' ? retryAfterSeconds : 0;
  if (limit === 'smsResend') return `验证码刚刚发出，请 ${Math.max(1, seconds)} 秒后再获取`;
  if (seconds > 0 && seconds <= 120) return `操作太频繁，请 ${seconds} 秒后再试`;
  return '操作太频繁，请稍后再试';
}

/** A service the platform relies on is down (`details.upstream` of UPSTREAM_UNAVAILABLE). */
const UPSTREAM_TEXT: Readonly<Record<string, string>> = {
  sms: '短信暂时发不出去，请稍后重试',
  wechat: '微信登录暂时不可用，请稍后重试',
};

/** The session is gone (not a wrong SMS code, which is a 401 too but says what to fix). */
const SIGNED_OUT: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID']);

/**
 * A sentence for any error, never its code: a network failure says so and offers a retry; a refusal gives its
 * reason (the field at fault, the allowance used up, the wait).
 */
export function errorText(error: unknown): ErrorText {
  if (isBrightKitchenError(error, 'NetworkError'))
    return { title: '网络不可用，请检查网络后重试', retryable: true, code: error.code };
  if (isBrightKitchenError(error)) {
    const { code } = error;
    if (error.status === 404) return { title: '没有找到这家单位，请确认二维码或门店码', retryable: false, code };
    if (code === 'RATE_LIMITED') return { title: rateLimitText(error.details), retryable: false, code };
    if (code === 'UPSTREAM_UNAVAILABLE') {
      const upstream = (error.details as { upstream?: string } | undefined)?.upstream ?? '';
      return { title: UPSTREAM_TEXT[upstream] ?? '服务暂时不可用，请稍后重试', retryable: true, code };
    }
    if (error.status !== undefined && error.status >= 500)
      return { title: '服务暂时不可用，请稍后重试', retryable: true, code };
    if (SIGNED_OUT.has(code)) return { title: '登录已失效，请重新登录', retryable: false, code };
    return { title: refusalText(error), retryable: false, code };
  }
  return { title: '出错了，请重试', retryable: true };
}

/** The one-per-day rating rule, explained. */
export const RATING_ALREADY_TODAY_TEXT =
  '您今天已经评价过这家单位了。为保证评价真实，每位顾客每天只能评价同一家单位一次，明天再来吧。';
