/**
 * A consumer signs in on first use. In WeChat: `Taro.login()` gives a code, the server exchanges it with WeChat
 * (POST /v1/auth/wechat). In a browser (the H5 app) there is no WeChat: the sign-in page (pages/login) takes a phone
 * number and the SMS code sent to it, and the flow that needed the sign-in goes on once it is done.
 */
import type { Session } from '@brightkitchen/sdk';
import Taro from '@tarojs/taro';
import { consumerClient } from './client';

/** How this build signs consumers in, for sentences such as “首次评价需用{SIGN_IN_NAME}登录”. */
export const SIGN_IN_NAME = process.env.TARO_ENV === 'h5' ? '手机号' : '微信';

/** The sign-in page says it is done (with the session) or closed without signing in (nothing). */
export const SIGN_IN_DONE = 'bk:consumer-sign-in-done';

/** The person left the sign-in page without signing in: nothing was sent, nothing to report as an error. */
export class SignInCancelled extends Error {
  constructor() {
    super('sign-in cancelled');
    this.name = 'SignInCancelled';
  }
}

export async function ensureConsumerLogin(): Promise<Session> {
  const client = consumerClient();
  const current = await client.auth.session();
  if (current && current.user.role === 'consumer') return current;
  if (process.env.TARO_ENV === 'h5') return signInOnPage();
  return client.auth.wechatLogin((await Taro.login()).code);
}

/** Opens the sign-in page and waits for it. */
function signInOnPage(): Promise<Session> {
  return new Promise((resolve, reject) => {
    const settle = (session?: Session) => {
      Taro.eventCenter.off(SIGN_IN_DONE, settle);
      if (session) resolve(session);
      else reject(new SignInCancelled());
    };
    Taro.eventCenter.on(SIGN_IN_DONE, settle);
    Taro.navigateTo({ url: '/pages/login/index' }).catch(() => settle());
  });
}
