/** How an error reads to a person: a network failure says so and offers a retry; a server refusal gives its reason. */
import { isBrightKitchenError } from '@brightkitchen/sdk';

export interface ErrorText {
  readonly title: string;
  readonly retryable: boolean;
  readonly code?: string;
}

/** Server messages are "中文 / English": show the Chinese half. */
export function zhPart(message: string): string {
  const slash = message.indexOf(' / ');
  return slash > 0 ? message.slice(0, slash) : message;
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
    return { title: zhPart(error.message), retryable: false, code: error.code };
  }
  return { title: '出错了，请重试', retryable: true };
}

/** The one-per-day rating rule, explained. */
export const RATING_ALREADY_TODAY_TEXT =
  '您今天已经评价过这家单位了。为保证评价真实，每位顾客每天只能评价同一家单位一次，明天再来吧。';
