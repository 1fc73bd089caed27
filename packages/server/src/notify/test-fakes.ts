/**
 * Local stand-ins for the notification channels' far ends (test support, not shipped):
 * WeChat's documented API (`/cgi-bin/stable_token`, `/cgi-bin/token`, `/cgi-bin/message/subscribe/send`) and a webhook receiver.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechatApi {
  readonly baseUrl: string;
  readonly tokensIssued: number;
  readonly sent: { accessToken: string; body: Record<string, unknown> }[];
  /** The next send answers this errcode once (e.g. 40001 "invalid credential"). */
  failNextSend(errcode: number): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startFakeWechatApi(appId: string, secret: string): Promise<FakeWechatApi> {
  let tokensIssued = 0;
  let stable: string | undefined;
  let failNext: number | undefined;
  const valid = new Set<string>();
  const sent: FakeWechatApi['sent'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      const q = url.searchParams;
      if (q.get('grant_type') !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (q.get('appid') !== appId || q.get('secret') !== secret)
        return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      tokensIssued++;
      const token = `token-${tokensIssued}`;
      valid.add(token);
      return send({ access_token: token, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      const q = JSON.parse(await readBody(req)) as Record<string, unknown>;
      if (q.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (q.appid !== appId || q.secret !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      // The same token for every caller while it is valid; a forced refresh issues a new one.
      if (stable && valid.has(stable) && q.force_refresh !== true)
        return send({ access_token: stable, expires_in: 7000 });
      tokensIssued++;
      stable = `stable-token-${tokensIssued}`;
      valid.add(stable);
      return send({ access_token: stable, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const accessToken = url.searchParams.get('access_token') ?? '';
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      if (!valid.has(accessToken))
        return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid' });
      if (failNext !== undefined) {
        const errcode = failNext;
        failNext = undefined;
        if (errcode === 40001) valid.delete(accessToken);
        return send({ errcode, errmsg: 'fake failure' });
      }
      sent.push({ accessToken, body });
      return send({ errcode: 0, errmsg: 'ok', msgid: sent.length });
    }
    res.writeHead(404).end();
  });
  const baseUrl = await listen(server);
  return {
    baseUrl,
    get tokensIssued() {
      return tokensIssued;
    },
    sent,
    failNextSend(errcode) {
      failNext = errcode;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: { headers: IncomingMessage['headers']; body: string }[];
  /** Status codes to answer, in order; 204 once they run out. */
  answers: number[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(answers: number[] = []): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received,
    answers,
    close: async () => {},
  };
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const status = receiver.answers.shift() ?? 204;
    if (status < 300) received.push({ headers: req.headers, body });
    res.writeHead(status).end();
  });
  const base = await listen(server);
  return Object.assign(receiver, {
    url: `${base}/hooks/bk`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
