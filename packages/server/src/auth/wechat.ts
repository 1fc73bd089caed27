/**
 * WeChat mini-program login: exchanges a `wx.login` code for the user's openid through
 * `GET {base}/sns/jscode2session` (WeChat's documented wire format; the base is configurable).
 */
import { AppError } from '../errors/index.js';

export interface WechatConfig {
  readonly apiBase: string;
  readonly appId: string;
  readonly secret: string;
}

export interface WechatSession {
  readonly openid: string;
  readonly unionid?: string;
}

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

export async function code2session(config: WechatConfig, code: string): Promise<WechatSession> {
  const url = new URL(`${config.apiBase}/sns/jscode2session`);
  url.searchParams.set('appid', config.appId);
  url.searchParams.set('secret', config.secret);
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  let answer: Code2SessionAnswer;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    // WeChat answers JSON with a text/plain content type: parse the text.
    answer = JSON.parse(await res.text()) as Code2SessionAnswer;
  } catch (err) {
    throw new AppError('UPSTREAM_UNAVAILABLE', { upstream: 'wechat', reason: String(err) });
  }
  if ((answer.errcode !== undefined && answer.errcode !== 0) || !answer.openid) {
    throw new AppError('WECHAT_LOGIN_FAILED', { errcode: answer.errcode ?? null, errmsg: answer.errmsg ?? null });
  }
  return answer.unionid ? { openid: answer.openid, unionid: answer.unionid } : { openid: answer.openid };
}
