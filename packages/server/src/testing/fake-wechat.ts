/**
 * A local stand-in for WeChat's API speaking its documented wire format:
 * `GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code`
 * → `{ openid, session_key, unionid? }` or `{ errcode, errmsg }` (served as text/plain, as WeChat does).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    const q = url.searchParams;
    if (q.get('appid') !== appId || q.get('secret') !== secret)
      return send({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (q.get('grant_type') !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
    const openid = codes.get(q.get('js_code') ?? '');
    if (!openid) return send({ errcode: 40029, errmsg: 'invalid code' });
    codes.delete(q.get('js_code') ?? '');
    send({ openid, session_key: 'c2Vzc2lvbi1rZXk=' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    addCode: (code, openid) => codes.set(code, openid),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
