/**
 * Tencent Cloud SMS, API 3.0 `SendSms` (version 2021-01-11) over HTTPS: a JSON POST signed with TC3-HMAC-SHA256
 * (the documented "signature v3": canonical request → string to sign → key derived from date, service and
 * `tc3_request`). Answers `{ Response: { SendStatusSet: [{ Code: 'Ok', … }], RequestId } }`, or
 * `{ Response: { Error: { Code, Message }, RequestId } }` for a refused call.
 */
import type { SmsConfig } from '../config.js';
import { nodeHmacSha256, nodeHmacSha256Hex, nodeSha256Hex } from '../crypto/index.js';
import { AppError } from '../errors/index.js';
import type { SmsSender } from './sms-sender.js';

const SERVICE = 'sms';
const ACTION = 'SendSms';
const VERSION = '2021-01-11';
const CONTENT_TYPE = 'application/json; charset=utf-8';

interface SignInput {
  readonly secretId: string;
  readonly secretKey: string;
  readonly host: string;
  readonly action: string;
  readonly body: string;
  /** Seconds since the epoch (`X-TC-Timestamp`). */
  readonly timestamp: number;
}

/** The `Authorization` header of a TC3-HMAC-SHA256 signed POST (signed headers: content-type, host, x-tc-action). */
export function tc3Authorization({ secretId, secretKey, host, action, body, timestamp }: SignInput): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonicalHeaders = `content-type:${CONTENT_TYPE}\nhost:${host}\nx-tc-action:${action.toLowerCase()}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, nodeSha256Hex(body)].join('\n');
  const scope = `${date}/${SERVICE}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, nodeSha256Hex(canonicalRequest)].join('\n');
  const secretDate = nodeHmacSha256(`TC3${secretKey}`, date);
  const secretService = nodeHmacSha256(secretDate, SERVICE);
  const secretSigning = nodeHmacSha256(secretService, 'tc3_request');
  const signature = nodeHmacSha256Hex(secretSigning, toSign);
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

interface SendSmsAnswer {
  Response?: {
    SendStatusSet?: { Code?: string; Message?: string; PhoneNumber?: string }[];
    Error?: { Code?: string; Message?: string };
    RequestId?: string;
  };
}

export function tencentSmsSender(config: SmsConfig, now: () => number = Date.now): SmsSender {
  const url = new URL(`${config.apiBase}/`);
  return {
    provider: 'tencent',
    async sendCode({ phone, code, minutes }) {
      const body = JSON.stringify({
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: config.appId,
        SignName: config.signName,
        TemplateId: config.templateId,
        TemplateParamSet: [code, String(minutes)],
      });
      const timestamp = Math.floor(now() / 1000);
      const refuse = (reason: string) => new AppError('UPSTREAM_UNAVAILABLE', { upstream: 'sms', reason });
      let answer: SendSmsAnswer;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: tc3Authorization({ ...config, host: url.host, action: ACTION, body, timestamp }),
            'content-type': CONTENT_TYPE,
            'x-tc-action': ACTION,
            'x-tc-version': VERSION,
            'x-tc-region': config.region,
            'x-tc-timestamp': String(timestamp),
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        answer = (await res.json()) as SendSmsAnswer;
      } catch (error) {
        throw refuse(String(error));
      }
      const failure = answer.Response?.Error;
      if (failure) throw refuse(`${failure.Code ?? 'Error'}: ${failure.Message ?? ''}`);
      const status = answer.Response?.SendStatusSet?.[0];
      if (status?.Code !== 'Ok') throw refuse(`${status?.Code ?? 'no status'}: ${status?.Message ?? ''}`);
    },
  };
}
