/**
 * A local stand-in for Tencent Cloud SMS speaking its documented wire format (API 3.0, `SendSms` 2021-01-11): it
 * checks the TC3-HMAC-SHA256 signature the way Tencent Cloud does (recomputed here from the request, on its own,
 * not with the server's signer), keeps each message, and answers `{ Response: { SendStatusSet, RequestId } }` or
 * `{ Response: { Error: { Code, Message }, RequestId } }`.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSmsMessage {
  readonly phone: string;
  readonly templateId: string;
  readonly params: readonly string[];
  readonly signName: string;
  readonly appId: string;
  readonly headers: IncomingHttpHeaders;
}

export interface FakeTencentSms {
  readonly baseUrl: string;
  readonly messages: FakeSmsMessage[];
  /** The 6-digit code of the last message to `phone` (11 digits). */
  lastCode(phone: string): string | undefined;
  /** The next call is refused with this Tencent error code (e.g. `FailedOperation.InsufficientBalanceInSmsPackage`). */
  failNext(code: string): void;
  close(): Promise<void>;
}

export const FAKE_SMS_SECRET = { id: 'AKIDfakefakefakefake', key: 'fake-secret-key-0123456789' } as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

function expectedAuthorization(headers: IncomingHttpHeaders, body: string): string {
  const timestamp = Number(headers['x-tc-timestamp']);
  const day = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const signed = /SignedHeaders=([^,]+)/.exec(String(headers.authorization))?.[1] ?? '';
  const names = signed.split(';');
  const canonicalHeaders = names
    .map((name) => {
      const value = String(headers[name] ?? '').trim();
      return `${name}:${name === 'x-tc-action' ? value.toLowerCase() : value}\n`;
    })
    .join('');
  const canonical = `POST\n/\n\n${canonicalHeaders}\n${signed}\n${sha256(body)}`;
  const scope = `${day}/sms/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${FAKE_SMS_SECRET.key}`, day), 'sms'), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${FAKE_SMS_SECRET.id}/${scope}, SignedHeaders=${signed}, Signature=${signature}`;
}

export async function startFakeTencentSms(): Promise<FakeTencentSms> {
  const messages: FakeSmsMessage[] = [];
  let failure: string | undefined;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const requestId = randomUUID();
      const send = (response: object) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Response: { ...response, RequestId: requestId } }));
      };
      const error = (Code: string, Message: string) => send({ Error: { Code, Message } });
      const h = req.headers;
      if (req.method !== 'POST' || h['x-tc-action'] !== 'SendSms' || h['x-tc-version'] !== '2021-01-11')
        return error('InvalidAction', 'only SendSms 2021-01-11');
      if (!h['x-tc-region']) return error('MissingParameter', 'X-TC-Region');
      if (Math.abs(Number(h['x-tc-timestamp']) - Date.now() / 1000) > 300)
        return error('AuthFailure.SignatureExpire', 'timestamp out of window');
      if (h.authorization !== expectedAuthorization(h, body))
        return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
      if (failure) {
        const code = failure;
        failure = undefined;
        return error(code, 'refused by the fake');
      }
      const input = JSON.parse(body) as {
        PhoneNumberSet: string[];
        SmsSdkAppId: string;
        SignName: string;
        TemplateId: string;
        TemplateParamSet: string[];
      };
      const statuses = input.PhoneNumberSet.map((number) => {
        messages.push({
          phone: number.replace(/^\+86/, ''),
          templateId: input.TemplateId,
          params: input.TemplateParamSet,
          signName: input.SignName,
          appId: input.SmsSdkAppId,
          headers: h,
        });
        return {
          SerialNo: randomUUID(),
          PhoneNumber: number,
          Fee: 1,
          SessionContext: '',
          Code: 'Ok',
          Message: 'send success',
          IsoCode: 'CN',
        };
      });
      send({ SendStatusSet: statuses });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    lastCode: (phone) => messages.filter((m) => m.phone === phone).at(-1)?.params[0],
    failNext: (code) => {
      failure = code;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The settings (BK_SMS_PROVIDER=tencent, its keys) that send a server's codes to the fake. */
export function fakeSmsEnv(fake: FakeTencentSms): Record<string, string> {
  return {
    BK_SMS_PROVIDER: 'tencent',
    BK_SMS_API_BASE: fake.baseUrl,
    BK_SMS_SECRET_ID: FAKE_SMS_SECRET.id,
    BK_SMS_SECRET_KEY: FAKE_SMS_SECRET.key,
    BK_SMS_APP_ID: '1400000001',
    BK_SMS_SIGN_NAME: '明厨亮灶',
    BK_SMS_TEMPLATE_ID: '2000001',
  };
}
