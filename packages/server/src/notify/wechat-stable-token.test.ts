/**
 * WeChat's stable token: instances of a cluster each fetching a token get the same one, and none invalidates
 * another's (with `/cgi-bin/token` every fetch would replace the token the other instances hold).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeWechatApi, startFakeWechatApi } from './test-fakes.js';
import { WechatSender } from './wechat-sender.js';

describe('WeChat access token shared by the instances of a cluster', () => {
  let wechat: FakeWechatApi;
  beforeAll(async () => {
    wechat = await startFakeWechatApi('wx-cluster', 'cluster-secret');
  });
  afterAll(() => wechat?.close());

  const instance = () =>
    new WechatSender({
      apiBase: wechat.baseUrl,
      appId: 'wx-cluster',
      secret: 'cluster-secret',
      templateId: 'tmpl',
      now: Date.now,
    });

  it('sends from two instances with one token, neither invalidating the other', async () => {
    const a = instance();
    const b = instance();
    await a.send('o-manager', { thing1: { value: '冷藏柜温度过高' } });
    await b.send('o-head', { thing1: { value: '冷藏柜温度过高' } });
    await a.send('o-manager', { thing1: { value: '提醒' } });
    expect(wechat.tokensIssued).toBe(1);
    expect(new Set(wechat.sent.map((s) => s.accessToken)).size).toBe(1);
    expect(wechat.sent.map((s) => s.body.touser)).toEqual(['o-manager', 'o-head', 'o-manager']);
  });
});
