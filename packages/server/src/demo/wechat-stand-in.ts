/**
 * The demo's WeChat: with no BK_WECHAT_APPID, `bk-server start` runs this local code2session (loopback, a random
 * port) and points its WeChat login at it, so consumers sign in offline — every distinct `wx.login` code is a
 * distinct consumer, the same code the same one (WeChat's wire format: auth/code2session-stand-in.ts); it
 * answers only the app id and secret it was started with.
 */
import { randomBytes } from 'node:crypto';
import { startCode2SessionStandIn } from '../auth/code2session-stand-in.js';
import type { ServerConfig } from '../config.js';
import { nodeSha256Hex } from '../crypto/index.js';
import { DEMO_CONSUMER_OPENID } from './accounts.js';

export const STAND_IN_APP_ID = 'wx-demo-stand-in';
/** The code that signs in as the demo consumer of `demo-accounts.json` (any other code: a new consumer). */
export const DEMO_CONSUMER_CODE = 'demo-consumer';

export interface WechatStandIn {
  /** The configuration to build the app with: WeChat login through the stand-in. */
  readonly config: ServerConfig;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The openid the stand-in gives a code: stable per code, distinct across codes. */
export const standInOpenid = (code: string) =>
  code === DEMO_CONSUMER_CODE ? DEMO_CONSUMER_OPENID : `demo-wx-${nodeSha256Hex(code).slice(0, 28)}`;

export async function startWechatStandIn(config: ServerConfig): Promise<WechatStandIn> {
  const secret = randomBytes(16).toString('hex');
  const standIn = await startCode2SessionStandIn({
    appId: STAND_IN_APP_ID,
    secret,
    openidOf: (code) => (code ? standInOpenid(code) : undefined),
  });
  return {
    ...standIn,
    config: { ...config, wechat: { ...config.wechat, apiBase: standIn.baseUrl, appId: STAND_IN_APP_ID, secret } },
  };
}

/** The banner's lines on how consumers sign in on this server: WeChat (real or the stand-in) and SMS codes. */
export function consumerSignInNotes(config: ServerConfig, standIn: WechatStandIn | undefined): string[] {
  const wechat = standIn
    ? `Consumer sign-in 顾客登录 (WeChat 微信): no BK_WECHAT_APPID, so a local stand-in answers code2session (${standIn.baseUrl}): POST /v1/auth/wechat with any code signs a consumer in, each distinct code a distinct consumer (\`${DEMO_CONSUMER_CODE}\`: the demo consumer)`
    : `Consumer sign-in 顾客登录 (WeChat 微信): AppID ${config.wechat.appId}, ${config.wechat.apiBase}`;
  const sms =
    config.sms.provider === 'log'
      ? 'H5 sign-in 手机验证码: codes are not sent (BK_SMS_PROVIDER=log): each is printed in this log, on a line starting "sms code 短信验证码"'
      : `H5 sign-in 手机验证码: sent by Tencent Cloud SMS (${config.sms.apiBase})`;
  return [wechat, sms];
}
