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
  const issue = firstIssue(error.details);
  if (issue) return issue.zh;
  const text: unknown = 'text' in error ? error.text : error.message;
  if (isText(text)) return text.zh;
  // The JSON of an error kept by an older app version: one string.
  return typeof text === 'string' && text !== '' ? text : '请求未被接受';
}

export function errorText(error: unknown): ErrorText {
  if (isBrightKitchenError(error, 'NetworkError'))
    return { title: '网络不可用，请检查网络后重试', retryable: true, code: error.code };
  if (isBrightKitchenError(error)) {
    if (error.status === 404)
      return { title: '没有找到这家单位，请确认二维码或门店码', retryable: false, code: error.code };
    if (error.status !== undefined && error.status >= 500)
      return { title: '服务暂时不可用，请稍后重试', retryable: true, code: error.code };
    if (error.status === 401) return { title: '登录已失效，请重新登录', retryable: false, code: error.code };
    return { title: refusalText(error), retryable: false, code: error.code };
  }
  return { title: '出错了，请重试', retryable: true };
}

/** The one-per-day rating rule, explained. */
export const RATING_ALREADY_TODAY_TEXT =
  '您今天已经评价过这家单位了。为保证评价真实，每位顾客每天只能评价同一家单位一次，明天再来吧。';
