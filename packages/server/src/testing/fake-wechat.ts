/** The tests' WeChat: code2session over the wire (auth/code2session-stand-in.ts) with codes registered by the test. */
import { startCode2SessionStandIn } from '../auth/code2session-stand-in.js';

export interface FakeWechat {
  readonly baseUrl: string;
  /** Registers a code that logs in as this openid (once, as real codes are single-use). */
  addCode(code: string, openid: string): void;
  readonly requests: URL[];
  close(): Promise<void>;
}

export async function startFakeWechat(appId: string, secret: string): Promise<FakeWechat> {
  const codes = new Map<string, string>();
  const requests: URL[] = [];
  const standIn = await startCode2SessionStandIn({
    appId,
    secret,
    onRequest: (url) => requests.push(url),
    openidOf: (code) => {
      const openid = codes.get(code);
      codes.delete(code);
      return openid;
    },
  });
  return { ...standIn, addCode: (code, openid) => codes.set(code, openid), requests };
}
