/**
 * WeChat login on first use: `Taro.login()` gives a code, the server exchanges it with WeChat (POST /v1/auth/wechat).
 * The h5 build has no WeChat: it sends a per-device code kept in storage (the demo server's WeChat stand-in maps it).
 */
import type { Session } from '@brightkitchen/sdk';
import Taro from '@tarojs/taro';
import { consumerClient } from './client';

const DEVICE_CODE_KEY = 'bk-consumer:device-code';

export async function ensureConsumerLogin(): Promise<Session> {
  const client = consumerClient();
  const current = await client.auth.session();
  if (current && current.user.role === 'consumer') return current;
  return client.auth.wechatLogin(await loginCode());
}

async function loginCode(): Promise<string> {
  if (process.env.TARO_ENV !== 'h5') return (await Taro.login()).code;
  let code = Taro.getStorageSync(DEVICE_CODE_KEY) as string;
  if (!code) {
    code = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    Taro.setStorageSync(DEVICE_CODE_KEY, code);
  }
  return code;
}
