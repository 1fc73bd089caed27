/**
 * A local stand-in for WeChat's `code2session`, speaking its documented wire format:
 * `GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code` → `{ openid, session_key }` or
 * `{ errcode, errmsg }`, served as text/plain as WeChat does. The demo (no real app id) and the tests use it;
 * they differ only in which code gives which openid.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Code2SessionStandInOptions {
  readonly appId: string;
  readonly secret: string;
  /** The openid a code signs in as; undefined refuses it (errcode 40029). */
  readonly openidOf: (code: string) => string | undefined;
  /** Sees every request (tests count them). */
  readonly onRequest?: (url: URL) => void;
}

export interface Code2SessionStandIn {
  readonly baseUrl: string;
  close(): Promise<void>;
}

export async function startCode2SessionStandIn(options: Code2SessionStandInOptions): Promise<Code2SessionStandIn> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    options.onRequest?.(url);
    const send = (body: object) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    const q = url.searchParams;
    if (q.get('appid') !== options.appId || q.get('secret') !== options.secret)
      return send({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (q.get('grant_type') !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
    const openid = options.openidOf(q.get('js_code') ?? '');
    if (!openid) return send({ errcode: 40029, errmsg: 'invalid code' });
    send({ openid, session_key: randomBytes(16).toString('base64') });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
